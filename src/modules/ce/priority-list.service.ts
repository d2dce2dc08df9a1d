/**
 * The coordinated entry priority list (access model §9): entries for clients with an active CE
 * enrollment and an assessment, ordered by the community's order (data), paged with keyset
 * cursors over only the entries whose client the active organization may see, numbered 1..n
 * among those. A page is one statement (entries, client names, the ranking assessment when
 * visible); the position of a later page's first row and totalCount are one statement each.
 */
import type { EntityManager } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { clientVisibility, transactionVisibility, type VisibilityScope } from '../../access/visibility';
import {
  decodeCursor,
  pageSize,
  parseId,
  toConnection,
  type ConnectionValue,
} from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { requiredText } from '../../graphql/validate';
import { writeTransaction } from '../../database/transactions';
import { fromSqlTimestamp, localToday } from '../../database/sql-time';
import { PrioritizationStatus, ProjectType } from '../../hud';
import { recordChange } from '../audit/audit.service';
import { ageOn } from '../client/client.resolver';
import type { Assessment } from '../transaction/assessment.entity';
import type { Enrollment } from '../enrollment/enrollment.entity';
import type { Program } from '../program/program.entity';
import {
  OPEN_STATUSES,
  PriorityListEntry as EntryRow,
  PriorityListStatus,
  PriorityListStatusChange,
  PriorityOrderSetting,
} from './priority-list.entity';
import {
  PrioritySortKey,
  SortDirection,
  type PriorityListEntry,
  type PriorityOrder,
  type PriorityStatusChange,
} from './ce.types';

export const DEFAULT_ORDER: PriorityOrder['keys'] = [
  { key: PrioritySortKey.TOTAL_SCORE, direction: SortDirection.DESC },
  { key: PrioritySortKey.ASSESSMENT_DATE, direction: SortDirection.ASC },
];

/** SQL of each sort key over the entry (alias e): a missing score sorts as the lowest. */
const KEY_SQL: Record<PrioritySortKey, { sql: string; type: 'number' | 'string' }> = {
  [PrioritySortKey.TOTAL_SCORE]: { sql: 'COALESCE(e.total_score, -1)', type: 'number' },
  [PrioritySortKey.ASSESSMENT_DATE]: { sql: 'e.assessment_date', type: 'string' },
  [PrioritySortKey.LISTED_DATE]: { sql: 'e.listed_on', type: 'string' },
};

export async function getPriorityOrder(db: EntityManager | RequestContext['ds']): Promise<PriorityOrder> {
  const row = await db.getRepository(PriorityOrderSetting).findOneBy({ id: 1 });
  return row
    ? { keys: row.sortKeys as PriorityOrder['keys'], updatedAt: row.updatedAt }
    : { keys: DEFAULT_ORDER, updatedAt: null };
}

export async function setPriorityOrder(
  ctx: RequestContext,
  keys: { key: PrioritySortKey; direction: SortDirection }[],
): Promise<PriorityOrder> {
  const access = readyAccess(ctx);
  if (!keys.length || keys.length > 3) throw badInput('input.keys', 'give one to three sort keys');
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (!(k.key in KEY_SQL)) throw badInput(`input.keys[${i}].key`, 'is not a sort key');
    if (k.direction !== SortDirection.ASC && k.direction !== SortDirection.DESC)
      throw badInput(`input.keys[${i}].direction`, 'is ASC or DESC');
    if (seen.has(k.key)) throw badInput(`input.keys[${i}].key`, `${k.key} is given twice`);
    seen.add(k.key);
  });
  const clean = keys.map((k) => ({ key: k.key, direction: k.direction }));
  return writeTransaction(ctx.ds, async (m) => {
    const before = await getPriorityOrder(m);
    await m.getRepository(PriorityOrderSetting).save({ id: 1, sortKeys: clean, updatedById: access.userId });
    await recordChange(m, ctx, {
      action: before.updatedAt ? 'UPDATE' : 'CREATE',
      operation: 'setPriorityOrder',
      entityType: 'PriorityOrder',
      entityId: 1,
      clientId: null,
      before: { keys: before.keys },
      after: { keys: clean },
    });
    return getPriorityOrder(m);
  });
}

export interface ListFilter {
  status?: PriorityListStatus | null;
  programType?: ProjectType | null;
}

interface EntrySqlRow {
  id: number;
  client_id: number;
  status: PriorityListStatus;
  listed_on: string;
  first_name: string | null;
  last_name: string | null;
  dob: string | null;
  a_id: number | null;
  a_date: string | null;
  a_instrument: string | null;
  a_score: number | null;
  a_status: number | null;
  [key: `k${number}`]: string | number;
}

function filterSql(scope: VisibilityScope, filter: ListFilter): { where: string; params: unknown[] } {
  const where = [clientVisibility('c', scope), 'en.date_deleted IS NULL'];
  const params: unknown[] = [];
  if (filter.status) {
    where.push('e.status = ?');
    params.push(filter.status);
  }
  if (filter.programType !== null && filter.programType !== undefined) {
    where.push('p.project_type = ?');
    params.push(filter.programType);
  }
  return { where: where.join(' AND '), params };
}

const FROM = `FROM priority_list_entry e
  JOIN client c ON c.id = e.client_id
  JOIN enrollment en ON en.id = e.enrollment_id
  JOIN program p ON p.id = en.program_id`;

/** Rows strictly after `values` in the order (ties broken by id ascending). */
function afterSql(
  keys: PriorityOrder['keys'],
  values: (string | number)[],
): { sql: string; params: unknown[] } {
  const cols = [
    ...keys.map((k) => ({ sql: KEY_SQL[k.key].sql, desc: k.direction === 'DESC' })),
    { sql: 'e.id', desc: false },
  ];
  const ors: string[] = [];
  const params: unknown[] = [];
  cols.forEach((col, i) => {
    const eqs = cols.slice(0, i).map((c) => `${c.sql} = ?`);
    ors.push(`(${[...eqs, `${col.sql} ${col.desc ? '<' : '>'} ?`].join(' AND ')})`);
    params.push(...values.slice(0, i), values[i]);
  });
  return { sql: `(${ors.join(' OR ')})`, params };
}

/** The statement of one page of the list (the server's and the bench floor's). */
export function priorityPageSql(
  scope: VisibilityScope,
  keys: PriorityOrder['keys'],
  filter: ListFilter,
  cursor: (string | number)[] | null,
  limit: number,
): { sql: string; params: unknown[] } {
  const { where, params } = filterSql(scope, filter);
  const after = cursor ? afterSql(keys, cursor.slice(0, keys.length + 1)) : null;
  const orderBy = [...keys.map((k) => `${KEY_SQL[k.key].sql} ${k.direction}`), 'e.id ASC'].join(', ');
  return {
    sql: `SELECT e.id, e.client_id, e.status, e.listed_on, c.first_name, c.last_name, c.dob,
       a.id AS a_id, a.assessment_date AS a_date, a.instrument AS a_instrument, a.score AS a_score,
       a.prioritization_status AS a_status,
       ${keys.map((k, i) => `${KEY_SQL[k.key].sql} AS k${i}`).join(', ')}
     ${FROM}
     LEFT JOIN assessment a ON a.id = e.assessment_id AND ${transactionVisibility('a', scope)}
     WHERE ${where}${after ? ` AND ${after.sql}` : ''}
     ORDER BY ${orderBy} LIMIT ${Number(limit)}`,
    params: [...params, ...(after?.params ?? [])],
  };
}

/** The statement counting the visible entries of a filter (totalCount). */
export function priorityCountSql(
  scope: VisibilityScope,
  filter: ListFilter,
): { sql: string; params: unknown[] } {
  const { where, params } = filterSql(scope, filter);
  return { sql: `SELECT COUNT(*) AS n ${FROM} WHERE ${where}`, params };
}

export async function priorityList(
  ctx: RequestContext,
  args: { first?: number | null; after?: string | null } & ListFilter,
): Promise<ConnectionValue<PriorityListEntry>> {
  const access = readyAccess(ctx);
  const first = pageSize(args.first);
  const order = await getPriorityOrder(ctx.ds);
  const keys = order.keys;
  const shape = [...keys.map((k) => KEY_SQL[k.key].type), 'number' as const, 'number' as const];
  // The cursor carries the sort values of the last row seen, its id and its position.
  const cursor = decodeCursor(args.after, shape);
  const page = priorityPageSql(access.scope, keys, args, cursor, first + 1);
  const rows: EntrySqlRow[] = await ctx.ds.query(page.sql, page.params);
  // Positions are among the visible entries of this filter: the cursor's position, which the
  // next page continues from, was computed the same way (a forged one only misnumbers the
  // caller's own page).
  const start = cursor ? Number(cursor[cursor.length - 1]) : 0;
  const today = localToday();
  const entries = rows.map((r, i): PriorityListEntry => {
    if (i < first) ctx.reads.client(Number(r.client_id));
    return {
      ...entryOf(r, today),
      position: start + i + 1,
      sortValues: keys.map((k, j) => {
        const v = r[`k${j}`];
        return KEY_SQL[k.key].type === 'number' ? Number(v) : String(v).slice(0, 10);
      }),
    };
  });
  return toConnection(
    entries,
    first,
    (e) => [...e.sortValues, e.id, e.position],
    async () => {
      const count = priorityCountSql(access.scope, args);
      const [row] = await ctx.ds.query(count.sql, count.params);
      return Number(row.n);
    },
  );
}

function entryOf(r: EntrySqlRow, today: string): Omit<PriorityListEntry, 'position' | 'sortValues'> {
  const assessmentVisible = r.a_id !== null;
  return {
    id: Number(r.id),
    status: r.status,
    clientId: Number(r.client_id),
    firstName: r.first_name,
    lastName: r.last_name,
    age: r.dob ? ageOn(String(r.dob).slice(0, 10), today) : null,
    assessmentId: assessmentVisible ? Number(r.a_id) : null,
    assessmentDate: assessmentVisible && r.a_date !== null ? String(r.a_date).slice(0, 10) : null,
    instrument: assessmentVisible ? r.a_instrument : null,
    totalScore: assessmentVisible && r.a_score !== null ? Number(r.a_score) : null,
    prioritizationStatus:
      assessmentVisible && r.a_status !== null ? (Number(r.a_status) as PrioritizationStatus) : null,
    listedOn: String(r.listed_on).slice(0, 10),
  };
}

/** An entry whose client the caller may see, or BAD_USER_INPUT (the same answer as a missing one). */
async function visibleEntry(
  m: EntityManager,
  access: AccessContext,
  idArg: string,
  field: string,
): Promise<EntryRow> {
  const id = parseId(idArg);
  const rows: { id: number }[] =
    id === null
      ? []
      : await m.query(
          `SELECT e.id FROM priority_list_entry e JOIN client c ON c.id = e.client_id WHERE e.id = ? AND ${clientVisibility('c', access.scope)}`,
          [id],
        );
  if (!rows.length) throw badInput(field, 'no priority list entry with this id');
  return m.getRepository(EntryRow).findOneByOrFail({ id: Number(rows[0].id) });
}

export { visibleEntry };

/** Changes an entry's status with its history row and audit; the unique index holds one ACTIVE per client. */
export async function changeStatus(
  m: EntityManager,
  ctx: RequestContext,
  entry: EntryRow,
  status: PriorityListStatus,
  reason: string,
  operation: string,
): Promise<EntryRow> {
  const before = { ...entry };
  const changedBy = ctx.access?.ready ? ctx.access.userId : null;
  await m.getRepository(EntryRow).update(entry.id, {
    status,
    activeClientId: status === PriorityListStatus.ACTIVE ? entry.clientId : null,
  });
  await m.getRepository(PriorityListStatusChange).insert({
    entryId: entry.id,
    fromStatus: entry.status,
    toStatus: status,
    reason,
    changedById: changedBy,
    changedAsOrganizationId: ctx.access?.organizationId ?? null,
  });
  const after = await m.getRepository(EntryRow).findOneByOrFail({ id: entry.id });
  await recordChange(m, ctx, {
    action: 'UPDATE',
    operation,
    entityType: 'PriorityListEntry',
    entityId: entry.id,
    clientId: entry.clientId,
    before: { status: before.status },
    after: { status: after.status, reason },
  });
  return after;
}

export async function setPriorityStatus(
  ctx: RequestContext,
  entryId: string,
  status: PriorityListStatus,
  reasonArg: string,
): Promise<PriorityListEntry> {
  const access = readyAccess(ctx);
  const reason = requiredText('reason', reasonArg, 500);
  if (!Object.values(PriorityListStatus).includes(status))
    throw badInput('status', 'is not a priority list status');
  const saved = await writeTransaction(ctx.ds, async (m) => {
    const entry = await visibleEntry(m, access, entryId, 'entryId');
    if (entry.status === status) throw badInput('status', `the entry is ${status} already`);
    return changeStatus(m, ctx, entry, status, reason, 'setPriorityStatus');
  });
  return entryView(ctx, saved.id);
}

/** One entry as the list shows it (position 1: a single entry is not numbered among others). */
export async function entryView(ctx: RequestContext, id: number): Promise<PriorityListEntry> {
  const access = readyAccess(ctx);
  const rows: EntrySqlRow[] = await ctx.ds.query(
    `SELECT e.id, e.client_id, e.status, e.listed_on, c.first_name, c.last_name, c.dob,
       a.id AS a_id, a.assessment_date AS a_date, a.instrument AS a_instrument, a.score AS a_score,
       a.prioritization_status AS a_status
     FROM priority_list_entry e JOIN client c ON c.id = e.client_id
     LEFT JOIN assessment a ON a.id = e.assessment_id AND ${transactionVisibility('a', access.scope)}
     WHERE e.id = ?`,
    [id],
  );
  const r = rows[0];
  ctx.reads.client(Number(r.client_id));
  return { ...entryOf(r, localToday()), position: 1, sortValues: [] };
}

/** The status history of an entry, oldest first, with who made each change. */
export async function entryHistory(ctx: RequestContext, entryId: number): Promise<PriorityStatusChange[]> {
  const rows: {
    from_status: PriorityListStatus | null;
    to_status: PriorityListStatus;
    reason: string;
    username: string | null;
    changed_at: Date | string;
  }[] = await ctx.ds.query(
    `SELECT h.from_status, h.to_status, h.reason, u.username, h.changed_at FROM priority_list_status_change h
     LEFT JOIN app_user u ON u.id = h.changed_by_id WHERE h.entry_id = ? ORDER BY h.id`,
    [entryId],
  );
  return rows.map((r) => ({
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    changedBy: r.username,
    changedAt: r.changed_at instanceof Date ? r.changed_at : fromSqlTimestamp(String(r.changed_at)),
  }));
}

/**
 * After an assessment is recorded in an enrollment: a CE enrollment (HUD project type 14) puts
 * its client on the list, or re-ranks the client's open entry by the newer assessment. An
 * assessment that did not place the household (HUD 4.19.7 = 2) leaves the list alone.
 */
export async function placeOnList(
  m: EntityManager,
  ctx: RequestContext,
  assessment: Assessment,
  enrollment: Enrollment,
  program: Program,
): Promise<void> {
  if (program.projectType !== ProjectType.COORDINATED_ENTRY) return;
  if (assessment.prioritizationStatus === PrioritizationStatus.NOT_PLACED_ON_PRIORITIZATION_LIST) return;
  const repo = m.getRepository(EntryRow);
  const open = await repo
    .createQueryBuilder('e')
    .where('e.clientId = :clientId AND e.status IN (:...open)', {
      clientId: enrollment.clientId,
      open: OPEN_STATUSES,
    })
    .orderBy('e.id', 'DESC')
    .getOne();
  if (open) {
    if (open.assessmentDate > assessment.assessmentDate) return;
    await repo.update(open.id, {
      assessmentId: assessment.id,
      totalScore: assessment.score,
      assessmentDate: assessment.assessmentDate,
    });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'createAssessment',
      entityType: 'PriorityListEntry',
      entityId: open.id,
      clientId: open.clientId,
      before: { assessmentId: open.assessmentId },
      after: { assessmentId: assessment.id },
    });
    return;
  }
  const saved = await repo.save(
    repo.create({
      clientId: enrollment.clientId,
      activeClientId: enrollment.clientId,
      enrollmentId: enrollment.id,
      assessmentId: assessment.id,
      status: PriorityListStatus.ACTIVE,
      totalScore: assessment.score,
      assessmentDate: assessment.assessmentDate,
      listedOn: localToday(),
    }),
  );
  await m.getRepository(PriorityListStatusChange).insert({
    entryId: saved.id,
    fromStatus: null,
    toStatus: PriorityListStatus.ACTIVE,
    reason: 'Placed on the list by a coordinated entry assessment',
    changedById: ctx.access?.ready ? ctx.access.userId : null,
    changedAsOrganizationId: ctx.access?.organizationId ?? null,
  });
  await recordChange(m, ctx, {
    action: 'CREATE',
    operation: 'createAssessment',
    entityType: 'PriorityListEntry',
    entityId: saved.id,
    clientId: saved.clientId,
    before: null,
    after: { status: saved.status, assessmentId: assessment.id },
  });
}

/** After a CE enrollment's exit: its open entry (ACTIVE or ON_HOLD) becomes INACTIVE. */
export async function leaveListOnExit(
  m: EntityManager,
  ctx: RequestContext,
  enrollmentId: number,
): Promise<void> {
  const open = await m
    .getRepository(EntryRow)
    .createQueryBuilder('e')
    .where('e.enrollmentId = :enrollmentId AND e.status IN (:...open)', {
      enrollmentId,
      open: [PriorityListStatus.ACTIVE, PriorityListStatus.ON_HOLD],
    })
    .getMany();
  for (const entry of open)
    await changeStatus(
      m,
      ctx,
      entry,
      PriorityListStatus.INACTIVE,
      'The CE enrollment ended',
      'exitEnrollment',
    );
}
