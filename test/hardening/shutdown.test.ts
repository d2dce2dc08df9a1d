/**
 * Issue 6, item 6 (shutdown): on SIGTERM the real server process stops accepting connections,
 * lets the requests in flight finish, and exits 0. Both engines; on MariaDB also with a query
 * that is slow in the database (through a delaying TCP proxy).
 */
import http from 'node:http';
import { seedDemo } from '../../seeds/demo';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { spawnServer, type ServerProcess } from './child';
import { PASSWORD, postJson } from './support';
import { TcpProxy } from './tcp-proxy';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('hard_shutdown');
  await seedDemo(db.ds, { password: db.config.seedPassword });
});

afterAll(async () => {
  await db?.destroy();
});

const serverEnv = (databaseUrl = db.config.databaseUrl): Record<string, string> =>
  databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', DATA_DIR: db.config.dataDir };

/** A POST whose body arrives in two parts: the request is in flight until `finish()` sends the rest. */
function halfSentRequest(url: string, body: string) {
  const target = new URL(`${url}/graphql`);
  let answer: (value: { status: number; body: string }) => void;
  let fail: (err: Error) => void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  const req = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    },
    (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString('utf8')));
      res.on('end', () => answer({ status: res.statusCode ?? 0, body: text }));
    },
  );
  req.on('error', (err) => fail(err));
  const cut = Math.floor(body.length / 2);
  req.write(body.slice(0, cut));
  return { response, finish: () => req.end(body.slice(cut)) };
}

const connects = (url: string) =>
  fetch(`${url}/healthz`).then(
    () => true,
    () => false,
  );

async function stopWith(server: ServerProcess, inFlight: () => Promise<{ status: number; body: string }>) {
  server.proc.kill('SIGTERM');
  const answer = await inFlight();
  // The timer is cleared once the process exits: left running, it kept Jest alive 20 s after the suite.
  let timer: NodeJS.Timeout | undefined;
  const exit = await Promise.race([
    server.exited,
    new Promise((r) => (timer = setTimeout(() => r('still running after 20 s'), 20_000))),
  ]).finally(() => clearTimeout(timer));
  if (server.alive()) server.proc.kill('SIGKILL');
  return { answer, exit };
}

test('SIGTERM: a request still uploading its body completes, new connections are refused, the process exits 0', async () => {
  const server = await spawnServer(serverEnv());
  const body = JSON.stringify({
    query: 'mutation($p: String!) { login(username: "sam.shelter", password: $p) { token } }',
    variables: { p: PASSWORD, pad: 'x'.repeat(20_000) },
  });
  const pending = halfSentRequest(server.url, body);
  await new Promise((r) => setTimeout(r, 300));
  const { answer, exit } = await stopWith(server, async () => {
    await new Promise((r) => setTimeout(r, 700));
    expect(await connects(server.url)).toBe(false);
    pending.finish();
    return pending.response;
  });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).data.login.token).toEqual(expect.any(String));
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.output()).toMatch(/SIGTERM: draining requests in flight/);
});

const describeMysql = process.env.DATABASE_URL ? describe : describe.skip;

describeMysql('with a slow database', () => {
  test('SIGTERM during a query that takes seconds in the database: the answer arrives, then the process exits 0', async () => {
    const direct = new URL((db.config.databaseUrl as string).replace(/^mariadb:/, 'mysql:'));
    const proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 3306) });
    await proxy.start();
    try {
      const server = await spawnServer(serverEnv(proxy.urlFor(db.config.databaseUrl as string)));
      const login = await postJson(server.url, {
        query: 'mutation($p: String!) { login(username: "sam.shelter", password: $p) { token } }',
        variables: { p: PASSWORD },
      });
      const token = login.json.data.login.token as string;
      proxy.delayMs = 400; // every round trip to the database now takes 0.8 s
      const started = Date.now();
      const slow = postJson(
        server.url,
        { query: '{ clients(first: 5) { edges { node { id enrollments { id } } } } }' },
        { authorization: `Bearer ${token}` },
      );
      await new Promise((r) => setTimeout(r, 500));
      const { answer, exit } = await stopWith(server, async () => {
        const res = await slow;
        return { status: res.status, body: res.text };
      });
      console.log(`slow request answered ${Date.now() - started} ms after it was sent (SIGTERM at 500 ms)`);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).errors).toBeUndefined();
      expect(JSON.parse(answer.body).data.clients.edges.length).toBeGreaterThan(0);
      expect(exit).toEqual({ code: 0, signal: null });
    } finally {
      await proxy.close();
    }
  });
});
