import { Field, ObjectType, Float } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DataCollectionStage, NoYes, NoYesMissing, ReasonNotInsured } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { MONEY } from './money';
import { EnrollmentTransaction } from './owned-record.base';

/** Income and sources (4.02), non-cash benefits (4.03), health insurance (4.04) and related HOPWA/SOAR answers (HUD IncomeBenefits.csv). Amounts, disability incomes and HIV-related programs need health:read. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Income and sources (4.02), non-cash benefits (4.03), health insurance (4.04) and related HOPWA/SOAR answers (HUD IncomeBenefits.csv). Amounts, disability incomes and HIV-related programs need health:read.',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class IncomeBenefits extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD 4.02 Information Date.' })
  @Column({ type: 'date' })
  informationDate: string;

  @Field(() => DataCollectionStage, {
    description:
      'HUD 5.03.1 Data Collection Stage: project start, update, project exit or annual assessment.',
  })
  @Column({ type: 'smallint', default: DataCollectionStage.PROJECT_START })
  dataCollectionStage: DataCollectionStage;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 4.02.2 Income from any source.' })
  @Column({ type: 'smallint', nullable: true })
  incomeFromAnySource: NoYesMissing | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HUD 4.02.A Total monthly income, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  totalMonthlyIncome: number | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.02.3 Earned income: received (No/Yes).' })
  @Column({ type: 'smallint', nullable: true })
  earned: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HUD 4.02.3 Earned income: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  earnedAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.02.4 Unemployment Insurance: received (No/Yes).',
  })
  @Column({ type: 'smallint', nullable: true })
  unemployment: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HUD 4.02.4 Unemployment Insurance: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  unemploymentAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD 4.02.5 Supplemental Security Income (SSI): received (No/Yes). Needs health:read (a disability income reveals a disability).',
  })
  @Column({ type: 'smallint', nullable: true })
  ssi: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.5 Supplemental Security Income (SSI): monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  ssiAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD 4.02.6 Social Security Disability Insurance (SSDI): received (No/Yes). Needs health:read (a disability income reveals a disability).',
  })
  @Column({ type: 'smallint', nullable: true })
  ssdi: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.6 Social Security Disability Insurance (SSDI): monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  ssdiAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD 4.02.7 VA Service-Connected Disability Compensation: received (No/Yes). Needs health:read (a disability income reveals a disability).',
  })
  @Column({ type: 'smallint', nullable: true })
  vaDisabilityService: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.7 VA Service-Connected Disability Compensation: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  vaDisabilityServiceAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD 4.02.8 VA Non-Service-Connected Disability Pension: received (No/Yes). Needs health:read (a disability income reveals a disability).',
  })
  @Column({ type: 'smallint', nullable: true })
  vaDisabilityNonService: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.8 VA Non-Service-Connected Disability Pension: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  vaDisabilityNonServiceAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD 4.02.9 Private disability insurance: received (No/Yes). Needs health:read (a disability income reveals a disability).',
  })
  @Column({ type: 'smallint', nullable: true })
  privateDisability: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HUD 4.02.9 Private disability insurance: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  privateDisabilityAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description: "HUD 4.02.10 Worker's Compensation: received (No/Yes).",
  })
  @Column({ type: 'smallint', nullable: true })
  workersComp: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description: "HUD 4.02.10 Worker's Compensation: monthly amount, in dollars. Needs health:read.",
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  workersCompAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.02.11 Temporary Assistance for Needy Families (TANF): received (No/Yes).',
  })
  @Column({ type: 'smallint', nullable: true })
  tanf: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.11 Temporary Assistance for Needy Families (TANF): monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  tanfAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.02.12 General Assistance (GA): received (No/Yes).',
  })
  @Column({ type: 'smallint', nullable: true })
  ga: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HUD 4.02.12 General Assistance (GA): monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  gaAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.02.13 Retirement Income from Social Security: received (No/Yes).',
  })
  @Column({ type: 'smallint', nullable: true })
  socSecRetirement: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.13 Retirement Income from Social Security: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  socSecRetirementAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.02.14 Pension or retirement income from a former job: received (No/Yes).',
  })
  @Column({ type: 'smallint', nullable: true })
  pension: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.14 Pension or retirement income from a former job: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  pensionAmount: number | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.02.15 Child support: received (No/Yes).' })
  @Column({ type: 'smallint', nullable: true })
  childSupport: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HUD 4.02.15 Child support: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  childSupportAmount: number | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.02.16 Alimony and other spousal support: received (No/Yes).',
  })
  @Column({ type: 'smallint', nullable: true })
  alimony: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'HUD 4.02.16 Alimony and other spousal support: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  alimonyAmount: number | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.02.17 Other income source: received (No/Yes).' })
  @Column({ type: 'smallint', nullable: true })
  otherIncomeSource: NoYes | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HUD 4.02.17 Other income source: monthly amount, in dollars. Needs health:read.',
  })
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: MONEY })
  otherIncomeAmount: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 4.02.17.A Other income source: specify (max 50).',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  otherIncomeSourceIdentify: string | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 4.03.2 Non-cash benefits from any source.' })
  @Column({ type: 'smallint', nullable: true })
  benefitsFromAnySource: NoYesMissing | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.03.3 Supplemental Nutrition Assistance Program (SNAP).',
  })
  @Column({ type: 'smallint', nullable: true })
  snap: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 4.03.4 Special Supplemental Nutrition Program for Women, Infants, and Children (WIC).',
  })
  @Column({ type: 'smallint', nullable: true })
  wic: NoYes | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.5 TANF Child Care services.' })
  @Column({ type: 'smallint', nullable: true })
  tanfChildCare: NoYes | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.6 TANF transportation services.' })
  @Column({ type: 'smallint', nullable: true })
  tanfTransportation: NoYes | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.7 Other TANF-funded services.' })
  @Column({ type: 'smallint', nullable: true })
  otherTanf: NoYes | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.03.8 Other non-cash benefit source.' })
  @Column({ type: 'smallint', nullable: true })
  otherBenefitsSource: NoYes | null;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 4.03.8.A Other non-cash benefit: specify (max 50).',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  otherBenefitsSourceIdentify: string | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 4.04.2 Covered by health insurance.' })
  @Column({ type: 'smallint', nullable: true })
  insuranceFromAnySource: NoYesMissing | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.3 Medicaid.' })
  @Column({ type: 'smallint', nullable: true })
  medicaid: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD 4.04.3 Medicaid: reason not insured (HOPWA projects).',
  })
  @Column({ type: 'smallint', nullable: true })
  noMedicaidReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.4 Medicare.' })
  @Column({ type: 'smallint', nullable: true })
  medicare: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD 4.04.4 Medicare: reason not insured (HOPWA projects).',
  })
  @Column({ type: 'smallint', nullable: true })
  noMedicareReason: ReasonNotInsured | null;

  @Field(() => NoYes, {
    nullable: true,
    description: "HUD 4.04.5 State Children's Health Insurance Program.",
  })
  @Column({ type: 'smallint', nullable: true })
  schip: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: "HUD 4.04.5 State Children's Health Insurance Program: reason not insured (HOPWA projects).",
  })
  @Column({ type: 'smallint', nullable: true })
  noSCHIPReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: "HUD 4.04.6 Veteran's Health Administration (VHA)." })
  @Column({ type: 'smallint', nullable: true })
  vhaServices: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: "HUD 4.04.6 Veteran's Health Administration (VHA): reason not insured (HOPWA projects).",
  })
  @Column({ type: 'smallint', nullable: true })
  noVHAReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.7 Employer-provided health insurance.' })
  @Column({ type: 'smallint', nullable: true })
  employerProvided: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD 4.04.7 Employer-provided health insurance: reason not insured (HOPWA projects).',
  })
  @Column({ type: 'smallint', nullable: true })
  noEmployerProvidedReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.8 Health insurance obtained through COBRA.' })
  @Column({ type: 'smallint', nullable: true })
  cobra: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD 4.04.8 Health insurance obtained through COBRA: reason not insured (HOPWA projects).',
  })
  @Column({ type: 'smallint', nullable: true })
  noCOBRAReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.9 Private pay health insurance.' })
  @Column({ type: 'smallint', nullable: true })
  privatePay: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD 4.04.9 Private pay health insurance: reason not insured (HOPWA projects).',
  })
  @Column({ type: 'smallint', nullable: true })
  noPrivatePayReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.10 State Health Insurance for Adults.' })
  @Column({ type: 'smallint', nullable: true })
  stateHealthIns: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD 4.04.10 State Health Insurance for Adults: reason not insured (HOPWA projects).',
  })
  @Column({ type: 'smallint', nullable: true })
  noStateHealthInsReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.11 Indian Health Services Program.' })
  @Column({ type: 'smallint', nullable: true })
  indianHealthServices: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD 4.04.11 Indian Health Services Program: reason not insured (HOPWA projects).',
  })
  @Column({ type: 'smallint', nullable: true })
  noIndianHealthServicesReason: ReasonNotInsured | null;

  @Field(() => NoYes, { nullable: true, description: 'HUD 4.04.12 Other health insurance.' })
  @Column({ type: 'smallint', nullable: true })
  otherInsurance: NoYes | null;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 4.04.12.A Other health insurance: specify (max 50).',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  otherInsuranceIdentify: string | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD W3.2 AIDS Drug Assistance Program (ADAP). Needs health:read (reveals HIV status).',
  })
  @Column({ type: 'smallint', nullable: true })
  adap: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description: 'HUD W3.2.A Reason not receiving ADAP. Needs health:read (reveals HIV status).',
  })
  @Column({ type: 'smallint', nullable: true })
  noAdapReason: ReasonNotInsured | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD W3.3 Ryan White-funded Medical or Dental Assistance. Needs health:read (reveals HIV status).',
  })
  @Column({ type: 'smallint', nullable: true })
  ryanWhiteMedDent: NoYes | null;

  @Field(() => ReasonNotInsured, {
    nullable: true,
    description:
      'HUD W3.3.A Reason not receiving Ryan White assistance. Needs health:read (reveals HIV status).',
  })
  @Column({ type: 'smallint', nullable: true })
  noRyanWhiteReason: ReasonNotInsured | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD P4.1 Connection with SSI/SSDI Outreach, Access, and Recovery (SOAR).',
  })
  @Column({ type: 'smallint', nullable: true })
  connectionWithSoar: NoYesMissing | null;
}
