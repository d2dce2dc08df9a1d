/**
 * EXPLAIN of Q1's statements with the visibility predicates (target 6): the access type of
 * every table each statement reads. A full table scan is `ALL`; a full index scan is `index`,
 * acceptable only for the keyset page (it walks the primary key in order and stops at LIMIT).
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { VisibilityScope } from '../../src/access/visibility';
import { q1Sql } from './floor';

export interface PlanRow {
  statement: string;
  table: string;
  type: string;
  key: string;
  rows: number;
  fullScan: boolean;
}

export async function explainQ1(pool: Pool, scope: VisibilityScope, n: number): Promise<PlanRow[]> {
  const [page] = await pool.query<RowDataPacket[]>(q1Sql.page(scope, n));
  const clientIds = page.slice(0, n).map((r) => Number(r.id));
  const [enrollments] = await pool.query<RowDataPacket[]>(q1Sql.enrollments(scope, clientIds));
  const count = q1Sql.count(scope);
  const statements: Array<[string, string, unknown[], boolean]> = [
    ['clients page', q1Sql.page(scope, n), [], true],
    ['count', count.sql, count.params, false],
    ['enrollments', q1Sql.enrollments(scope, clientIds), [], false],
    [
      'services',
      q1Sql.services(
        scope,
        enrollments.map((e) => Number(e.id)),
      ),
      [],
      false,
    ],
  ];
  const plan: PlanRow[] = [];
  for (const [statement, sql, params, keyset] of statements) {
    const [rows] = await pool.query<RowDataPacket[]>(`EXPLAIN ${sql}`, params);
    for (const r of rows) {
      const table = String(r.table ?? '');
      const type = String(r.type ?? '');
      const derived = table.startsWith('<');
      const keysetScan = keyset && table === 'c' && type === 'index' && r.key === 'PRIMARY';
      plan.push({
        statement,
        table,
        type,
        key: r.key === null ? '-' : String(r.key),
        rows: Number(r.rows ?? 0),
        fullScan: !derived && (type === 'ALL' || (type === 'index' && !keysetScan)),
      });
    }
  }
  return plan;
}
