/**
 * Mutations for the information-date records of an enrollment collected at each data collection stage
 * (project start, update, annual assessment, exit): IncomeBenefits (4.02-4.04), Disabilities (4.05-4.10),
 * EmploymentEducation (R4-R6) and YouthEducationStatus (C3): record, correct and delete each. Thin: the
 * rules are in hud-records.service.ts.
 */
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { DeleteInput } from '../client/client.inputs';
import { Disabilities } from './disabilities.entity';
import { EmploymentEducation } from './employment-education.entity';
import {
  CreateDisabilitiesInput,
  CreateEmploymentEducationInput,
  CreateIncomeBenefitsInput,
  CreateYouthEducationStatusInput,
  UpdateDisabilitiesInput,
  UpdateEmploymentEducationInput,
  UpdateIncomeBenefitsInput,
  UpdateYouthEducationStatusInput,
} from './hud-records.inputs';
import {
  DISABILITIES,
  EMPLOYMENT_EDUCATION,
  INCOME_BENEFITS,
  YOUTH_EDUCATION_STATUS,
  createStagedRecord,
  deleteStagedRecord,
  updateStagedRecord,
} from './hud-records.service';
import { IncomeBenefits } from './income-benefits.entity';
import { YouthEducationStatus } from './youth-education-status.entity';

const CORRECT =
  'Only the answers given change (null clears one); the whole answer set is checked as a new one. Needs the version you read.';
const DELETE =
  'Soft-delete (HUD DateDeleted), e.g. one recorded on the wrong enrollment; needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR role. The recycle bin restores it.';

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
    return createStagedRecord(ctx, INCOME_BENEFITS, input);
  }

  @Mutation(() => IncomeBenefits, {
    description: `Correct a record of income (4.02), non-cash benefits (4.03) and health insurance (4.04). ${CORRECT}`,
  })
  updateIncomeBenefits(
    @Arg('id', () => ID, { description: 'IncomeBenefits id.' }) id: string,
    @Arg('input', { description: 'The changes and the version you read.' }) input: UpdateIncomeBenefitsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateStagedRecord(ctx, INCOME_BENEFITS, id, input);
  }

  @Mutation(() => Boolean, { description: `Delete a record of income and benefits. ${DELETE}` })
  deleteIncomeBenefits(
    @Arg('input', { description: 'Which record, and the version you read.' }) input: DeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteStagedRecord(ctx, INCOME_BENEFITS, input);
  }

  @Mutation(() => Disabilities, {
    description:
      'Record one disability answer (4.05 to 4.10, with W4/W6 for HIV/AIDS) at a data collection stage.',
  })
  createDisabilities(
    @Arg('input', { description: 'The answer.' }) input: CreateDisabilitiesInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createStagedRecord(ctx, DISABILITIES, input);
  }

  @Mutation(() => Disabilities, {
    description: `Correct one disability answer (4.05 to 4.10, W4/W6). ${CORRECT}`,
  })
  updateDisabilities(
    @Arg('id', () => ID, { description: 'Disabilities id.' }) id: string,
    @Arg('input', { description: 'The changes and the version you read.' }) input: UpdateDisabilitiesInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateStagedRecord(ctx, DISABILITIES, id, input);
  }

  @Mutation(() => Boolean, { description: `Delete one disability answer. ${DELETE}` })
  deleteDisabilities(
    @Arg('input', { description: 'Which record, and the version you read.' }) input: DeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteStagedRecord(ctx, DISABILITIES, input);
  }

  @Mutation(() => EmploymentEducation, {
    description:
      'Record last grade completed, school status and employment (R4, R5, R6) at a data collection stage.',
  })
  createEmploymentEducation(
    @Arg('input', { description: 'The answers.' }) input: CreateEmploymentEducationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createStagedRecord(ctx, EMPLOYMENT_EDUCATION, input);
  }

  @Mutation(() => EmploymentEducation, {
    description: `Correct a record of last grade completed, school status and employment (R4, R5, R6). ${CORRECT}`,
  })
  updateEmploymentEducation(
    @Arg('id', () => ID, { description: 'EmploymentEducation id.' }) id: string,
    @Arg('input', { description: 'The changes and the version you read.' })
    input: UpdateEmploymentEducationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateStagedRecord(ctx, EMPLOYMENT_EDUCATION, id, input);
  }

  @Mutation(() => Boolean, { description: `Delete a record of employment and education. ${DELETE}` })
  deleteEmploymentEducation(
    @Arg('input', { description: 'Which record, and the version you read.' }) input: DeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteStagedRecord(ctx, EMPLOYMENT_EDUCATION, input);
  }

  @Mutation(() => YouthEducationStatus, {
    description: 'Record youth education status (C3) at a data collection stage.',
  })
  createYouthEducationStatus(
    @Arg('input', { description: 'The answers.' }) input: CreateYouthEducationStatusInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createStagedRecord(ctx, YOUTH_EDUCATION_STATUS, input);
  }

  @Mutation(() => YouthEducationStatus, {
    description: `Correct a record of youth education status (C3). ${CORRECT}`,
  })
  updateYouthEducationStatus(
    @Arg('id', () => ID, { description: 'YouthEducationStatus id.' }) id: string,
    @Arg('input', { description: 'The changes and the version you read.' })
    input: UpdateYouthEducationStatusInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateStagedRecord(ctx, YOUTH_EDUCATION_STATUS, id, input);
  }

  @Mutation(() => Boolean, { description: `Delete a record of youth education status. ${DELETE}` })
  deleteYouthEducationStatus(
    @Arg('input', { description: 'Which record, and the version you read.' }) input: DeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteStagedRecord(ctx, YOUTH_EDUCATION_STATUS, input);
  }
}
