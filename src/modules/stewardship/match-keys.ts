/**
 * Upkeep of the blocking keys (client_match_key): every write that changes a client's name,
 * date of birth or SSN, or deletes, restores or merges a client, calls `refreshMatchKeys` for
 * it inside its transaction. A deleted client keeps no keys, so the check never finds it.
 * Statements: two per call (one DELETE, one multi-row INSERT), whatever the number of clients.
 */
import type { EntityManager } from 'typeorm';
import { matchKeys } from './matcher';

type SqlRunner = Pick<EntityManager, 'query'>;

const BATCH = 500;

export async function refreshMatchKeys(db: SqlRunner, clientIds: readonly number[]): Promise<void> {
  const ids = [...new Set(clientIds)].filter((id) => Number.isSafeInteger(id));
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const marks = batch.map(() => '?').join(', ');
    await db.query(`DELETE FROM client_match_key WHERE client_id IN (${marks})`, batch);
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT id, first_name, last_name, dob, ssn FROM client WHERE id IN (${marks}) AND date_deleted IS NULL`,
      batch,
    );
    const values: unknown[] = [];
    for (const r of rows) {
      for (const key of matchKeys({
        firstName: r.first_name as string | null,
        lastName: r.last_name as string | null,
        dob: r.dob === null || r.dob === undefined ? null : String(r.dob).slice(0, 10),
        ssn: r.ssn as string | null,
      })) {
        values.push(Number(r.id), key.kind, key.value);
      }
    }
    for (let j = 0; j < values.length; j += 3 * BATCH) {
      const chunk = values.slice(j, j + 3 * BATCH);
      const tuples = Array.from({ length: chunk.length / 3 }, () => '(?, ?, ?)').join(', ');
      await db.query(`INSERT INTO client_match_key (client_id, kind, value) VALUES ${tuples}`, chunk);
    }
  }
}

/** Files every live client anew (seeds, and after this feature's migration on an existing database). */
export async function rebuildMatchKeys(db: SqlRunner): Promise<number> {
  await db.query(`DELETE FROM client_match_key`);
  let last = 0;
  let total = 0;
  for (;;) {
    const rows: Array<{ id: number | string }> = await db.query(
      `SELECT id FROM client WHERE id > ? AND date_deleted IS NULL ORDER BY id LIMIT ${BATCH}`,
      [last],
    );
    if (rows.length === 0) return total;
    const ids = rows.map((r) => Number(r.id));
    await refreshMatchKeys(db, ids);
    total += ids.length;
    last = ids[ids.length - 1];
  }
}
