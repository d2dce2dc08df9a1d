/**
 * "Nobody can grant a capability they do not hold" (access model §4), and agency leads may not
 * grant roles above their own (issue 4). Used when workgroup capabilities are edited, when a
 * user is given workgroups, and when an access role is set.
 */
import type { EntityManager } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { AccessRole, roleAllows, roleAllowsDelete } from '../../access/access-role';
import { ALL_CAPABILITIES, type Capability, isCapability } from '../../access/capabilities';
import { appError, badInput } from '../../graphql/errors';

/**
 * What the caller holds, for granting: the capabilities of every active workgroup they belong
 * to (not only the active one: a member of two workgroups holds both), within their role.
 */
export async function grantableCapabilities(
  m: EntityManager,
  access: AccessContext,
): Promise<ReadonlySet<Capability>> {
  const rows: { capability: string }[] = await m.query(
    `SELECT DISTINCT wc.capability AS capability
       FROM workgroup_membership wm
       JOIN workgroup w ON w.id = wm.workgroup_id AND w.active = 1
       JOIN workgroup_capability wc ON wc.workgroup_id = wm.workgroup_id
      WHERE wm.user_id = ?`,
    [access.userId],
  );
  const held = new Set(rows.map((r) => r.capability).filter(isCapability));
  return new Set(ALL_CAPABILITIES.filter((c) => held.has(c) && roleAllows(access.effectiveRole, c)));
}

/** Capabilities as given by a caller: each must be one Waypoint knows (src/access/capabilities.ts). */
export function validCapabilities(field: string, values: readonly string[]): Capability[] {
  const unknown = values.filter((v) => !isCapability(v));
  if (unknown.length)
    throw badInput(field, `unknown capabilities: ${unknown.join(', ')} (see the capabilityCatalog query)`);
  return [...new Set(values as Capability[])].sort();
}

/** Refuses to grant capabilities the caller does not hold, naming them. */
export function assertMayGrant(held: ReadonlySet<Capability>, granted: Iterable<string>, what: string): void {
  const missing = [...new Set(granted)].filter((c) => !held.has(c as Capability)).sort();
  if (missing.length) {
    throw appError(
      'FORBIDDEN',
      `You cannot grant ${what} ${missing.join(', ')}: nobody can grant a capability they do not hold themselves.`,
      {
        capabilities: missing,
      },
    );
  }
}

/** Whether everything `role` lets through is also let through by `ceiling` (capabilities and deletes). */
export function roleWithin(role: AccessRole, ceiling: AccessRole): boolean {
  if (ceiling === AccessRole.SYSTEM_ADMINISTRATOR) return true;
  if (roleAllowsDelete(role) && !roleAllowsDelete(ceiling)) return false;
  return ALL_CAPABILITIES.every((c) => !roleAllows(role, c) || roleAllows(ceiling, c));
}

/** Refuses an access role above the caller's own. */
export function assertMayGrantRole(access: AccessContext, role: AccessRole, field: string): void {
  if (!roleWithin(role, access.effectiveRole)) {
    throw appError(
      'FORBIDDEN',
      `${field}: you cannot give the access role ${role}: it allows more than your own role ${access.effectiveRole}.`,
      { field },
    );
  }
}
