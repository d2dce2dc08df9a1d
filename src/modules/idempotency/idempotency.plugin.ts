import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { requestScope } from '../../database/transactions';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { HEADER, MAX_KEY_LENGTH, requestHash } from './idempotency.service';

/**
 * Reads the Idempotency-Key header of a mutation sent with a session and hands it to the
 * request's writes (database/transactions.ts). On a query, and without a session (the mutation
 * is then refused as usual, or is `login`), the header is ignored. A key longer than 200
 * characters, or on an operation with several mutation fields, is refused before anything runs.
 */
export const idempotencyPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ request }) {
    const key = request.http?.headers.get('idempotency-key');
    if (key === undefined || key === null) return {};
    return {
      async didResolveOperation({ operation, contextValue, request: req }) {
        const access = contextValue.access;
        if (operation?.operation !== 'mutation' || !access) return;
        if (key.length === 0 || key.length > MAX_KEY_LENGTH)
          throw withStatus(badInput(HEADER, `send between 1 and ${MAX_KEY_LENGTH} characters`));
        const fields = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
        if (fields.length !== 1 || operation.selectionSet.selections.length !== 1)
          throw withStatus(badInput(HEADER, 'send one mutation field per request when you send this header'));
        const scope = requestScope.getStore();
        if (!scope) return;
        scope.idempotency = {
          userId: access.userId,
          key,
          hash: requestHash(req.query ?? '', req.operationName ?? null, req.variables ?? {}),
          hours: contextValue.config.idempotencyHours,
          access,
        };
      },
      async willSendResponse({ response }) {
        if (requestScope.getStore()?.idempotency?.replayed)
          response.http.headers.set('idempotency-replayed', 'true');
      },
    };
  },
};

function withStatus<E extends { extensions: Record<string, unknown> }>(error: E): E {
  (error.extensions as Record<string, unknown>).http = { status: 400 };
  return error;
}
