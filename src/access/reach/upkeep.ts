/**
 * Client reach, its upkeep: every service that changes a client or one of its records calls
 * `refreshClientReach` for the clients it touched, inside its write transaction, after the
 * change (see docs/architecture.md, "Add a record type"). Concurrent refreshes of one client are
 * serialized by a lock on its `client_reach` row and read what is committed (READ COMMITTED,
 * see writeTransaction), so the last one to commit has seen every change before it. The stored
 * visible-client counts are adjusted in the same statement batch.
 */
import {
  fingerprintOf,
  idList,
  insertRows,
  isSqlite,
  loadFacts,
  MEMBER_COLUMNS,
  memberRows,
  membersOf,
  parsePartners,
  reachOf,
  reachVisibleTo,
  type Reach,
  type SqlRunner,
} from './model';

/** Ids of the reach sets of these fingerprints, creating the missing ones (with their organizations). */
export async function ensureSets(db: SqlRunner, reaches: Map<string, Reach>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (reaches.size === 0) return ids;
  const fingerprints = [...reaches.keys()].sort();
  const find = async (fps: string[]) => {
    const rows: Array<{ id: number | string; fingerprint: string }> = await db.query(
      `SELECT id, fingerprint FROM reach_set WHERE fingerprint IN (${fps.map(() => '?').join(', ')})`,
      fps,
    );
    for (const r of rows) ids.set(r.fingerprint, Number(r.id));
  };
  await find(fingerprints);
  const missing = fingerprints.filter((fp) => !ids.has(fp));
  for (const fp of missing) {
    // Two transactions may create the same set at once: the second waits for the first and
    // then inserts nothing; whoever inserted the row inserts its organizations.
    const result = await db.query(
      isSqlite(db)
        ? `INSERT INTO reach_set (fingerprint, clients) VALUES (?, 0) ON CONFLICT (fingerprint) DO NOTHING`
        : `INSERT INTO reach_set (fingerprint, clients) VALUES (?, 0) ON DUPLICATE KEY UPDATE fingerprint = fingerprint`,
      [fp],
    );
    if (!insertedOne(result)) continue;
    const [{ id }] = await db.query(`SELECT id FROM reach_set WHERE fingerprint = ?`, [fp]);
    await insertRows(
      db,
      'reach_set_organization',
      MEMBER_COLUMNS,
      memberRows(reaches.get(fp) as Reach, Number(id)),
    );
  }
  if (missing.length) await find(missing);
  for (const fp of fingerprints) if (!ids.has(fp)) throw new Error(`reach set ${fp} was not created`);
  return ids;
}

/** Whether an INSERT (driver result shapes differ) added a row. */
function insertedOne(result: unknown): boolean {
  const r = result as { affectedRows?: number; changes?: number } | undefined;
  if (r && typeof r.affectedRows === 'number') return r.affectedRows === 1;
  if (r && typeof r.changes === 'number') return r.changes === 1;
  // SQLite (TypeORM returns the last rowid): one connection, one writer at a time, so the set
  // missing a moment ago was inserted by this statement.
  return true;
}

/**
 * Brings the reach of `clientIds` up to date with their rows as this transaction sees them.
 * Call it inside the transaction that changed them, after the change: the services of client
 * and transaction records do.
 */
export async function refreshClientReach(db: SqlRunner, clientIds: readonly number[]): Promise<void> {
  const ids = [...new Set(clientIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  const list = idList(ids);
  const sqlite = isSqlite(db);
  // The lock serializes refreshes of a client; the rows are read after it, as committed.
  const current: Array<{ client_id: number | string; reach_set_id: number | string | null }> = await db.query(
    `SELECT client_id, reach_set_id FROM client_reach WHERE client_id IN (${list}) ORDER BY client_id${sqlite ? '' : ' FOR UPDATE'}`,
  );
  const before = new Map(
    current.map((r) => [Number(r.client_id), r.reach_set_id === null ? null : Number(r.reach_set_id)]),
  );
  const facts = await loadFacts(db, (column) => `${column} IN (${list})`, []);
  const reaches = new Map<string, Reach>();
  const wanted = new Map<number, string | null>();
  for (const id of ids) {
    const f = facts.get(id);
    const reach = f ? reachOf(f) : null;
    const fp = reach && fingerprintOf(reach);
    if (reach && fp) reaches.set(fp, reach);
    wanted.set(id, fp);
  }
  const setIds = await ensureSets(db, reaches);
  const delta = new Map<number, number>();
  const add = (set: number | null | undefined, n: number) => {
    if (set !== null && set !== undefined) delta.set(set, (delta.get(set) ?? 0) + n);
  };
  // Clients without a reach row yet (new ones: many at once in a HUD CSV import) get theirs in one
  // INSERT per 1,000, after the loop, in id order.
  const inserts: Array<[number, number | null]> = [];
  for (const id of ids) {
    const fp = wanted.get(id);
    const after = fp ? (setIds.get(fp) as number) : null;
    const had = before.get(id);
    if (!before.has(id)) {
      if (!facts.has(id)) continue;
      inserts.push([id, after]);
    } else if (!facts.has(id)) {
      // The client row is gone (a hard delete outside the API): forget it.
      await db.query(`DELETE FROM client_reach WHERE client_id = ?`, [id]);
    } else if (had !== after) {
      await db.query(`UPDATE client_reach SET reach_set_id = ? WHERE client_id = ?`, [after, id]);
    } else continue;
    add(had, -1);
    add(after, 1);
  }
  for (let i = 0; i < inserts.length; i += 1000) {
    const part = inserts.slice(i, i + 1000);
    await db.query(
      `INSERT INTO client_reach (client_id, reach_set_id) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
      part.flat(),
    );
  }
  const changes = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => a - b);
  if (changes.length === 0) return;
  // One statement; rows are locked in key order, so concurrent refreshes cannot deadlock here.
  await db.query(
    `UPDATE reach_set SET clients = clients + CASE id ${changes.map(() => 'WHEN ? THEN ?').join(' ')} ELSE 0 END
      WHERE id IN (${idList(changes.map(([id]) => id))})`,
    changes.flat(),
  );
  await adjustVisibleCounts(db, changes);
}

/** Applies changes of reach set counts to every stored visible-client count they concern. */
async function adjustVisibleCounts(db: SqlRunner, changes: Array<[number, number]>): Promise<void> {
  const counts: Array<Record<string, number | string>> = await db.query(
    `SELECT organization_id, partner_key, partners FROM visible_client_count ORDER BY organization_id, partner_key`,
  );
  if (counts.length === 0) return;
  const sets = await membersOf(
    db,
    changes.map(([id]) => id),
  );
  const updates: unknown[][] = [];
  for (const c of counts) {
    const org = Number(c.organization_id);
    const partners = parsePartners(String(c.partners));
    let n = 0;
    for (const [setId, d] of changes) if (reachVisibleTo(sets.get(setId) as Reach, org, partners)) n += d;
    if (n !== 0) updates.push([org, String(c.partner_key), n]);
  }
  if (updates.length === 0) return;
  await db.query(
    `UPDATE visible_client_count SET clients = clients + CASE ${updates.map(() => 'WHEN organization_id = ? AND partner_key = ? THEN ?').join(' ')} ELSE 0 END
      WHERE ${updates.map(() => '(organization_id = ? AND partner_key = ?)').join(' OR ')}`,
    [...updates.flat(), ...updates.flatMap(([org, key]) => [org, key])],
  );
}
