/**
 * Client reach: the part of client visibility (access model §3) that depends only on the data,
 * not on the calendar, kept up to date in the database so that counting the clients an
 * organization may see does not mean testing every client.
 *
 * Client C (not deleted) is visible to the active organization A iff
 *   A HOLDS C           (A owns C, or owns a live record of C), or
 *   P SHARES C for some organization P sharing with A today through an information release
 *                       (C is not restrict-intake, and P owns C or an UNRESTRICTED live record of C), or
 *   a release exception releases C to A today.
 * The first two depend on C's rows only: they are C's reach. Clients with the same reach share
 * one `reach_set` row that counts them; `reach_set_organization` lists each set's organizations
 * by role, and `client_reach` gives each client's set. The release exceptions and the releases
 * active today are applied when querying (visibility.ts), so nothing here goes stale at midnight.
 *
 * Every change of client-level data refreshes the reach of the clients it touches in the same
 * database transaction (audit.service.ts recordChange does it for every audited change of a
 * client or transaction). Concurrent refreshes of one client are serialized by a lock on its
 * `client_reach` row and read what is committed (READ COMMITTED, see writeTransaction), so the
 * last one to commit has seen every change before it. `rebuildClientReach` recomputes it all
 * (seeds, migration, repair after hand-made SQL changes) and `checkClientReach` compares.
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { localToday } from '../database/sql-time';
import { writeTransaction } from '../database/transactions';
import { ReachRole } from './reach.entity';
import {
  activeSharesJoin,
  releasedOnlyCountSql,
  TRANSACTION_TABLES,
  visibleReachSetsSql,
  type VisibilityScope,
} from './visibility';

/** An EntityManager or a QueryRunner: something that runs SQL, and knows its data source. */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of hand-written SQL, as TypeORM types them
  query(sql: string, parameters?: unknown[]): Promise<any>;
  readonly connection: DataSource;
}

/** What C's reach is computed from. */
export interface ClientFacts {
  clientId: number;
  organizationId: number;
  restrictIntake: boolean;
  deleted: boolean;
  /** Organizations owning a live record of C, and whether any of those records is UNRESTRICTED. */
  records: Map<number, boolean>;
}

export interface Reach {
  holds: number[];
  shares: number[];
}

/** C's reach, or null for a deleted client (visible to nobody, counted nowhere). */
export function reachOf(facts: ClientFacts): Reach | null {
  if (facts.deleted) return null;
  const holds = new Set([facts.organizationId, ...facts.records.keys()]);
  const shares = new Set<number>();
  if (!facts.restrictIntake) {
    shares.add(facts.organizationId);
    for (const [org, unrestricted] of facts.records) if (unrestricted) shares.add(org);
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { holds: sorted(holds), shares: sorted(shares) };
}

export function reachText(reach: Reach): string {
  return `holds:${reach.holds.join(',')};shares:${reach.shares.join(',')}`;
}

export function fingerprintOf(reach: Reach): string {
  return createHash('sha256').update(reachText(reach)).digest('hex');
}

function isSqlite(db: SqlRunner): boolean {
  return db.connection.options.type === 'better-sqlite3';
}

function idList(ids: readonly number[]): string {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`not an integer id: ${id}`);
  return ids.join(', ');
}

/** The facts of the clients matching `condition` (on column `<alias>.<column>`), in one statement. */
async function loadFacts(
  db: SqlRunner,
  condition: (column: string) => string,
  params: unknown[],
): Promise<Map<number, ClientFacts>> {
  const parts = [
    `SELECT c.id AS client_id, c.organization_id AS organization_id, c.restrict_intake AS restrict_intake,
            CASE WHEN c.date_deleted IS NULL THEN 0 ELSE 1 END AS deleted, 0 AS record, 0 AS unrestricted
       FROM client c WHERE ${condition('c.id')}`,
    ...TRANSACTION_TABLES.map(
      (table) =>
        `SELECT x.client_id, x.organization_id, 0, 0, 1, MAX(CASE WHEN x.restriction = 'UNRESTRICTED' THEN 1 ELSE 0 END)
           FROM ${table} x WHERE ${condition('x.client_id')} AND x.date_deleted IS NULL
          GROUP BY x.client_id, x.organization_id`,
    ),
  ];
  const rows: Array<Record<string, number | string>> = await db.query(
    parts.join('\nUNION ALL\n'),
    parts.flatMap(() => params),
  );
  const facts = new Map<number, ClientFacts>();
  for (const r of rows) {
    if (Number(r.record) === 1) continue;
    facts.set(Number(r.client_id), {
      clientId: Number(r.client_id),
      organizationId: Number(r.organization_id),
      restrictIntake: Number(r.restrict_intake) === 1,
      deleted: Number(r.deleted) === 1,
      records: new Map(),
    });
  }
  for (const r of rows) {
    if (Number(r.record) !== 1) continue;
    const f = facts.get(Number(r.client_id));
    // A record whose client row is gone (hard-deleted) reaches nobody.
    if (!f) continue;
    const org = Number(r.organization_id);
    f.records.set(org, (f.records.get(org) ?? false) || Number(r.unrestricted) === 1);
  }
  return facts;
}

/** Ids of the reach sets of these fingerprints, creating the missing ones (with their organizations). */
async function ensureSets(db: SqlRunner, reaches: Map<string, Reach>): Promise<Map<string, number>> {
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
 * Call it inside the transaction that changed them, as its last step (recordChange does).
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
  for (const id of ids) {
    const fp = wanted.get(id);
    const after = fp ? (setIds.get(fp) as number) : null;
    const had = before.get(id);
    if (!before.has(id)) {
      if (facts.has(id))
        await db.query(`INSERT INTO client_reach (client_id, reach_set_id) VALUES (?, ?)`, [id, after]);
    } else if (!facts.has(id)) {
      // The client row is gone (a hard delete outside the API): forget it.
      await db.query(`DELETE FROM client_reach WHERE client_id = ?`, [id]);
    } else if (had !== after) {
      await db.query(`UPDATE client_reach SET reach_set_id = ? WHERE client_id = ?`, [after, id]);
    } else continue;
    add(had, -1);
    add(after, 1);
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

/** Whether the clients of a reach set are visible to `organizationId` while `partners` share with it. */
export function reachVisibleTo(reach: Reach, organizationId: number, partners: readonly number[]): boolean {
  return reach.holds.includes(organizationId) || reach.shares.some((org) => partners.includes(org));
}

const MEMBER_COLUMNS = ['organization_id', 'role', 'reach_set_id'];

/** The reach_set_organization rows of a set. */
function memberRows(reach: Reach, setId: number): unknown[][] {
  return [
    ...reach.holds.map((org) => [org, ReachRole.HOLDS, setId]),
    ...reach.shares.map((org) => [org, ReachRole.SHARES, setId]),
  ];
}

/** The reach of stored sets (all of them when `setIds` is null), organizations in id order. */
async function membersOf(db: SqlRunner, setIds: readonly number[] | null): Promise<Map<number, Reach>> {
  const sets = new Map<number, Reach>((setIds ?? []).map((id) => [id, { holds: [], shares: [] }]));
  if (setIds?.length === 0) return sets;
  const rows: Array<Record<string, number | string>> = await db.query(
    `SELECT reach_set_id, organization_id, role FROM reach_set_organization
      ${setIds ? `WHERE reach_set_id IN (${idList(setIds)})` : ''} ORDER BY reach_set_id, organization_id`,
  );
  for (const r of rows) {
    const id = Number(r.reach_set_id);
    let set = sets.get(id);
    if (!set) sets.set(id, (set = { holds: [], shares: [] }));
    (r.role === ReachRole.HOLDS ? set.holds : set.shares).push(Number(r.organization_id));
  }
  return sets;
}

const parsePartners = (text: string) => (text ? text.split(',').map(Number) : []);

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

export function partnerKey(partners: readonly number[]): string {
  return createHash('sha256')
    .update([...partners].sort((a, b) => a - b).join(','))
    .digest('hex');
}

/**
 * The statement reading an organization's stored count for its partners today (`reached`, null
 * when there is none yet) and the clients only a release exception makes visible (`released`).
 */
export function visibleCountStatement(scope: VisibilityScope): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT (SELECT clients FROM visible_client_count WHERE organization_id = ? AND partner_key = ?) AS reached,
              (${releasedOnlyCountSql(scope)}) AS released`,
    params: [scope.organizationId, partnerKey(scope.sharingOrganizationIds)],
  };
}

/**
 * The number of clients visible to the scope's organization: its stored count for today's
 * partners (created here, under share locks on the sets it sums, the first time those partners
 * are seen, replacing the organization's counts for other partners), plus the clients released
 * to it by release exceptions and not otherwise visible.
 */
export async function countVisibleClients(ds: DataSource, scope: VisibilityScope): Promise<number> {
  const { sql, params } = visibleCountStatement(scope);
  const [row] = await ds.query(sql, params);
  const released = Number(row.released);
  if (row.reached !== null) return Number(row.reached) + released;
  const partners = [...scope.sharingOrganizationIds].sort((a, b) => a - b);
  const key = partnerKey(partners);
  const reached = await writeTransaction(ds, async (m) => {
    // Locking reads: a refresh that changed one of these sets and has not committed is waited
    // for, and a refresh after this one sees the new row (it updates every stored count).
    const rows: Array<{ id: number | string; clients: number | string }> = await m.query(
      `${visibleReachSetsSql(scope)}${isSqlite(m) ? '' : ' LOCK IN SHARE MODE'}`,
    );
    const seen = new Map(rows.map((r) => [Number(r.id), Number(r.clients)]));
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    await m.query(
      isSqlite(m)
        ? `INSERT INTO visible_client_count (organization_id, partner_key, partners, clients) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`
        : `INSERT INTO visible_client_count (organization_id, partner_key, partners, clients) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE clients = clients`,
      [scope.organizationId, key, partners.join(','), total],
    );
    // The organization's counts for other sets of partners are not today's: every refresh
    // would keep adjusting them for nothing. Should one be needed again, it is made again.
    await m.query(`DELETE FROM visible_client_count WHERE organization_id = ? AND partner_key <> ?`, [
      scope.organizationId,
      key,
    ]);
    return total;
  });
  return reached + released;
}

export interface ReachSummary {
  clients: number;
  sets: number;
  seconds: number;
}

async function insertRows(db: SqlRunner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const chunk = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
      part.flat(),
    );
  }
}

/** The reach every client should have, computed from the rows in batches of client ids. */
async function expectedReach(
  db: SqlRunner,
  batch: number,
  onBatch: (rows: Array<[number, string | null]>, reaches: Map<string, Reach>) => Promise<void>,
): Promise<void> {
  const [{ lo, hi }] = await db.query(`SELECT MIN(id) AS lo, MAX(id) AS hi FROM client`);
  if (lo === null || lo === undefined) return;
  for (let from = Number(lo); from <= Number(hi); from += batch) {
    const facts = await loadFacts(db, (column) => `${column} BETWEEN ? AND ?`, [from, from + batch - 1]);
    const reaches = new Map<string, Reach>();
    const rows: Array<[number, string | null]> = [];
    for (const f of facts.values()) {
      const reach = reachOf(f);
      const fp = reach && fingerprintOf(reach);
      if (reach && fp) reaches.set(fp, reach);
      rows.push([f.clientId, fp]);
    }
    await onBatch(rows, reaches);
  }
}

/**
 * Recomputes every client's reach from the rows. For seeds, the migration that introduced it,
 * and repair after changes made with SQL by hand; run it where nothing writes at the same time.
 */
export async function rebuildClientReach(db: SqlRunner, batch = 5000): Promise<ReachSummary> {
  const started = Date.now();
  await db.query(`DELETE FROM visible_client_count`);
  await db.query(`DELETE FROM client_reach`);
  await db.query(`DELETE FROM reach_set_organization`);
  await db.query(`DELETE FROM reach_set`);
  const sets = new Map<string, { id: number; reach: Reach; clients: number }>();
  let clients = 0;
  await expectedReach(db, batch, async (rows, reaches) => {
    for (const [fp, reach] of reaches)
      if (!sets.has(fp)) sets.set(fp, { id: sets.size + 1, reach, clients: 0 });
    const reachRows = rows.map(([clientId, fp]) => {
      const set = fp ? (sets.get(fp) as { id: number; clients: number }) : null;
      if (set) set.clients++;
      return [clientId, set ? set.id : null];
    });
    clients += rows.length;
    await insertRows(db, 'client_reach', ['client_id', 'reach_set_id'], reachRows);
  });
  const all = [...sets.entries()];
  await insertRows(
    db,
    'reach_set',
    ['id', 'fingerprint', 'clients'],
    all.map(([fp, s]) => [s.id, fp, s.clients]),
  );
  await insertRows(
    db,
    'reach_set_organization',
    MEMBER_COLUMNS,
    all.flatMap(([, s]) => memberRows(s.reach, s.id)),
  );
  // Each organization's count for its partners today, so no list request has to create one
  // (a release starting or ending later makes the next request create the new one).
  const partners = await partnersToday(db, localToday());
  await insertRows(
    db,
    'visible_client_count',
    ['organization_id', 'partner_key', 'partners', 'clients'],
    [...partners].map(([org, list]) => [
      org,
      partnerKey(list),
      list.join(','),
      all.reduce((n, [, s]) => n + (reachVisibleTo(s.reach, org, list) ? s.clients : 0), 0),
    ]),
  );
  return { clients, sets: sets.size, seconds: (Date.now() - started) / 1000 };
}

/** Every organization with the organizations sharing with it on `today` (activeSharesJoin). */
async function partnersToday(db: SqlRunner, today: string): Promise<Map<number, number[]>> {
  const partners = new Map<number, number[]>();
  for (const o of (await db.query(`SELECT id FROM organization ORDER BY id`)) as Array<{
    id: number | string;
  }>)
    partners.set(Number(o.id), []);
  const shares: Array<{ to_id: number | string; from_id: number | string }> = await db.query(
    `SELECT DISTINCT t.id AS to_id, sh.from_organization_id AS from_id
       FROM organization t ${activeSharesJoin('t.id')}
      ORDER BY t.id, sh.from_organization_id`,
    [today, today],
  );
  for (const s of shares) partners.get(Number(s.to_id))?.push(Number(s.from_id));
  return partners;
}

/**
 * Compares the stored reach with the rows: each client's set, each set's organizations and
 * count. Returns the differences found (at most `limit`), empty when everything agrees.
 */
export async function checkClientReach(db: SqlRunner, limit = 20, batch = 5000): Promise<string[]> {
  const problems: string[] = [];
  const report = (p: string) => {
    if (problems.length < limit) problems.push(p);
  };
  const stored = new Map<string, { id: number; clients: number }>();
  for (const r of (await db.query(`SELECT id, fingerprint, clients FROM reach_set`)) as Array<
    Record<string, number | string>
  >)
    stored.set(String(r.fingerprint), { id: Number(r.id), clients: Number(r.clients) });
  const fpById = new Map([...stored].map(([fp, s]) => [s.id, fp]));
  const counted = new Map<string, number>();
  const expectedSets = new Map<string, Reach>();
  await expectedReach(db, batch, async (rows, reaches) => {
    for (const [fp, reach] of reaches) expectedSets.set(fp, reach);
    const lo = rows.length ? Math.min(...rows.map(([id]) => id)) : 0;
    const hi = rows.length ? Math.max(...rows.map(([id]) => id)) : -1;
    const actual = new Map<number, number | null>();
    for (const r of (await db.query(
      `SELECT client_id, reach_set_id FROM client_reach WHERE client_id BETWEEN ? AND ?`,
      [lo, hi],
    )) as Array<Record<string, number | string | null>>)
      actual.set(Number(r.client_id), r.reach_set_id === null ? null : Number(r.reach_set_id));
    for (const [clientId, fp] of rows) {
      if (fp) counted.set(fp, (counted.get(fp) ?? 0) + 1);
      if (!actual.has(clientId)) {
        report(`client ${clientId} has no client_reach row`);
        continue;
      }
      const got = actual.get(clientId);
      const gotFp = got === null || got === undefined ? null : (fpById.get(got) ?? `missing set ${got}`);
      if (gotFp !== fp)
        report(`client ${clientId}: reach set ${got} should be ${fp ? (stored.get(fp)?.id ?? fp) : 'none'}`);
    }
  });
  for (const [fp, s] of stored) {
    const want = counted.get(fp) ?? 0;
    if (s.clients !== want) report(`reach set ${s.id} counts ${s.clients} clients, should be ${want}`);
  }
  const byId = await membersOf(db, null);
  for (const [fp, reach] of expectedSets) {
    const s = stored.get(fp);
    const got = s && byId.get(s.id);
    if (!s) report(`no reach set for ${reachText(reach)}`);
    else if (!got || reachText(got) !== reachText(reach))
      report(
        `reach set ${s.id} lists ${got ? reachText(got) : 'no organizations'}, should be ${reachText(reach)}`,
      );
  }
  for (const c of (await db.query(
    `SELECT organization_id, partners, clients FROM visible_client_count`,
  )) as Array<Record<string, number | string>>) {
    const org = Number(c.organization_id);
    const partners = parsePartners(String(c.partners));
    let want = 0;
    for (const [fp, reach] of expectedSets)
      if (reachVisibleTo(reach, org, partners)) want += counted.get(fp) ?? 0;
    if (Number(c.clients) !== want)
      report(
        `organization ${org} with partners [${c.partners}] counts ${c.clients} clients, should be ${want}`,
      );
  }
  const [{ n }] = await db.query(
    `SELECT COUNT(*) AS n FROM client_reach r WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.id = r.client_id)`,
  );
  if (Number(n) > 0) report(`${n} client_reach rows of clients that do not exist`);
  return problems;
}
