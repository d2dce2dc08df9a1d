/**
 * Hand-written SQL returns the same objects as TypeORM (src/database/hydrate.ts compiles a
 * row-to-entity function per entity): for every entity with an id, each demo row read with
 * SELECT * and hydrated equals the row TypeORM's repository loads, on whichever engine the
 * suite runs.
 */
import { seedDemo } from '../../seeds/demo';
import { hydrate, hydrateAll } from '../../src/database/hydrate';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('hydrate');
  await seedDemo(db.ds, { password: 'hydrate-test-password' });
});
afterAll(() => db?.destroy());

test('every entity hydrated from a raw row equals what the repository loads', async () => {
  let compared = 0;
  for (const meta of db.ds.entityMetadatas) {
    if (!meta.primaryColumns.some((c) => c.propertyName === 'id') || meta.primaryColumns.length !== 1)
      continue;
    const rows: Record<string, unknown>[] = await db.ds.query(`SELECT * FROM ${meta.tableName} ORDER BY id`);
    const loaded = await db.ds.getRepository(meta.target).find({ order: { id: 'ASC' } });
    expect([meta.name, hydrateAll(db.ds, meta.target, rows)]).toEqual([meta.name, loaded]);
    compared += rows.length;
  }
  expect(compared).toBeGreaterThan(100);
});

test('columns missing from the row stay unset, and a prefix reads a joined table', async () => {
  const [row] = await db.ds.query(
    `SELECT e.id, e.client_id, p.id AS p__id, p.name AS p__name FROM enrollment e JOIN program p ON p.id = e.program_id ORDER BY e.id`,
  );
  const enrollment = hydrate(db.ds, 'Enrollment', row);
  expect(Object.keys(enrollment).sort()).toEqual(['clientId', 'id']);
  const program = hydrate(db.ds, 'Program', row, 'p__');
  expect(program).toEqual(expect.objectContaining({ id: Number(row.p__id), name: row.p__name }));
  expect(Object.keys(program).sort()).toEqual(['id', 'name']);
});
