/**
 * An independent checker of a HUD HMIS CSV FY2026 zip, written from the HUD HMIS CSV Format
 * Specifications FY2026, the FY2026 Data Dictionary and the shared columns file
 * (../shared/spec/hud-csv-fy2026-columns.json) — deliberately NOT from Waypoint's own constants: it
 * imports nothing from src/, reads the zip with its own reader over Node's zlib, parses CSV itself, and
 * spells out the HUD code lists it checks. The export (phase 2) is tested with it.
 *
 * It checks: all 24 files, Export.csv first; headers exactly as in the columns file; UTF-8 without BOM;
 * CRLF line ends; every row as long as its header; one ExportID, the same in every file; date (YYYY-MM-DD)
 * and timestamp (YYYY-MM-DD HH:MM:SS) formats; the code lists below; references between files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const COLUMNS_FILE = resolve(__dirname, '../../../shared/spec/hud-csv-fy2026-columns.json');

export interface SpecFile {
  name: string;
  columns: string[];
}

/** The 24 files in HUD's order, from the shared columns file. */
export function specFiles(): SpecFile[] {
  if (!existsSync(COLUMNS_FILE)) throw new Error(`the HUD columns file is missing: ${COLUMNS_FILE}`);
  return (JSON.parse(readFileSync(COLUMNS_FILE, 'utf8')) as { files: SpecFile[] }).files;
}

// ------------------------------------------------------------------ zip

/** Entries of a zip in archive order (reads the central directory; stored or deflated entries). */
export function unzip(zip: Buffer): Array<{ name: string; data: Buffer }> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Array<{ name: string; data: Buffer }> = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`${name}: compression method ${method} is not stored or deflate`);
    if (data.length !== size) throw new Error(`${name}: size ${data.length}, directory says ${size}`);
    entries.push({ name, data });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

// ------------------------------------------------------------------ csv

/** RFC 4180 lines of a file; also reports whether every line ended with CRLF. */
export function parseCsv(text: string): { rows: string[][]; crlf: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let crlf = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\n' || text[i + 1] !== '\n') crlf = false;
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
    crlf = false; // the last line has no line end
  }
  return { rows, crlf };
}

// ------------------------------------------------------------------ HUD code lists (from the spec)

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const MISSING = [8, 9, 99];
const NO_YES = [0, 1];
const NO_YES_MISSING = [0, 1, ...MISSING];
const SHARED_SITUATIONS = [
  101, 116, 118, 204, 205, 206, 207, 215, 225, 302, 314, 329, 332, 410, 411, 421, 435, 8, 9, 99,
];

/** HUD code lists by file and column (HMIS CSV Format Specifications FY2026, Appendix B). */
const LISTS: Record<string, Record<string, number[]>> = {
  'Export.csv': {
    SourceType: [1, 2, 3, 4],
    ExportPeriodType: [1, 2, 3, 4],
    ExportDirective: [1, 2, 3],
    HashStatus: [1, 2, 3, 4],
  },
  'Organization.csv': { VictimServiceProvider: NO_YES },
  'Project.csv': {
    ContinuumProject: NO_YES,
    ProjectType: [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    HousingType: [1, 2, 3],
    RRHSubType: [1, 2],
    ResidentialAffiliation: NO_YES,
    TargetPopulation: [1, 3, 4],
    HOPWAMedAssistedLivingFac: [0, 1, 2],
  },
  'Client.csv': {
    NameDataQuality: [1, 2, ...MISSING],
    SSNDataQuality: [1, 2, ...MISSING],
    DOBDataQuality: [1, 2, ...MISSING],
    Sex: [0, 1, ...MISSING],
    AmIndAKNative: NO_YES,
    Asian: NO_YES,
    BlackAfAmerican: NO_YES,
    HispanicLatinao: NO_YES,
    MidEastNAfrican: NO_YES,
    NativeHIPacific: NO_YES,
    White: NO_YES,
    RaceNone: MISSING,
    VeteranStatus: NO_YES_MISSING,
    WorldWarII: NO_YES_MISSING,
    KoreanWar: NO_YES_MISSING,
    VietnamWar: NO_YES_MISSING,
    DesertStorm: NO_YES_MISSING,
    AfghanistanOEF: NO_YES_MISSING,
    IraqOIF: NO_YES_MISSING,
    IraqOND: NO_YES_MISSING,
    OtherTheater: NO_YES_MISSING,
    MilitaryBranch: [1, 2, 3, 4, 6, 7, ...MISSING],
    DischargeStatus: [1, 2, 4, 5, 6, 7, ...MISSING],
  },
  'Enrollment.csv': {
    RelationshipToHoH: [1, 2, 3, 4, 5, 99],
    LivingSituation: [...SHARED_SITUATIONS, 335, 336],
    RentalSubsidyType: [419, 420, 428, 431, 433, 434, 436, 437, 438, 439, 440],
    LengthOfStay: [2, 3, 4, 5, 10, 11, ...MISSING],
    LOSUnderThreshold: NO_YES,
    PreviousStreetESSH: NO_YES,
    TimesHomelessPastThreeYears: [1, 2, 3, 4, ...MISSING],
    MonthsHomelessPastThreeYears: [...range(101, 113), ...MISSING],
    DisablingCondition: NO_YES_MISSING,
  },
  'Exit.csv': {
    Destination: [...SHARED_SITUATIONS, 312, 313, 327, 422, 423, 426, 17, 24, 30],
    DestinationSubsidyType: [419, 420, 428, 431, 433, 434, 436, 437, 438, 439, 440],
  },
  'Services.csv': { RecordType: [141, 142, 143, 144, 151, 152, 161, 200, 210, 300] },
  'CurrentLivingSituation.csv': {
    CurrentLivingSituation: [...SHARED_SITUATIONS, 335, 336, 17, 37],
    CLSSubsidyType: [419, 420, 428, 431, 433, 434, 436, 437, 438, 439, 440],
  },
  'HealthAndDV.csv': {
    DomesticViolenceSurvivor: NO_YES_MISSING,
    WhenOccurred: [1, 2, 3, 4, ...MISSING],
    CurrentlyFleeing: NO_YES_MISSING,
    GeneralHealthStatus: [1, 2, 3, 4, 5, ...MISSING],
    DataCollectionStage: [1, 2, 3, 5, 6],
  },
  'Assessment.csv': { AssessmentType: [1, 2, 3], AssessmentLevel: [1, 2], PrioritizationStatus: [1, 2] },
  'Event.csv': { Event: range(1, 18) },
  'Funder.csv': { Funder: [...range(1, 27), 30, ...range(32, 56)] },
  'Inventory.csv': { HouseholdType: [1, 3, 4], Availability: [1, 2, 3], ESBedType: [1, 2, 3] },
  'ProjectCoC.csv': { GeographyType: [1, 2, 3, 99] },
  'HMISParticipation.csv': { HMISParticipationType: [0, 1, 2] },
  'CEParticipation.csv': {
    AccessPoint: NO_YES,
    PreventionAssessment: NO_YES,
    CrisisAssessment: NO_YES,
    HousingAssessment: NO_YES,
    DirectServices: NO_YES,
    ReceivesReferrals: NO_YES,
  },
};

/** TypeProvided allowed for a RecordType (lists 4.14, P1.2, P2.2, R14.2, W1.2, W2.2, V2.2, V3.3, V8.1, C2.2). */
const TYPE_PROVIDED: Record<number, number[]> = {
  141: [...range(1, 12), 14],
  142: [2, 5, 6, 7, 8, 10, 12, 13, 14, 17, 18, 26, 27, 28, 29],
  143: range(1, 14),
  144: range(1, 10),
  151: [1, 2, 3, 4, 7],
  152: [1, 2, 3, 4, 5, 8, 9, 10, 12, 14, 15, 16, 17, 18],
  161: range(1, 11),
  200: [200],
  210: range(1, 12),
  300: range(1, 5),
};

const TIMESTAMP_COLUMNS = new Set(['DateCreated', 'DateUpdated', 'DateDeleted', 'ExportDate']);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

// ------------------------------------------------------------------ the check

export interface CheckedExport {
  problems: string[];
  /** Rows of each file as objects keyed by HUD column. */
  tables: Record<string, Array<Record<string, string>>>;
}

export function checkHudCsvZip(zip: Buffer): CheckedExport {
  const spec = specFiles();
  const problems: string[] = [];
  const tables: CheckedExport['tables'] = {};
  const entries = unzip(zip);
  const names = entries.map((e) => e.name);
  if (names[0] !== 'Export.csv') problems.push(`the first file is ${names[0]}, not Export.csv`);
  for (const f of spec) if (!names.includes(f.name)) problems.push(`${f.name} is missing`);
  for (const n of names) if (!spec.some((f) => f.name === n)) problems.push(`${n} is not a HUD FY2026 file`);

  for (const { name, data } of entries) {
    const file = spec.find((f) => f.name === name);
    if (!file) continue;
    if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
      problems.push(`${name}: starts with a byte order mark`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      problems.push(`${name}: not UTF-8`);
      continue;
    }
    const { rows, crlf } = parseCsv(text);
    if (!crlf) problems.push(`${name}: a line does not end with CRLF`);
    if ((rows[0] ?? []).join(',') !== file.columns.join(','))
      problems.push(`${name}: header ${JSON.stringify(rows[0])} is not HUD's`);
    const records: Array<Record<string, string>> = [];
    rows.slice(1).forEach((values, i) => {
      const line = i + 2;
      if (values.length !== file.columns.length) {
        problems.push(`${name} line ${line}: ${values.length} values for ${file.columns.length} columns`);
        return;
      }
      const record: Record<string, string> = {};
      file.columns.forEach((c, j) => (record[c] = values[j]));
      records.push(record);
      for (const [column, value] of Object.entries(record)) {
        if (value === '') continue;
        if (TIMESTAMP_COLUMNS.has(column)) {
          if (!TIMESTAMP.test(value))
            problems.push(`${name} line ${line} ${column}: "${value}" is not YYYY-MM-DD HH:MM:SS`);
        } else if (column === 'DOB' || /Date/.test(column)) {
          if (!DATE.test(value))
            problems.push(`${name} line ${line} ${column}: "${value}" is not YYYY-MM-DD`);
        }
        const list = LISTS[name]?.[column];
        if (list && !list.includes(Number(value)))
          problems.push(`${name} line ${line} ${column}: ${value} is not in the HUD list`);
      }
      if (name === 'Project.csv' && record.RRHSubType && record.ProjectType !== '13')
        problems.push(`${name} line ${line}: RRHSubType without ProjectType 13`);
      if (
        name === 'Services.csv' &&
        TYPE_PROVIDED[Number(record.RecordType)] &&
        !TYPE_PROVIDED[Number(record.RecordType)].includes(Number(record.TypeProvided))
      )
        problems.push(
          `${name} line ${line}: TypeProvided ${record.TypeProvided} is not a type of RecordType ${record.RecordType}`,
        );
      for (const [file435, situation, subsidy] of [
        ['Enrollment.csv', 'LivingSituation', 'RentalSubsidyType'],
        ['Exit.csv', 'Destination', 'DestinationSubsidyType'],
        ['CurrentLivingSituation.csv', 'CurrentLivingSituation', 'CLSSubsidyType'],
      ])
        if (name === file435 && record[subsidy] && record[situation] !== '435')
          problems.push(`${name} line ${line}: ${subsidy} without ${situation} 435`);
    });
    tables[name] = records;
  }

  // One export, named by every row of every file.
  const exportIds = (tables['Export.csv'] ?? []).map((r) => r.ExportID);
  if (exportIds.length !== 1) problems.push(`Export.csv has ${exportIds.length} rows, not 1`);
  for (const [name, records] of Object.entries(tables))
    records.forEach((r, i) => {
      if ('ExportID' in r && r.ExportID !== exportIds[0])
        problems.push(`${name} line ${i + 2}: ExportID ${r.ExportID} is not the export's`);
    });

  // References between files, and each id unique in its own file.
  const ids = (file: string, column: string) => new Set((tables[file] ?? []).map((r) => r[column]));
  for (const f of spec) {
    const key = f.columns[0];
    const seen = new Set<string>();
    for (const r of tables[f.name] ?? []) {
      if (!r[key]) problems.push(`${f.name}: a row without ${key}`);
      if (seen.has(r[key])) problems.push(`${f.name}: ${key} ${r[key]} twice`);
      seen.add(r[key]);
    }
  }
  const refs: Array<[string, string]> = [
    ['OrganizationID', 'Organization.csv'],
    ['ProjectID', 'Project.csv'],
    ['ResProjectID', 'Project.csv'],
    ['PersonalID', 'Client.csv'],
    ['EnrollmentID', 'Enrollment.csv'],
    ['AssessmentID', 'Assessment.csv'],
    ['UserID', 'User.csv'],
  ];
  for (const [column, target] of refs) {
    const known = ids(target, column === 'ResProjectID' ? 'ProjectID' : column);
    for (const f of spec) {
      if (f.name === target || !f.columns.includes(column)) continue;
      (tables[f.name] ?? []).forEach((r, i) => {
        if (r[column] && !known.has(r[column]))
          problems.push(`${f.name} line ${i + 2}: ${column} ${r[column]} is not in ${target}`);
      });
    }
  }
  // A record of an enrollment is about the enrollment's client.
  const clientOf = new Map((tables['Enrollment.csv'] ?? []).map((r) => [r.EnrollmentID, r.PersonalID]));
  for (const f of spec) {
    if (
      f.name === 'Enrollment.csv' ||
      !f.columns.includes('EnrollmentID') ||
      !f.columns.includes('PersonalID')
    )
      continue;
    (tables[f.name] ?? []).forEach((r, i) => {
      const owner = clientOf.get(r.EnrollmentID);
      if (owner && owner !== r.PersonalID)
        problems.push(
          `${f.name} line ${i + 2}: PersonalID ${r.PersonalID} is not its enrollment's client ${owner}`,
        );
    });
  }
  return { problems, tables };
}
