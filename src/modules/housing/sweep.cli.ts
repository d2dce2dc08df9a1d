/**
 * `npm run shelter:sweep`: daily, like `users:sweep` (access model §8). Records the previous
 * night's bed nights of stays still open, marks missed reservations NO_SHOW, and exits
 * night-by-night enrollments with no bed night for SHELTER_EXIT_AFTER_DAYS (default 7).
 */
import 'reflect-metadata';
import { loadConfig } from '../../config';
import { createDataSource } from '../../database/data-source';
import { sweepShelters } from './sweep';

async function main(): Promise<void> {
  const ds = await createDataSource(loadConfig()).initialize();
  try {
    if (await ds.showMigrations())
      throw new Error('the database has pending migrations: run `npm run db:migrate` first');
    const r = await sweepShelters(ds);
    console.log(
      `${r.bedNights} bed night(s) recorded for the previous night, ${r.noShows} reservation(s) marked NO_SHOW, ${r.exits} night-by-night enrollment(s) exited`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`shelter:sweep failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
