/**
 * Helpers for the hardening suite: a real server over a fresh seeded database with config
 * overrides and a captured log, and raw HTTP requests (the shapes a front end would never send).
 */
import { Writable } from 'node:stream';
import type { Config } from '../../src/config';
import { startServer, type RunningServer } from '../../src/http/server';
import { seedDemo } from '../../seeds/demo';
import { Api } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/database';

export const PASSWORD = process.env.SEED_PASSWORD || 'waypoint-demo';

export type DemoIds = Awaited<ReturnType<typeof seedDemo>>;

/** Every JSON log line the server wrote. */
export class LogCapture extends Writable {
  readonly lines: Record<string, any>[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

export interface HardApp {
  db: TestDatabase;
  server: RunningServer;
  api: Api;
  ids: DemoIds;
  log: LogCapture;
  config: Config;
  close(): Promise<void>;
}

/** Like test/support/app's startTestApp, with config overrides and the log captured at debug level. */
export async function startHardApp(key: string, overrides: Partial<Config> = {}): Promise<HardApp> {
  const db = await createTestDatabase(`hard_${key}`);
  const ids = await seedDemo(db.ds, { password: db.config.seedPassword });
  const config: Config = { ...db.config, host: '127.0.0.1', ...overrides };
  const log = new LogCapture();
  const server = await startServer({
    config,
    dataSource: db.ds,
    port: 0,
    logLevel: 'debug',
    logStream: log,
    prepare: false,
  });
  return {
    db,
    server,
    api: new Api(server.url),
    ids,
    log,
    config,
    async close() {
      await server.close();
      await db.destroy();
    },
  };
}

/** Another server process-alike over the same database, with its own config (closed by the caller). */
export async function extraServer(
  app: HardApp,
  overrides: Partial<Config>,
): Promise<{ server: RunningServer; api: Api; log: LogCapture }> {
  const log = new LogCapture();
  const server = await startServer({
    config: { ...app.config, ...overrides },
    dataSource: app.db.ds,
    port: 0,
    logLevel: 'debug',
    logStream: log,
    prepare: false,
  });
  return { server, api: new Api(server.url), log };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/** One HTTP request with full control over method, headers and body. */
export async function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const res = await fetch(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** POST a JSON body to /graphql. */
export function postJson(
  base: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return raw(`${base}/graphql`, {
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** The error codes of a GraphQL response body. */
export function codesOf(res: RawResponse): string[] {
  return ((res.json?.errors ?? []) as { extensions?: { code?: string } }[]).map((e) =>
    String(e.extensions?.code),
  );
}

/** The heavy query a report builder legitimately sends (issue 6): it must pass every limit. */
export const HEAVY_QUERY = `{ clients(first: 500) { edges { node { id firstName lastName dob ssn enrollments { entryDate program { name } services(first: 10) { edges { node { dateProvided typeProvided } } } } } } } }`;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
