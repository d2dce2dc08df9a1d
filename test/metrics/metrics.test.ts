/**
 * Issue 18, operating it: /metrics in Prometheus format. Served on the main port only with the
 * METRICS_TOKEN bearer token, or without a token on its own METRICS_PORT. Requests and latency
 * per operation name (bounded: anonymous and odd names bucketed), errors per code, database
 * pool use and wait, process memory and event-loop delay; no label ever holds user data.
 */
import net from 'node:net';
import { startServer, type RunningServer } from '../../src/http/server';
import { Api } from '../support/api';
import { startTestApp, type TestApp } from '../support/app';

const TOKEN = 'a-long-metrics-token-for-the-test-0123456789';
let app: TestApp;
let server: RunningServer;
let api: Api;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  app = await startTestApp('metrics');
  server = await startServer({
    config: { ...app.db.config, host: '127.0.0.1', metricsToken: TOKEN, metricsPort: await freePort() },
    dataSource: app.db.ds,
    port: 0,
    logLevel: 'silent',
    prepare: false,
  });
  api = new Api(server.url);
});

afterAll(async () => {
  await server?.close();
  await app?.close();
});

const scrape = (url: string, authorization?: string) =>
  fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });

/** Every label value in an exposition. */
function labelValues(text: string): string[] {
  return [...text.matchAll(/[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
}

test('after a few requests, the scrape counts them per operation name, with errors per code', async () => {
  const token = await api.loginAs('sam.shelter', { workgroup: 'Emergency Shelter Staff', org: 'HSS' });
  const clientIds = Object.values(app.ids.clients).map(String);
  for (let i = 0; i < 3; i++)
    await api.ok(
      'query CaseWorkerClients { clients(first: 5) { totalCount edges { node { id firstName } } } }',
      {},
      token,
    );
  await api.ok('{ me { state } }', {}, token);
  // An operation name carrying an id, and one far too long: bucketed as "other".
  await api.post(`query Client${clientIds[0]} { client(id: "${clientIds[0]}") { id } }`, {}, token);
  await api.post(`query ${'X'.repeat(80)} { me { state } }`, {}, token);
  // No session: UNAUTHENTICATED.
  await api.post('query NoSession { clients(first: 1) { totalCount } }');

  const res = await scrape(server.url, `Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).toMatch(/waypoint_graphql_requests_total\{operation="CaseWorkerClients",type="query"\} 3/);
  // `{ me { state } }` and loginAs's unnamed `me` query; login and selectContext are unnamed too.
  expect(text).toMatch(/waypoint_graphql_requests_total\{operation="anonymous",type="query"\} 2/);
  expect(text).toMatch(/waypoint_graphql_requests_total\{operation="anonymous",type="mutation"\} 2/);
  expect(text).toMatch(/waypoint_graphql_requests_total\{operation="other",type="query"\} 2/);
  expect(text).toMatch(
    /waypoint_graphql_request_duration_seconds_count\{operation="CaseWorkerClients",type="query"\} 3/,
  );
  expect(text).toMatch(/waypoint_graphql_errors_total\{code="UNAUTHENTICATED"\} 1/);
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds [0-9.e-]+/m);
  expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  if (app.db.kind === 'mysql') {
    expect(text).toMatch(/waypoint_db_pool_connections\{pool="primary",state="idle"\} \d+/);
    expect(text).toMatch(/waypoint_db_pool_wait_seconds_count\{pool="primary"\} [1-9]/);
  }
});

test('labels hold no ids, usernames or names', async () => {
  const text = await (await scrape(server.url, `Bearer ${TOKEN}`)).text();
  const values = labelValues(text);
  expect(values.length).toBeGreaterThan(10);
  const names: { first_name: string | null; last_name: string | null }[] = await app.db.ds.query(
    'SELECT first_name, last_name FROM client',
  );
  const users: { username: string }[] = await app.db.ds.query('SELECT username FROM app_user');
  const forbidden = [
    ...users.map((u) => u.username),
    ...names.flatMap((n) => [n.first_name, n.last_name]).filter((n): n is string => !!n && n.length > 2),
  ];
  for (const v of values) {
    expect([v, /\d{2,}/.test(v) && !/^\d+(\.\d+)?(e[+-]?\d+)?$/.test(v) && !/^v?\d+\.\d+/.test(v)]).toEqual([
      v,
      false,
    ]);
    expect([v, forbidden.filter((f) => v.toLowerCase().includes(f.toLowerCase()))]).toEqual([v, []]);
  }
  const operations = new Set([...text.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
  expect([...operations].sort()).toEqual(['CaseWorkerClients', 'NoSession', 'anonymous', 'other'].sort());
});

test('the main port refuses /metrics without the token or with a wrong one', async () => {
  expect((await scrape(server.url)).status).toBe(401);
  expect((await scrape(server.url, 'Bearer wrong')).status).toBe(401);
  expect((await scrape(server.url, `Bearer ${TOKEN}x`)).status).toBe(401);
  const body = await (await scrape(server.url, 'Bearer wrong')).text();
  expect(body).not.toMatch(/waypoint_|process_/);
});

test('the separate metrics port serves without a token; without METRICS_TOKEN the main port has no /metrics', async () => {
  expect(server.metricsUrl).toBeDefined();
  const res = await scrape(server.metricsUrl as string);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/waypoint_graphql_requests_total/);
  // app.server runs without METRICS_TOKEN
  expect((await scrape(app.server.url, `Bearer ${TOKEN}`)).status).toBe(404);
});
