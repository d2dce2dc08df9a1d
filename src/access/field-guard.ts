import type { GraphQLFieldResolver } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import type { RequestContext } from '../graphql/context';
import { FIELD_RULES, type Denied, type FieldRule } from './permissions';
import { clientIdOf, mayReadField } from './read-policy';
import { recordType } from './record-types';

const EMPTY_CONNECTION = Object.freeze({
  edges: [],
  totalCount: 0,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
});

function deniedValue(denied: Denied): unknown {
  if (denied === 'emptyList') return [];
  if (denied === 'emptyConnection') return EMPTY_CONNECTION;
  return null;
}

function guard(typeName: string, field: string, rule: FieldRule): IMiddlewareFunction {
  const coordinate = `${typeName}.${field}`;
  const type = recordType(typeName);
  // Deliberately synchronous: no promise is created unless the field's own resolver makes one.
  const middleware = (
    resolve: GraphQLFieldResolver<unknown, RequestContext>,
    parent: unknown,
    args: unknown,
    ctx: RequestContext,
    info: Parameters<GraphQLFieldResolver<unknown, RequestContext>>[3],
  ) => {
    if (!mayReadField(ctx.access, rule)) return deniedValue(rule.denied);
    if (rule.sensitive) {
      ctx.reads.field(coordinate);
      // The client whose field this is, however the row was reached (a query, a mutation's
      // payload): the read audit names it (§6).
      if (type && parent) {
        const clientId = clientIdOf(type, parent as Record<string, unknown>);
        if (clientId !== null) ctx.reads.client(clientId);
      }
    }
    return resolve(parent, args, ctx, info);
  };
  return middleware as unknown as IMiddlewareFunction;
}

/**
 * graphql-middleware field map for the sensitive fields of FIELD_RULES: a caller without the
 * capability gets null (or an empty list/connection), never an error, and the parent stays.
 */
export function fieldGuards(): Record<string, Record<string, IMiddlewareFunction>> {
  const map: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const [type, fields] of Object.entries(FIELD_RULES)) {
    map[type] = {};
    for (const [field, rule] of Object.entries(fields)) map[type][field] = guard(type, field, rule);
  }
  return map;
}
