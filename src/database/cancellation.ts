/**
 * A timed-out request's SQL stops with it (REQUEST_TIMEOUT_MS, src/http/timeout.ts), on MySQL
 * and MariaDB. Without this, the caller was answered REQUEST_TIMEOUT while the statement it was
 * waiting for ran on for as long as it took (a data-quality report at scale: half an hour).
 *
 * How: every statement a GraphQL request runs goes through a TypeORM query runner; the runner is
 * wrapped so that, while a statement is in flight, the request knows the connection it runs on.
 * When the request times out, {@link RequestStatements.cancel}:
 * - sends `KILL QUERY <thread id>` for each statement still running, each on a short-lived
 *   connection of its own (made from the killed connection's own settings, so it reaches the
 *   same server, even when a replica's query fell back to the primary). Not a pooled
 *   connection: when the pool is full of slow statements, the kill must not wait behind them.
 *   A user may kill its own threads: no extra grant;
 * - refuses every later statement of the request (REQUEST_TIMEOUT), except ROLLBACK: a query
 *   that was waiting for a pool connection does not run once it gets one;
 * - closes, instead of returning to the pool, each connection a kill was sent to: the
 *   database rolls back whatever transaction it held, and no later request can be hit by a
 *   KILL that arrived late.
 * A killed statement fails with 1317 ER_QUERY_INTERRUPTED, its transaction rolls back (nothing
 * half-written) and the error is answered REQUEST_TIMEOUT (src/http/errors.ts). A COMMIT already
 * sent cannot be taken back: the timeout message says the change may or may not have been saved.
 *
 * Why not a per-statement ceiling (max_statement_time, MAX_EXECUTION_TIME) instead: it would be
 * set per connection, and the API's connections also serve the HUD CSV export and the report CSV
 * routes, which have no request time limit; MySQL's applies to SELECTs only; and it would cut a
 * statement at the ceiling, not when its request gave up (a request of several statements
 * outlives each of them). Killing follows the request exactly. A ceiling on the database user
 * remains a backstop for a server process that dies mid-statement (README, REQUEST_TIMEOUT_MS).
 *
 * Only the server installs this ({@link cancelOnTimeout} in src/http/server.ts), and it acts only
 * on statements run inside a request's {@link requestStatements} scope: the CLIs (import, export,
 * sweeps, migrations, seeds, the bench's dataset load) and the CSV routes are never cut. The
 * embedded SQLite needs nothing: its statements run in the server's own process, synchronously,
 * and a timed-out request's next statement is refused by the resolver check of timeout.ts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import { timeoutError } from '../http/errors';

/** The parts of a pooled mysql2 connection used here. */
interface MysqlConnection {
  /** The server's CONNECTION_ID() of this connection. */
  threadId: number | null;
  /** The connection's settings (host, port, user, TLS, ...), reused for the kill. */
  config: object;
  destroy(): void;
}

interface KillConnection {
  on(event: 'error', listener: () => void): void;
  promise(): { query(sql: string): Promise<unknown>; end(): Promise<void> };
  destroy(): void;
}

/** The mysql2 module as TypeORM's MySQL driver holds it. */
interface MysqlModule {
  Connection: {
    new (options: { config: object }): KillConnection;
    prototype: { end(this: MysqlConnection, callback: () => void): void };
  };
}

interface TrackedRunner extends QueryRunner {
  databaseConnection?: MysqlConnection;
  connect(): Promise<MysqlConnection>;
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/** Connections a KILL QUERY was sent to: closed when their query runner releases them. */
const killed = new WeakSet<MysqlConnection>();

const KILL_WITHIN_MS = 5000;

/** Sends `KILL QUERY <thread>` to the server `conn` is connected to, on a connection of its own. */
async function killQuery(mysql: MysqlModule, conn: MysqlConnection, thread: number): Promise<void> {
  const killer = new mysql.Connection({ config: conn.config });
  killer.on('error', () => undefined); // a failure is reported by the query below
  // An unreachable database must not keep the kill pending: the socket goes after a while.
  const timer = setTimeout(() => killer.destroy(), KILL_WITHIN_MS).unref();
  try {
    await killer.promise().query(`KILL QUERY ${Number(thread)}`);
  } catch (err) {
    // 1094 ER_NO_SUCH_THREAD: the statement ended (and its connection closed) before the kill.
    if ((err as { errno?: number }).errno !== 1094) throw err;
  } finally {
    await killer
      .promise()
      .end()
      .catch(() => killer.destroy());
    clearTimeout(timer);
  }
}

/**
 * Closes a pooled connection a kill was sent to, instead of pooling it again: with a QUIT, as a
 * client that leaves politely (a dropped socket counts as an aborted client in the database's
 * log). mysql2 takes a pooled connection that ends out of its pool ('end' event).
 */
function close(mysql: MysqlModule, conn: MysqlConnection): void {
  try {
    mysql.Connection.prototype.end.call(conn, () => undefined);
  } catch {
    conn.destroy();
  }
}

/** One request's statements in flight, and whether it has run out of time. */
export class RequestStatements {
  private stopped = false;
  private readonly running = new Map<MysqlConnection, MysqlModule>();

  /** The request ran out of time: its statements are refused. */
  get cancelled(): boolean {
    return this.stopped;
  }

  /**
   * Stops the request's SQL: kills each statement it is running (their connections are then
   * closed, not pooled) and refuses the statements it would start. Resolves when the kills
   * have been sent (never rejects: a failed kill is logged).
   */
  async cancel(log?: Log): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const targets = [...this.running].filter(([conn]) => conn.threadId !== null);
    if (targets.length === 0) return;
    const results = await Promise.allSettled(
      targets.map(([conn, mysql]) => {
        killed.add(conn);
        return killQuery(mysql, conn, conn.threadId as number);
      }),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    log?.info({ statements: targets.length, failed: failed.length }, 'timed-out request: statements killed');
    for (const r of failed) log?.warn({ err: (r as PromiseRejectedResult).reason }, 'KILL QUERY failed');
  }

  /** Runs one statement of the request on `conn`, known as in flight until it ends. */
  async run<T>(conn: MysqlConnection, mysql: MysqlModule, statement: () => Promise<T>): Promise<T> {
    this.running.set(conn, mysql);
    try {
      return await statement();
    } finally {
      this.running.delete(conn);
    }
  }
}

/** The statements of the GraphQL request being served (set around each request in server.ts). */
export const requestStatements = new AsyncLocalStorage<RequestStatements>();

/** Statements the timeout never refuses: a transaction must always be able to roll back. */
const ALWAYS = /^\s*ROLLBACK\b/i;

const installed = new WeakSet<DataSource>();

/**
 * Makes the statements that requests run through `ds` cancellable (MySQL/MariaDB; a no-op for
 * SQLite). Idempotent: several servers of a test may share one data source.
 */
export function cancelOnTimeout(ds: DataSource): void {
  if ((ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') || installed.has(ds)) return;
  installed.add(ds);
  const driver = ds.driver as unknown as {
    mysql: MysqlModule;
    createQueryRunner(mode: 'master' | 'slave'): QueryRunner;
  };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => track(create(mode) as TrackedRunner, driver.mysql);
}

function track(runner: TrackedRunner, mysql: MysqlModule): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  const release = runner.release.bind(runner);
  runner.query = (async (sql: string, ...rest: unknown[]) => {
    const scope = requestStatements.getStore();
    if (!scope || runner.isReleased) return query(sql, ...rest);
    if (scope.cancelled && !ALWAYS.test(sql)) throw timeoutError();
    const conn = await runner.connect();
    return scope.run(conn, mysql, () => query(sql, ...rest));
  }) as QueryRunner['query'];
  runner.release = async () => {
    const conn = runner.databaseConnection;
    if (!conn || !killed.has(conn)) return release();
    (runner as { isReleased: boolean }).isReleased = true;
    close(mysql, conn);
  };
  return runner;
}
