/**
 * The SQL statements of the client list (issue 5, target 2) stay constant in the page size:
 * a page of clients with their enrollments, programs and latest services costs the same few
 * statements for 10 clients as for 50, through the real HTTP server, on whichever database
 * the suite runs (SQLite, or DATABASE_URL). Counts are deterministic, so they are asserted;
 * timings never are (that is `npm run bench`).
 */
import 'reflect-metadata';
import { seedSynthetic, SYNTHETIC_DEFAULTS } from '../../seeds/synthetic';
import { localToday } from '../../src/database/sql-time';
import { startTestApp, type TestApp } from '../support/app';
import { Q1 } from './queries';
import { StatementLog } from './statement-log';

const MAX_STATEMENTS = 6;
const SMALL = 10;
const LARGE = 50;
const PASSWORD = 'statement-count-test';

const statements = new StatementLog();
let app: TestApp;
let token: string;

/** Runs Q1 at page size n once and returns the statements the server sent. */
async function statementsOfQ1(n: number): Promise<string[]> {
  statements.start();
  let res;
  try {
    res = await app.api.post<{ clients: { edges: unknown[] } }>(Q1, { n }, token);
  } finally {
    statements.stop();
  }
  if (res.errors?.length) throw new Error(`Q1(${n}) failed: ${JSON.stringify(res.errors)}`);
  expect(res.data?.clients.edges).toHaveLength(n);
  return statements.stop();
}

function listed(list: string[]): string {
  return list.map((s, i) => `  ${i + 1}. ${s.slice(0, 160)}`).join('\n');
}

beforeAll(async () => {
  app = await startTestApp('bench_statement_count', { logger: statements });
  await seedSynthetic(app.db.ds, {
    ...SYNTHETIC_DEFAULTS,
    seed: 5,
    organizations: 6,
    mous: 10,
    users: 12,
    clients: 1_000,
    password: PASSWORD,
  });
  // A synthetic user (one workgroup, one organization: the context is set at login) of the
  // organization with the most MOU shares, so it sees plenty of clients and a page of LARGE is full.
  const today = localToday();
  const [user] = await app.db.ds.query(
    `SELECT u.username, COUNT(*) AS shares
       FROM app_user u
       JOIN org_assignment a ON a.user_id = u.id
       JOIN information_release_share sh ON sh.to_organization_id = a.organization_id
       JOIN information_release r ON r.id = sh.release_id AND r.start_date <= ? AND (r.end_date IS NULL OR r.end_date >= ?)
      WHERE u.username LIKE 'synth.user.%'
      GROUP BY u.id, u.username
      ORDER BY shares DESC, u.id
      LIMIT 1`,
    [today, today],
  );
  token = await app.api.login(user.username, PASSWORD);
});

afterAll(async () => {
  await app?.close();
});

describe('statements per client list request', () => {
  // The first request counts the total; a server may cache totals for a while (then later
  // requests skip the count), so each page size is measured right after the other, alike.
  it(`the first client list request costs at most ${MAX_STATEMENTS} statements`, async () => {
    const first = await statementsOfQ1(SMALL);
    if (first.length > MAX_STATEMENTS)
      throw new Error(`${first.length} statements, more than ${MAX_STATEMENTS}:\n${listed(first)}`);
  });

  it(`a page of ${SMALL} and a page of ${LARGE} clients with enrollments, programs and services cost the same statements, at most ${MAX_STATEMENTS}`, async () => {
    const small = await statementsOfQ1(SMALL);
    const large = await statementsOfQ1(LARGE);
    const detail = `\n${SMALL}:\n${listed(small)}\n${LARGE}:\n${listed(large)}`;
    if (large.length !== small.length) throw new Error(`statement count depends on the page size:${detail}`);
    if (large.length > MAX_STATEMENTS)
      throw new Error(`${large.length} statements, more than ${MAX_STATEMENTS}:${detail}`);
  });

  it('the count is deterministic', async () => {
    const first = await statementsOfQ1(LARGE);
    const again = await statementsOfQ1(LARGE);
    expect(again.length).toBe(first.length);
  });
});
