/**
 * The audit log (access model §6; issue 4 §4): every read of client-level data and every
 * change is logged; changes with before and after, in the same transaction; readable with
 * audit:read only, filterable and keyset-paginated; nothing in the API changes or deletes it.
 */
import { buildAppSchema } from '../../src/graphql/schema';
import { recordChange } from '../../src/modules/audit/audit.service';
import { asAdmin, CREATE_USER, refused, startTestApp, type TestApp } from './support';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp('admin_audit');
  admin = await asAdmin(app);
});
afterAll(() => app?.close());

const EVENTS = `query($f: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at userId organizationId workgroupId action operation entityType entityId clientIds fields before after requestId } }
  }
}`;

async function events(filter: Record<string, unknown>, first = 100) {
  const { auditEvents } = await app.api.ok(EVENTS, { f: filter, first }, admin);
  return auditEvents.edges.map((e: { node: Record<string, any> }) => e.node);
}

/** Posts with an x-request-id header, as a front end or proxy would. */
async function postWithRequestId(query: string, token: string, requestId: string) {
  const res = await fetch(`${app.server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

test('a read of client data records the user, active organization and workgroup, operation, clients, sensitive fields, time and request id', async () => {
  const sam = await app.api.login('sam.shelter');
  const alex = app.ids.clients['Alex Rivera'];
  const started = Date.now() - 1000;
  await postWithRequestId(
    `query SamLooksUpAlex { client(id: "${alex}") { firstName ssn } }`,
    sam,
    'req-audit-read-1',
  );
  const [read] = await events({ action: 'READ', userId: String(app.ids.users['sam.shelter']) });
  expect(read).toMatchObject({
    userId: app.ids.users['sam.shelter'],
    organizationId: app.ids.orgs.HSS,
    workgroupId: app.ids.workgroups['Emergency Shelter Staff'],
    operation: 'SamLooksUpAlex',
    clientIds: [alex],
    fields: ['Client.firstName', 'Client.ssn'],
    requestId: 'req-audit-read-1',
  });
  expect(Date.parse(read.at)).toBeGreaterThanOrEqual(started);
});

test('reads can be found by client through their stored client list', async () => {
  const olga = await app.api.login('olga.outreach');
  const samCarter = app.ids.clients['Sam Carter'];
  await app.api.ok('query OlgaLists { clients(first: 50) { edges { node { id } } } }', {}, olga);
  const found = await events({ clientId: String(samCarter), userId: String(app.ids.users['olga.outreach']) });
  expect(found.length).toBeGreaterThan(0);
  for (const e of found) expect(e.clientIds).toContain(samCarter);
  expect(
    await events({
      clientId: String(app.ids.clients['Robin Hayes']),
      userId: String(app.ids.users['olga.outreach']),
    }),
  ).toEqual([]);
});

test('a change is logged with its values before and after', async () => {
  const sam = await app.api.login('sam.shelter');
  const { createClient } = await app.api.ok(
    // Restrict intake: release 1004 shares Hope Street's records with the HMIS Lead Agency, but
    // not a restrict-intake client (§3), so from there the values stay hidden.
    'mutation { createClient(input: { firstName: "Audra", lastName: "Trail", restrictIntake: true }) { id version } }',
    {},
    sam,
  );
  await app.api.ok(
    'mutation($id: ID!, $v: Int!) { updateClient(id: $id, input: { version: $v, firstName: "Audrey" }) { id } }',
    { id: createClient.id, v: createClient.version },
    sam,
  );
  // The values are shown to a reader whose active organization sees the client (§6): the
  // administrator working at Hope Street. From HMIS Lead Agency, only who, when and what.
  const filter = { clientId: createClient.id, entityType: 'Client' };
  const fromAdm = await events(filter);
  expect(fromAdm.map((e: { action: string }) => e.action)).toEqual(['UPDATE', 'CREATE']);
  expect(fromAdm[0].before.firstName).toBeNull();
  await app.db.ds.query(
    'INSERT INTO org_assignment (user_id, organization_id, can_login, can_edit, agency_lead) VALUES (?, ?, 1, 0, 0)',
    [app.ids.users.admin, app.ids.orgs.HSS],
  );
  try {
    const atHss = await app.api.loginAs('admin', { workgroup: 'System Administrators', org: 'HSS' });
    const { auditEvents } = await app.api.ok(EVENTS, { f: filter, first: 10 }, atHss);
    const changes = auditEvents.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(changes.map((e: { action: string }) => e.action)).toEqual(['UPDATE', 'CREATE']);
    expect(changes[0].before.firstName).toBe('Audra');
    expect(changes[0].after.firstName).toBe('Audrey');
    expect(changes[1]).toMatchObject({ before: null, after: { firstName: 'Audra' } });
  } finally {
    await app.db.ds.query('DELETE FROM org_assignment WHERE user_id = ? AND organization_id = ?', [
      app.ids.users.admin,
      app.ids.orgs.HSS,
    ]);
  }
});

test('a refused change leaves nothing in the log', async () => {
  const before = (await app.api.ok(EVENTS, { f: { operation: 'createUser' } }, admin)).auditEvents.totalCount;
  await refused(app, CREATE_USER, { input: { username: 'sam.shelter' } }, admin, 'CONFLICT');
  expect((await app.api.ok(EVENTS, { f: { operation: 'createUser' } }, admin)).auditEvents.totalCount).toBe(
    before,
  );
});

test('a change and its audit event commit or roll back together: recordChange writes in the caller’s transaction', async () => {
  const count = async () =>
    Number((await app.db.ds.query("SELECT COUNT(*) AS n FROM audit_event WHERE operation = 'boom'"))[0].n);
  const ctx = { access: null, requestId: 'rollback-test' };
  await expect(
    app.db.ds.transaction(async (m) => {
      await recordChange(m, ctx, {
        action: 'UPDATE',
        operation: 'boom',
        entityType: 'Client',
        entityId: 1,
        clientId: 1,
        before: {},
        after: {},
      });
      throw new Error('the change itself failed');
    }),
  ).rejects.toThrow('the change itself failed');
  expect(await count()).toBe(0);
  expect(
    Number(
      (
        await app.db.ds.query(
          'SELECT COUNT(*) AS n FROM audit_event_client ec LEFT JOIN audit_event e ON e.id = ec.audit_event_id WHERE e.id IS NULL',
        )
      )[0].n,
    ),
  ).toBe(0);
});

test('logins, failed logins and administrative changes are logged; password hashes never are', async () => {
  await app.api.post(
    'mutation { login(username: "casey.assessor", password: "not-the-password") { token } }',
  );
  await app.api.login('casey.assessor');
  const casey = String(app.ids.users['casey.assessor']);
  const actions = (await events({ userId: casey })).map((e: { action: string }) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['LOGIN', 'LOGIN_FAILED']));
  await app.api.ok(
    'mutation($u: ID!) { resetUserPassword(userId: $u) { temporaryPassword } }',
    { u: casey },
    admin,
  );
  const [reset] = await events({ operation: 'resetUserPassword' });
  expect(reset).toMatchObject({
    action: 'UPDATE',
    entityType: 'User',
    entityId: Number(casey),
    userId: app.ids.users.admin,
  });
  const all = await events({}, 500);
  expect(JSON.stringify(all)).not.toMatch(/passwordHash|\$argon2/);
});

test('filters combine: organization, action and a time window', async () => {
  const now = new Date();
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const inHour = new Date(now.getTime() + 3_600_000).toISOString();
  const hss = await events({
    organizationId: String(app.ids.orgs.HSS),
    action: 'READ',
    from: hourAgo,
    to: inHour,
  });
  expect(hss.length).toBeGreaterThan(0);
  for (const e of hss) expect(e).toMatchObject({ organizationId: app.ids.orgs.HSS, action: 'READ' });
  expect(await events({ from: inHour })).toEqual([]);
  await refused(app, EVENTS, { f: { from: inHour, to: hourAgo } }, admin, 'BAD_USER_INPUT');
});

test('pages are keyset-paginated, newest first, without gaps or repeats', async () => {
  const all = await events({}, 500);
  const seen: number[] = [];
  let after: string | null = null;
  for (;;) {
    const { auditEvents }: any = await app.api.ok(EVENTS, { f: {}, first: 3, after }, admin);
    expect(auditEvents.totalCount).toBe(all.length);
    seen.push(...auditEvents.edges.map((e: { node: { id: string } }) => Number(e.node.id)));
    if (!auditEvents.pageInfo.hasNextPage) break;
    after = auditEvents.pageInfo.endCursor;
  }
  expect(seen).toEqual(all.map((e: { id: string }) => Number(e.id)));
  const times = all.map((e: { at: string }) => Date.parse(e.at));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
});

test('staff without audit:read cannot read the log', async () => {
  await refused(app, EVENTS, {}, await app.api.login('olga.outreach'), 'FORBIDDEN');
  await refused(app, EVENTS, {}, await app.api.login('sam.shelter'), 'FORBIDDEN');
});

test("an agency lead reads the events of the lead's own organization's records and users, and no others", async () => {
  const sam = await app.api.login('sam.shelter'); // Hope Street, led by mina.manager
  const { createClient } = await app.api.ok(
    'mutation { createClient(input: { firstName: "Lena", lastName: "Lead" }) { id } }',
    {},
    sam,
  );
  const olga = await app.api.login('olga.outreach'); // Northside: not mina's
  await app.api.ok('{ clients(first: 3) { edges { node { id firstName } } } }', {}, olga);
  const mina = await app.api.login('mina.manager');
  const read = async (filter: Record<string, unknown>) =>
    (await app.api.ok(EVENTS, { f: filter, first: 100 }, mina)).auditEvents.edges.map(
      (e: { node: Record<string, any> }) => e.node,
    );
  const ofClient = await read({ clientId: createClient.id });
  expect(ofClient.map((e: { action: string }) => e.action)).toContain('CREATE');
  expect(ofClient.find((e: { action: string }) => e.action === 'CREATE').after.lastName).toBe('Lead');
  expect(
    (await read({ userId: String(app.ids.users['sam.shelter']), action: 'LOGIN' })).length,
  ).toBeGreaterThan(0);
  expect(await read({ userId: String(app.ids.users['olga.outreach']) })).toEqual([]);
  expect(await read({ userId: String(app.ids.users.admin), operation: 'createOrganization' })).toEqual([]);
  const all = await read({});
  expect(all.length).toBeGreaterThan(0);
  for (const e of all) expect(e.organizationId === app.ids.orgs.NSO && e.entityType !== 'User').toBe(false);
});

test('nothing in the API can change or delete an audit event', async () => {
  const schema = await buildAppSchema();
  const mutations = Object.values(schema.getMutationType()!.getFields());
  expect(mutations.filter((f) => /audit/i.test(f.name) || /AuditEvent/.test(String(f.type)))).toEqual([]);
  for (const f of mutations) for (const a of f.args) expect(String(a.type)).not.toMatch(/Audit/);
});
