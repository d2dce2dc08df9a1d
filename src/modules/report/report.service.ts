/**
 * Aggregate reports (issue 15, access model §5, §10): counts computed in SQL with the visibility
 * predicates of every record they touch (never a fetch-and-filter), small cells suppressed, a
 * total that is the sum of the cells shown, and every run audited (who, context, parameters,
 * cells returned).
 */
import type { AccessContext } from '../../access/access-context';
import type { Capability } from '../../access/capabilities';
import { clientVisibility, programVisibility, transactionVisibility } from '../../access/visibility';
import { appError, badInput } from '../../graphql/errors';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { ProjectType, RaceEthnicity, Sex, NoYesMissing } from '../../hud';
import { AuditEvent } from '../audit/audit-event.entity';
import {
  AGE_BAND_LABELS,
  DESTINATION_CLASS_LABELS,
  HOUSEHOLD_TYPE_LABELS,
  ageBandSql,
  destinationClassSql,
  dialectOf,
  type Dialect,
} from './report-sql';
import { AggregateReport, ReportCell, ReportGroupBy, type ReportInput } from './report.types';

export type CountReport = 'clientCounts' | 'enrollmentCounts' | 'serviceCounts';

export const MAX_GROUP_BY = 3;
export const MAX_YEARS = 10;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What each report counts and the capability it needs besides report:run. */
const REPORTS: Record<CountReport, { needs: Capability; words: string }> = {
  clientCounts: { needs: 'client:read', words: 'clients' },
  enrollmentCounts: { needs: 'enrollment:read', words: 'enrollments' },
  serviceCounts: { needs: 'service:read', words: 'services' },
};

/** Dimensions whose values are guarded client fields (record-types.ts): they need that capability. */
const GROUP_NEEDS: Partial<Record<ReportGroupBy, Capability>> = {
  [ReportGroupBy.SEX]: 'client.demographics:read',
  [ReportGroupBy.RACE_ETHNICITY]: 'client.demographics:read',
  [ReportGroupBy.VETERAN_STATUS]: 'client.demographics:read',
};

export interface ReportParams {
  from: string;
  to: string;
  programIds: number[];
  groupBy: ReportGroupBy[];
}

/** Whether `to` is more than 10 years after `from`. */
function overTenYears(from: string, to: string): boolean {
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS);
  return new Date(`${to}T00:00:00Z`).getTime() > limit.getTime();
}

/**
 * Checks a report's parameters: dates, at most 3 known group-by keys without repeats, programs
 * visible to the caller (an invisible program answers as a nonexistent one). BAD_USER_INPUT
 * naming the field, FORBIDDEN naming the capability missing.
 */
export async function checkParams(
  ctx: RequestContext,
  input: {
    from: string;
    to: string;
    programIds?: readonly string[] | null;
    groupBy?: readonly string[] | null;
  },
  needs: Capability,
): Promise<ReportParams> {
  const access = readyAccess(ctx);
  requireCapability(access, needs, `this report (it counts records that need ${needs})`);
  if (!ISO_DATE.test(input.from ?? '')) throw badInput('from', 'give a date as YYYY-MM-DD.');
  if (!ISO_DATE.test(input.to ?? '')) throw badInput('to', 'give a date as YYYY-MM-DD.');
  if (input.to < input.from) throw badInput('to', 'the period ends before it starts.');
  if (overTenYears(input.from, input.to))
    throw badInput('to', `a report covers at most ${MAX_YEARS} years; choose a shorter period.`);
  const groupBy = [...(input.groupBy ?? [])];
  if (groupBy.length > MAX_GROUP_BY)
    throw badInput('groupBy', `group by at most ${MAX_GROUP_BY} dimensions (got ${groupBy.length}).`);
  const known = Object.values(ReportGroupBy) as string[];
  for (const key of groupBy)
    if (!known.includes(key))
      throw badInput(
        'groupBy',
        `"${String(key).slice(0, 40)}" is not a grouping; use one of ${known.join(', ')}.`,
      );
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy', 'a dimension is named twice.');
  for (const key of groupBy as ReportGroupBy[]) {
    const cap = GROUP_NEEDS[key];
    if (cap) requireCapability(access, cap, `grouping by ${key} (it needs ${cap})`);
  }
  const programIds: number[] = [];
  for (const raw of input.programIds ?? []) {
    const id = /^[1-9][0-9]{0,9}$/.test(String(raw)) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id))
      throw badInput('programIds', `no program with id ${String(raw).slice(0, 20)}.`);
    programIds.push(id);
  }
  if (programIds.length) {
    const unique = [...new Set(programIds)];
    const rows: { id: number | string }[] = await ctx.ds.query(
      `SELECT p.id FROM program p WHERE p.id IN (${unique.join(', ')}) AND ${programVisibility('p', access.scope)}`,
    );
    const seen = new Set(rows.map((r) => Number(r.id)));
    const missing = unique.find((id) => !seen.has(id));
    if (missing !== undefined) throw badInput('programIds', `no program with id ${missing}.`);
  }
  return {
    from: input.from,
    to: input.to,
    programIds: [...new Set(programIds)],
    groupBy: groupBy as ReportGroupBy[],
  };
}

export function requireCapability(access: AccessContext, capability: Capability, what: string): void {
  if (!access.has(capability))
    throw appError(
      'FORBIDDEN',
      `You do not have permission for ${what}; your active workgroup does not grant it.`,
      {
        capability,
      },
    );
}

/** The SQL value of one dimension; e = enrollment, c = client, p = program, x = exit, on = the date counted. */
function dimensionSql(
  key: ReportGroupBy,
  dialect: Dialect,
  on: string,
  scope: AccessContext['scope'],
): string {
  switch (key) {
    case ReportGroupBy.PROGRAM:
      return 'p.id';
    case ReportGroupBy.PROJECT_TYPE:
      return 'p.project_type';
    case ReportGroupBy.MONTH:
      return dialect.month(on);
    case ReportGroupBy.AGE_BAND:
      return ageBandSql(dialect.age('c.dob', on));
    case ReportGroupBy.SEX:
      return 'c.sex';
    case ReportGroupBy.RACE_ETHNICITY:
      return 'c.race_ethnicity';
    case ReportGroupBy.VETERAN_STATUS:
      return 'c.veteran_status';
    case ReportGroupBy.EXIT_DESTINATION_CLASS:
      return destinationClassSql('x');
    case ReportGroupBy.HOUSEHOLD_TYPE: {
      // The household members visible to the caller (client and enrollment), by age at their start.
      const age = dialect.age('hc.dob', 'h.entry_date');
      return `(SELECT MAX(CASE WHEN ${age} >= 18 THEN 2 ELSE 0 END) + MAX(CASE WHEN ${age} < 18 THEN 1 ELSE 0 END)
        FROM enrollment h JOIN client hc ON hc.id = h.client_id
        WHERE (h.id = e.id OR (e.household_id IS NOT NULL AND h.household_id = e.household_id))
          AND ${transactionVisibility('h', scope)} AND ${clientVisibility('hc', scope)})`;
    }
  }
}

/** The statement counting `report` by `params` for the caller's active organization. */
export function countSql(
  report: CountReport,
  params: ReportParams,
  scope: AccessContext['scope'],
  dialect: Dialect,
): { sql: string; args: unknown[] } {
  const services = report === 'serviceCounts';
  const on = services ? 's.date_provided' : 'e.entry_date';
  const dims = params.groupBy.map((k, i) => `${dimensionSql(k, dialect, on, scope)} AS k${i}`);
  const counted = report === 'clientCounts' ? 'c.id' : services ? 's.id' : 'e.id';
  const needsExit = params.groupBy.includes(ReportGroupBy.EXIT_DESTINATION_CLASS);
  const from = services
    ? `service s JOIN enrollment e ON e.id = s.enrollment_id JOIN client c ON c.id = s.client_id`
    : `enrollment e JOIN client c ON c.id = e.client_id`;
  const where = [
    services ? transactionVisibility('s', scope) : null,
    transactionVisibility('e', scope),
    clientVisibility('c', scope),
    `${on} >= ? AND ${on} <= ?`,
    params.programIds.length ? `e.program_id IN (${params.programIds.join(', ')})` : null,
  ].filter(Boolean);
  const groupCols = params.groupBy.map((_, i) => `k${i}`);
  const sql = `SELECT ${[...dims, `COUNT(DISTINCT ${counted}) AS n`].join(', ')}
    FROM ${from} JOIN program p ON p.id = e.program_id
    ${needsExit ? `LEFT JOIN enrollment_exit x ON x.enrollment_id = e.id AND ${transactionVisibility('x', scope)}` : ''}
    WHERE ${where.join(' AND ')}
    ${groupCols.length ? `GROUP BY ${groupCols.join(', ')}` : ''}`;
  return { sql, args: [params.from, params.to] };
}

const words = (key: string) => key.charAt(0) + key.slice(1).toLowerCase().replace(/_/g, ' ');
function enumLabel(e: Record<string, string | number>, value: string): string {
  const name = e[Number(value)];
  return typeof name === 'string' ? words(name) : value;
}

/** A raw race/ethnicity value (simple-json list) as one sorted code list: "5+6", or MISSING. */
function raceValue(raw: unknown): string {
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      list = null;
    }
  }
  if (!Array.isArray(list) || !list.length) return 'MISSING';
  return [...new Set(list.map(Number))].sort((a, b) => a - b).join('+');
}

function keyOf(
  key: ReportGroupBy,
  raw: unknown,
  programNames: Map<number, string>,
): { value: string; label: string } {
  if (key === ReportGroupBy.RACE_ETHNICITY) {
    const value = raceValue(raw);
    return {
      value,
      label:
        value === 'MISSING'
          ? 'Missing'
          : value
              .split('+')
              .map((v) => enumLabel(RaceEthnicity, v))
              .join(' and '),
    };
  }
  if (raw === null || raw === undefined) return { value: 'MISSING', label: 'Missing' };
  const value = String(raw);
  switch (key) {
    case ReportGroupBy.PROGRAM:
      return { value, label: programNames.get(Number(value)) ?? `Program ${value}` };
    case ReportGroupBy.PROJECT_TYPE:
      return { value, label: enumLabel(ProjectType, value) };
    case ReportGroupBy.SEX:
      return { value, label: enumLabel(Sex, value) };
    case ReportGroupBy.VETERAN_STATUS:
      return { value, label: enumLabel(NoYesMissing, value) };
    case ReportGroupBy.AGE_BAND:
      return { value, label: AGE_BAND_LABELS[value] ?? value };
    case ReportGroupBy.EXIT_DESTINATION_CLASS:
      return { value, label: DESTINATION_CLASS_LABELS[value] ?? value };
    case ReportGroupBy.HOUSEHOLD_TYPE:
      return { value: String(Number(value)), label: HOUSEHOLD_TYPE_LABELS[String(Number(value))] ?? value };
    default:
      return { value, label: value };
  }
}

/** A count as shown: null and suppressed when under the minimum cell size (0 turns it off). */
export function suppress(count: number, minCell: number): { count: number | null; suppressed: boolean } {
  return minCell > 0 && count > 0 && count < minCell
    ? { count: null, suppressed: true }
    : { count, suppressed: false };
}

/** Runs one aggregate report for the caller and audits it. */
export async function runCountReport(
  ctx: RequestContext,
  report: CountReport,
  input: ReportInput,
  format: 'graphql' | 'csv' = 'graphql',
): Promise<AggregateReport> {
  const access = readyAccess(ctx);
  const params = await checkParams(ctx, input, REPORTS[report].needs);
  const { sql, args } = countSql(report, params, access.scope, dialectOf(ctx.ds));
  const rows: Record<string, unknown>[] = await ctx.ds.query(sql, args);
  const programNames = new Map<number, string>();
  if (params.groupBy.includes(ReportGroupBy.PROGRAM)) {
    const ids = [...new Set(rows.map((r) => Number(r[`k${params.groupBy.indexOf(ReportGroupBy.PROGRAM)}`])))];
    if (ids.length) {
      const names: { id: number | string; name: string }[] = await ctx.ds.query(
        `SELECT p.id, p.name FROM program p WHERE p.id IN (${ids.filter(Number.isSafeInteger).join(', ')})`,
      );
      for (const n of names) programNames.set(Number(n.id), n.name);
    }
  }
  // Merge rows whose keys normalize to the same value (race lists stored in another order).
  const merged = new Map<string, { keys: ReportCell['keys']; n: number }>();
  for (const row of rows) {
    const keys = params.groupBy.map((dimension, i) => ({
      dimension,
      ...keyOf(dimension, row[`k${i}`], programNames),
    }));
    const id = JSON.stringify(keys.map((k) => k.value));
    const found = merged.get(id);
    if (found) found.n += Number(row.n);
    else merged.set(id, { keys, n: Number(row.n) });
  }
  const minCell = ctx.config.reportMinCell;
  const cells: ReportCell[] = [...merged.values()]
    .filter((c) => c.n > 0)
    .sort((a, b) => compareKeys(a.keys, b.keys))
    .map((c) => ({ keys: c.keys, ...suppress(c.n, minCell) }));
  const total = cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
  const result: AggregateReport = {
    report,
    groupBy: params.groupBy,
    from: params.from,
    to: params.to,
    minCellSize: minCell,
    cells,
    total,
    someSuppressed: cells.some((c) => c.suppressed),
  };
  await auditReport(ctx, report, params, format, {
    cells: cells.length,
    suppressedCells: cells.filter((c) => c.suppressed).length,
  });
  return result;
}

function compareKeys(a: ReportCell['keys'], b: ReportCell['keys']): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i].value;
    const y = b[i].value;
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c) return c;
  }
  return 0;
}

/** One READ event per report run (access model §10): who, context, what was asked, how much came back. */
export async function auditReport(
  ctx: RequestContext,
  report: string,
  params: object,
  format: string,
  returned: Record<string, number>,
): Promise<void> {
  const access = readyAccess(ctx);
  await ctx.primary.getRepository(AuditEvent).insert({
    at: new Date(),
    userId: access.userId,
    organizationId: access.organizationId,
    workgroupId: access.workgroupId,
    action: 'READ',
    operation: `report:${report}`,
    entityType: 'Report',
    entityId: null,
    clientIds: null,
    fields: null,
    before: null,
    after: JSON.parse(JSON.stringify({ parameters: params, format, ...returned })),
    requestId: ctx.requestId,
  });
}
