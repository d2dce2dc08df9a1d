/**
 * Login throttling per client address (issue 6), next to the per-account lockout of the login
 * service. Every `login` is registered in `login_attempt` before the password is checked; a
 * login that issues a token removes its row again, so only failures count. More than
 * LOGIN_IP_LIMIT rows from one address within LOGIN_IP_WINDOW_SECONDS and the login is refused
 * with TOO_MANY_REQUESTS (HTTP 429) without checking the password. The count lives in the
 * database: any number of API processes share it, and none keeps state between requests.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { sqlTimestamp } from '../database/sql-time';
import type { RequestContext } from '../graphql/context';
import { databaseError, databaseTrouble } from './errors';
import { LoginAttempt } from './login-attempt.entity';
import { metaOf } from './timeout';

type ThrottleConfig = Pick<Config, 'loginIpLimit' | 'loginIpWindowSeconds'>;

const tooMany = (config: ThrottleConfig) =>
  new GraphQLError('Too many failed logins from your network address. Wait a few minutes, then try again.', {
    extensions: {
      code: 'TOO_MANY_REQUESTS',
      http: { status: 429, headers: new HeaderMap([['retry-after', String(config.loginIpWindowSeconds)]]) },
    },
  });

/**
 * Registers one login attempt from `ip` and returns its row id, or throws TOO_MANY_REQUESTS
 * (leaving no row) when the address is over its limit. Attempts are ranked by id, so of a burst
 * of concurrent attempts exactly the first LOGIN_IP_LIMIT get through.
 */
export async function registerLoginAttempt(
  ds: DataSource,
  ip: string,
  config: ThrottleConfig,
  now = new Date(),
): Promise<number> {
  const since = sqlTimestamp(new Date(now.getTime() - config.loginIpWindowSeconds * 1000));
  // Housekeeping: rows older than the window never count again (uses the index on `at`). On
  // InnoDB this range delete takes gap locks and can deadlock with a concurrent login's delete
  // by id; it is only tidying, so a lock conflict is skipped and the next login tidies instead.
  await ds.query('DELETE FROM login_attempt WHERE at < ?', [since]).catch((err: unknown) => {
    if (!isLockConflict(err)) throw err;
  });
  const inserted = await ds.getRepository(LoginAttempt).insert({ ip, at: now });
  const id = Number(inserted.identifiers[0].id);
  const [{ n }] = await ds.query(
    'SELECT COUNT(*) AS n FROM login_attempt WHERE ip = ? AND at >= ? AND id <= ?',
    [ip, since, id],
  );
  if (Number(n) > config.loginIpLimit) {
    await ds.query('DELETE FROM login_attempt WHERE id = ?', [id]);
    throw tooMany(config);
  }
  return id;
}

export async function forgetLoginAttempt(ds: DataSource, id: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ds.query('DELETE FROM login_attempt WHERE id = ?', [id]);
      return;
    } catch (err) {
      // A deadlock victim is rolled back and safe to repeat (see the housekeeping above).
      if (!isLockConflict(err) || attempt === 3) throw err;
    }
  }
}

/** MySQL/MariaDB deadlock (1213) or lock wait timeout (1205). */
function isLockConflict(err: unknown): boolean {
  const errno =
    (err as { errno?: number; driverError?: { errno?: number } })?.driverError?.errno ??
    (err as { errno?: number })?.errno;
  return errno === 1213 || errno === 1205;
}

/** Response keys (alias or name) of the root fields called `name`, fragments included. */
export function rootFieldKeys(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  name: string,
): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const keys: string[] = [];
  // Each fragment once: a fragment spread twice at every level must not cost exponential time.
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === name) keys.push(s.alias?.value ?? name);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment);
      }
    }
  };
  walk(operation.selectionSet);
  return keys;
}

export function loginThrottlePlugin(config: ThrottleConfig): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let attempt: { id: number; key: string } | null = null;
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation || operation.operation !== 'mutation') return;
          const keys = rootFieldKeys(operation, document, 'login');
          if (keys.length === 0) return;
          // Aliases would otherwise try several passwords for the price of one request.
          if (keys.length > 1) {
            throw new GraphQLError('Send one login per request.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (config.loginIpLimit === 0) return;
          try {
            attempt = {
              id: await registerLoginAttempt(contextValue.ds, metaOf(contextValue).ip, config),
              key: keys[0],
            };
          } catch (err) {
            const trouble = databaseTrouble(err);
            throw trouble ? databaseError(trouble) : err;
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (!attempt || response.body.kind !== 'single') return;
          const data = response.body.singleResult.data as Record<string, unknown> | null | undefined;
          if (!data?.[attempt.key]) return;
          try {
            await forgetLoginAttempt(contextValue.ds, attempt.id);
          } catch (err) {
            contextValue.log.warn({ err }, 'could not clear a successful login attempt');
          }
        },
      };
    },
  };
}
