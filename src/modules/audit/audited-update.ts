import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { refreshClientReach } from '../../access/reach';
import { updateVersioned } from '../../database/records';
import type { RequestContext } from '../../graphql/context';
import { refreshMatchKeys } from '../stewardship/match-keys';
import { recordChange } from './audit.service';

/**
 * How every correction of a client or of one of its records ends, inside the caller's write
 * transaction, once its checks have passed: the optimistic update (a stale `version` is
 * CONFLICT), the record read back as saved, its UPDATE audit row with before and after, the
 * client's reach refreshed, and, for a change that may touch a client's name, DOB or SSN, its
 * duplicate blocking keys (src/modules/stewardship/match-keys.ts). Returns the saved record.
 */
export async function updateAudited<T extends ObjectLiteral>(
  m: EntityManager,
  ctx: RequestContext,
  update: {
    target: EntityTarget<T>;
    /** The audit row's entity type (the GraphQL type name). */
    typeName: string;
    /** The root operation, for the audit row. */
    operation: string;
    id: number;
    version: number;
    changes: Partial<T>;
    /** The record as the caller read it before the change. */
    before: T;
    /** How a CONFLICT names the record ("This client"). */
    what: string;
    /** The client the saved record belongs to (a client's is its own id). */
    clientOf: (after: T) => number;
    /** Refresh the client's duplicate blocking keys. */
    matchKeys?: boolean;
  },
): Promise<T> {
  const { target, id } = update;
  await updateVersioned(m, target, id, update.version, update.changes, update.what);
  const after = await m.getRepository(target).findOneByOrFail({ id } as unknown as FindOptionsWhere<T>);
  const clientId = update.clientOf(after);
  await recordChange(m, ctx, {
    action: 'UPDATE',
    operation: update.operation,
    entityType: update.typeName,
    entityId: id,
    clientId,
    before: update.before,
    after,
  });
  await refreshClientReach(m, [clientId]);
  if (update.matchKeys) await refreshMatchKeys(m, [clientId]);
  return after;
}
