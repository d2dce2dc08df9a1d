/**
 * Issue 18: with a read replica, a query reads through the replica and writes nothing there: its
 * read-audit row and its session's touch go to the primary. The "replica" here is a second pool
 * on the test database that cannot write (MariaDB: SET SESSION TRANSACTION READ ONLY on every
 * connection; SQLite: the file opened read-only), so any write routed to it fails the request.
 * Every root query of the schema, with every field to depth 3, runs as every demo user.
 */
import type { DataSource } from 'typeorm';
import { buildAppSchema } from '../../src/graphql/schema';
import { startServer, type RunningServer } from '../../src/http/server';
import { seedDemo } from '../../seeds/demo';
import { Api } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { HOME, type HomeUser } from '../access/helpers';
import { sweepUsers } from '../support/sweep';
import { everyQuery, readOnlyReplica, StatementLog } from './support';

let db: TestDatabase;
let replica: DataSource;
let server: RunningServer;
let api: Api;
let ids: Awaited<ReturnType<typeof seedDemo>>;
const replicaLog = new StatementLog();

beforeAll(async () => {
  db = await createTestDatabase('replica_read_only');
  ids = await seedDemo(db.ds, { password: db.config.seedPassword });
  replica = await readOnlyReplica(db, replicaLog);
  server = await startServer({
    // No read-your-writes window: right after login and selectContext, reads use the replica.
    config: {
      ...db.config,
      host: '127.0.0.1',
      readYourWritesSeconds: 0,
      maxTokens: 100_000,
      maxDepth: 20,
      maxBatch: 5,
    },
    dataSource: db.ds,
    replicas: [replica],
    port: 0,
    logLevel: 'silent',
    prepare: false,
  });
  api = new Api(server.url);
});

afterAll(async () => {
  await server?.close();
  await replica?.destroy();
  await db?.destroy();
});

test('the replica connection really refuses writes (so the next test can fail)', async () => {
  await expect(
    replica.query('INSERT INTO login_attempt (ip, at) VALUES (?, ?)', ['127.0.0.1', '2026-01-01 00:00:00']),
  ).rejects.toThrow(/read.?only/i);
});

test('every query of every demo user (CI: a sample) reads from the replica and writes only on the primary', async () => {
  replicaLog.writes.length = 0; // the refused INSERT of the test above
  const schema = await buildAppSchema();
  const sampleIds = [
    ...Object.values(ids.clients).slice(0, 4),
    ...Object.values(ids.programs).slice(0, 2),
  ].map(String);
  const documents = everyQuery(schema, sampleIds);
  expect(documents.length).toBeGreaterThan(Object.keys(schema.getQueryType()!.getFields()).length);
  const users = sweepUsers(Object.keys(HOME) as HomeUser[]);
  const [{ n: auditBefore }] = await db.ds.query('SELECT COUNT(*) AS n FROM audit_event');
  const failures: string[] = [];
  let answered = 0;
  for (const user of users) {
    const token = await api.loginAs(user, HOME[user]);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the login's write second
    const before = replicaLog.count;
    for (const query of documents) {
      const res = await api.post(query, {}, token);
      for (const e of res.errors ?? []) {
        const code = String(e.extensions?.code);
        // A refused write surfaces as a server-side failure; access refusals are expected.
        if (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE' || res.status >= 500)
          failures.push(`${user}: ${code} ${e.message} in ${query.slice(0, 80)}`);
      }
      if (res.data && Object.values(res.data).some((v) => v !== null)) answered++;
    }
    // This user's queries were served by the replica, not quietly by the primary.
    expect([user, replicaLog.count > before]).toEqual([user, true]);
  }
  expect(failures).toEqual([]);
  expect(replicaLog.writes).toEqual([]);
  expect(answered).toBeGreaterThan(users.length * 5);
  // The read audit was written, on the primary.
  const [{ n: auditAfter }] = await db.ds.query('SELECT COUNT(*) AS n FROM audit_event');
  expect(Number(auditAfter)).toBeGreaterThan(Number(auditBefore));
}, 120_000);

// Apollo Server copies the context per operation of a batch; this holds the routing to it: the
// queries' replica never becomes the mutation's database (the server refuses that outright).
test('in a batched request, the queries read from the replica and the mutation writes on the primary', async () => {
  const token = await api.loginAs('sam.shelter', HOME['sam.shelter']);
  const me = await api.ok<{ me: { workgroups: { id: string }[]; loginOrganizations: { id: string }[] } }>(
    '{ me { workgroups { id } loginOrganizations { id } } }',
    {},
    token,
  );
  await new Promise((resolve) => setTimeout(resolve, 1100));
  replicaLog.writes.length = 0;
  const before = replicaLog.count;
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify([
      { query: '{ clients(first: 5) { totalCount } }' },
      {
        query: 'mutation($w: ID!, $o: ID!) { selectContext(workgroupId: $w, organizationId: $o) { state } }',
        variables: { w: me.me.workgroups[0].id, o: me.me.loginOrganizations[0].id },
      },
      { query: '{ clients(first: 5) { totalCount } }' },
    ]),
  });
  const body = (await res.json()) as { errors?: unknown[]; data?: Record<string, unknown> }[];
  expect(body.map((b) => b.errors ?? [])).toEqual([[], [], []]);
  expect(replicaLog.count).toBeGreaterThan(before);
  expect(replicaLog.writes).toEqual([]);
});

test('a session reads from the primary for READ_YOUR_WRITES_SECONDS after it writes, then from the replica', async () => {
  const ryw = await startServer({
    config: { ...db.config, host: '127.0.0.1', readYourWritesSeconds: 2 },
    dataSource: db.ds,
    replicas: [replica],
    port: 0,
    logLevel: 'silent',
    prepare: false,
  });
  try {
    const rywApi = new Api(ryw.url);
    const token = await rywApi.loginAs('sam.shelter', HOME['sam.shelter']);
    const list = '{ clients(first: 5) { totalCount } }';
    // Just logged in and selected a context (writes): the primary answers.
    let before = replicaLog.count;
    await rywApi.ok(list, {}, token);
    expect(replicaLog.count).toBe(before);
    // Past the window: the replica answers. (The row keeps whole seconds: wait 3 s for 2.)
    await new Promise((resolve) => setTimeout(resolve, 3000));
    before = replicaLog.count;
    await rywApi.ok(list, {}, token);
    expect(replicaLog.count).toBeGreaterThan(before);
    // Another write (the kept mark is in the session row, so any process would agree).
    await rywApi.ok(
      'mutation { createClient(input: { firstName: "Saved", lastName: "Just", restrictIntake: false }) { id } }',
      {},
      token,
    );
    const [{ n }] = await db.ds.query(
      'SELECT COUNT(*) AS n FROM session WHERE last_write_at IS NOT NULL AND user_id = (SELECT id FROM app_user WHERE username = ?)',
      ['sam.shelter'],
    );
    expect(Number(n)).toBeGreaterThan(0);
    before = replicaLog.count;
    const found = await rywApi.ok<{ clients: { totalCount: number } }>(
      '{ clients(first: 5, search: "Saved Just") { totalCount } }',
      {},
      token,
    );
    expect(found.clients.totalCount).toBe(1);
    expect(replicaLog.count).toBe(before);
  } finally {
    await ryw.close();
  }
}, 30_000);
