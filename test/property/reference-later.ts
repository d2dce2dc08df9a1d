/**
 * The reference model of the parts of access model §4 that the later-changes phase exercises,
 * written from the spec alone like reference-model.ts: flagging an organization as a victim
 * service provider after the fact, and what an agency lead may do to a user.
 */
import { effectiveRole } from './reference-model';
import type { Role, UserW, World } from './world';

/** "Refused, with the MOU named, while it is the source of a share" (any release, any dates). */
export function vspFlagAllowed(w: World, org: number): boolean {
  return !w.mous.some((m) => m.shares.some(([from]) => from === org));
}

/** "Every transaction it owns becomes RESTRICTED and every client it owns restrict-intake." */
export function applyVspFlag(w: World, org: number): void {
  w.orgs[org] = { ...w.orgs[org], vsp: true, defaultRestriction: 'RESTRICTED' };
  for (const t of w.txs) if (t.owner === org) t.restriction = 'RESTRICTED';
  for (const c of w.clients) if (c.owner === org) c.restrictIntake = true;
}

/**
 * What each access role lets through beyond everyday work, as the project reads §1
 * (spec §1: reports pass the data analysis, manager and administrator ceilings; the manager
 * ceiling adds (soft) deletes).
 */
const ROLE_ALLOWS: Record<Role, readonly string[]> = {
  AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING: [],
  AGENCY_STAFF: ['assessment writes'],
  AGENCY_STAFF_DATA_ANALYSIS: ['assessment writes', 'reports'],
  AGENCY_MANAGER: ['assessment writes', 'reports', 'deletes'],
  SYSTEM_ADMINISTRATOR: ['assessment writes', 'reports', 'deletes', 'administration'],
};

/** Whether `role` allows nothing `ceiling` does not. */
export function roleWithin(role: Role, ceiling: Role): boolean {
  return ROLE_ALLOWS[role].every((x) => ROLE_ALLOWS[ceiling].includes(x));
}

const capabilitiesOf = (w: World, u: UserW) => new Set(u.workgroups.flatMap((g) => w.workgroups[g].caps));

/**
 * §4: an agency lead holds users:manage only for users all of whose assignments are to orgs the
 * lead leads (and, as ever, whose role is within the lead's own); within that, `revoke` changes
 * (deactivate, reinstate, a display name) for any such user, `handOver` changes (password,
 * unlock, trainings, assignments, workgroups, role) only when the user's workgroups hold no
 * capability the lead's own lack.
 */
export function leadMay(w: World, lead: number, target: number, kind: 'revoke' | 'handOver'): boolean {
  const l = w.users[lead];
  const t = w.users[target];
  if (!leadScopes(w, lead, target)) return false;
  if (!roleWithin(t.role, effectiveRole(w, l))) return false;
  if (kind === 'revoke' || lead === target) return true;
  const own = capabilitiesOf(w, l);
  return [...capabilitiesOf(w, t)].every((c) => own.has(c));
}

/** Whether the lead sees the user in `users` / `user(id)`: all of its assignments are the lead's. */
export function leadScopes(w: World, lead: number, target: number): boolean {
  const l = w.users[lead];
  const t = w.users[target];
  return (
    l.leads.length > 0 && t.assignments.length > 0 && t.assignments.every((a) => l.leads.includes(a.org))
  );
}
