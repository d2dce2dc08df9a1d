/**
 * User administration (issue 4, access model §4): accounts, workgroups, organization
 * assignments. Every change is audited in its transaction with the account before and after.
 */
import { In, type EntityManager } from 'typeorm';
import { AccessRole } from '../../access/access-role';
import { hashPassword } from '../../auth/passwords';
import { passwordProblem, temporaryPassword } from '../../auth/password-policy';
import {
  decodeCursor,
  pageSize,
  parseId,
  toConnection,
  type ConnectionValue,
} from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { appError, alreadyExists, badInput } from '../../graphql/errors';
import { maxLength, optionalText, requiredId } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { Organization } from '../organization/organization.entity';
import { OrgAssignment, User, UserStatus } from './user.entity';
import { Workgroup, WorkgroupMembership } from '../admin/workgroup.entity';
import { assertMayGrant, assertMayGrantRole, grantableCapabilities } from './grants';
import { recordTrainings } from './training-records';
import { toAccount, toAccounts, userAuditView } from './user-accounts';
import type { UserAccount, UserPasswordPayload } from './user-account.types';
import {
  assertMayAssign,
  managedUser,
  scopeCondition,
  type ManageKind,
  userAuthority,
  type UserAuthority,
} from './user-scope';
import type { CreateUserInput, OrgAssignmentInput, UpdateUserInput, UserFilter } from './users.inputs';
import { writeTransaction } from '../../database/transactions';

const USERNAME = /^[a-z0-9._-]{3,100}$/;

/** Users the caller may manage, by username, keyset-paged. */
export async function listUsers(
  ctx: RequestContext,
  filter: UserFilter | null | undefined,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionValue<UserAccount>> {
  const auth = userAuthority(ctx);
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['string']);
  const where = [scopeCondition(auth)];
  const params: unknown[] = [];
  if (filter?.organizationId != null) {
    where.push('EXISTS (SELECT 1 FROM org_assignment fa WHERE fa.user_id = u.id AND fa.organization_id = ?)');
    params.push(parseId(filter.organizationId) ?? -1);
  }
  if (filter?.status != null) {
    where.push('u.status = ?');
    params.push(filter.status);
  }
  const search = filter?.search?.trim().toLowerCase() ?? '';
  maxLength('filter.search', search, 100);
  if (search) {
    const pattern = `${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    where.push(`(u.username LIKE ? ESCAPE '!' OR LOWER(u.display_name) LIKE ? ESCAPE '!')`);
    params.push(pattern, pattern);
  }
  const condition = where.join(' AND ');
  const idRows: { id: number | string }[] = await ctx.ds.query(
    `SELECT u.id AS id FROM app_user u WHERE ${condition}${after ? ' AND u.username > ?' : ''} ORDER BY u.username LIMIT ${first + 1}`,
    after ? [...params, after[0]] : params,
  );
  const users = idRows.length
    ? await ctx.ds
        .getRepository(User)
        .find({ where: { id: In(idRows.map((r) => Number(r.id))) }, order: { username: 'ASC' } })
    : [];
  const accounts = await toAccounts(ctx.ds.manager, users.slice(0, first));
  // The row past the page only tells toConnection that a next page exists; it is never returned.
  return toConnection(
    [...accounts, ...users.slice(first)] as UserAccount[],
    first,
    (u) => [u.username],
    async () => {
      const [{ n }] = await ctx.ds.query(`SELECT COUNT(*) AS n FROM app_user u WHERE ${condition}`, params);
      return Number(n);
    },
  );
}

/** One user the caller may manage, or null (for a lead: also when the user is not theirs). */
export async function getUser(ctx: RequestContext, id: string): Promise<UserAccount | null> {
  const auth = userAuthority(ctx);
  const userId = parseId(id);
  if (userId === null) return null;
  const rows: unknown[] = await ctx.ds.query(
    `SELECT u.id FROM app_user u WHERE u.id = ? AND ${scopeCondition(auth)}`,
    [userId],
  );
  return rows.length ? toAccount(ctx.ds.manager, userId) : null;
}

/** Workgroup ids that exist and are active; the added ones must grant only what the caller holds. */
async function checkedWorkgroups(
  m: EntityManager,
  auth: UserAuthority,
  ids: readonly string[],
  current: readonly number[],
  field: string,
): Promise<number[]> {
  const wanted = [...new Set(ids.map((id) => requiredId(field, id)))];
  const found = wanted.length
    ? await m.getRepository(Workgroup).findBy({ id: In(wanted), active: true })
    : [];
  if (found.length !== wanted.length) throw badInput(field, 'no active workgroup with one of these ids');
  const added = wanted.filter((id) => !current.includes(id));
  if (added.length) {
    const rows: { capability: string }[] = await m.query(
      `SELECT DISTINCT capability FROM workgroup_capability WHERE workgroup_id IN (${added.map(Number).join(', ')})`,
    );
    assertMayGrant(
      await grantableCapabilities(m, auth.access),
      rows.map((r) => r.capability),
      'workgroups with the capabilities',
    );
  }
  return wanted;
}

async function checkedAssignment(
  m: EntityManager,
  auth: UserAuthority,
  input: OrgAssignmentInput,
  field: string,
): Promise<OrgAssignment> {
  const organizationId = requiredId(`${field}.organizationId`, input.organizationId);
  const org = await m.getRepository(Organization).findOneBy({ id: organizationId });
  if (!org) throw badInput(`${field}.organizationId`, 'no organization with this id');
  await assertMayAssign(m, auth, organizationId, `${field}.organizationId`);
  // Appointing a lead hands over user management for an agency: an HMIS administrator's call.
  if (input.agencyLead && !auth.all)
    throw appError(
      'FORBIDDEN',
      `${field}.agencyLead: only holders of users:manage can appoint agency leads.`,
      { field },
    );
  return m.getRepository(OrgAssignment).create({
    organizationId,
    canLogin: input.canLogin,
    canEdit: input.canEdit,
    agencyLead: input.agencyLead ?? false,
  });
}

/** Creates a user with a temporary password that must be changed at first login. */
export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<UserPasswordPayload> {
  const auth = userAuthority(ctx);
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw badInput(
      'input.username',
      'must be 3 to 100 lower-case letters, digits, dots, dashes or underscores',
    );
  const displayName = optionalText('input.displayName', input.displayName, 200);
  const role = input.accessRole ?? AccessRole.AGENCY_STAFF;
  assertMayGrantRole(auth.access, role, 'input.accessRole');
  const generated = input.temporaryPassword == null ? temporaryPassword() : null;
  const password = input.temporaryPassword ?? (generated as string);
  const problem = passwordProblem(password, username);
  if (problem) throw badInput('input.temporaryPassword', problem);
  if (
    !auth.all &&
    !(input.assignments ?? []).some((a) => auth.leadOrganizationIds.has(parseId(a.organizationId) ?? -1))
  ) {
    throw appError(
      'FORBIDDEN',
      'input.assignments: as agency lead, assign the new user to your own organization.',
      { field: 'input.assignments' },
    );
  }
  const passwordHash = await hashPassword(password);
  return writeTransaction(ctx.ds, async (m) => {
    if (await m.getRepository(User).existsBy({ username }))
      throw alreadyExists('input.username', `${username} is already taken`);
    const workgroupIds = await checkedWorkgroups(m, auth, input.workgroupIds ?? [], [], 'input.workgroupIds');
    const assignments: OrgAssignment[] = [];
    for (const [i, a] of (input.assignments ?? []).entries())
      assignments.push(await checkedAssignment(m, auth, a, `input.assignments[${i}]`));
    if (new Set(assignments.map((a) => a.organizationId)).size !== assignments.length)
      throw badInput('input.assignments', 'names an organization twice');
    const now = new Date();
    const { identifiers } = await m.insert(User, {
      username,
      displayName,
      passwordHash,
      status: UserStatus.ACTIVE,
      accessRole: role,
      mustChangePassword: true,
      activatedAt: now,
    });
    const userId = Number(identifiers[0].id);
    if (workgroupIds.length)
      await m.insert(
        WorkgroupMembership,
        workgroupIds.map((workgroupId) => ({ userId, workgroupId })),
      );
    if (assignments.length)
      await m.insert(
        OrgAssignment,
        assignments.map((a) => ({ ...a, userId })),
      );
    await recordTrainings(m, userId, input.trainings ?? [], 'input.trainings');
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createUser',
      entityType: 'User',
      entityId: userId,
      clientId: null,
      before: null,
      after: await userAuditView(m, userId),
    });
    return { user: await toAccount(m, userId), temporaryPassword: generated };
  });
}

/** Runs `change` on a user the caller manages, auditing the account before and after. */
export async function changeUser(
  ctx: RequestContext,
  id: string,
  operation: string,
  change: (m: EntityManager, auth: UserAuthority, user: User) => Promise<void>,
  kind: ManageKind = 'handOver',
): Promise<UserAccount> {
  const auth = userAuthority(ctx);
  const userId = requiredId('userId', id);
  return writeTransaction(ctx.ds, async (m) => {
    const user = await managedUser(m, auth, userId, 'userId', kind);
    const before = await userAuditView(m, userId);
    await change(m, auth, user);
    const after = await userAuditView(m, userId);
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation,
      entityType: 'User',
      entityId: userId,
      clientId: null,
      before,
      after,
    });
    return toAccount(m, userId);
  });
}

/** A display name alone grants nothing; a role change is a hand-over (§4). */
export function updateUser(ctx: RequestContext, id: string, input: UpdateUserInput): Promise<UserAccount> {
  const kind: ManageKind = input.accessRole != null ? 'handOver' : 'revoke';
  return changeUser(
    ctx,
    id,
    'updateUser',
    async (m, auth, user) => {
      const values: Partial<User> = {};
      if (input.displayName !== undefined)
        values.displayName = optionalText('input.displayName', input.displayName, 200);
      if (input.accessRole != null) {
        assertMayGrantRole(auth.access, input.accessRole, 'input.accessRole');
        values.accessRole = input.accessRole;
      }
      if (Object.keys(values).length) await m.getRepository(User).update(user.id, values);
    },
    kind,
  );
}

/** Replaces a user's workgroups; workgroups added must grant only what the caller holds. */
export function setUserWorkgroups(
  ctx: RequestContext,
  id: string,
  workgroupIds: string[],
): Promise<UserAccount> {
  return changeUser(ctx, id, 'setUserWorkgroups', async (m, auth, user) => {
    const current = (await m.getRepository(WorkgroupMembership).findBy({ userId: user.id })).map(
      (w) => w.workgroupId,
    );
    const wanted = await checkedWorkgroups(m, auth, workgroupIds, current, 'workgroupIds');
    await m.getRepository(WorkgroupMembership).delete({ userId: user.id });
    if (wanted.length)
      await m.insert(
        WorkgroupMembership,
        wanted.map((workgroupId) => ({ userId: user.id, workgroupId })),
      );
  });
}

/** Adds or changes one organization assignment. */
export function assignUserToOrganization(
  ctx: RequestContext,
  id: string,
  input: OrgAssignmentInput,
): Promise<UserAccount> {
  return changeUser(ctx, id, 'assignUserToOrganization', async (m, auth, user) => {
    const assignment = await checkedAssignment(m, auth, input, 'input');
    const existing = await m
      .getRepository(OrgAssignment)
      .findOneBy({ userId: user.id, organizationId: assignment.organizationId });
    if (existing?.agencyLead && !assignment.agencyLead && !auth.all) {
      throw appError(
        'FORBIDDEN',
        'input.agencyLead: only holders of users:manage can remove an agency lead.',
        { field: 'input.agencyLead' },
      );
    }
    await m.getRepository(OrgAssignment).save({ ...assignment, userId: user.id });
  });
}

export function removeUserFromOrganization(
  ctx: RequestContext,
  id: string,
  organizationId: string,
): Promise<UserAccount> {
  return changeUser(ctx, id, 'removeUserFromOrganization', async (m, auth, user) => {
    const orgId = requiredId('organizationId', organizationId);
    await assertMayAssign(m, auth, orgId, 'organizationId');
    const existing = await m
      .getRepository(OrgAssignment)
      .findOneBy({ userId: user.id, organizationId: orgId });
    if (!existing) throw badInput('organizationId', 'the user is not assigned to this organization');
    if (existing.agencyLead && !auth.all)
      throw appError('FORBIDDEN', 'Only holders of users:manage can remove an agency lead.');
    await m.getRepository(OrgAssignment).delete({ userId: user.id, organizationId: orgId });
  });
}
