/**
 * For tests of statement cancellation on MariaDB/MySQL (src/database/cancellation.ts): two
 * connections of the test's own beside the servers', one to hold the lock a request's statement
 * must wait for, one to watch the process list, and the check that a timed-out request's
 * statement was really waiting and then stopped.
 */
import type { DataSource, QueryRunner } from 'typeorm';
import { codesOf, type RawResponse } from './support';

/** Polls `check` every 100 ms until it holds (true) or `ms` have passed (false). */
export async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    if (await check()) return true;
    if (Date.now() - started > ms) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export class StatementWatch {
  private constructor(
    /** Holds the lock a request's statement waits for. */
    readonly holder: QueryRunner,
    private readonly observer: QueryRunner,
    private readonly ignored: number[],
  ) {}

  static async open(ds: DataSource): Promise<StatementWatch> {
    const holder = ds.createQueryRunner();
    const observer = ds.createQueryRunner();
    const ignored: number[] = [];
    for (const r of [holder, observer])
      ignored.push(Number((await r.query('SELECT CONNECTION_ID() AS id'))[0].id));
    return new StatementWatch(holder, observer, ignored);
  }

  async release(): Promise<void> {
    await this.holder.release();
    await this.observer.release();
  }

  /** Statements of this database running now on any connection but the holder's and the observer's. */
  async running(): Promise<{ id: number; info: string }[]> {
    const rows: { ID: number; INFO: string | null }[] = await this.observer.query(
      `SELECT ID, INFO FROM information_schema.PROCESSLIST
        WHERE DB = DATABASE() AND COMMAND = 'Query' AND ID NOT IN (?, ?)`,
      this.ignored,
    );
    return rows.map((r) => ({ id: Number(r.ID), info: String(r.INFO) }));
  }

  /**
   * Sends a request whose statement (`waiting`) is held up by the holder's lock: the statement
   * is seen waiting on the database within `seenWithinMs` (less than the server's time limit),
   * the caller is answered 503 REQUEST_TIMEOUT, and within a few seconds nothing of the server
   * runs any more.
   */
  async expectStoppedAtTimeout(
    send: () => Promise<RawResponse>,
    waiting: RegExp,
    seenWithinMs: number,
  ): Promise<void> {
    const pending = send();
    const seenWaiting = await waitUntil(
      async () => (await this.running()).some((s) => waiting.test(s.info)),
      seenWithinMs,
    );
    const res = await pending;
    expect(res.status).toBe(503);
    expect(codesOf(res)).toEqual(['REQUEST_TIMEOUT']);
    const stopped = await waitUntil(async () => (await this.running()).length === 0, 3000);
    expect({
      seenWaiting,
      stopped,
      stillRunning: (await this.running()).map((r) => r.info.slice(0, 100)),
    }).toEqual({
      seenWaiting: true,
      stopped: true,
      stillRunning: [],
    });
  }
}
