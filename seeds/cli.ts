/**
 * Seed commands (the database is DATABASE_URL, else the SQLite file in DATA_DIR):
 *
 *   node -r @swc-node/register seeds/cli.ts demo
 *     migrate, then load the demo scenario if the database has no organizations yet
 *     (nothing is reset: use `reset` for that)
 *
 *   node -r @swc-node/register seeds/cli.ts reset   (npm run db:reset)
 *     drop everything, migrate, load the demo scenario (development)
 *
 *   node -r @swc-node/register seeds/cli.ts synthetic [--seed 42] [--clients 100000]
 *       [--enrollments-per-client 2.5] [--services-per-enrollment 4] [--organizations 20]
 *       [--programs-per-org 3] [--mous 40] [--users 200] [--vsp-fraction 0.1]
 *       [--restricted-fraction 0.2] [--restrict-intake-fraction 0.05] [--today YYYY-MM-DD]
 *       [--batch-rows 5000] [--no-demo]
 *     migrate (and load the demo scenario into an empty database unless --no-demo), then add
 *     the synthetic data set; prints rows and seconds per table.
 *
 * Every demo and synthetic user's password is SEED_PASSWORD (default waypoint-demo).
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import fs from 'node:fs';
import { createDataSource, databaseKind, sqliteFile } from '../src/database/data-source';
import { ensureMysqlDatabase } from '../src/database/mysql-admin';
import { prepareDatabase } from './prepare';
import {
  formatSyntheticSummary,
  seedSynthetic,
  SYNTHETIC_DEFAULTS,
  type SyntheticOptions,
} from './synthetic';

const NUMERIC_FLAGS: Record<string, keyof Omit<SyntheticOptions, 'password' | 'today' | 'bulk' | 'onTable'>> =
  {
    '--seed': 'seed',
    '--organizations': 'organizations',
    '--programs-per-org': 'programsPerOrg',
    '--mous': 'mous',
    '--users': 'users',
    '--clients': 'clients',
    '--enrollments-per-client': 'enrollmentsPerClient',
    '--services-per-enrollment': 'servicesPerEnrollment',
    '--vsp-fraction': 'vspFraction',
    '--restricted-fraction': 'restrictedFraction',
    '--restrict-intake-fraction': 'restrictIntakeFraction',
  };

function parseSyntheticArgs(args: string[], password: string): { options: SyntheticOptions; demo: boolean } {
  const options: SyntheticOptions = { ...SYNTHETIC_DEFAULTS, password };
  let demo = true;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--no-demo') {
      demo = false;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--today') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('--today must be YYYY-MM-DD');
      options.today = value;
    } else if (flag === '--batch-rows') {
      options.bulk = { ...options.bulk, batchRows: Number(value) };
    } else if (NUMERIC_FLAGS[flag]) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`${flag} must be a non-negative number, got "${value}"`);
      options[NUMERIC_FLAGS[flag]] = n;
    } else {
      throw new Error(`unknown option ${flag}`);
    }
  }
  return { options, demo };
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'demo' && command !== 'synthetic' && command !== 'reset')
    throw new Error(`unknown command "${command ?? ''}": demo | reset | synthetic [options]`);
  const config = loadConfig();
  if (command === 'reset') {
    if (config.databaseUrl) await ensureMysqlDatabase(config.databaseUrl, { recreate: true });
    else fs.rmSync(sqliteFile(config), { force: true });
    const ds = await createDataSource(config).initialize();
    try {
      await prepareDatabase(ds, config);
    } finally {
      await ds.destroy();
    }
    console.log(`${databaseKind(config)}: reset, migrated and seeded with the demo scenario`);
    return;
  }
  const synthetic = command === 'synthetic' ? parseSyntheticArgs(args, config.seedPassword) : null;
  if (config.databaseUrl) await ensureMysqlDatabase(config.databaseUrl);
  const ds = await createDataSource(config).initialize();
  try {
    if (!synthetic || synthetic.demo) {
      const { migrated, seeded } = await prepareDatabase(ds, config);
      console.log(
        `${databaseKind(config)}: ${migrated} migration(s) applied; ${seeded ? 'demo scenario loaded' : 'organizations already present, demo scenario not loaded'}`,
      );
    } else {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(`${databaseKind(config)}: ${applied.length} migration(s) applied`);
    }
    if (synthetic) {
      const { options } = synthetic;
      console.log(
        `synthetic: seed ${options.seed}, ${options.organizations} orgs x ${options.programsPerOrg} programs, ${options.mous} MOUs, ${options.users} users, ${options.clients} clients, ${options.enrollmentsPerClient} enrollments/client, ${options.servicesPerEnrollment} services/enrollment`,
      );
      options.onTable = (t) =>
        console.log(
          `  ${t.table.padEnd(28)} ${String(t.rows).padStart(10)} rows ${t.seconds.toFixed(2).padStart(8)} s`,
        );
      const summary = await seedSynthetic(ds, options);
      console.log(formatSyntheticSummary(summary).split('\n').pop());
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
