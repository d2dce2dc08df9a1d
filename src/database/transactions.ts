import type { DataSource, EntityManager } from 'typeorm';

/** MySQL/MariaDB error numbers after which the whole transaction may simply run again. */
const RETRYABLE = new Set([
  1213, // ER_LOCK_DEADLOCK: InnoDB chose this transaction as a deadlock victim and rolled it back
]);

const ATTEMPTS = 3;

function errno(err: unknown): number | undefined {
  const e = err as { errno?: number; driverError?: { errno?: number } };
  return e?.driverError?.errno ?? e?.errno;
}

/**
 * Runs `work` in a database transaction, the way every change in Waypoint is written.
 *
 * On MySQL/MariaDB it runs at READ COMMITTED: the client reach refresh at the end of a change
 * (access/reach/upkeep.ts) must read what other transactions committed while it waited for its lock,
 * not a snapshot from the transaction's first read. (Binary logging then needs ROW or MIXED
 * format, the defaults of MySQL 8 and MariaDB.) A transaction InnoDB rolls back as a deadlock
 * victim is run again, up to three times in all. SQLite has one writer at a time and runs
 * every transaction serializably.
 */
export async function writeTransaction<T>(
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  if (ds.options.type === 'better-sqlite3') return ds.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction('READ COMMITTED', work);
    } catch (err) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(errno(err) ?? 0)) throw err;
    }
  }
}
