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
import type { QueryRunner } from 'typeorm';
import { auth, codesOf, extraServer, postJson, startHardApp, type HardApp, type LogCapture } from './support';
import type { RunningServer } from '../../src/http/server';
import { RequestStatements, requestStatements } from '../../src/database/cancellation';

const describeMysql = process.env.DATABASE_URL ? describe : describe.skip;

describeMysql("a timed-out request's SQL statement is stopped on the database", () => {
  let app: HardApp;
  let fast: { server: RunningServer; log: LogCapture };
  let token: string;
  /** Holds the lock; and watches the process list (never a connection of the servers). */
  let holder: QueryRunner;
  let observer: QueryRunner;
  let ignored: number[];

  beforeAll(async () => {
    app = await startHardApp('stmt_cancel');
    token = await app.api.login('sam.shelter');
    fast = await extraServer(app, { requestTimeoutMs: 1500 });
    holder = app.db.ds.createQueryRunner();
    observer = app.db.ds.createQueryRunner();
    ignored = [];
    for (const r of [holder, observer])
      ignored.push(Number((await r.query('SELECT CONNECTION_ID() AS id'))[0].id));
  });

  afterAll(async () => {
    await holder?.release();
    await observer?.release();
    await fast?.server.close();
    await app?.close();
  });

  /** Statements of this database running now on any connection but the holder's and the observer's. */
  async function running(): Promise<{ id: number; info: string }[]> {
    const rows: { ID: number; INFO: string | null }[] = await observer.query(
      `SELECT ID, INFO FROM information_schema.PROCESSLIST
        WHERE DB = DATABASE() AND COMMAND = 'Query' AND ID NOT IN (?, ?)`,
      ignored,
    );
    return rows.map((r) => ({ id: Number(r.ID), info: String(r.INFO) }));
  }

  async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<boolean> {
    const started = Date.now();
    for (;;) {
      if (await check()) return true;
      if (Date.now() - started > ms) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

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
    await holder.startTransaction();
    await holder.query('SELECT id FROM client WHERE id = ? FOR UPDATE', [Number(client.id)]);
    let seenWaiting = false;
    try {
      const pending = postJson(
        fast.server.url,
        {
          query:
            'mutation($id: ID!, $v: Int!) { updateClient(id: $id, input: { version: $v, firstName: "Timed" }) { id } }',
          variables: { id: client.id, v: client.version },
        },
        auth(token),
      );
      // The statement really waits on the database while the request runs.
      seenWaiting = await waitUntil(
        async () => (await running()).some((s) => /UPDATE\s+`?client`?/i.test(s.info)),
        1400,
      );
      const res = await pending;
      expect(res.status).toBe(503);
      expect(codesOf(res)).toEqual(['REQUEST_TIMEOUT']);
      // Within a few seconds, nothing of the server runs any more.
      const stopped = await waitUntil(async () => (await running()).length === 0, 3000);
      expect({
        seenWaiting,
        stopped,
        stillRunning: (await running()).map((r) => r.info.slice(0, 100)),
      }).toEqual({
        seenWaiting: true,
        stopped: true,
        stillRunning: [],
      });
    } finally {
      await holder.rollbackTransaction();
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
    await holder.query('LOCK TABLES client WRITE');
    try {
      const pending = postJson(
        fast.server.url,
        { query: '{ clients(first: 5) { edges { node { id firstName } } } }' },
        auth(token),
      );
      const seenWaiting = await waitUntil(
        async () => (await running()).some((s) => /FROM client c JOIN client_reach/.test(s.info)),
        1400,
      );
      const res = await pending;
      expect(res.status).toBe(503);
      expect(codesOf(res)).toEqual(['REQUEST_TIMEOUT']);
      const stopped = await waitUntil(async () => (await running()).length === 0, 3000);
      expect({
        seenWaiting,
        stopped,
        stillRunning: (await running()).map((r) => r.info.slice(0, 100)),
      }).toEqual({
        seenWaiting: true,
        stopped: true,
        stillRunning: [],
      });
    } finally {
      await holder.query('UNLOCK TABLES');
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
