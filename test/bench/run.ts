/**
 * `npm run bench [-- --scale 1m ...]` (options: test/bench/options.ts).
 *
 * Loads the synthetic data set into the bench's own MariaDB database (once per seed and
 * scale), starts each design in its own server process, warms up, measures side by side
 * (requests interleaved round-robin, so a busy neighbour slows every design alike) and prints
 * one table: target | measured | limit | pass/fail, then latencies per page size.
 *
 * Designs, each the real startServer in its own process (server-child.ts): prod (production
 * schema), bare (buildBareSchema: no shield, no field guard), naive (test/bench/naive/); and
 * floor (Q1's statements by hand through mysql2, no server).
 * Progress goes to stderr, the report to stdout. Timings are reported, never asserted.
 */
import 'reflect-metadata';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { ok, post } from './client';
import { benchConfig, datasetPresent, ensureDataset, type DatasetInfo } from './dataset';
import { explainQ1, type PlanRow } from './explain';
import { floorQ1, floorQ4, floorR1, floorR2, floorScope, openPool } from './floor';
import { databaseUrl, parseOptions, SCALES, type BenchOptions, type ScaleName } from './options';
import { idempotencyHeader, Q1, Q2, Q3, Q4, R1, R2 } from './queries';
import { addDays, localToday } from '../../src/database/sql-time';
import { compileTree, startServerProcess, type ServerProcess } from './servers';
import { chooseActor, removeWritten, watermarks, type BenchActor, type Watermarks } from './setup';
import { fmtMb, fmtMs, median, percentile, table } from './stats';
import { BURST_CHECK_INS, BURST_DESKS, runHousingBench, type HousingBench } from './housing';
import { databaseBytes, fmtGiB, prepareServer, type ServerSettings } from './server-settings';
import { describeStatement } from './statement-log';
import { cpuDuring, databasePid } from './cpu';
import { cpuSummary, LOAD_CONNECTIONS, LOAD_N, loadTest, type LoadResult } from './load';
import { benchStewardship, stewardshipRows, type StewardshipResult } from './stewardship';

import { benchHudCsv, hudCsvRows, type HudCsvBench } from './hud-csv';

const SIZES = [10, 100, 500] as const;
/** The priority list page of issue 14: 50 entries with scores and client names. */
const Q4_N = 50;
const WARMUP = 5;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A bench section that failed (e.g. a request past REQUEST_TIMEOUT_MS at this scale): its row says so. */
type Failed = { failed: string };
const isFailed = (x: unknown): x is Failed => typeof x === 'object' && x !== null && 'failed' in x;
async function section<T>(name: string, run: () => Promise<T>): Promise<T | Failed> {
  try {
    return await run();
  } catch (err) {
    const failed = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    log(`${name} failed: ${failed}`);
    return { failed };
  }
}

type Sampler = () => Promise<number>;

/** Runs each sampler `rounds` times, interleaved round-robin; returns the timings by label. */
async function sideBySide(
  samplers: Record<string, Sampler>,
  rounds: number,
  what: string,
): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(samplers).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [label, run] of Object.entries(samplers)) out[label].push(await run());
    if ((r + 1) % 10 === 0 || r + 1 === rounds) log(`  ${what}: ${r + 1}/${rounds} rounds`);
  }
  return out;
}

function q1Sampler(server: ServerProcess, token: string, n: number): Sampler {
  return async () => {
    const res = await post(server.url, Q1, { n }, server.token ?? token);
    if (res.status !== 200 || res.body.errors?.length)
      throw new Error(`${server.label} Q1(${n}) failed: ${JSON.stringify(res.body.errors).slice(0, 300)}`);
    return res.ms;
  };
}

function checked(label: string, res: { status: number; body: { errors?: unknown[] } }): void {
  if (res.status !== 200 || res.body.errors?.length)
    throw new Error(`${label} failed: ${JSON.stringify(res.body.errors).slice(0, 300)}`);
}

interface ScaleRun {
  scale: ScaleName;
  pool: Pool;
  ds: DataSource;
  marks: Watermarks;
  info: DatasetInfo;
}

async function main(): Promise<void> {
  const opts: BenchOptions = parseOptions(process.argv.slice(2));
  const url = databaseUrl(opts.serverUrl, opts.database);
  log(
    `bench: scale ${opts.scale} (${opts.data.clients} clients, seed ${opts.data.seed}) in ${opts.database}`,
  );
  const info = await ensureDataset(url, opts.data, opts.reload, log);

  // Target 6 compares with the other scale when its data set is there (or was asked for).
  let compare: { scale: ScaleName; url: string; info: DatasetInfo } | null = null;
  const otherScale: ScaleName | null = opts.compareScale ?? (opts.scale === '100k' ? '1m' : null);
  if (otherScale && otherScale !== opts.scale) {
    const otherUrl = databaseUrl(
      opts.serverUrl,
      opts.compareDb ?? (otherScale === '100k' ? 'wp_bench' : `wp_bench_${otherScale}`),
    );
    const otherData = { ...SCALES[otherScale], seed: opts.data.seed };
    // Loaded on request (--compare-scale); else used when already there (and migrated like this one).
    const present =
      opts.compareScale || (await datasetPresent(otherUrl, otherData))
        ? await ensureDataset(otherUrl, otherData, false, log)
        : null;
    if (present) compare = { scale: otherScale, url: otherUrl, info: present };
    else
      log(
        `target 6: no ${otherScale} data set loaded (run \`npm run bench -- --scale 1m\` once to load it); scale comparison skipped`,
      );
  }

  const pool = openPool(url);
  const dataBytes =
    (await databaseBytes(pool, opts.database)) +
    (compare
      ? await databaseBytes(pool, new URL(compare.url.replace(/^mariadb:/, 'mysql:')).pathname.slice(1))
      : 0);
  const server = await prepareServer(pool, dataBytes, opts.keepDbSettings);
  log(
    `MariaDB ${server.version}: buffer pool ${fmtGiB(server.bufferPoolBytes)} for ${fmtGiB(dataBytes)} of data` +
      (server.changed ? ` (set ${server.changed})` : ''),
  );
  const config = benchConfig(url);
  const ds = await createDataSource(config).initialize();
  const marks = await watermarks(pool);
  const servers: ServerProcess[] = [];
  const start = async (
    mode: Parameters<typeof startServerProcess>[0],
    dbUrl = url,
    label: string = mode,
    root?: string,
  ) => {
    const s = await startServerProcess(mode, dbUrl, label, opts.cpuProf && mode === 'prod', root);
    servers.push(s);
    return s;
  };
  let other: ScaleRun | null = null;
  let treeRun: Omit<ScaleRun, 'scale' | 'info'> | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      for (const s of servers) await s.stop().catch(() => undefined);
      const removed = await removeWritten(pool, ds, marks);
      await pool.end();
      await ds.destroy();
      for (const extra of [other, treeRun]) {
        if (!extra) continue;
        await removeWritten(extra.pool, extra.ds, extra.marks);
        await extra.pool.end();
        await extra.ds.destroy();
      }
      log(`cleaned up ${removed} rows the bench wrote`);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers and removing what the bench wrote`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    log('compiling the servers with tsc (they run the emitted JavaScript, as npm start does)');
    compileTree();
    if (opts.tree) compileTree(opts.tree);
    log('starting server processes');
    const prod = await start('prod');
    const bare = await start('bare');
    const naive = opts.skipNaive ? null : await start('naive');
    const tree = opts.tree
      ? await start('prod', opts.treeDb ? databaseUrl(opts.serverUrl, opts.treeDb) : url, 'tree', opts.tree)
      : null;

    const actor = await chooseActor(pool, ds, config, prod.url, true);
    log(
      `acting as ${actor.username} (${actor.workgroup}) of ${actor.organizationCode}, MOU partners ${actor.partners.join(', ')}; ` +
        `Q2 client ${actor.q2ClientId}${actor.arranged.length ? ` (arranged via the API: ${actor.arranged.join(', ')})` : ''}; Q3 enrollment ${actor.q3EnrollmentId}`,
    );
    const token = actor.token;
    if (tree && opts.treeDb) {
      const treeUrl = databaseUrl(opts.serverUrl, opts.treeDb);
      const treeConfig = benchConfig(treeUrl);
      treeRun = { pool: openPool(treeUrl), ds: await createDataSource(treeConfig).initialize(), marks: {} };
      treeRun.marks = await watermarks(treeRun.pool);
      tree.token = (await chooseActor(treeRun.pool, treeRun.ds, treeConfig, tree.url, false)).token;
    }
    const designs: ServerProcess[] = [prod, bare, ...(naive ? [naive] : []), ...(tree ? [tree] : [])];
    // Q2 and Q3 use records of this run's database; a tree on another database skips them.
    const writers: ServerProcess[] = [prod, bare, ...(tree && !opts.treeDb ? [tree] : [])];

    // Same answers from every design (N=10 and N=100) before timing anything.
    for (const n of [10, 100]) {
      const reference = (await ok(prod.url, Q1, { n }, token)).body.data;
      for (const s of designs.slice(1)) {
        const data = (await ok(s.url, Q1, { n }, s.token ?? token)).body.data;
        if (!isDeepStrictEqual(data, reference))
          throw new Error(`${s.label} answers Q1(${n}) differently from prod`);
      }
      const floor = await floorQ1(pool, token, n);
      const edges = (
        reference as {
          clients: {
            totalCount: number;
            edges: { node: { enrollments: { services: { edges: unknown[] } }[] } }[];
          };
        }
      ).clients;
      const enrollments = edges.edges.flatMap((e) => e.node.enrollments);
      const services = enrollments.reduce((k, e) => k + e.services.edges.length, 0);
      if (
        floor.clients !== edges.edges.length ||
        floor.enrollments !== enrollments.length ||
        floor.services !== services ||
        floor.total !== edges.totalCount
      ) {
        throw new Error(
          `floor returns other data than Q1(${n}): ${JSON.stringify(floor)} vs ${edges.edges.length}/${enrollments.length}/${services}/${edges.totalCount}`,
        );
      }
    }
    const q2Check = await ok(prod.url, Q2, { id: String(actor.q2ClientId) }, token);
    const q2Enrollments = (
      q2Check.body.data as { client: { enrollments: Record<string, unknown[] | unknown>[] } }
    ).client.enrollments;
    const q2Types = ['services', 'currentLivingSituations', 'assessments', 'ceEvents', 'healthAndDv'].filter(
      (k) =>
        q2Enrollments.some(
          (e) =>
            (k === 'services'
              ? (e.services as { edges: unknown[] }).edges.length
              : (e[k] as unknown[]).length) > 0,
        ),
    );
    if (q2Enrollments.some((e) => e.exit)) q2Types.unshift('exit');
    log(
      `Q2 client ${actor.q2ClientId}: ${q2Enrollments.length} enrollments; non-empty: ${q2Types.join(', ')}`,
    );
    log('answers match across designs and the floor');

    // Statements per request (prod), with the statements themselves.
    const q3Input = () => ({
      enrollmentId: String(actor.q3EnrollmentId),
      dateProvided: actor.q3Date,
      recordType: 'BED_NIGHT',
      typeProvided: 200,
    });
    const stmts: Record<string, string[]> = {};
    for (const n of SIZES) stmts[`Q1 N=${n}`] = await prod.statements(() => ok(prod.url, Q1, { n }, token));
    stmts['Q2'] = await prod.statements(() => ok(prod.url, Q2, { id: String(actor.q2ClientId) }, token));
    stmts['Q3'] = await prod.statements(() => ok(prod.url, Q3, { input: q3Input() }, token));
    stmts['Q3 key'] = await prod.statements(() =>
      ok(prod.url, Q3, { input: q3Input() }, token, idempotencyHeader()),
    );
    const naiveStmts = naive ? await naive.statements(() => ok(naive.url, Q1, { n: 500 }, token)) : [];
    if (tree) {
      for (const n of [10, 500])
        stmts[`tree Q1 N=${n}`] = await tree.statements(() => ok(tree.url, Q1, { n }, tree.token ?? token));
    }

    // Warm-up.
    log('warming up');
    for (let i = 0; i < WARMUP; i++) {
      for (const s of designs) for (const n of SIZES) await ok(s.url, Q1, { n }, s.token ?? token);
      for (const s of writers) {
        await ok(s.url, Q2, { id: String(actor.q2ClientId) }, token);
        await ok(s.url, Q3, { input: q3Input() }, token);
      }
      for (const n of SIZES) await floorQ1(pool, token, n);
    }

    // Latency, side by side.
    const q1: Record<number, Record<string, number[]>> = {};
    for (const n of SIZES) {
      const samplers: Record<string, Sampler> = {};
      for (const s of designs) samplers[s.label] = q1Sampler(s, token, n);
      samplers.floor = async () => (await floorQ1(pool, token, n)).ms;
      // The floor without the count statement: what counting the total costs.
      samplers['floor-nocount'] = async () => (await floorQ1(pool, token, n, false)).ms;
      // All six statements of Q1: the data statements and the read-audit insert.
      samplers['floor+audit'] = async () => (await floorQ1(pool, token, n, true, true)).ms;
      q1[n] = await sideBySide(samplers, opts.samples, `Q1 N=${n}`);
    }
    if (opts.q1Only) {
      const dbPid = databasePidOf(url);
      const loads: Array<[string, LoadResult]> = [];
      if (!opts.skipLoad)
        for (const s of [prod, ...(tree ? [tree] : [])]) {
          log(
            `load: autocannon, ${LOAD_CONNECTIONS} connections, ${opts.loadSeconds} s, Q1 N=${LOAD_N} against ${s.label}`,
          );
          await ok(s.url, Q1, { n: LOAD_N }, s.token ?? token);
          loads.push([s.label, await loadTest(s, token, opts.loadSeconds, { database: dbPid })]);
          await new Promise((resolve) => setTimeout(resolve, 3000));
        }
      // CPU per sequential request, per process: what each design's server and the database
      // spend on one Q1 (the floor's own process is this one, so it is not counted here).
      const cpu: Record<number, Record<string, Record<string, number | null>>> = {};
      for (const n of SIZES) {
        cpu[n] = {};
        for (const s of designs) {
          const used = await cpuDuring({ server: s.child.pid, database: dbPid }, async () => {
            for (let i = 0; i < opts.samples; i++) await q1Sampler(s, token, n)();
          });
          cpu[n][s.label] = Object.fromEntries(
            Object.entries(used).map(([k, ms]) => [k, ms === null ? null : ms / opts.samples]),
          );
        }
        // The floor runs in this process: its mysql2 work is the "bench client" column.
        const used = await cpuDuring({ database: dbPid }, async () => {
          for (let i = 0; i < opts.samples; i++) await floorQ1(pool, token, n);
        });
        cpu[n].floor = Object.fromEntries(
          Object.entries(used).map(([k, ms]) => [k, ms === null ? null : ms / opts.samples]),
        );
      }
      reportQ1Only(q1, stmts, loads, cpu, opts);
      return;
    }
    const q2q3: Record<string, Record<string, number[]>> = {};
    q2q3.Q2 = await sideBySide(
      Object.fromEntries(
        writers.map((s) => [
          s.label,
          async () => {
            const res = await post(s.url, Q2, { id: String(actor.q2ClientId) }, token);
            checked(`${s.label} Q2`, res);
            return res.ms;
          },
        ]),
      ),
      opts.samples,
      'Q2',
    );
    q2q3.Q3 = await sideBySide(
      Object.fromEntries(
        writers.map((s) => [
          s.label,
          async () => {
            const res = await post(s.url, Q3, { input: q3Input() }, token);
            checked(`${s.label} Q3`, res);
            return res.ms;
          },
        ]),
      ),
      opts.samples,
      'Q3',
    );
    // Q3 with an Idempotency-Key (a new one per request, as a front end sends per user action),
    // interleaved with Q3 without one: what the key's lookup and insert cost.
    const q3Key = await sideBySide(
      Object.fromEntries(
        writers.flatMap((s) => [
          [
            `${s.label} no key`,
            async () => {
              const res = await post(s.url, Q3, { input: q3Input() }, token);
              checked(`${s.label} Q3`, res);
              return res.ms;
            },
          ],
          [
            `${s.label} key`,
            async () => {
              const res = await post(s.url, Q3, { input: q3Input() }, token, idempotencyHeader());
              checked(`${s.label} Q3 key`, res);
              return res.ms;
            },
          ],
        ]),
      ),
      opts.samples,
      'Q3 with and without Idempotency-Key',
    );

    // Q4 (issue 14): a page of 50 of the priority list with scores and names, prod beside its
    // raw SQL floor. The actor is a Coordinated Entry Assessor when the data set has one.
    const q4Check = await post(prod.url, Q4, { n: Q4_N }, token);
    const q4Usable = !q4Check.body.errors?.length;
    let q4: Record<string, number[]> | null = null;
    if (q4Usable) {
      const floor = await floorQ4(pool, token, Q4_N);
      const served = (q4Check.body.data as any).priorityList;
      if (served.edges.length !== floor.entries || served.totalCount !== floor.total)
        throw new Error(
          `floor returns other data than Q4: ${JSON.stringify(floor)} vs ${served.edges.length}/${served.totalCount}`,
        );
      stmts[`Q4 N=${Q4_N}`] = await prod.statements(() => ok(prod.url, Q4, { n: Q4_N }, token));
      for (let i = 0; i < WARMUP; i++) {
        await ok(prod.url, Q4, { n: Q4_N }, token);
        await floorQ4(pool, token, Q4_N);
      }
      q4 = await sideBySide(
        {
          prod: async () => {
            const res = await post(prod.url, Q4, { n: Q4_N }, token);
            checked('prod Q4', res);
            return res.ms;
          },
          floor: async () => (await floorQ4(pool, token, Q4_N)).ms,
        },
        opts.samples,
        `Q4 priority list N=${Q4_N}`,
      );
    } else log(`Q4 skipped: ${actor.username} may not read the priority list`);

    // Data stewardship (issue 16): duplicate check, duplicate queue, merge.
    log('stewardship: duplicate check, duplicate queue, merge');
    const stewardship = await section('stewardship', () =>
      benchStewardship({ pool, ds, config, prod, actor, samples: opts.samples, log }),
    );

    // Reports (issue 15): R1 clientCounts by program x month over a year, R2 data quality of every
    // program the actor sees, as a data analyst (the role ceiling lets report:run through; the
    // synthetic workgroups hold it as data). Statements per request, and p50 against the floor.
    // A report that fails (e.g. runs past REQUEST_TIMEOUT_MS at this scale) is printed as a
    // failed row; the rest of the bench goes on.
    const reports = await section('reports', () => benchReports(pool, prod, actor, opts.samples));

    // Scale (target 6): prod on the other data set, interleaved with prod on this one.
    let scaleTimes: Record<string, Record<string, number[]>> | null = null;
    const scope = await floorScope(pool, token);
    const plans: Array<{ scale: ScaleName; rows: PlanRow[] }> = [
      { scale: opts.scale, rows: await explainQ1(pool, scope, 500) },
    ];
    if (compare) {
      log(`starting prod on the ${compare.scale} data set`);
      const otherPool = openPool(compare.url);
      const otherConfig = benchConfig(compare.url);
      const otherDs = await createDataSource(otherConfig).initialize();
      const otherMarks = await watermarks(otherPool);
      other = { scale: compare.scale, pool: otherPool, ds: otherDs, marks: otherMarks, info: compare.info };
      const otherServer = await start('prod', compare.url, `prod@${compare.scale}`);
      const otherActor = await chooseActor(otherPool, otherDs, otherConfig, otherServer.url, false);
      for (const n of [10, 500]) await ok(otherServer.url, Q1, { n }, otherActor.token);
      scaleTimes = {};
      for (const n of [10, 500]) {
        scaleTimes[n] = await sideBySide(
          {
            [opts.scale]: q1Sampler(prod, token, n),
            [compare.scale]: q1Sampler(otherServer, otherActor.token, n),
          },
          opts.scaleSamples,
          `scale Q1 N=${n}`,
        );
      }
      plans.push({
        scale: compare.scale,
        rows: await explainQ1(otherPool, await floorScope(otherPool, otherActor.token), 500),
      });
    }

    // Load (targets 5 and 7).
    const dbPid = databasePidOf(url);
    let load: LoadResult | null = null;
    let treeLoad: LoadResult | null = null;
    if (!opts.skipLoad) {
      for (const s of [prod, ...(tree ? [tree] : [])]) {
        log(
          `load: autocannon, ${LOAD_CONNECTIONS} connections, ${opts.loadSeconds} s, Q1 N=${LOAD_N} against ${s.label}`,
        );
        await ok(s.url, Q1, { n: LOAD_N }, s.token ?? token);
        const result = await loadTest(s, token, opts.loadSeconds, { database: dbPid });
        if (s === prod) load = result;
        else treeLoad = result;
        // Let the requests autocannon abandoned at the end finish before anything else runs.
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
    }

    // Issue 12: the HUD CSV export against its floor, and the import of what it wrote.
    const hudCsv = opts.skipHudCsv
      ? null
      : await section('HUD CSV', () => benchHudCsv(pool, prod, actor, url, log));

    // Housing (issue 13): the bed board of a 300-bed facility and a burst of check-ins.
    const housing = process.argv.includes('--skip-housing')
      ? null
      : await section('housing', () => runHousingBench(pool, prod, actor, Math.min(opts.samples, 50), log));

    report({
      hudCsv,
      housing,
      treeLoad,
      opts,
      info,
      actor,
      q1,
      q2q3,
      q3Key,
      q4,
      reports,
      stmts,
      naiveStmts,
      scaleTimes,
      compareScale: compare?.scale ?? null,
      plans,
      load,
      server,
      stewardship,
    });
  } finally {
    await cleanup();
  }
}

interface ReportInput {
  hudCsv: HudCsvBench | Failed | null;
  housing: HousingBench | Failed | null;
  server: ServerSettings;
  treeLoad: LoadResult | null;
  opts: BenchOptions;
  info: DatasetInfo;
  actor: BenchActor;
  q1: Record<number, Record<string, number[]>>;
  q2q3: Record<string, Record<string, number[]>>;
  /** Q3 without and with an Idempotency-Key, interleaved, per writer design. */
  q3Key: Record<string, number[]>;
  /** Q4 priority list page, prod and its raw SQL floor; null when the actor may not read the list. */
  q4: Record<string, number[]> | null;
  reports: ReportsBench | { failed: string };
  stmts: Record<string, string[]>;
  naiveStmts: string[];
  scaleTimes: Record<string, Record<string, number[]>> | null;
  compareScale: ScaleName | null;
  plans: Array<{ scale: ScaleName; rows: PlanRow[] }>;
  load: LoadResult | null;
  stewardship: StewardshipResult | Failed;
}

const pass = (good: boolean) => (good ? 'PASS' : 'FAIL');

function databasePidOf(url: string): number | undefined {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return databasePid(parsed.hostname, Number(parsed.port || 3306));
}

/** The quick A/B table (`--q1-only`): Q1 p50 per design and its ratio to the floor, and the load. */
function reportQ1Only(
  q1: Record<number, Record<string, number[]>>,
  stmts: Record<string, string[]>,
  loads: Array<[string, LoadResult]>,
  cpu: Record<number, Record<string, Record<string, number | null>>>,
  opts: BenchOptions,
): void {
  const labels = Object.keys(q1[10]);
  const out: string[] = [`Q1 only, ${opts.samples} interleaved samples per cell: p50 (p50 / floor p50)`];
  out.push(
    table(
      ['N', ...labels, 'statements'],
      SIZES.map((n) => [
        String(n),
        ...labels.map(
          (l) => `${fmtMs(median(q1[n][l]))} (${(median(q1[n][l]) / median(q1[n].floor)).toFixed(2)}x)`,
        ),
        `${stmts[`Q1 N=${n}`].length}${stmts[`tree Q1 N=${n}`] ? ` / tree ${stmts[`tree Q1 N=${n}`].length}` : ''}`,
      ]),
    ),
  );
  const fmt = (ms: number | null | undefined) =>
    ms === null || ms === undefined ? 'n/a' : `${ms.toFixed(1)}`;
  out.push('CPU ms per sequential Q1 request: server / database / bench client');
  out.push(
    table(
      ['N', ...Object.keys(cpu[10])],
      SIZES.map((n) => [
        String(n),
        ...Object.values(cpu[n]).map(
          (c) => `${fmt(c.server)} / ${fmt(c.database)} / ${fmt(c['load generator'])}`,
        ),
      ]),
    ),
  );
  for (const [label, l] of loads)
    out.push(
      `load ${label}: ${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, ${l.errors} errors (${l.requests} requests), ` +
        `RSS peak ${fmtMb(l.rssPeak)}; ${cpuSummary(l)}`,
    );
  console.log(out.join('\n'));
}

function report(r: ReportInput): void {
  const p50 = (xs: number[] | undefined) => (xs ? median(xs) : NaN);
  const rows: string[][] = [];
  const n500 = r.q1[500];

  // 1. Authorization overhead.
  const ratio1 = p50(n500.prod) / p50(n500.bare);
  rows.push([
    '1 authorization overhead, Q1 N=500 p50 prod/bare',
    `${ratio1.toFixed(2)} (prod ${fmtMs(p50(n500.prod))}, bare ${fmtMs(p50(n500.bare))})`,
    '<= 1.20',
    pass(ratio1 <= 1.2),
  ]);

  // 2. Statements.
  const c10 = r.stmts['Q1 N=10'].length;
  const c500 = r.stmts['Q1 N=500'].length;
  rows.push([
    '2 SQL statements per request, Q1 N=10 / N=100 / N=500',
    `${c10} / ${r.stmts['Q1 N=100'].length} / ${c500} (Q2 ${r.stmts.Q2.length}, Q3 ${r.stmts.Q3.length}; naive N=500 ${r.naiveStmts.length || 'n/a'})`,
    '<= 6, equal',
    pass(c10 <= 6 && c500 <= 6 && c10 === c500),
  ]);

  // 3. Naive.
  if (n500.naive) {
    const ratio3 = p50(n500.naive) / p50(n500.prod);
    rows.push([
      '3 naive/prod, Q1 N=500 p50',
      `${ratio3.toFixed(1)}x (naive ${fmtMs(p50(n500.naive))}, prod ${fmtMs(p50(n500.prod))})`,
      '>= 5x',
      pass(ratio3 >= 5),
    ]);
  } else rows.push(['3 naive/prod, Q1 N=500 p50', 'skipped (--skip-naive)', '>= 5x', 'n/a']);

  // 4. Floor.
  for (const n of SIZES) {
    const ratio4 = p50(r.q1[n].prod) / p50(r.q1[n].floor);
    rows.push([
      `4 prod/floor (raw SQL via mysql2), Q1 N=${n} p50`,
      `${ratio4.toFixed(2)}x (prod ${fmtMs(p50(r.q1[n].prod))}, floor ${fmtMs(p50(r.q1[n].floor))}; ` +
        `without the count ${fmtMs(p50(r.q1[n]['floor-nocount']))})`,
      '<= 3x',
      pass(ratio4 <= 3),
    ]);
  }
  // Issue 18, target 1: close to the floor of all six statements (the five that return the data
  // and the read-audit insert the server commits before answering).
  const ratios18 = SIZES.map((n) => p50(r.q1[n].prod) / p50(r.q1[n]['floor+audit']));
  rows.push([
    'issue 18 target 1: prod/floor of all 6 statements (data + read audit), Q1 N=10 / 100 / 500 p50',
    `${ratios18.map((x) => `${x.toFixed(2)}x`).join(' / ')} (floor+audit ${SIZES.map((n) => fmtMs(p50(r.q1[n]['floor+audit']))).join(' / ')})`,
    '<= 1.5x',
    pass(ratios18.every((x) => x <= 1.5)),
  ]);

  // Issue 14: the priority list page with scores and names.
  if (r.q4) {
    const c4 = r.stmts[`Q4 N=${Q4_N}`].length;
    const ratioQ4 = p50(r.q4.prod) / p50(r.q4.floor);
    rows.push([`CE priority list Q4 N=${Q4_N}: SQL statements`, `${c4}`, '<= 5', pass(c4 <= 5)]);
    rows.push([
      `CE priority list Q4 N=${Q4_N}: p50 prod/floor (raw SQL via mysql2)`,
      `${ratioQ4.toFixed(2)}x (prod ${fmtMs(p50(r.q4.prod))}, floor ${fmtMs(p50(r.q4.floor))})`,
      '<= 2x',
      pass(ratioQ4 <= 2),
    ]);
  } else
    rows.push([
      `CE priority list Q4 N=${Q4_N}`,
      'skipped (the actor may not read the list)',
      '<= 5 statements, <= 2x floor',
      'n/a',
    ]);

  // 5 and 7. Load and memory.
  if (r.load) {
    const l = r.load;
    rows.push([
      `5 load: ${LOAD_CONNECTIONS} conns, ${r.opts.loadSeconds} s, Q1 N=${LOAD_N}`,
      `${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, ${l.errors} errors (${l.requests} requests); ${cpuSummary(l)}`,
      'p99 <= 250 ms, 0 errors',
      pass(l.p99 <= 250 && l.errors === 0),
    ]);
  } else rows.push([`5 load`, 'skipped (--skip-load)', 'p99 <= 250 ms, 0 errors', 'n/a']);

  // 6. Scale.
  if (r.scaleTimes && r.compareScale) {
    const small = r.opts.scale === '1m' ? r.compareScale : r.opts.scale;
    const big = r.opts.scale === '1m' ? r.opts.scale : r.compareScale;
    for (const n of ['10', '500']) {
      const t = r.scaleTimes[n];
      const ratio6 = p50(t[big]) / p50(t[small]);
      rows.push([
        `6 scale: Q1 N=${n} p50 ${big}/${small} clients`,
        `${ratio6.toFixed(2)} (${big} ${fmtMs(p50(t[big]))}, ${small} ${fmtMs(p50(t[small]))})`,
        '<= 1.5',
        pass(ratio6 <= 1.5),
      ]);
    }
  } else
    rows.push(['6 scale: Q1 p50 1m/100k clients', 'not run (no 1m data set; --scale 1m)', '<= 1.5', 'n/a']);
  if ('failed' in r.reports)
    rows.push(['8 reports p50 prod/floor', `failed: ${r.reports.failed}`, '<= 2x; statements equal', 'FAIL']);
  else
    for (const [name, b] of Object.entries(r.reports.times)) {
      const ratio = p50(b.prod) / p50(b.floor);
      const counts = r.reports.statements[name];
      rows.push([
        `8 report ${name} p50 prod/floor (raw SQL via mysql2)`,
        `${ratio.toFixed(2)}x (prod ${fmtMs(p50(b.prod))}, floor ${fmtMs(p50(b.floor))}); statements: one month ${counts.month} / one year ${counts.year}`,
        '<= 2x; statements equal',
        pass(ratio <= 2 && counts.month === counts.year),
      ]);
    }

  for (const plan of r.plans) {
    const scans = plan.rows.filter((p) => p.fullScan);
    rows.push([
      `6 EXPLAIN visibility predicates (${plan.scale})`,
      scans.length
        ? `full scans: ${scans.map((s) => `${s.statement}: ${s.table} ${s.type}${s.key !== '-' ? ` ${s.key}` : ''} ~${s.rows} rows`).join('; ')}`
        : 'no full table scan',
      'no full scan',
      pass(!scans.length),
    ]);
  }

  if (r.load) {
    rows.push([
      '7 server RSS under the load of 5',
      `peak ${fmtMb(r.load.rssPeak)}, median ${fmtMb(r.load.rssMedian)}`,
      '<= 400 MB',
      pass(r.load.rssPeak <= 400 * 1024 * 1024),
    ]);
  } else rows.push(['7 server RSS under load', 'skipped (--skip-load)', '<= 400 MB', 'n/a']);
  if (isFailed(r.stewardship))
    rows.push(['stewardship: duplicate check, queue, merge', `failed: ${r.stewardship.failed}`, '', 'FAIL']);
  else rows.push(...stewardshipRows(r.stewardship));

  if (isFailed(r.hudCsv)) rows.push(['HUD CSV export and import', `failed: ${r.hudCsv.failed}`, '', 'FAIL']);
  else if (r.hudCsv) rows.push(...hudCsvRows(r.hudCsv, fmtMb));
  else rows.push(['HUD CSV export and import', 'skipped (--skip-hud-csv)', '<= 2x floor, <= 300 MB', 'n/a']);

  // 8 and 9. Housing (issue 13).
  if (isFailed(r.housing)) rows.push(['8-9 housing', `failed: ${r.housing.failed}`, '', 'FAIL']);
  else if (r.housing) {
    const h = r.housing;
    const ratio = h.graphqlP50 / h.floorP50;
    rows.push([
      `8 bed board, ${h.beds} beds (${h.occupied} occupied): statements; p50 vs floor`,
      `${h.boardStatements} board statements (${h.statements} in all); ${ratio.toFixed(2)}x (graphql ${fmtMs(h.graphqlP50)}, floor ${fmtMs(h.floorP50)})`,
      '<= 4; <= 2x',
      pass(h.boardStatements <= 4 && ratio <= 2),
    ]);
    const b = h.burst;
    const good =
      b.answered === BURST_CHECK_INS &&
      !b.errors.length &&
      b.stays === b.ok &&
      b.bedNights === b.stays &&
      b.services === b.stays;
    rows.push([
      `9 check-in burst, ${BURST_CHECK_INS} by ${BURST_DESKS} desks`,
      `${b.answered} answered, ${b.ok} ok, ${b.conflicts} conflicts, ${b.errors.length} errors; stays ${b.stays}, bed nights ${b.bedNights}, bed-night services ${b.services}; p50 ${fmtMs(b.p50)}, ${b.ms} ms in all`,
      'all answered, no lost/doubled stay, bed nights = stays',
      pass(good),
    ]);
  } else rows.push(['8-9 housing', 'skipped (--skip-housing)', '', 'n/a']);

  const out: string[] = [];
  const d = r.info;
  out.push(
    `Waypoint bench: scale ${r.opts.scale}, seed ${r.opts.data.seed}, database ${r.opts.database}; ` +
      `${d.rows.client} clients, ${d.rows.enrollment} enrollments, ${d.rows.service} services, ${d.rows.organization} orgs, ${d.rows.information_release} MOUs, ${d.rows.app_user} users`,
  );
  out.push(
    `data set ${d.generated ? 'generated in this run' : `reused (generated ${d.generatedAt})`}: generation took ${d.generationSeconds.toFixed(1)} s`,
  );
  out.push(
    `MariaDB ${r.server.version}, buffer pool ${fmtGiB(r.server.bufferPoolBytes)}, innodb_flush_log_at_trx_commit=${r.server.flushLogAtTrxCommit}; ` +
      `Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  out.push(
    `user ${r.actor.username} (${r.actor.workgroup}) of ${r.actor.organizationCode}, MOU partners: ${r.actor.partners.length}; ` +
      `${r.opts.samples} interleaved samples per cell${r.scaleTimes ? `, ${r.opts.scaleSamples} per scale` : ''}`,
  );
  out.push('');
  out.push(table(['target', 'measured', 'limit', 'result'], rows));
  out.push('');
  const labels = Object.keys(r.q1[10]);
  out.push(
    'Q1 latency, p50 / p95 (sequential requests over HTTP; floor = raw SQL via mysql2, floor-nocount = without the count)',
  );
  out.push(
    table(
      ['N', ...labels],
      SIZES.map((n) => [
        String(n),
        ...labels.map((l) => `${fmtMs(median(r.q1[n][l]))} / ${fmtMs(percentile(r.q1[n][l], 95))}`),
      ]),
    ),
  );
  out.push('');
  out.push('Q2 detail and Q3 write, p50 / p95');
  const l23 = Object.keys(r.q2q3.Q2);
  out.push(
    table(
      ['query', ...l23],
      ['Q2', 'Q3'].map((q) => [
        q,
        ...l23.map((l) => `${fmtMs(median(r.q2q3[q][l]))} / ${fmtMs(percentile(r.q2q3[q][l], 95))}`),
      ]),
    ),
  );
  out.push('');
  out.push(
    `Q3 with and without Idempotency-Key, p50 / p95 (statements ${r.stmts.Q3.length} without, ${r.stmts['Q3 key'].length} with a key)`,
  );
  out.push(
    table(
      ['Q3', 'p50 / p95'],
      Object.entries(r.q3Key).map(([label, times]) => [
        label,
        `${fmtMs(median(times))} / ${fmtMs(percentile(times, 95))}`,
      ]),
    ),
  );
  out.push('');
  if (r.opts.tree) {
    const t = r.treeLoad;
    out.push(`tree = prod from ${r.opts.tree}${r.opts.treeDb ? ` on ${r.opts.treeDb}` : ''}:`);
    out.push(
      `  statements Q1 N=10 / N=500: ${r.stmts['tree Q1 N=10']?.length} / ${r.stmts['tree Q1 N=500']?.length}`,
    );
    if (t) {
      out.push(
        `  load: ${t.rps.toFixed(0)} req/s, p50 ${t.p50} ms, p99 ${t.p99} ms, ${t.errors} errors (${t.requests} requests); RSS peak ${fmtMb(t.rssPeak)}`,
      );
    }
    out.push('');
  }
  for (const key of [
    'Q1 N=10',
    'Q1 N=500',
    'Q2',
    'Q3',
    'Q3 key',
    ...(r.opts.tree ? ['tree Q1 N=10', 'tree Q1 N=500'] : []),
  ]) {
    out.push(`statements, prod ${key} (${r.stmts[key].length}):`);
    r.stmts[key].forEach((s, i) => out.push(`  ${i + 1}. ${describeStatement(s)}`));
  }
  if (!isFailed(r.stewardship)) {
    out.push(`statements, prod possibleDuplicates (${r.stewardship.checkStatements.length}):`);
    r.stewardship.checkStatements.forEach((s, i) => out.push(`  ${i + 1}. ${describeStatement(s)}`));
  }
  out.push('');
  for (const plan of r.plans) {
    out.push(`EXPLAIN, Q1 N=500 statements (${plan.scale}); ALL = full table scan, index = full index scan`);
    out.push(
      table(
        ['statement', 'table', 'type', 'key', 'rows'],
        plan.rows.map((p) => [p.statement, p.table, p.type, p.key, String(p.rows)]),
      ),
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});

interface ReportsBench {
  times: Record<string, Record<'prod' | 'floor', number[]>>;
  /** Statements of one request over one month and over one year (constant in the data covered). */
  statements: Record<string, { month: number; year: number }>;
}

/**
 * R1 and R2 against prod and their floor (floor.ts), interleaved, as the bench actor promoted to
 * AGENCY_STAFF_DATA_ANALYSIS for the duration (its access role is restored afterwards).
 */
async function benchReports(
  pool: Pool,
  prod: ServerProcess,
  actor: BenchActor,
  samples: number,
): Promise<ReportsBench> {
  const [before] = (
    await pool.query<RowDataPacket[]>('SELECT access_role FROM app_user WHERE id = ?', [actor.userId])
  )[0];
  await pool.query("UPDATE app_user SET access_role = 'AGENCY_STAFF_DATA_ANALYSIS' WHERE id = ?", [
    actor.userId,
  ]);
  try {
    const to = localToday();
    const year = addDays(to, -365);
    const month = addDays(to, -30);
    const r1 = (from: string) => ({ input: { from, to, groupBy: ['PROGRAM', 'MONTH'] } });
    const r2 = (from: string) => ({ input: { from, to } });
    const statements: ReportsBench['statements'] = {
      'R1 clientCounts program x month, 1 year': {
        month: (await prod.statements(() => ok(prod.url, R1, r1(month), actor.token))).length,
        year: (await prod.statements(() => ok(prod.url, R1, r1(year), actor.token))).length,
      },
      'R2 dataQuality, all programs, 1 year': {
        month: (await prod.statements(() => ok(prod.url, R2, r2(month), actor.token))).length,
        year: (await prod.statements(() => ok(prod.url, R2, r2(year), actor.token))).length,
      },
    };
    const times: ReportsBench['times'] = {
      'R1 clientCounts program x month, 1 year': (await sideBySide(
        {
          prod: async () => {
            const res = await post(prod.url, R1, r1(year), actor.token);
            checked('prod R1', res);
            return res.ms;
          },
          floor: async () => (await floorR1(pool, actor.token, year, to)).ms,
        },
        samples,
        'R1',
      )) as Record<'prod' | 'floor', number[]>,
      'R2 dataQuality, all programs, 1 year': (await sideBySide(
        {
          prod: async () => {
            const res = await post(prod.url, R2, r2(year), actor.token);
            checked('prod R2', res);
            return res.ms;
          },
          floor: async () => (await floorR2(pool, actor.token, year, to, actor.organizationId)).ms,
        },
        samples,
        'R2',
      )) as Record<'prod' | 'floor', number[]>,
    };
    return { times, statements };
  } finally {
    await pool.query('UPDATE app_user SET access_role = ? WHERE id = ?', [before.access_role, actor.userId]);
  }
}
