/**
 * Fixtures for the administration and lifecycle specs (issue 4): a demo app per spec file and
 * small helpers that talk to the real HTTP API, the way an administration front end would.
 */
import type { GraphQLResponse } from '../support/api';
import { startTestApp, type TestApp } from '../support/app';

export { startTestApp, type TestApp };

export const DEMO_PASSWORD = process.env.SEED_PASSWORD || 'waypoint-demo';

/** A password that satisfies the policy (long, not common, not the username). */
export const GOOD_PASSWORD = 'lantern-orchard-47-quietly';

/** The first error of a response, flattened for assertions. */
export function firstError(res: GraphQLResponse): { code: string; message: string } | null {
  const e = res.errors?.[0];
  return e ? { code: String(e.extensions?.code), message: e.message } : null;
}

/** Runs `query` and expects it to fail with `code`; returns the message. */
export async function refused(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
  code: string,
): Promise<string> {
  const res = await app.api.post(query, variables, token);
  const error = firstError(res);
  if (!error) throw new Error(`expected ${code}, got data ${JSON.stringify(res.data)}`);
  expect(error.code).toBe(code);
  return error.message;
}

export const USER_FIELDS = `id username displayName status accessRole mustChangePassword deactivationReason lockedUntil failedLoginCount
  workgroups { id name } assignments { organization { id code } canLogin canEdit agencyLead } trainings { course completedOn } missingTrainings`;

export const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { temporaryPassword user { ${USER_FIELDS} } } }`;

/** Logs in as the demo administrator (System Administrators at ADM, selected at login). */
export function asAdmin(app: TestApp): Promise<string> {
  return app.api.login('admin');
}

/** A user's id by username, read directly (test bookkeeping only). */
export async function userId(app: TestApp, username: string): Promise<number> {
  const rows: { id: number | string }[] = await app.db.ds.query(
    'SELECT id FROM app_user WHERE username = ?',
    [username],
  );
  return Number(rows[0].id);
}

/** Logs in with a password and returns the raw response (to assert refusals). */
export function loginRaw(app: TestApp, username: string, password: string) {
  return app.api.post(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token me { state } } }',
    { u: username, p: password },
  );
}
