/**
 * Pure mappers from Waypoint records to HUD HMIS CSV FY2026 rows, one per file Waypoint holds data
 * for. They do no authorization: the export (phase 2) feeds them only records the read policy lets the
 * caller see, and blanks the columns it withholds. `sources` names, for each HUD column, the GraphQL
 * field it comes from, so the export can withhold exactly the columns whose field the caller may not
 * read (FIELD_RULES) and name them in the response and the audit event.
 *
 * Columns Waypoint does not record are written empty. Ids are Waypoint's ids as text; HUD's UserID is the
 * user who last changed the record.
 */
import { RaceEthnicity } from '../../hud';
import type { Client } from '../client/client.entity';
import type { Enrollment } from '../enrollment/enrollment.entity';
import type { Exit } from '../enrollment/exit.entity';
import type { Organization } from '../organization/organization.entity';
import type { Affiliation } from '../program/affiliation.entity';
import type { CeParticipation } from '../program/ce-participation.entity';
import type { Funder } from '../program/funder.entity';
import type { HmisParticipation } from '../program/hmis-participation.entity';
import type { Inventory } from '../program/inventory.entity';
import type { Program } from '../program/program.entity';
import type { ProjectCoc } from '../program/project-coc.entity';
import type { User } from '../users/user.entity';
import type { AssessmentInstrument } from '../ce/instrument.entity';
import type { Assessment } from '../transaction/assessment.entity';
import type { CeEvent } from '../transaction/ce-event.entity';
import type { CurrentLivingSituation } from '../transaction/current-living-situation.entity';
import type { HealthAndDv } from '../transaction/health-and-dv.entity';
import type { Disabilities } from '../transaction/disabilities.entity';
import type { EmploymentEducation } from '../transaction/employment-education.entity';
import type { IncomeBenefits } from '../transaction/income-benefits.entity';
import type { YouthEducationStatus } from '../transaction/youth-education-status.entity';
import type { Service } from '../transaction/service.entity';
import type { HudColumns, HudCsvFileName } from './columns';
import { hudDate, hudDateTime } from './csv-writer';

/** What every row of one export shares. */
export interface MapContext {
  exportId: string;
  /** Assessment instruments by id: AssessmentQuestions.csv takes each question's group and order from it. */
  instruments?: ReadonlyMap<number, Pick<AssessmentInstrument, 'questions'>>;
}

type Cell = string | number | null;
/** A row: only HUD columns of the file (missing ones are written empty). */
export type MappedRow<N extends HudCsvFileName> = Partial<Record<HudColumns<N>, Cell>>;

export interface RowMapper<N extends HudCsvFileName, E> {
  file: N;
  map(record: E, ctx: MapContext): MappedRow<N>;
  /** HUD column -> the GraphQL field of the record type it is read from (for field rules). */
  sources: Partial<Record<HudColumns<N>, string>>;
}

/** A mapper that writes any number of rows (none included) for one record. */
export interface RowsMapper<N extends HudCsvFileName, E> {
  file: N;
  rows(record: E, ctx: MapContext): Array<MappedRow<N>>;
  sources: Partial<Record<HudColumns<N>, string>>;
}

const id = (value: number | string | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);
const code = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : value;
const flag = (value: boolean): number => (value ? 1 : 0);

interface Stamped {
  createdAt: Date;
  updatedAt: Date;
  dateDeleted: Date | null;
  updatedById?: number | null;
  createdById?: number | null;
}

/** DateCreated, DateUpdated, UserID, DateDeleted and ExportID, which end every file but Export and User. */
function trailer(r: Stamped, ctx: MapContext) {
  return {
    DateCreated: hudDateTime(r.createdAt),
    DateUpdated: hudDateTime(r.updatedAt),
    UserID: id(r.updatedById ?? r.createdById ?? null),
    DateDeleted: hudDateTime(r.dateDeleted),
    ExportID: ctx.exportId,
  };
}

/** Columns of a record of an enrollment. */
const ofEnrollment = (r: { enrollmentId: number; clientId: number }) => ({
  EnrollmentID: id(r.enrollmentId),
  PersonalID: id(r.clientId),
});

// ---------------------------------------------------------------- project descriptors

export const organizationRow: RowMapper<'Organization.csv', Organization> = {
  file: 'Organization.csv',
  map: (o, ctx) => ({
    OrganizationID: id(o.id),
    OrganizationName: o.name,
    VictimServiceProvider: flag(o.victimServiceProvider),
    OrganizationCommonName: o.code,
    ...trailer({ ...o, dateDeleted: null }, ctx),
  }),
  sources: {},
};

export const projectRow: RowMapper<'Project.csv', Program> = {
  file: 'Project.csv',
  map: (p, ctx) => ({
    ProjectID: id(p.id),
    OrganizationID: id(p.organizationId),
    ProjectName: p.name,
    OperatingStartDate: hudDate(p.operatingStartDate),
    OperatingEndDate: hudDate(p.operatingEndDate),
    // A program with a CoC code takes part in the Continuum (HUD 2.02.5 Continuum Project).
    ContinuumProject: p.cocCode ? 1 : 0,
    ProjectType: p.projectType,
    HousingType: code(p.housingType),
    RRHSubType: code(p.rrhSubType),
    ResidentialAffiliation: code(p.residentialAffiliation),
    TargetPopulation: code(p.targetPopulation),
    HOPWAMedAssistedLivingFac: code(p.hopwaMedAssistedLivingFac),
    ...trailer({ ...p, dateDeleted: null }, ctx),
  }),
  sources: {},
};

export const funderRow: RowMapper<'Funder.csv', Funder> = {
  file: 'Funder.csv',
  map: (f, ctx) => ({
    FunderID: id(f.id),
    ProjectID: id(f.programId),
    Funder: f.funder,
    OtherFunder: f.otherFunder,
    GrantID: f.grantId,
    StartDate: hudDate(f.startDate),
    EndDate: hudDate(f.endDate),
    ...trailer(f, ctx),
  }),
  sources: {},
};

export const inventoryRow: RowMapper<'Inventory.csv', Inventory> = {
  file: 'Inventory.csv',
  map: (i, ctx) => ({
    InventoryID: id(i.id),
    ProjectID: id(i.programId),
    CoCCode: i.cocCode,
    HouseholdType: i.householdType,
    Availability: code(i.availability),
    UnitInventory: i.unitInventory,
    BedInventory: i.bedInventory,
    CHVetBedInventory: i.chVetBedInventory,
    YouthVetBedInventory: i.youthVetBedInventory,
    VetBedInventory: i.vetBedInventory,
    CHYouthBedInventory: i.chYouthBedInventory,
    YouthBedInventory: i.youthBedInventory,
    CHBedInventory: i.chBedInventory,
    OtherBedInventory: i.otherBedInventory,
    ESBedType: code(i.bedType),
    InventoryStartDate: hudDate(i.inventoryStartDate),
    InventoryEndDate: hudDate(i.inventoryEndDate),
    ...trailer(i, ctx),
  }),
  sources: {},
};

export const projectCocRow: RowMapper<'ProjectCoC.csv', ProjectCoc> = {
  file: 'ProjectCoC.csv',
  map: (c, ctx) => ({
    ProjectCoCID: id(c.id),
    ProjectID: id(c.programId),
    CoCCode: c.cocCode,
    Geocode: c.geocode,
    Address1: c.address1,
    Address2: c.address2,
    City: c.city,
    State: c.state,
    ZIP: c.zip,
    GeographyType: code(c.geographyType),
    ...trailer(c, ctx),
  }),
  sources: {},
};

export const affiliationRow: RowMapper<'Affiliation.csv', Affiliation> = {
  file: 'Affiliation.csv',
  map: (a, ctx) => ({
    AffiliationID: id(a.id),
    ProjectID: id(a.programId),
    ResProjectID: id(a.resProgramId),
    ...trailer(a, ctx),
  }),
  sources: {},
};

export const hmisParticipationRow: RowMapper<'HMISParticipation.csv', HmisParticipation> = {
  file: 'HMISParticipation.csv',
  map: (h, ctx) => ({
    HMISParticipationID: id(h.id),
    ProjectID: id(h.programId),
    HMISParticipationType: h.hmisParticipationType,
    HMISParticipationStatusStartDate: hudDate(h.hmisParticipationStatusStartDate),
    HMISParticipationStatusEndDate: hudDate(h.hmisParticipationStatusEndDate),
    ...trailer(h, ctx),
  }),
  sources: {},
};

export const ceParticipationRow: RowMapper<'CEParticipation.csv', CeParticipation> = {
  file: 'CEParticipation.csv',
  map: (c, ctx) => ({
    CEParticipationID: id(c.id),
    ProjectID: id(c.programId),
    AccessPoint: c.accessPoint,
    PreventionAssessment: code(c.preventionAssessment),
    CrisisAssessment: code(c.crisisAssessment),
    HousingAssessment: code(c.housingAssessment),
    DirectServices: code(c.directServices),
    ReceivesReferrals: c.receivesReferrals,
    CEParticipationStatusStartDate: hudDate(c.ceParticipationStatusStartDate),
    CEParticipationStatusEndDate: hudDate(c.ceParticipationStatusEndDate),
    ...trailer(c, ctx),
  }),
  sources: {},
};

// ---------------------------------------------------------------- client-level records

export const RACE_COLUMNS = {
  AmIndAKNative: RaceEthnicity.AMERICAN_INDIAN_ALASKA_NATIVE_OR_INDIGENOUS,
  Asian: RaceEthnicity.ASIAN_OR_ASIAN_AMERICAN,
  BlackAfAmerican: RaceEthnicity.BLACK_AFRICAN_AMERICAN_OR_AFRICAN,
  HispanicLatinao: RaceEthnicity.HISPANIC_LATINA_E_O,
  MidEastNAfrican: RaceEthnicity.MIDDLE_EASTERN_OR_NORTH_AFRICAN,
  NativeHIPacific: RaceEthnicity.NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER,
  White: RaceEthnicity.WHITE,
} as const;

const MISSING_RACE = new Set<number>([
  RaceEthnicity.CLIENT_DOESNT_KNOW,
  RaceEthnicity.CLIENT_PREFERS_NOT_TO_ANSWER,
  RaceEthnicity.DATA_NOT_COLLECTED,
]);

/** 3.04: one 0/1 column per race and ethnicity; a reason for missing data (or none recorded) in RaceNone. */
function raceColumns(race: readonly RaceEthnicity[] | null) {
  const chosen = new Set<number>(race ?? []);
  const columns = Object.fromEntries(
    Object.entries(RACE_COLUMNS).map(([column, value]) => [column, chosen.has(value) ? 1 : 0]),
  ) as Record<keyof typeof RACE_COLUMNS, number>;
  const anyRace = Object.values(columns).some((v) => v === 1);
  const missing = [...chosen].find((c) => MISSING_RACE.has(c));
  return {
    ...columns,
    RaceNone: anyRace ? null : (missing ?? RaceEthnicity.DATA_NOT_COLLECTED),
  };
}

export const V1 = {
  YearEnteredService: 'yearEnteredService',
  YearSeparated: 'yearSeparated',
  WorldWarII: 'worldWarII',
  KoreanWar: 'koreanWar',
  VietnamWar: 'vietnamWar',
  DesertStorm: 'desertStorm',
  AfghanistanOEF: 'afghanistanOEF',
  IraqOIF: 'iraqOIF',
  IraqOND: 'iraqOND',
  OtherTheater: 'otherTheater',
  MilitaryBranch: 'militaryBranch',
  DischargeStatus: 'dischargeStatus',
} as const;

export const clientRow: RowMapper<'Client.csv', Client> = {
  file: 'Client.csv',
  map: (c, ctx) => ({
    PersonalID: id(c.id),
    FirstName: c.firstName,
    MiddleName: c.middleName,
    LastName: c.lastName,
    NameSuffix: c.nameSuffix,
    NameDataQuality: c.nameDataQuality,
    SSN: c.ssn,
    SSNDataQuality: c.ssnDataQuality,
    DOB: hudDate(c.dob),
    DOBDataQuality: c.dobDataQuality,
    Sex: code(c.sex),
    ...raceColumns(c.raceEthnicity),
    VeteranStatus: code(c.veteranStatus),
    ...(Object.fromEntries(Object.entries(V1).map(([column, field]) => [column, code(c[field])])) as Record<
      keyof typeof V1,
      number | null
    >),
    ...trailer(c, ctx),
  }),
  sources: {
    FirstName: 'firstName',
    MiddleName: 'middleName',
    LastName: 'lastName',
    NameSuffix: 'nameSuffix',
    SSN: 'ssn',
    DOB: 'dob',
    Sex: 'sex',
    ...(Object.fromEntries(
      [...Object.keys(RACE_COLUMNS), 'RaceNone', 'AdditionalRaceEthnicity'].map((c) => [c, 'raceEthnicity']),
    ) as Record<keyof typeof RACE_COLUMNS | 'RaceNone' | 'AdditionalRaceEthnicity', string>),
    VeteranStatus: 'veteranStatus',
    ...V1,
  },
};

export const enrollmentRow: RowMapper<'Enrollment.csv', Enrollment> = {
  file: 'Enrollment.csv',
  map: (e, ctx) => ({
    EnrollmentID: id(e.id),
    PersonalID: id(e.clientId),
    ProjectID: id(e.programId),
    EntryDate: hudDate(e.entryDate),
    HouseholdID: e.householdId,
    RelationshipToHoH: e.relationshipToHoH,
    EnrollmentCoC: e.enrollmentCoc,
    LivingSituation: code(e.livingSituation),
    RentalSubsidyType: code(e.rentalSubsidyType),
    LengthOfStay: code(e.lengthOfStay),
    LOSUnderThreshold: code(e.losUnderThreshold),
    PreviousStreetESSH: code(e.previousStreetEssh),
    DateToStreetESSH: hudDate(e.dateToStreetEssh),
    TimesHomelessPastThreeYears: code(e.timesHomelessPastThreeYears),
    MonthsHomelessPastThreeYears: code(e.monthsHomelessPastThreeYears),
    DisablingCondition: code(e.disablingCondition),
    MoveInDate: hudDate(e.moveInDate),
    ...trailer(e, ctx),
  }),
  sources: {},
};

export const exitRow: RowMapper<'Exit.csv', Exit> = {
  file: 'Exit.csv',
  map: (x, ctx) => ({
    ExitID: id(x.id),
    ...ofEnrollment(x),
    ExitDate: hudDate(x.exitDate),
    Destination: x.destination,
    DestinationSubsidyType: code(x.destinationSubsidyType),
    ...trailer(x, ctx),
  }),
  sources: {},
};

export const serviceRow: RowMapper<'Services.csv', Service> = {
  file: 'Services.csv',
  map: (s, ctx) => ({
    ServicesID: id(s.id),
    ...ofEnrollment(s),
    DateProvided: hudDate(s.dateProvided),
    RecordType: s.recordType,
    TypeProvided: s.typeProvided,
    OtherTypeProvided: s.otherTypeProvided,
    ...trailer(s, ctx),
  }),
  sources: {},
};

export const currentLivingSituationRow: RowMapper<'CurrentLivingSituation.csv', CurrentLivingSituation> = {
  file: 'CurrentLivingSituation.csv',
  map: (c, ctx) => ({
    CurrentLivingSitID: id(c.id),
    ...ofEnrollment(c),
    InformationDate: hudDate(c.informationDate),
    CurrentLivingSituation: c.currentLivingSituation,
    CLSSubsidyType: code(c.clsSubsidyType),
    LocationDetails: c.locationDetails,
    ...trailer(c, ctx),
  }),
  sources: {},
};

export const assessmentRow: RowMapper<'Assessment.csv', Assessment> = {
  file: 'Assessment.csv',
  map: (a, ctx) => ({
    AssessmentID: id(a.id),
    ...ofEnrollment(a),
    AssessmentDate: hudDate(a.assessmentDate),
    AssessmentLocation: a.assessmentLocation,
    AssessmentType: a.assessmentType,
    AssessmentLevel: a.assessmentLevel,
    PrioritizationStatus: code(a.prioritizationStatus),
    ...trailer(a, ctx),
  }),
  sources: { PrioritizationStatus: 'prioritizationStatus' },
};

/**
 * One row per answer of an assessment recorded with an instrument (4.19 AssessmentQuestions): the
 * question's code, its group and its place in the instrument, the answer as given. The rows come from
 * the answers, so a caller who may not read them (assessment.score:read) gets none.
 */
export const assessmentQuestionRows: RowsMapper<'AssessmentQuestions.csv', Assessment> = {
  file: 'AssessmentQuestions.csv',
  rows: (a, ctx) => {
    const questions = a.instrumentId === null ? [] : (ctx.instruments?.get(a.instrumentId)?.questions ?? []);
    return (a.answers ?? []).map((answer, i) => {
      const at = questions.findIndex((q) => q.code === answer.questionCode);
      return {
        AssessmentQuestionID: `${a.id}.${i + 1}`,
        AssessmentID: id(a.id),
        ...ofEnrollment(a),
        AssessmentQuestionGroup: at >= 0 ? questions[at].group : null,
        AssessmentQuestionOrder: at >= 0 ? at + 1 : i + 1,
        AssessmentQuestion: answer.questionCode,
        AssessmentAnswer: answer.value,
        ...trailer(a, ctx),
      };
    });
  },
  sources: { AssessmentAnswer: 'answers' },
};

/** The total score of an assessment that has one (AssessmentResults), typed in or computed by its instrument. */
export const assessmentResultRows: RowsMapper<'AssessmentResults.csv', Assessment> = {
  file: 'AssessmentResults.csv',
  rows: (a, ctx) =>
    a.score === null || a.score === undefined
      ? []
      : [
          {
            AssessmentResultID: id(a.id),
            AssessmentID: id(a.id),
            ...ofEnrollment(a),
            AssessmentResultType: `${a.instrument} total score`,
            AssessmentResult: String(a.score),
            ...trailer(a, ctx),
          },
        ],
  sources: { AssessmentResult: 'score' },
};

export const eventRow: RowMapper<'Event.csv', CeEvent> = {
  file: 'Event.csv',
  map: (e, ctx) => ({
    EventID: id(e.id),
    ...ofEnrollment(e),
    EventDate: hudDate(e.eventDate),
    Event: e.event,
    LocationCrisisOrPHHousing: e.locationCrisisOrPhHousing,
    ReferralResult: code(e.referralResult),
    ResultDate: hudDate(e.resultDate),
    ...trailer(e, ctx),
  }),
  sources: {},
};

export const healthAndDvRow: RowMapper<'HealthAndDV.csv', HealthAndDv> = {
  file: 'HealthAndDV.csv',
  map: (h, ctx) => ({
    HealthAndDVID: id(h.id),
    ...ofEnrollment(h),
    InformationDate: hudDate(h.informationDate),
    DomesticViolenceSurvivor: code(h.domesticViolenceSurvivor),
    WhenOccurred: code(h.whenOccurred),
    CurrentlyFleeing: code(h.currentlyFleeing),
    GeneralHealthStatus: code(h.generalHealthStatus),
    DataCollectionStage: h.dataCollectionStage,
    ...trailer(h, ctx),
  }),
  sources: {
    DomesticViolenceSurvivor: 'domesticViolenceSurvivor',
    WhenOccurred: 'whenOccurred',
    CurrentlyFleeing: 'currentlyFleeing',
    GeneralHealthStatus: 'generalHealthStatus',
  },
};

/** Dollars with two decimals, as HUD's M (money) type. */
const money = (value: number | null | undefined): string | null =>
  value === null || value === undefined ? null : Number(value).toFixed(2);

export const incomeBenefitsRow: RowMapper<'IncomeBenefits.csv', IncomeBenefits> = {
  file: 'IncomeBenefits.csv',
  map: (r, ctx) => ({
    IncomeBenefitsID: id(r.id),
    ...ofEnrollment(r),
    InformationDate: hudDate(r.informationDate),
    IncomeFromAnySource: code(r.incomeFromAnySource),
    TotalMonthlyIncome: money(r.totalMonthlyIncome),
    Earned: code(r.earned),
    EarnedAmount: money(r.earnedAmount),
    Unemployment: code(r.unemployment),
    UnemploymentAmount: money(r.unemploymentAmount),
    SSI: code(r.ssi),
    SSIAmount: money(r.ssiAmount),
    SSDI: code(r.ssdi),
    SSDIAmount: money(r.ssdiAmount),
    VADisabilityService: code(r.vaDisabilityService),
    VADisabilityServiceAmount: money(r.vaDisabilityServiceAmount),
    VADisabilityNonService: code(r.vaDisabilityNonService),
    VADisabilityNonServiceAmount: money(r.vaDisabilityNonServiceAmount),
    PrivateDisability: code(r.privateDisability),
    PrivateDisabilityAmount: money(r.privateDisabilityAmount),
    WorkersComp: code(r.workersComp),
    WorkersCompAmount: money(r.workersCompAmount),
    TANF: code(r.tanf),
    TANFAmount: money(r.tanfAmount),
    GA: code(r.ga),
    GAAmount: money(r.gaAmount),
    SocSecRetirement: code(r.socSecRetirement),
    SocSecRetirementAmount: money(r.socSecRetirementAmount),
    Pension: code(r.pension),
    PensionAmount: money(r.pensionAmount),
    ChildSupport: code(r.childSupport),
    ChildSupportAmount: money(r.childSupportAmount),
    Alimony: code(r.alimony),
    AlimonyAmount: money(r.alimonyAmount),
    OtherIncomeSource: code(r.otherIncomeSource),
    OtherIncomeAmount: money(r.otherIncomeAmount),
    OtherIncomeSourceIdentify: r.otherIncomeSourceIdentify,
    BenefitsFromAnySource: code(r.benefitsFromAnySource),
    SNAP: code(r.snap),
    WIC: code(r.wic),
    TANFChildCare: code(r.tanfChildCare),
    TANFTransportation: code(r.tanfTransportation),
    OtherTANF: code(r.otherTanf),
    OtherBenefitsSource: code(r.otherBenefitsSource),
    OtherBenefitsSourceIdentify: r.otherBenefitsSourceIdentify,
    InsuranceFromAnySource: code(r.insuranceFromAnySource),
    Medicaid: code(r.medicaid),
    NoMedicaidReason: code(r.noMedicaidReason),
    Medicare: code(r.medicare),
    NoMedicareReason: code(r.noMedicareReason),
    SCHIP: code(r.schip),
    NoSCHIPReason: code(r.noSCHIPReason),
    VHAServices: code(r.vhaServices),
    NoVHAReason: code(r.noVHAReason),
    EmployerProvided: code(r.employerProvided),
    NoEmployerProvidedReason: code(r.noEmployerProvidedReason),
    COBRA: code(r.cobra),
    NoCOBRAReason: code(r.noCOBRAReason),
    PrivatePay: code(r.privatePay),
    NoPrivatePayReason: code(r.noPrivatePayReason),
    StateHealthIns: code(r.stateHealthIns),
    NoStateHealthInsReason: code(r.noStateHealthInsReason),
    IndianHealthServices: code(r.indianHealthServices),
    NoIndianHealthServicesReason: code(r.noIndianHealthServicesReason),
    OtherInsurance: code(r.otherInsurance),
    OtherInsuranceIdentify: r.otherInsuranceIdentify,
    ADAP: code(r.adap),
    NoADAPReason: code(r.noAdapReason),
    RyanWhiteMedDent: code(r.ryanWhiteMedDent),
    NoRyanWhiteReason: code(r.noRyanWhiteReason),
    ConnectionWithSOAR: code(r.connectionWithSoar),
    DataCollectionStage: r.dataCollectionStage,
    ...trailer(r, ctx),
  }),
  sources: {
    TotalMonthlyIncome: 'totalMonthlyIncome',
    EarnedAmount: 'earnedAmount',
    UnemploymentAmount: 'unemploymentAmount',
    SSI: 'ssi',
    SSIAmount: 'ssiAmount',
    SSDI: 'ssdi',
    SSDIAmount: 'ssdiAmount',
    VADisabilityService: 'vaDisabilityService',
    VADisabilityServiceAmount: 'vaDisabilityServiceAmount',
    VADisabilityNonService: 'vaDisabilityNonService',
    VADisabilityNonServiceAmount: 'vaDisabilityNonServiceAmount',
    PrivateDisability: 'privateDisability',
    PrivateDisabilityAmount: 'privateDisabilityAmount',
    WorkersCompAmount: 'workersCompAmount',
    TANFAmount: 'tanfAmount',
    GAAmount: 'gaAmount',
    SocSecRetirementAmount: 'socSecRetirementAmount',
    PensionAmount: 'pensionAmount',
    ChildSupportAmount: 'childSupportAmount',
    AlimonyAmount: 'alimonyAmount',
    OtherIncomeAmount: 'otherIncomeAmount',
    ADAP: 'adap',
    NoADAPReason: 'noAdapReason',
    RyanWhiteMedDent: 'ryanWhiteMedDent',
    NoRyanWhiteReason: 'noRyanWhiteReason',
  },
};

export const disabilitiesRow: RowMapper<'Disabilities.csv', Disabilities> = {
  file: 'Disabilities.csv',
  map: (r, ctx) => ({
    DisabilitiesID: id(r.id),
    ...ofEnrollment(r),
    InformationDate: hudDate(r.informationDate),
    DisabilityType: code(r.disabilityType),
    DisabilityResponse: code(r.disabilityResponse),
    IndefiniteAndImpairs: code(r.indefiniteAndImpairs),
    TCellCountAvailable: code(r.tCellCountAvailable),
    TCellCount: code(r.tCellCount),
    TCellSource: code(r.tCellSource),
    ViralLoadAvailable: code(r.viralLoadAvailable),
    ViralLoad: code(r.viralLoad),
    ViralLoadSource: code(r.viralLoadSource),
    AntiRetroviral: code(r.antiRetroviral),
    DataCollectionStage: r.dataCollectionStage,
    ...trailer(r, ctx),
  }),
  sources: {
    DisabilityResponse: 'disabilityResponse',
    IndefiniteAndImpairs: 'indefiniteAndImpairs',
    TCellCountAvailable: 'tCellCountAvailable',
    TCellCount: 'tCellCount',
    TCellSource: 'tCellSource',
    ViralLoadAvailable: 'viralLoadAvailable',
    ViralLoad: 'viralLoad',
    ViralLoadSource: 'viralLoadSource',
    AntiRetroviral: 'antiRetroviral',
  },
};

export const employmentEducationRow: RowMapper<'EmploymentEducation.csv', EmploymentEducation> = {
  file: 'EmploymentEducation.csv',
  map: (r, ctx) => ({
    EmploymentEducationID: id(r.id),
    ...ofEnrollment(r),
    InformationDate: hudDate(r.informationDate),
    LastGradeCompleted: code(r.lastGradeCompleted),
    SchoolStatus: code(r.schoolStatus),
    Employed: code(r.employed),
    EmploymentType: code(r.employmentType),
    NotEmployedReason: code(r.notEmployedReason),
    DataCollectionStage: r.dataCollectionStage,
    ...trailer(r, ctx),
  }),
  sources: {},
};

export const youthEducationStatusRow: RowMapper<'YouthEducationStatus.csv', YouthEducationStatus> = {
  file: 'YouthEducationStatus.csv',
  map: (r, ctx) => ({
    YouthEducationStatusID: id(r.id),
    ...ofEnrollment(r),
    InformationDate: hudDate(r.informationDate),
    CurrentSchoolAttend: code(r.currentSchoolAttend),
    MostRecentEdStatus: code(r.mostRecentEdStatus),
    CurrentEdStatus: code(r.currentEdStatus),
    DataCollectionStage: r.dataCollectionStage,
    ...trailer(r, ctx),
  }),
  sources: {},
};

// ---------------------------------------------------------------- users and the export itself

export const userRow: RowMapper<'User.csv', User> = {
  file: 'User.csv',
  map: (u, ctx) => {
    // Waypoint keeps one display name: its first word is HUD's first name, the rest the last name.
    const [first, ...rest] = (u.displayName ?? u.username).trim().split(/\s+/);
    return {
      UserID: id(u.id),
      UserFirstName: first || null,
      UserLastName: rest.join(' ') || null,
      DateCreated: hudDateTime(u.createdAt),
      DateUpdated: hudDateTime(u.updatedAt),
      ExportID: ctx.exportId,
    };
  },
  sources: {},
};

/** What Export.csv says about one export (HMIS CSV lists 1.1-1.5 for the coded fields). */
export interface ExportInfo {
  exportId: string;
  /** 1.3 SourceType: 1 CoC HMIS. */
  sourceType: 1 | 2 | 3 | 4;
  sourceId: string | null;
  sourceName: string | null;
  sourceContactFirst?: string | null;
  sourceContactLast?: string | null;
  sourceContactPhone?: string | null;
  sourceContactExtension?: string | null;
  sourceContactEmail?: string | null;
  exportDate: Date;
  exportStartDate: string;
  exportEndDate: string;
  softwareName: string;
  softwareVersion: string;
  csvVersion: string;
  /** 1.1 ExportPeriodType: 3 Reporting period. */
  exportPeriodType: 1 | 2 | 3 | 4;
  /** 1.2 ExportDirective: 2 Full refresh. */
  exportDirective: 1 | 2 | 3;
  /** 1.5 HashStatus: 1 Unhashed (Waypoint withholds instead of hashing). */
  hashStatus: 1 | 2 | 3 | 4;
  implementationId: string | null;
}

export function exportRow(x: ExportInfo): MappedRow<'Export.csv'> {
  return {
    ExportID: x.exportId,
    SourceType: x.sourceType,
    SourceID: x.sourceId,
    SourceName: x.sourceName,
    SourceContactFirst: x.sourceContactFirst ?? null,
    SourceContactLast: x.sourceContactLast ?? null,
    SourceContactPhone: x.sourceContactPhone ?? null,
    SourceContactExtension: x.sourceContactExtension ?? null,
    SourceContactEmail: x.sourceContactEmail ?? null,
    ExportDate: hudDateTime(x.exportDate),
    ExportStartDate: hudDate(x.exportStartDate),
    ExportEndDate: hudDate(x.exportEndDate),
    SoftwareName: x.softwareName,
    SoftwareVersion: x.softwareVersion,
    CSVVersion: x.csvVersion,
    ExportPeriodType: x.exportPeriodType,
    ExportDirective: x.exportDirective,
    HashStatus: x.hashStatus,
    ImplementationID: x.implementationId,
  };
}

/** Every record mapper by HUD file. */
export const ROW_MAPPERS = {
  'Organization.csv': organizationRow,
  'Project.csv': projectRow,
  'Client.csv': clientRow,
  'Enrollment.csv': enrollmentRow,
  'Exit.csv': exitRow,
  'Services.csv': serviceRow,
  'CurrentLivingSituation.csv': currentLivingSituationRow,
  'Assessment.csv': assessmentRow,
  'Event.csv': eventRow,
  'HealthAndDV.csv': healthAndDvRow,
  'IncomeBenefits.csv': incomeBenefitsRow,
  'Disabilities.csv': disabilitiesRow,
  'EmploymentEducation.csv': employmentEducationRow,
  'YouthEducationStatus.csv': youthEducationStatusRow,
  'Funder.csv': funderRow,
  'Inventory.csv': inventoryRow,
  'ProjectCoC.csv': projectCocRow,
  'Affiliation.csv': affiliationRow,
  'HMISParticipation.csv': hmisParticipationRow,
  'CEParticipation.csv': ceParticipationRow,
  'User.csv': userRow,
} as const;

/** The files whose rows are not one per record: several answers, or no score. */
export const ROWS_MAPPERS = {
  'AssessmentQuestions.csv': assessmentQuestionRows,
  'AssessmentResults.csv': assessmentResultRows,
} as const;
