import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ErrorRequestHandler, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from '../graphql/context';

/**
 * Codes the HTTP layer adds to those of src/graphql/errors.ts. Like every code, they are API:
 * clients branch on them.
 */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'REQUEST_TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

export const LIMIT_CODE: HttpErrorCode = 'QUERY_TOO_COMPLEX';

export const INTERNAL_MESSAGE =
  'Internal server error. The request id in the response header x-request-id helps your administrator find it in the logs.';

const UNAVAILABLE_MESSAGE =
  'The database is unavailable at the moment; nothing was changed by this request. Try again shortly.';
const BUSY_MESSAGE = 'The database is busy; this request was rolled back and changed nothing. Try again.';

/** graphql-js messages about an argument or variable value: the caller's input is at fault. */
const VALUE_ERROR =
  /^(Expected value of type|Expected type|Enum "[^"]+" cannot represent|(Int|Float|String|Boolean|ID|LocalDate|DateTime) cannot represent|Value "[^"]*" does not exist|Field "[^"]+" of required type|Variable "[^"]+" got invalid value|Argument "[^"]+" of (required|non-null) type)/;

/** graphql-js's field, argument, type and enum suggestions: they would map the schema for anonymous callers. */
const SUGGESTION = /\s*Did you mean\b[\s\S]*$/;

/** The parser's token limit message names the limit. */
const TOKEN_LIMIT = /Document contains more (than|that) \d+ tokens/; // graphql-js 16 says "more that"

/** Driver error codes of a database that is down or unreachable, and of one that is busy. */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);
const BUSY = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

export const TIMEOUT_MESSAGE =
  'The request took too long and was stopped. Ask for less at once (a smaller page, fewer fields) and try again; ' +
  'if it was a change, reload the record first: it may or may not have been saved.';

/**
 * REQUEST_TIMEOUT: the request ran past REQUEST_TIMEOUT_MS, or the database stopped its
 * statement. With `wholeRequest`, where it fails the request as a whole (the context, before any
 * resolver), it carries its HTTP status, 503, as {@link databaseError} does.
 */
export function timeoutError({ wholeRequest = false } = {}): GraphQLError {
  return new GraphQLError(TIMEOUT_MESSAGE, {
    extensions: { code: 'REQUEST_TIMEOUT', ...(wholeRequest ? { http: { status: 503 } } : {}) },
  });
}

/**
 * Error numbers of a statement the database stopped before it finished: KILL QUERY (what the
 * server sends when a request times out, src/database/cancellation.ts) and the per-statement
 * ceilings an administrator may set on the database user.
 */
const INTERRUPTED = new Set([
  1317, // ER_QUERY_INTERRUPTED: "Query execution was interrupted" (KILL QUERY)
  1969, // MariaDB ER_STATEMENT_TIMEOUT: max_statement_time exceeded
  3024, // MySQL ER_QUERY_TIMEOUT: MAX_EXECUTION_TIME exceeded
]);

/**
 * `error` and what it wraps, outermost first: TypeORM's driverError, GraphQL's originalError, a
 * cause (each followed once, so a cycle ends).
 */
function* causes(error: unknown): Generator<{ code?: unknown; errno?: unknown; message?: unknown }> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    yield current as { code?: unknown; errno?: unknown; message?: unknown };
    const next = current as { driverError?: unknown; cause?: unknown; originalError?: unknown };
    current = next.driverError ?? next.originalError ?? next.cause;
  }
}

/** True when `error` (or what it wraps) is a statement the database interrupted. */
export function statementInterrupted(error: unknown): boolean {
  for (const { errno } of causes(error)) if (typeof errno === 'number' && INTERRUPTED.has(errno)) return true;
  return false;
}

/** 'down' or 'busy' when `error` (or what it wraps) is a database connection or lock failure. */
export function databaseTrouble(error: unknown): 'down' | 'busy' | null {
  for (const { code, message } of causes(error)) {
    if (typeof code === 'string' && UNAVAILABLE.has(code)) return 'down';
    if (typeof code === 'string' && BUSY.has(code)) return 'busy';
    if (typeof message === 'string' && /^Pool is closed|connect ETIMEDOUT|Connection lost/.test(message))
      return 'down';
  }
  return null;
}

const OUTCOME_UNKNOWN_MESSAGE =
  'The connection to the database was lost while this change was being saved: it may have been saved or not. ' +
  'Send the same request again with the same Idempotency-Key header (it will not be saved twice), ' +
  'or check whether the change is there before entering it again.';

/**
 * The connection dropped after COMMIT was sent and before its reply came back: the change may
 * have been saved. `extensions.outcome` says so to programs; the message says what to do.
 */
export function outcomeUnknownError(): GraphQLError {
  return new GraphQLError(OUTCOME_UNKNOWN_MESSAGE, {
    extensions: { code: 'SERVICE_UNAVAILABLE', outcome: 'UNKNOWN', http: { status: 503 } },
  });
}

/** A coded error for database trouble, with the HTTP status used where a whole request fails. */
export function databaseError(trouble: 'down' | 'busy'): GraphQLError {
  return new GraphQLError(trouble === 'down' ? UNAVAILABLE_MESSAGE : BUSY_MESSAGE, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  });
}

type Kind = 'intended' | 'request' | 'database' | 'interrupted' | 'unexpected';

function classify(error: unknown, formattedCode: unknown): Kind {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') return 'intended';
  // graphql-js's own word about the request as a whole (e.g. "Schema is not configured to
  // execute subscription operation"): not about a field, nothing thrown underneath.
  if (
    error instanceof GraphQLError &&
    !error.path &&
    !error.originalError &&
    error.extensions?.code === undefined
  )
    return 'request';
  if (databaseTrouble(original)) return 'database';
  if (statementInterrupted(original)) return 'interrupted';
  if (typeof formattedCode === 'string' && formattedCode !== 'INTERNAL_SERVER_ERROR') return 'intended';
  return 'unexpected';
}

/**
 * Shapes every error a caller sees: a code always, no stack trace, SQL or path outside
 * development mode, no schema suggestions, no limit values. Unexpected errors are logged by
 * {@link errorLogPlugin} (with the request id) and answered as INTERNAL_SERVER_ERROR.
 */
export function formatError(...args: [development: boolean] | [log: Logger, development: boolean]) {
  // The (log, development) form is kept for test/bench/harness.ts; logging moved to errorLogPlugin.
  const development = args.length === 1 ? args[0] : args[1];
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const message = formatted.message.replace(SUGGESTION, '');
    const cause = error instanceof GraphQLError ? error.originalError : undefined;
    if (cause instanceof GraphQLError && cause.extensions?.code === LIMIT_CODE) {
      return { message, extensions: { code: LIMIT_CODE } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(message)) {
      return {
        message: 'The query is too long. Ask for less in one request, or split it into several requests.',
        extensions: { code: LIMIT_CODE },
      };
    }
    if (code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_ERROR.test(message)) {
      return { message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const kind = classify(error, code);
    if (kind === 'request')
      return { message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
    if (kind === 'intended') {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message, extensions: development ? formatted.extensions : extensions };
    }
    if (kind === 'interrupted')
      return { message: TIMEOUT_MESSAGE, path: formatted.path, extensions: { code: 'REQUEST_TIMEOUT' } };
    const trouble = kind === 'database' ? databaseTrouble(unwrapResolverError(error)) : null;
    return {
      message: trouble ? databaseError(trouble).message : INTERNAL_MESSAGE,
      path: formatted.path,
      extensions: {
        code: trouble ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR',
        ...(development ? { detail: String((unwrapResolverError(error) as Error)?.message ?? error) } : {}),
      },
    };
  };
}

/** Logs errors nobody raised on purpose with the request's logger, which carries the request id. */
export const errorLogPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const kind = classify(error, error.extensions?.code);
          if (error.extensions?.outcome === 'UNKNOWN')
            contextValue.log.warn({ path: error.path }, 'connection lost during COMMIT: outcome unknown');
          else if (kind === 'unexpected')
            contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error');
          else if (kind === 'interrupted')
            contextValue.log.warn({ path: error.path }, 'statement interrupted: answered REQUEST_TIMEOUT');
          else if (kind === 'database')
            contextValue.log.warn(
              { err: unwrapResolverError(error), path: error.path },
              'database unavailable',
            );
        }
      },
    };
  },
};

/** Answers in the GraphQL error shape, for requests that fail before GraphQL sees them. */
export function sendError(res: Response, status: number, code: HttpErrorCode, message: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * The last Express error handler: body-parser failures (malformed JSON, too large, bad
 * charset) become 4xx answers with a code; anything else a logged 500 without details.
 * Express's default handler would answer HTML with a stack trace.
 */
export function httpErrorHandler(development: boolean): ErrorRequestHandler {
  return (err: { status?: unknown; type?: unknown; message?: unknown }, req, res, _next) => {
    // A late write after REQUEST_TIMEOUT already answered: nothing left to tell the caller.
    if (res.headersSent) {
      req.log?.debug({ err }, 'error after the response was sent');
      return;
    }
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 413) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    if (err.type === 'entity.parse.failed')
      return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (status < 500)
      return sendError(
        res,
        status,
        'BAD_REQUEST',
        'The request could not be read (check its content type, encoding and body).',
      );
    req.log?.error({ err }, 'unexpected error');
    sendError(
      res,
      500,
      'INTERNAL_SERVER_ERROR',
      development ? `${INTERNAL_MESSAGE} (${String(err.message)})` : INTERNAL_MESSAGE,
    );
  };
}
