/**
 * The recycle bin (access model §4, §11): soft-deleted records of the active organization, and
 * restoring one. Whoever could delete a record may restore it (edit rights on its owner plus
 * the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR ceiling); restoring an enrollment restores the
 * records its delete cascaded to (the registry's `cascade`, stamped with the same DateDeleted).
 */
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { refreshClientReach } from '../../access/reach';
import { recordType, recordTypeByKey, type RecordType } from '../../access/record-types';
import { assertMayEdit } from '../../access/write-rules';
import { writeTransaction } from '../../database/transactions';
import { decodeCursor, pageSize, toConnection, type ConnectionValue } from '../../graphql/connection';
import { appError, badInput } from '../../graphql/errors';
import { requiredId } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { refreshMatchKeys } from './match-keys';
import { fromSqlTimestamp } from '../../database/sql-time';

export interface DeletedRecordValue {
  recordType: string;
  id: number;
  clientId: number;
  dateDeleted: Date;
}

function restorableType(key: string): RecordType {
  let type: RecordType;
  try {
    type = recordTypeByKey(key);
  } catch {
    throw badInput('recordType', 'is not a record type');
  }
  if (type.kind === 'setup')
    throw badInput('recordType', `${type.words.many} are not deleted or restored here`);
  return type;
}

const asDate = (v: unknown): Date => (v instanceof Date ? v : fromSqlTimestamp(String(v)));

/** The active organization's deleted records of one type, newest id last, keyset-paged by id. */
export async function deletedRecords(
  ctx: RequestContext,
  key: string,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionValue<DeletedRecordValue>> {
  const access = readyAccess(ctx);
  const type = restorableType(key);
  if (!access.has(type.read))
    throw appError('FORBIDDEN', `Your workgroup does not allow reading ${type.words.many}.`);
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['number']);
  const clientColumn = type.kind === 'client' ? 'id' : 'client_id';
  const where = `organization_id = ? AND date_deleted IS NOT NULL`;
  const rows: Array<Record<string, unknown>> = await ctx.ds.query(
    `SELECT id, ${clientColumn} AS client_id, date_deleted FROM ${type.table}
      WHERE ${where}${after ? ' AND id > ?' : ''} ORDER BY id LIMIT ${first + 1}`,
    after ? [access.organizationId, after[0]] : [access.organizationId],
  );
  const values = rows.map((r) => ({
    recordType: type.key,
    id: Number(r.id),
    clientId: Number(r.client_id),
    dateDeleted: asDate(r.date_deleted),
  }));
  return toConnection(
    values,
    first,
    (v) => [v.id],
    async () => {
      const [{ n }] = await ctx.ds.query(`SELECT COUNT(*) AS n FROM ${type.table} WHERE ${where}`, [
        access.organizationId,
      ]);
      return Number(n);
    },
  );
}

export async function restoreRecord(ctx: RequestContext, key: string, idArg: string): Promise<boolean> {
  const access = readyAccess(ctx);
  const type = restorableType(key);
  const id = requiredId('id', idArg);
  return writeTransaction(ctx.ds, async (m) => {
    // The recycle bin of the active organization: another organization's deleted records
    // answer like ids that never existed.
    const [row]: Array<Record<string, unknown>> = await m.query(
      `SELECT * FROM ${type.table} WHERE id = ? AND organization_id = ? AND date_deleted IS NOT NULL`,
      [id, access.organizationId],
    );
    if (!row) throw badInput('id', `no deleted ${type.words.one} with this id`);
    await assertMayEdit(m, access, type.typeName, Number(row.organization_id), true);
    const clientId = type.kind === 'client' ? id : Number(row.client_id);
    if (type.kind === 'client') {
      const [merged] = await m.query(
        `SELECT merge_id FROM client_merge_member WHERE client_id = ? AND role = 'DUPLICATE'`,
        [id],
      );
      if (merged)
        throw appError(
          'CONFLICT',
          `This client was merged (merge ${merged.merge_id}); undo the merge with unmergeClient instead.`,
          { field: 'id' },
        );
    } else {
      const [client] = await m.query(`SELECT date_deleted FROM client WHERE id = ?`, [clientId]);
      if (!client || client.date_deleted !== null)
        throw appError('CONFLICT', 'Its client is deleted: restore the client first.', { field: 'id' });
      if (row.enrollment_id !== undefined && row.enrollment_id !== null) {
        const [enrollment] = await m.query(`SELECT date_deleted FROM enrollment WHERE id = ?`, [
          row.enrollment_id,
        ]);
        if (!enrollment || enrollment.date_deleted !== null)
          throw appError('CONFLICT', 'Its enrollment is deleted: restore the enrollment first.', {
            field: 'id',
          });
      }
    }
    await m.query(
      `UPDATE ${type.table} SET date_deleted = NULL, version = version + 1, updated_by_id = ? WHERE id = ?`,
      [access.userId, id],
    );
    const restoredWith: Record<string, number> = {};
    for (const childName of type.cascade) {
      const child = recordType(childName);
      if (!child) throw new Error(`no record type ${childName}`);
      const result = await m
        .createQueryBuilder()
        .update(child.entity())
        .set({ dateDeleted: null })
        .where('enrollment_id = :id AND date_deleted = :at', { id, at: row.date_deleted })
        .execute();
      if (result.affected) restoredWith[child.table] = result.affected;
    }
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'restoreRecord',
      entityType: type.typeName,
      entityId: id,
      clientId,
      before: { dateDeleted: row.date_deleted },
      after: { dateDeleted: null, restoredWith },
    });
    await refreshClientReach(m, [clientId]);
    if (type.kind === 'client') await refreshMatchKeys(m, [clientId]);
    return true;
  });
}
