/**
 * Account requests (access model §2.4): an agency lead asks for a new account or for a
 * deactivation at the lead's organization; a holder of users:manage verifies the required
 * trainings and approves or rejects. A deactivation happens on its last day through the sweep
 * (`npm run users:sweep`) even if nobody acts. Every step is audited.
 */
import { In, type DataSource } from 'typeorm';
import { AccessRole } from '../../access/access-role';
import { revokeUserSessions } from '../../auth/session-store';
import { writeTransaction } from '../../database/transactions';
import { localToday } from '../../database/sql-time';
import { parseId } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { requiredId, requiredText } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { Organization } from '../organization/organization.entity';
import { OrgAssignment, User, UserStatus } from '../users/user.entity';
import { Workgroup } from '../admin/workgroup.entity';
import { deactivateUser } from '../users/user-lifecycle.service';
import { managedUser, userAuthority } from '../users/user-scope';
import { createUser } from '../users/users.service';
import type { TrainingInput } from '../users/users.inputs';
import {
  AccountRequestKind,
  AccountRequestStatus,
  type AccountRequestApproval,
  type AccountRequestInput,
  type AccountRequestView,
} from './account-requests.types';
import { AccountRequest } from './stewardship.entity';

const USERNAME = /^[a-z0-9._-]{3,100}$/;

export function toView(r: AccountRequest): AccountRequestView {
  return {
    id: r.id,
    kind: r.kind as AccountRequestKind,
    status: r.status as AccountRequestStatus,
    organizationId: r.organizationId,
    requestedById: r.requestedById,
    username: r.account?.username ?? null,
    displayName: r.account?.displayName ?? null,
    accessRole: (r.account?.accessRole as AccessRole | undefined) ?? null,
    workgroupIds: r.account?.workgroupIds ?? [],
    userId: r.userId,
    lastDay: r.lastDay,
    reason: r.reason,
    requestedAt: r.createdAt,
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
  };
}

export async function requestUserAccount(
  ctx: RequestContext,
  input: AccountRequestInput,
): Promise<AccountRequestView> {
  const auth = userAuthority(ctx);
  const organizationId = requiredId('input.organizationId', input.organizationId);
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw badInput(
      'input.username',
      'must be 3 to 100 lower-case letters, digits, dots, dashes or underscores',
    );
  const displayName = requiredText('input.displayName', input.displayName, 200);
  const accessRole = input.accessRole ?? AccessRole.AGENCY_STAFF;
  if (accessRole === AccessRole.SYSTEM_ADMINISTRATOR)
    throw badInput('input.accessRole', 'an agency lead cannot request the SYSTEM_ADMINISTRATOR role');
  const workgroupIds = [...new Set(input.workgroupIds.map((id) => requiredId('input.workgroupIds', id)))];
  return writeTransaction(ctx.ds, async (m) => {
    const org = await m.getRepository(Organization).findOneBy({ id: organizationId });
    if (!org) throw badInput('input.organizationId', 'no organization with this id');
    if (!auth.all && !auth.leadOrganizationIds.has(organizationId))
      throw appError(
        'FORBIDDEN',
        `input.organizationId: you can request accounts only for organizations you lead.`,
        {
          field: 'input.organizationId',
        },
      );
    if (await m.getRepository(User).existsBy({ username }))
      throw badInput('input.username', `${username} is already taken`);
    const pending = await m
      .getRepository(AccountRequest)
      .findBy({ kind: 'ACCOUNT', status: 'PENDING', organizationId });
    if (pending.some((p) => p.account?.username === username))
      throw appError('CONFLICT', `An account for ${username} is already requested.`, {
        field: 'input.username',
      });
    const found = workgroupIds.length
      ? await m.getRepository(Workgroup).findBy({ id: In(workgroupIds), active: true })
      : [];
    if (found.length !== workgroupIds.length)
      throw badInput('input.workgroupIds', 'no active workgroup with one of these ids');
    const saved = await m.getRepository(AccountRequest).save(
      m.getRepository(AccountRequest).create({
        kind: 'ACCOUNT',
        status: 'PENDING',
        organizationId,
        requestedById: auth.access.userId,
        account: { username, displayName, workgroupIds, accessRole, canEdit: input.canEdit ?? true },
        userId: null,
        lastDay: null,
        reason: null,
        decidedById: null,
        decidedAt: null,
        decisionReason: null,
      }),
    );
    await audit(m, ctx, 'CREATE', 'requestUserAccount', saved, null);
    return toView(saved);
  });
}

export async function requestDeactivation(
  ctx: RequestContext,
  userIdArg: string,
  lastDay: string,
  reasonArg: string,
): Promise<AccountRequestView> {
  const auth = userAuthority(ctx);
  const userId = parseId(userIdArg);
  const reason = requiredText('reason', reasonArg, 500);
  if (lastDay < localToday()) throw badInput('lastDay', 'is in the past: deactivate the account now instead');
  return writeTransaction(ctx.ds, async (m) => {
    // A lead gets the same refusal for a user of another organization as for an unknown id.
    // Asking to take access away grants nothing, so the lead may ask it for any user of the
    // lead's organizations, as the lead may deactivate them (access model: agency leads).
    const user = await managedUser(m, auth, userId, 'userId', 'revoke');
    if (user.status === UserStatus.DEACTIVATED)
      throw badInput('userId', `${user.username} is already deactivated`);
    const open = await m.getRepository(AccountRequest).findOneBy({
      kind: 'DEACTIVATION',
      userId: user.id,
      status: In(['PENDING', 'APPROVED']),
    });
    if (open)
      throw appError(
        'CONFLICT',
        `A deactivation of ${user.username} is already requested (request ${open.id}).`,
        {
          field: 'userId',
        },
      );
    const assignments = await m.getRepository(OrgAssignment).findBy({ userId: user.id });
    const org =
      assignments.find((a) => auth.leadOrganizationIds.has(a.organizationId)) ?? assignments[0] ?? null;
    if (!org) throw badInput('userId', `${user.username} is assigned to no organization`);
    const saved = await m.getRepository(AccountRequest).save(
      m.getRepository(AccountRequest).create({
        kind: 'DEACTIVATION',
        status: 'PENDING',
        organizationId: org.organizationId,
        requestedById: auth.access.userId,
        account: null,
        userId: user.id,
        lastDay,
        reason,
        decidedById: null,
        decidedAt: null,
        decisionReason: null,
      }),
    );
    await audit(m, ctx, 'CREATE', 'requestDeactivation', saved, null);
    return toView(saved);
  });
}

/** Requests the caller may see: all with users:manage, a lead's own organizations' otherwise. */
export async function accountRequests(
  ctx: RequestContext,
  status: AccountRequestStatus | null | undefined,
): Promise<AccountRequestView[]> {
  const auth = userAuthority(ctx);
  const where: Record<string, unknown> = {};
  if (status) where.status = status;
  if (!auth.all) where.organizationId = In([...auth.leadOrganizationIds]);
  const rows = await ctx.ds.getRepository(AccountRequest).find({ where, order: { id: 'ASC' }, take: 500 });
  return rows.map(toView);
}

async function pendingRequest(ctx: RequestContext, idArg: string): Promise<AccountRequest> {
  const id = requiredId('id', idArg);
  const request = await ctx.ds.getRepository(AccountRequest).findOneBy({ id });
  if (!request) throw badInput('id', 'no account request with this id');
  if (request.status !== 'PENDING')
    throw appError('CONFLICT', `This request was already ${request.status.toLowerCase()}.`, { field: 'id' });
  return request;
}

/** Marks a request decided, only if it is still PENDING (a concurrent decision wins once). */
async function decide(
  ctx: RequestContext,
  request: AccountRequest,
  status: 'APPROVED' | 'REJECTED',
  changes: Partial<AccountRequest>,
  operation: string,
): Promise<AccountRequest> {
  return writeTransaction(ctx.ds, async (m) => {
    const result = await m
      .createQueryBuilder()
      .update(AccountRequest)
      .set({ status, decidedById: ctx.access?.userId ?? null, decidedAt: new Date(), ...changes })
      .where('id = :id AND status = :pending', { id: request.id, pending: 'PENDING' })
      .execute();
    if (!result.affected) throw appError('CONFLICT', 'This request was already decided.', { field: 'id' });
    const after = await m.getRepository(AccountRequest).findOneByOrFail({ id: request.id });
    await audit(m, ctx, 'UPDATE', operation, after, request);
    return after;
  });
}

export async function approveAccountRequest(
  ctx: RequestContext,
  idArg: string,
  trainings: TrainingInput[],
): Promise<AccountRequestApproval> {
  const request = await pendingRequest(ctx, idArg);
  if (request.kind === 'DEACTIVATION') {
    const today = localToday();
    let message = `The account will be deactivated on its last day, ${request.lastDay}, by the daily sweep.`;
    if ((request.lastDay as string) <= today) {
      await deactivateUser(
        ctx,
        String(request.userId),
        `Last working day ${request.lastDay}: ${request.reason}`,
      );
      message = 'The account is deactivated now: its last working day has come.';
    }
    const after = await decide(ctx, request, 'APPROVED', {}, 'approveAccountRequest');
    return { request: toView(after), user: null, temporaryPassword: null, missingTrainings: [], message };
  }
  const account = request.account as NonNullable<AccountRequest['account']>;
  let created;
  try {
    created = await createUser(ctx, {
      username: account.username,
      displayName: account.displayName,
      accessRole: account.accessRole as AccessRole,
      workgroupIds: account.workgroupIds.map(String),
      assignments: [
        { organizationId: String(request.organizationId), canLogin: true, canEdit: account.canEdit },
      ],
      trainings,
    });
  } catch (err) {
    // Approved meanwhile by someone else: that is a conflict, not a taken username.
    const now = await ctx.ds.getRepository(AccountRequest).findOneBy({ id: request.id });
    if (now && now.status !== 'PENDING')
      throw appError('CONFLICT', `This request was already ${now.status.toLowerCase()}.`, { field: 'id' });
    throw err;
  }
  const after = await decide(ctx, request, 'APPROVED', { userId: created.user.id }, 'approveAccountRequest');
  const missing = created.user.missingTrainings;
  return {
    request: toView(after),
    user: created.user,
    temporaryPassword: created.temporaryPassword,
    missingTrainings: missing,
    message: missing.length
      ? `Account created. Required training still missing: ${missing.join(', ')}. Until it is recorded the user works under the training-pending ceiling (assessments read-only), or cannot act where a general training is required.`
      : 'Account created with every required training recorded.',
  };
}

export async function rejectAccountRequest(
  ctx: RequestContext,
  idArg: string,
  reasonArg: string,
): Promise<AccountRequestView> {
  const reason = requiredText('reason', reasonArg, 500);
  const request = await pendingRequest(ctx, idArg);
  return toView(await decide(ctx, request, 'REJECTED', { decisionReason: reason }, 'rejectAccountRequest'));
}

async function audit(
  m: Parameters<typeof recordChange>[0],
  ctx: Pick<RequestContext, 'access' | 'requestId'>,
  action: 'CREATE' | 'UPDATE',
  operation: string,
  after: AccountRequest,
  before: AccountRequest | null,
): Promise<void> {
  await recordChange(m, ctx, {
    action,
    operation,
    entityType: 'AccountRequest',
    entityId: after.id,
    clientId: null,
    before,
    after,
  });
}

/**
 * The 48-hour rule: deactivates every account whose requested last day has come and that is
 * not deactivated yet, whether or not anybody approved the request (a rejected one is left).
 * Returns the usernames. Run by `npm run users:sweep`.
 */
export async function sweepDeactivationRequests(ds: DataSource, now = new Date()): Promise<string[]> {
  const today = localToday(now);
  const due = await ds.getRepository(AccountRequest).find({
    where: { kind: 'DEACTIVATION', status: In(['PENDING', 'APPROVED']) },
  });
  const ctx = { access: null, requestId: `users:sweep:${now.toISOString()}` };
  const names: string[] = [];
  for (const request of due.filter((r) => (r.lastDay as string) <= today)) {
    await writeTransaction(ds, async (m) => {
      const before = await m.getRepository(User).findOneBy({ id: request.userId as number });
      if (!before || before.status === UserStatus.DEACTIVATED) return;
      await m.getRepository(User).update(before.id, {
        status: UserStatus.DEACTIVATED,
        deactivationReason: `Last working day ${request.lastDay}: ${request.reason}`,
      });
      await revokeUserSessions(m, before.id, now);
      const after = await m.getRepository(User).findOneByOrFail({ id: before.id });
      await recordChange(m, ctx, {
        action: 'UPDATE',
        operation: 'users:sweep',
        entityType: 'User',
        entityId: before.id,
        clientId: null,
        before,
        after,
      });
      names.push(before.username);
    });
  }
  return names.sort();
}
