import type { DataSource } from 'typeorm';
import type { Config } from '../src/config';
import { seedDemo } from './demo';

/**
 * Brings a database up to date: applies pending migrations and, when the database has no
 * organizations yet, loads the demo scenario. The server calls this at start for the embedded
 * SQLite default so a bare machine starts with the demo data.
 */
export async function prepareDatabase(
  ds: DataSource,
  config: Pick<Config, 'seedPassword'>,
): Promise<{ migrated: number; seeded: boolean }> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM organization');
  if (Number(n) > 0) return { migrated: applied.length, seeded: false };
  await seedDemo(ds, { password: config.seedPassword });
  return { migrated: applied.length, seeded: true };
}
