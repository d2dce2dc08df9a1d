import { GraphQLError } from 'graphql';

/**
 * Every error a caller can see carries `extensions.code`. Messages say what to do, never how
 * the server works inside.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'CONTEXT_REQUIRED'
  | 'AGREEMENT_REQUIRED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'TRAINING_REQUIRED'
  | 'INTERNAL_SERVER_ERROR';

export function appError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = () =>
  appError(
    'UNAUTHENTICATED',
    'Log in first: send "Authorization: Bearer <token>" with a token from the login mutation.',
  );

/** A bearer token was sent but its session is over (idle, expired, logged out or revoked). */
export const sessionEnded = () =>
  appError('UNAUTHENTICATED', 'Your session has ended: log in again with the login mutation.', {
    reason: 'SESSION_ENDED',
  });

/** Without a session: "log in first" when no token was sent, "your session has ended" when one was. */
export const noSession = (token: string | null | undefined) => (token ? sessionEnded() : unauthenticated());

export const forbidden = (what = 'this operation') =>
  appError('FORBIDDEN', `You do not have permission for ${what}.`);

/** Bad input, naming the field at fault (e.g. `input.entryDate`). */
export function badInput(field: string, message: string): GraphQLError {
  return appError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

export const conflict = (what: string) =>
  appError(
    'CONFLICT',
    `${what} was changed by someone else since you loaded it; reload it and apply your change again.`,
  );

/**
 * A record that may exist only once exists already (a unique code, name or number, one exit per
 * enrollment, ...): CONFLICT naming the field, like a concurrent request that saved it first.
 */
export function alreadyExists(field: string, message: string): GraphQLError {
  return appError('CONFLICT', `${field}: ${message}`, { field });
}
