/**
 * Reports (issue 15) cost the same SQL statements whatever the data they cover: a month or a year,
 * one program or all, in a synthetic world with two or more MOU partners (the bench's R1 and R2,
 * whose timings `npm run bench` reports against the raw SQL floor). Counts are asserted, timings never.
 */
import 'reflect-metadata';
import { seedSynthetic, SYNTHETIC_DEFAULTS } from '../../seeds/synthetic';
import { addDays, localToday } from '../../src/database/sql-time';
import { R1, R2 } from '../bench/queries';
import { StatementLog } from '../bench/statement-log';
import { startTestApp, type TestApp } from '../support/app';

const PASSWORD = 'report-statements-test';
const statements = new StatementLog();
let app: TestApp;
let token: string;
const to = localToday();

async function statementsOf(query: string, variables: Record<string, unknown>): Promise<string[]> {
  statements.start();
  let res;
  try {
    res = await app.api.post<any>(query, variables, token);
  } finally {
    statements.stop();
  }
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return statements.stop();
}

beforeAll(async () => {
  app = await startTestApp('report_statements', { logger: statements });
  await seedSynthetic(app.db.ds, {
    ...SYNTHETIC_DEFAULTS,
    seed: 15,
    organizations: 6,
    mous: 10,
    users: 12,
    clients: 600,
    password: PASSWORD,
  });
  const [user] = await app.db.ds.query(
    `SELECT u.id, u.username, COUNT(*) AS shares
       FROM app_user u
       JOIN org_assignment a ON a.user_id = u.id
       JOIN information_release_share sh ON sh.to_organization_id = a.organization_id
       JOIN information_release r ON r.id = sh.release_id AND r.start_date <= ? AND (r.end_date IS NULL OR r.end_date >= ?)
      WHERE u.username LIKE 'synth.user.%'
      GROUP BY u.id, u.username
      HAVING COUNT(*) >= 2
      ORDER BY shares DESC, u.id
      LIMIT 1`,
    [to, to],
  );
  await app.db.ds.query("UPDATE app_user SET access_role = 'AGENCY_STAFF_DATA_ANALYSIS' WHERE id = ?", [
    user.id,
  ]);
  token = await app.api.login(user.username, PASSWORD);
});

afterAll(async () => {
  await app?.close();
});

test('clientCounts by program x month costs the same statements for a month and for a year', async () => {
  const month = await statementsOf(R1, {
    input: { from: addDays(to, -30), to, groupBy: ['PROGRAM', 'MONTH'] },
  });
  const year = await statementsOf(R1, {
    input: { from: addDays(to, -365), to, groupBy: ['PROGRAM', 'MONTH'] },
  });
  expect(year.length).toBe(month.length);
  expect(year.length).toBeLessThanOrEqual(4);
});

test('data quality of all programs costs the same statements for a month and for a year', async () => {
  const month = await statementsOf(R2, { input: { from: addDays(to, -30), to } });
  const year = await statementsOf(R2, { input: { from: addDays(to, -365), to } });
  const res = await app.api.ok<any>(R2, { input: { from: addDays(to, -365), to } }, token);
  expect(res.dataQuality.programs.length).toBeGreaterThan(1);
  expect(year.length).toBe(month.length);
  expect(year.length).toBeLessThanOrEqual(7);
});
