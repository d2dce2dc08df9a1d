import type { DataSource, EntityManager } from 'typeorm';
import { AccessContext } from '../access/access-context';
import { loadSession } from '../access/load-access';
import type { Config } from '../config';
import { localToday, sqlTimestamp } from '../database/sql-time';
import { Session } from './session.entity';
import { hashToken, newToken } from './tokens';

/**
 * Sessions live in the database (any API process can serve any request); the token itself is
 * never stored, only its hash.
 */
export async function createSession(
  db: EntityManager,
  userId: number,
  config: Pick<Config, 'sessionMaxHours'>,
  context: { workgroupId: number | null; organizationId: number | null },
  now = new Date(),
): Promise<string> {
  const token = newToken();
  await db.insert(Session, {
    tokenHash: hashToken(token),
    userId,
    workgroupId: context.workgroupId,
    organizationId: context.organizationId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.sessionMaxHours * 3_600_000),
    revokedAt: null,
    // A new session's first reads (me, selectContext's answer) come from the primary.
    lastWriteAt: now,
  });
  return token;
}

/** The access context of a bearer token, or null when the session is unknown, ended or idle too long. */
export async function accessForToken(
  ds: DataSource | EntityManager,
  token: string,
  config: Pick<Config, 'sessionIdleMinutes'> & Partial<Pick<Config, 'readYourWritesSeconds'>>,
  now = new Date(),
): Promise<{ access: AccessContext; touchDue: boolean; recentWrite: boolean } | null> {
  const loaded = await loadSession(ds, hashToken(token), now, localToday(now), {
    idleMinutes: config.sessionIdleMinutes,
    readYourWritesSeconds: config.readYourWritesSeconds,
  });
  return (
    loaded && {
      access: new AccessContext(loaded.facts),
      touchDue: loaded.touchDue,
      recentWrite: loaded.recentWrite,
    }
  );
}

/**
 * Marks that the session is about to write (a mutation), and records its activity at the same
 * time: for READ_YOUR_WRITES_SECONDS its reads then go to the primary (see loadSession).
 */
export async function markSessionWrite(ds: DataSource, sessionId: number, now = new Date()): Promise<void> {
  const at = sqlTimestamp(now);
  await ds.query('UPDATE session SET last_write_at = ?, last_seen_at = ? WHERE id = ?', [at, at, sessionId]);
}

/** Records activity for the idle timeout (at most once a minute per session, see loadSession). */
export async function touchSession(ds: DataSource, sessionId: number, now = new Date()): Promise<void> {
  await ds.query('UPDATE session SET last_seen_at = ? WHERE id = ?', [sqlTimestamp(now), sessionId]);
}

export async function revokeSession(
  db: DataSource | EntityManager,
  token: string,
  now = new Date(),
): Promise<void> {
  await db.query('UPDATE session SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [
    sqlTimestamp(now),
    hashToken(token),
  ]);
}

/** Ends every session of a user at once (deactivation, password reset). */
export async function revokeUserSessions(
  db: DataSource | EntityManager,
  userId: number,
  now = new Date(),
): Promise<void> {
  await db.query('UPDATE session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
    sqlTimestamp(now),
    userId,
  ]);
}
