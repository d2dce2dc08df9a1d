/**
 * Merging duplicate clients (access model §11): every record of the duplicates moves to the
 * survivor in one transaction, the survivor takes the fields the administrator picks, the
 * duplicates are soft-deleted, and the merge keeps what it changed so unmergeClient can put
 * it back exactly. Statements are constant in the number of records moved: one SELECT and one
 * UPDATE ... WHERE client_id IN (...) per table.
 *
 * Timestamps (HUD DateUpdated) are left as they were (`updated_at = updated_at`, which also
 * stops MySQL's ON UPDATE): the audit log records the merge, and the undo is exact.
 */
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { refreshClientReach } from '../../access/reach';
import { clientVisibility, TRANSACTION_TABLES } from '../../access/visibility';
import { sqlTimestamp } from '../../database/sql-time';
import { writeTransaction } from '../../database/transactions';
import { appError, badInput } from '../../graphql/errors';
import { parseId } from '../../graphql/connection';
import { requiredId } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { refreshMatchKeys } from './match-keys';
import { vspClientSql } from './duplicates.service';
import { ClientMerge, ClientMergeMember } from './stewardship.entity';

export const MAX_DUPLICATES = 10;

/** Client fields an administrator may take from a duplicate (GraphQL name -> column). */
export const MERGE_FIELDS = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  nameSuffix: 'name_suffix',
  nameDataQuality: 'name_data_quality',
  ssn: 'ssn',
  ssnDataQuality: 'ssn_data_quality',
  dob: 'dob',
  dobDataQuality: 'dob_data_quality',
  raceEthnicity: 'race_ethnicity',
  sex: 'sex',
  veteranStatus: 'veteran_status',
} as const;

export type MergeField = keyof typeof MERGE_FIELDS;

/** Columns a merge may change on a client row; the undo writes them back. */
const RESTORED_COLUMNS = [...Object.values(MERGE_FIELDS), 'date_deleted', 'version', 'updated_by_id'];

/**
 * Tables whose rows name a client and move with it: the transactions of the registry, release
 * exceptions, a shelter's bed nights and priority-list entries (`also`: a second client column,
 * set only where it is not null: the ACTIVE entry's unique key). `stamped`: keep the row's
 * updated_at (MySQL would bump it). Derived tables (client_reach, client_match_key) are rebuilt
 * after the move; the audit tables keep naming the client as it was.
 * test/stewardship/merge-tables.test.ts fails when a table with a client column is missing here.
 */
export const MOVED_TABLES: ReadonlyArray<{ table: string; stamped: boolean; also?: string }> = [
  ...TRANSACTION_TABLES.map((table) => ({ table, stamped: true })),
  { table: 'release_exception', stamped: false },
  { table: 'bed_night', stamped: false },
  { table: 'priority_list_entry', stamped: true, also: 'active_client_id' },
];

/** Client columns a merge never moves: derived (rebuilt) or history (kept as it was). */
export const NOT_MOVED_CLIENT_COLUMNS = [
  'client_reach.client_id',
  'client_match_key.client_id',
  'audit_event_client.client_id',
  'client_merge_member.client_id',
] as const;

/** `SET client_id = ?` plus the table's second client column, where it has one. */
function moveSet(t: { stamped: boolean; also?: string }): string {
  return `client_id = ?${t.also ? `, ${t.also} = CASE WHEN ${t.also} IS NULL THEN NULL ELSE ? END` : ''}${t.stamped ? ', updated_at = updated_at' : ''}`;
}

/** The parameters of moveSet: the client id, once more for the second column. */
function moveParams(t: { also?: string }, clientId: number): number[] {
  return t.also ? [clientId, clientId] : [clientId];
}

export interface MergeInput {
  survivorId: string;
  duplicateIds: string[];
  keep?: Array<{ field: MergeField; fromClientId: string }> | null;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function mergeValidation(input: MergeInput): { survivorId: number; duplicateIds: number[] } {
  const survivorId = requiredId('input.survivorId', input.survivorId);
  if (!input.duplicateIds.length) throw badInput('input.duplicateIds', 'name at least one duplicate');
  if (input.duplicateIds.length > MAX_DUPLICATES)
    throw badInput('input.duplicateIds', `merge at most ${MAX_DUPLICATES} duplicates at once`);
  const duplicateIds = input.duplicateIds.map((id) => requiredId('input.duplicateIds', id));
  if (new Set(duplicateIds).size !== duplicateIds.length)
    throw badInput('input.duplicateIds', 'names the same client twice');
  if (duplicateIds.includes(survivorId))
    throw badInput(
      'input.duplicateIds',
      'includes the surviving client: a client cannot be merged with itself',
    );
  return { survivorId, duplicateIds };
}

export async function mergeClients(ctx: RequestContext, input: MergeInput): Promise<ClientMerge> {
  const access = readyAccess(ctx);
  const { survivorId, duplicateIds } = mergeValidation(input);
  const all = [survivorId, ...duplicateIds];
  const keep: Record<string, number> = {};
  for (const k of input.keep ?? []) {
    if (!Object.prototype.hasOwnProperty.call(MERGE_FIELDS, k.field))
      throw badInput('input.keep', `${String(k.field)} cannot be taken from a duplicate`);
    const from = parseId(k.fromClientId);
    if (from === null || !all.includes(from))
      throw badInput('input.keep', `${k.field} must come from the survivor or one of the duplicates`);
    if (keep[k.field] !== undefined) throw badInput('input.keep', `names ${k.field} twice`);
    keep[k.field] = from;
  }
  return writeTransaction(ctx.ds, async (m) => {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT c.*, CASE WHEN ${vspClientSql('c')} THEN 1 ELSE 0 END AS vsp_check
         FROM client c WHERE c.id IN (${marks(all.length)}) AND ${clientVisibility('c', access.scope)}`,
      all,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    // A client the active organization cannot see answers like one that does not exist.
    if (!byId.has(survivorId)) throw badInput('input.survivorId', 'no client with this id');
    const missing = duplicateIds.find((id) => !byId.has(id));
    if (missing !== undefined) throw badInput('input.duplicateIds', `no client with id ${missing}`);
    const members: Array<{ client_id: number | string; merge_id: number | string }> = await m.query(
      `SELECT client_id, merge_id FROM client_merge_member WHERE client_id IN (${marks(all.length)})`,
      all,
    );
    if (members.length) {
      const first = members[0];
      throw appError(
        'CONFLICT',
        `Client ${first.client_id} is already part of merge ${first.merge_id}; undo that merge (unmergeClient) first.`,
        { field: Number(first.client_id) === survivorId ? 'input.survivorId' : 'input.duplicateIds' },
      );
    }
    // §11: never across a victim service provider boundary; VSP clients merge only within their owner.
    const vsp = rows.filter((r) => Number(r.vsp_check) === 1);
    if (
      vsp.length &&
      (vsp.length !== rows.length || new Set(rows.map((r) => Number(r.organization_id))).size > 1)
    )
      throw appError(
        'FORBIDDEN',
        'These clients cannot be merged: one of them is served by a victim service provider, and its records never leave that provider.',
      );

    const moved: Record<string, Record<string, number[]>> = {};
    let movedCount = 0;
    for (const t of MOVED_TABLES) {
      const { table } = t;
      if (table === 'release_exception') {
        movedCount += await moveReleaseExceptions(m, survivorId, duplicateIds, moved);
        continue;
      }
      const ids: Array<{ id: number | string; client_id: number | string }> = await m.query(
        `SELECT id, client_id FROM ${table} WHERE client_id IN (${marks(duplicateIds.length)}) ORDER BY id`,
        duplicateIds,
      );
      if (!ids.length) continue;
      moved[table] = {};
      for (const r of ids) (moved[table][String(r.client_id)] ??= []).push(Number(r.id));
      movedCount += ids.length;
      await m.query(`UPDATE ${table} SET ${moveSet(t)} WHERE client_id IN (${marks(duplicateIds.length)})`, [
        ...moveParams(t, survivorId),
        ...duplicateIds,
      ]);
    }
    const clients = rows.map((r) => {
      const copy: Record<string, unknown> = { id: Number(r.id) };
      for (const col of RESTORED_COLUMNS) copy[col] = r[col] ?? null;
      return copy;
    });
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [field, from] of Object.entries(keep)) {
      if (from === survivorId) continue;
      const col = MERGE_FIELDS[field as MergeField];
      sets.push(`${col} = ?`);
      params.push((byId.get(from) as Record<string, unknown>)[col] ?? null);
    }
    await m.query(
      `UPDATE client SET ${[...sets, 'version = version + 1', 'updated_by_id = ?', 'updated_at = updated_at'].join(', ')} WHERE id = ?`,
      [...params, access.userId, survivorId],
    );
    await m.query(
      `UPDATE client SET date_deleted = ?, version = version + 1, updated_by_id = ?, updated_at = updated_at WHERE id IN (${marks(duplicateIds.length)})`,
      [sqlTimestamp(new Date()), access.userId, ...duplicateIds],
    );
    const merge = await m.getRepository(ClientMerge).save(
      m.getRepository(ClientMerge).create({
        survivorId,
        duplicateIds,
        keep,
        before: { clients, moved },
        mergedById: access.userId,
        unmergedAt: null,
        unmergedById: null,
      }),
    );
    await m.getRepository(ClientMergeMember).insert(
      all.map((clientId) => ({
        clientId,
        mergeId: merge.id,
        role: clientId === survivorId ? ('SURVIVOR' as const) : ('DUPLICATE' as const),
      })),
    );
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'mergeClients',
      entityType: 'Client',
      entityId: survivorId,
      clientId: survivorId,
      clientIds: duplicateIds,
      before: { mergeId: merge.id, clients },
      after: { mergeId: merge.id, keep, movedRecords: movedCount },
    });
    await refreshClientReach(m, all);
    await refreshMatchKeys(m, all);
    return merge;
  });
}

/**
 * A client has at most one release exception per organization (a unique index). A duplicate's
 * exception moves to the survivor only where the survivor (or an exception moved before it)
 * has none for that organization; the others stay with the merged-away duplicate, so the
 * survivor keeps its own consent dates and unmerge puts every row back where it was.
 */
async function moveReleaseExceptions(
  m: EntityManager,
  survivorId: number,
  duplicateIds: number[],
  moved: Record<string, Record<string, number[]>>,
): Promise<number> {
  const rows: Array<{ id: number | string; client_id: number | string; organization_id: number | string }> =
    await m.query(
      `SELECT id, client_id, organization_id FROM release_exception
        WHERE client_id IN (${marks(duplicateIds.length + 1)}) ORDER BY id`,
      [survivorId, ...duplicateIds],
    );
  const held = new Set(
    rows.filter((r) => Number(r.client_id) === survivorId).map((r) => Number(r.organization_id)),
  );
  const chosen: typeof rows = [];
  for (const r of rows) {
    if (Number(r.client_id) === survivorId || held.has(Number(r.organization_id))) continue;
    held.add(Number(r.organization_id));
    chosen.push(r);
  }
  if (!chosen.length) return 0;
  moved.release_exception = {};
  for (const r of chosen) (moved.release_exception[String(r.client_id)] ??= []).push(Number(r.id));
  await m.query(`UPDATE release_exception SET client_id = ? WHERE id IN (${marks(chosen.length)})`, [
    survivorId,
    ...chosen.map((r) => Number(r.id)),
  ]);
  return chosen.length;
}

async function restoreRows(m: EntityManager, merge: ClientMerge, userId: number): Promise<void> {
  for (const t of MOVED_TABLES) {
    const { table } = t;
    const perClient = merge.before.moved[table];
    if (!perClient) continue;
    for (const [clientId, ids] of Object.entries(perClient)) {
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        await m.query(`UPDATE ${table} SET ${moveSet(t)} WHERE id IN (${marks(chunk.length)})`, [
          ...moveParams(t, Number(clientId)),
          ...chunk,
        ]);
      }
    }
  }
  for (const row of merge.before.clients) {
    const cols = RESTORED_COLUMNS;
    await m.query(
      `UPDATE client SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = updated_at WHERE id = ?`,
      [...cols.map((c) => row[c] ?? null), row.id],
    );
  }
  void userId;
}

export async function unmergeClient(ctx: RequestContext, mergeIdArg: string): Promise<ClientMerge> {
  const access = readyAccess(ctx);
  const mergeId = requiredId('mergeId', mergeIdArg);
  return writeTransaction(ctx.ds, async (m) => {
    const merge = await m.getRepository(ClientMerge).findOneBy({ id: mergeId });
    if (!merge) throw badInput('mergeId', 'no merge with this id');
    const [visible] = await m.query(
      `SELECT c.id FROM client c WHERE c.id = ? AND ${clientVisibility('c', access.scope)}`,
      [merge.survivorId],
    );
    if (!visible) throw badInput('mergeId', 'no merge with this id');
    if (merge.unmergedAt)
      throw appError('CONFLICT', `Merge ${merge.id} was already undone.`, { field: 'mergeId' });
    await restoreRows(m, merge, access.userId);
    const all = [merge.survivorId, ...merge.duplicateIds];
    await m.query(`DELETE FROM client_merge_member WHERE merge_id = ?`, [merge.id]);
    merge.unmergedAt = new Date();
    merge.unmergedById = access.userId;
    await m.getRepository(ClientMerge).update(merge.id, {
      unmergedAt: merge.unmergedAt,
      unmergedById: merge.unmergedById,
    });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'unmergeClient',
      entityType: 'Client',
      entityId: merge.survivorId,
      clientId: merge.survivorId,
      clientIds: merge.duplicateIds,
      before: { mergeId: merge.id },
      after: { mergeId: merge.id, restored: merge.before.clients },
    });
    await refreshClientReach(m, all);
    await refreshMatchKeys(m, all);
    return merge;
  });
}
