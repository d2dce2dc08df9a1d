/**
 * Validation of a HUD HMIS CSV file set before anything is imported: headers (exact names and order),
 * types, code lists, required fields, dependent codes (a service's TypeProvided for its RecordType, a
 * subsidy type only with living situation 435), references between files and dates in order. Every
 * problem is reported by file, line and column; the report keeps the first `maxIssues` problems and
 * counts the rest, so memory stays bounded by the ids kept for references, not by the errors.
 *
 * Files must be validated parents first, in VALIDATION_ORDER (HUD's file order is not: Disabilities.csv
 * comes before the Enrollment.csv it refers to).
 */
import { LivingSituation, describeTypeProvided } from '../../hud';
import { HUD_CSV_FILES, type HudCsvFileName } from './columns';
import { CsvSyntaxError, readCsv } from './csv-reader';
import { columnRule, type ColumnRule } from './hud-schema';

export interface CsvIssue {
  file: string;
  /** 1-based line in the file (1 is the header); 0 for a problem of the whole file. */
  line: number;
  /** HUD column name, or null for a problem of the whole line or file. */
  column: string | null;
  message: string;
}

export interface ValidationReport {
  issues: CsvIssue[];
  /** Problems found beyond `issues` (not kept). */
  moreIssues: number;
  rows: Partial<Record<HudCsvFileName, number>>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const INTEGER = /^-?\d{1,9}$/;
const MONEY = /^-?\d{1,12}(\.\d{1,2})?$/;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** The problem with one value, or null. */
export function checkValue(rule: ColumnRule, value: string): string | null {
  if (value === '') return rule.required ? 'is required' : null;
  switch (rule.type.kind) {
    case 'S':
      return [...value].length > rule.type.max ? `is longer than ${rule.type.max} characters` : null;
    case 'D':
      return validDate(value) ? null : `"${value}" is not a date YYYY-MM-DD`;
    case 'T': {
      const m = TIMESTAMP.exec(value);
      return m && validDate(m[1]) ? null : `"${value}" is not a timestamp YYYY-MM-DD HH:MM:SS`;
    }
    case 'M':
      return MONEY.test(value) ? null : `"${value}" is not an amount (digits, up to 2 decimals)`;
    case 'I':
      if (!INTEGER.test(value)) return `"${value}" is not a whole number`;
      if (rule.codes && !rule.codes.has(Number(value)))
        return `${value} is not in the HUD code list of this column`;
      return null;
  }
}

const SUBSIDY_OF: Partial<Record<HudCsvFileName, [situation: string, subsidy: string]>> = {
  'Enrollment.csv': ['LivingSituation', 'RentalSubsidyType'],
  'Exit.csv': ['Destination', 'DestinationSubsidyType'],
  'CurrentLivingSituation.csv': ['CurrentLivingSituation', 'CLSSubsidyType'],
};

/** Parents before children: the order in which an import validates (and then writes) the files. */
export const VALIDATION_ORDER: readonly HudCsvFileName[] = (() => {
  const first: HudCsvFileName[] = [
    'Export.csv',
    'Organization.csv',
    'Project.csv',
    'User.csv',
    'Client.csv',
    'Enrollment.csv',
    'Assessment.csv',
  ];
  return [...first, ...HUD_CSV_FILES.map((f) => f.name).filter((n) => !first.includes(n))];
})();

export class HudCsvValidator {
  readonly report: ValidationReport = { issues: [], moreIssues: 0, rows: {} };
  /** Keys seen per file, for references (only the files something refers to). */
  private readonly keys = new Map<HudCsvFileName, Set<string>>();
  /** EntryDate of each enrollment, for "exit not before entry". */
  private readonly entryDates = new Map<string, string>();

  constructor(private readonly maxIssues = 1000) {}

  get valid(): boolean {
    return this.report.issues.length === 0;
  }

  private issue(file: string, line: number, column: string | null, message: string): void {
    if (this.report.issues.length < this.maxIssues) this.report.issues.push({ file, line, column, message });
    else this.report.moreIssues++;
  }

  /** A required file that is not in the set. */
  missingFile(file: string): void {
    this.issue(file, 0, null, 'the file is missing');
  }

  async validateFile(
    file: HudCsvFileName,
    source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  ): Promise<void> {
    const spec = HUD_CSV_FILES.find((f) => f.name === file);
    if (!spec) return this.issue(file, 0, null, 'is not a HUD HMIS CSV FY2026 file');
    const expected = spec.columns as readonly string[];
    const rules = expected.map((c) => columnRule(file, c));
    const keyed = new Set<string>();
    const keepKeys = [
      'Export.csv',
      'Organization.csv',
      'Project.csv',
      'Client.csv',
      'Enrollment.csv',
      'Assessment.csv',
      'User.csv',
    ].includes(file);
    let rows = 0;
    let header = true;
    try {
      for await (const { line, fields } of readCsv(source)) {
        if (header) {
          header = false;
          if (fields.join(',') !== expected.join(',')) {
            const at = expected.findIndex((c, i) => fields[i] !== c);
            this.issue(
              file,
              line,
              null,
              `the header is not HUD's: column ${at + 1} should be ${expected[at] ?? '(none)'}, found ${fields[at] ?? '(none)'}`,
            );
            return; // rows cannot be read against a wrong header
          }
          continue;
        }
        if (fields.length === 1 && fields[0] === '') continue; // a blank line
        rows++;
        if (fields.length !== expected.length) {
          this.issue(file, line, null, `has ${fields.length} values, the header has ${expected.length}`);
          continue;
        }
        this.validateRow(file, line, expected, rules, fields);
        if (keepKeys) {
          if (keyed.has(fields[0])) this.issue(file, line, expected[0], `${fields[0]} appears twice`);
          keyed.add(fields[0]);
        }
      }
    } catch (e) {
      if (e instanceof CsvSyntaxError) this.issue(file, e.line, null, e.message.replace(/^line \d+: /, ''));
      else throw e;
    }
    if (header) this.issue(file, 1, null, 'the file is empty: it needs at least the header');
    if (keepKeys) this.keys.set(file, keyed);
    this.report.rows[file] = rows;
  }

  private validateRow(
    file: HudCsvFileName,
    line: number,
    columns: readonly string[],
    rules: ColumnRule[],
    fields: string[],
  ): void {
    const row: Record<string, string> = {};
    columns.forEach((c, i) => (row[c] = fields[i]));
    columns.forEach((column, i) => {
      const problem = checkValue(rules[i], fields[i]);
      if (problem) return this.issue(file, line, column, problem);
      const target = rules[i].references;
      if (target && fields[i] !== '') {
        const known = this.keys.get(target);
        if (known && !known.has(fields[i]))
          this.issue(file, line, column, `${fields[i]} is not in ${target}`);
        else if (!known && target !== 'User.csv')
          this.issue(file, line, column, `refers to ${target}, which was not read before`);
      }
    });
    if (file === 'Services.csv' && row.RecordType && row.TypeProvided && INTEGER.test(row.TypeProvided)) {
      if (describeTypeProvided(Number(row.RecordType), Number(row.TypeProvided)) === undefined)
        this.issue(
          file,
          line,
          'TypeProvided',
          `${row.TypeProvided} is not a service type of record type ${row.RecordType}`,
        );
    }
    const subsidy = SUBSIDY_OF[file];
    if (
      subsidy &&
      row[subsidy[1]] &&
      Number(row[subsidy[0]]) !== LivingSituation.RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY
    )
      this.issue(file, line, subsidy[1], `is recorded only when ${subsidy[0]} is 435`);
    if (file === 'Enrollment.csv' && row.EntryDate) this.entryDates.set(row.EnrollmentID, row.EntryDate);
    if (file === 'Exit.csv' && row.ExitDate) {
      const entry = this.entryDates.get(row.EnrollmentID);
      if (entry && row.ExitDate < entry)
        this.issue(file, line, 'ExitDate', `${row.ExitDate} is before the EntryDate ${entry}`);
    }
  }
}
