/**
 * The per-request time limit (REQUEST_TIMEOUT_MS). When a request runs past it, the caller is
 * answered at once with REQUEST_TIMEOUT (HTTP 503), resolvers that have not started yet refuse
 * to start, and on MySQL/MariaDB the request's SQL stops too: the statements it is running are
 * killed and it may start no more (src/database/cancellation.ts). A mutation's transaction is
 * then rolled back, unless its COMMIT had already gone out: a mutation that timed out may or may
 * not have been saved, and its `version` tells which after a reload.
 */
import type { RequestHandler } from 'express';
import { defaultFieldResolver, getNamedType, isLeafType, isObjectType, type GraphQLSchema } from 'graphql';
import { sendError, TIMEOUT_MESSAGE, timeoutError } from './errors';

export { TIMEOUT_MESSAGE };

/** What the HTTP layer knows about a request that RequestContext does not carry. */
export interface RequestMeta {
  /** The client address (Express `req.ip`, see TRUST_PROXY). */
  ip: string;
  /** Set when the request ran out of time: no resolver starts any more. */
  timeout?: TimeoutState;
}

/** `res.locals.timeout` of a request under REQUEST_TIMEOUT_MS. */
export interface TimeoutState {
  expired: boolean;
  /** Called once when the time is up, after the answer went out (server.ts: cancel the request's SQL). */
  onExpire?: () => void;
}

/**
 * Kept on the context under a symbol: Apollo shallow-copies the context for each operation
 * (Object.assign copies symbol keys too), so a WeakMap keyed by the context would miss.
 */
const META = Symbol('waypoint.requestMeta');

type WithMeta = { [META]?: RequestMeta };

export function attachMeta(context: object, meta: RequestMeta): void {
  (context as WithMeta)[META] = meta;
}

export function metaOf(context: object): RequestMeta {
  return (context as WithMeta)[META] ?? { ip: 'unknown' };
}

/** Answers REQUEST_TIMEOUT when the response has not started after `ms`; `res.locals.timeout` says when it expired. */
export function requestTimeout(ms: number): RequestHandler {
  return (req, res, next) => {
    if (ms > 0) {
      const state: TimeoutState = { expired: false };
      res.locals.timeout = state;
      const timer = setTimeout(() => {
        state.expired = true;
        if (!res.headersSent) {
          req.log.warn({ timeoutMs: ms }, 'request timed out');
          sendError(res, 503, 'REQUEST_TIMEOUT', TIMEOUT_MESSAGE);
        }
        state.onExpire?.();
      }, ms);
      const clear = () => clearTimeout(timer);
      res.once('finish', clear);
      res.once('close', clear);
    }
    next();
  };
}

/**
 * Makes every resolver that does work (not graphql-js's plain property read) refuse to start
 * once its request has run out of time. The check is two property reads, no clock.
 */
export function stopResolversAfterDeadline(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || resolve === defaultFieldResolver) continue;
      // Scalars and enums never start work of their own: leave the hot path of leaf fields
      // (thousands per list) unwrapped; the relations and root fields that do I/O are checked.
      if (isLeafType(getNamedType(field.type))) continue;
      field.resolve = (source, args, context, info) => {
        if ((context as WithMeta | undefined)?.[META]?.timeout?.expired) throw timeoutError();
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
