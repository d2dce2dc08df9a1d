import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate, tableOf } from '../database/hydrate';
import { clientVisibility, transactionVisibility, type VisibilityScope } from './visibility';

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
