/**
 * Issue 6, item 8: two servers with separate DataSources (separate connection pools, as two
 * processes behind a load balancer would have) over one database. Nothing lives in process
 * memory between requests: sessions, context selection, logout, deactivation, optimistic
 * locking and the login throttle all hold across the two.
 */
import { sqlTimestamp } from '../../src/database/sql-time';
import { buildAppSchema } from '../../src/graphql/schema';
import { startServer, type RunningServer } from '../../src/http/server';
import { Api } from '../support/api';
import { auth, codesOf, PASSWORD, postJson, startHardApp, type HardApp } from './support';

let app: HardApp;
let b: RunningServer;
let apiA: Api;
let apiB: Api;

const LIMIT = 4;

beforeAll(async () => {
  app = await startHardApp('multiprocess', { trustProxy: 'loopback', loginIpLimit: LIMIT });
  // The second server opens its own DataSource from the same DATABASE_URL / data folder.
  b = await startServer({ config: app.config, port: 0, logLevel: 'silent', prepare: false });
  apiA = app.api;
  apiB = new Api(b.url);
  expect(b.ds).not.toBe(app.db.ds);
});

afterAll(async () => {
  await b?.close();
  await app?.close();
});

const ME = '{ me { user { username } activeOrganization { code } } }';

test('a session created through one server works on the other, and so does its selected context', async () => {
  const token = await apiA.login('morgan.multi');
  expect((await apiB.ok(ME, {}, token)).me).toEqual({
    user: { username: 'morgan.multi' },
    activeOrganization: null,
  });
  const me = await apiB.ok<any>(
    '{ me { workgroups { id name } loginOrganizations { id code } } }',
    {},
    token,
  );
  const wg = me.me.workgroups.find((w: { name: string }) => w.name === 'HMIS Users');
  const org = me.me.loginOrganizations.find((o: { code: string }) => o.code === 'HSS');
  await apiB.ok(
    'mutation($w: ID!, $o: ID!) { selectContext(workgroupId: $w, organizationId: $o) { state } }',
    { w: wg.id, o: org.id },
    token,
  );
  expect((await apiA.ok(ME, {}, token)).me.activeOrganization).toEqual({ code: 'HSS' });
});

test('logout through one server ends the session on the other at the next request', async () => {
  const token = await apiA.login('sam.shelter');
  expect((await apiB.ok(ME, {}, token)).me.user.username).toBe('sam.shelter');
  await apiB.ok('mutation { logout }', {}, token);
  expect(await apiA.codes('{ clients { totalCount } }', {}, token)).toEqual(['UNAUTHENTICATED']);
});

test('a deactivation through one server takes effect on the other at the next request', async () => {
  const victim = await apiA.login('olga.outreach');
  const victimId = app.ids.users['olga.outreach'];
  expect((await apiB.ok(ME, {}, victim)).me.user.username).toBe('olga.outreach');
  const schema = await buildAppSchema();
  if (schema.getMutationType()?.getFields().deactivateUser) {
    const admin = await apiA.login('admin');
    await apiA.ok(
      'mutation($u: ID!, $r: String!) { deactivateUser(userId: $u, reason: $r) { id } }',
      { u: String(victimId), r: 'left the agency (hardening test)' },
      admin,
    );
  } else {
    // Until the admin mutations exist: what deactivation does, straight in the database.
    await app.db.ds.query(
      "UPDATE app_user SET status = 'DEACTIVATED', deactivation_reason = 'left the agency (hardening test)' WHERE id = ?",
      [victimId],
    );
    await app.db.ds.query('UPDATE session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
      sqlTimestamp(new Date()),
      victimId,
    ]);
  }
  expect(await apiB.codes('{ clients { totalCount } }', {}, victim)).toEqual(['UNAUTHENTICATED']);
  expect(
    await apiB.codes('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: 'olga.outreach',
      p: PASSWORD,
    }),
  ).toEqual(['FORBIDDEN']);
});

test('optimistic locking holds across servers: the same version saved through both, one gets CONFLICT', async () => {
  const sam = await apiA.login('sam.shelter');
  const created = await apiA.ok<any>(
    'mutation { createClient(input: { firstName: "Two", lastName: "Servers" }) { id version } }',
    {},
    sam,
  );
  const { id, version } = created.createClient;
  const update =
    'mutation($id: ID!, $i: UpdateClientInput!) { updateClient(id: $id, input: $i) { version } }';
  const [ra, rb] = await Promise.all([
    apiA.post(update, { id, i: { version, firstName: 'ViaA' } }, sam),
    apiB.post(update, { id, i: { version, firstName: 'ViaB' } }, sam),
  ]);
  const codes = [ra, rb].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
  expect(codes).toEqual(['CONFLICT', 'OK']);
});

test('the per-address login throttle counts failures made through either server', async () => {
  const ip = '192.0.2.44';
  const bad = (url: string, i: number) =>
    postJson(
      url,
      {
        query: 'mutation($u: String!) { login(username: $u, password: "wrong") { token } }',
        variables: { u: `nobody${i}` },
      },
      { 'x-forwarded-for': ip },
    );
  for (let i = 0; i < LIMIT; i++)
    expect(codesOf(await bad(i % 2 ? b.url : app.server.url, i))).toEqual(['UNAUTHENTICATED']);
  for (const url of [app.server.url, b.url])
    expect(codesOf(await bad(url, 99))).toEqual(['TOO_MANY_REQUESTS']);
});

test('neither server kept the other out: both still answer', async () => {
  for (const url of [app.server.url, b.url]) {
    const res = await postJson(url, { query: ME }, auth(await new Api(url).login('sam.shelter')));
    expect(res.json.data.me.user.username).toBe('sam.shelter');
  }
});
