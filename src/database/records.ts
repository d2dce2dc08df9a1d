import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from '../graphql/errors';

/** Record helpers that know nothing of access; the visible lookup is access/find-visible.ts. */

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
