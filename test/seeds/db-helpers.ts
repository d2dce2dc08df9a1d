import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { ensureMysqlDatabase } from '../../src/database/mysql-admin';

/** A fresh, migrated database of one engine, for the seed tests. */
export interface SeedTestEngine {
  name: 'SQLite' | 'MySQL';
  open(): Promise<DataSource>;
}

/** The DATABASE_URL with its database name suffixed, so these tests never touch anyone else's. */
export function seedTestUrl(url: string, suffix: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'waypoint'}_${suffix}`;
  return parsed.toString();
}

export function freshSqlite(): SeedTestEngine {
  return {
    name: 'SQLite',
    async open() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-seedtest-'));
      const ds = await createDataSource({ databaseUrl: undefined, dataDir }).initialize();
      await ds.runMigrations({ transaction: 'each' });
      return ds;
    },
  };
}

export function freshMysql(url: string): SeedTestEngine {
  return {
    name: 'MySQL',
    async open() {
      await ensureMysqlDatabase(url, { recreate: true });
      const ds = await createDataSource({ databaseUrl: url, dataDir: os.tmpdir() }).initialize();
      await ds.runMigrations({ transaction: 'each' });
      return ds;
    },
  };
}

/** SQLite always; MySQL too when DATABASE_URL is set (in a `<name>_<suffix>` database, recreated). */
export function seedTestEngines(suffix: string): SeedTestEngine[] {
  const url = process.env.DATABASE_URL;
  return [freshSqlite(), ...(url ? [freshMysql(seedTestUrl(url, suffix))] : [])];
}

/** Row values normalized across engines: numbers for counts and flags, Date for datetimes. */
export function n(value: unknown): number {
  return Number(value);
}

export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}
