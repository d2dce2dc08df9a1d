import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import type { Config } from '../config';
import { ENTITIES } from '../entities';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export type DatabaseKind = 'mysql' | 'sqlite';

export function databaseKind(config: Pick<Config, 'databaseUrl'>): DatabaseKind {
  return config.databaseUrl ? 'mysql' : 'sqlite';
}

/** The SQLite file used when no DATABASE_URL is set. */
export function sqliteFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'waypoint.sqlite');
}

/**
 * Options shared by the server, the seed commands and the TypeORM CLI. Migrations are per
 * engine: the MySQL ones are the production schema, the SQLite ones mirror them for the
 * embedded default. Both sets are generated from the same entities (src/database/cli.ts).
 */
export function dataSourceOptions(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  extra: { logger?: Logger; poolSize?: number; connectTimeoutMs?: number } = {},
): DataSourceOptions {
  const kind = databaseKind(config);
  const migrations = kind === 'mysql' ? MYSQL_MIGRATIONS : SQLITE_MIGRATIONS;
  const common = {
    entities: ENTITIES,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logger: extra.logger,
  };
  if (kind === 'mysql') {
    // mariadb:// selects TypeORM's MariaDB dialect: same SQL, but it reads MariaDB's
    // information_schema correctly (otherwise every nullable column looks changed).
    const url = config.databaseUrl as string;
    return {
      ...common,
      type: url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
      url: url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: ['DATE'],
      poolSize: extra.poolSize ?? 10,
      // mysql2 captures a stack trace for every query by default ("long stack traces"): about a
      // third of a millisecond per request here. Errors are logged with the request instead.
      trace: false,
      // connectTimeout bounds how long a request waits for a new connection while the database
      // is unreachable; the pool drops broken connections and reconnects on demand.
      extra: { enableKeepAlive: true, connectTimeout: extra.connectTimeoutMs ?? 10_000 },
    };
  }
  const file = sqliteFile(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    // WAL lets readers proceed while a write is in progress; busy_timeout waits out short locks.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

export function createDataSource(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  extra?: { logger?: Logger; poolSize?: number; connectTimeoutMs?: number },
): DataSource {
  return new DataSource(dataSourceOptions(config, extra));
}
