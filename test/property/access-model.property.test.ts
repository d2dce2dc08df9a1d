/**
 * Property: in any small world of organizations, information releases, clients, transactions,
 * release exceptions, workgroups and users, every user — logged in over HTTP with an active
 * context — sees, reads and changes exactly what the reference model of access model §3-§5
 * (reference-model.ts, written from the spec alone) says.
 *
 * All worlds live side by side in one database (no resets): each has its own organizations,
 * users and releases, and nothing is shared across worlds, so worlds can also run
 * concurrently (on MariaDB, where the database is another process, that halves the run time).
 *
 *   PROPERTY_RUNS=200       worlds per run (default 200; 100 in CI, SWEEP_FULL=1 for 200)
 *   PROPERTY_SEED=<n>       the seed (fixed by default, so CI failures reproduce)
 *   PROPERTY_PATH=<path>    with the seed: replay one counterexample (fast-check prints both)
 *   PROPERTY_SHRINK=1       shrink a failure to smaller worlds instead of stopping at the first
 *   PROPERTY_PARALLEL=<n>   worlds checked side by side (default 3 on MariaDB, 1 on SQLite,
 *                           whose driver is synchronous); the seed's worlds depend on it
 *   PROPERTY_LOG_LEVEL=...  the server's log level (default silent), to see unexpected errors
 */
import { hash } from '@node-rs/argon2';
import fc from 'fast-check';
import { localToday } from '../../src/database/sql-time';
import { startServer, type RunningServer } from '../../src/http/server';
import { AccessRole } from '../../src/access/access-role';
import { Organization } from '../../src/modules/organization/organization.entity';
import { OrgAssignment, User } from '../../src/modules/users/user.entity';
import {
  Workgroup,
  WorkgroupCapability,
  WorkgroupMembership,
} from '../../src/modules/admin/workgroup.entity';
import { Api } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { busyRetries, Checker, loginAs, newStats, type RunStats, type UserSession } from './checker';
import { loadWorld, type LoadEnv } from './load-world';
import { exampleWorlds } from './examples';
import { checkReads } from './read-checks';
import { checkWrites } from './write-checks';
import { applyLaterChanges, checkLeads } from './later-checks';
import { cloneWorld, worldToString, type World } from './world';
import { worldArbitrary } from './world-arbitrary';
import { FULL_SWEEP } from '../support/sweep';

const RUNS = Number(process.env.PROPERTY_RUNS ?? (FULL_SWEEP ? 200 : 100));
const SEED = Number(process.env.PROPERTY_SEED ?? 20260311);
const PATH = process.env.PROPERTY_PATH || undefined;
const SHRINK = process.env.PROPERTY_SHRINK === '1';
const PARALLEL = Number(process.env.PROPERTY_PARALLEL ?? (process.env.DATABASE_URL ? 3 : 1));
const PASSWORD = 'property-test-password';
const LOADER_CAPABILITIES = [
  'client:read',
  'client:write',
  'enrollment:read',
  'enrollment:write',
  'service:write',
  'cls:write',
  'ce.assessment:write',
];

let db: TestDatabase;
let server: RunningServer;
let env: LoadEnv;

beforeAll(async () => {
  db = await createTestDatabase('prop');
  server = await startServer({
    config: { ...db.config, host: '127.0.0.1' },
    dataSource: db.ds,
    port: 0,
    logLevel: process.env.PROPERTY_LOG_LEVEL ?? 'silent',
    prepare: false,
  });
  const { identifiers } = await db.ds
    .getRepository(Workgroup)
    .insert({ name: 'Property loader', description: 'Creates the client-level data of generated worlds.' });
  const loaderWorkgroupId = identifiers[0].id as number;
  await db.ds
    .getRepository(WorkgroupCapability)
    .insert(LOADER_CAPABILITIES.map((capability) => ({ workgroupId: loaderWorkgroupId, capability })));
  env = {
    ds: db.ds,
    api: new Api(server.url),
    password: PASSWORD,
    // One hash for every user, computed once; cheap parameters keep ~1000 logins fast.
    passwordHash: await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 }),
    loaderWorkgroupId,
    today: localToday(),
    counters: { world: 1, org: 0, release: 1 },
    adminToken: '',
  };
  env.adminToken = await propertyAdmin(env);
});

/** The run's HMIS administrator: setup:admin only, at an organization no world uses. */
async function propertyAdmin(e: LoadEnv): Promise<string> {
  const [{ id: orgId }] = (
    await db.ds.getRepository(Organization).insert({ code: 'ZZZ', name: 'Property administration' })
  ).identifiers;
  const [{ id: workgroupId }] = (
    await db.ds
      .getRepository(Workgroup)
      .insert({ name: 'Property admin', description: 'Sets organization flags.' })
  ).identifiers;
  await db.ds.getRepository(WorkgroupCapability).insert({ workgroupId, capability: 'setup:admin' });
  const now = new Date();
  const [{ id: userId }] = (
    await db.ds.getRepository(User).insert({
      username: 'property.admin',
      displayName: 'Property admin',
      accessRole: AccessRole.SYSTEM_ADMINISTRATOR,
      passwordHash: e.passwordHash,
      lastLoginAt: new Date(now.getTime() - 86_400_000),
      euaAcceptedAt: now,
    })
  ).identifiers;
  await db.ds.getRepository(WorkgroupMembership).insert({ userId, workgroupId });
  await db.ds
    .getRepository(OrgAssignment)
    .insert({ userId, organizationId: orgId, canLogin: true, canEdit: true, agencyLead: false });
  return e.api.login('property.admin', e.password);
}

afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

/** Loads one world, checks it as every user, and returns the differences found (none: null). */
async function checkWorld(world: World, stats: RunStats): Promise<string | null> {
  const c = new Checker(stats);
  const ids = await loadWorld(env, world);
  const w = cloneWorld(world);
  const logins = await Promise.all(world.users.map((_u, i) => loginAs(env, w, ids, i, c)));
  const sessions = logins.filter((s): s is UserSession => s !== null);
  await Promise.all(sessions.map((s) => checkReads(env, w, ids, s, c, 'reads')));
  // Writes one user after another: each success changes what the model predicts next.
  for (const s of sessions) await checkWrites(env, w, world, ids, s, c);
  await Promise.all(sessions.map((s) => checkReads(env, w, ids, s, c, 'reads after writes')));
  // Agency leads manage the world's users; then flags change after the records exist (§4).
  await checkLeads(env, w, ids, sessions, c);
  if (w.later.length) {
    await applyLaterChanges(env, w, ids, c);
    await Promise.all(sessions.map((s) => checkReads(env, w, ids, s, c, 'reads after later flag changes')));
    stats.laterChanges += w.later.length;
  }
  stats.leadUsers += world.users.filter((u) => u.leads.length > 0).length;
  stats.worlds++;
  stats.users += world.users.length;
  stats.records += w.clients.length + w.txs.length;
  if (!c.mismatches.length) return null;
  const grown =
    w.txs.length > world.txs.length
      ? `\nThe world after the writes (T${world.txs.length} and up were created by them):\n${worldToString(w)}\n`
      : '';
  return `${c.mismatches.length} difference(s) between the API and the reference model (world ${ids.n}):\n  ${c.mismatches.slice(0, 15).join('\n  ')}\n${grown}`;
}

/** Worlds checked side by side; a failed batch prints only its failing world. */
class Batch {
  failed: number | null = null;

  constructor(readonly worlds: World[]) {}

  [fc.toStringMethod](): string {
    if (this.failed === null) return this.worlds.map((w) => `\n${worldToString(w)}\n`).join('');
    const note =
      this.worlds.length === 1
        ? ''
        : `\n(world ${this.failed + 1} of ${this.worlds.length} checked side by side; the others passed)`;
    return `\n${worldToString(this.worlds[this.failed])}${note}\n`;
  }
}

test(
  'in random worlds, every user sees, reads and changes exactly what access model §3-§5 allow',
  async () => {
    const stats = newStats();
    const started = Date.now();
    const batches = fc
      .array(worldArbitrary, { minLength: PARALLEL, maxLength: PARALLEL })
      .map((worlds) => new Batch(worlds));
    const property = fc.asyncProperty(batches, async (batch) => {
      const results = await Promise.all(
        batch.worlds.map((w) => checkWorld(w, stats).catch((e: Error) => `${e.stack ?? e}\n`)),
      );
      const failed = results.findIndex((r) => r !== null);
      if (failed < 0) return;
      batch.failed = failed;
      throw new Error(
        `${results[failed]}Replay: PROPERTY_SEED=${SEED} PROPERTY_PARALLEL=${PARALLEL} PROPERTY_PATH=<the path fast-check prints>; add PROPERTY_SHRINK=1 for smaller worlds.`,
      );
    });
    try {
      // The hand-made worlds (examples.ts) run first, as one batch; then at least RUNS worlds in all.
      const examples = exampleWorlds();
      const numRuns = 1 + Math.ceil(Math.max(0, RUNS - examples.length) / PARALLEL);
      await fc.assert(property, {
        numRuns,
        seed: SEED,
        path: PATH,
        endOnFailure: !SHRINK,
        examples: [[new Batch(examples)]],
      });
    } finally {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const busy = busyRetries.count
        ? `; ${busyRetries.count} answers "database busy, try again" were retried`
        : '';
      console.log(
        `access-model property (${db.kind}, seed ${SEED}, ${PARALLEL} side by side): ${stats.worlds} worlds, ` +
          `${stats.users} users, ${stats.records} records (clients and transactions), ${stats.requests} requests, ` +
          `${stats.comparisons} comparisons, ${stats.laterChanges} later flag changes, ${stats.leadUsers} agency leads in ${seconds}s${busy}`,
      );
    }
  },
  30 * 60_000,
);
