/**
 * A timed-out request's SQL stops with it (REQUEST_TIMEOUT_MS, src/database/cancellation.ts).
 * MariaDB/MySQL only: the embedded SQLite runs its statements in the server's own process.
 *
 * A statement is made slow for real: a second connection holds a lock the request's statement
 * must wait for (a row lock for a mutation's UPDATE, a table lock for a query's SELECT). The
 * caller is answered REQUEST_TIMEOUT, and within a few seconds the database runs no statement of
 * the server any more; the mutation's transaction is rolled back (nothing of it is saved once the
 * lock goes away), and the server goes on answering.
 */
import { auth, extraServer, postJson, startHardApp, type HardApp, type LogCapture } from './support';
import type { RunningServer } from '../../src/http/server';
import { RequestStatements, requestStatements } from '../../src/database/cancellation';
import { StatementWatch } from './statement-watch';

const describeMysql = process.env.DATABASE_URL ? describe : describe.skip;

/** The extra server's time limit, and how long a test looks for its request's statement waiting. */
const LIMIT_MS = 1500;
const SEEN_WITHIN_MS = 1400;

describeMysql("a timed-out request's SQL statement is stopped on the database", () => {
  let app: HardApp;
  let fast: { server: RunningServer; log: LogCapture };
  let token: string;
  /** Holds the lock; and watches the process list (never a connection of the servers). */
  let watch: StatementWatch;

  beforeAll(async () => {
    app = await startHardApp('stmt_cancel');
    token = await app.api.login('sam.shelter');
    fast = await extraServer(app, { requestTimeoutMs: LIMIT_MS });
    watch = await StatementWatch.open(app.db.ds);
  });

  afterAll(async () => {
    await watch?.release();
    await fast?.server.close();
    await app?.close();
  });

  async function aClient(): Promise<{ id: string; version: number; firstName: string }> {
    const res = await postJson(
      fast.server.url,
      { query: '{ clients(first: 1) { edges { node { id version firstName } } } }' },
      auth(token),
    );
    return res.json.data.clients.edges[0].node;
  }

  test('a mutation waiting for a row lock: REQUEST_TIMEOUT, its UPDATE is killed and rolled back, the server carries on', async () => {
    const client = await aClient();
    await watch.holder.startTransaction();
    await watch.holder.query('SELECT id FROM client WHERE id = ? FOR UPDATE', [Number(client.id)]);
    try {
      await watch.expectStoppedAtTimeout(
        () =>
          postJson(
            fast.server.url,
            {
              query:
                'mutation($id: ID!, $v: Int!) { updateClient(id: $id, input: { version: $v, firstName: "Timed" }) { id } }',
              variables: { id: client.id, v: client.version },
            },
            auth(token),
          ),
        /UPDATE\s+`?client`?/i,
        SEEN_WITHIN_MS,
      );
    } finally {
      await watch.holder.rollbackTransaction();
    }
    // Once the lock is gone, the abandoned change does not land: its transaction was rolled back.
    await new Promise((r) => setTimeout(r, 500));
    const after = await aClient();
    expect(after).toEqual(client);
    // The server carries on: the same change, sent again, is saved.
    const again = await postJson(
      fast.server.url,
      {
        query:
          'mutation($id: ID!, $v: Int!) { updateClient(id: $id, input: { version: $v, firstName: "Again" }) { firstName } }',
        variables: { id: client.id, v: client.version },
      },
      auth(token),
    );
    expect(again.json).toEqual({ data: { updateClient: { firstName: 'Again' } } });
    expect(fast.log.lines.filter((l) => l.msg === 'unexpected error')).toEqual([]);
    expect(
      fast.log.lines.some((l) => l.msg === 'timed-out request: statements killed' && l.failed === 0),
    ).toBe(true);
  });

  test('a query waiting for a table lock: REQUEST_TIMEOUT, its SELECT is killed, the server carries on', async () => {
    await watch.holder.query('LOCK TABLES client WRITE');
    try {
      await watch.expectStoppedAtTimeout(
        () =>
          postJson(
            fast.server.url,
            { query: '{ clients(first: 5) { edges { node { id firstName } } } }' },
            auth(token),
          ),
        /FROM client c JOIN client_reach/,
        SEEN_WITHIN_MS,
      );
    } finally {
      await watch.holder.query('UNLOCK TABLES');
    }
    const res = await postJson(
      fast.server.url,
      { query: '{ clients(first: 5) { edges { node { id firstName } } } }' },
      auth(token),
    );
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.clients.edges.length).toBeGreaterThan(0);
  });

  test('after its deadline a request starts no statement but ROLLBACK; work outside requests is never touched', async () => {
    const ds = app.db.ds;
    const statements = new RequestStatements();
    await statements.cancel();
    await requestStatements.run(statements, async () => {
      // e.g. a query that was still waiting for a pool connection when its time ran out
      await expect(ds.query('SELECT 1 AS one')).rejects.toMatchObject({
        extensions: { code: 'REQUEST_TIMEOUT' },
      });
      await expect(ds.query('ROLLBACK')).resolves.toBeDefined();
    });
    // The CLIs, the CSV export and the report routes run outside any request's scope.
    await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });
});
