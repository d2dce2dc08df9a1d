import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { accessForToken, touchSession } from '../auth/session-store';
import { loadConfig, type Config } from '../config';
import { reportCsvRouter } from '../modules/report/report-csv';
import { dashboardRouter } from '../modules/report/dashboard';
import { createDataSource, databaseKind } from '../database/data-source';
import { ReadRouting } from '../database/replicas';
import { prepareDatabase } from '../../seeds/prepare';
import { ReadLog, type RequestContext } from '../graphql/context';
import { Loaders } from '../graphql/loaders';
import { compiledGateway } from '../graphql/executor';
import { buildAppSchema } from '../graphql/schema';
import { requestScope } from '../database/transactions';
import { cancelOnTimeout, RequestStatements, requestStatements } from '../database/cancellation';
import { flushReads } from '../modules/audit/audit.service';
import { sendHudCsvExport } from '../modules/hud-csv/export-http';
import { idempotencyPlugin } from '../modules/idempotency/idempotency.plugin';
import {
  databaseError,
  databaseTrouble,
  errorLogPlugin,
  formatError,
  httpErrorHandler,
  INTERNAL_MESSAGE,
  sendError,
  statementInterrupted,
  timeoutError,
} from './errors';
import { graphiqlRouter } from './graphiql';
import { introspectionPolicyPlugin, queryLimits } from './limits';
import { loginThrottlePlugin } from './login-throttle';
import { readRoutingPlugin } from './read-routing';
import { Metrics, metricsRoute } from './metrics';
import { apiHeaders, bodyShape, corsPolicy } from './security';
import { attachMeta, requestTimeout, stopResolversAfterDeadline, type TimeoutState } from './timeout';

export interface StartOptions {
  port?: number;
  logLevel?: string;
  /** Where the JSON log lines go (default stdout); tests read them from here. */
  logStream?: pino.DestinationStream;
  config?: Config;
  /** Use this data source (already initialized) instead of creating one. */
  dataSource?: DataSource;
  /** Migrate and seed the demo data when empty (default: for the embedded SQLite only). */
  prepare?: boolean;
  /** Read replicas to use instead of DATABASE_REPLICA_URLS (tests); closed by the caller. */
  replicas?: DataSource[];
}

export interface RunningServer {
  url: string;
  ds: DataSource;
  routing: ReadRouting;
  /** The separate metrics listener's URL, when METRICS_PORT is set. */
  metricsUrl?: string;
  /** The configuration the server runs with (tests change reportMinCell between requests). */
  config: Config;
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  return match ? match[1] : null;
}

const SAVED_UNSHOWN_MESSAGE =
  'Your change was saved, but it cannot be shown right now (the database did not record this read). Reload it shortly.';

/**
 * Writes the request's client-level reads to the audit log before the response leaves. When
 * that write fails, the response is withheld: no client data leaves without its audit record.
 * After a committed write it is tried once more, and if it still fails the answer says the
 * change was saved (`extensions.outcome: "SAVED"`), never that nothing was changed.
 */
const readAuditPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName, response, operation }) {
        // A query may commit too (a first count of visible clients): only a mutation's change is "saved".
        const committed = operation?.operation === 'mutation' && requestScope.getStore()?.committed === true;
        let failure: unknown = null;
        for (let attempt = 1; attempt <= (committed ? 2 : 1); attempt++) {
          try {
            // Outside the request's statement scope: what was resolved is logged (access model
            // §6) even when the request ran out of time and its other statements are refused.
            await requestStatements.exit(() => flushReads(contextValue, operationName ?? null));
            failure = null;
            break;
          } catch (err) {
            failure = err;
            const trouble = databaseTrouble(err);
            contextValue.log[trouble ? 'warn' : 'error'](
              { err, attempt, committed },
              committed && attempt === 1
                ? 'read audit failed after a committed write: retrying'
                : 'read audit failed: response withheld',
            );
            if (committed && attempt === 1) await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        if (failure === null) return;
        const trouble = databaseTrouble(failure);
        const error = committed
          ? new GraphQLError(SAVED_UNSHOWN_MESSAGE, {
              extensions: { code: 'SERVICE_UNAVAILABLE', outcome: 'SAVED' },
            })
          : trouble
            ? databaseError(trouble)
            : new GraphQLError(INTERNAL_MESSAGE, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
        response.body = {
          kind: 'single',
          singleResult: { errors: [{ message: error.message, extensions: { ...error.extensions } }] },
        };
        response.http.status = trouble || committed ? 503 : 500;
      },
    };
  },
};

/** Resolves with `promise`, or rejects after `ms` (a hung database must not hang /readyz). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** The session behind the request's bearer token; database trouble answers SERVICE_UNAVAILABLE (503), not a 500. */
async function sessionAccess(ds: DataSource, config: Config, req: express.Request, token: string | null) {
  if (!token) return null;
  try {
    const session = await accessForToken(ds, token, config);
    if (session?.touchDue) await touchSession(ds, session.access.facts.sessionId);
    return session ? { access: session.access, recentWrite: session.recentWrite } : null;
  } catch (err) {
    // Out of time: the statement was killed, or refused because the request had timed out.
    if (
      statementInterrupted(err) ||
      (err instanceof GraphQLError && err.extensions.code === 'REQUEST_TIMEOUT')
    )
      throw timeoutError({ wholeRequest: true });
    const trouble = databaseTrouble(err);
    req.log[trouble ? 'warn' : 'error']({ err }, 'session lookup failed');
    throw trouble
      ? databaseError(trouble)
      : new GraphQLError(INTERNAL_MESSAGE, {
          extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 500 } },
        });
  }
}

/**
 * Starts Waypoint: GraphQL at /graphql, GraphiQL at /graphiql, /healthz and /readyz. Stateless
 * apart from the database: any number of these processes can serve behind a load balancer.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const log = pino({ level: options.logLevel ?? config.logLevel }, options.logStream);
  const ds =
    options.dataSource ??
    (await createDataSource(config, { connectTimeoutMs: config.dbConnectTimeoutMs }).initialize());
  if (options.prepare ?? databaseKind(config) === 'sqlite') {
    const { migrated, seeded } = await prepareDatabase(ds, config);
    log.info({ migrated, seeded }, 'database prepared');
  }
  const routing = options.replicas
    ? new ReadRouting(ds, options.replicas)
    : ReadRouting.fromConfig(ds, config);
  await routing.start();
  // A timed-out request's statements are killed on MySQL/MariaDB (src/database/cancellation.ts).
  // Only here, for the API: the CLIs' long statements have no request time limit.
  if (config.requestTimeoutMs > 0)
    for (const d of [ds, ...routing.replicas.map((r) => r.ds)]) cancelOnTimeout(d);
  const metrics = new Metrics(
    () => [{ name: 'primary', ds }, ...routing.replicas.map((r) => ({ name: r.name, ds: r.ds }))],
    routing,
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const limits = queryLimits(config);
  const schema = stopResolversAfterDeadline(await buildAppSchema());
  const apollo = new ApolloServer<RequestContext>({
    ...(config.executor === 'jit' ? { gateway: compiledGateway(schema) } : { schema }),
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT (drain, close the database, exit 0). Apollo's own handlers
    // would race it, and a second concurrent stop() never returns (Apollo Server 5.5), so the
    // process would hang on a MySQL pool's open sockets.
    stopOnTerminationSignals: false,
    // Who may introspect is decided per request (introspectionPolicyPlugin), not here.
    introspection: true,
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: config.maxBatch > 0,
    // No automatic persisted queries: no client uses them, and they let anyone fill a server cache.
    persistedQueries: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: config.development,
    formatError: formatError(config.development),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      // GraphiQL is served at /graphiql from our own assets; Apollo's page would load a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the default cache-control plugin would wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      introspectionPolicyPlugin(config.introspection),
      loginThrottlePlugin(config),
      idempotencyPlugin,
      ...(routing.enabled ? [readRoutingPlugin(routing)] : []),
      readAuditPlugin,
      errorLogPlugin,
      metrics.plugin,
    ],
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger: log,
      // Each line of a request carries its id as `reqId`; the completion line names the request
      // without headers (tokens) or query string (GET variables can hold client names).
      quietReqLogger: true,
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // 503 (database down, timeouts) is expected while it lasts: warn; other 5xx are errors.
      customLogLevel: (_req, res, err) =>
        res.statusCode >= 500 && res.statusCode !== 503
          ? 'error'
          : err || res.statusCode >= 400
            ? 'warn'
            : 'info',
      // The completion line of a failed request names the status, without a made-up stack trace.
      customErrorObject: (_req, _res, _err, value: Record<string, unknown>) => ({ ...value, err: undefined }),
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
    }),
  );
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  let draining = false;
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (draining) return void res.status(503).json({ status: 'shutting down' });
    try {
      await within(ds.query('SELECT 1'), 2000);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', metricsRoute(metrics, config.metricsToken));
  app.use(graphiqlRouter({ endpoint: '/graphql' }));
  // The HUD HMIS CSV export streams a zip (issue 12): outside GraphQL, read through the read policy.
  app.get('/exports/hud-csv', apiHeaders, async (req, res, next) => {
    try {
      const token = bearer(req.headers.authorization);
      // The export reads the primary (ds): a zip is not worth a replica's lag for its author.
      const session = await sessionAccess(ds, config, req, token);
      await sendHudCsvExport(ds, session?.access ?? null, req, res, String(req.id));
    } catch (err) {
      if (res.headersSent) return void res.destroy();
      next(err);
    }
  });
  app.use(dashboardRouter());
  app.use(
    '/reports',
    apiHeaders,
    reportCsvRouter(
      ds,
      config,
      async (req, token) => (await sessionAccess(ds, config, req, token))?.access ?? null,
      bearer,
    ),
  );
  app.use(
    '/graphql',
    apiHeaders,
    corsPolicy(config),
    requestTimeout(config.requestTimeoutMs),
    express.json({ limit: config.requestBodyLimit }),
    bodyShape(config),
    // Each request's writes see its Idempotency-Key and report their commits (database/transactions.ts);
    // its statements stop when its time is up (database/cancellation.ts).
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const statements = new RequestStatements();
      const timeout = res.locals.timeout as TimeoutState | undefined;
      if (timeout) timeout.onExpire = () => void statements.cancel(req.log);
      if (timeout?.expired) void statements.cancel(req.log); // the body took all the time
      requestScope.run({}, () => requestStatements.run(statements, next));
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const token = bearer(req.headers.authorization);
        const session = await sessionAccess(ds, config, req, token);
        const access = session?.access ?? null;
        const reads = new ReadLog();
        const context: RequestContext = {
          requestId: String(req.id),
          ds,
          primary: ds,
          readFromPrimary: session?.recentWrite ?? false,
          config,
          log: req.log,
          access,
          token,
          loaders: new Loaders(ds, access, reads),
          reads,
        };
        attachMeta(context, {
          ip: req.ip ?? 'unknown',
          timeout: res.locals.timeout as TimeoutState | undefined,
        });
        return context;
      },
    }),
  );
  app.use((_req, res) =>
    sendError(res, 404, 'NOT_FOUND', 'Not found. The API is at /graphql, GraphiQL at /graphiql.'),
  );
  app.use(httpErrorHandler(config.development));

  await new Promise<void>((resolve) => httpServer.listen(options.port ?? config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log.info({ url, database: databaseKind(config), replicas: routing.replicas.length }, 'Waypoint listening');
  let metricsServer: http.Server | undefined;
  let metricsUrl: string | undefined;
  if (config.metricsPort) {
    // A listener of its own, for the scraper's network only: no token needed there.
    const metricsApp = express();
    metricsApp.disable('x-powered-by');
    metricsApp.get('/metrics', (_req, res, next) => void metrics.send(res).catch(next));
    metricsServer = http.createServer(metricsApp);
    const server = metricsServer;
    await new Promise<void>((resolve) => server.listen(config.metricsPort, config.host, resolve));
    metricsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    ds,
    routing,
    metricsUrl,
    config,
    close() {
      draining = true;
      closing ??= (async () => {
        await apollo.stop();
        await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
        await routing.stop({ destroyReplicas: !options.replicas });
        if (!options.dataSource) await ds.destroy();
      })();
      return closing;
    },
  };
}
