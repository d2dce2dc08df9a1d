/**
 * Issue 17, item 4: the fault test CI runs (MariaDB only). Two API processes on a database
 * reached through the TCP proxy; 8 case workers create clients, enrollments, services and exits
 * and update clients, each user action with its own Idempotency-Key, retried with the same key
 * until acknowledged. Meanwhile one process is killed and restarted, a connection is cut while
 * COMMIT is in flight, and the database is unreachable for a few seconds. Afterwards every
 * acknowledged write exists exactly once with its values and its audit row, every key produced
 * at most one record, nothing is half-written, no answer was a 500 or uncoded, and the stored
 * client reach matches the records. Bounded (about a minute) and prints its figures.
 */
import { checkClientReach } from '../../src/access/reach';
import { seedDemo } from '../../seeds/demo';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { spawnServer, type ServerProcess } from './child';
import { PASSWORD, postJson } from './support';
import { TcpProxy } from './tcp-proxy';

const describeMysql = process.env.DATABASE_URL ? describe : describe.skip;

const WORKERS = 8;
const LOAD_MS = 30_000;
const RETRY_BUDGET_MS = 25_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

interface Figures {
  requests: number;
  acknowledged: number;
  retried: number;
  unknown: number;
  unavailable: number;
  network: number;
  abandoned: number;
  bad: string[];
}

describeMysql('a mixed write load through process kills, a cut COMMIT and a database outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  const servers: ServerProcess[] = [];
  let programId: string;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('hard_fault_load');
    const ids = await seedDemo(db.ds, { password: db.config.seedPassword });
    programId = String(ids.programs.HSS_ES);
    const direct = new URL((db.config.databaseUrl as string).replace(/^mariadb:/, 'mysql:'));
    proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 3306) });
    await proxy.start();
    Object.assign(env, {
      DATABASE_URL: proxy.urlFor(db.config.databaseUrl as string).replace(/^mysql:/, 'mariadb:'),
      REQUEST_TIMEOUT_MS: '4000',
      DB_CONNECT_TIMEOUT_MS: '1500',
    });
    servers.push(...(await Promise.all([spawnServer(env), spawnServer(env)])));
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) if (s.alive()) s.proc.kill('SIGKILL');
    await proxy?.close();
    await db?.destroy();
  });

  test('every acknowledged write exists exactly once, with its audit row; no 500; reach consistent', async () => {
    const figures: Figures = {
      requests: 0,
      acknowledged: 0,
      retried: 0,
      unknown: 0,
      unavailable: 0,
      network: 0,
      abandoned: 0,
      bad: [],
    };
    const started = Date.now();
    let stopping = false;
    let cutFired = false;

    /** One user action: the same request with the same key until it is acknowledged (or the budget ends). */
    async function act(
      worker: number,
      token: string,
      key: string,
      query: string,
      variables: Record<string, unknown>,
    ): Promise<any | null> {
      const deadline = Date.now() + RETRY_BUDGET_MS;
      for (let attempt = 0; ; attempt++) {
        if (attempt === 1) figures.retried++;
        const server = servers[(worker + attempt) % servers.length];
        figures.requests++;
        try {
          const res = await postJson(
            server.url,
            { query, variables },
            { authorization: `Bearer ${token}`, 'idempotency-key': key },
          );
          const errors = (res.json?.errors ?? []) as { extensions?: { code?: string; outcome?: string } }[];
          if (!res.json) figures.bad.push(`HTTP ${res.status} without JSON`);
          else if (res.status >= 500 && res.status !== 503) figures.bad.push(`HTTP ${res.status}`);
          if (!errors.length && res.json?.data) {
            figures.acknowledged++;
            return res.json.data;
          }
          for (const e of errors) {
            const code = e.extensions?.code;
            if (e.extensions?.outcome === 'UNKNOWN') figures.unknown++;
            if (code === 'SERVICE_UNAVAILABLE' || code === 'REQUEST_TIMEOUT') figures.unavailable++;
            else figures.bad.push(`${key}: ${String(code)}: ${JSON.stringify(e).slice(0, 300)}`);
          }
          if (
            errors.some(
              (e) => !['SERVICE_UNAVAILABLE', 'REQUEST_TIMEOUT'].includes(String(e.extensions?.code)),
            )
          )
            return null;
        } catch {
          figures.network++; // the killed process: connection refused or reset
        }
        if (Date.now() > deadline) {
          figures.abandoned++;
          return null;
        }
        await sleep(150 + Math.random() * 250);
      }
    }

    const login = async (): Promise<string> => {
      for (;;) {
        try {
          const res = await postJson(servers[0].url, {
            query: 'mutation($p: String!) { login(username: "mina.manager", password: $p) { token } }',
            variables: { p: PASSWORD },
          });
          if (res.json?.data?.login?.token) return res.json.data.login.token;
        } catch {
          /* the process is restarting */
        }
        await sleep(200);
      }
    };

    interface Expected {
      lastName: string;
      clientId?: string;
      middleName?: string;
      enrollmentId?: string;
      serviceId?: string;
      exited?: boolean;
    }
    const expected: Expected[] = [];

    async function worker(w: number): Promise<void> {
      const token = await login();
      for (let n = 0; !stopping; n++) {
        const lastName = `Fault${w}x${n}`;
        const record: Expected = { lastName };
        expected.push(record);
        const c = await act(w, token, `${lastName}-client`, CLIENT, {
          input: { firstName: 'Load', lastName, dob: '1980-05-05' },
        });
        if (!c) continue;
        record.clientId = c.createClient.id;
        const e = await act(w, token, `${lastName}-enrollment`, ENROLLMENT, {
          input: { clientId: record.clientId, programId, entryDate: daysAgo(30) },
        });
        if (e) record.enrollmentId = e.createEnrollment.id;
        const u = await act(w, token, `${lastName}-update`, UPDATE, {
          id: record.clientId,
          input: { version: c.createClient.version, middleName: `M${n}` },
        });
        if (u) record.middleName = `M${n}`;
        if (!record.enrollmentId) continue;
        const s = await act(w, token, `${lastName}-service`, SERVICE, {
          input: {
            enrollmentId: record.enrollmentId,
            dateProvided: daysAgo(3),
            recordType: 'BED_NIGHT',
            typeProvided: 200,
          },
        });
        if (s) record.serviceId = s.createService.id;
        const x = await act(w, token, `${lastName}-exit`, EXIT, {
          id: record.enrollmentId,
          input: { exitDate: daysAgo(1), destination: 'RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY' },
        });
        if (x) record.exited = true;
      }
    }

    const faults = (async () => {
      await sleep(4_000);
      servers[1].proc.kill('SIGKILL'); // a process dies mid-load
      await servers[1].exited;
      await sleep(1_000);
      servers[1] = await spawnServer(env); // and is restarted
      await sleep(2_000);
      // A COMMIT after INSERT INTO client reaches MariaDB; its reply never comes back.
      cutFired = await Promise.race([
        proxy.cutAtReply(/^COMMIT/, /^INSERT INTO `client`/).then(() => true),
        sleep(8_000).then(() => false),
      ]);
      await sleep(2_000);
      await proxy.cut(); // the database is unreachable
      await sleep(4_000);
      await proxy.restore();
    })();

    const load = Promise.all(Array.from({ length: WORKERS }, (_v, w) => worker(w)));
    await sleep(LOAD_MS);
    stopping = true;
    await faults;
    await load;
    const seconds = (Date.now() - started) / 1000;

    // Afterwards, straight from the database.
    const ours = (await db.ds.query(
      "SELECT id, last_name, middle_name, dob FROM client WHERE last_name LIKE 'Fault%'",
    )) as { id: number; last_name: string; middle_name: string | null; dob: string }[];
    const byName = new Map<string, typeof ours>();
    for (const row of ours) byName.set(row.last_name, [...(byName.get(row.last_name) ?? []), row]);
    const count = async (sql: string, params: unknown[]) => Number((await db.ds.query(sql, params))[0].n);
    const problems: string[] = [];
    for (const r of expected) {
      const rows = byName.get(r.lastName) ?? [];
      if (rows.length > 1) problems.push(`${r.lastName}: ${rows.length} clients for one key`);
      if (!r.clientId) continue;
      if (rows.length !== 1 || String(rows[0].id) !== r.clientId) {
        problems.push(`${r.lastName}: acknowledged client ${r.clientId} not stored once`);
        continue;
      }
      const id = Number(r.clientId);
      if (String(rows[0].dob).slice(0, 10) !== '1980-05-05')
        problems.push(`${r.lastName}: dob ${rows[0].dob}`);
      if (r.middleName && rows[0].middle_name !== r.middleName)
        problems.push(`${r.lastName}: middle name ${rows[0].middle_name}, acknowledged ${r.middleName}`);
      const audits = await count(
        "SELECT COUNT(*) AS n FROM audit_event WHERE entity_type = 'Client' AND entity_id = ? AND action = 'CREATE'",
        [id],
      );
      if (audits !== 1) problems.push(`${r.lastName}: ${audits} CREATE audit rows`);
      const enrollments = await count('SELECT COUNT(*) AS n FROM enrollment WHERE client_id = ?', [id]);
      if (enrollments > 1) problems.push(`${r.lastName}: ${enrollments} enrollments for one key`);
      if (r.enrollmentId && enrollments !== 1)
        problems.push(`${r.lastName}: acknowledged enrollment missing`);
      const services = await count('SELECT COUNT(*) AS n FROM service WHERE client_id = ?', [id]);
      if (services > 1 || (r.serviceId && services !== 1))
        problems.push(`${r.lastName}: ${services} services`);
      const exits = await count('SELECT COUNT(*) AS n FROM enrollment_exit WHERE client_id = ?', [id]);
      if (exits > 1 || (r.exited && exits !== 1)) problems.push(`${r.lastName}: ${exits} exits`);
    }
    // Nothing half-written: every record of these clients has its CREATE audit row.
    for (const [table, type] of [
      ['client', 'Client'],
      ['enrollment', 'Enrollment'],
      ['service', 'Service'],
      ['enrollment_exit', 'Exit'],
    ]) {
      const where = table === 'client' ? "r.last_name LIKE 'Fault%'" : "c.last_name LIKE 'Fault%'";
      const join = table === 'client' ? '' : 'JOIN client c ON c.id = r.client_id';
      const unaudited = await count(
        `SELECT COUNT(*) AS n FROM ${table} r ${join} WHERE ${where} AND NOT EXISTS
           (SELECT 1 FROM audit_event a WHERE a.entity_type = ? AND a.entity_id = r.id AND a.action = 'CREATE')`,
        [type],
      );
      if (unaudited) problems.push(`${unaudited} ${table} rows without their audit row`);
    }
    const reach = await checkClientReach(db.ds.manager);

    console.log(
      `fault load: ${seconds.toFixed(1)} s, ${WORKERS} workers, ${figures.requests} requests, ` +
        `${figures.acknowledged} acknowledged, ${figures.retried} actions retried, ` +
        `${figures.unknown} outcome UNKNOWN (COMMIT reply cut: ${cutFired ? 'yes' : 'no'}), ${figures.unavailable} SERVICE_UNAVAILABLE/REQUEST_TIMEOUT, ` +
        `${figures.network} network errors (killed process), ${figures.abandoned} actions abandoned, ` +
        `${expected.filter((r) => r.clientId).length} clients acknowledged; problems: ${problems.length}, ` +
        `unexpected answers: ${figures.bad.length}, reach differences: ${reach.length}`,
    );
    expect(figures.bad).toEqual([]);
    expect(problems).toEqual([]);
    expect(reach).toEqual([]);
    expect(figures.acknowledged).toBeGreaterThan(50);
    expect(figures.retried).toBeGreaterThan(0);
    // The faults happened: the COMMIT reply was cut (an UNKNOWN answer, retried with its key).
    expect(cutFired).toBe(true);
    expect(figures.unknown).toBeGreaterThanOrEqual(1);
    expect(figures.network).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(120);
  }, 150_000);
});

const CLIENT = 'mutation($input: CreateClientInput!) { createClient(input: $input) { id version } }';
const ENROLLMENT = 'mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id version } }';
const SERVICE = 'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }';
const EXIT =
  'mutation($id: ID!, $input: ExitEnrollmentInput!) { exitEnrollment(id: $id, input: $input) { id } }';
