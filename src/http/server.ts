import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { accessForToken, touchSession } from '../auth/session-store';
import { loadConfig, type Config } from '../config';
import { createDataSource, databaseKind } from '../database/data-source';
import { prepareDatabase } from '../database/prepare';
import { ReadLog, type RequestContext } from '../graphql/context';
import { Loaders } from '../graphql/loaders';
import { buildAppSchema } from '../graphql/schema';
import { flushReads } from '../modules/audit/audit.service';
import { formatError } from './errors';
import { graphiqlRouter } from './graphiql';

export interface StartOptions {
  port?: number;
  logLevel?: string;
  config?: Config;
  /** Use this data source (already initialized) instead of creating one. */
  dataSource?: DataSource;
  /** Migrate and seed the demo data when empty (default: for the embedded SQLite only). */
  prepare?: boolean;
}

export interface RunningServer {
  url: string;
  ds: DataSource;
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  return match ? match[1] : null;
}

/** Writes the request's client-level reads to the audit log before the response leaves. */
const readAuditPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName }) {
        await flushReads(contextValue, operationName ?? null);
      },
    };
  },
};

/**
 * Starts Waypoint: GraphQL at /graphql, GraphiQL at /graphiql, /healthz and /readyz. Stateless
 * apart from the database: any number of these processes can serve behind a load balancer.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const log = pino({ level: options.logLevel ?? config.logLevel });
  const ds = options.dataSource ?? (await createDataSource(config).initialize());
  if (options.prepare ?? databaseKind(config) === 'sqlite') {
    const { migrated, seeded } = await prepareDatabase(ds, config);
    log.info({ migrated, seeded }, 'database prepared');
  }

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.development,
    formatError: formatError(log, config.development),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), readAuditPlugin],
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.use(graphiqlRouter({ endpoint: '/graphql' }));
  app.use(
    '/graphql',
    cors({ origin: false }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const token = bearer(req.headers.authorization);
        const session = token ? await accessForToken(ds, token, config) : null;
        if (session?.touchDue) await touchSession(ds, session.access.facts.sessionId);
        const access = session?.access ?? null;
        return {
          requestId: String(req.id),
          ds,
          config,
          log: req.log,
          access,
          token,
          loaders: new Loaders(ds, access),
          reads: new ReadLog(),
        };
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port ?? config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log.info({ url, database: databaseKind(config) }, 'Waypoint listening');
  return {
    url,
    ds,
    async close() {
      await apollo.stop();
      if (!options.dataSource) await ds.destroy();
    },
  };
}
