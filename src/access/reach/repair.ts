/**
 * Client reach, its repair: `rebuildClientReach` recomputes all of it from the rows (seeds, and
 * repair after changes made with SQL by hand) and `checkClientReach` compares the stored reach
 * with the rows (`npm run db:reach -- check`).
 */
import { localToday } from '../../database/sql-time';
import { partnersToday } from './counts';
import {
  fingerprintOf,
  insertRows,
  loadFacts,
  MEMBER_COLUMNS,
  memberRows,
  membersOf,
  parsePartners,
  partnerKey,
  reachOf,
  reachText,
  reachVisibleTo,
  type Reach,
  type SqlRunner,
} from './model';

export interface ReachSummary {
  clients: number;
  sets: number;
  seconds: number;
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
