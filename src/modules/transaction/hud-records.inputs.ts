import { Field, Float, InputType, Int, type ClassType } from 'type-graphql';
import { Restriction } from '../../access/restriction';
import {
  CurrentEdStatus,
  CurrentSchoolAttend,
  DataCollectionStage,
  DisabilityType,
  EmploymentType,
  HivTestSource,
  LastGradeCompleted,
  MostRecentEdStatus,
  NoYes,
  NoYesMissing,
  NotEmployedReason,
  ReasonNotInsured,
  SchoolStatus,
  ViralLoadAvailable,
} from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransactionInput } from './transaction.inputs';

const STAGE = 'HUD 5.03.1 Data Collection Stage (default project start; post-exit is not collected here).';

/** What a new record of a data collection stage names besides its answers: enrollment, date and stage. */
function stagedCreateFields(informationDate: string) {
  @InputType()
  class StagedCreateFields extends EnrollmentTransactionInput {
    @Field(() => LocalDate, { description: informationDate })
    informationDate: string;

    @Field(() => DataCollectionStage, { nullable: true, description: STAGE })
    dataCollectionStage?: DataCollectionStage | null;
  }
  return StagedCreateFields;
}

/**
 * What a correction names besides its answers: the version read, and the date, stage and
 * restriction when they change. The enrollment does not change: a record entered on the wrong
 * enrollment is deleted and recorded again.
 */
function stagedUpdateFields(informationDate: string) {
  @InputType()
  class StagedUpdateFields {
    @Field(() => Int, { description: 'The version you read (optimistic locking).' })
    version: number;

    @Field(() => LocalDate, { nullable: true, description: `${informationDate} Unchanged when not given.` })
    informationDate?: string | null;

    @Field(() => DataCollectionStage, { nullable: true, description: `${STAGE} Unchanged when not given.` })
    dataCollectionStage?: DataCollectionStage | null;

    @Field(() => Restriction, {
      nullable: true,
      description:
        "Restriction, by the owning organization's options (as when recorded). Unchanged when not given.",
    })
    restriction?: Restriction | null;
  }
  return StagedUpdateFields;
}

/** The income and benefits answers of HUD IncomeBenefits.csv, for its create and update inputs. */
function incomeBenefitsAnswers<TBase extends ClassType>(Base: TBase) {
  @InputType()
  class IncomeBenefitsAnswers extends Base {
    @Field(() => NoYesMissing, { nullable: true, description: 'HUD 4.02.2 Income from any source.' })
    incomeFromAnySource?: NoYesMissing | null;

    @Field(() => Float, { nullable: true, description: 'HUD 4.02.A Total monthly income, in dollars.' })
    totalMonthlyIncome?: number | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.02.3 Earned income: received (No/Yes).' })
    earned?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.3 Earned income: monthly amount, in dollars.',
    })
    earnedAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.4 Unemployment Insurance: received (No/Yes).',
    })
    unemployment?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.4 Unemployment Insurance: monthly amount, in dollars.',
    })
    unemploymentAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.5 Supplemental Security Income (SSI): received (No/Yes).',
    })
    ssi?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.5 Supplemental Security Income (SSI): monthly amount, in dollars.',
    })
    ssiAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.6 Social Security Disability Insurance (SSDI): received (No/Yes).',
    })
    ssdi?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.6 Social Security Disability Insurance (SSDI): monthly amount, in dollars.',
    })
    ssdiAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.7 VA Service-Connected Disability Compensation: received (No/Yes).',
    })
    vaDisabilityService?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.7 VA Service-Connected Disability Compensation: monthly amount, in dollars.',
    })
    vaDisabilityServiceAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.8 VA Non-Service-Connected Disability Pension: received (No/Yes).',
    })
    vaDisabilityNonService?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.8 VA Non-Service-Connected Disability Pension: monthly amount, in dollars.',
    })
    vaDisabilityNonServiceAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.9 Private disability insurance: received (No/Yes).',
    })
    privateDisability?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.9 Private disability insurance: monthly amount, in dollars.',
    })
    privateDisabilityAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: "HUD 4.02.10 Worker's Compensation: received (No/Yes).",
    })
    workersComp?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: "HUD 4.02.10 Worker's Compensation: monthly amount, in dollars.",
    })
    workersCompAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.11 Temporary Assistance for Needy Families (TANF): received (No/Yes).',
    })
    tanf?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.11 Temporary Assistance for Needy Families (TANF): monthly amount, in dollars.',
    })
    tanfAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.12 General Assistance (GA): received (No/Yes).',
    })
    ga?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.12 General Assistance (GA): monthly amount, in dollars.',
    })
    gaAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.13 Retirement Income from Social Security: received (No/Yes).',
    })
    socSecRetirement?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.13 Retirement Income from Social Security: monthly amount, in dollars.',
    })
    socSecRetirementAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.14 Pension or retirement income from a former job: received (No/Yes).',
    })
    pension?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.14 Pension or retirement income from a former job: monthly amount, in dollars.',
    })
    pensionAmount?: number | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.02.15 Child support: received (No/Yes).' })
    childSupport?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.15 Child support: monthly amount, in dollars.',
    })
    childSupportAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.16 Alimony and other spousal support: received (No/Yes).',
    })
    alimony?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.16 Alimony and other spousal support: monthly amount, in dollars.',
    })
    alimonyAmount?: number | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.02.17 Other income source: received (No/Yes).',
    })
    otherIncomeSource?: NoYes | null;

    @Field(() => Float, {
      nullable: true,
      description: 'HUD 4.02.17 Other income source: monthly amount, in dollars.',
    })
    otherIncomeAmount?: number | null;

    @Field(() => String, {
      nullable: true,
      description: 'HUD 4.02.17.A Other income source: specify (max 50).',
    })
    otherIncomeSourceIdentify?: string | null;

    @Field(() => NoYesMissing, {
      nullable: true,
      description: 'HUD 4.03.2 Non-cash benefits from any source.',
    })
    benefitsFromAnySource?: NoYesMissing | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.03.3 Supplemental Nutrition Assistance Program (SNAP).',
    })
    snap?: NoYes | null;

    @Field(() => NoYes, {
      nullable: true,
      description:
        'HUD 4.03.4 Special Supplemental Nutrition Program for Women, Infants, and Children (WIC).',
    })
    wic?: NoYes | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.5 TANF Child Care services.' })
    tanfChildCare?: NoYes | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.6 TANF transportation services.' })
    tanfTransportation?: NoYes | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.7 Other TANF-funded services.' })
    otherTanf?: NoYes | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.8 Other non-cash benefit source.' })
    otherBenefitsSource?: NoYes | null;

    @Field(() => String, {
      nullable: true,
      description: 'HUD 4.03.8.A Other non-cash benefit: specify (max 50).',
    })
    otherBenefitsSourceIdentify?: string | null;

    @Field(() => NoYesMissing, { nullable: true, description: 'HUD 4.04.2 Covered by health insurance.' })
    insuranceFromAnySource?: NoYesMissing | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.3 Medicaid.' })
    medicaid?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD 4.04.3 Medicaid: reason not insured (HOPWA projects).',
    })
    noMedicaidReason?: ReasonNotInsured | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.4 Medicare.' })
    medicare?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD 4.04.4 Medicare: reason not insured (HOPWA projects).',
    })
    noMedicareReason?: ReasonNotInsured | null;

    @Field(() => NoYes, {
      nullable: true,
      description: "HUD 4.04.5 State Children's Health Insurance Program.",
    })
    schip?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description:
        "HUD 4.04.5 State Children's Health Insurance Program: reason not insured (HOPWA projects).",
    })
    noSCHIPReason?: ReasonNotInsured | null;

    @Field(() => NoYes, { nullable: true, description: "HUD 4.04.6 Veteran's Health Administration (VHA)." })
    vhaServices?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: "HUD 4.04.6 Veteran's Health Administration (VHA): reason not insured (HOPWA projects).",
    })
    noVHAReason?: ReasonNotInsured | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.7 Employer-provided health insurance.' })
    employerProvided?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD 4.04.7 Employer-provided health insurance: reason not insured (HOPWA projects).',
    })
    noEmployerProvidedReason?: ReasonNotInsured | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD 4.04.8 Health insurance obtained through COBRA.',
    })
    cobra?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD 4.04.8 Health insurance obtained through COBRA: reason not insured (HOPWA projects).',
    })
    noCOBRAReason?: ReasonNotInsured | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.9 Private pay health insurance.' })
    privatePay?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD 4.04.9 Private pay health insurance: reason not insured (HOPWA projects).',
    })
    noPrivatePayReason?: ReasonNotInsured | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.10 State Health Insurance for Adults.' })
    stateHealthIns?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD 4.04.10 State Health Insurance for Adults: reason not insured (HOPWA projects).',
    })
    noStateHealthInsReason?: ReasonNotInsured | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.11 Indian Health Services Program.' })
    indianHealthServices?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD 4.04.11 Indian Health Services Program: reason not insured (HOPWA projects).',
    })
    noIndianHealthServicesReason?: ReasonNotInsured | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.12 Other health insurance.' })
    otherInsurance?: NoYes | null;

    @Field(() => String, {
      nullable: true,
      description: 'HUD 4.04.12.A Other health insurance: specify (max 50).',
    })
    otherInsuranceIdentify?: string | null;

    @Field(() => NoYes, { nullable: true, description: 'HUD W3.2 AIDS Drug Assistance Program (ADAP).' })
    adap?: NoYes | null;

    @Field(() => ReasonNotInsured, { nullable: true, description: 'HUD W3.2.A Reason not receiving ADAP.' })
    noAdapReason?: ReasonNotInsured | null;

    @Field(() => NoYes, {
      nullable: true,
      description: 'HUD W3.3 Ryan White-funded Medical or Dental Assistance.',
    })
    ryanWhiteMedDent?: NoYes | null;

    @Field(() => ReasonNotInsured, {
      nullable: true,
      description: 'HUD W3.3.A Reason not receiving Ryan White assistance.',
    })
    noRyanWhiteReason?: ReasonNotInsured | null;

    @Field(() => NoYesMissing, {
      nullable: true,
      description: 'HUD P4.1 Connection with SSI/SSDI Outreach, Access, and Recovery (SOAR).',
    })
    connectionWithSoar?: NoYesMissing | null;
  }
  return IncomeBenefitsAnswers;
}

@InputType({
  description:
    'The answers of one data collection stage: Income and sources (4.02), non-cash benefits (4.03), health insurance (4.04) and related HOPWA/SOAR answers (HUD IncomeBenefits.csv).',
})
export class CreateIncomeBenefitsInput extends incomeBenefitsAnswers(
  stagedCreateFields('HUD 4.02 Information Date.'),
) {}

@InputType({
  description:
    'Corrections to one income and benefits answers record (HUD IncomeBenefits.csv): a field not given keeps its value, null clears it.',
})
export class UpdateIncomeBenefitsInput extends incomeBenefitsAnswers(
  stagedUpdateFields('HUD 4.02 Information Date.'),
) {}

/** The disability answer of HUD Disabilities.csv, for its create and update inputs. */
function disabilitiesAnswers<TBase extends ClassType>(Base: TBase) {
  @InputType()
  class DisabilitiesAnswers extends Base {
    @Field(() => DisabilityType, {
      nullable: true,
      description: 'HUD 4.05-4.10 DisabilityType: which disability this answer is about.',
    })
    disabilityType?: DisabilityType | null;

    @Field(() => Int, {
      nullable: true,
      description:
        'HUD 4.05.2-4.10.2 DisabilityResponse: list 1.8 No/Yes/missing, or for substance use disorder (4.10.2) 0 No, 1 Alcohol use disorder, 2 Drug use disorder, 3 Both, 8, 9, 99.',
    })
    disabilityResponse?: number | null;

    @Field(() => NoYesMissing, {
      nullable: true,
      description:
        'HUD 4.05.A/4.07.A/4.09.A/4.10.A Expected to be of long-continued and indefinite duration and substantially impairs ability to live independently.',
    })
    indefiniteAndImpairs?: NoYesMissing | null;

    @Field(() => NoYesMissing, {
      nullable: true,
      description: 'HUD W4.2 T-cell (CD4) count available (HIV/AIDS only).',
    })
    tCellCountAvailable?: NoYesMissing | null;

    @Field(() => Int, { nullable: true, description: 'HUD W4.2.A T-cell count (0 to 1500).' })
    tCellCount?: number | null;

    @Field(() => HivTestSource, {
      nullable: true,
      description: 'HUD W4.2.B How was the T-cell count information obtained (list W4.B).',
    })
    tCellSource?: HivTestSource | null;

    @Field(() => ViralLoadAvailable, {
      nullable: true,
      description: 'HUD W4.3 Viral load information available.',
    })
    viralLoadAvailable?: ViralLoadAvailable | null;

    @Field(() => Int, { nullable: true, description: 'HUD W4.3.A Viral load count (0 to 999999).' })
    viralLoad?: number | null;

    @Field(() => HivTestSource, {
      nullable: true,
      description: 'HUD W4.3.B How was the viral load information obtained (list W4.B).',
    })
    viralLoadSource?: HivTestSource | null;

    @Field(() => NoYesMissing, {
      nullable: true,
      description: 'HUD W6 Has the participant been prescribed anti-retroviral drugs.',
    })
    antiRetroviral?: NoYesMissing | null;
  }
  return DisabilitiesAnswers;
}

@InputType({
  description:
    'The answers of one data collection stage: One disability answer (HUD 4.05 Physical, 4.06 Developmental, 4.07 Chronic health condition, 4.08 HIV/AIDS, 4.09 Mental health disorder, 4.10 Substance use disorder; HUD Disabilities.csv).',
})
export class CreateDisabilitiesInput extends disabilitiesAnswers(
  stagedCreateFields('HUD 4.05-4.10 Information Date.'),
) {
  @Field(() => DisabilityType, {
    description: 'HUD 4.05-4.10 DisabilityType: which disability this answer is about.',
  })
  override disabilityType: DisabilityType;
}

@InputType({
  description:
    'Corrections to one disability answer record (HUD Disabilities.csv): a field not given keeps its value, null clears it.',
})
export class UpdateDisabilitiesInput extends disabilitiesAnswers(
  stagedUpdateFields('HUD 4.05-4.10 Information Date.'),
) {}

/** The employment and education answers of HUD EmploymentEducation.csv, for its create and update inputs. */
function employmentEducationAnswers<TBase extends ClassType>(Base: TBase) {
  @InputType()
  class EmploymentEducationAnswers extends Base {
    @Field(() => LastGradeCompleted, { nullable: true, description: 'HUD R4.1 Last grade completed.' })
    lastGradeCompleted?: LastGradeCompleted | null;

    @Field(() => SchoolStatus, { nullable: true, description: 'HUD R5.1 School status.' })
    schoolStatus?: SchoolStatus | null;

    @Field(() => NoYesMissing, { nullable: true, description: 'HUD R6.1 Employed.' })
    employed?: NoYesMissing | null;

    @Field(() => EmploymentType, {
      nullable: true,
      description: 'HUD R6.A Type of employment (only when employed).',
    })
    employmentType?: EmploymentType | null;

    @Field(() => NotEmployedReason, {
      nullable: true,
      description: 'HUD R6.B Why not employed (only when not employed).',
    })
    notEmployedReason?: NotEmployedReason | null;
  }
  return EmploymentEducationAnswers;
}

@InputType({
  description:
    'The answers of one data collection stage: Last grade completed, school status and employment (HUD R4, R5, R6; HUD EmploymentEducation.csv)..',
})
export class CreateEmploymentEducationInput extends employmentEducationAnswers(
  stagedCreateFields('HUD R4/R5/R6 Information Date.'),
) {}

@InputType({
  description:
    'Corrections to one employment and education answers record (HUD EmploymentEducation.csv): a field not given keeps its value, null clears it.',
})
export class UpdateEmploymentEducationInput extends employmentEducationAnswers(
  stagedUpdateFields('HUD R4/R5/R6 Information Date.'),
) {}

/** The youth education answers of HUD YouthEducationStatus.csv, for its create and update inputs. */
function youthEducationStatusAnswers<TBase extends ClassType>(Base: TBase) {
  @InputType()
  class YouthEducationStatusAnswers extends Base {
    @Field(() => CurrentSchoolAttend, {
      nullable: true,
      description: 'HUD C3.2 Current school enrollment and attendance.',
    })
    currentSchoolAttend?: CurrentSchoolAttend | null;

    @Field(() => MostRecentEdStatus, {
      nullable: true,
      description: 'HUD C3.A Most recent educational status (when not currently enrolled).',
    })
    mostRecentEdStatus?: MostRecentEdStatus | null;

    @Field(() => CurrentEdStatus, {
      nullable: true,
      description: 'HUD C3.B Current educational status (when currently enrolled).',
    })
    currentEdStatus?: CurrentEdStatus | null;
  }
  return YouthEducationStatusAnswers;
}

@InputType({
  description:
    'The answers of one data collection stage: Youth education status (HUD C3, RHY; HUD YouthEducationStatus.csv)..',
})
export class CreateYouthEducationStatusInput extends youthEducationStatusAnswers(
  stagedCreateFields('HUD C3 Information Date.'),
) {}

@InputType({
  description:
    'Corrections to one youth education answers record (HUD YouthEducationStatus.csv): a field not given keeps its value, null clears it.',
})
export class UpdateYouthEducationStatusInput extends youthEducationStatusAnswers(
  stagedUpdateFields('HUD C3 Information Date.'),
) {}
