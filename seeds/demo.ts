/**
 * The demo scenario (/work/shared/spec/demo-scenario.md): what a new user sees after the
 * README's start command, and the fixture the project's tests build on. Names, codes and
 * usernames are fixed; ids are returned in {@link DemoIds} so tests can refer to records by name.
 */
import type { DataSource } from 'typeorm';
import { rebuildClientReach } from '../src/access/reach';
import { hashPassword } from '../src/auth/passwords';
import { rebuildMatchKeys } from '../src/modules/stewardship/match-keys';
import { localToday } from '../src/database/sql-time';
import { seedDemoClients, type DemoClientIds } from './demo-clients';
import { seedDemoCe, type DemoCeIds } from './demo-ce';
import { seedDemoHudRecords, type DemoHudRecordIds } from './demo-hud-records';
import { seedDemoSetup, type DemoSetupIds } from './demo-setup';
import { seedAgreement } from './agreement';
import { seedNavigation } from './navigation';

export type { DemoClientName, DemoEnrollmentKey } from './demo-clients';
export type { DemoUsername, OrgCode, ProgramKey, ReleaseNumber } from './demo-setup';
export type { WorkgroupName } from './workgroups';

/**
 * Ids of the seeded records, by name:
 * `orgs.HSS`, `programs.HSS_ES`, `workgroups['HMIS Users']`, `users['sam.shelter']`,
 * `releases[1001]`, `clients['Alex Rivera']`, `enrollments['Alex Rivera/ES']`, ...
 */
export interface DemoIds extends DemoSetupIds, DemoClientIds, DemoCeIds, DemoHudRecordIds {
  /** The date every relative date was computed from. */
  today: string;
}

export interface DemoSeedOptions {
  /** Password of every demo user (SEED_PASSWORD; demo only). */
  password: string;
  /** `YYYY-MM-DD`; default the server's local today. */
  today?: string;
}

/**
 * Loads the demo scenario into an empty, migrated database, in one transaction: either all of
 * it is there afterwards or none of it.
 */
export async function seedDemo(ds: DataSource, options: DemoSeedOptions): Promise<DemoIds> {
  const today = options.today ?? localToday();
  // Timestamps follow `today` when it is given, so a seed "as of" another day stays consistent.
  const now = today === localToday() ? new Date() : new Date(`${today}T12:00:00`);
  // argon2 is deliberately slow: hash once, every demo user shares the demo password.
  const passwordHash = await hashPassword(options.password);
  return ds.transaction(async (m) => {
    const setup = await seedDemoSetup(m, { today, now }, passwordHash);
    await seedNavigation(m, setup.workgroups);
    await seedAgreement(m, now);
    const clients = await seedDemoClients(m, setup, today);
    const ce = await seedDemoCe(m, setup, clients);
    const hudRecords = await seedDemoHudRecords(m, setup, clients, today);
    // The seeds write with the repositories, not the services that keep reach current.
    await rebuildClientReach(m);
    await rebuildMatchKeys(m);
    return { today, ...setup, ...clients, ...ce, ...hudRecords };
  });
}
