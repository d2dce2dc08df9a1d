/**
 * The suite's broad sweeps (every root query as every demo user, the property test's worlds) run
 * whole on a developer's `npm test`; CI (CI=true) runs a fixed sample so the suite stays within
 * its time budget, and SWEEP_FULL=1 runs them whole in CI too. The sample is chosen for the
 * contexts it covers, not at random: every capability (admin), a shelter receiving MOU shares
 * (sam.shelter), a victim service provider (dana.dv), a missing training that caps the role
 * (tara.trainee) and a workgroup with narrow field rights (riley.reserve). The leak oracle
 * samples on its own (LEAK_ORACLE_FULL) and still calls as every user.
 */
import type { HomeUser } from '../access/helpers';

export const FULL_SWEEP = process.env.CI !== 'true' || process.env.SWEEP_FULL === '1';

const CI_USERS: readonly HomeUser[] = ['admin', 'sam.shelter', 'dana.dv', 'tara.trainee', 'riley.reserve'];

/** The demo users a sweep calls as: all of them, or in CI the sample above. */
export function sweepUsers(all: readonly HomeUser[]): HomeUser[] {
  return FULL_SWEEP ? [...all] : all.filter((u) => CI_USERS.includes(u));
}
