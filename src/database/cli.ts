/**
 * Database commands behind the npm scripts:
 *   migrate            apply pending migrations (db:migrate)
 *   reset              drop everything, migrate, load the demo seeds (db:reset)
 *   generate <Name>    write a migration per engine for entity changes (db:migration:generate)
 *   check              fail when the entities and the migrations disagree (part of `npm run check`)
 *   reach check        compare every client's stored reach with its rows (db:reach -- check)
 *   reach rebuild      recompute it all, e.g. after changing records with SQL by hand (db:reach -- rebuild)
 * DATABASE_URL selects MySQL; unset, the embedded SQLite file. `generate` and `check` always
 * use both engines: SQLite in a scratch folder, MySQL at MIGRATION_DATABASE_URL
 * (default mariadb://root@127.0.0.1:3306/waypoint_migrations, recreated).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { createDataSource, databaseKind, sqliteFile } from './data-source';
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
    case 'reset': {
      if (config.databaseUrl) await ensureMysqlDatabase(config.databaseUrl, { recreate: true });
      else fs.rmSync(sqliteFile(config), { force: true });
      const { prepareDatabase } = await import('./prepare');
      const ds = await createDataSource(config).initialize();
      await prepareDatabase(ds, config);
      await ds.destroy();
      console.log(`${databaseKind(config)}: reset, migrated and seeded with the demo scenario`);
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
    case 'reach': {
      if (arg !== 'check' && arg !== 'rebuild') throw new Error('usage: reach check | reach rebuild');
      const { checkClientReach, rebuildClientReach } = await import('../access/reach');
      const ds = await createDataSource(config).initialize();
      try {
        if (arg === 'rebuild') {
          const done = await ds.transaction((m) => rebuildClientReach(m));
          console.log(
            `${done.clients} clients in ${done.sets} reach sets, rebuilt in ${done.seconds.toFixed(1)} s`,
          );
        } else {
          const problems = await checkClientReach(ds.manager);
          for (const p of problems) console.error(p);
          console.log(
            problems.length
              ? 'client reach differs from the records: run npm run db:reach -- rebuild'
              : 'client reach matches the records',
          );
          if (problems.length) process.exitCode = 1;
        }
      } finally {
        await ds.destroy();
      }
      return;
    }
    default:
      throw new Error(
        `unknown command "${command ?? ''}": migrate | reset | generate <Name> | check | reach check|rebuild`,
      );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
