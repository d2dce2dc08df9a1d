import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { LessThan } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { TRANSACTION_TABLES } from '../../access/visibility';
import { findVisible } from '../../access/find-visible';
import { appError, badInput } from '../../graphql/errors';
import { IdempotencyKey, type ChangedRecord, type StoredResult } from './idempotency-key.entity';

/** The request header, as named in every message about it. */
export const HEADER = 'Idempotency-Key';
export const MAX_KEY_LENGTH = 200;

/** A mutation sent with an Idempotency-Key by a user with a session. */
export interface KeyedRequest {
  userId: number;
  key: string;
  /** SHA-256 of the operation text, operation name and variables. */
  hash: string;
  hours: number;
  access: AccessContext;
  /** Set by the first write of the request: only that write is keyed. */
  claimed?: boolean;
  /** Set when the answer came from a stored key instead of running the write. */
  replayed?: boolean;
}

/** JSON with object keys sorted, so the same variables always hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export function requestHash(query: string, operationName: string | null, variables: unknown): string {
  return createHash('sha256')
    .update(`${query}\u0000${operationName ?? ''}\u0000${canonical(variables ?? {})}`)
    .digest('hex');
}

/** The stored key of the user, or null (an expired one is deleted on the way). */
async function findKey(ds: DataSource, keyed: KeyedRequest): Promise<IdempotencyKey | null> {
  const repo = ds.getRepository(IdempotencyKey);
  const found = await repo.findOneBy({ userId: keyed.userId, key: keyed.key });
  if (found && found.createdAt.getTime() < Date.now() - keyed.hours * 3_600_000) {
    await repo.delete({ userId: keyed.userId, key: keyed.key, createdAt: found.createdAt });
    return null;
  }
  return found;
}

function metadataOf(ds: DataSource, result: object): EntityMetadata | undefined {
  return ds.entityMetadatas.find((meta) => meta.target === result.constructor);
}

/** What a write returned, as ids and scalars only (see StoredResult). */
function describe(ds: DataSource, result: unknown): StoredResult | { none: true } {
  if (result === null || result === undefined) return { value: null };
  if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean')
    return { value: result };
  const meta = typeof result === 'object' ? metadataOf(ds, result) : undefined;
  const id = (result as { id?: unknown }).id;
  if (meta && typeof id === 'number') return { ref: { type: meta.name, id } };
  return { none: true };
}

/**
 * The answer to a retry: the stored records loaded again under the retrying session, with
 * today's visibility (and, when GraphQL resolves the payload, today's field rules).
 */
async function replay(ds: DataSource, keyed: KeyedRequest, stored: IdempotencyKey): Promise<unknown> {
  if (stored.requestHash !== keyed.hash)
    throw badInput(
      HEADER,
      'this key was already used for a different request. Send a new key with each new action; reuse a key only to retry the same request.',
    );
  keyed.replayed = true;
  const result = stored.result as StoredResult | { none: true };
  if ('value' in result) return result.value;
  const gone = appError(
    'CONFLICT',
    `This request was already carried out (same ${HEADER}), and its record is no longer available to you. Reload to see the current state.`,
  );
  if (!('ref' in result)) throw gone;
  const meta = ds.entityMetadatas.find((m) => m.name === result.ref.type);
  if (!meta) throw gone;
  const clientLevel = meta.tableName === 'client' || TRANSACTION_TABLES.includes(meta.tableName as never);
  const record = clientLevel
    ? keyed.access.ready
      ? await findVisible(ds.manager, meta.target, result.ref.id, keyed.access.scope)
      : null
    : await ds.getRepository(meta.target).findOneBy({ id: result.ref.id });
  if (!record) throw gone;
  return record;
}

/**
 * A keyed mutation's write: answered from the stored key when the same user sent the same
 * request with it before (the write does not run again); otherwise run, storing the key, the
 * request hash and the records changed just before COMMIT. When a concurrent duplicate commits
 * first (the primary key (user, key) lets only one commit), the loser answers from its record.
 */
export async function keyedWrite<T>(
  ds: DataSource,
  keyed: KeyedRequest,
  scope: { changes?: ChangedRecord[] },
  work: (m: EntityManager) => Promise<T>,
  run: (
    ds: DataSource,
    work: (m: EntityManager) => Promise<T>,
    beforeCommit: (m: EntityManager, result: T) => Promise<void>,
  ) => Promise<T>,
): Promise<T> {
  const prior = await findKey(ds, keyed);
  if (prior) return (await replay(ds, keyed, prior)) as T;
  try {
    return await run(
      ds,
      (m) => {
        scope.changes = [];
        return work(m);
      },
      async (m, result) => {
        await m.getRepository(IdempotencyKey).insert({
          userId: keyed.userId,
          key: keyed.key,
          requestHash: keyed.hash,
          records: scope.changes ?? [],
          result: describe(ds, result) as StoredResult,
          createdAt: new Date(),
        });
      },
    );
  } catch (err) {
    // The outcome is unknown when COMMIT was in flight: say so, do not guess.
    if ((err as { extensions?: { outcome?: string } })?.extensions?.outcome === 'UNKNOWN') throw err;
    const winner = await findKey(ds, keyed).catch(() => null);
    if (winner) return (await replay(ds, keyed, winner)) as T;
    throw err;
  }
}

/** Deletes the keys older than `hours` (the daily sweep); returns how many. */
export async function sweepIdempotencyKeys(ds: DataSource, hours: number): Promise<number> {
  const result = await ds
    .getRepository(IdempotencyKey)
    .delete({ createdAt: LessThan(new Date(Date.now() - hours * 3_600_000)) });
  return result.affected ?? 0;
}
