/**
 * Client reach, the model: the part of client visibility (access model §3) that depends only on the data,
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
 * database transaction (upkeep.ts; the client, enrollment and transaction services call it).
 * `counts.ts` reads the totals, `repair.ts` rebuilds and checks the stored reach.
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReachRole } from './reach.entity';
import { sharedByReleases } from '../sharing-rules';
import { TRANSACTION_TABLES } from '../record-types';

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
  if (sharedByReleases(facts)) {
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

export function isSqlite(db: SqlRunner): boolean {
  return db.connection.options.type === 'better-sqlite3';
}

export function idList(ids: readonly number[]): string {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`not an integer id: ${id}`);
  return ids.join(', ');
}

/** Whether the clients of a reach set are visible to `organizationId` while `partners` share with it. */
export function reachVisibleTo(reach: Reach, organizationId: number, partners: readonly number[]): boolean {
  return reach.holds.includes(organizationId) || reach.shares.some((org) => partners.includes(org));
}

export const MEMBER_COLUMNS = ['organization_id', 'role', 'reach_set_id'];

/** The reach_set_organization rows of a set. */
export function memberRows(reach: Reach, setId: number): unknown[][] {
  return [
    ...reach.holds.map((org) => [org, ReachRole.HOLDS, setId]),
    ...reach.shares.map((org) => [org, ReachRole.SHARES, setId]),
  ];
}

/** The reach of stored sets (all of them when `setIds` is null), organizations in id order. */
export async function membersOf(
  db: SqlRunner,
  setIds: readonly number[] | null,
): Promise<Map<number, Reach>> {
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

export const parsePartners = (text: string) => (text ? text.split(',').map(Number) : []);

export function partnerKey(partners: readonly number[]): string {
  return createHash('sha256')
    .update([...partners].sort((a, b) => a - b).join(','))
    .digest('hex');
}

/** The facts of the clients matching `condition` (on column `<alias>.<column>`), in one statement. */
export async function loadFacts(
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

export async function insertRows(
  db: SqlRunner,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
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
