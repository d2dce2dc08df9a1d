/**
 * A CPU profile of the production server serving one Q1 page size only, and its CPU per
 * request: the quick look before and after a change (the bench's --cpu-prof mixes every page
 * size and design). Uses the bench's data set (run `npm run bench` once to load it).
 *
 *   node -r @swc-node/register test/bench/profile-q1.ts [--n 500] [--requests 60] [--no-prof]
 *   node -r @swc-node/register test/bench/profile-summary.ts /tmp/wp-bench-prof/<file>.cpuprofile
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { createDataSource } from '../../src/database/data-source';
import { ok } from './client';
import { cpuDuring, databasePid } from './cpu';
import { benchConfig } from './dataset';
import { openPool } from './floor';
import { databaseUrl, parseOptions } from './options';
import { Q1 } from './queries';
import { compileTree, startServerProcess } from './servers';
import { chooseActor, removeWritten, watermarks } from './setup';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const n = flag('--n', 500);
  const requests = flag('--requests', 60);
  const prof = !process.argv.includes('--no-prof');
  const opts = parseOptions([]);
  const url = databaseUrl(opts.serverUrl, opts.database);
  const pool = openPool(url);
  const config = benchConfig(url);
  const ds = await createDataSource(config).initialize();
  const marks = await watermarks(pool);
  compileTree();
  const server = await startServerProcess('prod', url, `q1-${n}`, prof);
  try {
    const actor = await chooseActor(pool, ds, config, server.url, false);
    for (let i = 0; i < 10; i++) await ok(server.url, Q1, { n }, actor.token);
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const split = (pid: number | undefined) => {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return { user: Number(f[11]) * 10, system: Number(f[12]) * 10 };
    };
    const before = split(server.child.pid);
    const used = await cpuDuring(
      { server: server.child.pid, database: databasePid(parsed.hostname, Number(parsed.port || 3306)) },
      async () => {
        for (let i = 0; i < requests; i++) await ok(server.url, Q1, { n }, actor.token);
      },
    );
    const after = split(server.child.pid);
    console.log(
      `server user ${((after.user - before.user) / requests).toFixed(1)} ms, system ${((after.system - before.system) / requests).toFixed(1)} ms per request`,
    );
    const per = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / requests).toFixed(1)} ms`);
    console.log(
      `Q1 N=${n}, ${requests} sequential requests: CPU per request server ${per(used.server)}, ` +
        `database ${per(used.database)}, client ${per(used['load generator'])}`,
    );
  } finally {
    await server.stop();
    await removeWritten(pool, ds, marks);
    await pool.end();
    await ds.destroy();
  }
  if (prof) console.log('profile written to /tmp/wp-bench-prof');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
