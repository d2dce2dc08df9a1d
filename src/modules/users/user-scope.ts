/**
 * Who may manage which users (access model §4): a holder of `users:manage` manages every user;
 * an agency lead (OrgAssignment.agencyLead) holds it, even without the capability, only for
 * users **all** of whose organization assignments are to organizations the lead leads, and
 * never for a user whose access role is above the lead's own. Within that scope a lead may
 * deactivate and reinstate anyone (that takes access away); everything that hands access over
 * (password, unlock, trainings, assignments, workgroups, role) only for users whose workgroups
 * hold no capability the lead's own workgroups lack, so nobody gains a capability indirectly
 * (leak 4 of issue 10: a lead reset a multi-organization user's password and logged in as them).
 */
import { In, type EntityManager } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { readyAccess, type RequestContext } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { Organization } from '../organization/organization.entity';
import { OrgAssignment, User } from './user.entity';
import { roleWithin } from './grants';

export interface UserAuthority {
  access: AccessContext;
  /** Holds users:manage: every user, every organization. */
  all: boolean;
  /** Organizations the caller leads (meaningful when `all` is false). */
  leadOrganizationIds: ReadonlySet<number>;
}

/** The caller's authority over users; the shield rule `userAdmin` already ensured it is not empty. */
export function userAuthority(ctx: RequestContext): UserAuthority {
  const access = readyAccess(ctx);
  const all = access.has('users:manage');
  const leadOrganizationIds = new Set(
    access.facts.assignments.filter((a) => a.agencyLead).map((a) => a.organizationId),
  );
  if (!all && leadOrganizationIds.size === 0)
    throw appError(
      'FORBIDDEN',
      'Managing users needs users:manage or the agency lead role of an organization.',
    );
  return { access, all, leadOrganizationIds };
}

async function leadNames(m: EntityManager, auth: UserAuthority): Promise<string> {
  const orgs = await m.getRepository(Organization).findBy({ id: In([...auth.leadOrganizationIds]) });
  return orgs
    .map((o) => o.name)
    .sort()
    .join(', ');
}

/**
 * What a change does to the account: `revoke` only takes access away or touches nothing that
 * grants it (deactivate, reinstate, display name); `handOver` can put the account's access in
 * other hands or change it (password, unlock, trainings, assignments, workgroups, role).
 */
export type ManageKind = 'revoke' | 'handOver';

/** Capabilities of the user's workgroups (every membership; an inactive workgroup may come back). */
async function workgroupCapabilities(
  m: EntityManager,
  userId: number,
  activeOnly: boolean,
): Promise<Set<string>> {
  const rows: { capability: string }[] = await m.query(
    `SELECT DISTINCT wc.capability AS capability
       FROM workgroup_membership wm
       JOIN workgroup w ON w.id = wm.workgroup_id${activeOnly ? ' AND w.active = 1' : ''}
       JOIN workgroup_capability wc ON wc.workgroup_id = wm.workgroup_id
      WHERE wm.user_id = ?`,
    [userId],
  );
  return new Set(rows.map((r) => r.capability));
}

/**
 * The user `userId`, if the caller may manage them for a change of `kind`. A lead gets the same
 * refusal for a user outside the lead's scope as for an id that does not exist: managing is
 * scoped, not probing, and the refusal names no organization but the lead's own.
 */
export async function managedUser(
  m: EntityManager,
  auth: UserAuthority,
  userId: number | null,
  field = 'userId',
  kind: ManageKind = 'handOver',
): Promise<User> {
  const user = userId === null ? null : await m.getRepository(User).findOneBy({ id: userId });
  if (auth.all) {
    if (!user) throw badInput(field, 'no user with this id');
    return user;
  }
  const assignments = user ? await m.getRepository(OrgAssignment).findBy({ userId: user.id }) : [];
  const inScope =
    assignments.length > 0 && assignments.every((a) => auth.leadOrganizationIds.has(a.organizationId));
  if (!user || !inScope) {
    throw appError(
      'FORBIDDEN',
      `As agency lead you manage only users all of whose organization assignments are to ${await leadNames(m, auth)}; this user is not one of them.`,
      { field },
    );
  }
  if (!roleWithin(user.accessRole, auth.access.effectiveRole)) {
    throw appError(
      'FORBIDDEN',
      `This user's access role ${user.accessRole} is above your own (${auth.access.effectiveRole}); an HMIS administrator manages this account.`,
      { field },
    );
  }
  if (kind === 'handOver' && user.id !== auth.access.userId) {
    const own = await workgroupCapabilities(m, auth.access.userId, true);
    const missing = [...(await workgroupCapabilities(m, user.id, false))].filter((c) => !own.has(c)).sort();
    if (missing.length)
      throw appError(
        'FORBIDDEN',
        `This user's workgroups hold ${missing.join(', ')}, which your own workgroups do not; as agency lead you may deactivate or reinstate this account, but an HMIS administrator must make this change.`,
        { field, capabilities: missing },
      );
  }
  return user;
}

/** Refuses assignments to organizations outside a lead's own. */
export async function assertMayAssign(
  m: EntityManager,
  auth: UserAuthority,
  organizationId: number,
  field: string,
): Promise<void> {
  if (auth.all || auth.leadOrganizationIds.has(organizationId)) return;
  throw appError(
    'FORBIDDEN',
    `${field}: as agency lead you can assign users only to ${await leadNames(m, auth)}.`,
    { field },
  );
}

/** SQL condition (on alias `u`) for the users a caller may list. */
export function scopeCondition(auth: UserAuthority): string {
  if (auth.all) return '1 = 1';
  const ids = [...auth.leadOrganizationIds].map((id) => String(Math.trunc(id))).join(', ');
  return `EXISTS (SELECT 1 FROM org_assignment sa WHERE sa.user_id = u.id AND sa.organization_id IN (${ids}))
    AND NOT EXISTS (SELECT 1 FROM org_assignment so WHERE so.user_id = u.id AND so.organization_id NOT IN (${ids}))`;
}
