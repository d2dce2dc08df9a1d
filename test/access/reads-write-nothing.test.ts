/**
 * Access model §6: apart from its read-audit row and its session's last-activity time, a read
 * writes nothing. Every query of every demo user (every root Query field with sample arguments,
 * and the usual lists, filters, lookups, explanations and the audit log with real ids) runs
 * against a snapshot of every table; afterwards only audit_event grows and session rows are
 * only touched. The stored visible-client counts are dropped first, as when an organization's
 * partners change overnight: the list still counts right, and stores nothing.
 */
import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { DemoApp, HOME, type HomeUser } from './helpers';
import { sweepUsers } from '../support/sweep';
import { rootOperations } from './operations';

const demo = new DemoApp('reads_write_nothing');
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

/** Tables a read may write: its audit row, and its session's last-activity time. */
const READ_WRITES = new Set(['audit_event', 'session']);

async function tables(): Promise<string[]> {
  const ds = demo.app.db.ds;
  const rows: { t: string }[] =
    demo.app.db.kind === 'mysql'
      ? await ds.query(
          `SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'`,
        )
      : await ds.query(
          `SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  return rows.map((r) => r.t).sort();
}

/** Each table's row count, and a hash of its rows for the tables a read must not touch at all. */
async function snapshot(): Promise<Record<string, string>> {
  const ds = demo.app.db.ds;
  const out: Record<string, string> = {};
  for (const t of await tables()) {
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM ${t}`);
    if (READ_WRITES.has(t)) {
      out[t] = `${Number(n)} rows`;
      continue;
    }
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${t}`);
    const text = rows
      .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)))
      .sort()
      .join('\n');
    out[t] = `${Number(n)} rows ${createHash('sha256').update(text).digest('hex')}`;
  }
  return out;
}

const CLIENTS = `query($search: String, $programId: ID, $from: LocalDate) {
  clients(first: 50, search: $search, programId: $programId, enrolledFrom: $from) {
    totalCount edges { node { id firstName lastName ssn dob age enrollments { id entryDate program { name } services(first: 5) { totalCount } } access { hiddenFields } } }
  }
}`;

test('no query of any demo user (CI: a sample) writes a row other than its read audit and its session touch', async () => {
  const ids = demo.ids;
  const users = sweepUsers(Object.keys(HOME) as HomeUser[]);
  const callers = await Promise.all(users.map((u) => demo.as(u)));
  const clientIds = Object.values(ids.clients).map(String);
  const before = await snapshot();
  const totalsBefore = new Map<HomeUser, number>();
  for (const [i, user] of users.entries()) {
    const res = await callers[i].post(CLIENTS, {});
    if (res.data?.clients) totalsBefore.set(user, res.data.clients.totalCount);
  }
  // As after a release started or ended overnight: no count stored for today's partners.
  await demo.app.db.ds.query('DELETE FROM visible_client_count');
  const start = await snapshot();
  const [{ n: auditBefore }] = await demo.app.db.ds.query('SELECT COUNT(*) AS n FROM audit_event');

  const queries: Array<[string, Record<string, unknown>]> = [
    ...rootOperations(schema)
      .filter(([kind]) => kind === 'query')
      .map(([, , text]): [string, Record<string, unknown>] => [text, {}]),
    [CLIENTS, {}],
    [CLIENTS, { search: 'a' }],
    [CLIENTS, { programId: String(ids.programs.HSS_ES), from: '2000-01-01' }],
    ...clientIds.map((id): [string, Record<string, unknown>] => [
      'query($id: ID!) { client(id: $id) { id firstName ssn dob enrollments { id exit { exitDate } } } }',
      { id },
    ]),
    ...clientIds.map((id): [string, Record<string, unknown>] => [
      'query($id: ID!) { explainAccess(recordType: CLIENT, id: $id) { allowed explanation } }',
      { id },
    ]),
    ...clientIds.map((id): [string, Record<string, unknown>] => [
      'query($id: ID) { auditEvents(filter: { clientId: $id }, first: 20) { totalCount edges { node { before after hiddenFields } } } }',
      { id },
    ]),
  ];
  let answered = 0;
  for (const [i, user] of users.entries()) {
    for (const [query, variables] of queries) {
      const res = await callers[i].post(query, variables);
      if (res.data && Object.values(res.data).some((v) => v !== null)) answered++;
    }
    const res = await callers[i].post(CLIENTS, {});
    if (totalsBefore.has(user))
      expect([user, res.data?.clients.totalCount]).toEqual([user, totalsBefore.get(user)]);
  }
  expect(answered).toBeGreaterThan(users.length * clientIds.length);

  const after = await snapshot();
  for (const t of Object.keys(start)) if (!READ_WRITES.has(t)) expect([t, after[t]]).toEqual([t, start[t]]);
  expect(after.session).toBe(start.session);
  const [{ n: auditAfter }] = await demo.app.db.ds.query('SELECT COUNT(*) AS n FROM audit_event');
  expect(Number(auditAfter)).toBeGreaterThan(Number(auditBefore));
  expect(Object.keys(before).sort()).toEqual(Object.keys(after).sort());
});
