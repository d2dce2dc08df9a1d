/**
 * Issue 6, item 7: hostile input. Malformed JSON, huge and deeply nested queries, alias and
 * fragment bombs, batches, invalid ids and cursors, SQL injection in every String and ID
 * position of every root field, wrong variable types and over-long strings. Every one gets a
 * 4xx or a GraphQL error with a code, never a 500; nothing is written (or, where a hostile
 * string is valid data such as a name, it is stored verbatim and nothing else changes); the
 * server still answers afterwards.
 */
import { addDays, localToday } from '../../src/database/sql-time';
import { MUTATION_RULES, QUERY_RULES } from '../../src/access/permissions';
import { buildAppSchema } from '../../src/graphql/schema';
import {
  BAD_CURSORS,
  INJECTIONS,
  MALFORMED_BODIES,
  positions,
  request,
  rootFields,
  shapeAttacks,
  type RootField,
} from './fuzz-inputs';
import { auth, postJson, raw, startHardApp, type HardApp, type RawResponse } from './support';
import { checkClientReach } from '../../src/access/reach';

let app: HardApp;
let sam: string;
let roots: RootField[];
/** Who sends each root field: a user its rule lets through, so the resolver parses the hostile input. */
const callerOf = new Map<string, string>();
const ids: Record<string, string> = {};
let tried = 0;
const problems: string[] = [];
let slowest = 0;

/** Could end the session or lock the account they are sent with: sent as a user no other part needs. */
const SESSION_ENDING = /^logout$|password/i;
/**
 * Tables a request may touch besides the records it writes: the audit log, sessions, the login
 * throttle, and the client reach derived from the records (checked against them instead).
 */
// Derived tables (client reach, the duplicate check's blocking keys) follow the rows they come from.
const VOLATILE =
  /^(audit_event.*|session|login_attempt|migrations|sqlite_sequence|client_reach|reach_set.*|visible_client_count|client_match_key)$/;

beforeAll(async () => {
  app = await startHardApp('fuzz', { loginIpLimit: 0 });
  sam = await app.api.login('sam.shelter');
  roots = rootFields(await buildAppSchema());
  const users = { sam, admin: await app.api.login('admin'), riley: await app.api.login('riley.reserve') };
  const capabilities = async (token: string) =>
    new Set((await app.api.ok<any>('{ me { capabilities } }', {}, token)).me.capabilities as string[]);
  const [samCan, adminCan] = [await capabilities(users.sam), await capabilities(users.admin)];
  for (const { operation, field } of roots) {
    const rule = (operation === 'query' ? QUERY_RULES : MUTATION_RULES)[field.name] ?? 'public';
    const needs = rule === 'userAdmin' ? 'users:manage' : rule === 'auditReader' ? 'audit:read' : rule;
    let caller =
      ['public', 'session', 'agreed'].includes(needs) || samCan.has(needs) || !adminCan.has(needs)
        ? users.sam
        : users.admin;
    if (caller === users.sam && SESSION_ENDING.test(field.name)) caller = users.riley;
    callerOf.set(field.name, caller);
  }
  const client = await app.api.ok<any>(
    'mutation { createClient(input: { firstName: "Fuzz", lastName: "Target" }) { id } }',
    {},
    sam,
  );
  const { programs } = await app.api.ok<any>(
    '{ programs { id projectType ownedByActiveOrganization } }',
    {},
    sam,
  );
  const program = programs.find(
    (p: any) => p.ownedByActiveOrganization && p.projectType === 'EMERGENCY_SHELTER_ENTRY_EXIT',
  );
  const date = addDays(localToday(), -3);
  const enrollment = await app.api.ok<any>(
    'mutation($i: CreateEnrollmentInput!) { createEnrollment(input: $i) { id } }',
    { i: { clientId: client.createClient.id, programId: program.id, entryDate: addDays(date, -5) } },
    sam,
  );
  Object.assign(ids, {
    id: client.createClient.id,
    clientId: client.createClient.id,
    enrollmentId: enrollment.createEnrollment.id,
    programId: program.id,
    date,
  });
});

afterAll(async () => {
  console.log(
    `fuzz: ${tried} hostile inputs sent, slowest answer ${slowest} ms, ${problems.length} problems`,
  );
  await app?.close();
});

/** Checks one answer: no 5xx, JSON, every error coded and none INTERNAL, and not slow (blind SQL injection would sleep). */
function judge(what: string, res: RawResponse, ms: number): void {
  tried++;
  slowest = Math.max(slowest, ms);
  const errors: { extensions?: { code?: unknown } }[] = Array.isArray(res.json)
    ? res.json.flatMap((r: any) => r.errors ?? [])
    : (res.json?.errors ?? []);
  const bad =
    res.status >= 500
      ? `status ${res.status}`
      : // Only Node's own HTTP parser answers without JSON (e.g. 431 for a 100 kB header): a 4xx all the same.
        res.json === undefined && !(res.status >= 400 && res.status < 500 && res.text === '')
        ? 'not JSON'
        : errors.some((e) => typeof e.extensions?.code !== 'string')
          ? 'error without a code'
          : errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')
            ? 'INTERNAL_SERVER_ERROR'
            : ms > 2500
              ? `slow: ${ms} ms`
              : null;
  if (bad) problems.push(`${what}: ${bad}: ${res.text.slice(0, 300)}`);
}

async function send(what: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const started = Date.now();
  const res = await postJson(app.server.url, body, headers);
  judge(what, res, Date.now() - started);
  return res;
}

/** Runs `jobs` four at a time (the machine has two cores; the server is the bottleneck anyway). */
async function pool(jobs: (() => Promise<unknown>)[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

/** Every row of every non-volatile table, by table and id. */
async function snapshot(): Promise<Map<string, Map<string, string>>> {
  const ds = app.db.ds;
  const tables: string[] = (
    app.db.kind === 'mysql'
      ? await ds.query('SHOW TABLES')
      : await ds.query("SELECT name FROM sqlite_master WHERE type = 'table'")
  ).map((row: Record<string, string>) => Object.values(row)[0]);
  const result = new Map<string, Map<string, string>>();
  for (const table of tables.filter((t) => !VOLATILE.test(t))) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${ds.driver.escape(table)}`);
    result.set(
      table,
      new Map(rows.map((r, i) => [String(r.id ?? `#${i}:${JSON.stringify(r)}`), JSON.stringify(r)])),
    );
  }
  return result;
}

/** The differences between two snapshots, except the rows in `allowed` ("table:id"). */
function changes(
  before: Map<string, Map<string, string>>,
  after: Map<string, Map<string, string>>,
  allowed = new Set<string>(),
): string[] {
  const diff: string[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map<string, string>();
    for (const [id, row] of rows)
      if (old.get(id) !== row && !allowed.has(`${table}:${id}`))
        diff.push(`${table}:${id} ${old.has(id) ? 'changed' : 'added'}: ${row.slice(0, 300)}`);
    for (const id of old.keys()) if (!rows.has(id)) diff.push(`${table}:${id} removed`);
  }
  if (before.size !== after.size) diff.push(`tables: ${before.size} -> ${after.size}`);
  return diff;
}

test('hostile requests that must be refused or only read: coded 4xx/GraphQL errors, never a 500, nothing written', async () => {
  const before = await snapshot();
  const jobs: (() => Promise<unknown>)[] = [];

  for (const body of MALFORMED_BODIES)
    jobs.push(() => send(`malformed body ${body.slice(0, 40)}`, body, auth(sam)));
  for (const query of shapeAttacks())
    jobs.push(() => send(`shape ${query.slice(0, 40)}`, { query }, auth(sam)));
  for (const n of [2, 50])
    jobs.push(() =>
      send(
        `batch of ${n}`,
        Array(n).fill({ query: 'mutation { createClient(input: { firstName: "Batch" }) { id } }' }),
        auth(sam),
      ),
    );
  for (const type of [
    'text/plain',
    'application/xml',
    'application/json; charset=utf-16',
    'application/graphql',
  ]) {
    jobs.push(async () => {
      const started = Date.now();
      judge(
        `content type ${type}`,
        await raw(`${app.server.url}/graphql`, {
          headers: { 'content-type': type, ...auth(sam) },
          body: '{"query":"{ __typename }"}',
        }),
        Date.now() - started,
      );
    });
  }
  for (const cursor of BAD_CURSORS)
    jobs.push(() =>
      send(
        `cursor ${cursor.slice(0, 20)}`,
        { query: 'query($a: String) { clients(after: $a) { totalCount } }', variables: { a: cursor } },
        auth(sam),
      ),
    );
  const wrongTypes: [string, unknown][] = [
    ['first', 'ten'],
    ['first', 1.5],
    ['first', { a: 1 }],
    ['after', 5],
    ['after', ['x']],
    ['search', true],
    ['search', { $ne: null }],
    ['programId', 1.5],
    ['programId', null],
  ];
  for (const [name, value] of wrongTypes) {
    jobs.push(() =>
      send(
        `wrong type ${name}`,
        {
          query:
            'query($first: Int, $after: String, $search: String, $programId: ID) { clients(first: $first, after: $after, search: $search, programId: $programId) { totalCount } }',
          variables: { [name]: value },
        },
        auth(sam),
      ),
    );
  }
  for (const long of ['x'.repeat(101), 'x'.repeat(100_000)]) {
    jobs.push(() =>
      send(
        'over-long search',
        { query: 'query($s: String) { clients(search: $s) { totalCount } }', variables: { s: long } },
        auth(sam),
      ),
    );
    jobs.push(() =>
      send('over-long login', {
        query: 'mutation($u: String!) { login(username: $u, password: $u) { token } }',
        variables: { u: long },
      }),
    );
    jobs.push(() =>
      send(
        'over-long name',
        {
          query: 'mutation($n: String) { createClient(input: { firstName: $n }) { id } }',
          variables: { n: long },
        },
        auth(sam),
      ),
    );
    jobs.push(() =>
      send(
        'over-long bearer token',
        { query: '{ me { user { username } } }' },
        { authorization: `Bearer ${long}` },
      ),
    );
  }
  for (const root of roots) {
    const readOnly = root.operation === 'query';
    for (const at of positions(root.field)) {
      // Queries: every String and ID position. Mutations: ID positions (a hostile id never names a record).
      if (!readOnly && at.scalar !== 'ID') continue;
      for (const payload of INJECTIONS) {
        jobs.push(() =>
          send(
            `${root.field.name}(${at.path.join('.')})`,
            request(root, ids, at, payload),
            auth(callerOf.get(root.field.name) as string),
          ),
        );
      }
    }
    // And everything anonymously: refused before any argument is used, or a login that fails.
    for (const at of positions(root.field))
      jobs.push(() =>
        send(`anonymous ${root.field.name}(${at.path.join('.')})`, request(root, ids, at, INJECTIONS[2])),
      );
  }
  await pool(jobs);

  expect(problems).toEqual([]);
  expect(changes(before, await snapshot())).toEqual([]);
  expect(await checkClientReach(app.db.ds.manager)).toEqual([]);
  // Thousands of requests (every argument of every root field, growing with the schema): on a
  // busy two-core machine this takes well over the default minute.
}, 300_000);

test('hostile strings that are valid data (names, locations, codes) are stored verbatim and change nothing else', async () => {
  const before = await snapshot();
  const written = new Set<string>();
  const stored: { table: string; id: string; payload: string }[] = [];
  const tableOf = (typeName: string) => app.db.ds.entityMetadatas.find((m) => m.name === typeName)?.tableName;
  const jobs: (() => Promise<unknown>)[] = [];
  // As the staff user only: an administrator's valid data would create users and assignments.
  for (const root of roots.filter((r) => r.operation === 'mutation' && callerOf.get(r.field.name) === sam)) {
    for (const at of positions(root.field).filter((p) => p.scalar === 'String')) {
      for (const payload of INJECTIONS) {
        jobs.push(async () => {
          const res = await send(
            `${root.field.name}(${at.path.join('.')})`,
            request(root, ids, at, payload),
            auth(sam),
          );
          const data = res.json?.data?.[root.field.name];
          const table = data?.__typename && tableOf(data.__typename);
          if (!res.json?.errors && data?.id && table) {
            written.add(`${table}:${data.id}`);
            if (payload.trim() && !at.list)
              stored.push({ table, id: String(data.id), payload: payload.trim() });
          } else if (!res.json?.errors && data !== undefined) {
            problems.push(`${root.field.name}: succeeded but wrote no record this test can account for`);
          }
        });
      }
    }
  }
  await pool(jobs);
  expect(problems).toEqual([]);
  expect(changes(before, await snapshot(), written)).toEqual([]);
  expect(await checkClientReach(app.db.ds.manager)).toEqual([]);
  for (const { table, id, payload } of stored) {
    const [row] = await app.db.ds.query(`SELECT * FROM ${app.db.ds.driver.escape(table)} WHERE id = ?`, [
      Number(id),
    ]);
    expect({ table, payload, found: Object.values(row).includes(payload) }).toEqual({
      table,
      payload,
      found: true,
    });
  }
  console.log(
    `fuzz: ${stored.length} hostile strings accepted as data and read back verbatim (${written.size} rows written)`,
  );
});

test('the server still answers afterwards, and the schema is intact', async () => {
  const me = await postJson(
    app.server.url,
    { query: '{ me { user { username } } clients(first: 1) { totalCount } }' },
    auth(sam),
  );
  expect(me.json.errors).toBeUndefined();
  expect(me.json.data.me.user.username).toBe('sam.shelter');
  expect(me.json.data.clients.totalCount).toBeGreaterThan(0);
  expect((await app.api.login('olga.outreach')).length).toBeGreaterThan(20);
});
