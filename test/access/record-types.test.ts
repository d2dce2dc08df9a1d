/**
 * The record-type registry (src/access/record-types.ts) is the one list of record types: every
 * table of the migrated database that holds client-level data owned by an organization must be
 * in it, and each entry must agree with its entity and the HUD CSV spec.
 */
import fs from 'node:fs';
import { ALL_CAPABILITIES as CAPABILITIES } from '../../src/access/capabilities';
import { RECORD_TYPES, TRANSACTION_TABLES } from '../../src/access/record-types';
import { ExplainRecordType } from '../../src/modules/explain/explain.types';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('record-types');
});
afterAll(async () => db?.destroy());

/** Column names of every table, read from the database's own catalog (not from TypeORM). */
async function tableColumns(): Promise<Map<string, Set<string>>> {
  const rows: { t: string; c: string }[] =
    db.kind === 'mysql'
      ? await db.ds.query(
          `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
        )
      : await db.ds.query(
          `SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'`,
        );
  const map = new Map<string, Set<string>>();
  for (const { t, c } of rows) map.set(t, (map.get(t) ?? new Set()).add(c));
  return map;
}

test('every table with both organization_id and client_id columns is a registered record type', async () => {
  const registered = new Set(RECORD_TYPES.map((t) => t.table));
  const owned = [...(await tableColumns())]
    .filter(([, cols]) => cols.has('organization_id') && cols.has('client_id'))
    .map(([t]) => t);
  expect(owned.length).toBeGreaterThanOrEqual(TRANSACTION_TABLES.length);
  expect(owned.filter((t) => !registered.has(t))).toEqual([]);
});

test('each transaction type has the columns visibility relies on, and its entity maps its table', async () => {
  const columns = await tableColumns();
  for (const t of RECORD_TYPES) {
    expect(db.ds.getMetadata(t.entity()).tableName).toBe(t.table);
    if (t.kind !== 'transaction') continue;
    for (const c of ['organization_id', 'client_id', 'restriction', 'date_deleted'])
      expect([t.table, columns.get(t.table)?.has(c)]).toEqual([t.table, true]);
  }
});

test('registry entries name known capabilities, registered cascade children and HUD CSV files of the spec', () => {
  // The HUD CSV FY2026 file list (the shared spec, when checked out beside the repository).
  const specPath = '../shared/spec/hud-csv-fy2026-columns.json';
  const files = new Set<string>(
    fs.existsSync(specPath)
      ? (JSON.parse(fs.readFileSync(specPath, 'utf8')) as { files: { name: string }[] }).files.map(
          (f) => f.name,
        )
      : [],
  );
  const names = new Set(RECORD_TYPES.map((t) => t.typeName));
  for (const t of RECORD_TYPES) {
    expect(CAPABILITIES).toContain(t.read);
    if (t.write) expect(CAPABILITIES).toContain(t.write);
    for (const rule of Object.values(t.fields)) expect(CAPABILITIES).toContain(rule.capability);
    for (const child of t.cascade) expect(names.has(child)).toBe(true);
    if (t.hudCsv) expect(t.hudCsv).toMatch(/^[A-Za-z]+\.csv$/);
    if (t.hudCsv && files.size) expect([t.typeName, files.has(t.hudCsv)]).toEqual([t.typeName, true]);
  }
  expect(new Set(RECORD_TYPES.map((t) => t.key)).size).toBe(RECORD_TYPES.length);
});

test('every deletable record type has its ExplainRecordType value, so explainAccess and the recycle bin can name it', () => {
  const values = new Set<string>(Object.values(ExplainRecordType));
  const missing = RECORD_TYPES.filter((t) => t.kind !== 'setup' && !values.has(t.key)).map((t) => t.key);
  expect(missing).toEqual([]);
});
