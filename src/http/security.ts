/**
 * HTTP-level protections of /graphql: response headers, CORS from an allow-list, and the shape
 * of the request body (batching). CSRF is Apollo Server's `csrfPrevention`: a request with a
 * "simple" content type (or none, as a GET has) must carry a header a browser only sends after
 * a CORS preflight, so a form or an <img> on another site cannot make a logged-in call.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { sendError } from './errors';

/** Headers for API responses: they hold client data, so nothing may cache, sniff, frame or embed them. */
export const apiHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
};

/**
 * CORS for front ends served from another origin: only the origins in CORS_ORIGINS (none by
 * default; `*` allows any). Tokens travel in the Authorization header, never in cookies, so
 * credentials are not enabled.
 */
export function corsPolicy(config: Pick<Config, 'corsOrigins'>): RequestHandler {
  const origins = config.corsOrigins;
  return cors({
    origin: origins.includes('*') ? true : origins.length ? origins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
    ],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}

/**
 * Request bodies Apollo can answer: Express 5 leaves `req.body` unset for a content type it
 * did not parse, which the Apollo integration would answer with a 500; an empty body lets
 * Apollo refuse it (CSRF, or a missing query) with a 400. Batched (array) bodies pass only when
 * GRAPHQL_MAX_BATCH allows them and they are not longer than it.
 */
export function bodyShape(config: Pick<Config, 'maxBatch'>): RequestHandler {
  return (req, res, next) => {
    if (req.body === undefined) req.body = {};
    if (
      Array.isArray(req.body) &&
      config.maxBatch > 0 &&
      (req.body.length === 0 || req.body.length > config.maxBatch)
    ) {
      return sendError(
        res,
        400,
        'BAD_REQUEST',
        'A batched request must hold at least one operation and not too many: send fewer per request.',
      );
    }
    next();
  };
}
