/**
 * The HUD HMIS CSV FY2026 export (issue 12 phase 2, access model §10): the 24 files of one reporting
 * period, as the caller's active context, read through the read policy.
 *
 * - Only records visible to the active organization (§3): every batch is selected with the visibility
 *   predicate of its record type, so an invisible row is never fetched.
 * - A column whose GraphQL field is guarded by a capability the caller lacks (registry `fields`, mapper
 *   `sources`) is written empty, its data-quality column as stored; nothing is hashed (HashStatus 1).
 *   The withheld columns are known before the first byte (they depend only on the session) and named
 *   in the response header and the audit events.
 * - HUD's inclusion rule: enrollments entered on or before the end and not exited before the start, in
 *   the programs asked for; their clients and their records; DateDeleted rows only when asked.
 * - Streamed and bounded: each file is read by keyset in batches of BATCH rows (one statement per
 *   batch, never per row), mapped and deflated as the consumer pulls; no temporary file, no state kept
 *   between requests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { mayReadField, policeValues } from '../../access/read-policy';
import { recordType, type RecordType } from '../../access/record-types';
import { clientVisibility, programVisibility, transactionVisibility } from '../../access/visibility';
import { Client } from '../client/client.entity';
import { Enrollment } from '../enrollment/enrollment.entity';
import { Exit } from '../enrollment/exit.entity';
import { Organization } from '../organization/organization.entity';
import { Affiliation } from '../program/affiliation.entity';
import { CeParticipation } from '../program/ce-participation.entity';
import { Funder } from '../program/funder.entity';
import { HmisParticipation } from '../program/hmis-participation.entity';
import { Inventory } from '../program/inventory.entity';
import { Program } from '../program/program.entity';
import { ProjectCoc } from '../program/project-coc.entity';
import { User } from '../users/user.entity';
import { AssessmentInstrument } from '../ce/instrument.entity';
import { Assessment } from '../transaction/assessment.entity';
import { CeEvent } from '../transaction/ce-event.entity';
import { CurrentLivingSituation } from '../transaction/current-living-situation.entity';
import { Disabilities } from '../transaction/disabilities.entity';
import { EmploymentEducation } from '../transaction/employment-education.entity';
import { HealthAndDv } from '../transaction/health-and-dv.entity';
import { IncomeBenefits } from '../transaction/income-benefits.entity';
import { Service } from '../transaction/service.entity';
import { YouthEducationStatus } from '../transaction/youth-education-status.entity';
import { HUD_CSV_FILES, HUD_CSV_VERSION, type HudCsvFileName } from './columns';
import { csvFile, type CsvValue } from './csv-writer';
import {
  exportRow,
  ROW_MAPPERS,
  ROWS_MAPPERS,
  type MapContext,
  type MappedRow,
  type RowMapper,
  type RowsMapper,
} from './row-mappers';
import { zipStream, type ZipEntry } from './zip-writer';

/** Rows per keyset batch: one SELECT per batch and file. */
export const BATCH = 2000;

export const SOFTWARE_NAME = 'Waypoint';
/** Waypoint's version from its package.json, found upward from this file (src/ or the build in dist/). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file))
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error('package.json not found above ' + __dirname);
  }
}

export const SOFTWARE_VERSION: string = packageVersion();

export interface HudExportRequest {
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  /** Only these programs (Waypoint ids); null: every program visible to the active organization. */
  programIds: number[] | null;
  /** Write soft-deleted rows (with DateDeleted) too. */
  includeDeleted: boolean;
  /** Prefix text starting with =, +, -, @ with ' (CSV injection); off: values are HUD data as stored. */
  spreadsheetSafe: boolean;
}

/** Who may export: report:run or setup:admin, after the role ceiling, in a ready context. */
export function mayExportHudCsv(access: AccessContext | null | undefined): access is AccessContext {
  return (
    !!access?.ready &&
    access.organizationId !== null &&
    (access.has('report:run') || access.has('setup:admin'))
  );
}

/** Why a request is refused, in words a case worker understands (BAD_USER_INPUT), or null. */
export function checkExportRequest(r: HudExportRequest): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const real = (d: string) =>
    day.test(d) &&
    !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
    new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!real(r.start)) return 'start must be a date written YYYY-MM-DD';
  if (!real(r.end)) return 'end must be a date written YYYY-MM-DD';
  if (r.start > r.end) return 'the start of the reporting period is after its end';
  if (r.programIds && r.programIds.some((id) => !Number.isSafeInteger(id) || id <= 0))
    return 'programIds must be Waypoint program ids separated by commas';
  return null;
}

type Mapper = RowMapper<HudCsvFileName, never>;
type Mappers = RowsMapper<HudCsvFileName, never>;

/** The mapper of a file, as rows per record (one, for most files). */
function mapperOf(file: HudCsvFileName): Mappers | undefined {
  const many = ROWS_MAPPERS[file as keyof typeof ROWS_MAPPERS] as unknown as Mappers | undefined;
  if (many) return many;
  const one = ROW_MAPPERS[file as keyof typeof ROW_MAPPERS] as unknown as Mapper | undefined;
  return one && { file, rows: (record, ctx) => [one.map(record, ctx)], sources: one.sources };
}

interface FileSource {
  file: HudCsvFileName;
  entity: EntityTarget<ObjectLiteral>;
  /** The registry entry whose field rules guard the file's columns (null: setup data, nothing guarded). */
  typeName: string | null;
  /** The WHERE clause (alias r), constant in the number of rows. */
  where: (q: ExportSql) => string;
  /** The guarded field the rows are made of: a caller who may not read it gets the header only. */
  rowsFrom?: string;
}

/** The SQL pieces of one export: visibility of the active organization and the period's inclusion rule. */
interface ExportSql {
  live: (alias: string) => string;
  enrollmentIncluded: (alias: string) => string;
  programIncluded: (alias: string) => string;
  transaction: (alias: string) => string;
  client: (alias: string) => string;
}

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;

function exportSql(access: AccessContext, r: HudExportRequest): ExportSql {
  const scope = access.scope;
  const withDeleted = (predicate: string, alias: string) => {
    if (!r.includeDeleted) return predicate;
    const live = new RegExp(`^\\(${alias}\\.date_deleted IS NULL AND `);
    if (!live.test(predicate)) throw new Error('visibility predicate no longer opens with its deleted test');
    return predicate.replace(live, '(');
  };
  const programIncluded = (p: string) =>
    `(${programVisibility(p, scope)}${r.programIds ? ` AND ${p}.id IN (${r.programIds.join(', ')})` : ''})`;
  const transaction = (alias: string) => withDeleted(transactionVisibility(alias, scope), alias);
  // An enrollment is exported only with its client: a restrict-intake client's UNRESTRICTED
  // enrollment is visible to a partner while the client is not (access model, "What you see"),
  // and HUD's files must not refer to a PersonalID that Client.csv lacks.
  const clientIncluded = (e: string) =>
    `EXISTS (SELECT 1 FROM client ic WHERE ic.id = ${e}.client_id AND ${withDeleted(clientVisibility('ic', scope), 'ic')})`;
  const enrollmentIncluded = (e: string) =>
    `(${transaction(e)} AND ${clientIncluded(e)} AND ${e}.entry_date <= ${lit(r.end)} AND NOT EXISTS (SELECT 1 FROM enrollment_exit ix WHERE ix.enrollment_id = ${e}.id AND ix.date_deleted IS NULL AND ix.exit_date < ${lit(r.start)}) AND EXISTS (SELECT 1 FROM program ip WHERE ip.id = ${e}.program_id AND ${programIncluded('ip')}))`;
  return {
    live: (alias) => (r.includeDeleted ? '1 = 1' : `${alias}.date_deleted IS NULL`),
    enrollmentIncluded,
    programIncluded,
    transaction,
    client: (alias) => withDeleted(clientVisibility(alias, scope), alias),
  };
}

const ofIncludedEnrollment = (q: ExportSql) =>
  `${q.transaction('r')} AND EXISTS (SELECT 1 FROM enrollment ie WHERE ie.id = r.enrollment_id AND ${q.enrollmentIncluded('ie')})`;
const ofIncludedProgram = (q: ExportSql) =>
  `${q.live('r')} AND EXISTS (SELECT 1 FROM program sp WHERE sp.id = r.program_id AND ${q.programIncluded('sp')})`;

/** Every file Waypoint holds data for, in HUD's order; the others are written with their header only. */
const SOURCES: FileSource[] = [
  {
    file: 'Organization.csv',
    entity: Organization,
    typeName: null,
    where: (q) =>
      `EXISTS (SELECT 1 FROM program op WHERE op.organization_id = r.id AND ${q.programIncluded('op')})`,
  },
  { file: 'Project.csv', entity: Program, typeName: null, where: (q) => q.programIncluded('r') },
  {
    file: 'Client.csv',
    entity: Client,
    typeName: 'Client',
    where: (q) =>
      `${q.client('r')} AND EXISTS (SELECT 1 FROM enrollment ce WHERE ce.client_id = r.id AND ${q.enrollmentIncluded('ce')})`,
  },
  { file: 'Disabilities.csv', entity: Disabilities, typeName: 'Disabilities', where: ofIncludedEnrollment },
  {
    file: 'EmploymentEducation.csv',
    entity: EmploymentEducation,
    typeName: 'EmploymentEducation',
    where: ofIncludedEnrollment,
  },
  {
    file: 'Enrollment.csv',
    entity: Enrollment,
    typeName: 'Enrollment',
    where: (q) => q.enrollmentIncluded('r'),
  },
  { file: 'HMISParticipation.csv', entity: HmisParticipation, typeName: null, where: ofIncludedProgram },
  { file: 'CEParticipation.csv', entity: CeParticipation, typeName: null, where: ofIncludedProgram },
  { file: 'Exit.csv', entity: Exit, typeName: 'Exit', where: ofIncludedEnrollment },
  { file: 'Funder.csv', entity: Funder, typeName: null, where: ofIncludedProgram },
  { file: 'HealthAndDV.csv', entity: HealthAndDv, typeName: 'HealthAndDv', where: ofIncludedEnrollment },
  {
    file: 'IncomeBenefits.csv',
    entity: IncomeBenefits,
    typeName: 'IncomeBenefits',
    where: ofIncludedEnrollment,
  },
  { file: 'Inventory.csv', entity: Inventory, typeName: null, where: ofIncludedProgram },
  { file: 'ProjectCoC.csv', entity: ProjectCoc, typeName: null, where: ofIncludedProgram },
  { file: 'Affiliation.csv', entity: Affiliation, typeName: null, where: ofIncludedProgram },
  { file: 'Services.csv', entity: Service, typeName: 'Service', where: ofIncludedEnrollment },
  {
    file: 'CurrentLivingSituation.csv',
    entity: CurrentLivingSituation,
    typeName: 'CurrentLivingSituation',
    where: ofIncludedEnrollment,
  },
  { file: 'Assessment.csv', entity: Assessment, typeName: 'Assessment', where: ofIncludedEnrollment },
  {
    file: 'AssessmentQuestions.csv',
    entity: Assessment,
    typeName: 'Assessment',
    where: (q) => `${ofIncludedEnrollment(q)} AND r.answers IS NOT NULL`,
    rowsFrom: 'answers',
  },
  {
    file: 'AssessmentResults.csv',
    entity: Assessment,
    typeName: 'Assessment',
    where: (q) => `${ofIncludedEnrollment(q)} AND r.score IS NOT NULL`,
    rowsFrom: 'score',
  },
  { file: 'Event.csv', entity: CeEvent, typeName: 'CeEvent', where: ofIncludedEnrollment },
  {
    file: 'YouthEducationStatus.csv',
    entity: YouthEducationStatus,
    typeName: 'YouthEducationStatus',
    where: ofIncludedEnrollment,
  },
];

/** The columns of one file withheld from this caller: their source field is guarded by a capability it lacks. */
export function withheldColumns(access: AccessContext): string[] {
  const out: string[] = [];
  for (const source of SOURCES) {
    if (!source.typeName) continue;
    const type = recordType(source.typeName)!;
    const mapper = mapperOf(source.file);
    if (!mapper) continue;
    for (const [column, field] of Object.entries(mapper.sources as Record<string, string>)) {
      const rule = type.fields[field];
      if (rule && !mayReadField(access, rule)) out.push(`${source.file}:${column}`);
    }
  }
  return out;
}

/** What an export did, for the audit event written when it ends. */
export interface HudExportResult {
  exportId: string;
  counts: Record<string, number>;
  clientIds: Set<number>;
  fields: Set<string>;
}

export interface HudExport {
  exportId: string;
  withheld: string[];
  /** The zip, produced as it is pulled. `result` is complete once the stream has ended. */
  stream: AsyncGenerator<Buffer>;
  result: HudExportResult;
  /** Called with the number of rows written so far (progress bars). */
  onRows?: (file: string, rows: number) => void;
}

/** The export of one request: nothing is read before the stream is pulled. */
export function hudCsvExport(
  db: DataSource | EntityManager,
  access: AccessContext,
  request: HudExportRequest,
  source: { id: string | null; name: string | null },
  now: Date = new Date(),
): HudExport {
  const exportId = randomBytes(8).toString('hex');
  const withheld = withheldColumns(access);
  const withheldByFile = new Map<string, Set<string>>();
  for (const w of withheld) {
    const [file, column] = w.split(':');
    if (!withheldByFile.has(file)) withheldByFile.set(file, new Set());
    withheldByFile.get(file)!.add(column);
  }
  const result: HudExportResult = { exportId, counts: {}, clientIds: new Set(), fields: new Set() };
  const reads = {
    client: (id: number) => result.clientIds.add(id),
    field: (f: string) => result.fields.add(f),
  };
  const sql = exportSql(access, request);
  const instruments = new Map<number, AssessmentInstrument>();
  const ctx: MapContext = { exportId, instruments };
  const users = new Set<number>();
  const options = { spreadsheetSafe: request.spreadsheetSafe };
  const out: HudExport = { exportId, withheld, stream: null as never, result };

  async function* rowsOf(s: FileSource): AsyncGenerator<Record<string, CsvValue>> {
    const type: RecordType | undefined = s.typeName ? recordType(s.typeName) : undefined;
    const mapper = mapperOf(s.file)!;
    const blank = withheldByFile.get(s.file);
    let after = 0;
    let count = 0;
    const where = s.where(sql);
    if (s.rowsFrom && type && !mayReadField(access, type.fields[s.rowsFrom])) {
      // Every row would be made of a withheld field: not even read.
      result.counts[s.file] = 0;
      return;
    }
    for (;;) {
      const batch = await db
        .getRepository(s.entity)
        .createQueryBuilder('r')
        .where(`r.id > :after AND ${where}`, { after })
        .orderBy('r.id', 'ASC')
        .limit(BATCH)
        .getMany();
      if (!batch.length) break;
      after = Number(batch[batch.length - 1].id);
      if (s.file === 'AssessmentQuestions.csv') await loadInstruments(batch);
      for (const raw of batch) {
        // The read policy: guarded fields the caller may not read become null; clients and
        // sensitive fields read are recorded for the audit.
        const row = type ? (policeValues(access, type, raw, true, reads).values as ObjectLiteral) : raw;
        for (const one of mapper.rows(row as never, ctx)) {
          const mapped = one as MappedRow<HudCsvFileName> & Record<string, CsvValue>;
          if (blank) for (const column of blank) mapped[column] = null;
          const user = mapped.UserID;
          if (user !== null && user !== undefined) users.add(Number(user));
          count++;
          yield mapped;
        }
      }
      out.onRows?.(s.file, count);
      if (batch.length < BATCH) break;
    }
    result.counts[s.file] = count;
  }

  /** The instruments a batch of assessments names that are not loaded yet: one statement per batch. */
  async function loadInstruments(batch: ObjectLiteral[]): Promise<void> {
    const ids = [
      ...new Set(batch.map((a) => a.instrumentId as number | null).filter((i): i is number => i !== null)),
    ].filter((i) => !instruments.has(i));
    if (!ids.length) return;
    const found = await db
      .getRepository(AssessmentInstrument)
      .createQueryBuilder('i')
      .where('i.id IN (:...ids)', { ids })
      .getMany();
    for (const i of found) instruments.set(i.id, i);
  }

  async function* usersRows(): AsyncGenerator<Record<string, CsvValue>> {
    // The users named by the rows already written, and by YouthEducationStatus (written after User.csv).
    const yes = SOURCES.find((s) => s.file === 'YouthEducationStatus.csv')!;
    const where = yes.where(sql);
    const extra: { u: number | string | null }[] = await db
      .getRepository(YouthEducationStatus)
      .createQueryBuilder('r')
      .select('DISTINCT COALESCE(r.updated_by_id, r.created_by_id)', 'u')
      .where(where)
      .getRawMany();
    for (const { u } of extra) if (u !== null) users.add(Number(u));
    const ids = [...users].sort((a, b) => a - b);
    let count = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = await db
        .getRepository(User)
        .createQueryBuilder('r')
        .where('r.id IN (:...ids)', { ids: ids.slice(i, i + BATCH) })
        .orderBy('r.id', 'ASC')
        .getMany();
      for (const u of batch) {
        count++;
        yield ROW_MAPPERS['User.csv'].map(u, ctx) as Record<string, CsvValue>;
      }
    }
    result.counts['User.csv'] = count;
  }

  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const file of HUD_CSV_FILES) {
      let rows: AsyncIterable<Record<string, CsvValue>> | Iterable<Record<string, CsvValue>>;
      if (file.name === 'Export.csv') {
        rows = [
          exportRow({
            exportId,
            sourceType: 1,
            sourceId: source.id,
            sourceName: source.name,
            exportDate: now,
            exportStartDate: request.start,
            exportEndDate: request.end,
            softwareName: SOFTWARE_NAME,
            softwareVersion: SOFTWARE_VERSION,
            csvVersion: HUD_CSV_VERSION,
            exportPeriodType: 3,
            exportDirective: 2,
            hashStatus: 1,
            implementationId: null,
          }) as Record<string, CsvValue>,
        ];
        result.counts['Export.csv'] = 1;
      } else if (file.name === 'User.csv') {
        rows = usersRows();
      } else {
        const s = SOURCES.find((x) => x.file === file.name);
        rows = s ? rowsOf(s) : [];
        if (!s) result.counts[file.name] = 0;
      }
      yield { name: file.name, data: csvFile(file.columns, rows, options) };
    }
  }

  out.stream = zipStream(entries(), now);
  return out;
}
