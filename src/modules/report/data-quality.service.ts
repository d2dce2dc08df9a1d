/**
 * The data-quality report (issue 15): for the enrollments active in a period and visible to the
 * caller's active organization, each HUD universal data element counted as complete, client
 * doesn't know / prefers not to answer, data not collected, missing or invalid; timeliness of
 * starts and exits in HUD's bands; and the records of the caller's own organization to fix, only
 * where the caller may edit them. Counted in SQL with the visibility predicates; the problem list
 * goes through the read policy (it names clients) and is read-audited.
 */
import type { AccessContext } from '../../access/access-context';
import type { Capability } from '../../access/capabilities';
import { readRows } from '../../access/read-policy';
import { recordType } from '../../access/record-types';
import { clientReachVisibility, programVisibility, transactionVisibility } from '../../access/visibility';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { dialectOf, timelinessBandSql, type Dialect } from './report-sql';
import { auditReport, checkParams, suppress } from './report.service';
import type {
  DataQualityElement,
  DataQualityInput,
  DataQualityProblem,
  DataQualityReport,
  ProgramDataQuality,
  TimelinessBands,
} from './report.types';

/** Severity codes, worst wins per unit: 1 complete, 2 data not collected, 3 doesn't know/prefers not, 4 missing, 5 invalid. */
const CATEGORY = {
  1: 'complete',
  2: 'dataNotCollected',
  3: 'doesNotKnowOrPrefersNot',
  4: 'missing',
  5: 'invalid',
} as const;
type Sev = keyof typeof CATEGORY;

const dkNc = (col: string) => `WHEN ${col} IN (8, 9) THEN 3 WHEN ${col} = 99 THEN 2`;

/** SSA rules: nine digits, area not 000, 666 or 900-999, group not 00, serial not 0000, not a well-known dummy. */
const SSN_INVALID = `(LENGTH(c.ssn) <> 9 OR SUBSTR(c.ssn, 1, 3) IN ('000', '666') OR SUBSTR(c.ssn, 1, 1) = '9'
  OR SUBSTR(c.ssn, 4, 2) = '00' OR SUBSTR(c.ssn, 6, 4) = '0000'
  OR c.ssn IN ('123456789', '111111111', '222222222', '333333333', '444444444', '555555555', '777777777', '888888888'))`;

interface ElementDef {
  element: string;
  name: string;
  unit: 'clients' | 'enrollments' | 'exits';
  /** Field capability the element's values need (record-types.ts); without it the element is withheld. */
  needs?: Capability;
  /** Severity CASE over u (the enrollment universe), c (its client) and the dialect. */
  sev: (d: Dialect, scope: AccessContext['scope']) => string;
  invalid: string;
}

const ELEMENTS: ElementDef[] = [
  {
    element: '3.01',
    name: 'Name',
    unit: 'clients',
    needs: 'client.name:read',
    sev: () => `CASE ${dkNc('c.name_data_quality')}
      WHEN c.first_name IS NULL OR c.last_name IS NULL OR c.first_name = '' OR c.last_name = '' THEN 4
      WHEN c.name_data_quality = 2 THEN 5 ELSE 1 END`,
    invalid: 'name reported as partial, street or code name',
  },
  {
    element: '3.02',
    name: 'Social Security Number',
    unit: 'clients',
    needs: 'client.ssn:read',
    sev: () => `CASE ${dkNc('c.ssn_data_quality')} WHEN c.ssn IS NULL OR c.ssn = '' THEN 4
      WHEN c.ssn_data_quality = 2 OR ${SSN_INVALID} THEN 5 ELSE 1 END`,
    invalid: 'SSN partial or failing SSA rules',
  },
  {
    element: '3.03',
    name: 'Date of Birth',
    unit: 'clients',
    needs: 'client.dob:read',
    sev: () => `CASE ${dkNc('c.dob_data_quality')} WHEN c.dob IS NULL THEN 4
      WHEN c.dob_data_quality = 2 OR c.dob < '1915-01-01' OR c.dob > u.ed THEN 5 ELSE 1 END`,
    invalid: 'date of birth approximate, before 1915 or after the project start date',
  },
  {
    element: '3.04',
    name: 'Race and Ethnicity',
    unit: 'clients',
    needs: 'client.demographics:read',
    sev: () => `CASE WHEN c.race_ethnicity IS NULL OR c.race_ethnicity IN ('', '[]') THEN 4
      WHEN c.race_ethnicity IN ('[8]', '[9]') THEN 3 WHEN c.race_ethnicity = '[99]' THEN 2 ELSE 1 END`,
    invalid: 'race and ethnicity invalid',
  },
  {
    element: '3.06',
    name: 'Sex',
    unit: 'clients',
    needs: 'client.demographics:read',
    sev: () => `CASE ${dkNc('c.sex')} WHEN c.sex IS NULL THEN 4 ELSE 1 END`,
    invalid: 'sex invalid',
  },
  {
    element: '3.07',
    name: 'Veteran Status',
    unit: 'clients',
    needs: 'client.demographics:read',
    sev: (d) => `CASE ${dkNc('c.veteran_status')} WHEN c.veteran_status IS NULL THEN 4
      WHEN c.veteran_status = 1 AND ${d.age('c.dob', 'u.ed')} < 18 THEN 5 ELSE 1 END`,
    invalid: 'a child recorded as a veteran',
  },
  {
    element: '3.08',
    name: 'Disabling Condition',
    unit: 'enrollments',
    sev: () => `CASE ${dkNc('u.dc')} WHEN u.dc IS NULL THEN 4 ELSE 1 END`,
    invalid: 'disabling condition invalid',
  },
  {
    element: '3.10',
    name: 'Project Start Date',
    unit: 'enrollments',
    sev: () => `CASE WHEN u.xd IS NOT NULL AND u.xd < u.ed THEN 5 ELSE 1 END`,
    invalid: 'project start date after the exit date',
  },
  {
    element: '3.11',
    name: 'Project Exit Date',
    unit: 'exits',
    sev: () => `CASE WHEN u.xd < u.ed THEN 5 ELSE 1 END`,
    invalid: 'exit date before the project start date',
  },
  {
    element: '3.12',
    name: 'Destination',
    unit: 'exits',
    sev: () => `CASE ${dkNc('u.dest')} WHEN u.dest = 30 THEN 2 WHEN u.dest IS NULL THEN 4 ELSE 1 END`,
    invalid: 'destination invalid',
  },
  {
    element: '3.15',
    name: 'Relationship to Head of Household',
    unit: 'enrollments',
    sev: (_d, scope) => `CASE WHEN u.rel IS NULL THEN 4 WHEN u.rel = 99 THEN 2
      WHEN u.hh IS NULL AND u.rel <> 1 THEN 5
      WHEN u.hh IS NOT NULL AND (SELECT COUNT(*) FROM enrollment h WHERE h.household_id = u.hh
        AND h.relationship_to_ho_h = 1 AND ${transactionVisibility('h', scope)}) <> 1 THEN 5 ELSE 1 END`,
    invalid: 'household without exactly one head of household',
  },
  {
    element: '3.16',
    name: 'Client Location (Enrollment CoC)',
    unit: 'enrollments',
    sev: () => `CASE WHEN u.coc IS NULL OR u.coc = '' THEN 4
      WHEN LENGTH(u.coc) <> 6 OR SUBSTR(u.coc, 3, 1) <> '-' THEN 5 ELSE 1 END`,
    invalid: 'CoC code not in the form XX-999',
  },
  {
    element: '3.917',
    name: 'Prior Living Situation',
    unit: 'enrollments',
    sev: () => `CASE ${dkNc('u.ls')} WHEN u.ls IS NULL THEN 4 ELSE 1 END`,
    invalid: 'prior living situation invalid',
  },
];

const PROBLEM_WORDS: Record<number, string> = { 2: 'data not collected', 4: 'missing' };
const PROBLEM_LIMIT = 500;

function lit(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not an ISO date: ${date}`);
  return `'${date}'`;
}

/** The enrollments active in the period and visible (with their client and, if visible, exit). */
function universe(scope: AccessContext['scope'], from: string, to: string, programIds: number[]): string {
  return `SELECT e.id AS eid, e.client_id AS cid, e.program_id AS pid, e.organization_id AS org,
      e.entry_date AS ed, e.created_at AS ec, e.household_id AS hh, e.relationship_to_ho_h AS rel,
      e.disabling_condition AS dc, e.enrollment_coc AS coc, e.living_situation AS ls,
      x.id AS xid, x.exit_date AS xd, x.created_at AS xc, x.destination AS dest, x.organization_id AS xorg
    FROM enrollment e JOIN client c ON c.id = e.client_id JOIN client_reach cr ON cr.client_id = c.id
    LEFT JOIN enrollment_exit x ON x.enrollment_id = e.id AND ${transactionVisibility('x', scope)}
    WHERE ${transactionVisibility('e', scope)} AND ${clientReachVisibility('c', 'cr', scope)}
      AND e.entry_date <= ${lit(to)} AND (x.id IS NULL OR x.exit_date >= ${lit(from)})
      ${programIds.length ? `AND e.program_id IN (${programIds.join(', ')})` : ''}`;
}

const col = (def: ElementDef) => `s_${def.element.replace('.', '_')}`;

/**
 * Every shown element's severity per enrollment row, computed in one pass over the universe
 * (CTE s), then unpivoted into (pid, el, unit, cid, owner, sev) rows per unit: clients (worst
 * severity per program and client), enrollments, and exits in the period.
 */
function severities(shown: readonly ElementDef[], d: Dialect, scope: AccessContext['scope'], to: string) {
  const stage = `SELECT u.pid, u.eid, u.cid, u.org, u.xid, u.xorg, u.xd, c.organization_id AS corg,
      ${shown.map((e) => `(${e.sev(d, scope)}) AS ${col(e)}`).join(',\n      ')}
    FROM u JOIN client c ON c.id = u.cid`;
  const part = (unit: ElementDef['unit']) => shown.filter((e) => e.unit === unit);
  const keys = (defs: ElementDef[]) => defs.map((e) => `SELECT '${e.element}' AS el`).join(' UNION ALL ');
  const pick = (alias: string, defs: ElementDef[]) =>
    `CASE k.el ${defs.map((e) => `WHEN '${e.element}' THEN ${alias}.${col(e)}`).join(' ')} END`;
  const parts: string[] = [];
  const clients = part('clients');
  if (clients.length)
    parts.push(`SELECT cs.pid, k.el, cs.cid AS unit, cs.cid, cs.owner, ${pick('cs', clients)} AS sev
      FROM (SELECT s.pid, s.cid, MAX(s.corg) AS owner, ${clients.map((e) => `MAX(s.${col(e)}) AS ${col(e)}`).join(', ')}
              FROM s GROUP BY s.pid, s.cid) cs CROSS JOIN (${keys(clients)}) k`);
  const enrollments = part('enrollments');
  if (enrollments.length)
    parts.push(`SELECT s.pid, k.el, s.eid AS unit, s.cid, s.org AS owner, ${pick('s', enrollments)} AS sev
      FROM s CROSS JOIN (${keys(enrollments)}) k`);
  const exits = part('exits');
  if (exits.length)
    parts.push(`SELECT s.pid, k.el, s.xid AS unit, s.cid, s.xorg AS owner, ${pick('s', exits)} AS sev
      FROM s CROSS JOIN (${keys(exits)}) k WHERE s.xid IS NOT NULL AND s.xd <= ${lit(to)}`);
  return { stage, rows: parts.join(' UNION ALL ') };
}

const BANDS = ['DAYS_0', 'DAYS_1_3', 'DAYS_4_6', 'DAYS_7_10', 'DAYS_11_PLUS'] as const;
const BAND_FIELDS = ['days0', 'days1to3', 'days4to6', 'days7to10', 'days11plus'] as const;

/**
 * The report's statements (the bench's floor runs them too): counts per program, element and
 * category; timeliness bands; and, when `problemsOf` is an organization, its records to fix.
 */
export function dataQualitySql(
  scope: AccessContext['scope'],
  d: Dialect,
  params: { from: string; to: string; programIds: number[] },
  shown: readonly ElementDef[] = ELEMENTS,
  problemsOf: number | null = null,
): { counts: string; timeliness: string; problems: string | null } {
  const u = universe(scope, params.from, params.to, params.programIds);
  const sev = severities(shown, d, scope, params.to);
  const branches = sev.rows;
  const withS = `WITH u AS (${u}), s AS (${sev.stage})`;
  return {
    counts: `${withS} SELECT t.pid, t.el, t.sev, COUNT(*) AS n FROM (${branches}) t GROUP BY t.pid, t.el, t.sev`,
    timeliness: `WITH u AS (${u})
     SELECT u.pid, 'starts' AS kind, ${timelinessBandSql(d.daysToEntry('u.ed', 'u.ec'))} AS band, COUNT(*) AS n
       FROM u WHERE u.ed >= ${lit(params.from)} GROUP BY u.pid, band
     UNION ALL
     SELECT u.pid, 'exits' AS kind, ${timelinessBandSql(d.daysToEntry('u.xd', 'u.xc'))} AS band, COUNT(*) AS n
       FROM u WHERE u.xid IS NOT NULL AND u.xd <= ${lit(params.to)} GROUP BY u.pid, band`,
    problems:
      problemsOf === null
        ? null
        : `${withS} SELECT t.pid, t.el, t.unit, t.cid, t.sev, COUNT(*) OVER () AS total FROM (${branches}) t
         WHERE t.sev IN (2, 4, 5) AND t.owner = ${Math.trunc(problemsOf)} ORDER BY t.pid, t.el, t.unit LIMIT ${PROBLEM_LIMIT}`,
  };
}

export async function runDataQuality(
  ctx: RequestContext,
  input: DataQualityInput,
  format: 'graphql' | 'csv' = 'graphql',
): Promise<DataQualityReport> {
  const access = readyAccess(ctx);
  const params = await checkParams(ctx, input, 'enrollment:read');
  const scope = access.scope;
  const d = dialectOf(ctx.ds);
  const shown = ELEMENTS.filter((e) => !e.needs || access.has(e.needs));
  const withheld = new Set(ELEMENTS.filter((e) => !shown.includes(e)).map((e) => e.element));
  // Problems to fix: only records the active organization owns, and only when the caller may edit them.
  const org = access.organizationId as number;
  const sql = dataQualitySql(scope, d, params, shown, access.mayEditOwnedBy(org) ? org : null);
  const counts: { pid: unknown; el: string; sev: unknown; n: unknown }[] = await ctx.ds.query(sql.counts);
  const timely: { pid: unknown; kind: string; band: string; n: unknown }[] = await ctx.ds.query(
    sql.timeliness,
  );
  type ProblemRow = { pid: unknown; el: string; unit: unknown; cid: unknown; sev: unknown; total: unknown };
  const problemRows: ProblemRow[] = sql.problems ? await ctx.ds.query(sql.problems) : [];

  const programIds = [...new Set([...counts.map((r) => Number(r.pid)), ...timely.map((r) => Number(r.pid))])];
  const names = new Map<number, string>();
  if (programIds.length) {
    const rows: { id: unknown; name: string }[] = await ctx.ds.query(
      `SELECT p.id, p.name FROM program p WHERE p.id IN (${programIds.join(', ')})`,
    );
    for (const r of rows) names.set(Number(r.id), r.name);
  }
  const minCell = ctx.config.reportMinCell;
  const programs: ProgramDataQuality[] = programIds
    .sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '') || a - b)
    .map((pid) => ({
      programId: String(pid),
      programName: names.get(pid) ?? `Program ${pid}`,
      elements: ELEMENTS.map((def) => elementRow(def, pid, counts, withheld.has(def.element), minCell)),
      timeliness: (['starts', 'exits'] as const).map((kind) => timelinessRow(kind, pid, timely, minCell)),
    }));

  const problems = problemList(access, ctx, problemRows);
  const cellCount = programs.reduce((n, p) => n + p.elements.length * 5 + p.timeliness.length * 5, 0);
  await auditReport(ctx, 'dataQuality', params, format, {
    cells: cellCount,
    problemsListed: problems.length,
  });
  return {
    from: params.from,
    to: params.to,
    minCellSize: minCell,
    programs,
    problems,
    problemCount: problemRows.length ? Number(problemRows[0].total) : 0,
  };
}

function elementRow(
  def: ElementDef,
  pid: number,
  counts: { pid: unknown; el: string; sev: unknown; n: unknown }[],
  isWithheld: boolean,
  minCell: number,
): DataQualityElement {
  const row: DataQualityElement = {
    element: def.element,
    name: def.name,
    unit: def.unit,
    withheld: isWithheld,
    complete: null,
    doesNotKnowOrPrefersNot: null,
    dataNotCollected: null,
    missing: null,
    invalid: null,
    suppressed: [],
  };
  if (isWithheld) return row;
  for (const [sev, field] of Object.entries(CATEGORY) as [string, (typeof CATEGORY)[Sev]][]) {
    const n = counts
      .filter((c) => Number(c.pid) === pid && c.el === def.element && Number(c.sev) === Number(sev))
      .reduce((s, c) => s + Number(c.n), 0);
    const shown = suppress(n, minCell);
    row[field] = shown.count;
    if (shown.suppressed) row.suppressed.push(field);
  }
  suppressComplement(
    row as unknown as Record<string, number | null>,
    row.suppressed,
    Object.values(CATEGORY),
  );
  return row;
}

/**
 * Secondary suppression: the units of a row add up to a number other rows show (every client
 * element of a program counts the same clients), so one suppressed cell could be recovered by
 * subtraction. When a row has a suppressed cell, its largest shown cell is suppressed too: only
 * the sum of a small and a large count can then be worked out, never the small one.
 */
function suppressComplement(
  row: Record<string, number | null>,
  suppressed: string[],
  fields: readonly string[],
): void {
  if (!suppressed.length) return;
  const largest = fields
    .filter((f) => !suppressed.includes(f) && (row[f] ?? 0) > 0)
    .sort((a, b) => (row[b] ?? 0) - (row[a] ?? 0))[0];
  if (largest === undefined) return;
  row[largest] = null;
  suppressed.push(largest);
}

function timelinessRow(
  kind: 'starts' | 'exits',
  pid: number,
  timely: { pid: unknown; kind: string; band: string; n: unknown }[],
  minCell: number,
): TimelinessBands {
  const row = { kind, suppressed: [] as string[] } as TimelinessBands;
  BANDS.forEach((band, i) => {
    const n = timely
      .filter((t) => Number(t.pid) === pid && t.kind === kind && t.band === band)
      .reduce((s, t) => s + Number(t.n), 0);
    const shown = suppress(n, minCell);
    row[BAND_FIELDS[i]] = shown.count;
    if (shown.suppressed) row.suppressed.push(BAND_FIELDS[i]);
  });
  suppressComplement(row as unknown as Record<string, number | null>, row.suppressed, [...BAND_FIELDS]);
  return row;
}

/** The problem rows as the read policy lets the caller see them (and records the clients read). */
function problemList(
  access: AccessContext,
  ctx: RequestContext,
  rows: { pid: unknown; el: string; unit: unknown; cid: unknown; sev: unknown }[],
): DataQualityProblem[] {
  const out: DataQualityProblem[] = [];
  for (const def of ELEMENTS) {
    const typeName = def.unit === 'clients' ? 'Client' : def.unit === 'exits' ? 'Exit' : 'Enrollment';
    const mine = rows.filter((r) => r.el === def.element);
    if (!mine.length) continue;
    const shaped = mine.map((r) => ({
      id: Number(r.unit),
      clientId: Number(r.cid),
      pid: Number(r.pid),
      sev: Number(r.sev),
    }));
    // Selected with the visibility predicates in the SQL, so every row is visible; readRows records the reads.
    const visible = new Set(shaped.map((r) => r.id));
    const { rows: seen } = readRows(access, recordType(typeName)!, shaped, visible, ctx.reads);
    for (const r of seen)
      out.push({
        recordType: typeName,
        recordId: String(r.id),
        clientId: String(r.clientId),
        programId: String(r.pid),
        element: def.element,
        problem: `${def.name}: ${r.sev === 5 ? def.invalid : (PROBLEM_WORDS[r.sev] ?? 'missing')}`,
      });
  }
  return out;
}

export { programVisibility };
