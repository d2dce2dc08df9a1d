/**
 * Read replicas (DATABASE_REPLICA_URLS). The primary takes every write, every login, the
 * session load and touch and the read-audit row; a query's own reads go to a replica that is up,
 * unless its session wrote within READ_YOUR_WRITES_SECONDS (kept in the session row, so every
 * process agrees) or no replica is up, and then to the primary.
 *
 * Why not TypeORM's `replication` option: it sends raw `query()` calls to the master and query
 * builder SELECTs to a random slave, so one request would read from two servers at different
 * lags, with no per-session read-your-writes and no way around a replica that is down. Here one
 * request reads from one server, chosen once per operation.
 *
 * Each replica is probed every second (`SHOW SLAVE STATUS`, or `SELECT 1` for a user without
 * the monitoring grant): a replica that does not answer is skipped until it answers again, and
 * its lag (Seconds_Behind_Master) is kept for /metrics.
 */
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { databaseTrouble } from '../http/errors';
import { createDataSource } from './data-source';

export interface ReplicaState {
  /** `replica1`, `replica2`, ... in DATABASE_REPLICA_URLS order (never a host name in metrics). */
  name: string;
  ds: DataSource;
  up: boolean;
  /** Seconds_Behind_Master at the last probe; null when unknown (no grant, or replication stopped). */
  lagSeconds: number | null;
}

/** A pooled mysql2 connection, as TypeORM's MySQL driver hands it out. */
interface PoolConnection {
  promise(): { query(sql: string): Promise<[unknown, unknown]> };
  release(): void;
}
interface MysqlDriverLike {
  obtainMasterConnection(): Promise<PoolConnection>;
}

const PROBE_MS = 1000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export class ReadRouting {
  readonly replicas: ReplicaState[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The probe running now, and the one queued behind it (shared by every caller that asked meanwhile). */
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /** Each MySQL replica's own connection checkout, bypassing the fallback (for the probe). */
  private readonly direct = new Map<ReplicaState, () => Promise<PoolConnection>>();

  constructor(
    readonly primary: DataSource,
    replicas: DataSource[],
  ) {
    this.replicas = replicas.map((ds, i) => ({ name: `replica${i + 1}`, ds, up: false, lagSeconds: null }));
    for (const r of this.replicas) this.fallBackToPrimary(r);
  }

  /**
   * When a query routed to a replica cannot get a connection to it (refused, or no answer within
   * the short connect timeout), it runs on a primary connection instead and the replica is
   * skipped until a probe finds it again: a replica going down costs a request at most its
   * connect timeout, never an error.
   */
  private fallBackToPrimary(r: ReplicaState): void {
    if (r.ds.options.type !== 'mysql' && r.ds.options.type !== 'mariadb') return;
    const driver = r.ds.driver as unknown as MysqlDriverLike;
    const primary = this.primary.driver as unknown as MysqlDriverLike;
    const own = driver.obtainMasterConnection.bind(driver);
    this.direct.set(r, own);
    driver.obtainMasterConnection = async () => {
      try {
        return await own();
      } catch (err) {
        if (!databaseTrouble(err)) throw err;
        r.up = false;
        return primary.obtainMasterConnection();
      }
    };
  }

  /** Replica data sources for DATABASE_REPLICA_URLS (not connected yet: the first probe connects). */
  static fromConfig(primary: DataSource, config: Config): ReadRouting {
    const replicas = config.databaseReplicaUrls.map((url) =>
      createDataSource(
        { databaseUrl: url, dataDir: config.dataDir },
        // A replica that does not answer quickly is skipped: the primary answers instead.
        { connectTimeoutMs: Math.min(config.dbConnectTimeoutMs, 1000) },
      ),
    );
    return new ReadRouting(primary, replicas);
  }

  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  /** Where a query reads: a replica that is up (round robin), else the primary. */
  forRead(recentWrite: boolean): DataSource {
    if (recentWrite) return this.primary;
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.next + i) % this.replicas.length];
      if (r.up) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return r.ds;
      }
    }
    return this.primary;
  }

  /** A read through `ds` failed for lack of a database: skip that replica until it answers a probe. */
  failed(ds: DataSource): void {
    const r = this.replicas.find((x) => x.ds === ds);
    if (r) r.up = false;
  }

  async start(): Promise<void> {
    if (!this.enabled) return;
    await this.probe();
    this.timer = setInterval(() => void this.probe(), PROBE_MS);
    this.timer.unref();
  }

  /**
   * Probe every replica; resolves with state read after the call. While a probe is running (the
   * timer's), its result may predate the caller's reason to ask (a replication it just stopped),
   * so one more probe runs after it, shared by everyone who asked in the meantime.
   */
  probe(): Promise<void> {
    if (!this.running) {
      this.running = Promise.all(this.replicas.map((r) => this.probeOne(r))).then(
        () => undefined,
        () => undefined,
      );
      void this.running.finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .finally(() => {
        this.queued = null;
      })
      .then(() => this.probe());
    return this.queued;
  }

  private async probeOne(r: ReplicaState): Promise<void> {
    try {
      if (!r.ds.isInitialized) await within(r.ds.initialize(), 3000);
      if (r.ds.options.type === 'better-sqlite3') {
        r.up = true;
        r.lagSeconds = 0;
        return;
      }
      const conn = await within((this.direct.get(r) as () => Promise<PoolConnection>)(), 2000);
      try {
        const [rows] = (await within(conn.promise().query('SHOW SLAVE STATUS'), 2000)) as [
          Record<string, unknown>[],
          unknown,
        ];
        const lag = rows[0]?.Seconds_Behind_Master;
        r.lagSeconds = lag === null || lag === undefined ? null : Number(lag);
      } catch (err) {
        if ((err as { errno?: number }).errno !== 1227) throw err;
        await within(conn.promise().query('SELECT 1'), 2000); // no monitoring grant: up, lag unknown
        r.lagSeconds = null;
      } finally {
        conn.release();
      }
      r.up = true;
    } catch {
      r.up = false;
      r.lagSeconds = null;
    }
  }

  async stop(options: { destroyReplicas: boolean }): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    while (this.running || this.queued) await (this.queued ?? this.running);
    if (options.destroyReplicas)
      await Promise.all(this.replicas.filter((r) => r.ds.isInitialized).map((r) => r.ds.destroy()));
  }
}
