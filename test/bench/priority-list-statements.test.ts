/**
 * The priority list (issue 14) stays constant in the page size: a page of 10 and a page of 50
 * entries with scores and client names cost the same statements, at most 5, through the real
 * HTTP server, on whichever database the suite runs (SQLite, or DATABASE_URL). Counts are
 * deterministic, so they are asserted; timings never are (that is `npm run bench`, row Q4).
 */
import 'reflect-metadata';
import { seedSynthetic, SYNTHETIC_DEFAULTS } from '../../seeds/synthetic';
import { startTestApp, type TestApp } from '../support/app';
import { Q4 } from './queries';
import { StatementLog } from './statement-log';

const MAX_STATEMENTS = 5;
const PASSWORD = 'priority-list-statements';

const statements = new StatementLog();
let app: TestApp;
let token: string;

async function statementsOfQ4(n: number): Promise<string[]> {
  statements.start();
  let res;
  try {
    res = await app.api.post<any>(Q4, { n }, token);
  } finally {
    statements.stop();
  }
  if (res.errors?.length) throw new Error(`Q4(${n}) failed: ${JSON.stringify(res.errors)}`);
  expect(res.data.priorityList.edges).toHaveLength(n);
  // Names and scores are there: the caller is a trained assessor of an organization that sees them.
  expect(res.data.priorityList.edges.some((e: any) => e.node.firstName !== null)).toBe(true);
  expect(res.data.priorityList.edges.some((e: any) => e.node.totalScore !== null)).toBe(true);
  return statements.stop();
}

const listed = (list: string[]) => list.map((s, i) => `  ${i + 1}. ${s.slice(0, 160)}`).join('\n');

beforeAll(async () => {
  app = await startTestApp('bench_priority_statements', { logger: statements });
  const summary = await seedSynthetic(app.db.ds, {
    ...SYNTHETIC_DEFAULTS,
    seed: 7,
    organizations: 6,
    mous: 10,
    users: 30,
    clients: 3_000,
    priorityListEntries: 2_000,
    password: PASSWORD,
  });
  expect(summary.tables.find((t) => t.table === 'priority_list_entry')?.rows).toBeGreaterThan(100);
  // The trained assessor whose organization sees the most entries.
  const [user] = await app.db.ds.query(
    `SELECT u.username, a.organization_id, COUNT(*) AS n
       FROM app_user u
       JOIN workgroup_membership m ON m.user_id = u.id
       JOIN workgroup w ON w.id = m.workgroup_id AND w.name = 'Coordinated Entry Assessors'
       JOIN org_assignment a ON a.user_id = u.id AND a.can_login = 1
       JOIN priority_list_entry e ON 1 = 1
       JOIN client c ON c.id = e.client_id AND c.organization_id = a.organization_id
      WHERE u.username LIKE 'synth.user.%'
        AND NOT EXISTS (SELECT 1 FROM workgroup_required_training t
                         LEFT JOIN user_training ut ON ut.user_id = u.id AND ut.course = t.course
                        WHERE t.workgroup_id = w.id AND ut.course IS NULL)
      GROUP BY u.id, u.username, a.organization_id
      ORDER BY n DESC, u.id
      LIMIT 1`,
  );
  token = await app.api.login(user.username, PASSWORD);
});

afterAll(async () => {
  await app?.close();
});

test(`a page of 10 and a page of 50 priority list entries with scores and names cost the same statements, at most ${MAX_STATEMENTS}`, async () => {
  const first = await statementsOfQ4(10);
  const small = await statementsOfQ4(10);
  const large = await statementsOfQ4(50);
  const detail = `\nfirst:\n${listed(first)}\n10:\n${listed(small)}\n50:\n${listed(large)}`;
  if (large.length !== small.length) throw new Error(`statement count depends on the page size:${detail}`);
  if (Math.max(first.length, large.length) > MAX_STATEMENTS)
    throw new Error(`more than ${MAX_STATEMENTS} statements:${detail}`);
});
