/**
 * `npm run bench:replica [-- --clients 20000 --load-seconds 15]` (issue 18, "Read replicas, for
 * real"): target 5's load (load.ts: autocannon, 32 connections, Q1 N=20) against the production
 * server twice in one run, (a) on a primary alone and (b) with DATABASE_REPLICA_URLS pointing at a
 * replica of it, printing req/s, p50, p99, errors and the CPU per request of the server, the
 * primary and the replica.
 *
 * The pair is test/replication/mariadb-pair.ts: two mariadbd on free ports with their own data
 * directories under /tmp (binlog ROW, GTID), never the machine's shared server. The synthetic
 * data set goes into the primary only; the primary is then shut down cleanly, its data directory
 * copied to the replica (a cold copy: one generation instead of two, and no replay of millions
 * of row events), both start, and the replica replicates from the primary's GTID position at
 * the copy. Everything written afterwards (the bench's session, each request's audit row and
 * session touch) reaches the replica through replication; the run checks the two hold the same
 * rows before the load. Both servers and their directories are removed at the end, also on
 * failure or Ctrl-C.
 *
 * Options: --scale, --clients, --seed, --load-seconds, --load-rounds (options.ts). BENCH_REPLICA_BUFFER_POOL
 * sizes each server's InnoDB buffer pool (default 1G).
 */
import 'reflect-metadata';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { Pool } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { caughtUp, MariadbServer, replicate } from '../replication/mariadb-pair';
import { ok } from './client';
import { benchConfig, ensureDataset } from './dataset';
import { openPool } from './floor';
import { LOAD_CONNECTIONS, LOAD_N, loadTest, type LoadResult } from './load';
import { parseOptions } from './options';
import { Q1 } from './queries';
import { compileTree, startServerProcess, type ServerProcess } from './servers';
import { chooseActor } from './setup';
import { table } from './stats';

const DATABASE = 'waypoint';
/** Tables compared between primary and replica before the load (CHECKSUM TABLE). */
const COMPARED = ['organization', 'app_user', 'session', 'client', 'client_reach', 'enrollment', 'service'];
const WARMUP = 20;

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Run {
  label: string;
  round: number;
  load: LoadResult;
  /** SELECT statements each server ran per request during the load (SHOW GLOBAL STATUS Com_select). */
  selects: { primary: number; replica: number };
}

async function comSelect(server: MariadbServer): Promise<number> {
  const [row] = await server.sql<{ Value: string }>("SHOW GLOBAL STATUS LIKE 'Com_select'");
  return Number(row.Value);
}

async function checksums(server: MariadbServer): Promise<Record<string, string>> {
  const rows = await server.sql<{ Table: string; Checksum: string }>(
    `CHECKSUM TABLE ${COMPARED.map((t) => `${DATABASE}.${t}`).join(', ')}`,
  );
  return Object.fromEntries(rows.map((r) => [r.Table, String(r.Checksum)]));
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const bufferPool = process.env.BENCH_REPLICA_BUFFER_POOL || '1G';
  const sizes = { bufferPool, logFile: '512M' };
  let primary: MariadbServer | null = null;
  let replica: MariadbServer | null = null;
  const servers: ServerProcess[] = [];
  let pool: Pool | null = null;
  let ds: DataSource | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      for (const s of servers) await s.stop().catch(() => undefined);
      await pool?.end().catch(() => undefined);
      await ds?.destroy().catch(() => undefined);
      for (const m of [replica, primary]) await m?.remove().catch((err) => log(`removing ${m.name}: ${err}`));
      log('stopped the servers and removed the pair and its data directories');
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers and removing the pair`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    log('compiling the server with tsc (it runs the emitted JavaScript, as npm start does)');
    compileTree();
    primary = await MariadbServer.create('bench-primary', 1, sizes);
    replica = await MariadbServer.create('bench-replica', 2, sizes);
    await primary.start();
    const url = primary.url(DATABASE);
    log(`primary on port ${primary.port}, buffer pool ${bufferPool}: loading ${opts.data.clients} clients`);
    const info = await ensureDataset(url, opts.data, true, log);

    // Seed the replica with a cold copy of the primary's data, then replicate from there.
    const [{ pos }] = await primary.sql<{ pos: string }>('SELECT @@gtid_binlog_pos AS pos');
    const copyStart = Date.now();
    await primary.stop(120_000);
    replica.copyDataFrom(primary);
    await Promise.all([primary.start(), replica.start()]);
    await replicate(primary, replica, pos);
    log(
      `replica on port ${replica.port}: a copy of the primary's data at GTID ${pos}, replicating ` +
        `(stop, copy, start: ${((Date.now() - copyStart) / 1000).toFixed(1)} s)`,
    );

    const replicaUrl = replica.url(DATABASE);
    const plain = await startServerProcess('prod', url, 'primary only', false, undefined, {
      DATABASE_REPLICA_URLS: '',
    });
    servers.push(plain);
    const routed = await startServerProcess('prod', url, 'with replica', false, undefined, {
      DATABASE_REPLICA_URLS: replicaUrl,
    });
    servers.push(routed);

    const config = benchConfig(url);
    pool = openPool(url);
    ds = await createDataSource(config).initialize();
    const actor = await chooseActor(pool, ds, config, plain.url, false);
    const token = actor.token;
    log(`acting as ${actor.username} (${actor.workgroup}) of ${actor.organizationCode}`);

    // Same rows on both (the data set, plus the session written after the copy), same answers.
    await caughtUp(primary, replica, 120);
    const [onPrimary, onReplica] = await Promise.all([checksums(primary), checksums(replica)]);
    if (!isDeepStrictEqual(onPrimary, onReplica))
      throw new Error(
        `the replica holds other rows than the primary: ${JSON.stringify(onPrimary)} vs ${JSON.stringify(onReplica)}`,
      );
    log(`replica caught up: ${COMPARED.join(', ')} identical (CHECKSUM TABLE)`);
    // A new session reads from the primary for READ_YOUR_WRITES_SECONDS (default 5): let it pass.
    await new Promise((resolve) => setTimeout(resolve, (config.readYourWritesSeconds + 1) * 1000));
    const reference = (await ok(plain.url, Q1, { n: LOAD_N }, token)).body.data;
    const viaReplica = (await ok(routed.url, Q1, { n: LOAD_N }, token)).body.data;
    if (!isDeepStrictEqual(reference, viaReplica))
      throw new Error(`Q1(${LOAD_N}) through the replica differs from the primary's answer`);
    log(`Q1 N=${LOAD_N} answers the same on both servers`);
    for (let i = 0; i < WARMUP; i++)
      for (const s of [plain, routed]) await ok(s.url, Q1, { n: LOAD_N }, token);

    // The load, one server after the other (--load-rounds alternates them), with the CPU of the
    // server and of both mariadbd.
    const runs: Run[] = [];
    for (let round = 1; round <= opts.loadRounds; round++) {
      for (const server of [plain, routed]) {
        log(
          `load: autocannon, ${LOAD_CONNECTIONS} connections, ${opts.loadSeconds} s, Q1 N=${LOAD_N} against ${server.label}`,
        );
        const before = { primary: await comSelect(primary), replica: await comSelect(replica) };
        const load = await loadTest(server, token, opts.loadSeconds, {
          primary: primary.pid,
          replica: replica.pid,
        });
        const after = { primary: await comSelect(primary), replica: await comSelect(replica) };
        const per = (k: 'primary' | 'replica') => (after[k] - before[k]) / Math.max(1, load.requests);
        const run = {
          label: server.label,
          round,
          load,
          selects: { primary: per('primary'), replica: per('replica') },
        };
        if (server === routed && run.selects.replica < 1)
          throw new Error(
            `with DATABASE_REPLICA_URLS the replica ran ${run.selects.replica.toFixed(2)} SELECTs per request: the reads did not go to it`,
          );
        runs.push(run);
        // Let the requests autocannon abandoned at the end finish before anything else runs.
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
    }
    await caughtUp(primary, replica, 120);

    const [settings] = await primary.sql<{ v: string; flush: number }>(
      'SELECT VERSION() AS v, @@innodb_flush_log_at_trx_commit AS flush',
    );
    report(runs, opts.loadRounds, {
      header:
        `Waypoint replica bench: ${info.rows.client} clients, ${info.rows.enrollment} enrollments, ${info.rows.service} services ` +
        `(seed ${opts.data.seed}); MariaDB ${settings.v} primary + replica on this machine (buffer pool ${bufferPool} each, ` +
        `innodb_flush_log_at_trx_commit=${settings.flush}, binlog ROW, GTID); Node ${process.version}, ${os.cpus().length} CPUs; ` +
        `actor ${actor.username} (${actor.workgroup})`,
    });
  } finally {
    await cleanup();
  }
}

const ms = (x: number | null) => (x === null ? 'n/a' : x.toFixed(1));

/** CPU ms per request of each process over all runs of one server (weighted by requests). */
function cpuOf(runs: Run[]): Record<string, number> {
  const total = runs.reduce((t, r) => t + r.load.requests, 0);
  const out: Record<string, number> = {};
  for (const r of runs)
    for (const [k, v] of Object.entries(r.load.cpuPerRequest))
      out[k] = (out[k] ?? 0) + ((v ?? NaN) * r.load.requests) / Math.max(1, total);
  return out;
}

function report(runs: Run[], rounds: number, meta: { header: string }): void {
  const cores = os.cpus().length;
  const out = [meta.header, ''];
  out.push(
    `load: autocannon, ${LOAD_CONNECTIONS} connections, Q1 N=${LOAD_N}, one run after the other; CPU ms per request from /proc`,
  );
  out.push(
    table(
      [
        'run',
        'req/s',
        'p50',
        'p99',
        'errors',
        'requests',
        'CPU server',
        'CPU primary',
        'CPU replica',
        'CPU load gen',
        'SELECTs primary / replica',
      ],
      runs.map((r) => [
        rounds > 1 ? `${r.label} #${r.round}` : r.label,
        r.load.rps.toFixed(0),
        `${r.load.p50} ms`,
        `${r.load.p99} ms`,
        String(r.load.errors),
        String(r.load.requests),
        ms(r.load.cpuPerRequest.server),
        ms(r.load.cpuPerRequest.primary),
        ms(r.load.cpuPerRequest.replica),
        ms(r.load.cpuPerRequest['load generator']),
        `${r.selects.primary.toFixed(1)} / ${r.selects.replica.toFixed(1)}`,
      ]),
    ),
  );
  const a = cpuOf(runs.filter((r) => r.label === runs[0].label));
  const b = cpuOf(runs.filter((r) => r.label !== runs[0].label));
  const sum = (x: Record<string, number>, keys: string[]) => keys.reduce((t, k) => t + (x[k] ?? NaN), 0);
  const all = ['server', 'primary', 'replica', 'load generator'];
  const alone = sum(a, all);
  const shared = sum(b, all);
  const withoutReplica = sum(b, ['server', 'primary', 'load generator']);
  if (!Number.isFinite(alone + shared)) {
    out.push('', 'CPU per request not measured (no /proc): no estimate');
  } else {
    const rate = (cpuMs: number) => ((cores * 1000) / cpuMs).toFixed(0);
    const split = (x: Record<string, number>) => all.map((k) => `${k} ${x[k].toFixed(1)}`).join(', ');
    out.push('');
    out.push(`CPU ms per request, all runs: primary only: ${split(a)}; with replica: ${split(b)}.`);
    out.push(
      `CPU per request in all${rounds > 1 ? ` (${rounds} runs each)` : ''}: ${alone.toFixed(1)} ms primary only, ` +
        `${shared.toFixed(1)} ms with the replica on the same ${cores} cores (at most ${rate(alone)} and ${rate(shared)} req/s).`,
    );
    out.push(
      `ESTIMATE, replica on its own ${cores}-core machine: this machine then spends ${withoutReplica.toFixed(1)} ms per request ` +
        `(server + primary + load generator), at most ${rate(withoutReplica)} req/s (${(alone / withoutReplica).toFixed(2)}x ` +
        `primary only); the replica at ${b.replica.toFixed(1)} ms per request serves up to ${rate(b.replica)} req/s on its ` +
        `${cores} cores; the primary's share per request falls from ${a.primary.toFixed(1)} to ${b.primary.toFixed(1)} ms ` +
        `(${(a.primary / b.primary).toFixed(1)}x the Q1 traffic per primary core, with API processes added).`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
