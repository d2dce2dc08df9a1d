/**
 * Loads the synthetic data set into the bench's own MariaDB database with the seed generator,
 * once: a marker table records the seed and scale, and a later run with the same ones reuses
 * the data (it takes minutes to generate at full scale).
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../src/config';
import { createDataSource } from '../../src/database/data-source';
import { ensureMysqlDatabase } from '../../src/database/mysql-admin';
import { formatSyntheticSummary, seedSynthetic } from '../../seeds/synthetic';
import type { ScaleOptions } from './options';

const MARKER = 'bench_dataset';

export interface DatasetInfo {
  /** Whether this run generated the data (false: reused). */
  generated: boolean;
  /** Seconds the generator took (this run, or the run that generated the data). */
  generationSeconds: number;
  generatedAt: string;
  /** The `today` the generator used. */
  today: string;
  rows: Record<string, number>;
  /** Hash of the generator's source when the data was generated (see generatorFingerprint). */
  generator?: string;
}

/**
 * A hash of the generator's source files: the marker is keyed on seed and scale only (a
 * regeneration takes minutes), but a run on data from an older generator says so.
 */
export function generatorFingerprint(): string {
  const dir = path.join(__dirname, '../../seeds');
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^(synthetic.*|random|workgroups)\.ts$/.test(f))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  return hash.digest('hex').slice(0, 12);
}

export function benchConfig(url: string): Config {
  return { ...loadConfig({ ...process.env, DATABASE_URL: url }), host: '127.0.0.1', logLevel: 'silent' };
}

function markerKey(options: ScaleOptions): string {
  const canonical = JSON.stringify(
    Object.keys(options)
      .sort()
      .map((k) => [k, options[k as keyof ScaleOptions]]),
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

async function readMarker(ds: DataSource, key: string): Promise<DatasetInfo | null> {
  const [exists] = await ds.query(
    `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?`,
    [MARKER],
  );
  if (Number(exists.n) === 0) return null;
  const rows: { info: string }[] = await ds.query(`SELECT info FROM ${MARKER} WHERE dataset_key = ?`, [key]);
  return rows[0] ? { ...(JSON.parse(rows[0].info) as DatasetInfo), generated: false } : null;
}

const COUNTED = [
  'organization',
  'information_release',
  'app_user',
  'client',
  'enrollment',
  'enrollment_exit',
  'service',
  'current_living_situation',
  'assessment',
  'ce_event',
  'health_and_dv',
];

/**
 * Makes `url`'s database hold exactly the synthetic data set of `options`: reuses it when the
 * marker matches, else drops and recreates the database, migrates, generates, analyzes.
 */
export async function ensureDataset(
  url: string,
  options: ScaleOptions,
  reload: boolean,
  log: (line: string) => void,
): Promise<DatasetInfo> {
  const config = benchConfig(url);
  const key = markerKey(options);
  await ensureMysqlDatabase(url);
  let ds = await createDataSource(config).initialize();
  try {
    const found = reload ? null : await readMarker(ds, key);
    if (found) {
      await ds.runMigrations({ transaction: 'each' });
      log(
        `data set ${key} (seed ${options.seed}, ${options.clients} clients) already loaded on ${found.generatedAt}; reusing it`,
      );
      if (found.generator !== generatorFingerprint()) {
        log(
          `  note: seeds/synthetic*.ts changed since it was generated (${found.generator ?? 'unknown'} -> ${generatorFingerprint()}); --reload regenerates`,
        );
      }
      return found;
    }
  } finally {
    await ds.destroy();
  }

  log(
    `generating the synthetic data set (seed ${options.seed}, ${options.clients} clients) into a fresh database`,
  );
  await ensureMysqlDatabase(url, { recreate: true });
  ds = await createDataSource(config).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const t0 = Date.now();
    const summary = await seedSynthetic(ds, {
      ...options,
      password: config.seedPassword,
      onTable: (t) =>
        log(
          `  ${t.table.padEnd(28)} ${String(t.rows).padStart(10)} rows ${t.seconds.toFixed(2).padStart(8)} s`,
        ),
    });
    log(formatSyntheticSummary(summary).split('\n').pop() as string);
    const analyzeStart = Date.now();
    await ds.query(`ANALYZE TABLE ${COUNTED.join(', ')}`);
    log(`  ANALYZE TABLE: ${((Date.now() - analyzeStart) / 1000).toFixed(1)} s`);
    const rows: Record<string, number> = {};
    for (const table of COUNTED)
      rows[table] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const info: DatasetInfo = {
      generated: true,
      generationSeconds: (Date.now() - t0) / 1000,
      generatedAt: new Date().toISOString(),
      today: summary.today,
      rows,
      generator: generatorFingerprint(),
    };
    await ds.query(
      `CREATE TABLE ${MARKER} (dataset_key varchar(64) NOT NULL PRIMARY KEY, info text NOT NULL)`,
    );
    await ds.query(`INSERT INTO ${MARKER} (dataset_key, info) VALUES (?, ?)`, [
      key,
      JSON.stringify({ ...info, host: os.hostname(), options }),
    ]);
    return info;
  } finally {
    await ds.destroy();
  }
}

/** Whether `url`'s database already holds the data set of `options` (without touching it otherwise). */
export async function datasetPresent(url: string, options: ScaleOptions): Promise<DatasetInfo | null> {
  const ds = createDataSource(benchConfig(url));
  try {
    await ds.initialize();
  } catch {
    return null;
  }
  try {
    return await readMarker(ds, markerKey(options));
  } catch {
    return null;
  } finally {
    await ds.destroy();
  }
}
