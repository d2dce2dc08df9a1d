/**
 * The leak oracle (access model §3, §5, §6; issue 10): for every demo user in every context they
 * can select (plus an anonymous caller and an auditor holding only audit:read and program:read),
 * the values that caller must never receive are computed from the database by the spec's rules,
 * then every root query (generated from the introspected schema), explainAccess on visible and
 * invisible records, and every mutation with valid and deliberately wrong inputs run over HTTP;
 * no response may carry a forbidden value, and every client a response returns must be in its
 * read-audit event. CI runs a seeded sample; LEAK_ORACLE_FULL=1 runs every variant;
 * LEAK_ORACLE_RAW=1 prints findings with their ids and values; LEAK_ORACLE_DEBUG=<field> prints
 * what one operation sent and got.
 *
 * While leaks 1, 2, 3 and 6 of issue 10 are open it fails exactly on them: riley.reserve's
 * createEnrollment before the client's birth quotes the DOB (1); auditEvents shows admin and the
 * auditor values of clients and records invisible to their organization (2) and the auditor
 * full SSNs, DOBs and health answers without the capability (3); createClient and updateClient
 * payloads return clients missing from the read audit (6).
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { DemoApp, DEMO_PASSWORD } from './helpers';
import type { Pools } from './leak-oracle/inputs';
import { oracleRecordTypes, type OracleRecordType } from './leak-oracle/record-types';
import { LeakOracle, type OracleCaller, type OracleFinding } from './leak-oracle/runner';

jest.setTimeout(300_000);

const demo = new DemoApp('access_leak_oracle');
const FULL = process.env.LEAK_ORACLE_FULL === '1';
const SEED = Number(process.env.LEAK_ORACLE_SEED ?? 20261201);

const GOOD_PASSWORD = 'lantern-orchard-47-quietly';
/** Demo users who can work; ivan.idle (inactive) and devon.departed (deactivated) cannot log in. */
const USERS = [
  'admin',
  'sam.shelter',
  'olga.outreach',
  'morgan.multi',
  'casey.assessor',
  'tara.trainee',
  'pat.priority',
  'riley.reserve',
  'mina.manager',
  'dana.dv',
  'nora.new',
] as const;

let schema: GraphQLSchema;
let types: OracleRecordType[];
let oracle: LeakOracle;
const callers: Array<OracleCaller & { username: string }> = [];
const totals = { callers: 0, findings: 0 };

async function capabilitiesOf(workgroupId: number | null): Promise<Set<string>> {
  if (workgroupId === null) return new Set();
  const rows = await demo.sql('SELECT capability FROM workgroup_capability WHERE workgroup_id = ?', [
    workgroupId,
  ]);
  return new Set(rows.map((r) => String(r.capability)));
}

/** Every (workgroup, login organization) pair `username` can select, each as its own session. */
async function contextsOf(
  username: string,
  password = DEMO_PASSWORD,
): Promise<Array<OracleCaller & { username: string }>> {
  const login = async () => {
    const token = (
      await demo.api.ok(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        {
          u: username,
          p: password,
        },
      )
    ).login.token as string;
    const { me } = await demo.api.ok('{ me { state } }', {}, token);
    if (me.state === 'NEEDS_AGREEMENT')
      await demo.api.ok('mutation { acceptEndUserAgreement { state } }', {}, token);
    return token;
  };
  const first = await login();
  const { me } = await demo.api.ok(
    '{ me { state workgroups { id name } loginOrganizations { id code } activeWorkgroup { id } activeOrganization { id } } }',
    {},
    first,
  );
  const out: Array<OracleCaller & { username: string }> = [];
  for (const w of me.workgroups)
    for (const o of me.loginOrganizations) {
      const token = out.length === 0 ? first : await login();
      if (me.workgroups.length * me.loginOrganizations.length > 1)
        await demo.api.ok(
          'mutation($w: ID!, $o: ID!) { selectContext(workgroupId: $w, organizationId: $o) { state } }',
          { w: w.id, o: o.id },
          token,
        );
      out.push({
        username,
        label: `${username} as ${w.name} at ${o.code}`,
        token,
        orgId: Number(o.id),
        capabilities: await capabilitiesOf(Number(w.id)),
      });
    }
  return out;
}

/** A user the oracle may change freely (user-management mutations never touch a demo user). */
async function throwawayUser(admin: string, n: number): Promise<number> {
  const { createUser } = await demo.api.ok(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
    {
      input: {
        username: `oracle.target${n}`,
        temporaryPassword: GOOD_PASSWORD,
        workgroupIds: [String(demo.ids.workgroups['HMIS Users'])],
        assignments: [{ organizationId: String(demo.ids.orgs.HSS), canLogin: true, canEdit: true }],
      },
    },
    admin,
  );
  return Number(createUser.user.id);
}

/** Leak 3's reader: a workgroup granting only audit:read and program:read, at ADM and at HSS. */
async function auditor(admin: string): Promise<Array<OracleCaller & { username: string }>> {
  const { createWorkgroup } = await demo.api.ok(
    `mutation($input: CreateWorkgroupInput!) { createWorkgroup(input: $input) { id } }`,
    { input: { name: 'Oracle Auditors', capabilities: ['audit:read', 'program:read'] } },
    admin,
  );
  await demo.api.ok(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
    {
      input: {
        username: 'oracle.auditor',
        // No ceiling, so audit:read is let through; the workgroup grants nothing else (leak 3).
        accessRole: 'SYSTEM_ADMINISTRATOR',
        temporaryPassword: 'temporary-orchard-58-calmly',
        workgroupIds: [createWorkgroup.id],
        // At ADM it sees no client; at HSS it sees Hope Street's clients, but not their SSNs or DOBs.
        assignments: [
          { organizationId: String(demo.ids.orgs.ADM), canLogin: true, canEdit: false },
          { organizationId: String(demo.ids.orgs.HSS), canLogin: true, canEdit: false },
        ],
      },
    },
    admin,
  );
  const token = (
    await demo.api.ok('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: 'oracle.auditor',
      p: 'temporary-orchard-58-calmly',
    })
  ).login.token as string;
  await demo.api.ok(
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { state } }',
    { c: 'temporary-orchard-58-calmly', n: GOOD_PASSWORD },
    token,
  );
  return contextsOf('oracle.auditor', GOOD_PASSWORD);
}

/** Other users' changes, so auditEvents has events about records each caller can and cannot see. */
async function otherUsersActivity(): Promise<void> {
  const { ids } = demo;
  const touch = async (
    username: 'dana.dv' | 'olga.outreach' | 'sam.shelter',
    client: keyof typeof ids.clients,
  ) => {
    const token = await demo.api.loginAs(username);
    const { client: c } = await demo.api.ok(
      'query($id: ID!) { client(id: $id) { version } }',
      { id: String(ids.clients[client]) },
      token,
    );
    await demo.api.ok(
      'mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id } }',
      { id: String(ids.clients[client]), input: { version: c.version, veteranStatus: 'NO' } },
      token,
    );
  };
  await touch('dana.dv', 'Robin Hayes');
  await touch('olga.outreach', 'Taylor Brooks');
  await touch('sam.shelter', 'Jordan Lee');
}

beforeAll(async () => {
  const admin = await demo.api.loginAs('admin');
  const introspection = await demo.api.ok<IntrospectionQuery>(getIntrospectionQuery(), {}, admin);
  schema = buildClientSchema(introspection);
  types = await oracleRecordTypes(demo);
  const users = [await throwawayUser(admin, 1), await throwawayUser(admin, 2)];
  const pools = async (): Promise<Pools> => ({
    users,
    workgroups: (await demo.sql('SELECT id FROM workgroup')).map((r) => Number(r.id)),
    programs: await demo.sql('SELECT id, organization_id FROM program'),
    orgs: Object.values(demo.ids.orgs),
    other: new Map([
      [
        'information_release',
        (await demo.sql('SELECT id FROM information_release')).map((r) => Number(r.id)),
      ],
      ['release_exception', (await demo.sql('SELECT id FROM release_exception')).map((r) => Number(r.id))],
      ['location', (await demo.sql('SELECT id FROM location')).map((r) => Number(r.id))],
    ]),
  });
  oracle = new LeakOracle(demo, schema, types, pools, { full: FULL, seed: SEED });
  for (const username of USERS) callers.push(...(await contextsOf(username)));
  callers.push(...(await auditor(admin)));
  await otherUsersActivity();
});

afterAll(() => {
  console.log(
    `leak oracle (${FULL ? 'full' : `CI sample, seed ${SEED}`}): ${totals.callers} callers, ${oracle?.stats.operations} operations, ` +
      `${oracle?.stats.values} forbidden values checked, ${oracle?.stats.records} returned clients checked against the read audit, ` +
      `${types?.length} record types (${types?.map((t) => t.table).join(', ')}), ${totals.findings} findings`,
  );
});

function report(findings: OracleFinding[]): string[] {
  const grouped = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.operation} [${f.variant}] ${f.kind}: ${process.env.LEAK_ORACLE_RAW ? f.detail : f.detail.replace(/\d+/g, '#')}`;
    grouped.set(key, (grouped.get(key) ?? 0) + 1);
  }
  return [...grouped].map(([k, n]) => `${k} (x${n})`).sort();
}

test('every client-level table is a record type the oracle covers, each with its GraphQL type in the schema', () => {
  expect(types.map((t) => t.table)).toEqual(
    expect.arrayContaining([
      'assessment',
      'ce_event',
      'current_living_situation',
      'enrollment',
      'enrollment_exit',
      'health_and_dv',
      'service',
    ]),
  );
  for (const t of types) expect([t.table, schema.getType(t.typeName)?.name]).toEqual([t.table, t.typeName]);
});

test('an anonymous caller receives no client value from any query', async () => {
  const findings = await oracle.run(
    { label: 'anonymous', token: null, orgId: -1, capabilities: new Set() },
    0,
    false,
  );
  totals.callers++;
  totals.findings += findings.length;
  expect(report(findings)).toEqual([]);
});

describe.each([...USERS, 'oracle.auditor'].map((u) => [u]))('%s', (username) => {
  test('receives no value it may not read, in any context, from any operation', async () => {
    const mine = callers.filter((c) => c.username === username);
    expect(mine.length).toBeGreaterThan(0);
    const findings: OracleFinding[] = [];
    for (const [i, caller] of mine.entries()) {
      findings.push(...(await oracle.run(caller, callers.indexOf(caller) * 101 + i)));
      totals.callers++;
    }
    totals.findings += findings.length;
    expect(report(findings.map((f) => ({ ...f, operation: `${f.caller}: ${f.operation}` })))).toEqual([]);
  });
});
