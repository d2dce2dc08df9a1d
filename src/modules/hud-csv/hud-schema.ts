/**
 * What each HUD HMIS CSV column holds (HMIS CSV Format Specifications, "Data Types"): its type
 * (S string with a maximum length, I integer, D date YYYY-MM-DD, T timestamp YYYY-MM-DD HH:MM:SS,
 * M money), whether it is required, its code list, and the file its id must exist in. The import
 * validator reads it; the export writes values that satisfy it.
 */
import {
  AssessmentLevel,
  AssessmentType,
  BedType,
  CURRENT_LIVING_SITUATION_CODES,
  CeEventType,
  CurrentEdStatus,
  CurrentSchoolAttend,
  DESTINATION_CODES,
  DataCollectionStage,
  DischargeStatus,
  DobDataQuality,
  FunderSource,
  GeographyType,
  HealthStatus,
  HivTestSource,
  HmisParticipationType,
  HopwaMedAssistedLivingFac,
  HouseholdType,
  HousingType,
  InventoryAvailability,
  LengthOfStay,
  MilitaryBranch,
  MonthsHomelessPastThreeYears,
  MostRecentEdStatus,
  NameDataQuality,
  NoYes,
  NoYesMissing,
  PRIOR_LIVING_SITUATION_CODES,
  PrioritizationStatus,
  ProjectType,
  ReferralResult,
  RelationshipToHoH,
  RentalSubsidyType,
  RrhSubType,
  ServiceRecordType,
  Sex,
  SsnDataQuality,
  TargetPopulation,
  TimesHomelessPastThreeYears,
  ViralLoadAvailable,
  WhenDvOccurred,
} from '../../hud';
import { HUD_CSV_FILES, type HudCsvFileName } from './columns';

export type HudType =
  { kind: 'S'; max: number } | { kind: 'I' } | { kind: 'D' } | { kind: 'T' } | { kind: 'M' };

export interface ColumnRule {
  type: HudType;
  required: boolean;
  /** HUD code list, for integer columns with one. */
  codes?: ReadonlySet<number>;
  /** The file whose key this id must be. */
  references?: HudCsvFileName;
}

const codes = (enumObj: object): ReadonlySet<number> =>
  new Set(Object.values(enumObj).filter((v): v is number => typeof v === 'number'));

/** HMIS CSV Export.csv lists 1.1-1.5 (not GraphQL enums: only the export writes them). */
export const EXPORT_CODES = {
  /** 1.1 ExportPeriodType: 1 Updated, 2 Effective, 3 Reporting period, 4 Other. */
  ExportPeriodType: new Set([1, 2, 3, 4]),
  /** 1.2 ExportDirective: 1 Delta refresh, 2 Full refresh, 3 Other. */
  ExportDirective: new Set([1, 2, 3]),
  /** 1.5 HashStatus: 1 Unhashed, 2 SHA-1 RHY, 3 Hashed - other, 4 SHA-256 (RHY). */
  HashStatus: new Set([1, 2, 3, 4]),
  /** 1.3 SourceType: 1 CoC HMIS, 2 Standalone/agency-specific application, 3 Data warehouse, 4 Other. */
  SourceType: new Set([1, 2, 3, 4]),
} as const;

const NO_YES = codes(NoYes);
const NO_YES_MISSING = codes(NoYesMissing);

/** Code lists by column name (the same in every file that has the column). */
const CODE_LISTS: Record<string, ReadonlySet<number>> = {
  ...EXPORT_CODES,
  VictimServiceProvider: NO_YES,
  ContinuumProject: NO_YES,
  ProjectType: codes(ProjectType),
  HousingType: codes(HousingType),
  RRHSubType: codes(RrhSubType),
  ResidentialAffiliation: NO_YES,
  TargetPopulation: codes(TargetPopulation),
  HOPWAMedAssistedLivingFac: codes(HopwaMedAssistedLivingFac),
  NameDataQuality: codes(NameDataQuality),
  SSNDataQuality: codes(SsnDataQuality),
  DOBDataQuality: codes(DobDataQuality),
  Sex: codes(Sex),
  AmIndAKNative: NO_YES,
  Asian: NO_YES,
  BlackAfAmerican: NO_YES,
  HispanicLatinao: NO_YES,
  MidEastNAfrican: NO_YES,
  NativeHIPacific: NO_YES,
  White: NO_YES,
  RaceNone: new Set([8, 9, 99]),
  VeteranStatus: NO_YES_MISSING,
  WorldWarII: NO_YES_MISSING,
  KoreanWar: NO_YES_MISSING,
  VietnamWar: NO_YES_MISSING,
  DesertStorm: NO_YES_MISSING,
  AfghanistanOEF: NO_YES_MISSING,
  IraqOIF: NO_YES_MISSING,
  IraqOND: NO_YES_MISSING,
  OtherTheater: NO_YES_MISSING,
  MilitaryBranch: codes(MilitaryBranch),
  DischargeStatus: codes(DischargeStatus),
  RelationshipToHoH: codes(RelationshipToHoH),
  RentalSubsidyType: codes(RentalSubsidyType),
  DestinationSubsidyType: codes(RentalSubsidyType),
  CLSSubsidyType: codes(RentalSubsidyType),
  LengthOfStay: codes(LengthOfStay),
  LOSUnderThreshold: NO_YES,
  PreviousStreetESSH: NO_YES,
  TimesHomelessPastThreeYears: codes(TimesHomelessPastThreeYears),
  MonthsHomelessPastThreeYears: codes(MonthsHomelessPastThreeYears),
  DisablingCondition: NO_YES_MISSING,
  Destination: DESTINATION_CODES as ReadonlySet<number>,
  CurrentLivingSituation: CURRENT_LIVING_SITUATION_CODES as ReadonlySet<number>,
  RecordType: codes(ServiceRecordType),
  DataCollectionStage: codes(DataCollectionStage),
  DomesticViolenceSurvivor: NO_YES_MISSING,
  WhenOccurred: codes(WhenDvOccurred),
  CurrentlyFleeing: NO_YES_MISSING,
  GeneralHealthStatus: codes(HealthStatus),
  AssessmentType: codes(AssessmentType),
  AssessmentLevel: codes(AssessmentLevel),
  PrioritizationStatus: codes(PrioritizationStatus),
  Event: codes(CeEventType),
  ReferralResult: codes(ReferralResult),
  Funder: codes(FunderSource),
  HouseholdType: codes(HouseholdType),
  Availability: codes(InventoryAvailability),
  ESBedType: codes(BedType),
  GeographyType: codes(GeographyType),
  HMISParticipationType: codes(HmisParticipationType),
  AccessPoint: NO_YES,
  PreventionAssessment: NO_YES,
  CrisisAssessment: NO_YES,
  HousingAssessment: NO_YES,
  DirectServices: NO_YES,
  ReceivesReferrals: NO_YES,
  // Disabilities.csv W4 (HIV/AIDS): which list each column takes, as in Green River's FY2026 HMIS
  // GraphQL types (drivers/hmis/app/graphql/types/hmis_schema/disability_group.rb, see src/hud/income-codes.ts).
  TCellCountAvailable: NO_YES_MISSING,
  TCellSource: codes(HivTestSource),
  ViralLoadAvailable: codes(ViralLoadAvailable),
  ViralLoadSource: codes(HivTestSource),
  AntiRetroviral: NO_YES_MISSING,
  // YouthEducationStatus.csv C3.
  CurrentSchoolAttend: codes(CurrentSchoolAttend),
  MostRecentEdStatus: codes(MostRecentEdStatus),
  CurrentEdStatus: codes(CurrentEdStatus),
};

/** Per-file code lists where the same column name means another element. */
const FILE_CODE_LISTS: Partial<Record<HudCsvFileName, Record<string, ReadonlySet<number>>>> = {
  'Enrollment.csv': { LivingSituation: PRIOR_LIVING_SITUATION_CODES as ReadonlySet<number> },
};

const STRING_LENGTHS: Record<string, number> = {
  FirstName: 50,
  MiddleName: 50,
  LastName: 50,
  NameSuffix: 50,
  SSN: 9,
  AdditionalRaceEthnicity: 100,
  OrganizationName: 200,
  OrganizationCommonName: 200,
  ProjectName: 200,
  ProjectCommonName: 200,
  EnrollmentCoC: 6,
  CoCCode: 6,
  Geocode: 6,
  Address1: 100,
  Address2: 100,
  City: 50,
  State: 2,
  ZIP: 5,
  OtherFunder: 100,
  GrantID: 100,
  OtherTypeProvided: 50,
  MovingOnOtherType: 50,
  OtherDestination: 50,
  OtherIncomeSourceIdentify: 50,
  OtherBenefitsSourceIdentify: 50,
  OtherInsuranceIdentify: 50,
  LocationDetails: 250,
  LocationCrisisOrPHHousing: 250,
  AssessmentLocation: 250,
  AssessmentQuestionGroup: 250,
  AssessmentQuestion: 250,
  AssessmentAnswer: 500,
  AssessmentResultType: 250,
  AssessmentResult: 250,
  VAMCStation: 5,
  SourceName: 200,
  SourceContactFirst: 50,
  SourceContactLast: 50,
  SourceContactPhone: 10,
  SourceContactExtension: 5,
  SourceContactEmail: 320,
  SoftwareName: 50,
  SoftwareVersion: 50,
  CSVVersion: 50,
  ImplementationID: 200,
  UserFirstName: 50,
  UserLastName: 50,
  UserPhone: 10,
  UserExtension: 5,
  UserEmail: 320,
};

const TIMESTAMPS = new Set(['DateCreated', 'DateUpdated', 'DateDeleted', 'ExportDate']);
const MONEY = /(Amount|^TotalMonthlyIncome)$/;

/** The file in which an id column is the key. */
const KEY_OF: Record<string, HudCsvFileName> = {
  ExportID: 'Export.csv',
  OrganizationID: 'Organization.csv',
  ProjectID: 'Project.csv',
  ResProjectID: 'Project.csv',
  PersonalID: 'Client.csv',
  EnrollmentID: 'Enrollment.csv',
  AssessmentID: 'Assessment.csv',
  UserID: 'User.csv',
};

/** Columns every row of a file must have besides its key and its parents. */
const REQUIRED: Partial<Record<HudCsvFileName, readonly string[]>> = {
  'Export.csv': [
    'SourceType',
    'ExportDate',
    'ExportStartDate',
    'ExportEndDate',
    'SoftwareName',
    'CSVVersion',
    'ExportPeriodType',
    'ExportDirective',
    'HashStatus',
  ],
  'Organization.csv': ['OrganizationName', 'VictimServiceProvider'],
  'Project.csv': ['ProjectName', 'OperatingStartDate', 'ProjectType'],
  'Client.csv': ['NameDataQuality', 'SSNDataQuality', 'DOBDataQuality'],
  'Enrollment.csv': ['EntryDate', 'HouseholdID', 'RelationshipToHoH'],
  'Exit.csv': ['ExitDate', 'Destination'],
  'Services.csv': ['DateProvided', 'RecordType', 'TypeProvided'],
  'CurrentLivingSituation.csv': ['InformationDate', 'CurrentLivingSituation'],
  'Assessment.csv': ['AssessmentDate', 'AssessmentLocation', 'AssessmentType', 'AssessmentLevel'],
  'Event.csv': ['EventDate', 'Event'],
  'HealthAndDV.csv': ['InformationDate', 'DataCollectionStage'],
  'Funder.csv': ['Funder', 'GrantID', 'StartDate'],
  'Inventory.csv': ['CoCCode', 'HouseholdType', 'UnitInventory', 'BedInventory', 'InventoryStartDate'],
  'ProjectCoC.csv': ['CoCCode', 'Geocode'],
  'Affiliation.csv': ['ResProjectID'],
  'HMISParticipation.csv': ['HMISParticipationType', 'HMISParticipationStatusStartDate'],
  'CEParticipation.csv': ['AccessPoint', 'ReceivesReferrals', 'CEParticipationStatusStartDate'],
};

/** The rule of one column of one file. */
export function columnRule(file: HudCsvFileName, column: string): ColumnRule {
  const columns = HUD_CSV_FILES.find((f) => f.name === file)!.columns as readonly string[];
  const isKey = columns[0] === column;
  const required =
    isKey ||
    (REQUIRED[file]?.includes(column) ?? false) ||
    (file !== 'Export.csv' &&
      (column === 'DateCreated' || column === 'DateUpdated' || column === 'ExportID')) ||
    (!isKey &&
      ['PersonalID', 'EnrollmentID', 'ProjectID', 'OrganizationID', 'AssessmentID'].includes(column));
  const references = !isKey && KEY_OF[column] && KEY_OF[column] !== file ? KEY_OF[column] : undefined;
  let type: HudType;
  if (TIMESTAMPS.has(column)) type = { kind: 'T' };
  else if (column === 'DOB' || /Date/.test(column)) type = { kind: 'D' };
  else if (MONEY.test(column)) type = { kind: 'M' };
  else if (STRING_LENGTHS[column]) type = { kind: 'S', max: STRING_LENGTHS[column] };
  else if (/ID$/.test(column)) type = { kind: 'S', max: 32 };
  else type = { kind: 'I' };
  const list = FILE_CODE_LISTS[file]?.[column] ?? CODE_LISTS[column];
  return {
    type,
    required,
    ...(list && type.kind === 'I' ? { codes: list } : {}),
    ...(references ? { references } : {}),
  };
}
