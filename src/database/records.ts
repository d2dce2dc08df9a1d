import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { VisibilityScope } from '../access/visibility';
import { clientVisibility, transactionVisibility } from '../access/visibility';
import { conflict } from '../graphql/errors';
import { hydrate, tableOf } from './hydrate';

/**
 * A record by id, only if visible to the caller: the write path uses the same predicates as the
 * read path, so a record the caller cannot see answers exactly as a missing one.
 */
export async function findVisible<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  id: number,
  scope: VisibilityScope,
): Promise<T | null> {
  const table = tableOf(m.connection, target);
  const predicate = table === 'client' ? clientVisibility('r', scope) : transactionVisibility('r', scope);
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT r.* FROM ${table} r WHERE r.id = ? AND ${predicate}`,
    [id],
  );
  return rows[0] ? hydrate(m.connection, target, rows[0]) : null;
}

/**
 * Optimistic update: applies `changes` only if the row still has `version` (TypeORM bumps the
 * version and updatedAt). Zero rows changed means someone else saved first: CONFLICT.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  id: number,
  version: number,
  changes: Partial<T>,
  what: string,
): Promise<void> {
  const result = await m
    .createQueryBuilder()
    .update(target)
    .set(changes as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (result.affected !== 1) throw conflict(what);
}
