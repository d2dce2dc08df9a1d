/**
 * Runtime configuration, read once from the environment. Every setting is documented in the
 * README's configuration table; keep the two in step.
 */
import path from 'node:path';

/** An integer setting from `env` (so `loadConfig(env)` honours its argument). */
function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Who may run introspection queries (`__schema`, `__type`). */
export type IntrospectionPolicy = 'on' | 'session' | 'off';

function introspectionPolicy(raw: string | undefined): IntrospectionPolicy {
  const value = (raw || 'session').toLowerCase();
  if (value !== 'on' && value !== 'session' && value !== 'off')
    throw new Error(`GRAPHQL_INTROSPECTION must be on, session or off, got "${raw}"`);
  return value;
}

/** Express's `trust proxy`: unset/false trusts no proxy, `true`, a hop count, or addresses/subnets. */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^[0-9]+$/.test(raw) ? Number(raw) : raw;
}

function bodyLimit(raw: string | undefined): string {
  const value = (raw || '1mb').toLowerCase();
  if (!/^[0-9]+(b|kb|mb)?$/.test(value))
    throw new Error(`REQUEST_BODY_LIMIT must be a size such as 500kb or 1mb, got "${raw}"`);
  return value;
}

export interface Config {
  /** `mysql://user:pass@host:port/db`; unset selects the embedded SQLite file. */
  databaseUrl: string | undefined;
  /** Folder for the embedded SQLite database. */
  dataDir: string;
  port: number;
  /** Interface to listen on. */
  host: string;
  logLevel: string;
  /** Sessions end after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** Sessions end this many hours after login, active or not. */
  sessionMaxHours: number;
  /** Accounts that have not logged in for this many days become INACTIVE. */
  inactivityDays: number;
  /** Idempotency-Key records older than this are ignored and deleted by the daily sweep. */
  idempotencyHours: number;
  /** Failed logins within `lockoutWindowMinutes` that lock an account. */
  lockoutThreshold: number;
  lockoutWindowMinutes: number;
  lockoutMinutes: number;
  /** Password of every demo user created by the seeds (demo only). */
  seedPassword: string;
  /** Development mode shows error details to callers; never set it in production. */
  development: boolean;
  /** Introspection for everyone, only with a valid session (default), or for nobody. */
  introspection: IntrospectionPolicy;
  /** Query limits (graphql-armor and the parser); rejections never reveal the numbers. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Operations allowed in one batched (array) request body; 0 refuses batching. */
  maxBatch: number;
  /** Largest accepted request body (body-parser syntax: `500kb`, `1mb`). */
  requestBodyLimit: string;
  /** A request still running after this many milliseconds is answered with REQUEST_TIMEOUT; 0 disables. */
  requestTimeoutMs: number;
  /** Origins allowed to call /graphql from a browser (CORS); empty allows none. */
  corsOrigins: string[];
  /** Express `trust proxy` setting, deciding which address is the client's (login throttling, logs). */
  trustProxy: boolean | number | string;
  /** Failed logins from one client address within `loginIpWindowSeconds` before further attempts are refused (0: no limit). */
  loginIpLimit: number;
  loginIpWindowSeconds: number;
  /** On SIGTERM, requests in flight get this long to finish before their connections are closed. */
  shutdownGraceMs: number;
  /** How long to wait for a new database connection before answering SERVICE_UNAVAILABLE. */
  dbConnectTimeoutMs: number;
  /** Read replicas (`DATABASE_REPLICA_URLS`, comma-separated): queries read from one of them. */
  databaseReplicaUrls: string[];
  /** After a session writes, its reads go to the primary for this many seconds (read your writes). */
  readYourWritesSeconds: number;
  /** Bearer token that opens /metrics on the main port; unset keeps /metrics closed there. */
  metricsToken: string | undefined;
  /** Serve /metrics, without a token, on this separate port (keep it off the public network); 0: none. */
  metricsPort: number;
  /** Duplicate checks (possibleDuplicates) one user may run per minute, counted in the database. */
  duplicateChecksPerMinute: number;
  /** Report cells counting fewer than this many records are shown as suppressed (access model §10); 0 turns it off. */
  reportMinCell: number;
  /** How operations are executed: `jit` (graphql-jit, compiled per operation) or `graphql-js` (its interpreter). */
  executor: 'jit' | 'graphql-js';
}

function executorName(raw: string | undefined): Config['executor'] {
  if (raw === undefined || raw === '' || raw === 'jit') return 'jit';
  if (raw === 'graphql-js') return 'graphql-js';
  throw new Error(`GRAPHQL_EXECUTOR must be jit or graphql-js, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    port: envInt(env, 'PORT', 4000),
    host: env.HOST || '0.0.0.0',
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleMinutes: envInt(env, 'SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: envInt(env, 'SESSION_MAX_HOURS', 12),
    inactivityDays: envInt(env, 'INACTIVITY_DAYS', 60),
    idempotencyHours: envInt(env, 'IDEMPOTENCY_HOURS', 24),
    lockoutThreshold: envInt(env, 'LOCKOUT_THRESHOLD', 5),
    lockoutWindowMinutes: envInt(env, 'LOCKOUT_WINDOW_MINUTES', 15),
    lockoutMinutes: envInt(env, 'LOCKOUT_MINUTES', 15),
    seedPassword: env.SEED_PASSWORD || 'waypoint-demo',
    development: env.NODE_ENV === 'development',
    introspection: introspectionPolicy(env.GRAPHQL_INTROSPECTION),
    maxDepth: envInt(env, 'GRAPHQL_MAX_DEPTH', 10),
    maxAliases: envInt(env, 'GRAPHQL_MAX_ALIASES', 15),
    maxDirectives: envInt(env, 'GRAPHQL_MAX_DIRECTIVES', 20),
    maxTokens: envInt(env, 'GRAPHQL_MAX_TOKENS', 2000),
    maxCost: envInt(env, 'GRAPHQL_MAX_COST', 1_000_000),
    maxBatch: envInt(env, 'GRAPHQL_MAX_BATCH', 0),
    requestBodyLimit: bodyLimit(env.REQUEST_BODY_LIMIT),
    requestTimeoutMs: envInt(env, 'REQUEST_TIMEOUT_MS', 30_000),
    reportMinCell: envInt(env, 'REPORT_MIN_CELL', 11),
    executor: executorName(env.GRAPHQL_EXECUTOR),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: trustProxy(env.TRUST_PROXY),
    loginIpLimit: envInt(env, 'LOGIN_IP_LIMIT', 30),
    loginIpWindowSeconds: envInt(env, 'LOGIN_IP_WINDOW_SECONDS', 300),
    shutdownGraceMs: envInt(env, 'SHUTDOWN_GRACE_MS', 10_000),
    dbConnectTimeoutMs: envInt(env, 'DB_CONNECT_TIMEOUT_MS', 5_000),
    databaseReplicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
    readYourWritesSeconds: envInt(env, 'READ_YOUR_WRITES_SECONDS', 5),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: envInt(env, 'METRICS_PORT', 0),
    duplicateChecksPerMinute: envInt(env, 'DUPLICATE_CHECKS_PER_MINUTE', 30),
  };
}
