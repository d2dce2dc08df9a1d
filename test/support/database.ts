/**
 * A fresh, migrated database per test file: SQLite in a temp folder by default, or — when
 * DATABASE_URL is set (CI runs the suite once each way) — a MySQL/MariaDB database named after
 * DATABASE_URL's plus a per-file suffix, recreated, so files never see each other's rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, Logger } from 'typeorm';
import { loadConfig, type Config } from '../../src/config';
import { createDataSource } from '../../src/database/data-source';
import { ensureMysqlDatabase } from '../../src/database/mysql-admin';

export interface TestDatabase {
  ds: DataSource;
  config: Config;
  kind: 'mysql' | 'sqlite';
  destroy(): Promise<void>;
}

export async function createTestDatabase(
  key: string,
  extra: { logger?: Logger } = {},
): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  const suffix = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40);
  let config: Config;
  let cleanup = async () => {};
  if (base) {
    const url = new URL(base);
    const name = `${url.pathname.replace(/^\//, '') || 'waypoint_test'}_${suffix}`;
    url.pathname = `/${name}`;
    await ensureMysqlDatabase(url.toString(), { recreate: true });
    config = loadConfig({ ...process.env, DATABASE_URL: url.toString() });
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `waypoint-${suffix}-`));
    config = loadConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir });
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const ds = await createDataSource(config, { logger: extra.logger, poolSize: 5 }).initialize();
  await ds.runMigrations({ transaction: 'each' });
  return {
    ds,
    config,
    kind: base ? 'mysql' : 'sqlite',
    async destroy() {
      await ds.destroy();
      await cleanup();
    },
  };
}
