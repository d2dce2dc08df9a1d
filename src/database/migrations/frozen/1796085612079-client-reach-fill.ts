/**
 * Frozen with migration 1796085612079-ClientReach: fills the reach tables for the clients that
 * exist when it runs, exactly as client reach was defined then. A migration must keep working
 * when the live code changes, so this file imports nothing of the application and is never
 * edited; the live rebuild is src/access/reach/repair.ts (`npm run db:reach -- rebuild`).
 */
import { createHash } from 'node:crypto';
import type { QueryRunner } from 'typeorm';

/** The transaction tables of the schema at this migration. */
const TABLES = [
  'enrollment',
  'enrollment_exit',
  'service',
  'current_living_situation',
  'assessment',
  'ce_event',
  'health_and_dv',
];
const BATCH = 5000;

interface Reach {
  holds: number[];
  shares: number[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

async function insertRows(q: QueryRunner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const chunk = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await q.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
      part.flat(),
    );
  }
}

/** Reach of the clients with ids in [lo, hi]: null for deleted ones. */
async function reachOfBatch(q: QueryRunner, lo: number, hi: number): Promise<Map<number, Reach | null>> {
  const clients: Array<Record<string, number | string | null>> = await q.query(
    `SELECT id, organization_id, restrict_intake, date_deleted FROM client WHERE id BETWEEN ? AND ?`,
    [lo, hi],
  );
  const facts = new Map<number, { org: number; restrictIntake: boolean; deleted: boolean; records: Map<number, boolean> }>();
  for (const c of clients)
    facts.set(Number(c.id), {
      org: Number(c.organization_id),
      restrictIntake: Number(c.restrict_intake) === 1,
      deleted: c.date_deleted !== null,
      records: new Map(),
    });
  for (const table of TABLES) {
    const rows: Array<Record<string, number | string>> = await q.query(
      `SELECT client_id, organization_id, MAX(CASE WHEN restriction = 'UNRESTRICTED' THEN 1 ELSE 0 END) AS unrestricted
         FROM ${table} WHERE client_id BETWEEN ? AND ? AND date_deleted IS NULL GROUP BY client_id, organization_id`,
      [lo, hi],
    );
    for (const r of rows) {
      const f = facts.get(Number(r.client_id));
      if (!f) continue;
      const org = Number(r.organization_id);
      f.records.set(org, (f.records.get(org) ?? false) || Number(r.unrestricted) === 1);
    }
  }
  const out = new Map<number, Reach | null>();
  for (const [id, f] of facts) {
    if (f.deleted) {
      out.set(id, null);
      continue;
    }
    const holds = new Set([f.org, ...f.records.keys()]);
    const shares = new Set<number>();
    if (!f.restrictIntake) {
      shares.add(f.org);
      for (const [org, unrestricted] of f.records) if (unrestricted) shares.add(org);
    }
    out.set(id, { holds: sorted(holds), shares: sorted(shares) });
  }
  return out;
}

export async function fillClientReach(q: QueryRunner): Promise<void> {
  const sets = new Map<string, { id: number; reach: Reach; clients: number }>();
  const [{ lo, hi }] = await q.query(`SELECT MIN(id) AS lo, MAX(id) AS hi FROM client`);
  if (lo !== null && lo !== undefined) {
    for (let from = Number(lo); from <= Number(hi); from += BATCH) {
      const rows: unknown[][] = [];
      for (const [clientId, reach] of await reachOfBatch(q, from, from + BATCH - 1)) {
        if (!reach) {
          rows.push([clientId, null]);
          continue;
        }
        const fp = sha256(`holds:${reach.holds.join(',')};shares:${reach.shares.join(',')}`);
        let set = sets.get(fp);
        if (!set) sets.set(fp, (set = { id: sets.size + 1, reach, clients: 0 }));
        set.clients++;
        rows.push([clientId, set.id]);
      }
      await insertRows(q, 'client_reach', ['client_id', 'reach_set_id'], rows);
    }
  }
  const all = [...sets.entries()];
  await insertRows(q, 'reach_set', ['id', 'fingerprint', 'clients'], all.map(([fp, s]) => [s.id, fp, s.clients]));
  await insertRows(
    q,
    'reach_set_organization',
    ['organization_id', 'role', 'reach_set_id'],
    all.flatMap(([, s]) => [
      ...s.reach.holds.map((org) => [org, 'HOLDS', s.id]),
      ...s.reach.shares.map((org) => [org, 'SHARES', s.id]),
    ]),
  );
  // Each organization's count for the organizations sharing with it today (never a VSP).
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const partners = new Map<number, number[]>();
  for (const o of (await q.query(`SELECT id FROM organization ORDER BY id`)) as Array<{ id: number | string }>)
    partners.set(Number(o.id), []);
  const shares: Array<{ to_id: number | string; from_id: number | string }> = await q.query(
    `SELECT DISTINCT sh.to_organization_id AS to_id, sh.from_organization_id AS from_id
       FROM information_release_share sh
       JOIN information_release r ON r.id = sh.release_id AND r.start_date <= ? AND (r.end_date IS NULL OR r.end_date >= ?)
       JOIN organization shf ON shf.id = sh.from_organization_id AND shf.victim_service_provider = 0
      ORDER BY sh.to_organization_id, sh.from_organization_id`,
    [today, today],
  );
  for (const s of shares) partners.get(Number(s.to_id))?.push(Number(s.from_id));
  await insertRows(
    q,
    'visible_client_count',
    ['organization_id', 'partner_key', 'partners', 'clients'],
    [...partners].map(([org, list]) => [
      org,
      sha256(list.join(',')),
      list.join(','),
      all.reduce(
        (n, [, s]) =>
          n + (s.reach.holds.includes(org) || s.reach.shares.some((p) => list.includes(p)) ? s.clients : 0),
        0,
      ),
    ]),
  );
}
