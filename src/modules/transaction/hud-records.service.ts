/**
 * The information-date records of an enrollment collected at each data collection stage
 * (project start, update, annual assessment, exit): IncomeBenefits (4.02-4.04), Disabilities
 * (4.05-4.10), EmploymentEducation (R4-R6) and YouthEducationStatus (C3). One description per
 * type (its answers and the code-list check of a whole answer set, src/hud/validate.ts) and one
 * path for all four: create and correct through createEnrollmentTransaction /
 * updateEnrollmentTransaction, delete through deleteTransaction (visibility, write rules,
 * restriction, audit, reach).
 */
import type { EntityTarget } from 'typeorm';
import type { Restriction } from '../../access/restriction';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { optionalText } from '../../graphql/validate';
import { DataCollectionStage } from '../../hud';
import {
  checkCode,
  checkDisability,
  checkEmployment,
  checkIncomeAmounts,
  checkYouthEducation,
} from '../../hud/validate';
import { Disabilities } from './disabilities.entity';
import { EmploymentEducation } from './employment-education.entity';
import { IncomeBenefits } from './income-benefits.entity';
import type { EnrollmentTransaction } from './owned-record.base';
import {
  assertWithinEnrollment,
  createEnrollmentTransaction,
  deleteTransaction,
  updateEnrollmentTransaction,
} from './transaction.service';
import { YouthEducationStatus } from './youth-education-status.entity';

type StagedRecord = EnrollmentTransaction & {
  informationDate: string;
  dataCollectionStage: DataCollectionStage;
};

/** One record type of a data collection stage. */
export interface StagedType<T extends StagedRecord> {
  target: EntityTarget<T>;
  typeName: string;
  /** How a refusal names its answers ("income and benefits are not collected post-exit"). */
  what: string;
  /** The answer fields (GraphQL and entity names). */
  fields: readonly string[];
  /** Text answers and their maximum lengths. */
  text?: Record<string, number>;
  /** The code-list rules of a whole answer set (dependent lists need all of it), field names under `input.`. */
  check: (values: Record<string, unknown>) => void;
}

const INCOME_BENEFITS_FIELDS = [
  'incomeFromAnySource',
  'totalMonthlyIncome',
  'earned',
  'earnedAmount',
  'unemployment',
  'unemploymentAmount',
  'ssi',
  'ssiAmount',
  'ssdi',
  'ssdiAmount',
  'vaDisabilityService',
  'vaDisabilityServiceAmount',
  'vaDisabilityNonService',
  'vaDisabilityNonServiceAmount',
  'privateDisability',
  'privateDisabilityAmount',
  'workersComp',
  'workersCompAmount',
  'tanf',
  'tanfAmount',
  'ga',
  'gaAmount',
  'socSecRetirement',
  'socSecRetirementAmount',
  'pension',
  'pensionAmount',
  'childSupport',
  'childSupportAmount',
  'alimony',
  'alimonyAmount',
  'otherIncomeSource',
  'otherIncomeAmount',
  'otherIncomeSourceIdentify',
  'benefitsFromAnySource',
  'snap',
  'wic',
  'tanfChildCare',
  'tanfTransportation',
  'otherTanf',
  'otherBenefitsSource',
  'otherBenefitsSourceIdentify',
  'insuranceFromAnySource',
  'medicaid',
  'noMedicaidReason',
  'medicare',
  'noMedicareReason',
  'schip',
  'noSCHIPReason',
  'vhaServices',
  'noVHAReason',
  'employerProvided',
  'noEmployerProvidedReason',
  'cobra',
  'noCOBRAReason',
  'privatePay',
  'noPrivatePayReason',
  'stateHealthIns',
  'noStateHealthInsReason',
  'indianHealthServices',
  'noIndianHealthServicesReason',
  'otherInsurance',
  'otherInsuranceIdentify',
  'adap',
  'noAdapReason',
  'ryanWhiteMedDent',
  'noRyanWhiteReason',
  'connectionWithSoar',
] as const;
const INCOME_BENEFITS_TEXT = {
  otherIncomeSourceIdentify: 50,
  otherBenefitsSourceIdentify: 50,
  otherInsuranceIdentify: 50,
};

const DISABILITIES_FIELDS = [
  'disabilityType',
  'disabilityResponse',
  'indefiniteAndImpairs',
  'tCellCountAvailable',
  'tCellCount',
  'tCellSource',
  'viralLoadAvailable',
  'viralLoad',
  'viralLoadSource',
  'antiRetroviral',
] as const;

const EMPLOYMENT_EDUCATION_FIELDS = [
  'lastGradeCompleted',
  'schoolStatus',
  'employed',
  'employmentType',
  'notEmployedReason',
] as const;

const YOUTH_EDUCATION_STATUS_FIELDS = [
  'currentSchoolAttend',
  'mostRecentEdStatus',
  'currentEdStatus',
] as const;

export const INCOME_BENEFITS: StagedType<IncomeBenefits> = {
  target: IncomeBenefits,
  typeName: 'IncomeBenefits',
  what: 'income and benefits',
  fields: INCOME_BENEFITS_FIELDS,
  text: INCOME_BENEFITS_TEXT,
  check: (v) => checkIncomeAmounts('input.', v),
};

export const DISABILITIES: StagedType<Disabilities> = {
  target: Disabilities,
  typeName: 'Disabilities',
  what: 'disability answers',
  fields: DISABILITIES_FIELDS,
  check: (v) => checkDisability('input.', v as Parameters<typeof checkDisability>[1]),
};

export const EMPLOYMENT_EDUCATION: StagedType<EmploymentEducation> = {
  target: EmploymentEducation,
  typeName: 'EmploymentEducation',
  what: 'employment and education answers',
  fields: EMPLOYMENT_EDUCATION_FIELDS,
  check: (v) => checkEmployment('input.', v as Parameters<typeof checkEmployment>[1]),
};

export const YOUTH_EDUCATION_STATUS: StagedType<YouthEducationStatus> = {
  target: YouthEducationStatus,
  typeName: 'YouthEducationStatus',
  what: 'youth education answers',
  fields: YOUTH_EDUCATION_STATUS_FIELDS,
  check: (v) => checkYouthEducation('input.', v as Parameters<typeof checkYouthEducation>[1]),
};

/** A stage that is given must be a known code and not post-exit, which belongs to aftercare, not here. */
function checkStage(stage: DataCollectionStage | null | undefined, what: string): void {
  checkCode('input.dataCollectionStage', DataCollectionStage, stage, 'data collection stage');
  if (stage === DataCollectionStage.POST_EXIT)
    throw badInput('input.dataCollectionStage', `${what} are not collected post-exit`);
}

/**
 * The answers the input gives (text trimmed and bounded). `all`: every answer, null when not
 * given (a new record); otherwise only those given, null clearing one (a correction).
 */
function answersOf(
  type: Pick<StagedType<StagedRecord>, 'fields' | 'text'>,
  input: object,
  all: boolean,
): Record<string, unknown> {
  const text = type.text ?? {};
  const out: Record<string, unknown> = {};
  for (const f of type.fields) {
    const value = (input as Record<string, unknown>)[f];
    if (value === undefined && !all) continue;
    out[f] =
      f in text ? optionalText(`input.${f}`, value as string | null | undefined, text[f]) : (value ?? null);
  }
  return out;
}

interface StagedInput {
  informationDate?: string | null;
  dataCollectionStage?: DataCollectionStage | null;
  restriction?: Restriction | null;
}

/**
 * Records an answer set on its enrollment at a stage (default project start): the date must fall
 * within the enrollment; owner, restriction, audit and reach as every enrollment transaction.
 */
export function createStagedRecord<T extends StagedRecord>(
  ctx: RequestContext,
  type: StagedType<T>,
  input: StagedInput & { enrollmentId: string; informationDate: string },
): Promise<T> {
  checkStage(input.dataCollectionStage, type.what);
  const values = answersOf(type, input, true);
  type.check(values);
  return createEnrollmentTransaction(
    ctx,
    type.target,
    type.typeName,
    `create${type.typeName}`,
    input,
    (tx) => {
      assertWithinEnrollment('input.informationDate', input.informationDate, tx);
      return {
        ...values,
        informationDate: input.informationDate,
        dataCollectionStage: input.dataCollectionStage ?? DataCollectionStage.PROJECT_START,
      } as Partial<T>;
    },
  );
}

/**
 * Corrects an answer set: the answers given replace the stored ones, and the whole result is
 * checked as a new one would be (an amount stays valid only with its source Yes); the date and
 * the stage follow the rules of a new record when they change.
 */
export function updateStagedRecord<T extends StagedRecord>(
  ctx: RequestContext,
  type: StagedType<T>,
  id: string,
  input: StagedInput & { version: number },
): Promise<T> {
  if (input.dataCollectionStage !== null) checkStage(input.dataCollectionStage, type.what);
  const changes = answersOf(type, input, false);
  return updateEnrollmentTransaction(
    ctx,
    type.target,
    type.typeName,
    `update${type.typeName}`,
    id,
    input,
    (before, tx) => {
      const stored = Object.fromEntries(
        type.fields.map((f) => [f, (before as Record<string, unknown>)[f] ?? null]),
      );
      type.check({ ...stored, ...changes });
      const out: Record<string, unknown> = { ...changes };
      if (input.informationDate) {
        assertWithinEnrollment('input.informationDate', input.informationDate, tx);
        out.informationDate = input.informationDate;
      }
      if (input.dataCollectionStage) out.dataCollectionStage = input.dataCollectionStage;
      return out as Partial<T>;
    },
  );
}

/** Soft-deletes an answer set (HUD DateDeleted), e.g. one recorded on the wrong enrollment; it can be restored from the recycle bin. */
export function deleteStagedRecord<T extends StagedRecord>(
  ctx: RequestContext,
  type: StagedType<T>,
  input: { id: string; version: number },
): Promise<boolean> {
  return deleteTransaction(
    ctx,
    type.target,
    type.typeName,
    `delete${type.typeName}`,
    input.id,
    input.version,
  );
}
