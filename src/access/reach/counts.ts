/**
 * Client reach, its counts: how many clients an organization may see, read from the stored
 * count for its partners today plus the clients released to it by release exceptions. A read
 * never writes: when the partners changed since the counts were stored (a release started or
 * ended, or an administrator changed one), the count is summed from the reach sets within the
 * request, and `storeVisibleCounts` (run by the release administration writes and by
 * `rebuildClientReach`) stores it for the next requests.
 */
import type { DataSource } from 'typeorm';
import {
  activeSharesJoin,
  releasedOnlyCountSql,
  visibleReachSetsSql,
  type VisibilityScope,
} from '../visibility';
import { insertRows, isSqlite, partnerKey, type SqlRunner } from './model';

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
 * partners, or, when none is stored for them, the sum over the reach sets visible to it; plus
 * the clients released to it by release exceptions and not otherwise visible. Writes nothing.
 */
export async function countVisibleClients(ds: DataSource, scope: VisibilityScope): Promise<number> {
  const { sql, params } = visibleCountStatement(scope);
  const [row] = await ds.query(sql, params);
  const released = Number(row.released);
  if (row.reached !== null) return Number(row.reached) + released;
  return (await sumVisibleSets(ds.manager, scope)) + released;
}

/** The clients of the reach sets visible to the scope's organization (locking reads in a transaction). */
async function sumVisibleSets(db: SqlRunner, scope: VisibilityScope, lock = false): Promise<number> {
  const rows: Array<{ id: number | string; clients: number | string }> = await db.query(
    `${visibleReachSetsSql(scope)}${lock && !isSqlite(db) ? ' LOCK IN SHARE MODE' : ''}`,
  );
  const seen = new Map(rows.map((r) => [Number(r.id), Number(r.clients)]));
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/**
 * Stores each organization's count for its partners on `today`, where missing, and forgets its
 * counts for other partners (every refresh would keep adjusting them for nothing). Call it in
 * the write transaction of a change of who shares with whom (releases and their shares), so
 * reads find the count stored. Locking reads: a refresh that changed one of the summed sets and
 * has not committed is waited for, and a refresh after this one sees the new row.
 */
export async function storeVisibleCounts(db: SqlRunner, today: string): Promise<void> {
  const partners = await partnersToday(db, today);
  const stored: Array<{ organization_id: number | string; partner_key: string }> = await db.query(
    `SELECT organization_id, partner_key FROM visible_client_count`,
  );
  const have = new Set(stored.map((r) => `${Number(r.organization_id)}:${r.partner_key}`));
  for (const [org, list] of partners) {
    const key = partnerKey(list);
    if (!have.has(`${org}:${key}`)) {
      const clients = await sumVisibleSets(
        db,
        { organizationId: org, sharingOrganizationIds: list, today },
        true,
      );
      await insertRows(
        db,
        'visible_client_count',
        ['organization_id', 'partner_key', 'partners', 'clients'],
        [[org, key, list.join(','), clients]],
      );
    }
    if (stored.some((r) => Number(r.organization_id) === org && r.partner_key !== key))
      await db.query(`DELETE FROM visible_client_count WHERE organization_id = ? AND partner_key <> ?`, [
        org,
        key,
      ]);
  }
}

/** Every organization with the organizations sharing with it on `today` (activeSharesJoin). */
export async function partnersToday(db: SqlRunner, today: string): Promise<Map<number, number[]>> {
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
