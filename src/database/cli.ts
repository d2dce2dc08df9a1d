/**
 * Database commands behind the npm scripts:
 *   migrate            apply pending migrations (db:migrate)
 *   generate <Name>    write a migration per engine for entity changes (db:migration:generate)
 *   check              fail when the entities and the migrations disagree (part of `npm run check`)
 * Seeding and db:reset are seeds/cli.ts; db:reach is src/access/reach/cli.ts (this folder imports
 * neither the seeds nor the access decisions).
 * DATABASE_URL selects MySQL; unset, the embedded SQLite file. `generate` and `check` always
 * use both engines: SQLite in a scratch folder, MySQL at MIGRATION_DATABASE_URL
 * (default mariadb://root@127.0.0.1:3306/waypoint_migrations, recreated).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { createDataSource, databaseKind } from './data-source';
import { pendingSchemaChanges, writeMigration } from './migration-tools';
import { ensureMysqlDatabase } from './mysql-admin';

const MIGRATION_DATABASE_URL =
  process.env.MIGRATION_DATABASE_URL || 'mariadb://root@127.0.0.1:3306/waypoint_migrations';

async function scratchDataSources() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-migrations-'));
  await ensureMysqlDatabase(MIGRATION_DATABASE_URL, { recreate: true });
  return [
    { kind: 'sqlite' as const, ds: createDataSource({ databaseUrl: undefined, dataDir }) },
    { kind: 'mysql' as const, ds: createDataSource({ databaseUrl: MIGRATION_DATABASE_URL, dataDir }) },
  ];
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      if (config.databaseUrl) await ensureMysqlDatabase(config.databaseUrl);
      const ds = await createDataSource(config).initialize();
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(`${databaseKind(config)}: ${applied.length} migration(s) applied`);
      await ds.destroy();
      return;
    }
    case 'generate':
    case 'check': {
      if (command === 'generate' && !/^[A-Z][A-Za-z0-9]*$/.test(arg ?? ''))
        throw new Error('usage: generate <PascalCaseName>');
      const timestamp = Date.now();
      let drift = false;
      for (const { kind, ds } of await scratchDataSources()) {
        await ds.initialize();
        await ds.runMigrations({ transaction: 'each' });
        if (command === 'generate') {
          const file = await writeMigration(ds, arg, kind, timestamp);
          console.log(file ? `${kind}: wrote ${path.relative(process.cwd(), file)}` : `${kind}: no changes`);
        } else {
          const { up } = await pendingSchemaChanges(ds);
          if (up.length) {
            drift = true;
            console.error(
              `${kind}: the entities differ from the migrations; run npm run db:migration:generate -- <Name>:\n  ${up.join('\n  ')}`,
            );
          } else console.log(`${kind}: migrations match the entities`);
        }
        await ds.destroy();
      }
      if (drift) process.exitCode = 1;
      return;
    }
    default:
      throw new Error(`unknown command "${command ?? ''}": migrate | generate <Name> | check`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
