/**
 * Target 5's load: autocannon, 32 connections, Q1 at N=20 against one server process, with its
 * resident memory sampled in its own process and the CPU time of the server and of the given
 * database processes read from /proc before and after (cpu.ts). Used by run.ts (target 5) and
 * replica.ts (the same load without and with a read replica).
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { cpuDuring } from './cpu';
import { Q1 } from './queries';
import type { ServerProcess } from './servers';
import { median } from './stats';

export const LOAD_N = 20;
export const LOAD_CONNECTIONS = 32;

export interface LoadResult {
  /** CPU ms per completed request: server (all threads), each database process, load generator. */
  cpuPerRequest: Record<string, number | null>;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  rssPeak: number;
  rssMedian: number;
}

/** Runs the load for `seconds` against `server`; `databases` are the processes whose CPU counts too. */
export async function loadTest(
  server: ServerProcess,
  runToken: string,
  seconds: number,
  databases: Record<string, number | undefined>,
): Promise<LoadResult> {
  const token = server.token ?? runToken;
  let graphqlErrors = 0;
  let result: autocannon.Result | undefined;
  let cpu: Record<string, number | null> = {};
  const samples = await server.rss(async () => {
    cpu = await cpuDuring({ server: server.child.pid, ...databases }, async () => {
      result = await autocannon({
        url: `${server.url}/graphql`,
        connections: LOAD_CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: Q1, variables: { n: LOAD_N } }),
            onResponse: (_status: number, body: string) => {
              if (body.includes('"errors"')) graphqlErrors++;
            },
          },
        ],
      });
    });
  });
  const r = result as autocannon.Result;
  const perRequest = Object.fromEntries(
    Object.entries(cpu).map(([k, ms]) => [k, ms === null ? null : ms / Math.max(1, r.requests.total)]),
  );
  return {
    cpuPerRequest: perRequest,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx + graphqlErrors,
    requests: r.requests.total,
    rssPeak: Math.max(...samples),
    rssMedian: median(samples),
  };
}

/**
 * CPU per request under load and what it allows on this machine: at most cores x 1000 / (total
 * CPU ms per request) requests a second, so at least connections / that rate of mean latency.
 */
export function cpuSummary(l: LoadResult): string {
  const parts = Object.entries(l.cpuPerRequest).filter((e): e is [string, number] => e[1] !== null);
  if (!parts.length) return 'CPU per request not measured';
  const total = parts.reduce((t, [, ms]) => t + ms, 0);
  const ceiling = (os.cpus().length * 1000) / total;
  return (
    `CPU per request ${parts.map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(' + ')} = ${total.toFixed(1)} ms: ` +
    `at most ${ceiling.toFixed(0)} req/s on ${os.cpus().length} cores, so a mean latency of at least ` +
    `${((LOAD_CONNECTIONS / ceiling) * 1000).toFixed(0)} ms at ${LOAD_CONNECTIONS} connections`
  );
}
