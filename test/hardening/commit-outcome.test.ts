/**
 * Issue 17, item 3 (MariaDB only: the embedded SQLite cannot lose its connection). Say what is
 * known about a write: the connection to MariaDB drops after COMMIT reached it and before its
 * reply came back (the project's TCP proxy cuts it there). The row is committed, so the answer
 * must not be "nothing was changed": it is SERVICE_UNAVAILABLE with outcome UNKNOWN, and a
 * retry with the same Idempotency-Key answers with the saved client instead of a duplicate. A
 * read-audit failure after a committed write is retried and the write's own answer is sent.
 */
import { startServer, type RunningServer } from '../../src/http/server';
import { seedDemo } from '../../seeds/demo';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { LogCapture, PASSWORD, auth, codesOf, postJson } from './support';
import { TcpProxy } from './tcp-proxy';

const describeMysql = process.env.DATABASE_URL ? describe : describe.skip;

const CREATE_CLIENT =
  'mutation($input: CreateClientInput!) { createClient(input: $input) { id firstName lastName } }';

describeMysql('a connection lost while COMMIT is in flight', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let server: RunningServer;
  let token: string;
  const log = new LogCapture();

  beforeAll(async () => {
    db = await createTestDatabase('hard_commit_outcome');
    await seedDemo(db.ds, { password: db.config.seedPassword });
    const direct = new URL((db.config.databaseUrl as string).replace(/^mariadb:/, 'mysql:'));
    proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 3306) });
    await proxy.start();
    server = await startServer({
      config: {
        ...db.config,
        host: '127.0.0.1',
        databaseUrl: proxy.urlFor(db.config.databaseUrl as string).replace(/^mysql:/, 'mariadb:'),
        dbConnectTimeoutMs: 2000,
      },
      port: 0,
      logLevel: 'debug',
      logStream: log,
      prepare: false,
    });
    const login = await postJson(server.url, {
      query: 'mutation($p: String!) { login(username: "sam.shelter", password: $p) { token } }',
      variables: { p: PASSWORD },
    });
    token = login.json.data.login.token;
  });

  afterAll(async () => {
    await server?.close();
    await proxy?.close();
    await db?.destroy();
  });

  const clientsNamed = async (lastName: string) =>
    Number((await db.ds.query('SELECT COUNT(*) AS n FROM client WHERE last_name = ?', [lastName]))[0].n);

  test('the answer is outcome UNKNOWN, and a retry with the same key creates no duplicate', async () => {
    const cut = proxy.cutAtReply(/^COMMIT/, /^INSERT INTO `client`/);
    const variables = { input: { firstName: 'Committed', lastName: 'Unanswered' } };
    const headers = { ...auth(token), 'idempotency-key': 'commit-in-flight' };
    const first = await postJson(server.url, { query: CREATE_CLIENT, variables }, headers);
    await cut;
    expect(codesOf(first)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(first.json.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', outcome: 'UNKNOWN' });
    expect(first.status).toBe(503);
    expect(first.json.errors[0].message).toMatch(/may have been saved/);
    expect(first.json.errors[0].message).toMatch(/Idempotency-Key/);
    expect(first.json.errors[0].message).not.toMatch(/nothing was changed/);
    // It was saved, with its audit row: the old answer ("nothing was changed") was wrong.
    expect(await clientsNamed('Unanswered')).toBe(1);
    const [row] = await db.ds.query("SELECT id FROM client WHERE last_name = 'Unanswered'");
    const [audit] = await db.ds.query(
      "SELECT COUNT(*) AS n FROM audit_event WHERE operation = 'createClient' AND entity_id = ?",
      [row.id],
    );
    expect(Number(audit.n)).toBe(1);

    const retry = await postJson(server.url, { query: CREATE_CLIENT, variables }, headers);
    expect(retry.json.errors).toBeUndefined();
    expect(retry.json.data.createClient).toEqual({
      id: String(row.id),
      firstName: 'Committed',
      lastName: 'Unanswered',
    });
    expect(await clientsNamed('Unanswered')).toBe(1);
  });

  test('without a key the answer is outcome UNKNOWN too, never "nothing was changed"', async () => {
    const cut = proxy.cutAtReply(/^COMMIT/, /^INSERT INTO `client`/);
    const res = await postJson(
      server.url,
      { query: CREATE_CLIENT, variables: { input: { firstName: 'No', lastName: 'KeyUnknown' } } },
      auth(token),
    );
    await cut;
    expect(codesOf(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.json.errors[0].extensions.outcome).toBe('UNKNOWN');
    expect(await clientsNamed('KeyUnknown')).toBe(1);
  });

  test('a failure before COMMIT is sent still says nothing was changed, and nothing was', async () => {
    const cut = proxy.cutAtReply(/^INSERT INTO `client`/);
    const res = await postJson(
      server.url,
      { query: CREATE_CLIENT, variables: { input: { firstName: 'Never', lastName: 'Committed' } } },
      auth(token),
    );
    await cut;
    expect(codesOf(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.json.errors[0].extensions.outcome).toBeUndefined();
    expect(res.json.errors[0].message).toMatch(/nothing was changed/);
    expect(await clientsNamed('Committed')).toBe(0);
  });

  test('the read audit after a committed write fails once: it is retried and the write is answered', async () => {
    const cut = proxy.cutAtReply(/^INSERT INTO `audit_event`.*'READ'/s);
    const res = await postJson(
      server.url,
      {
        query: 'mutation($input: CreateClientInput!) { createClient(input: $input) { id lastName dob } }',
        variables: { input: { firstName: 'Audit', lastName: 'Retried', dob: '1990-01-01' } },
      },
      { ...auth(token), 'x-request-id': 'audit-retried-1' },
    );
    await cut;
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.createClient).toMatchObject({ lastName: 'Retried', dob: '1990-01-01' });
    const [reads] = await db.ds.query(
      "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ' AND request_id = 'audit-retried-1'",
    );
    // The cut came after the first insert reached MariaDB: the read may be logged twice, never not at all.
    expect(Number(reads.n)).toBeGreaterThanOrEqual(1);
    expect(log.lines.some((l) => /read audit failed after a committed write: retrying/.test(l.msg))).toBe(
      true,
    );
  });
});
