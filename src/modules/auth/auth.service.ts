import type { DataSource } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { burnPasswordCheck, verifyPassword } from '../../auth/passwords';
import { accessForToken, createSession, revokeSession } from '../../auth/session-store';
import type { Config } from '../../config';
import type { RequestContext } from '../../graphql/context';
import { appError, badInput, sessionEnded } from '../../graphql/errors';
import { Organization } from '../organization/organization.entity';
import { OrgAssignment, User, UserStatus } from '../users/user.entity';
import { Workgroup, WorkgroupMembership } from '../admin/workgroup.entity';
import { recordChange, recordSessionEvent } from '../audit/audit.service';
import { isIdle } from '../users/inactivity';
import { LoginPayload, Me, SessionStateEnum } from './me.types';
import { writeTransaction } from '../../database/transactions';

/** One answer for every failed login, so it never tells whether a username exists. */
const loginFailed = (config: Config) =>
  appError(
    'UNAUTHENTICATED',
    `Login failed: check the username and password. After ${config.lockoutThreshold} failed attempts in ${config.lockoutWindowMinutes} minutes an account is locked for ${config.lockoutMinutes} minutes.`,
  );

async function recordFailure(ds: DataSource, user: User, config: Config, now: Date): Promise<void> {
  const windowStart = now.getTime() - config.lockoutWindowMinutes * 60_000;
  const fresh = !user.firstFailedLoginAt || user.firstFailedLoginAt.getTime() < windowStart;
  const count = fresh ? 1 : user.failedLoginCount + 1;
  await ds.getRepository(User).update(user.id, {
    failedLoginCount: count,
    firstFailedLoginAt: fresh ? now : user.firstFailedLoginAt,
    lockedUntil:
      count >= config.lockoutThreshold
        ? new Date(now.getTime() + config.lockoutMinutes * 60_000)
        : user.lockedUntil,
  });
}

/** Login (access model §2.1, §2.4, §2.5). */
export async function login(ctx: RequestContext, username: string, password: string): Promise<LoginPayload> {
  const { ds, config } = ctx;
  const now = new Date();
  if (username.length > 100 || password.length > 1000) throw loginFailed(config);
  const user = await ds.getRepository(User).findOne({ where: { username: username.trim().toLowerCase() } });
  if (!user) {
    await burnPasswordCheck(password);
    throw loginFailed(config);
  }
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
  const valid = await verifyPassword(user.passwordHash, password);
  const failed = (reason: string) =>
    recordSessionEvent(ds, ctx, {
      action: 'LOGIN_FAILED',
      userId: user.id,
      organizationId: null,
      workgroupId: null,
      details: { reason },
    });
  if (locked) {
    await failed('locked');
    throw loginFailed(config);
  }
  if (!valid) {
    await recordFailure(ds, user, config, now);
    await failed('wrong password');
    throw loginFailed(config);
  }
  if (user.status === UserStatus.DEACTIVATED) {
    await failed('deactivated');
    throw appError(
      'FORBIDDEN',
      'This account has been deactivated. Contact your agency lead or the HMIS administrator to be reinstated.',
    );
  }
  if (user.status === UserStatus.INACTIVE || isIdle(user, config, now)) {
    if (user.status !== UserStatus.INACTIVE) {
      await writeTransaction(ds, async (m) => {
        await m.getRepository(User).update(user.id, { status: UserStatus.INACTIVE });
        const after = await m.getRepository(User).findOneByOrFail({ id: user.id });
        await recordChange(
          m,
          { access: null, requestId: ctx.requestId },
          {
            action: 'UPDATE',
            operation: 'login',
            entityType: 'User',
            entityId: user.id,
            clientId: null,
            before: user,
            after,
          },
        );
      });
    }
    await failed('inactive');
    throw appError(
      'FORBIDDEN',
      `This account is inactive: it has not logged in for more than ${config.inactivityDays} days. Contact your agency lead or the HMIS administrator to reactivate it.`,
    );
  }

  const token = await writeTransaction(ds, async (m) => {
    await m.getRepository(User).update(user.id, {
      failedLoginCount: 0,
      firstFailedLoginAt: null,
      lockedUntil: null,
      lastLoginAt: now,
    });
    const [memberships, logins] = await Promise.all([
      m.getRepository(WorkgroupMembership).find({ where: { userId: user.id } }),
      m.getRepository(OrgAssignment).find({ where: { userId: user.id, canLogin: true } }),
    ]);
    // Exactly one workgroup and one login organization: that pair is the context (§2.2).
    const single = memberships.length === 1 && logins.length === 1;
    const context = {
      workgroupId: single ? memberships[0].workgroupId : null,
      organizationId: single ? logins[0].organizationId : null,
    };
    await recordSessionEvent(m, ctx, { action: 'LOGIN', userId: user.id, ...context });
    return createSession(m, user.id, config, context);
  });
  const session = await accessForToken(ds, token, config, now);
  if (!session) throw new Error('session vanished right after login');
  return { token, me: await buildMe(ds, session.access) };
}

export async function logout(ctx: RequestContext): Promise<boolean> {
  const access = ctx.access;
  if (ctx.token && access) {
    const token = ctx.token;
    await writeTransaction(ctx.ds, async (m) => {
      await revokeSession(m, token);
      await recordSessionEvent(m, ctx, {
        action: 'LOGOUT',
        userId: access.userId,
        organizationId: access.organizationId,
        workgroupId: access.workgroupId,
      });
    });
  }
  return true;
}

/** Makes a (workgroup, organization) pair the session's context; refuses pairs the user does not hold. */
export async function selectContext(
  ctx: RequestContext,
  workgroupId: number | null,
  organizationId: number | null,
): Promise<Me> {
  const access = ctx.access as AccessContext;
  if (workgroupId === null || !access.facts.workgroupIds.includes(workgroupId)) {
    throw badInput('workgroupId', 'you are not a member of this workgroup; see me.workgroups for yours');
  }
  if (organizationId === null || !access.loginOrganizationIds.includes(organizationId)) {
    throw badInput(
      'organizationId',
      'you cannot log in as this organization; see me.loginOrganizations for yours',
    );
  }
  await writeTransaction(ctx.ds, async (m) => {
    await m.query('UPDATE session SET workgroup_id = ?, organization_id = ? WHERE id = ?', [
      workgroupId,
      organizationId,
      access.facts.sessionId,
    ]);
    const before = {
      workgroupId: access.facts.selectedWorkgroupId,
      organizationId: access.facts.selectedOrganizationId,
    };
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'selectContext',
      entityType: 'Session',
      entityId: access.facts.sessionId,
      clientId: null,
      before,
      after: { workgroupId, organizationId },
    });
  });
  return reloadMe(ctx);
}

export async function reloadMe(ctx: RequestContext): Promise<Me> {
  const session = ctx.token ? await accessForToken(ctx.ds, ctx.token, ctx.config) : null;
  if (!session) throw sessionEnded();
  return buildMe(ctx.ds, session.access);
}

/** The `Me` view of an access context: the user, the active context and the choices. */
export async function buildMe(ds: DataSource, access: AccessContext): Promise<Me> {
  const { facts } = access;
  const [user, workgroups, organizations] = await Promise.all([
    ds.getRepository(User).findOneByOrFail({ id: facts.userId }),
    facts.workgroupIds.length
      ? ds
          .getRepository(Workgroup)
          .createQueryBuilder('w')
          .whereInIds(facts.workgroupIds)
          .orderBy('w.name')
          .getMany()
      : [],
    access.loginOrganizationIds.length
      ? ds
          .getRepository(Organization)
          .createQueryBuilder('o')
          .whereInIds([...access.loginOrganizationIds])
          .orderBy('o.code')
          .getMany()
      : [],
  ]);
  const activeOrganization =
    access.organizationId === null
      ? null
      : (organizations.find((o) => o.id === access.organizationId) ?? null);
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName },
    state: SessionStateEnum[access.state],
    activeWorkgroup: workgroups.find((w) => w.id === access.workgroupId) ?? null,
    activeOrganization: activeOrganization && {
      id: activeOrganization.id,
      code: activeOrganization.code,
      name: activeOrganization.name,
    },
    workgroups: workgroups.map((w) => ({ id: w.id, name: w.name })),
    loginOrganizations: organizations.map((o) => ({ id: o.id, code: o.code, name: o.name })),
    accessRole: access.effectiveRole,
    capabilities: [...access.capabilities].sort(),
  };
}
