/**
 * Issue 18, read replicas on real MariaDB replication (MariaDB only, like the fault tests: the
 * embedded SQLite has no replicas). The test starts its own primary and replica `mariadbd` on
 * free ports (GTID, binlog ROW) and a Waypoint server with DATABASE_REPLICA_URLS pointing at the
 * replica. It checks: writes reach the replica; a session reads its own writes while the
 * replica lags (SQL thread stopped), while another session reads the lagging replica; a replica
 * that goes down is skipped; with the primary down, mutations and client reads answer
 * SERVICE_UNAVAILABLE (a read that cannot be audited is not served) and the server recovers by
 * itself when the primary returns.
 */
import { execFileSync } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/database/data-source';
import { ensureMysqlDatabase } from '../../src/database/mysql-admin';
import { startServer, type RunningServer } from '../../src/http/server';
import { seedDemo } from '../../seeds/demo';
import { Api, type GraphQLResponse } from '../support/api';
import { caughtUp, MariadbServer, replicate } from './mariadb-pair';

const hasMariadb = (() => {
  try {
    execFileSync('which', ['mariadbd', 'mariadb-install-db'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const describeMariadb = process.env.DATABASE_URL && hasMariadb ? describe : describe.skip;

const RYW_SECONDS = 2;
const HSS = { workgroup: 'Emergency Shelter Staff', org: 'HSS' };
const CREATE = `mutation($first: String!) {
  createClient(input: { firstName: $first, lastName: "Replica", restrictIntake: false }) { id }
}`;
const READ = 'query($id: ID!) { client(id: $id) { id firstName } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => String(e.extensions?.code));

describeMariadb('read replicas on real MariaDB replication', () => {
  let primary: MariadbServer;
  let replica: MariadbServer;
  let server: RunningServer;
  let api: Api;
  /** A session that writes (read-your-writes) and one that only reads. */
  let writer: string;
  let reader: string;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([
      MariadbServer.create('primary', 1),
      MariadbServer.create('replica', 2),
    ]);
    await Promise.all([primary.start(), replica.start()]);
    await replicate(primary, replica);
    const scheme = process.env.DATABASE_URL?.startsWith('mariadb:') ? 'mariadb:' : 'mysql:';
    const url = primary.url('waypoint').replace(/^mysql:/, scheme);
    await ensureMysqlDatabase(url, { recreate: true });
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: url,
      DATABASE_REPLICA_URLS: replica.url('waypoint').replace(/^mysql:/, scheme),
      READ_YOUR_WRITES_SECONDS: String(RYW_SECONDS),
      DB_CONNECT_TIMEOUT_MS: '2000',
      REQUEST_TIMEOUT_MS: '5000',
      METRICS_TOKEN: 'metrics-token-for-the-replication-test',
    });
    const ds = await createDataSource(config).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds, { password: config.seedPassword });
    await ds.destroy();
    await caughtUp(primary, replica);
    server = await startServer({ config: { ...config, host: '127.0.0.1' }, port: 0, logLevel: 'silent' });
    api = new Api(server.url);
    [writer, reader] = await Promise.all([api.loginAs('sam.shelter', HSS), api.loginAs('sam.shelter', HSS)]);
    await sleep(RYW_SECONDS * 1000 + 1000); // both sessions past their login's write window
  }, 110_000);

  afterAll(async () => {
    await server?.close();
    await Promise.all([primary?.remove(), replica?.remove()]);
  }, 30_000);

  test('a write reaches the replica, and a session that did not write reads it there', async () => {
    expect(server.routing.replicas[0].up).toBe(true);
    const res = await api.ok<{ createClient: { id: string } }>(CREATE, { first: 'Caught' }, writer);
    await caughtUp(primary, replica);
    const rows = await replica.sql<{ n: number }>(
      "SELECT COUNT(*) AS n FROM waypoint.client WHERE first_name = 'Caught'",
    );
    expect(Number(rows[0].n)).toBe(1);
    const read = await api.ok<{ client: { firstName: string } }>(READ, { id: res.createClient.id }, reader);
    expect(read.client.firstName).toBe('Caught');
  });

  test('while the replica lags, a session reads its own writes and another reads the replica', async () => {
    await replica.sql('STOP SLAVE SQL_THREAD');
    try {
      const res = await api.ok<{ createClient: { id: string } }>(CREATE, { first: 'Lagging' }, writer);
      const id = res.createClient.id;
      // The writer sees what it just saved (the primary), at once and for the window.
      expect((await api.ok(READ, { id }, writer)).client?.firstName).toBe('Lagging');
      // The reader's query went to the replica, which does not have it yet.
      expect((await api.ok(READ, { id }, reader)).client).toBeNull();
      // The lag is seen: replication stopped, so Seconds_Behind_Master is unknown (-1).
      await server.routing.probe();
      expect(server.routing.replicas[0].lagSeconds).toBeNull();
      const metrics = await fetch(`${server.url}/metrics`, {
        headers: { authorization: 'Bearer metrics-token-for-the-replication-test' },
      }).then((r) => r.text());
      expect(metrics).toMatch(/waypoint_replica_lag_seconds\{replica="replica1"\} -1/);
      // After the window the writer reads the replica too (still without the new client).
      await sleep(RYW_SECONDS * 1000 + 1100);
      expect((await api.ok(READ, { id }, writer)).client).toBeNull();
      await replica.sql('START SLAVE SQL_THREAD');
      await caughtUp(primary, replica);
      expect((await api.ok(READ, { id }, reader)).client?.firstName).toBe('Lagging');
      await server.routing.probe();
      expect(server.routing.replicas[0].lagSeconds).toBe(0);
    } finally {
      await replica.sql('START SLAVE SQL_THREAD').catch(() => undefined);
    }
  }, 30_000);

  test('a replica that goes down is skipped: reads fall back to the primary', async () => {
    const res = await api.ok<{ createClient: { id: string } }>(CREATE, { first: 'Fallback' }, writer);
    await sleep(RYW_SECONDS * 1000 + 1100);
    await replica.kill();
    // At once, and without a single error: a query that cannot reach the replica runs on the primary.
    for (let i = 0; i < 5; i++)
      expect((await api.ok(READ, { id: res.createClient.id }, reader)).client.firstName).toBe('Fallback');
    expect(server.routing.replicas[0].up).toBe(false);
    await replica.start(); // replication resumes from its GTID position
    await caughtUp(primary, replica);
    const deadline = Date.now() + 5000;
    while (!server.routing.replicas[0].up && Date.now() < deadline) await sleep(200);
    expect(server.routing.replicas[0].up).toBe(true);
  }, 40_000);

  test('with the primary down, mutations and client reads answer SERVICE_UNAVAILABLE; the server recovers by itself', async () => {
    const [{ id }] = await replica.sql<{ id: number }>(
      "SELECT id FROM waypoint.client WHERE first_name = 'Fallback'",
    );
    await primary.kill();
    const write = await api.post(CREATE, { first: 'Refused' }, writer);
    expect([write.status, codes(write)]).toEqual([503, ['SERVICE_UNAVAILABLE']]);
    // The replica is up and has the client, but a read that cannot be audited is not served.
    const read = await api.post(READ, { id: String(id) }, reader);
    expect([read.status, codes(read)]).toEqual([503, ['SERVICE_UNAVAILABLE']]);
    expect(read.data?.client ?? null).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await primary.start();
    const deadline = Date.now() + 20_000;
    let recovered: GraphQLResponse | undefined;
    while (Date.now() < deadline) {
      recovered = await api.post(READ, { id: String(id) }, reader);
      if (!recovered.errors) break;
      await sleep(250);
    }
    expect((recovered?.data as { client?: { firstName: string } })?.client?.firstName).toBe('Fallback');
    const again = await api.ok<{ createClient: { id: string } }>(CREATE, { first: 'Recovered' }, writer);
    expect((await api.ok(READ, { id: again.createClient.id }, writer)).client.firstName).toBe('Recovered');
  }, 45_000);
});
