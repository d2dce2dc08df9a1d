/**
 * Inactivity (access model §2.4): an account that has not logged in within INACTIVITY_DAYS
 * becomes INACTIVE, at its next login attempt (auth.service) or by the sweep job
 * (`npm run users:sweep`). Both use this one rule.
 */
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import { sqlTimestamp } from '../../database/sql-time';
import { revokeUserSessions } from '../../auth/session-store';
import { recordChange } from '../audit/audit.service';
import { User, UserStatus } from './user.entity';
import { writeTransaction } from '../../database/transactions';

/**
 * The moment the inactivity period counts from: the later of the last login and the last
 * (re)activation by an administrator; for an account that has neither, its creation.
 */
export function activitySince(user: Pick<User, 'lastLoginAt' | 'activatedAt' | 'createdAt'>): Date {
  const times = [user.lastLoginAt, user.activatedAt].filter((d): d is Date => d instanceof Date);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : user.createdAt;
}

export function inactivityCutoff(config: Pick<Config, 'inactivityDays'>, now: Date): Date {
  return new Date(now.getTime() - config.inactivityDays * 86_400_000);
}

export function isIdle(
  user: Pick<User, 'lastLoginAt' | 'activatedAt' | 'createdAt'>,
  config: Pick<Config, 'inactivityDays'>,
  now: Date,
): boolean {
  return activitySince(user).getTime() < inactivityCutoff(config, now).getTime();
}

/**
 * Marks every ACTIVE account idle past the cutoff INACTIVE, ends its sessions and audits each
 * change, in one transaction. Returns the usernames (sorted).
 */
export async function sweepInactiveUsers(
  ds: DataSource,
  config: Pick<Config, 'inactivityDays'>,
  now = new Date(),
): Promise<string[]> {
  const cutoff = sqlTimestamp(inactivityCutoff(config, now));
  // Same rule as activitySince, in SQL: neither timestamp is at or after the cutoff.
  const rows: { id: number | string }[] = await ds.query(
    `SELECT u.id AS id FROM app_user u
      WHERE u.status = 'ACTIVE'
        AND (u.last_login_at IS NULL OR u.last_login_at < ?)
        AND (u.activated_at IS NULL OR u.activated_at < ?)
        AND (u.last_login_at IS NOT NULL OR u.activated_at IS NOT NULL OR u.created_at < ?)`,
    [cutoff, cutoff, cutoff],
  );
  if (rows.length === 0) return [];
  // The job acts as nobody: its audit events carry no user, and its own request id.
  const ctx = { access: null, requestId: `users:sweep:${now.toISOString()}` };
  return writeTransaction(ds, async (m) => {
    const names: string[] = [];
    for (const { id } of rows) {
      const before = await m.getRepository(User).findOneByOrFail({ id: Number(id) });
      if (before.status !== UserStatus.ACTIVE) continue;
      await m.getRepository(User).update(before.id, { status: UserStatus.INACTIVE });
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
    }
    return names.sort();
  });
}
