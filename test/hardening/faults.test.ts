/**
 * Issue 6, item 6 (database faults, MariaDB only: the embedded SQLite cannot go away). The real
 * server runs as a child process whose DATABASE_URL points at a TCP proxy this test controls.
 * Under load, the database goes away (connections dropped, new ones refused), and later hangs
 * (a partition): the process keeps running, answers clean coded errors (never a 500), /readyz
 * says 503, and it recovers by itself, without a restart, once the database is back.
 */
import { seedDemo } from '../../seeds/demo';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { spawnServer, type ServerProcess } from './child';
import { PASSWORD, postJson, raw, type RawResponse } from './support';
import { TcpProxy } from './tcp-proxy';

const describeMysql = process.env.DATABASE_URL ? describe : describe.skip;

interface Outcome {
  phase: string;
  status: number;
  codes: string[];
  ms: number;
  json: boolean;
}

describeMysql('the database goes away under load and comes back', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let server: ServerProcess;
  let token: string;
  let phase = 'before';
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('hard_faults');
    await seedDemo(db.ds, { password: db.config.seedPassword });
    const direct = new URL((db.config.databaseUrl as string).replace(/^mariadb:/, 'mysql:'));
    proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 3306) });
    await proxy.start();
    server = await spawnServer({
      DATABASE_URL: proxy.urlFor(db.config.databaseUrl as string),
      REQUEST_TIMEOUT_MS: '3000',
      DB_CONNECT_TIMEOUT_MS: '2000',
    });
    const login = await postJson(server.url, {
      query: 'mutation($p: String!) { login(username: "sam.shelter", password: $p) { token } }',
      variables: { p: PASSWORD },
    });
    token = login.json.data.login.token;
  });

  afterAll(async () => {
    if (server?.alive()) server.proc.kill('SIGKILL');
    await proxy?.close();
    await db?.destroy();
  });

  const record = async (send: () => Promise<RawResponse>) => {
    const started = Date.now();
    const at = phase;
    try {
      const res = await send();
      const codes = ((res.json?.errors ?? []) as { extensions?: { code?: string } }[]).map((e) =>
        String(e.extensions?.code),
      );
      outcomes.push({
        phase: at,
        status: res.status,
        codes,
        ms: Date.now() - started,
        json: res.json !== undefined,
      });
    } catch (err) {
      outcomes.push({
        phase: at,
        status: 0,
        codes: [`network: ${String(err)}`],
        ms: Date.now() - started,
        json: false,
      });
    }
  };

  const REQUESTS = [
    () =>
      postJson(server.url, { query: '{ me { user { username } } }' }, { authorization: `Bearer ${token}` }),
    () =>
      postJson(
        server.url,
        { query: '{ clients(first: 20) { totalCount edges { node { id firstName enrollments { id } } } } }' },
        { authorization: `Bearer ${token}` },
      ),
    () =>
      postJson(server.url, {
        query: 'mutation { login(username: "olga.outreach", password: "wrong") { token } }',
      }),
    () => postJson(server.url, { query: '{ __typename }' }),
  ];

  /** `workers` loops sending the requests above until `stop()`. */
  function load(workers: number) {
    let running = true;
    const loops = Array.from({ length: workers }, async (_v, w) => {
      for (let i = w; running; i++) await record(REQUESTS[i % REQUESTS.length]);
    });
    return async () => {
      running = false;
      await Promise.all(loops);
    };
  }

  const readyz = async () => (await raw(`${server.url}/readyz`, { method: 'GET' })).status;

  async function waitFor(what: string, check: () => Promise<boolean>, ms: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < ms) {
      if (await check()) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${what} did not happen within ${ms} ms`);
  }

  function expectCleanAnswers(phaseName: string) {
    const inPhase = outcomes.filter((o) => o.phase === phaseName);
    expect(inPhase.length).toBeGreaterThan(0);
    const unclean = inPhase.filter(
      (o) =>
        !o.json ||
        o.status === 0 ||
        (o.status >= 500 && o.status !== 503) ||
        o.codes.some((c) => c === 'undefined' || c === 'INTERNAL_SERVER_ERROR'),
    );
    if (unclean.length)
      console.log(
        `server errors:\n${server
          .output()
          .split('\n')
          .filter((l) => l && !/"msg":"request (completed|errored)"/.test(l))
          .join('\n')}`,
      );
    expect(unclean).toEqual([]);
    return inPhase;
  }

  test('connections dropped and refused: coded errors and /readyz 503 while down, recovery without a restart', async () => {
    const stop = load(6);
    await new Promise((r) => setTimeout(r, 1500));
    phase = 'down';
    await proxy.cut();
    const downFor = await waitFor('/readyz 503', async () => (await readyz()) === 503, 10_000);
    await new Promise((r) => setTimeout(r, 3000));
    phase = 'restored';
    await proxy.restore();
    const upAfter = await waitFor('/readyz 200', async () => (await readyz()) === 200, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    phase = 'after';
    await new Promise((r) => setTimeout(r, 1500));
    await stop();

    const down = expectCleanAnswers('down');
    expectCleanAnswers('before');
    expectCleanAnswers('after');
    const unavailable = down.filter((o) => o.codes.includes('SERVICE_UNAVAILABLE'));
    expect(unavailable.length).toBeGreaterThan(0);
    expect(Math.max(...down.map((o) => o.ms))).toBeLessThan(6000);
    const after = outcomes.filter((o) => o.phase === 'after');
    // Only the wrong-password logins fail (and, once over the per-address limit, are throttled).
    expect(
      after.filter((o) => o.codes.some((c) => c !== 'UNAUTHENTICATED' && c !== 'TOO_MANY_REQUESTS')),
    ).toEqual([]);
    console.log(
      `database outage: ${outcomes.length} requests (${down.length} while down, ${unavailable.length} answered SERVICE_UNAVAILABLE); ` +
        `/readyz 503 after ${downFor} ms, 200 again ${upAfter} ms after the database came back; status codes while down: ` +
        JSON.stringify(
          Object.fromEntries(
            [...new Set(down.map((o) => o.status))].map((s) => [
              s,
              down.filter((o) => o.status === s).length,
            ]),
          ),
        ),
    );

    // Same process, same sessions: a write goes through and is stored.
    expect(server.alive()).toBe(true);
    const created = await postJson(
      server.url,
      { query: 'mutation { createClient(input: { firstName: "After", lastName: "Outage" }) { id } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(created.json.errors).toBeUndefined();
    const [row] = await db.ds.query('SELECT last_name FROM client WHERE id = ?', [
      Number(created.json.data.createClient.id),
    ]);
    expect(row.last_name).toBe('Outage');
  });

  test('a hung database (a partition): requests end with REQUEST_TIMEOUT, and all is well once it answers again', async () => {
    outcomes.length = 0;
    phase = 'hung';
    proxy.hang();
    await Promise.all(Array.from({ length: 6 }, (_v, i) => record(REQUESTS[i % 2])));
    expect(await readyz()).toBe(503);
    await proxy.restore();
    phase = 'after';
    await waitFor('/readyz 200', async () => (await readyz()) === 200, 20_000);
    await Promise.all(Array.from({ length: 6 }, (_v, i) => record(REQUESTS[i % 2])));
    const hung = expectCleanAnswers('hung');
    expect(
      hung.every((o) => o.codes.some((c) => c === 'REQUEST_TIMEOUT' || c === 'SERVICE_UNAVAILABLE')),
    ).toBe(true);
    expect(Math.max(...hung.map((o) => o.ms))).toBeLessThan(6000);
    const after = expectCleanAnswers('after');
    expect(after.every((o) => o.codes.length === 0)).toBe(true);
    expect(server.alive()).toBe(true);
  });

  test('SIGTERM afterwards still drains and exits 0', async () => {
    server.proc.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
