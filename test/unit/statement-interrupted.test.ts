/**
 * A statement the database stopped (KILL QUERY when its request timed out, or a ceiling set on
 * the database user) is answered REQUEST_TIMEOUT with the timeout's message: never
 * INTERNAL_SERVER_ERROR, a stack trace or the SQL.
 */
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { databaseTrouble, formatError, statementInterrupted, TIMEOUT_MESSAGE } from '../../src/http/errors';

const SQL = 'SELECT secret FROM client c JOIN client_reach cr ON cr.client_id = c.id';

/** A driver error as mysql2 raises it, wrapped as TypeORM and then graphql-js wrap it. */
function resolverError(code: string, errno: number, message: string) {
  const driver = Object.assign(new Error(message), { code, errno, sqlState: '70100', sql: SQL });
  const failed = new QueryFailedError(SQL, [], driver);
  const error = new GraphQLError(failed.message, { path: ['clients'], originalError: failed });
  const formatted = {
    message: failed.message,
    path: ['clients'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: String(failed.stack).split('\n') },
  };
  return { error, formatted, failed };
}

const INTERRUPTED: [string, string, number, string][] = [
  ['KILL QUERY (MariaDB, MySQL)', 'ER_QUERY_INTERRUPTED', 1317, 'Query execution was interrupted'],
  [
    "MariaDB's max_statement_time",
    'ER_STATEMENT_TIMEOUT',
    1969,
    'Query execution was interrupted (max_statement_time exceeded)',
  ],
  [
    "MySQL's MAX_EXECUTION_TIME",
    'ER_QUERY_TIMEOUT',
    3024,
    'Query execution was interrupted, maximum statement execution time exceeded',
  ],
];

describe('a statement the database interrupted', () => {
  test.each(INTERRUPTED)(
    '%s: REQUEST_TIMEOUT with the timeout message, nothing internal',
    (_name, code, errno, message) => {
      const { error, formatted, failed } = resolverError(code, errno, message);
      expect(statementInterrupted(failed)).toBe(true);
      // Not "the database is down": a replica whose statement was stopped stays in use.
      expect(databaseTrouble(failed)).toBeNull();
      for (const development of [false, true]) {
        const shaped = formatError(development)(formatted, error);
        expect(shaped).toEqual({
          message: TIMEOUT_MESSAGE,
          path: ['clients'],
          extensions: { code: 'REQUEST_TIMEOUT' },
        });
      }
    },
  );

  test('any other statement failure is still an unexpected error', () => {
    const { error, formatted, failed } = resolverError(
      'ER_PARSE_ERROR',
      1064,
      'You have an error in your SQL syntax',
    );
    expect(statementInterrupted(failed)).toBe(false);
    expect(formatError(false)(formatted, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
