/**
 * The HUD HMIS CSV FY2026 import (issue 12 phase 2): for a Continuum moving to Waypoint from another
 * vendor, run by an administrator (import-cli.ts).
 *
 * - The zip is read with yauzl (central directory, entries inflated as streams): a file that is not a
 *   zip is refused with a clear message, and so is an archive whose entries declare more than
 *   `maxUncompressedBytes` in total; reading stops past an entry's declared size (yauzl) or the limit.
 * - Validate everything first (phase-1 validator: headers, types, code lists, required fields,
 *   references, dates in order), and write nothing while any row is invalid; then write everything in
 *   one transaction. Rows are streamed in both passes; memory holds one batch plus the small maps of
 *   organizations and projects, and the first project of each client (to choose the client's owner).
 * - Source ids map to Waypoint ids through hud_import_mapping (source, file, HUD id): importing the
 *   same file again changes nothing; a row with a newer DateUpdated updates its record.
 * - Records are owned by their project's organization (or --org), with that organization's default
 *   restriction (a victim service provider: RESTRICTED, clients restrict-intake); the importing
 *   administrator is their UserID; client reach is refreshed; the import is audited as that user.
 *
 * Files imported: every file but User.csv (Waypoint's users are its own), AssessmentQuestions.csv and
 * AssessmentResults.csv (another system's questions match no Waypoint instrument): those are validated and reported as
 * not imported (see IMPORTED_FILES). Assessment.csv rows get the instrument "HUD CSV import".
 */
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import yauzl from 'yauzl';
import { Restriction } from '../../access/restriction';
import { refreshClientReach } from '../../access/reach';
import { TRANSACTION_TABLES } from '../../access/visibility';
import { AuditEvent } from '../audit/audit-event.entity';
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
import { Assessment } from '../transaction/assessment.entity';
import { CeEvent } from '../transaction/ce-event.entity';
import { CurrentLivingSituation } from '../transaction/current-living-situation.entity';
import { Disabilities } from '../transaction/disabilities.entity';
import { EmploymentEducation } from '../transaction/employment-education.entity';
import { HealthAndDv } from '../transaction/health-and-dv.entity';
import { IncomeBenefits } from '../transaction/income-benefits.entity';
import { Service } from '../transaction/service.entity';
import { YouthEducationStatus } from '../transaction/youth-education-status.entity';
import { refreshMatchKeys } from '../stewardship/match-keys';
import {
  LIKELY_DUPLICATE_SCORE,
  matchKeys,
  scoreMatch,
  type Identity,
  type MatchReason,
} from '../stewardship/matcher';
import { HUD_CSV_FILES, type HudCsvFileName } from './columns';
import { readCsv } from './csv-reader';
import { HudCsvValidator, VALIDATION_ORDER, type ValidationReport } from './csv-validator';
import { HudImportMapping } from './import-mapping.entity';
import { RACE_COLUMNS, V1 } from './row-mappers';
import { fromSqlTimestamp } from '../../database/sql-time';

/** Default bound on the uncompressed size the entries of one archive may declare: 2 GB. */
export const MAX_UNCOMPRESSED_BYTES = 2_000_000_000;
const BATCH = 500;
/**
 * Bound on the values bound in one multi-row INSERT (rows x the entity's columns): far below
 * SQLite's 32,766 variables and small enough for MariaDB's max_allowed_packet.
 */
const PARAMETERS_PER_INSERT = 10_000;

export class HudImportError extends Error {}

// ---------------------------------------------------------------- the zip

interface OpenZip {
  entries: Map<string, yauzl.Entry>;
  stream(name: string): AsyncGenerator<Buffer>;
  close(): void;
}

export async function openHudZip(
  path: string,
  maxUncompressedBytes = MAX_UNCOMPRESSED_BYTES,
): Promise<OpenZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) =>
      err || !z
        ? reject(
            new HudImportError(
              /central directory|signature|zip/i.test(String(err?.message))
                ? `${path} is not a zip archive (a HUD CSV export is a .zip of the CSV files)`
                : `${path} cannot be read: ${err?.message ?? 'unknown error'}`,
            ),
          )
        : resolve(z),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        declared += e.uncompressedSize;
        if (declared > maxUncompressedBytes)
          return reject(
            new HudImportError(
              `the archive's files declare more than ${maxUncompressedBytes} bytes uncompressed: refused (split the export by period)`,
            ),
          );
        if (!/\/$/.test(e.fileName)) entries.set(e.fileName.replace(/^.*\//, ''), e);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', (e: Error) => reject(new HudImportError(`the zip archive is damaged: ${e.message}`)));
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  return {
    entries,
    close: () => zip.close(),
    async *stream(name: string) {
      const entry = entries.get(name);
      if (!entry) return;
      const s = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (err, rs) => (err || !rs ? reject(err) : resolve(rs))),
      );
      let read = 0;
      try {
        for await (const chunk of s as AsyncIterable<Buffer>) {
          read += chunk.length;
          if (read > maxUncompressedBytes)
            throw new HudImportError(`${name} is larger than the import limit`);
          yield chunk;
        }
      } finally {
        (s as unknown as { destroy?: () => void }).destroy?.();
      }
    },
  };
}

// ---------------------------------------------------------------- validation

export async function validateHudZip(zip: OpenZip): Promise<ValidationReport> {
  const v = new HudCsvValidator();
  for (const name of VALIDATION_ORDER) {
    if (!zip.entries.has(name)) v.missingFile(name);
    else await v.validateFile(name, zip.stream(name));
  }
  for (const name of zip.entries.keys())
    if (!HUD_CSV_FILES.some((f) => f.name === name)) await v.validateFile(name as HudCsvFileName, []);
  return v.report;
}

/** The report, one line per problem: "Client.csv line 12, DOB: ...". */
export function formatReport(report: ValidationReport): string[] {
  const lines = report.issues.map(
    (i) => `${i.file}${i.line ? ` line ${i.line}` : ''}${i.column ? `, ${i.column}` : ''}: ${i.message}`,
  );
  if (report.moreIssues) lines.push(`... and ${report.moreIssues} more problems`);
  return lines;
}

// ---------------------------------------------------------------- rows to records

type Col = [string, string, 'i' | 's' | 'd' | 'm' | 't'];
type Row = Record<string, string>;

const value = (raw: string | undefined, t: Col[2]): string | number | null => {
  if (raw === undefined || raw === '') return null;
  if (t === 'i' || t === 'm') return Number(raw);
  return raw;
};
const fieldsOf = (row: Row, cols: Col[]) =>
  Object.fromEntries(cols.map(([c, f, t]) => [f, value(row[c], t)]));

const INCOMEBENEFITS_COLUMNS: Col[] = [
  ['InformationDate', 'informationDate', 'd'],
  ['IncomeFromAnySource', 'incomeFromAnySource', 'i'],
  ['TotalMonthlyIncome', 'totalMonthlyIncome', 'm'],
  ['Earned', 'earned', 'i'],
  ['EarnedAmount', 'earnedAmount', 'm'],
  ['Unemployment', 'unemployment', 'i'],
  ['UnemploymentAmount', 'unemploymentAmount', 'm'],
  ['SSI', 'ssi', 'i'],
  ['SSIAmount', 'ssiAmount', 'm'],
  ['SSDI', 'ssdi', 'i'],
  ['SSDIAmount', 'ssdiAmount', 'm'],
  ['VADisabilityService', 'vaDisabilityService', 'i'],
  ['VADisabilityServiceAmount', 'vaDisabilityServiceAmount', 'm'],
  ['VADisabilityNonService', 'vaDisabilityNonService', 'i'],
  ['VADisabilityNonServiceAmount', 'vaDisabilityNonServiceAmount', 'm'],
  ['PrivateDisability', 'privateDisability', 'i'],
  ['PrivateDisabilityAmount', 'privateDisabilityAmount', 'm'],
  ['WorkersComp', 'workersComp', 'i'],
  ['WorkersCompAmount', 'workersCompAmount', 'm'],
  ['TANF', 'tanf', 'i'],
  ['TANFAmount', 'tanfAmount', 'm'],
  ['GA', 'ga', 'i'],
  ['GAAmount', 'gaAmount', 'm'],
  ['SocSecRetirement', 'socSecRetirement', 'i'],
  ['SocSecRetirementAmount', 'socSecRetirementAmount', 'm'],
  ['Pension', 'pension', 'i'],
  ['PensionAmount', 'pensionAmount', 'm'],
  ['ChildSupport', 'childSupport', 'i'],
  ['ChildSupportAmount', 'childSupportAmount', 'm'],
  ['Alimony', 'alimony', 'i'],
  ['AlimonyAmount', 'alimonyAmount', 'm'],
  ['OtherIncomeSource', 'otherIncomeSource', 'i'],
  ['OtherIncomeAmount', 'otherIncomeAmount', 'm'],
  ['OtherIncomeSourceIdentify', 'otherIncomeSourceIdentify', 's'],
  ['BenefitsFromAnySource', 'benefitsFromAnySource', 'i'],
  ['SNAP', 'snap', 'i'],
  ['WIC', 'wic', 'i'],
  ['TANFChildCare', 'tanfChildCare', 'i'],
  ['TANFTransportation', 'tanfTransportation', 'i'],
  ['OtherTANF', 'otherTanf', 'i'],
  ['OtherBenefitsSource', 'otherBenefitsSource', 'i'],
  ['OtherBenefitsSourceIdentify', 'otherBenefitsSourceIdentify', 's'],
  ['InsuranceFromAnySource', 'insuranceFromAnySource', 'i'],
  ['Medicaid', 'medicaid', 'i'],
  ['NoMedicaidReason', 'noMedicaidReason', 'i'],
  ['Medicare', 'medicare', 'i'],
  ['NoMedicareReason', 'noMedicareReason', 'i'],
  ['SCHIP', 'schip', 'i'],
  ['NoSCHIPReason', 'noSCHIPReason', 'i'],
  ['VHAServices', 'vhaServices', 'i'],
  ['NoVHAReason', 'noVHAReason', 'i'],
  ['EmployerProvided', 'employerProvided', 'i'],
  ['NoEmployerProvidedReason', 'noEmployerProvidedReason', 'i'],
  ['COBRA', 'cobra', 'i'],
  ['NoCOBRAReason', 'noCOBRAReason', 'i'],
  ['PrivatePay', 'privatePay', 'i'],
  ['NoPrivatePayReason', 'noPrivatePayReason', 'i'],
  ['StateHealthIns', 'stateHealthIns', 'i'],
  ['NoStateHealthInsReason', 'noStateHealthInsReason', 'i'],
  ['IndianHealthServices', 'indianHealthServices', 'i'],
  ['NoIndianHealthServicesReason', 'noIndianHealthServicesReason', 'i'],
  ['OtherInsurance', 'otherInsurance', 'i'],
  ['OtherInsuranceIdentify', 'otherInsuranceIdentify', 's'],
  ['ADAP', 'adap', 'i'],
  ['NoADAPReason', 'noAdapReason', 'i'],
  ['RyanWhiteMedDent', 'ryanWhiteMedDent', 'i'],
  ['NoRyanWhiteReason', 'noRyanWhiteReason', 'i'],
  ['ConnectionWithSOAR', 'connectionWithSoar', 'i'],
  ['DataCollectionStage', 'dataCollectionStage', 'i'],
];
const DISABILITIES_COLUMNS: Col[] = [
  ['InformationDate', 'informationDate', 'd'],
  ['DisabilityType', 'disabilityType', 'i'],
  ['DisabilityResponse', 'disabilityResponse', 'i'],
  ['IndefiniteAndImpairs', 'indefiniteAndImpairs', 'i'],
  ['TCellCountAvailable', 'tCellCountAvailable', 'i'],
  ['TCellCount', 'tCellCount', 'i'],
  ['TCellSource', 'tCellSource', 'i'],
  ['ViralLoadAvailable', 'viralLoadAvailable', 'i'],
  ['ViralLoad', 'viralLoad', 'i'],
  ['ViralLoadSource', 'viralLoadSource', 'i'],
  ['AntiRetroviral', 'antiRetroviral', 'i'],
  ['DataCollectionStage', 'dataCollectionStage', 'i'],
];
const EMPLOYMENTEDUCATION_COLUMNS: Col[] = [
  ['InformationDate', 'informationDate', 'd'],
  ['LastGradeCompleted', 'lastGradeCompleted', 'i'],
  ['SchoolStatus', 'schoolStatus', 'i'],
  ['Employed', 'employed', 'i'],
  ['EmploymentType', 'employmentType', 'i'],
  ['NotEmployedReason', 'notEmployedReason', 'i'],
  ['DataCollectionStage', 'dataCollectionStage', 'i'],
];
const YOUTHEDUCATIONSTATUS_COLUMNS: Col[] = [
  ['InformationDate', 'informationDate', 'd'],
  ['CurrentSchoolAttend', 'currentSchoolAttend', 'i'],
  ['MostRecentEdStatus', 'mostRecentEdStatus', 'i'],
  ['CurrentEdStatus', 'currentEdStatus', 'i'],
  ['DataCollectionStage', 'dataCollectionStage', 'i'],
];
const ENROLLMENT_COLUMNS: Col[] = [
  ['EntryDate', 'entryDate', 'd'],
  ['HouseholdID', 'householdId', 's'],
  ['RelationshipToHoH', 'relationshipToHoH', 'i'],
  ['EnrollmentCoC', 'enrollmentCoc', 's'],
  ['LivingSituation', 'livingSituation', 'i'],
  ['RentalSubsidyType', 'rentalSubsidyType', 'i'],
  ['LengthOfStay', 'lengthOfStay', 'i'],
  ['LOSUnderThreshold', 'losUnderThreshold', 'i'],
  ['PreviousStreetESSH', 'previousStreetEssh', 'i'],
  ['DateToStreetESSH', 'dateToStreetEssh', 'd'],
  ['TimesHomelessPastThreeYears', 'timesHomelessPastThreeYears', 'i'],
  ['MonthsHomelessPastThreeYears', 'monthsHomelessPastThreeYears', 'i'],
  ['DisablingCondition', 'disablingCondition', 'i'],
  ['MoveInDate', 'moveInDate', 'd'],
];

const CLIENT_COLUMNS: Col[] = [
  ['FirstName', 'firstName', 's'],
  ['MiddleName', 'middleName', 's'],
  ['LastName', 'lastName', 's'],
  ['NameSuffix', 'nameSuffix', 's'],
  ['NameDataQuality', 'nameDataQuality', 'i'],
  ['SSN', 'ssn', 's'],
  ['SSNDataQuality', 'ssnDataQuality', 'i'],
  ['DOB', 'dob', 'd'],
  ['DOBDataQuality', 'dobDataQuality', 'i'],
  ['Sex', 'sex', 'i'],
  ['VeteranStatus', 'veteranStatus', 'i'],
  ...Object.entries(V1).map(([c, f]) => [c, f, 'i'] as Col),
];

/** 3.04: the 0/1 race columns back to the list, or the reason for missing data in RaceNone. */
function raceOf(row: Row): number[] | null {
  const chosen = Object.entries(RACE_COLUMNS)
    .filter(([c]) => row[c] === '1')
    .map(([, v]) => v as number);
  if (chosen.length) return chosen;
  return row.RaceNone ? [Number(row.RaceNone)] : null;
}

interface FilePlan {
  file: HudCsvFileName;
  entity: EntityTarget<ObjectLiteral>;
  idColumn: string;
  cols: Col[];
  /** Values Waypoint needs that HUD's file does not carry. */
  extra?: ObjectLiteral;
}

/** Project descriptors (2.03-2.09, HMIS/CE participation): records of a project, setup data. */
const SETUP_FILES: FilePlan[] = [
  {
    file: 'Funder.csv',
    entity: Funder,
    idColumn: 'FunderID',
    cols: [
      ['Funder', 'funder', 'i'],
      ['OtherFunder', 'otherFunder', 's'],
      ['GrantID', 'grantId', 's'],
      ['StartDate', 'startDate', 'd'],
      ['EndDate', 'endDate', 'd'],
    ],
  },
  {
    file: 'Inventory.csv',
    entity: Inventory,
    idColumn: 'InventoryID',
    cols: [
      ['CoCCode', 'cocCode', 's'],
      ['HouseholdType', 'householdType', 'i'],
      ['Availability', 'availability', 'i'],
      ['UnitInventory', 'unitInventory', 'i'],
      ['BedInventory', 'bedInventory', 'i'],
      ['CHVetBedInventory', 'chVetBedInventory', 'i'],
      ['YouthVetBedInventory', 'youthVetBedInventory', 'i'],
      ['VetBedInventory', 'vetBedInventory', 'i'],
      ['CHYouthBedInventory', 'chYouthBedInventory', 'i'],
      ['YouthBedInventory', 'youthBedInventory', 'i'],
      ['CHBedInventory', 'chBedInventory', 'i'],
      ['OtherBedInventory', 'otherBedInventory', 'i'],
      ['ESBedType', 'bedType', 'i'],
      ['InventoryStartDate', 'inventoryStartDate', 'd'],
      ['InventoryEndDate', 'inventoryEndDate', 'd'],
    ],
  },
  {
    file: 'ProjectCoC.csv',
    entity: ProjectCoc,
    idColumn: 'ProjectCoCID',
    cols: [
      ['CoCCode', 'cocCode', 's'],
      ['Geocode', 'geocode', 's'],
      ['Address1', 'address1', 's'],
      ['Address2', 'address2', 's'],
      ['City', 'city', 's'],
      ['State', 'state', 's'],
      ['ZIP', 'zip', 's'],
      ['GeographyType', 'geographyType', 'i'],
    ],
  },
  {
    file: 'HMISParticipation.csv',
    entity: HmisParticipation,
    idColumn: 'HMISParticipationID',
    cols: [
      ['HMISParticipationType', 'hmisParticipationType', 'i'],
      ['HMISParticipationStatusStartDate', 'hmisParticipationStatusStartDate', 'd'],
      ['HMISParticipationStatusEndDate', 'hmisParticipationStatusEndDate', 'd'],
    ],
  },
  {
    file: 'CEParticipation.csv',
    entity: CeParticipation,
    idColumn: 'CEParticipationID',
    cols: [
      ['AccessPoint', 'accessPoint', 'i'],
      ['PreventionAssessment', 'preventionAssessment', 'i'],
      ['CrisisAssessment', 'crisisAssessment', 'i'],
      ['HousingAssessment', 'housingAssessment', 'i'],
      ['DirectServices', 'directServices', 'i'],
      ['ReceivesReferrals', 'receivesReferrals', 'i'],
      ['CEParticipationStatusStartDate', 'ceParticipationStatusStartDate', 'd'],
      ['CEParticipationStatusEndDate', 'ceParticipationStatusEndDate', 'd'],
    ],
  },
  { file: 'Affiliation.csv', entity: Affiliation, idColumn: 'AffiliationID', cols: [] },
];

const CHILD_FILES: FilePlan[] = [
  {
    file: 'Exit.csv',
    entity: Exit,
    idColumn: 'ExitID',
    cols: [
      ['ExitDate', 'exitDate', 'd'],
      ['Destination', 'destination', 'i'],
      ['DestinationSubsidyType', 'destinationSubsidyType', 'i'],
    ],
  },
  {
    file: 'Services.csv',
    entity: Service,
    idColumn: 'ServicesID',
    cols: [
      ['DateProvided', 'dateProvided', 'd'],
      ['RecordType', 'recordType', 'i'],
      ['TypeProvided', 'typeProvided', 'i'],
      ['OtherTypeProvided', 'otherTypeProvided', 's'],
    ],
  },
  {
    file: 'CurrentLivingSituation.csv',
    entity: CurrentLivingSituation,
    idColumn: 'CurrentLivingSitID',
    cols: [
      ['InformationDate', 'informationDate', 'd'],
      ['CurrentLivingSituation', 'currentLivingSituation', 'i'],
      ['CLSSubsidyType', 'clsSubsidyType', 'i'],
      ['LocationDetails', 'locationDetails', 's'],
    ],
  },
  {
    file: 'HealthAndDV.csv',
    entity: HealthAndDv,
    idColumn: 'HealthAndDVID',
    cols: [
      ['InformationDate', 'informationDate', 'd'],
      ['DomesticViolenceSurvivor', 'domesticViolenceSurvivor', 'i'],
      ['WhenOccurred', 'whenOccurred', 'i'],
      ['CurrentlyFleeing', 'currentlyFleeing', 'i'],
      ['GeneralHealthStatus', 'generalHealthStatus', 'i'],
      ['DataCollectionStage', 'dataCollectionStage', 'i'],
    ],
  },
  {
    file: 'IncomeBenefits.csv',
    entity: IncomeBenefits,
    idColumn: 'IncomeBenefitsID',
    cols: INCOMEBENEFITS_COLUMNS,
  },
  { file: 'Disabilities.csv', entity: Disabilities, idColumn: 'DisabilitiesID', cols: DISABILITIES_COLUMNS },
  {
    file: 'EmploymentEducation.csv',
    entity: EmploymentEducation,
    idColumn: 'EmploymentEducationID',
    cols: EMPLOYMENTEDUCATION_COLUMNS,
  },
  {
    file: 'Assessment.csv',
    entity: Assessment,
    idColumn: 'AssessmentID',
    cols: [
      ['AssessmentDate', 'assessmentDate', 'd'],
      ['AssessmentLocation', 'assessmentLocation', 's'],
      ['AssessmentType', 'assessmentType', 'i'],
      ['AssessmentLevel', 'assessmentLevel', 'i'],
      ['PrioritizationStatus', 'prioritizationStatus', 'i'],
    ],
    // HUD's file has no instrument or score (Waypoint's are local to the CoC).
    extra: { instrument: 'HUD CSV import' },
  },
  {
    file: 'Event.csv',
    entity: CeEvent,
    idColumn: 'EventID',
    cols: [
      ['EventDate', 'eventDate', 'd'],
      ['Event', 'event', 'i'],
      ['LocationCrisisOrPHHousing', 'locationCrisisOrPhHousing', 's'],
      ['ReferralResult', 'referralResult', 'i'],
      ['ResultDate', 'resultDate', 'd'],
    ],
  },
  {
    file: 'YouthEducationStatus.csv',
    entity: YouthEducationStatus,
    idColumn: 'YouthEducationStatusID',
    cols: YOUTHEDUCATIONSTATUS_COLUMNS,
  },
];

export const IMPORTED_FILES: readonly string[] = [
  'Organization.csv',
  'Project.csv',
  'Client.csv',
  'Enrollment.csv',
  ...SETUP_FILES.map((f) => f.file),
  ...CHILD_FILES.map((f) => f.file),
];

// ---------------------------------------------------------------- writing

export interface ImportOptions {
  /** The administrator the import runs as (audit, UserID). */
  userId: number;
  /** Owner of every imported record instead of each project's organization. */
  organizationId: number | null;
  dryRun: boolean;
  onRows?: (file: string, rows: number) => void;
}

export interface FileCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** An existing client an incoming Client.csv row likely duplicates: ids, score and reasons only. */
export interface LikelyMatch {
  clientId: number;
  score: number;
  reasons: MatchReason[];
}

/** An incoming Client.csv row (not mapped to a Waypoint client yet) with its likely matches. */
export interface IncomingDuplicate {
  line: number;
  personalId: string;
  matches: LikelyMatch[];
}

export interface ImportResult {
  report: ValidationReport;
  source: string | null;
  written: Record<string, FileCounts>;
  notImported: Record<string, number>;
  /** Incoming clients that likely duplicate existing ones (checked when every row is valid). */
  duplicates: IncomingDuplicate[];
}

async function* rowsOf(zip: OpenZip, file: string): AsyncGenerator<{ line: number; row: Row }> {
  let header: string[] | null = null;
  for await (const { line, fields } of readCsv(zip.stream(file))) {
    if (!header) {
      header = fields;
      continue;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line, row: Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ''])) };
  }
}

async function* batches<T>(items: AsyncIterable<T>, size = BATCH): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

class Mapper {
  constructor(
    private readonly m: EntityManager,
    private readonly source: string,
  ) {}

  /** The mappings of HUD ids of one file, in one statement. */
  async lookup(file: string, hudIds: string[]): Promise<Map<string, HudImportMapping>> {
    const unique = [...new Set(hudIds.filter(Boolean))];
    if (!unique.length) return new Map();
    const rows = await this.m
      .getRepository(HudImportMapping)
      .createQueryBuilder('x')
      .where('x.source = :source AND x.hudFile = :file AND x.hudId IN (:...ids)', {
        source: this.source,
        file,
        ids: unique,
      })
      .getMany();
    return new Map(rows.map((r) => [r.hudId, r]));
  }

  /** Records which Waypoint records rows of one file became, in one statement. */
  async remember(
    file: string,
    rows: Array<{ hudId: string; waypointId: number; hudDateUpdated: string }>,
  ): Promise<void> {
    if (!rows.length) return;
    await this.m
      .getRepository(HudImportMapping)
      .insert(rows.map((r) => ({ source: this.source, hudFile: file, ...r })));
  }

  async touch(mapping: HudImportMapping, hudDateUpdated: string): Promise<void> {
    await this.m.getRepository(HudImportMapping).update({ id: mapping.id }, { hudDateUpdated });
  }
}

/**
 * Whether one INSERT of many rows tells each row's id for certain: MariaDB returns them
 * (INSERT ... RETURNING, which TypeORM uses from 10.5), and SQLite has one writer, so the rows of
 * a statement get consecutive ids. MySQL returns the first id only, and its interleaved
 * auto-increment (lock mode 2, its default) does not promise the rest are consecutive: there each
 * new row is an INSERT of its own.
 */
function idsOfManyRows(m: EntityManager): boolean {
  return (
    m.connection.driver.isReturningSqlSupported('insert') || m.connection.options.type === 'better-sqlite3'
  );
}

/** One row of a batch for `upsertBatch`: its HUD id, its mapping if imported before, its record's values. */
interface Incoming {
  hudId: string;
  row: Row;
  mapping: HudImportMapping | undefined;
  values: ObjectLiteral;
}

const stamp = (row: Row) => ({
  createdAt: row.DateCreated ? fromSqlTimestamp(row.DateCreated) : undefined,
  updatedAt: row.DateUpdated ? fromSqlTimestamp(row.DateUpdated) : undefined,
});

/**
 * Validates the zip and, when every row is valid and this is not a dry run, writes it in one
 * transaction. Returns the report either way.
 */
export async function importHudCsv(
  ds: DataSource,
  path: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const zip = await openHudZip(path);
  try {
    const report = await validateHudZip(zip);
    const result: ImportResult = { report, source: null, written: {}, notImported: {}, duplicates: [] };
    for (const [file, n] of Object.entries(report.rows))
      if (!IMPORTED_FILES.includes(file) && file !== 'Export.csv' && n) result.notImported[file] = n;
    if (report.issues.length) return result;
    let source: string | null = null;
    for await (const { row } of rowsOf(zip, 'Export.csv'))
      source = row.SourceID || row.SourceName || row.ExportID;
    if (options.dryRun) {
      result.duplicates = await likelyDuplicates(ds.manager, zip, source ?? 'unknown', options);
      return result;
    }
    result.source = source;
    await ds.transaction(async (m) => {
      // Checked against the clients that exist before this import writes anything.
      result.duplicates = await likelyDuplicates(m, zip, source ?? 'unknown', options);
      await write(m, zip, source ?? 'unknown', options, result);
    });
    return result;
  } finally {
    zip.close();
  }
}

async function write(
  m: EntityManager,
  zip: OpenZip,
  source: string,
  options: ImportOptions,
  result: ImportResult,
) {
  const map = new Mapper(m, source);
  const userId = options.userId;
  const count = (file: string) => (result.written[file] ??= { created: 0, updated: 0, unchanged: 0 });
  const touchedClients = new Set<number>();

  /**
   * Writes the rows of one batch of a file: a row no mapping knows becomes a new record, inserted
   * with the batch's other new rows in multi-row INSERTs (`PARAMETERS_PER_INSERT`), and the
   * mappings of those rows are inserted in one statement; a mapped row with a newer DateUpdated
   * updates its record (one by one: a re-import changes few). Returns each row's Waypoint id, in
   * order. Per row, this used to be two statements, whose round trips and TypeORM's query building
   * were most of an import's time.
   */
  async function upsertBatch(
    file: string,
    entity: EntityTarget<ObjectLiteral>,
    items: Incoming[],
  ): Promise<number[]> {
    const c = count(file);
    const repo = m.getRepository(entity);
    const ids: number[] = new Array<number>(items.length);
    const fresh: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const { row, mapping, values } = items[i];
      if (!mapping) {
        fresh.push(i);
        continue;
      }
      const updated = row.DateUpdated ?? '';
      if (updated > mapping.hudDateUpdated) {
        await repo.update({ id: mapping.waypointId }, { ...values, ...stamp(row) });
        await map.touch(mapping, updated);
        c.updated++;
      } else c.unchanged++;
      ids[i] = mapping.waypointId;
    }
    // TypeORM binds every column of the entity for each row (DEFAULT or NULL for the missing ones).
    const perInsert = idsOfManyRows(m)
      ? Math.max(1, Math.floor(PARAMETERS_PER_INSERT / repo.metadata.columns.length))
      : 1;
    for (let from = 0; from < fresh.length; from += perInsert) {
      const part = fresh.slice(from, from + perInsert);
      // One statement; TypeORM reads the ids back in row order (see idsOfManyRows).
      const { identifiers } = await repo.insert(
        part.map((i) => ({ ...items[i].values, ...stamp(items[i].row) })),
      );
      part.forEach((i, k) => (ids[i] = Number(identifiers[k].id)));
    }
    await map.remember(
      file,
      fresh.map((i) => ({
        hudId: items[i].hudId,
        waypointId: ids[i],
        hudDateUpdated: items[i].row.DateUpdated ?? '',
      })),
    );
    c.created += fresh.length;
    return ids;
  }

  /** Insert or (newer DateUpdated) update one record; the mapping decides which. */
  const upsert = async (
    file: string,
    entity: EntityTarget<ObjectLiteral>,
    hudId: string,
    row: Row,
    mapping: HudImportMapping | undefined,
    values: ObjectLiteral,
  ): Promise<number> => (await upsertBatch(file, entity, [{ hudId, row, mapping, values }]))[0];

  // Organizations: by mapping, else by name or code, else created.
  const orgs = new Map<string, { id: number; vsp: boolean; restriction: Restriction }>();
  for await (const { row } of rowsOf(zip, 'Organization.csv')) {
    const known = (await map.lookup('Organization.csv', [row.OrganizationID])).get(row.OrganizationID);
    let org = known ? await m.getRepository(Organization).findOneBy({ id: known.waypointId }) : null;
    if (!org) {
      org =
        (await m.getRepository(Organization).findOneBy({ name: row.OrganizationName })) ??
        (row.OrganizationCommonName?.length === 3
          ? await m.getRepository(Organization).findOneBy({ code: row.OrganizationCommonName })
          : null);
      if (org) {
        await map.remember('Organization.csv', [
          { hudId: row.OrganizationID, waypointId: org.id, hudDateUpdated: row.DateUpdated ?? '' },
        ]);
        count('Organization.csv').unchanged++;
      } else {
        let code = row.OrganizationCommonName?.length === 3 ? row.OrganizationCommonName.toUpperCase() : '';
        if (!code || (await m.getRepository(Organization).findOneBy({ code })))
          code = `I${(Number(row.OrganizationID.replace(/\D/g, '')) % 1296).toString(36).toUpperCase().padStart(2, '0')}`;
        const vsp = row.VictimServiceProvider === '1';
        const id = await upsert('Organization.csv', Organization, row.OrganizationID, row, undefined, {
          code,
          name: row.OrganizationName,
          victimServiceProvider: vsp,
          defaultRestriction: vsp ? Restriction.RESTRICTED : Restriction.UNRESTRICTED,
        });
        org = await m.getRepository(Organization).findOneByOrFail({ id });
      }
    } else count('Organization.csv').unchanged++;
    orgs.set(row.OrganizationID, {
      id: org.id,
      vsp: org.victimServiceProvider,
      restriction: org.victimServiceProvider ? Restriction.RESTRICTED : org.defaultRestriction,
    });
  }
  let forced: { id: number; vsp: boolean; restriction: Restriction } | null = null;
  if (options.organizationId !== null) {
    const o = await m.getRepository(Organization).findOneByOrFail({ id: options.organizationId });
    forced = {
      id: o.id,
      vsp: o.victimServiceProvider,
      restriction: o.victimServiceProvider ? Restriction.RESTRICTED : o.defaultRestriction,
    };
  }

  // The CoC a project takes part in (HUD 2.03.1), kept on the program as its CoC code.
  const cocOf = new Map<string, string>();
  for await (const { row } of rowsOf(zip, 'ProjectCoC.csv'))
    if (!cocOf.has(row.ProjectID) && !row.DateDeleted) cocOf.set(row.ProjectID, row.CoCCode);

  // Projects.
  const projects = new Map<
    string,
    { id: number; owner: { id: number; vsp: boolean; restriction: Restriction } }
  >();
  for await (const { row } of rowsOf(zip, 'Project.csv')) {
    const owner = forced ?? orgs.get(row.OrganizationID)!;
    const mapping = (await map.lookup('Project.csv', [row.ProjectID])).get(row.ProjectID);
    const id = await upsert('Project.csv', Program, row.ProjectID, row, mapping, {
      organizationId: owner.id,
      name: row.ProjectName,
      projectType: Number(row.ProjectType),
      operatingStartDate: row.OperatingStartDate,
      operatingEndDate: row.OperatingEndDate || null,
      housingType: value(row.HousingType, 'i'),
      rrhSubType: value(row.RRHSubType, 'i'),
      residentialAffiliation: value(row.ResidentialAffiliation, 'i'),
      targetPopulation: value(row.TargetPopulation, 'i'),
      hopwaMedAssistedLivingFac: value(row.HOPWAMedAssistedLivingFac, 'i'),
      cocCode: row.ContinuumProject === '1' ? (cocOf.get(row.ProjectID) ?? null) : null,
    });
    projects.set(row.ProjectID, { id, owner });
  }

  for (const plan of SETUP_FILES) {
    for await (const batch of batches(rowsOf(zip, plan.file))) {
      const known = await map.lookup(
        plan.file,
        batch.map((b) => b.row[plan.idColumn]),
      );
      await upsertBatch(
        plan.file,
        plan.entity,
        batch.map(({ row }) => ({
          hudId: row[plan.idColumn],
          row,
          mapping: known.get(row[plan.idColumn]),
          values: {
            ...fieldsOf(row, plan.cols),
            programId: projects.get(row.ProjectID)!.id,
            ...(plan.file === 'Affiliation.csv' ? { resProgramId: projects.get(row.ResProjectID)!.id } : {}),
            updatedById: userId,
            dateDeleted: row.DateDeleted ? fromSqlTimestamp(row.DateDeleted) : null,
          },
        })),
      );
    }
  }

  // The owner of each client: the organization of the project of its earliest enrollment.
  const firstProject = new Map<string, { entry: string; project: string }>();
  for await (const { row } of rowsOf(zip, 'Enrollment.csv')) {
    const seen = firstProject.get(row.PersonalID);
    if (!seen || row.EntryDate < seen.entry)
      firstProject.set(row.PersonalID, { entry: row.EntryDate, project: row.ProjectID });
  }

  for await (const batch of batches(rowsOf(zip, 'Client.csv'))) {
    const known = await map.lookup(
      'Client.csv',
      batch.map((b) => b.row.PersonalID),
    );
    const ids = await upsertBatch(
      'Client.csv',
      Client,
      batch.map(({ row }) => {
        const first = firstProject.get(row.PersonalID);
        const owner =
          forced ?? (first ? projects.get(first.project)?.owner : undefined) ?? [...orgs.values()][0];
        return {
          hudId: row.PersonalID,
          row,
          mapping: known.get(row.PersonalID),
          values: {
            ...fieldsOf(row, CLIENT_COLUMNS),
            raceEthnicity: raceOf(row),
            organizationId: owner.id,
            restrictIntake: owner.vsp,
            createdById: userId,
            updatedById: userId,
          },
        };
      }),
    );
    for (const id of ids) touchedClients.add(id);
    options.onRows?.(
      'Client.csv',
      count('Client.csv').created + count('Client.csv').updated + count('Client.csv').unchanged,
    );
  }
  firstProject.clear();

  for await (const batch of batches(rowsOf(zip, 'Enrollment.csv'))) {
    const known = await map.lookup(
      'Enrollment.csv',
      batch.map((b) => b.row.EnrollmentID),
    );
    const clients = await map.lookup(
      'Client.csv',
      batch.map((b) => b.row.PersonalID),
    );
    await upsertBatch(
      'Enrollment.csv',
      Enrollment,
      batch.map(({ row }) => {
        const project = projects.get(row.ProjectID)!;
        const clientId = clients.get(row.PersonalID)!.waypointId;
        touchedClients.add(clientId);
        return {
          hudId: row.EnrollmentID,
          row,
          mapping: known.get(row.EnrollmentID),
          values: {
            ...fieldsOf(row, ENROLLMENT_COLUMNS),
            programId: project.id,
            clientId,
            organizationId: project.owner.id,
            restriction: project.owner.restriction,
            createdById: userId,
            updatedById: userId,
            dateDeleted: row.DateDeleted ? fromSqlTimestamp(row.DateDeleted) : null,
          },
        };
      }),
    );
  }

  for (const plan of CHILD_FILES) {
    for await (const batch of batches(rowsOf(zip, plan.file))) {
      const known = await map.lookup(
        plan.file,
        batch.map((b) => b.row[plan.idColumn]),
      );
      const enrollments = await map.lookup(
        'Enrollment.csv',
        batch.map((b) => b.row.EnrollmentID),
      );
      const ids = [...new Set([...enrollments.values()].map((e) => e.waypointId))];
      const parents = ids.length
        ? await m
            .getRepository(Enrollment)
            .createQueryBuilder('e')
            .where('e.id IN (:...ids)', { ids })
            .getMany()
        : [];
      const byId = new Map(parents.map((e) => [e.id, e]));
      await upsertBatch(
        plan.file,
        plan.entity,
        batch.map(({ row }) => {
          const enrollment = byId.get(enrollments.get(row.EnrollmentID)!.waypointId)!;
          return {
            hudId: row[plan.idColumn],
            row,
            mapping: known.get(row[plan.idColumn]),
            values: {
              ...fieldsOf(row, plan.cols),
              ...plan.extra,
              enrollmentId: enrollment.id,
              clientId: enrollment.clientId,
              organizationId: enrollment.organizationId,
              restriction: enrollment.restriction,
              createdById: userId,
              updatedById: userId,
              dateDeleted: row.DateDeleted ? fromSqlTimestamp(row.DateDeleted) : null,
            },
          };
        }),
      );
    }
  }

  const clientIds = [...touchedClients].sort((a, b) => a - b);
  for (let i = 0; i < clientIds.length; i += BATCH) {
    await refreshClientReach(m, clientIds.slice(i, i + BATCH));
    // File the imported clients under their blocking keys, so later checks find them.
    await refreshMatchKeys(m, clientIds.slice(i, i + BATCH));
  }
  for (let i = 0; i === 0 || i < clientIds.length; i += 4000)
    await m.getRepository(AuditEvent).insert({
      at: new Date(),
      userId,
      organizationId: null,
      workgroupId: null,
      action: 'CREATE',
      operation: 'importHudCsv',
      entityType: 'HudCsvImport',
      entityId: null,
      clientIds: clientIds.slice(i, i + 4000),
      fields: null,
      before: null,
      after: {
        source,
        written: result.written,
        notImported: result.notImported,
        likelyDuplicates: result.duplicates.length,
      } as Record<string, unknown>,
      requestId: null,
    } as never);
}

// ---------------------------------------------------------------- likely duplicates

/**
 * SQL: the client `c` belongs to a victim service provider other than its own organization, or its
 * own organization is not one while a record of it is at one (then no incoming row may point at it).
 */
function vspElsewhereSql(c: string): string {
  const records = TRANSACTION_TABLES.map(
    (t) =>
      `EXISTS (SELECT 1 FROM ${t} vx JOIN organization vo ON vo.id = vx.organization_id WHERE vx.client_id = ${c}.id AND vo.victim_service_provider = 1 AND vx.organization_id <> ${c}.organization_id)`,
  );
  return `(${records.join(' OR ')})`;
}

/** SQL: the client `c` belongs to a victim service provider, or a record of it is at one. */
function vspAnySql(c: string): string {
  return `(EXISTS (SELECT 1 FROM organization co WHERE co.id = ${c}.organization_id AND co.victim_service_provider = 1) OR ${vspElsewhereSql(c)})`;
}

/**
 * The duplicate check of the import (issue 16): every incoming Client.csv row not mapped to a
 * Waypoint client yet is compared with the existing clients by the duplicate matcher's blocking
 * keys and score (the same as `possibleDuplicates`). Per batch of rows: one mapping lookup and one
 * candidate statement, whatever the number of rows or of existing clients. Reads only: the write
 * (or a dry run) still imports the rows as new clients.
 *
 * VAWA (access model §11): a client of a victim service provider is reported only for an incoming
 * row owned by that same provider; otherwise it is left out, not even counted.
 */
async function likelyDuplicates(
  m: EntityManager,
  zip: OpenZip,
  source: string,
  options: ImportOptions,
): Promise<IncomingDuplicate[]> {
  const map = new Mapper(m, source);
  // The owner of each incoming client, as write() will choose it, read-only: an organization the
  // import would create owns no existing client (null).
  const orgRows: Row[] = [];
  for await (const { row } of rowsOf(zip, 'Organization.csv')) orgRows.push(row);
  const orgMappings = await map.lookup(
    'Organization.csv',
    orgRows.map((r) => r.OrganizationID),
  );
  const orgOf = new Map<string, number | null>();
  for (const row of orgRows) {
    let id = orgMappings.get(row.OrganizationID)?.waypointId ?? null;
    if (id === null) {
      const org =
        (await m.getRepository(Organization).findOneBy({ name: row.OrganizationName })) ??
        (row.OrganizationCommonName?.length === 3
          ? await m.getRepository(Organization).findOneBy({ code: row.OrganizationCommonName })
          : null);
      id = org?.id ?? null;
    }
    orgOf.set(row.OrganizationID, id);
  }
  const projectOrg = new Map<string, number | null>();
  for await (const { row } of rowsOf(zip, 'Project.csv'))
    projectOrg.set(row.ProjectID, orgOf.get(row.OrganizationID) ?? null);
  const firstProject = new Map<string, { entry: string; project: string }>();
  for await (const { row } of rowsOf(zip, 'Enrollment.csv')) {
    const seen = firstProject.get(row.PersonalID);
    if (!seen || row.EntryDate < seen.entry)
      firstProject.set(row.PersonalID, { entry: row.EntryDate, project: row.ProjectID });
  }
  const fallbackOrg = orgRows.length ? (orgOf.get(orgRows[0].OrganizationID) ?? null) : null;
  const ownerOf = (personalId: string): number | null => {
    if (options.organizationId !== null) return options.organizationId;
    const first = firstProject.get(personalId);
    return first ? (projectOrg.get(first.project) ?? null) : fallbackOrg;
  };

  const out: IncomingDuplicate[] = [];
  for await (const batch of batches(rowsOf(zip, 'Client.csv'))) {
    const known = await map.lookup(
      'Client.csv',
      batch.map((b) => b.row.PersonalID),
    );
    const incoming = batch
      .filter(({ row }) => !known.has(row.PersonalID))
      .map(({ line, row }) => {
        const identity: Identity = {
          firstName: row.FirstName || null,
          lastName: row.LastName || null,
          dob: row.DOB || null,
          ssn: row.SSN || null,
        };
        return { line, row, identity, keys: matchKeys(identity) };
      })
      .filter((x) => x.keys.length > 0);
    // One statement per batch: the values of each kind of key in one IN list.
    const byKind = new Map<string, Set<string>>();
    for (const x of incoming)
      for (const k of x.keys) (byKind.get(k.kind) ?? byKind.set(k.kind, new Set()).get(k.kind)!).add(k.value);
    const conds: string[] = [];
    const params: string[] = [];
    for (const [kind, values] of byKind) {
      conds.push(`(k.kind = ? AND k.value IN (${[...values].map(() => '?').join(', ')}))`);
      params.push(kind, ...values);
    }
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT k.kind AS key_kind, k.value AS key_value, c.id, c.first_name, c.last_name, c.dob, c.ssn,
              c.organization_id,
              CASE WHEN ${vspAnySql('c')} THEN 1 ELSE 0 END AS vsp_check,
              CASE WHEN ${vspElsewhereSql('c')} THEN 1 ELSE 0 END AS vsp_elsewhere_check
         FROM client_match_key k
         JOIN client c ON c.id = k.client_id
        WHERE c.date_deleted IS NULL AND (${conds.length ? conds.join(' OR ') : '1 = 0'})
        ORDER BY c.id`,
      params,
    );
    const byKey = new Map<string, Record<string, unknown>[]>();
    for (const r of rows) {
      const key = `${String(r.key_kind)}|${String(r.key_value)}`;
      (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(r);
    }
    for (const x of incoming) {
      const owner = ownerOf(x.row.PersonalID);
      const matches = new Map<number, LikelyMatch>();
      for (const k of x.keys)
        for (const r of byKey.get(`${k.kind}|${k.value}`) ?? []) {
          const clientId = Number(r.id);
          if (matches.has(clientId)) continue;
          if (
            Number(r.vsp_check) === 1 &&
            (owner === null || Number(r.organization_id) !== owner || Number(r.vsp_elsewhere_check) === 1)
          )
            continue;
          const result = scoreMatch(x.identity, {
            firstName: (r.first_name as string | null) ?? null,
            lastName: (r.last_name as string | null) ?? null,
            dob: r.dob === null || r.dob === undefined ? null : sqlDate(r.dob),
            ssn: (r.ssn as string | null) ?? null,
          });
          if (result.score >= LIKELY_DUPLICATE_SCORE) matches.set(clientId, { clientId, ...result });
        }
      if (matches.size)
        out.push({
          line: x.line,
          personalId: x.row.PersonalID,
          matches: [...matches.values()].sort((a, b) => b.score - a.score || a.clientId - b.clientId),
        });
    }
  }
  return out;
}

/** A DATE column as yyyy-mm-dd (a string on both engines here; a Date if a driver returns one). */
function sqlDate(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

/**
 * The duplicate report, one line per incoming client: the existing clients' Waypoint ids, scores and
 * reasons, never their names, SSNs or dates of birth.
 */
export function formatDuplicates(duplicates: IncomingDuplicate[], dryRun: boolean): string[] {
  if (!duplicates.length) return ['likely duplicates of existing clients: none'];
  return [
    `likely duplicates of existing clients: ${duplicates.length} incoming client(s); ${
      dryRun ? 'an import would import them' : 'they were imported'
    } as new clients: review each pair and merge with mergeClients (survivor = the existing client)`,
    ...duplicates.map(
      (d) =>
        `  Client.csv line ${d.line} (PersonalID ${d.personalId}): ${d.matches
          .map((x) => `client ${x.clientId} score ${x.score} (${x.reasons.join(', ')})`)
          .join('; ')}`,
    ),
  ];
}
