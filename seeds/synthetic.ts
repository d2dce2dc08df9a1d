/**
 * A deterministic synthetic data set for benchmarks: organizations, programs, information
 * releases, users, clients, enrollments, exits and services (plus outreach contacts, CE
 * assessments and events, and DV records where the program type calls for them).
 *
 * Same seed, same options, same `today` -> the same rows (ids included, on an empty database).
 * Rows go in as multi-row INSERTs with ids assigned here (after each table's current MAX(id)),
 * so children reference parents without reading anything back.
 */
import type { DataSource } from 'typeorm';
import { rebuildClientReach } from '../src/access/reach';
import { rebuildMatchKeys } from '../src/modules/stewardship/match-keys';
import { hashPassword } from '../src/auth/passwords';
import { localToday } from '../src/database/sql-time';
import { BulkWriter, type BulkInsertOptions } from './bulk-insert';
import { streamRng } from './random';
import { writeClients } from './synthetic-clients';
import { dayCache, writeSetup, type SyntheticRun } from './synthetic-setup';
import { ensureStandardWorkgroups } from './workgroups';
import { seedNavigation } from './navigation';
import { Workspace } from '../src/modules/navigation/navigation.entity';

export interface SyntheticOptions {
  seed: number;
  organizations: number;
  programsPerOrg: number;
  /** Information releases (each with 1-3 directed shares). */
  mous: number;
  users: number;
  clients: number;
  /** Average; the total is exactly floor(clients * enrollmentsPerClient). */
  enrollmentsPerClient: number;
  /** Average; the total is exactly floor(enrollments * servicesPerEnrollment). */
  servicesPerEnrollment: number;
  /** Share of organizations that are victim service providers. */
  vspFraction: number;
  /** Share of transactions of non-VSP organizations that are RESTRICTED. */
  restrictedFraction: number;
  /** Share of clients of non-VSP organizations that are restrict-intake. */
  restrictIntakeFraction: number;
  /**
   * ACTIVE priority list entries to make (at most one per client), from the latest CE assessment
   * of clients across all organizations; fewer when there are fewer assessed clients.
   */
  priorityListEntries?: number;
  /** Password of every synthetic user. */
  password: string;
  /** `YYYY-MM-DD` the dates are relative to; default local today. */
  today?: string;
  /** Batch and transaction sizes. */
  bulk?: BulkInsertOptions;
  /** Called after each table with its row count and time. */
  onTable?: (stat: SyntheticTableStat) => void;
}

export const SYNTHETIC_DEFAULTS: Omit<SyntheticOptions, 'password'> = {
  seed: 42,
  organizations: 20,
  programsPerOrg: 3,
  mous: 40,
  users: 200,
  clients: 100_000,
  enrollmentsPerClient: 2.5,
  servicesPerEnrollment: 4,
  vspFraction: 0.1,
  restrictedFraction: 0.2,
  restrictIntakeFraction: 0.05,
  priorityListEntries: 10_000,
};

export interface SyntheticTableStat {
  table: string;
  rows: number;
  seconds: number;
}

export interface SyntheticSummary {
  seed: number;
  today: string;
  tables: SyntheticTableStat[];
  totalSeconds: number;
  organizationIds: number[];
  /** Synthetic usernames are `synth.user.<n>` for n in [first, last]. */
  userNumbers: { first: number; last: number };
}

/**
 * Adds the synthetic data set to a migrated database (the demo scenario may be there already:
 * ids, organization codes, release numbers and usernames continue after what exists). The six
 * standard workgroups are created if missing.
 */
export async function seedSynthetic(ds: DataSource, options: SyntheticOptions): Promise<SyntheticSummary> {
  const o = options;
  if (o.organizations < 1 || o.programsPerOrg < 1)
    throw new Error('synthetic data needs at least one organization and one program per organization');
  const today = o.today ?? localToday();
  const started = Date.now();
  const tables: SyntheticTableStat[] = [];
  const workgroups = await ds.transaction(async (m) => {
    const ids = await ensureStandardWorkgroups(m);
    // The standard workspaces and menus, unless the demo seeds (or an administrator) put some there.
    if ((await m.count(Workspace)) === 0) await seedNavigation(m, ids);
    return ids;
  });
  const passwordHash = await hashPassword(o.password);
  const w = await BulkWriter.open(ds, o.bulk);
  const run: SyntheticRun = {
    options: o,
    w,
    days: dayCache(today),
    rng: (label) => streamRng(o.seed, label),
    timed: async (table, work) => {
      const t0 = Date.now();
      const rows = await work();
      const stat = { table, rows, seconds: (Date.now() - t0) / 1000 };
      tables.push(stat);
      o.onTable?.(stat);
    },
  };
  let world: Awaited<ReturnType<typeof writeSetup>>;
  try {
    world = await writeSetup(run, workgroups, passwordHash);
    await writeClients(run, world);
  } finally {
    await w.close();
  }
  if (o.priorityListEntries)
    await run.timed('priority_list_entry', () => writePriorityList(ds, o.priorityListEntries as number));
  // Bulk inserts bypass the services that keep each client's reach current: compute it all.
  await run.timed('client_reach (rebuilt)', async () => (await rebuildClientReach(ds.manager)).clients);
  await run.timed('client_match_key (rebuilt)', async () => rebuildMatchKeys(ds.manager));
  return {
    seed: o.seed,
    today,
    tables,
    totalSeconds: (Date.now() - started) / 1000,
    organizationIds: world.orgs.map((g) => g.id),
    userNumbers: world.userNumbers,
  };
}

/**
 * The priority list of the synthetic data: an ACTIVE entry for each of the first `limit` clients
 * (by id) with a live CE assessment and no entry yet, ranked by their latest assessment.
 * Deterministic: it depends only on the rows written before it.
 */
async function writePriorityList(ds: DataSource, limit: number): Promise<number> {
  const before = Number((await ds.query('SELECT COUNT(*) AS n FROM priority_list_entry'))[0].n);
  await ds.query(
    `INSERT INTO priority_list_entry
       (client_id, active_client_id, enrollment_id, assessment_id, status, total_score, assessment_date, listed_on, version)
     SELECT a.client_id, a.client_id, a.enrollment_id, a.id, 'ACTIVE', a.score, a.assessment_date, a.assessment_date, 1
       FROM assessment a
      WHERE a.date_deleted IS NULL
        AND a.id = (SELECT MAX(b.id) FROM assessment b WHERE b.client_id = a.client_id AND b.date_deleted IS NULL)
        AND NOT EXISTS (SELECT 1 FROM priority_list_entry p WHERE p.client_id = a.client_id)
      ORDER BY a.client_id
      LIMIT ${Math.max(0, Math.floor(limit))}`,
  );
  return Number((await ds.query('SELECT COUNT(*) AS n FROM priority_list_entry'))[0].n) - before;
}

/** The summary as a fixed-width table (rows and seconds per table, then the total). */
export function formatSyntheticSummary(summary: SyntheticSummary): string {
  const lines = summary.tables.map(
    (t) => `${t.table.padEnd(28)} ${String(t.rows).padStart(10)} rows ${t.seconds.toFixed(2).padStart(8)} s`,
  );
  const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
  return [
    ...lines,
    `${'total'.padEnd(28)} ${String(rows).padStart(10)} rows ${summary.totalSeconds.toFixed(2).padStart(8)} s`,
  ].join('\n');
}
