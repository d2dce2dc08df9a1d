/**
 * A MariaDB primary and a replica of it, started by the test on free ports with their own data
 * directories under /tmp (binlog ROW, GTID replication), never touching the machine's own server
 * or its settings. Both run as root (`--user=root`) with `--no-defaults`, so no my.cnf applies.
 * The replica bench (test/bench/replica.ts) starts its pair here too, with a larger buffer pool.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** InnoDB sizes of a pair server: small for the tests, sized to the data set for the bench. */
export interface InnodbSizes {
  /** `--innodb-buffer-pool-size` (default 32M). */
  bufferPool?: string;
  /** `--innodb-log-file-size` (default 8M; a bulk load wants far more). */
  logFile?: string;
}

export class MariadbServer {
  private proc: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly dir: string;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly serverId: number,
    private readonly sizes: InnodbSizes,
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `waypoint-${name}-`));
  }

  static async create(name: string, serverId: number, sizes: InnodbSizes = {}): Promise<MariadbServer> {
    const server = new MariadbServer(name, await freePort(), serverId, sizes);
    const install = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${server.dataDir}`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--innodb-log-file-size=8M',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (install.status !== 0)
      throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
    return server;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** The running mariadbd's process id (for its CPU time), undefined when stopped. */
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  url(database: string): string {
    return `mysql://root@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts mariadbd and waits until it accepts connections. */
  async start(): Promise<void> {
    const proc = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${this.dataDir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(this.dir, 'mariadb.sock')}`,
        `--pid-file=${path.join(this.dir, 'mariadb.pid')}`,
        '--user=root',
        `--server-id=${this.serverId}`,
        `--log-bin=${path.join(this.dir, 'binlog')}`,
        '--binlog-format=ROW',
        '--log-slave-updates=ON',
        `--innodb-buffer-pool-size=${this.sizes.bufferPool ?? '32M'}`,
        `--innodb-log-file-size=${this.sizes.logFile ?? '8M'}`,
        '--skip-name-resolve',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    this.proc = proc;
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const c = await mysql.createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
        await c.end();
        return;
      } catch (err) {
        if (proc.exitCode !== null || Date.now() > deadline)
          throw new Error(`${this.name} did not start: ${String(err)}\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** Kills the server (SIGKILL: as a crash or a pulled cable) and waits for it to exit. */
  async kill(): Promise<void> {
    this.proc?.kill('SIGKILL');
    await this.exited;
    this.proc = null;
  }

  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    const c = await mysql.createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
    try {
      const [rows] = await c.query(query, params);
      return rows as T[];
    } finally {
      await c.end();
    }
  }

  /** Shuts the server down cleanly (SIGTERM; SIGKILL after `graceMs`) and waits for it to exit. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.proc) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    this.proc = null;
  }

  /**
   * Replaces this (stopped) server's data with a copy of `source`'s, which must be stopped
   * cleanly: a cold copy, the usual way to seed a replica. The binlogs live outside the data
   * directory, so the copy starts with none of its own.
   */
  copyDataFrom(source: MariadbServer): void {
    if (this.proc || source.proc) throw new Error('copyDataFrom: both servers must be stopped');
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    fs.cpSync(source.dataDir, this.dataDir, { recursive: true });
  }

  /** Stops the server and removes its data directory. */
  async remove(): Promise<void> {
    await this.stop(this.sizes.bufferPool ? 60_000 : 10_000);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Points `replica` at `primary` with GTID replication and starts it. `fromGtid`: the primary's
 * `@@gtid_binlog_pos` when the replica's data was copied from it (copyDataFrom), so replication
 * starts after what the copy already holds.
 */
export async function replicate(
  primary: MariadbServer,
  replica: MariadbServer,
  fromGtid?: string,
): Promise<void> {
  if (fromGtid !== undefined) await replica.sql('SET GLOBAL gtid_slave_pos = ?', [fromGtid]);
  await replica.sql(
    `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root',
       MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1`,
  );
  await replica.sql('START SLAVE');
}

/** Waits until the replica has applied everything the primary has written so far. */
export async function caughtUp(primary: MariadbServer, replica: MariadbServer, timeoutS = 20): Promise<void> {
  const [{ pos }] = await primary.sql<{ pos: string }>('SELECT @@gtid_binlog_pos AS pos');
  const [{ r }] = await replica.sql<{ r: number }>('SELECT MASTER_GTID_WAIT(?, ?) AS r', [pos, timeoutS]);
  if (Number(r) !== 0) throw new Error(`replica did not catch up to ${pos} within ${timeoutS}s`);
}
