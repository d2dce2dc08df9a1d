/**
 * Reports as CSV (issue 15): `GET /reports/<name>.csv?from=&to=&programIds=1,2&groupBy=PROGRAM,MONTH`
 * with the bearer token. The same services as the GraphQL fields, so the same visibility,
 * suppression ("suppressed" in place of a count), checks and audit; the root rule (report:run)
 * is checked here because shield does not stand in front of this route.
 */
import express from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import type { Config } from '../../config';
import { ReadLog, type RequestContext } from '../../graphql/context';
import { Loaders } from '../../graphql/loaders';
import { flushReads } from '../audit/audit.service';
import { csvLine, type CsvValue } from '../hud-csv/csv-writer';
import { runDataQuality } from './data-quality.service';
import { runCountReport, type CountReport } from './report.service';
import type { AggregateReport, DataQualityReport, ReportGroupBy } from './report.types';

const COUNT_REPORTS: readonly CountReport[] = ['clientCounts', 'enrollmentCounts', 'serviceCounts'];
const SUPPRESSED = 'suppressed';
const SAFE = { spreadsheetSafe: true };

const list = (raw: unknown) =>
  typeof raw === 'string' && raw !== ''
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const text = (raw: unknown) => (typeof raw === 'string' ? raw : '');

export function aggregateCsv(r: AggregateReport): string {
  const header = [...r.groupBy.flatMap((g) => [g.toLowerCase(), `${g.toLowerCase()}_label`]), 'count'];
  const rows = r.cells.map((c) => [
    ...c.keys.flatMap((k) => [k.value, k.label]),
    c.suppressed ? SUPPRESSED : c.count,
  ]);
  const total = [...r.groupBy.flatMap(() => ['', '']), r.total];
  if (r.groupBy.length) total[0] = r.someSuppressed ? 'TOTAL (cells shown; some suppressed)' : 'TOTAL';
  return [header, ...rows, ...(r.groupBy.length ? [total] : [])]
    .map((v) => csvLine(v as CsvValue[], SAFE))
    .join('');
}

export function dataQualityCsv(r: DataQualityReport): string {
  const cell = (v: number | null, suppressed: boolean, withheld = false): CsvValue =>
    withheld ? 'withheld' : suppressed ? SUPPRESSED : v;
  const lines: CsvValue[][] = [
    [
      'program_id',
      'program',
      'element',
      'name',
      'unit',
      'complete',
      'doesnt_know_or_prefers_not',
      'data_not_collected',
      'missing',
      'invalid',
    ],
  ];
  for (const p of r.programs)
    for (const e of p.elements)
      lines.push([
        p.programId,
        p.programName,
        e.element,
        e.name,
        e.unit,
        cell(e.complete, e.suppressed.includes('complete'), e.withheld),
        cell(e.doesNotKnowOrPrefersNot, e.suppressed.includes('doesNotKnowOrPrefersNot'), e.withheld),
        cell(e.dataNotCollected, e.suppressed.includes('dataNotCollected'), e.withheld),
        cell(e.missing, e.suppressed.includes('missing'), e.withheld),
        cell(e.invalid, e.suppressed.includes('invalid'), e.withheld),
      ]);
  lines.push([]);
  lines.push([
    'program_id',
    'program',
    'timeliness',
    'days_0',
    'days_1_3',
    'days_4_6',
    'days_7_10',
    'days_11_plus',
  ]);
  for (const p of r.programs)
    for (const t of p.timeliness)
      lines.push([
        p.programId,
        p.programName,
        t.kind,
        ...(['days0', 'days1to3', 'days4to6', 'days7to10', 'days11plus'] as const).map((f) =>
          cell(t[f], t.suppressed.includes(f)),
        ),
      ]);
  lines.push([]);
  lines.push(['record_type', 'record_id', 'client_id', 'program_id', 'element', 'problem']);
  for (const x of r.problems)
    lines.push([x.recordType, x.recordId, x.clientId, x.programId, x.element, x.problem]);
  return lines.map((v) => csvLine(v, SAFE)).join('');
}

function fail(res: express.Response, status: number, code: string, message: string, field?: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] }));
}

/** The router; `accessFor` resolves the bearer token as /graphql does. */
export function reportCsvRouter(
  ds: DataSource,
  config: Config,
  accessFor: (req: express.Request, token: string | null) => Promise<AccessContext | null>,
  bearer: (header: string | undefined) => string | null,
): express.Router {
  const router = express.Router();
  router.get('/:name.csv', async (req, res) => {
    const name = req.params.name;
    if (![...COUNT_REPORTS, 'dataQuality'].includes(name))
      return fail(
        res,
        404,
        'NOT_FOUND',
        `No report named ${name.slice(0, 40)}: use clientCounts, enrollmentCounts, serviceCounts or dataQuality.`,
      );
    const token = bearer(req.headers.authorization);
    const access = await accessFor(req, token);
    if (!access)
      return fail(res, 401, 'UNAUTHENTICATED', 'Log in first: send "Authorization: Bearer <token>".');
    if (!access.ready) return fail(res, 403, 'CONTEXT_REQUIRED', 'Select a context (selectContext) first.');
    if (!access.has('report:run'))
      return fail(
        res,
        403,
        'FORBIDDEN',
        'You do not have permission to run reports: report:run is not granted to your active workgroup or is above your access role.',
      );
    const reads = new ReadLog();
    const ctx: RequestContext = {
      requestId: String(req.id ?? ''),
      // A CSV report reads and audits on the primary (no replica routing outside /graphql).
      ds,
      primary: ds,
      readFromPrimary: true,
      config,
      log: req.log,
      access,
      token,
      loaders: new Loaders(ds, access, reads),
      reads,
    };
    const input = {
      from: text(req.query.from),
      to: text(req.query.to),
      programIds: list(req.query.programIds),
      groupBy: list(req.query.groupBy) as ReportGroupBy[],
    };
    try {
      const body =
        name === 'dataQuality'
          ? dataQualityCsv(await runDataQuality(ctx, input, 'csv'))
          : aggregateCsv(await runCountReport(ctx, name as CountReport, input, 'csv'));
      await flushReads(ctx, `report:${name}.csv`);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${name}.csv"`)
        .set('Cache-Control', 'no-store')
        .send(body);
    } catch (e) {
      if (e instanceof GraphQLError) {
        const code = String(e.extensions?.code ?? 'BAD_USER_INPUT');
        return fail(
          res,
          code === 'FORBIDDEN' ? 403 : 400,
          code,
          e.message,
          e.extensions?.field as string | undefined,
        );
      }
      throw e;
    }
  });
  return router;
}
