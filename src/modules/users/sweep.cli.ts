/**
 * `npm run users:sweep`: marks ACTIVE users whose last login (or reinstatement) is older than
 * INACTIVITY_DAYS as INACTIVE, ends their sessions, and prints how many (access model §2.4).
 * Meant for a daily cron job; login applies the same rule to a user who tries before the sweep.
 * It also deletes Idempotency-Key records older than IDEMPOTENCY_HOURS (they are ignored already).
 */
import 'reflect-metadata';
import { loadConfig } from '../../config';
import { createDataSource } from '../../database/data-source';
import { sweepIdempotencyKeys } from '../idempotency/idempotency.service';
import { sweepInactiveUsers } from './inactivity';
import { sweepDeactivationRequests } from '../stewardship/account-requests.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await createDataSource(config).initialize();
  try {
    if (await ds.showMigrations())
      throw new Error('the database has pending migrations: run `npm run db:migrate` first');
    const names = await sweepInactiveUsers(ds, config);
    const leaving = await sweepDeactivationRequests(ds);
    console.log(
      `${leaving.length} user(s) deactivated on their requested last day${leaving.length ? `: ${leaving.join(', ')}` : ''}`,
    );
    console.log(
      `${names.length} user(s) marked INACTIVE after ${config.inactivityDays} days without login${names.length ? `: ${names.join(', ')}` : ''}`,
    );
    const keys = await sweepIdempotencyKeys(ds, config.idempotencyHours);
    console.log(`${keys} Idempotency-Key record(s) older than ${config.idempotencyHours} hours deleted`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`users:sweep failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
