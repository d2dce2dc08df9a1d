/**
 * The bed board's SQL statements are constant in the number of beds (issue 13): the board of a
 * 30-bed facility and of the same facility grown to 300 beds, with more guests, cost the
 * same statements, at most 4 of them the board's own (the rest are the session, read audit and
 * last-activity statements every request sends). Counts are asserted; timings are `npm run bench`.
 */
import { startTestApp, type TestApp } from '../support/app';
import { StatementLog } from '../bench/statement-log';

const BOARD = `query($f: ID!, $n: LocalDate!) { bedBoard(facilityId: $f, night: $n) {
  counts { capacity occupied held free outOfService }
  beds { state bed { id label } stay { id firstNight } reservation { id } client { id firstName lastName age ssnLast4 } }
} }`;

const statements = new StatementLog();
let app: TestApp;
let token: string;

/** The board's own statements: those on the housing tables and the clients they show. */
const own = (list: string[]) =>
  list.filter((s) => /\b(bed|stay|reservation|location)\b/.test(s) || /FROM client c WHERE c\.id IN/.test(s));

async function boardStatements(): Promise<{ all: string[]; beds: number }> {
  statements.start();
  const res = await app.api.post<any>(
    BOARD,
    { f: String(app.ids.housing.facilities.main), n: app.ids.housing.tonight },
    token,
  );
  const all = statements.stop();
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return { all, beds: res.data.bedBoard.beds.length };
}

beforeAll(async () => {
  app = await startTestApp('housing_board_statements', { logger: statements });
  token = await app.api.loginAs('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
});

afterAll(async () => {
  await app?.close();
});

test("a board of 30 beds and of 300 beds (every Hope Street client given a bed) cost the same statements, at most 4 of them the board's own", async () => {
  const small = await boardStatements();
  expect(small.beds).toBe(30);
  const { ids } = app;
  const ds = app.db.ds;
  const night = ids.housing.tonight;
  // 270 more beds, and stays with bed nights in half of them, straight into the tables.
  for (let i = 31; i <= 300; i++)
    await ds.query(
      `INSERT INTO bed (organization_id, location_id, program_id, label, bed_type, status) VALUES (?, ?, ?, ?, 1, 'AVAILABLE')`,
      [ids.orgs.HSS, ids.housing.facilities.main, ids.programs.HSS_ES, String(i)],
    );
  const clients: { id: number }[] = await ds.query(
    `SELECT id FROM client WHERE organization_id = ? ORDER BY id`,
    [ids.orgs.HSS],
  );
  const beds: { id: number }[] = await ds.query(
    `SELECT b.id FROM bed b WHERE b.location_id = ? AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id)
       AND NOT EXISTS (SELECT 1 FROM reservation r WHERE r.bed_id = b.id) AND b.status = 'AVAILABLE' ORDER BY b.id`,
    [ids.housing.facilities.main],
  );
  const [enrollment] = await ds.query(`SELECT id FROM enrollment WHERE program_id = ? LIMIT 1`, [
    ids.programs.HSS_ES,
  ]);
  const guests = clients.slice(0, Math.min(135, clients.length, beds.length));
  for (const [i, c] of guests.entries())
    await ds.query(
      `INSERT INTO stay (organization_id, client_id, restriction, enrollment_id, location_id, bed_id, first_night, version, created_at, updated_at)
       VALUES (?, ?, 'UNRESTRICTED', ?, ?, ?, ?, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
      [ids.orgs.HSS, c.id, enrollment.id, ids.housing.facilities.main, beds[i].id, night],
    );
  const large = await boardStatements();
  expect(large.beds).toBe(300);
  const detail = `\n30 beds:\n${small.all.join('\n')}\n300 beds:\n${large.all.join('\n')}`;
  if (large.all.length !== small.all.length) throw new Error(`statement count depends on the beds:${detail}`);
  // The facility, its beds, the night's stays and reservations, the clients shown.
  expect(own(large.all)).toHaveLength(4);
  expect(own(small.all)).toHaveLength(4);
});
