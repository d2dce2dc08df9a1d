import { sqlTimestamp } from '../database/sql-time';

/**
 * When a session counts as live: not logged out or revoked, before its absolute end
 * (`SESSION_MAX_HOURS` after login) and used within the idle timeout (`SESSION_IDLE_MINUTES`).
 * Written once, as SQL, because the request's single access statement (src/access/load-access.ts)
 * repeats it in each of its parts.
 */
export function liveSessionPredicate(
  alias: string,
  tokenHash: string,
  now: Date,
  idleMinutes: number,
): { sql: string; params: unknown[] } {
  const idleCutoff = sqlTimestamp(new Date(now.getTime() - idleMinutes * 60_000));
  return {
    sql: `${alias}.token_hash = ? AND ${alias}.revoked_at IS NULL AND ${alias}.expires_at > ? AND ${alias}.last_seen_at > ?`,
    params: [tokenHash, sqlTimestamp(now), idleCutoff],
  };
}

/** Whether a session's last-activity time is old enough to record again (at most once a minute). */
export function touchCutoff(now: Date): string {
  return sqlTimestamp(new Date(now.getTime() - 60_000));
}
