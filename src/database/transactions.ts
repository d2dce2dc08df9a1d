import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { appError } from '../graphql/errors';
import { databaseTrouble, outcomeUnknownError } from '../http/errors';
import { keyedWrite, type KeyedRequest } from '../modules/idempotency/idempotency.service';
import type { ChangedRecord } from '../modules/idempotency/idempotency-key.entity';

/** MySQL/MariaDB error numbers after which the whole transaction may simply run again. */
const RETRYABLE = new Set([
  1213, // ER_LOCK_DEADLOCK: InnoDB chose this transaction as a deadlock victim and rolled it back
]);

const ATTEMPTS = 3;

function errno(err: unknown): number | undefined {
  const e = err as { errno?: number; driverError?: { errno?: number } };
  return e?.driverError?.errno ?? e?.errno;
}

/**
 * What the request being served asks of its writes, set by the HTTP layer around each GraphQL
 * request (src/http/server.ts): its Idempotency-Key, if any, and the records its writes change.
 */
export interface WriteScope {
  idempotency?: KeyedRequest;
  /** Filled by recordChange while a keyed write runs. */
  changes?: ChangedRecord[];
  /** A write of this request committed (or was found committed by an earlier try with its key). */
  committed?: boolean;
}

export const requestScope = new AsyncLocalStorage<WriteScope>();

/** Set while a transaction's work runs: a writeTransaction inside it is nested. */
const insideTransaction = new AsyncLocalStorage<true>();

/** Notes a record the current keyed write changed (called by recordChange). */
export function noteChange(type: string, id: number): void {
  if (insideTransaction.getStore()) requestScope.getStore()?.changes?.push({ type, id });
}

/**
 * The database's "at most one" rules (unique indexes and primary keys), by `table.columns`, with
 * what a case worker is told when a concurrent request saved the same thing first. A violated
 * index missing here gets the generic message.
 */
const UNIQUE_RULES: Record<string, string> = {
  'organization.code': 'An organization with this code already exists',
  'organization.name': 'An organization with this name already exists',
  'information_release.number': 'An information release with this number already exists',
  'app_user.username': 'This username is already taken',
  'workgroup.name': 'A workgroup with this name already exists',
  // A bed holds one client a night (access model §8); housing.service.ts adds the bed's label.
  'bed_night.bed_id,night': 'This bed is taken for this night by another guest',
  'bed_night.client_id,night': 'This client already has a bed for this night',
  'bed.location_id,label': 'A bed with this label already exists in this facility',
  'release_exception.client_id,organization_id':
    'This client already has a release exception to this organization',
  // Primary keys that TypeORM's save() checks with a read before inserting (MariaDB names no
  // table in its message for a primary key: those get the generic message there).
  'org_assignment.user_id,organization_id': 'This user already has an assignment to this organization',
  'user_training.user_id,course': 'This training is already recorded for this user',
  'restriction_option.organization_id,restriction': 'This restriction option is already set',
  'workgroup_capability.workgroup_id,capability': 'This workgroup already has this capability',
  'workgroup_membership.user_id,workgroup_id': 'This user is already a member of this workgroup',
  'priority_list_entry.active_client_id':
    'status: this client already has an ACTIVE entry on the priority list (at most one)',
  'assessment_instrument.name,version': 'An assessment instrument with this name and version exists',
};

/**
 * `table.columns` of the unique index a MySQL ER_DUP_ENTRY (1062) or SQLite
 * SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY error names, or null for any other error.
 */
export function uniqueViolation(ds: DataSource, err: unknown): string | null {
  const e = err as { code?: string; errno?: number; message?: string; driverError?: unknown };
  const driver = (e?.driverError ?? e) as { code?: string; errno?: number; message?: string };
  const message = String(driver?.message ?? '');
  if (driver?.code === 'ER_DUP_ENTRY' || driver?.errno === 1062) {
    const key = /for key '([^']+)'/.exec(message)?.[1]?.split('.').pop();
    for (const meta of ds.entityMetadatas) {
      if (key === 'PRIMARY' && message.includes(`'${meta.tableName}.PRIMARY'`))
        return `${meta.tableName}.${meta.primaryColumns.map((c) => c.databaseName).join(',')}`;
      const index = meta.indices.find((i) => i.isUnique && i.name === key);
      if (index) return `${meta.tableName}.${index.columns.map((c) => c.databaseName).join(',')}`;
    }
    return 'unknown';
  }
  if (driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' || driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = /constraint failed: (.+)$/.exec(message)?.[1]?.split(/,\s*/) ?? [];
    const table = columns[0]?.split('.')[0] ?? 'unknown';
    return `${table}.${columns.map((c) => c.split('.').pop()).join(',')}`;
  }
  return null;
}

/** The CONFLICT answer for a unique violation: what exists already, never the stored value. */
function uniqueConflict(rule: string) {
  const what = UNIQUE_RULES[rule] ?? 'This record already exists';
  return appError(
    'CONFLICT',
    `${what}: another request saved it first. Reload to see it, and change your entry if it is a different one.`,
  );
}

/** SQLite has one connection (TypeORM shares it): its transactions run one after another, in order. */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function serialized<T>(ds: DataSource, run: () => Promise<T>): Promise<T> {
  const tail = sqliteQueues.get(ds) ?? Promise.resolve();
  const next = tail.then(run, run);
  sqliteQueues.set(
    ds,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Runs `work` in one database transaction. On MySQL at READ COMMITTED, run again after a
 * deadlock; on SQLite after the transactions queued before it. A unique violation becomes
 * CONFLICT. A connection lost while COMMIT is in flight becomes SERVICE_UNAVAILABLE with
 * outcome UNKNOWN: the change may have been saved. `beforeCommit` runs last, in the transaction.
 */
export async function runTransaction<T>(
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
  beforeCommit?: (m: EntityManager, result: T) => Promise<void>,
): Promise<T> {
  const sqlite = ds.options.type === 'better-sqlite3';
  const nested = insideTransaction.getStore() === true;
  for (let attempt = 1; ; attempt++) {
    let committing = false;
    const body = async (m: EntityManager) => {
      const result = await insideTransaction.run(true, () => work(m));
      if (beforeCommit) await beforeCommit(m, result);
      committing = true;
      return result;
    };
    try {
      if (!sqlite) return await ds.transaction('READ COMMITTED', body);
      return nested ? await ds.transaction(body) : await serialized(ds, () => ds.transaction(body));
    } catch (err) {
      if (committing && !sqlite && databaseTrouble(err) === 'down') throw outcomeUnknownError();
      const unique = uniqueViolation(ds, err);
      if (unique) throw uniqueConflict(unique);
      if (sqlite || attempt >= ATTEMPTS || !RETRYABLE.has(errno(err) ?? 0)) throw err;
    }
  }
}

/**
 * Runs `work` in a database transaction, the way every change in Waypoint is written.
 *
 * On MySQL/MariaDB it runs at READ COMMITTED: the client reach refresh at the end of a change
 * (access/reach/upkeep.ts) must read what other transactions committed while it waited for its lock,
 * not a snapshot from the transaction's first read. (Binary logging then needs ROW or MIXED
 * format, the defaults of MySQL 8 and MariaDB.) A transaction InnoDB rolls back as a deadlock
 * victim is run again, up to three times in all. SQLite has one writer at a time: transactions
 * are queued and run one after another.
 *
 * The first write of a mutation sent with an Idempotency-Key stores the key with the records it
 * changed in the same transaction, and a retry answers from them (src/modules/idempotency).
 * A failure is reported as what is known: before COMMIT was sent nothing was changed; with
 * COMMIT in flight the outcome is UNKNOWN (see runTransaction).
 */
export async function writeTransaction<T>(
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  const scope = requestScope.getStore();
  const keyed = scope?.idempotency;
  const nested = insideTransaction.getStore() === true;
  const result =
    !scope || !keyed || keyed.claimed || nested
      ? await runTransaction(ds, work)
      : await ((keyed.claimed = true), keyedWrite(ds, keyed, scope, work, runTransaction));
  if (scope && !nested) scope.committed = true;
  return result;
}
