/**
 * The record-type registry: one entry per kind of record the access model speaks about, with
 * everything the rest of the server needs to know about it. Visibility, the field guard, the
 * read policy, the write rules, explainAccess, client reach, the delete cascade and (later) the
 * HUD CSV export read these entries instead of keeping lists of their own, so adding a record
 * type is one entry here plus its feature folder (docs/architecture.md, "Add a record type").
 *
 * test/access/record-types.test.ts fails when a table with both organization_id and client_id
 * has no entry, and when an entry disagrees with the entity metadata.
 */
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Client } from '../modules/client/client.entity';
import { Enrollment } from '../modules/enrollment/enrollment.entity';
import { Exit } from '../modules/enrollment/exit.entity';
import { Organization } from '../modules/organization/organization.entity';
import { Program } from '../modules/program/program.entity';
import { ReleaseException } from '../modules/admin/information-release.entity';
import { Assessment } from '../modules/transaction/assessment.entity';
import { CeEvent } from '../modules/transaction/ce-event.entity';
import { CurrentLivingSituation } from '../modules/transaction/current-living-situation.entity';
import { HealthAndDv } from '../modules/transaction/health-and-dv.entity';
import { Disabilities } from '../modules/transaction/disabilities.entity';
import { EmploymentEducation } from '../modules/transaction/employment-education.entity';
import { IncomeBenefits } from '../modules/transaction/income-benefits.entity';
import { YouthEducationStatus } from '../modules/transaction/youth-education-status.entity';
import { Service } from '../modules/transaction/service.entity';
import { Referral } from '../modules/ce/referral.entity';
import { Reservation, Stay } from '../modules/housing/housing.entity';
import type { Capability } from './capabilities';

/** What a guarded field resolves to for a caller without the capability. */
export type Denied = 'null' | 'emptyList' | 'emptyConnection';

export interface FieldRule {
  capability: Capability;
  denied: Denied;
  /** Sensitive data: its reads are named in the audit log. */
  sensitive: boolean;
}

const sensitive = (capability: Capability): FieldRule => ({ capability, denied: 'null', sensitive: true });
const relation = (capability: Capability, denied: Denied = 'emptyList'): FieldRule => ({
  capability,
  denied,
  sensitive: false,
});

/**
 * - `client`: the client record itself (visibility: clientVisibility).
 * - `transaction`: a record of a client with organization_id, client_id, restriction and
 *   date_deleted (visibility: transactionVisibility).
 * - `setup`: configuration that explanations name (programs, organizations).
 */
export type RecordKind = 'client' | 'transaction' | 'setup';

export interface RecordType {
  /** The ExplainRecordType value (explainAccess). */
  key: string;
  /** The GraphQL type name, also the audit log's entityType. */
  typeName: string;
  table: string;
  /** A thunk, so entity modules load in any order. */
  entity: () => EntityTarget<ObjectLiteral>;
  kind: RecordKind;
  read: Capability;
  /** Null: changed only by administrators (setup:admin), not by the record operations. */
  write: Capability | null;
  /** Guarded fields (GraphQL names) and their capabilities: the field guard and the read policy. */
  fields: Readonly<Record<string, FieldRule>>;
  /** How explanations name one record and several ("a current living situation", "see ..."). */
  words: { one: string; many: string };
  /** Record types soft-deleted with this one (by their enrollment_id). */
  cascade: readonly string[];
  /** Whether its rows decide which organizations reach a client (access/reach/). */
  reach: boolean;
  /** The HUD CSV file its rows are exported to (HUD CSV FY2026), null when none. */
  hudCsv: string | null;
}

const ENROLLMENT_CHILDREN = [
  'Exit',
  'Service',
  'CurrentLivingSituation',
  'Assessment',
  'CeEvent',
  'HealthAndDv',
  'IncomeBenefits',
  'Disabilities',
  'EmploymentEducation',
  'YouthEducationStatus',
  'Stay',
] as const;

export const RECORD_TYPES: readonly RecordType[] = [
  {
    key: 'CLIENT',
    typeName: 'Client',
    table: 'client',
    entity: () => Client,
    kind: 'client',
    read: 'client:read',
    write: 'client:write',
    fields: {
      firstName: sensitive('client.name:read'),
      middleName: sensitive('client.name:read'),
      lastName: sensitive('client.name:read'),
      nameSuffix: sensitive('client.name:read'),
      ssn: sensitive('client.ssn:read'),
      dob: sensitive('client.dob:read'),
      raceEthnicity: sensitive('client.demographics:read'),
      sex: sensitive('client.demographics:read'),
      veteranStatus: sensitive('client.demographics:read'),
      yearEnteredService: sensitive('client.demographics:read'),
      yearSeparated: sensitive('client.demographics:read'),
      worldWarII: sensitive('client.demographics:read'),
      koreanWar: sensitive('client.demographics:read'),
      vietnamWar: sensitive('client.demographics:read'),
      desertStorm: sensitive('client.demographics:read'),
      afghanistanOEF: sensitive('client.demographics:read'),
      iraqOIF: sensitive('client.demographics:read'),
      iraqOND: sensitive('client.demographics:read'),
      otherTheater: sensitive('client.demographics:read'),
      militaryBranch: sensitive('client.demographics:read'),
      dischargeStatus: sensitive('client.demographics:read'),
      enrollments: relation('enrollment:read'),
    },
    words: { one: 'client', many: 'clients' },
    cascade: [],
    reach: true,
    hudCsv: 'Client.csv',
  },
  {
    key: 'ENROLLMENT',
    typeName: 'Enrollment',
    table: 'enrollment',
    entity: () => Enrollment,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'enrollment:write',
    fields: {
      services: relation('service:read', 'emptyConnection'),
      currentLivingSituations: relation('cls:read'),
      assessments: relation('assessment:read'),
      ceEvents: relation('ce.event:read'),
    },
    words: { one: 'enrollment', many: 'enrollments' },
    cascade: ENROLLMENT_CHILDREN,
    reach: true,
    hudCsv: 'Enrollment.csv',
  },
  {
    key: 'EXIT',
    typeName: 'Exit',
    table: 'enrollment_exit',
    entity: () => Exit,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'enrollment:write',
    fields: {},
    words: { one: 'exit', many: 'exits' },
    cascade: [],
    reach: true,
    hudCsv: 'Exit.csv',
  },
  {
    key: 'SERVICE',
    typeName: 'Service',
    table: 'service',
    entity: () => Service,
    kind: 'transaction',
    read: 'service:read',
    write: 'service:write',
    fields: {},
    words: { one: 'service', many: 'services' },
    cascade: [],
    reach: true,
    hudCsv: 'Services.csv',
  },
  {
    key: 'CURRENT_LIVING_SITUATION',
    typeName: 'CurrentLivingSituation',
    table: 'current_living_situation',
    entity: () => CurrentLivingSituation,
    kind: 'transaction',
    read: 'cls:read',
    write: 'cls:write',
    fields: {},
    words: { one: 'current living situation contact', many: 'current living situation contacts' },
    cascade: [],
    reach: true,
    hudCsv: 'CurrentLivingSituation.csv',
  },
  {
    key: 'ASSESSMENT',
    typeName: 'Assessment',
    table: 'assessment',
    entity: () => Assessment,
    kind: 'transaction',
    read: 'assessment:read',
    write: 'ce.assessment:write',
    fields: {
      answers: sensitive('assessment.score:read'),
      score: sensitive('assessment.score:read'),
      prioritizationStatus: sensitive('assessment.score:read'),
    },
    words: { one: 'assessment', many: 'assessments' },
    cascade: [],
    reach: true,
    hudCsv: 'Assessment.csv',
  },
  {
    key: 'CE_EVENT',
    typeName: 'CeEvent',
    table: 'ce_event',
    entity: () => CeEvent,
    kind: 'transaction',
    read: 'ce.event:read',
    write: 'ce.event:write',
    fields: {},
    words: { one: 'coordinated entry event', many: 'coordinated entry events' },
    cascade: [],
    reach: true,
    hudCsv: 'Event.csv',
  },
  {
    key: 'HEALTH_AND_DV',
    typeName: 'HealthAndDv',
    table: 'health_and_dv',
    entity: () => HealthAndDv,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'health:write',
    fields: {
      domesticViolenceSurvivor: sensitive('health:read'),
      whenOccurred: sensitive('health:read'),
      currentlyFleeing: sensitive('health:read'),
      generalHealthStatus: sensitive('health:read'),
    },
    words: { one: 'health and DV record', many: 'health and DV records' },
    cascade: [],
    reach: true,
    hudCsv: 'HealthAndDV.csv',
  },
  {
    // A coordinated entry referral (§9): owned by the referring organization, always RESTRICTED
    // (so transactionVisibility shows it to its owner only); the receiving organization reads it
    // by its own rule (src/modules/ce/referral.service.ts). Not a HUD CSV file: its HUD trace is
    // the 4.20 CeEvent recorded with it.
    key: 'REFERRAL',
    typeName: 'Referral',
    table: 'referral',
    entity: () => Referral,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'priorityList:manage',
    fields: {
      firstName: sensitive('client.name:read'),
      lastName: sensitive('client.name:read'),
      totalScore: sensitive('assessment.score:read'),
    },
    words: { one: 'referral', many: 'referrals' },
    cascade: [],
    reach: true,
    hudCsv: null,
  },
  {
    // Income amounts say what a household lives on; disability incomes (SSI, SSDI, VA, private
    // disability) reveal a disability and ADAP / Ryan White reveal an HIV status: under health:read,
    // like the health answers. Whether a source or benefit is received stays with enrollment:read
    // (intake staff see that the question was answered).
    key: 'INCOME_BENEFITS',
    typeName: 'IncomeBenefits',
    table: 'income_benefits',
    entity: () => IncomeBenefits,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'enrollment:write',
    fields: {
      totalMonthlyIncome: sensitive('health:read'),
      earnedAmount: sensitive('health:read'),
      unemploymentAmount: sensitive('health:read'),
      ssi: sensitive('health:read'),
      ssiAmount: sensitive('health:read'),
      ssdi: sensitive('health:read'),
      ssdiAmount: sensitive('health:read'),
      vaDisabilityService: sensitive('health:read'),
      vaDisabilityServiceAmount: sensitive('health:read'),
      vaDisabilityNonService: sensitive('health:read'),
      vaDisabilityNonServiceAmount: sensitive('health:read'),
      privateDisability: sensitive('health:read'),
      privateDisabilityAmount: sensitive('health:read'),
      workersCompAmount: sensitive('health:read'),
      tanfAmount: sensitive('health:read'),
      gaAmount: sensitive('health:read'),
      socSecRetirementAmount: sensitive('health:read'),
      pensionAmount: sensitive('health:read'),
      childSupportAmount: sensitive('health:read'),
      alimonyAmount: sensitive('health:read'),
      otherIncomeAmount: sensitive('health:read'),
      adap: sensitive('health:read'),
      noAdapReason: sensitive('health:read'),
      ryanWhiteMedDent: sensitive('health:read'),
      noRyanWhiteReason: sensitive('health:read'),
    },
    words: { one: 'income and benefits record', many: 'income and benefits records' },
    cascade: [],
    reach: true,
    hudCsv: 'IncomeBenefits.csv',
  },
  {
    // Every disability type is asked at every stage, so the type is not sensitive; the answer,
    // whether it impairs, and the HIV/AIDS (W4, W6) details are health data (health:read), and only
    // health:write records them, like HealthAndDV.
    key: 'DISABILITIES',
    typeName: 'Disabilities',
    table: 'disabilities',
    entity: () => Disabilities,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'health:write',
    fields: {
      disabilityResponse: sensitive('health:read'),
      indefiniteAndImpairs: sensitive('health:read'),
      tCellCountAvailable: sensitive('health:read'),
      tCellCount: sensitive('health:read'),
      tCellSource: sensitive('health:read'),
      viralLoadAvailable: sensitive('health:read'),
      viralLoad: sensitive('health:read'),
      viralLoadSource: sensitive('health:read'),
      antiRetroviral: sensitive('health:read'),
    },
    words: { one: 'disability record', many: 'disability records' },
    cascade: [],
    reach: true,
    hudCsv: 'Disabilities.csv',
  },
  {
    // Education and employment answers are intake data, read with the enrollment.
    key: 'EMPLOYMENT_EDUCATION',
    typeName: 'EmploymentEducation',
    table: 'employment_education',
    entity: () => EmploymentEducation,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'enrollment:write',
    fields: {},
    words: { one: 'employment and education record', many: 'employment and education records' },
    cascade: [],
    reach: true,
    hudCsv: 'EmploymentEducation.csv',
  },
  {
    key: 'YOUTH_EDUCATION_STATUS',
    typeName: 'YouthEducationStatus',
    table: 'youth_education_status',
    entity: () => YouthEducationStatus,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'enrollment:write',
    fields: {},
    words: { one: 'youth education status record', many: 'youth education status records' },
    cascade: [],
    reach: true,
    hudCsv: 'YouthEducationStatus.csv',
  },
  {
    // A shelter stay (access model §8): owned by the shelter's organization, restricted as any transaction.
    key: 'STAY',
    typeName: 'Stay',
    table: 'stay',
    entity: () => Stay,
    kind: 'transaction',
    read: 'enrollment:read',
    write: 'bed:checkin',
    fields: {},
    words: { one: 'shelter stay', many: 'shelter stays' },
    cascade: [],
    reach: true,
    hudCsv: null,
  },
  {
    // A shelter reservation (access model §8): a transaction of the client, owned by the active org.
    key: 'RESERVATION',
    typeName: 'Reservation',
    table: 'reservation',
    entity: () => Reservation,
    kind: 'transaction',
    read: 'client:read',
    write: 'reservation:manage',
    fields: {},
    words: { one: 'shelter reservation', many: 'shelter reservations' },
    cascade: [],
    reach: true,
    hudCsv: null,
  },
  {
    key: 'PROGRAM',
    typeName: 'Program',
    table: 'program',
    entity: () => Program,
    kind: 'setup',
    read: 'program:read',
    write: null,
    fields: {},
    words: { one: 'program', many: 'programs' },
    cascade: [],
    reach: false,
    hudCsv: 'Project.csv',
  },
  {
    key: 'ORGANIZATION',
    typeName: 'Organization',
    table: 'organization',
    entity: () => Organization,
    kind: 'setup',
    read: 'program:read',
    write: null,
    // A victim service provider's sites are confidential: locations are setup data for administrators.
    fields: { locations: relation('setup:admin') },
    words: { one: 'organization', many: 'organizations' },
    cascade: [],
    reach: false,
    hudCsv: 'Organization.csv',
  },
  {
    // Releases one client to one organization (§3); it names a client and an organization but
    // is setup data, managed by administrators and never exported.
    key: 'RELEASE_EXCEPTION',
    typeName: 'ReleaseException',
    table: 'release_exception',
    entity: () => ReleaseException,
    kind: 'setup',
    read: 'setup:admin',
    write: null,
    fields: {},
    words: { one: 'release exception', many: 'release exceptions' },
    cascade: [],
    reach: false,
    hudCsv: null,
  },
];

const BY_TYPE_NAME = new Map(RECORD_TYPES.map((t) => [t.typeName, t]));
const BY_KEY = new Map(RECORD_TYPES.map((t) => [t.key, t]));

/** The entry of a GraphQL type name / audit entityType, if registered. */
export function recordType(typeName: string): RecordType | undefined {
  return BY_TYPE_NAME.get(typeName);
}

/** The entry of an ExplainRecordType value. */
export function recordTypeByKey(key: string): RecordType {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`no record type ${key}`);
  return found;
}

/** Transaction tables (organization_id, client_id, restriction, date_deleted), in registry order. */
export const TRANSACTION_TYPES: readonly RecordType[] = RECORD_TYPES.filter((t) => t.kind === 'transaction');
export const TRANSACTION_TABLES: readonly string[] = TRANSACTION_TYPES.map((t) => t.table);

/** Record types whose changes can change which organizations reach a client. */
export const REACH_TYPE_NAMES: ReadonlySet<string> = new Set(
  RECORD_TYPES.filter((t) => t.reach).map((t) => t.typeName),
);

/** The capability that writes a record type (undefined: not written by record operations). */
export function writeCapability(typeName: string): Capability | undefined {
  return recordType(typeName)?.write ?? undefined;
}

/**
 * Guarded fields of views that are not records of their own but show values of records (the
 * priority list shows a client's name and an assessment's score): the same rules apply.
 */
export const VIEW_FIELD_RULES: Record<string, Record<string, FieldRule>> = {
  PriorityListEntry: {
    firstName: sensitive('client.name:read'),
    lastName: sensitive('client.name:read'),
    totalScore: sensitive('assessment.score:read'),
    prioritizationStatus: sensitive('assessment.score:read'),
  },
};

/** Field rules by type and field ("Type.field"), derived from the registry and the views above. */
export const RECORD_FIELD_RULES: Record<string, Record<string, FieldRule>> = {
  ...Object.fromEntries(
    RECORD_TYPES.filter((t) => Object.keys(t.fields).length).map((t) => [t.typeName, { ...t.fields }]),
  ),
  ...VIEW_FIELD_RULES,
};
