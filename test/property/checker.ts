/**
 * Shared pieces of the checks: a mismatch collector with counters, requests that retry a busy
 * database, and logging in as a world's user with the generated context (checking §2.2).
 */
import type { Api, GraphQLResponse } from '../support/api';
import type { LoadEnv, LoadedWorld } from './load-world';
import { contextSelectedAtLogin } from './reference-model';
import type { UserW, World } from './world';

export interface RunStats {
  worlds: number;
  users: number;
  records: number;
  requests: number;
  comparisons: number;
  laterChanges: number;
  leadUsers: number;
}

export function newStats(): RunStats {
  return { worlds: 0, users: 0, records: 0, requests: 0, comparisons: 0, laterChanges: 0, leadUsers: 0 };
}

/** Collects every difference between the API and the model for one world. */
export class Checker {
  readonly mismatches: string[] = [];

  constructor(readonly stats: RunStats) {}

  /** Compares as JSON (arrays of ids are sorted by the caller). */
  eq(what: string, actual: unknown, expected: unknown): boolean {
    this.stats.comparisons++;
    const a = JSON.stringify(actual ?? null);
    const e = JSON.stringify(expected ?? null);
    if (a !== e) this.mismatches.push(`${what}: API ${a}, model ${e}`);
    return a === e;
  }

  fail(what: string): void {
    this.mismatches.push(what);
  }
}

/** A logged-in user of the world with its active context selected. */
export interface UserSession {
  index: number;
  user: UserW;
  token: string;
  label: string;
}

export const codesOf = (res: GraphQLResponse) => (res.errors ?? []).map((e) => String(e.extensions?.code));

/** Answers "busy, rolled back, try again" (SERVICE_UNAVAILABLE) retried, as a client should. */
export const busyRetries = { count: 0 };

/**
 * Posts a request, retrying while the server answers that the database was busy and nothing
 * changed (with worlds side by side, MariaDB deadlocks happen; see the report in the summary).
 */
export async function send(
  api: Api,
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<GraphQLResponse<Record<string, any>>> {
  for (let attempt = 1; ; attempt++) {
    const res = await api.post(query, variables, token);
    if (attempt === 5 || !codesOf(res).includes('SERVICE_UNAVAILABLE')) return res;
    busyRetries.count++;
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
  }
}

export async function post(
  env: LoadEnv,
  stats: RunStats,
  query: string,
  token: string,
): Promise<GraphQLResponse<Record<string, any>>> {
  stats.requests++;
  return send(env.api, query, {}, token);
}

/**
 * Logs in through the API. §2.2: with exactly one workgroup and one login org the context is
 * selected at login; otherwise the session waits for selectContext.
 */
export async function loginAs(
  env: LoadEnv,
  w: World,
  ids: LoadedWorld,
  index: number,
  c: Checker,
): Promise<UserSession | null> {
  const user = w.users[index];
  const label = `U${index} as O${user.activeOrg}/G${user.activeWorkgroup}`;
  c.stats.requests++;
  const res = await send(
    env.api,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token me { state activeOrganization { id } activeWorkgroup { id } } } }',
    { u: ids.usernames[index], p: env.password },
    null,
  );
  if (!res.data?.login) {
    c.fail(`${label}: login failed: ${JSON.stringify(res.errors)}`);
    return null;
  }
  const { token, me } = res.data.login as {
    token: string;
    me: { state: string; activeOrganization: { id: string } | null; activeWorkgroup: { id: string } | null };
  };
  const orgId = String(ids.orgIds[user.activeOrg]);
  const wgId = String(ids.workgroupIds[user.activeWorkgroup]);
  if (contextSelectedAtLogin(user)) {
    c.eq(
      `${label}: context selected at login (state, org, workgroup)`,
      [me.state, me.activeOrganization?.id, me.activeWorkgroup?.id],
      ['READY', orgId, wgId],
    );
    if (me.state === 'READY') return { index, user, token, label };
  } else {
    c.eq(`${label}: state after login`, me.state, 'NEEDS_CONTEXT');
  }
  const selected = await post(
    env,
    c.stats,
    `mutation { selectContext(workgroupId: "${wgId}", organizationId: "${orgId}") { state } }`,
    token,
  );
  if (!c.eq(`${label}: selectContext`, selected.data?.selectContext?.state ?? selected.errors, 'READY'))
    return null;
  return { index, user, token, label };
}

const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
export { sorted };
