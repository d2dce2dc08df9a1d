/**
 * /metrics in Prometheus text format (prom-client). Labels never carry user data: the operation
 * label is the client's operation name only when it is a plain word (letters and underscores,
 * at most 64, no digits so no ids) and among the first MAX_OPERATIONS seen; anything else is
 * `other`, a request without a name `anonymous`. Error labels are the error codes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ReadRouting } from '../database/replicas';
import type { RequestContext } from '../graphql/context';

const MAX_OPERATIONS = 100;
const OPERATION_NAME = /^[A-Za-z_]{1,64}$/;

/** The parts of a mysql2 pool we read (its queue and connection lists) and time (getConnection). */
interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  getConnection(cb: (err: unknown, conn: unknown) => void): void;
}

function mysqlPool(ds: DataSource): Mysql2Pool | undefined {
  if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return undefined;
  return (ds.driver as unknown as { pool?: Mysql2Pool }).pool;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly timed = new WeakSet<object>();
  private readonly requests: Counter<'operation' | 'type'>;
  private readonly latency: Histogram<'operation' | 'type'>;
  private readonly errors: Counter<'code'>;
  private readonly poolWait: Histogram<'pool'>;

  constructor(pools: () => Array<{ name: string; ds: DataSource }>, routing?: ReadRouting) {
    const registers = [this.registry];
    // Process memory, CPU, event-loop delay (nodejs_eventloop_lag_*), GC, handles.
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'waypoint_graphql_requests_total',
      help: 'GraphQL operations answered, by operation name and type.',
      labelNames: ['operation', 'type'],
      registers,
    });
    this.latency = new Histogram({
      name: 'waypoint_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its answer.',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'waypoint_graphql_errors_total',
      help: 'Errors in GraphQL answers, by error code.',
      labelNames: ['code'],
      registers,
    });
    this.poolWait = new Histogram({
      name: 'waypoint_db_pool_wait_seconds',
      help: 'Time spent waiting for a database connection from the pool (MySQL/MariaDB).',
      labelNames: ['pool'],
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    });
    const wrap = () => {
      for (const { name, ds } of pools()) this.timePool(name, ds);
    };
    new Gauge({
      name: 'waypoint_db_pool_connections',
      help: 'Database pool connections by state: in use, idle; and requests queued waiting for one.',
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        this.reset();
        wrap();
        for (const { name, ds } of pools()) {
          const pool = ds.isInitialized ? mysqlPool(ds) : undefined;
          if (!pool) continue;
          const all = pool._allConnections?.length ?? 0;
          const free = pool._freeConnections?.length ?? 0;
          this.set({ pool: name, state: 'in_use' }, all - free);
          this.set({ pool: name, state: 'idle' }, free);
          this.set({ pool: name, state: 'waiting' }, pool._connectionQueue?.length ?? 0);
        }
      },
    });
    if (routing?.enabled) {
      new Gauge({
        name: 'waypoint_replica_up',
        help: 'Whether a read replica answered its last probe (1) or is skipped (0).',
        labelNames: ['replica'],
        registers,
        collect() {
          for (const r of routing.replicas) this.set({ replica: r.name }, r.up ? 1 : 0);
        },
      });
      new Gauge({
        name: 'waypoint_replica_lag_seconds',
        help: 'Seconds_Behind_Master of a read replica at its last probe; -1 when unknown (down, replication stopped, or no grant to see it).',
        labelNames: ['replica'],
        registers,
        collect() {
          for (const r of routing.replicas) this.set({ replica: r.name }, r.lagSeconds ?? -1);
        },
      });
    }
    wrap();
  }

  /** Times every connection checkout of a MySQL/MariaDB pool (once per pool). */
  private timePool(name: string, ds: DataSource): void {
    const pool = ds.isInitialized ? mysqlPool(ds) : undefined;
    if (!pool || this.timed.has(pool)) return;
    this.timed.add(pool);
    const original = pool.getConnection.bind(pool);
    const wait = this.poolWait;
    pool.getConnection = (cb) => {
      const end = wait.startTimer({ pool: name });
      original((err, conn) => {
        end();
        cb(err, conn);
      });
    };
  }

  /** The label for a client-chosen operation name: bounded, and never an id or free text. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }

  readonly plugin: ApolloServerPlugin<RequestContext> = {
    requestDidStart: async () => {
      const end = this.latency.startTimer();
      let type = 'unknown';
      return {
        didResolveOperation: async ({ operation }) => {
          type = operation?.operation ?? 'unknown';
        },
        willSendResponse: async ({ operationName, request, response }) => {
          // The name of the operation run (from the document), else the one the request asked for.
          const labels = { operation: this.operationLabel(operationName ?? request.operationName), type };
          end(labels);
          this.requests.inc(labels);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const e of errors ?? []) {
            const code = e.extensions?.code;
            this.errors.inc({
              code: typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'OTHER',
            });
          }
        },
      };
    },
  };

  async send(res: express.Response): Promise<void> {
    res.set('Content-Type', this.registry.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(await this.registry.metrics());
  }
}

/** /metrics on the main port: only with `Authorization: Bearer <METRICS_TOKEN>`; 404 when no token is set. */
export function metricsRoute(metrics: Metrics, token: string | undefined): express.RequestHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return (req, res, next) => {
    if (!expected) return next();
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.set('WWW-Authenticate', 'Bearer');
      return void res.status(401).json({
        errors: [{ message: 'Metrics need the metrics token.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    metrics.send(res).catch(next);
  };
}
