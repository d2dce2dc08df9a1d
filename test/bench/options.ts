/**
 * Bench options, from flags (`npm run bench -- --scale 1m`) or the environment (BENCH_*).
 *
 *   --scale 100k|1m|small   data set size (default 100k: 100,000 clients, 250,000 enrollments,
 *                           1,000,000 services, 20 orgs, 40 MOUs, 200 users)
 *   --clients N             override the number of clients of the scale
 *   --seed N                generator seed (default 42)
 *   --db NAME               MariaDB database (default wp_bench, wp_bench_1m, wp_bench_small)
 *   --reload                regenerate even when the database holds the same seed and scale
 *   --samples N             timed requests per query and design (default 30)
 *   --scale-samples N       timed requests per scale for target 6 (default 7: at 1m a request takes seconds)
 *   --load-seconds N        autocannon duration (default 20)
 *   --load-rounds N         bench:replica only: load runs per server, alternating (default 1)
 *   --skip-load             skip the autocannon run (targets 5 and 7)
 *   --skip-hud-csv          skip the HUD CSV export/import rows
 *   --skip-naive            skip the naive design (target 3)
 *   --q1-only               only Q1 (targets 1-4) and its load (5, 7): the quick A/B of a change with --tree
 *   --skip-housing          skip the housing rows (targets 8 and 9: bed board, check-in burst)
 *   --keep-db-settings      leave the server's buffer pool as it is (see server-settings.ts)
 *   --compare-scale NAME    the other scale for target 6, loaded if missing (default: 1m compares with
 *                           100k; 100k compares with 1m when that data set is already loaded)
 *   --compare-db NAME       the other scale's database (default wp_bench / wp_bench_1m)
 *   --cpu-prof              run the prod server child with --cpu-prof (profiles in /tmp/wp-bench-prof)
 *   --tree PATH             also run prod from another source tree (a copy with a proposed change and
 *                           test/bench copied in), side by side as design "tree"
 *   --tree-db NAME          ... against this database instead (same data set plus e.g. an index)
 *
 * BENCH_NODE_FLAGS adds node flags to the server processes (e.g. --max-semi-space-size=64); BENCH_TREE_NODE_FLAGS to the `tree` design only.
 * The MariaDB server comes from BENCH_DATABASE_URL, else DATABASE_URL, else root@127.0.0.1:3306;
 * only the host and credentials are used, the database name is the bench's own.
 */
import type { SyntheticOptions } from '../../seeds/synthetic';
import { SYNTHETIC_DEFAULTS } from '../../seeds/synthetic';

export type ScaleName = 'small' | '100k' | '1m';

export type ScaleOptions = Omit<SyntheticOptions, 'password' | 'today' | 'bulk' | 'onTable'>;

export const SCALES: Record<ScaleName, ScaleOptions> = {
  small: { ...SYNTHETIC_DEFAULTS, clients: 2_000 },
  '100k': { ...SYNTHETIC_DEFAULTS, clients: 100_000 },
  '1m': { ...SYNTHETIC_DEFAULTS, clients: 1_000_000 },
};

export interface BenchOptions {
  scale: ScaleName;
  data: ScaleOptions;
  database: string;
  serverUrl: string;
  reload: boolean;
  samples: number;
  scaleSamples: number;
  loadSeconds: number;
  /** bench:replica: load runs per server, alternating primary only / with replica. */
  loadRounds: number;
  skipLoad: boolean;
  /** Skip the HUD CSV export/import rows (issue 12). */
  skipHudCsv: boolean;
  skipNaive: boolean;
  /** Only Q1 and its load: the quick A/B run (`--tree`). */
  q1Only: boolean;
  keepDbSettings: boolean;
  compareScale: ScaleName | null;
  compareDb: string | null;
  cpuProf: boolean;
  tree: string | null;
  treeDb: string | null;
}

function flagValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function scaleName(raw: string | undefined, fallback: ScaleName | null): ScaleName | null {
  if (raw === undefined || raw === '') return fallback;
  const name = raw.toLowerCase();
  if (name === 'small' || name === '100k' || name === '1m') return name;
  throw new Error(`unknown scale "${raw}": small | 100k | 1m`);
}

/** The MariaDB server URL with the given database name. */
export function databaseUrl(server: string, database: string): string {
  const url = new URL(server.replace(/^mariadb:/, 'mysql:'));
  url.pathname = `/${database}`;
  return `mariadb:${url.toString().slice('mysql:'.length)}`;
}

export function parseOptions(args: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const known = new Set([
    '--scale',
    '--clients',
    '--seed',
    '--db',
    '--reload',
    '--samples',
    '--scale-samples',
    '--load-seconds',
    '--load-rounds',
    '--skip-load',
    '--skip-hud-csv',
    '--skip-naive',
    '--q1-only',
    '--skip-housing',
    '--keep-db-settings',
    '--compare-scale',
    '--compare-db',
    '--cpu-prof',
    '--tree',
    '--tree-db',
  ]);
  for (const a of args) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}`);
  const scale = scaleName(flagValue(args, '--scale') ?? env.BENCH_SCALE, '100k') as ScaleName;
  const data: ScaleOptions = { ...SCALES[scale] };
  data.clients = positiveInt('--clients', flagValue(args, '--clients') ?? env.BENCH_CLIENTS, data.clients);
  data.seed = positiveInt('--seed', flagValue(args, '--seed') ?? env.BENCH_SEED, data.seed);
  const custom = data.clients !== SCALES[scale].clients || data.seed !== SCALES[scale].seed;
  const database =
    flagValue(args, '--db') ??
    env.BENCH_DB ??
    (scale === '100k' ? 'wp_bench' : `wp_bench_${scale}`) + (custom ? `_c${data.clients}_s${data.seed}` : '');
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`unsupported database name "${database}"`);
  const defaultCompare = scale === '1m' ? '100k' : null;
  return {
    scale,
    data,
    database,
    serverUrl: env.BENCH_DATABASE_URL || env.DATABASE_URL || 'mariadb://root@127.0.0.1:3306/',
    reload: args.includes('--reload') || env.BENCH_RELOAD === '1',
    samples: positiveInt('--samples', flagValue(args, '--samples') ?? env.BENCH_SAMPLES, 30),
    scaleSamples: positiveInt(
      '--scale-samples',
      flagValue(args, '--scale-samples') ?? env.BENCH_SCALE_SAMPLES,
      7,
    ),
    loadSeconds: positiveInt(
      '--load-seconds',
      flagValue(args, '--load-seconds') ?? env.BENCH_LOAD_SECONDS,
      20,
    ),
    loadRounds: positiveInt('--load-rounds', flagValue(args, '--load-rounds') ?? env.BENCH_LOAD_ROUNDS, 1),
    skipLoad: args.includes('--skip-load'),
    skipHudCsv: args.includes('--skip-hud-csv'),
    skipNaive: args.includes('--skip-naive'),
    q1Only: args.includes('--q1-only'),
    keepDbSettings: args.includes('--keep-db-settings'),
    compareScale: scaleName(flagValue(args, '--compare-scale') ?? env.BENCH_COMPARE_SCALE, defaultCompare),
    compareDb: flagValue(args, '--compare-db') ?? null,
    cpuProf: args.includes('--cpu-prof'),
    tree: flagValue(args, '--tree') ?? null,
    treeDb: flagValue(args, '--tree-db') ?? null,
  };
}
