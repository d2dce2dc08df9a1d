/** Starts and talks to server-child.ts processes. */
import { fork, type ChildProcess } from 'node:child_process';
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

export async function startServerProcess(
  mode: ServerMode,
  databaseUrl: string,
  label: string = mode,
  cpuProf = false,
  /** Source tree to run (default this one): another checkout with test/bench copied in. */
  root = path.join(__dirname, '../..'),
): Promise<ServerProcess> {
  const execArgv = ['-r', '@swc-node/register'];
  if (cpuProf) {
    const dir = '/tmp/wp-bench-prof';
    fs.mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`);
  }
  const child = fork(path.join(root, 'test/bench/server-child.ts'), [], {
    cwd: root,
    execArgv,
    env: { ...process.env, BENCH_MODE: mode, BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
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
