/** Starts and talks to server-child.ts processes. */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerMode } from './server-child';

export interface ServerProcess {
  mode: ServerMode;
  label: string;
  url: string;
  child: ChildProcess;
  /** The bearer token to use with this server when it is not the run's (another database). */
  token?: string;
  /** Runs `work` while the server records its SQL statements; returns them. */
  statements(work: () => Promise<unknown>): Promise<string[]>;
  /** Runs `work` while the server samples its resident memory every 100 ms. */
  rss(work: () => Promise<unknown>): Promise<number[]>;
  stop(): Promise<void>;
}

function reply<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`server child exited (${code}) while waiting for ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * The node flags of `npm start` (package.json; test/unit/start-flags.test.ts keeps the two
 * together): a 32 MB young generation, because a large page's response objects die young and a
 * 16 MB one copies them several times. 64 MB peaked at 393-420 MB of RSS under target 5's load
 * (32 MB: 328-334 MB) with the same CPU per request within the noise (README).
 */
export const START_NODE_FLAGS = ['--max-semi-space-size=32'];

/** Where compileTree puts a source tree's JavaScript (inside the tree, so node_modules resolve). */
export const BUILD_DIR = 'dist-bench';

/** Compiles a source tree (src, seeds and test) with its own tsc into `<root>/dist-bench`. */
export function compileTree(root = path.join(__dirname, '../..')): void {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', BUILD_DIR], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`tsc failed in ${root} (exit ${result.status})`);
}

export async function startServerProcess(
  mode: ServerMode,
  databaseUrl: string,
  label: string = mode,
  cpuProf = false,
  /** Source tree to run (default this one): another checkout with test/bench copied in. */
  root = path.join(__dirname, '../..'),
  /** More environment for the server (e.g. DATABASE_REPLICA_URLS, replica.ts). */
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // The servers run the JavaScript tsc emits (compileTree) with npm start's node flags, as
  // `npm start` runs dist/; BENCH_NODE_FLAGS adds more.
  // BENCH_TREE_NODE_FLAGS: flags for the `tree` design only (A/B of node flags on the same code).
  const extraFlags = `${process.env.BENCH_NODE_FLAGS ?? ''} ${label === 'tree' ? (process.env.BENCH_TREE_NODE_FLAGS ?? '') : ''}`;
  const execArgv = [...START_NODE_FLAGS, ...extraFlags.split(' ').filter(Boolean)];
  if (cpuProf) {
    const dir = '/tmp/wp-bench-prof';
    fs.mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`);
  }
  const child = fork(path.join(root, BUILD_DIR, 'test/bench/server-child.js'), [], {
    cwd: root,
    execArgv,
    env: {
      ...process.env,
      ...env,
      // The duplicate check's per-user limit (30 a minute) guards a real user; the bench times
      // the check itself, more often than that (the limit's own statement still runs).
      DUPLICATE_CHECKS_PER_MINUTE: process.env.DUPLICATE_CHECKS_PER_MINUTE ?? '1000000',
      BENCH_MODE: mode,
      BENCH_DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await reply<{ url: string }>(child, 'ready');
  return {
    mode,
    label,
    url: ready.url,
    child,
    async statements(work) {
      const started = reply(child, 'stmts:started');
      child.send({ cmd: 'stmts:start' });
      await started;
      try {
        await work();
      } finally {
        child.send({ cmd: 'stmts:stop' });
      }
      return (await reply<{ statements: string[] }>(child, 'stmts')).statements;
    },
    async rss(work) {
      const started = reply(child, 'rss:started');
      child.send({ cmd: 'rss:start' });
      await started;
      try {
        await work();
      } finally {
        child.send({ cmd: 'rss:stop' });
      }
      return (await reply<{ samples: number[] }>(child, 'rss')).samples;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ cmd: 'exit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
