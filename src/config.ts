/**
 * Runtime configuration, read once from the environment. Every setting is documented in the
 * README's configuration table; keep the two in step.
 */
import path from 'node:path';

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
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
  /** Failed logins within `lockoutWindowMinutes` that lock an account. */
  lockoutThreshold: number;
  lockoutWindowMinutes: number;
  lockoutMinutes: number;
  /** Password of every demo user created by the seeds (demo only). */
  seedPassword: string;
  /** Development mode shows error details to callers; never set it in production. */
  development: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    port: int('PORT', 4000),
    host: env.HOST || '0.0.0.0',
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: int('SESSION_MAX_HOURS', 12),
    inactivityDays: int('INACTIVITY_DAYS', 60),
    lockoutThreshold: int('LOCKOUT_THRESHOLD', 5),
    lockoutWindowMinutes: int('LOCKOUT_WINDOW_MINUTES', 15),
    lockoutMinutes: int('LOCKOUT_MINUTES', 15),
    seedPassword: env.SEED_PASSWORD || 'waypoint-demo',
    development: env.NODE_ENV === 'development',
  };
}
