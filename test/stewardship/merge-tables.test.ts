/**
 * A merge moves every row that names a client (src/modules/stewardship/merge.service.ts). This
 * fails when a table gains a client column (client_id, or a column ending in _client_id) that
 * the merge neither moves nor lists as derived or history: a new record type must join it.
 */
import 'reflect-metadata';
import { MOVED_TABLES, NOT_MOVED_CLIENT_COLUMNS } from '../../src/modules/stewardship/merge.service';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('merge-tables');
});
afterAll(async () => db?.destroy());

async function clientColumns(): Promise<string[]> {
  const rows: Array<{ t: string; c: string }> =
    db.kind === 'sqlite'
      ? await db.ds.query(
          `SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND (p.name = 'client_id' OR p.name LIKE '%\\_client\\_id' ESCAPE '\\')`,
        )
      : await db.ds.query(
          `SELECT table_name AS t, column_name AS c FROM information_schema.columns
            WHERE table_schema = DATABASE() AND (column_name = 'client_id' OR column_name LIKE '%\\_client\\_id')`,
        );
  return rows.map((r) => `${r.t}.${r.c}`).sort();
}

test('every column that names a client is moved by a merge, or is derived or history', async () => {
  const covered = new Set<string>([
    ...MOVED_TABLES.flatMap((t) => [`${t.table}.client_id`, ...(t.also ? [`${t.table}.${t.also}`] : [])]),
    ...NOT_MOVED_CLIENT_COLUMNS,
  ]);
  const columns = await clientColumns();
  expect(columns.length).toBeGreaterThan(10);
  expect(columns.filter((c) => !covered.has(c))).toEqual([]);
});
