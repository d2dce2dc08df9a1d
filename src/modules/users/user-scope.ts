/**
 * Who may manage which users (access model §4): a holder of `users:manage` manages every user;
 * an agency lead (OrgAssignment.agencyLead) manages only users assigned to the lead's own
 * organizations, even without the capability, and never a user whose access role is above
 * the lead's own.
 */
import { In, type EntityManager } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { readyAccess, type RequestContext } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { Organization } from '../organization/organization.entity';
import { OrgAssignment, User } from '../security/user.entity';
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
 * The user `userId`, if the caller may manage them. A lead gets the same refusal for a user of
 * another organization as for an id that does not exist: managing is scoped, not probing.
 */
export async function managedUser(
  m: EntityManager,
  auth: UserAuthority,
  userId: number | null,
  field = 'userId',
): Promise<User> {
  const user = userId === null ? null : await m.getRepository(User).findOneBy({ id: userId });
  if (auth.all) {
    if (!user) throw badInput(field, 'no user with this id');
    return user;
  }
  const inScope =
    user !== null &&
    (await m
      .getRepository(OrgAssignment)
      .countBy({ userId: user.id, organizationId: In([...auth.leadOrganizationIds]) })) > 0;
  if (!user || !inScope) {
    throw appError(
      'FORBIDDEN',
      `As agency lead you manage only users assigned to ${await leadNames(m, auth)}; this user is not one of them.`,
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
  return `EXISTS (SELECT 1 FROM org_assignment sa WHERE sa.user_id = u.id AND sa.organization_id IN (${ids}))`;
}
