import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

/** graphql-js messages about an argument or variable value: the caller's input is at fault. */
const VALUE_ERROR =
  /^(Expected value of type|Expected type|Enum "[^"]+" cannot represent|(Int|Float|String|Boolean|ID|LocalDate|DateTime) cannot represent|Value "[^"]*" does not exist|Field "[^"]+" of required type|Variable "[^"]+" got invalid value|Argument "[^"]+" of (required|non-null) type)/;

/**
 * Shapes every error a caller sees: a code always, no stack trace, SQL or path outside
 * development mode. Errors we did not raise on purpose are logged with the request id and
 * answered as INTERNAL_SERVER_ERROR.
 */
export function formatError(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    const intended = original instanceof GraphQLError && typeof original.extensions?.code === 'string';
    if (code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_ERROR.test(formatted.message)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (intended || (code && code !== 'INTERNAL_SERVER_ERROR')) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: development ? formatted.extensions : extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error. The request id in the response header x-request-id helps your administrator find it in the logs.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(development ? { detail: String((original as Error)?.message ?? original) } : {}) },
    };
  };
}
