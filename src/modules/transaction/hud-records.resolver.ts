/**
 * Mutations for the information-date records of an enrollment collected at each data collection stage
 * (project start, update, annual assessment, exit): IncomeBenefits (4.02-4.04), Disabilities (4.05-4.10),
 * EmploymentEducation (R4-R6) and YouthEducationStatus (C3). Thin: code lists are checked in src/hud/validate.ts,
 * the write goes through createEnrollmentTransaction (visibility, ownership, restriction, audit, reach).
 */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
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
import {
  CreateDisabilitiesInput,
  CreateEmploymentEducationInput,
  CreateIncomeBenefitsInput,
  CreateYouthEducationStatusInput,
} from './hud-records.inputs';
import { IncomeBenefits } from './income-benefits.entity';
import type { EntityTarget } from 'typeorm';
import type { Restriction } from '../../access/restriction';
import type { EnrollmentTransaction } from './owned-record.base';
import { assertWithinEnrollment, createEnrollmentTransaction } from './transaction.service';
import { YouthEducationStatus } from './youth-education-status.entity';

/** The stage of an information-date record: default project start; post-exit belongs to aftercare, not here. */
function stageOf(
  input: { dataCollectionStage?: DataCollectionStage | null },
  what: string,
): DataCollectionStage {
  checkCode(
    'input.dataCollectionStage',
    DataCollectionStage,
    input.dataCollectionStage,
    'data collection stage',
  );
  if (input.dataCollectionStage === DataCollectionStage.POST_EXIT)
    throw badInput('input.dataCollectionStage', `${what} are not collected post-exit`);
  return input.dataCollectionStage ?? DataCollectionStage.PROJECT_START;
}

/** The answers of the input, each null when not given (text trimmed and bounded). */
function answers<T extends object>(
  input: T,
  fields: readonly (keyof T & string)[],
  text: Record<string, number> = {},
) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = (input as Record<string, unknown>)[f];
    out[f] =
      f in text ? optionalText(`input.${f}`, value as string | null | undefined, text[f]) : (value ?? null);
  }
  return out;
}

/**
 * Records an information-date answer set on its enrollment at a stage: the date must fall
 * within the enrollment; owner, restriction, audit and reach as every enrollment transaction.
 */
function createStagedRecord<
  T extends EnrollmentTransaction & { informationDate: string; dataCollectionStage: DataCollectionStage },
>(
  ctx: RequestContext,
  target: EntityTarget<T>,
  typeName: string,
  operation: string,
  input: { enrollmentId: string; restriction?: Restriction | null; informationDate: string },
  stage: DataCollectionStage,
  values: Record<string, unknown>,
) {
  return createEnrollmentTransaction(ctx, target, typeName, operation, input, (tx) => {
    assertWithinEnrollment('input.informationDate', input.informationDate, tx);
    return { ...values, informationDate: input.informationDate, dataCollectionStage: stage } as Partial<T>;
  });
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
@Resolver()
export class HudRecordsResolver {
  @Mutation(() => IncomeBenefits, {
    description:
      'Record income and sources (4.02), non-cash benefits (4.03) and health insurance (4.04) at a data collection stage.',
  })
  createIncomeBenefits(
    @Arg('input', { description: 'The answers.' }) input: CreateIncomeBenefitsInput,
    @Ctx() ctx: RequestContext,
  ) {
    const stage = stageOf(input, 'income and benefits');
    const values = answers(input, INCOME_BENEFITS_FIELDS, INCOME_BENEFITS_TEXT);
    checkIncomeAmounts('input.', values);
    return createStagedRecord(
      ctx,
      IncomeBenefits,
      'IncomeBenefits',
      'createIncomeBenefits',
      input,
      stage,
      values,
    );
  }

  @Mutation(() => Disabilities, {
    description:
      'Record one disability answer (4.05 to 4.10, with W4/W6 for HIV/AIDS) at a data collection stage.',
  })
  createDisabilities(
    @Arg('input', { description: 'The answer.' }) input: CreateDisabilitiesInput,
    @Ctx() ctx: RequestContext,
  ) {
    const stage = stageOf(input, 'disability answers');
    const values = answers(input, DISABILITIES_FIELDS);
    checkDisability('input.', input);
    return createStagedRecord(ctx, Disabilities, 'Disabilities', 'createDisabilities', input, stage, values);
  }

  @Mutation(() => EmploymentEducation, {
    description:
      'Record last grade completed, school status and employment (R4, R5, R6) at a data collection stage.',
  })
  createEmploymentEducation(
    @Arg('input', { description: 'The answers.' }) input: CreateEmploymentEducationInput,
    @Ctx() ctx: RequestContext,
  ) {
    const stage = stageOf(input, 'employment and education answers');
    const values = answers(input, EMPLOYMENT_EDUCATION_FIELDS);
    checkEmployment('input.', {
      employed: input.employed,
      employmentType: input.employmentType,
      notEmployedReason: input.notEmployedReason,
    });
    return createStagedRecord(
      ctx,
      EmploymentEducation,
      'EmploymentEducation',
      'createEmploymentEducation',
      input,
      stage,
      values,
    );
  }

  @Mutation(() => YouthEducationStatus, {
    description: 'Record youth education status (C3) at a data collection stage.',
  })
  createYouthEducationStatus(
    @Arg('input', { description: 'The answers.' }) input: CreateYouthEducationStatusInput,
    @Ctx() ctx: RequestContext,
  ) {
    const stage = stageOf(input, 'youth education answers');
    const values = answers(input, YOUTH_EDUCATION_STATUS_FIELDS);
    checkYouthEducation('input.', {
      currentSchoolAttend: input.currentSchoolAttend,
      mostRecentEdStatus: input.mostRecentEdStatus,
      currentEdStatus: input.currentEdStatus,
    });
    return createStagedRecord(
      ctx,
      YouthEducationStatus,
      'YouthEducationStatus',
      'createYouthEducationStatus',
      input,
      stage,
      values,
    );
  }
}
