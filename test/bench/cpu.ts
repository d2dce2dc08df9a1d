/**
 * CPU time of the processes a load test keeps busy (Linux /proc), so the report can say where a
 * request's time goes: a 2-core machine serves at most 2000 / (server + database + load
 * generator CPU ms per request) requests a second, and at C connections the mean latency is
 * then at least C / that rate (Little's law).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** User + system CPU milliseconds a process has used, all threads; null where /proc is missing. */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * The local MariaDB/MySQL server process listening on `port`, when the database runs on this
 * machine: found by its listening socket (`ss`), since other mariadbd processes may run beside it
 * (a replication test's pair); else the only mariadbd/mysqld.
 */
export function databasePid(host: string, port = 3306): number | undefined {
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) return undefined;
  try {
    const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const match = /\("(?:mariadbd|mysqld)",pid=(\d+)/.exec(line);
    if (match) return Number(match[1]);
  } catch {
    // no ss here: fall back to the process name
  }
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pids = execFileSync('pidof', [name], { encoding: 'utf8' }).trim().split(/\s+/);
      if (pids.length === 1 && Number(pids[0])) return Number(pids[0]);
    } catch {
      // not running under this name
    }
  }
  return undefined;
}

/** CPU milliseconds each process spends while `work` runs. */
export async function cpuDuring(
  pids: Record<string, number | undefined>,
  work: () => Promise<void>,
): Promise<Record<string, number | null>> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuMs(pid)]));
  const self0 = process.cpuUsage();
  await work();
  const self = process.cpuUsage(self0);
  const out: Record<string, number | null> = { 'load generator': (self.user + self.system) / 1000 };
  for (const [k, pid] of Object.entries(pids)) {
    const after = processCpuMs(pid);
    out[k] = after === null || before[k] === null ? null : after - (before[k] as number);
  }
  return out;
}
