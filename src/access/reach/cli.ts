/**
 * `npm run db:reach -- check | rebuild` (the database is DATABASE_URL, else the SQLite file):
 *   check    compare every client's stored reach, the reach-set counts and the visible-client
 *            counts with those recomputed from the records; exit 1 on any difference
 *   rebuild  recompute it all, e.g. after changing records with SQL by hand
 */
import 'reflect-metadata';
import { loadConfig } from '../../config';
import { createDataSource } from '../../database/data-source';
import { checkClientReach, rebuildClientReach } from './repair';

async function main(): Promise<void> {
  const [arg] = process.argv.slice(2);
  if (arg !== 'check' && arg !== 'rebuild') throw new Error('usage: reach check | reach rebuild');
  const ds = await createDataSource(loadConfig()).initialize();
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
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
