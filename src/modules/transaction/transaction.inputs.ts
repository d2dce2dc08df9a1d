import { Field, ID, InputType, Int } from 'type-graphql';
import { Restriction } from '../../access/restriction';
import {
  AssessmentLevel,
  AssessmentType,
  CeEventType,
  DataCollectionStage,
  HealthStatus,
  LivingSituation,
  NoYesMissing,
  PrioritizationStatus,
  ReferralResult,
  RentalSubsidyType,
  ServiceRecordType,
  WhenDvOccurred,
} from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { AssessmentAnswerInput } from '../ce/ce.types';

@InputType()
export abstract class EnrollmentTransactionInput {
  @Field(() => ID, {
    description: 'The enrollment (visible to you, in a program of the active organization).',
  })
  enrollmentId: string;

  @Field(() => Restriction, {
    nullable: true,
    description:
      "Restriction: the organization's default unless it shows the field and the option is enabled.",
  })
  restriction?: Restriction | null;
}

@InputType({ description: 'A service provided (HUD Services.csv), e.g. a bed night.' })
export class CreateServiceInput extends EnrollmentTransactionInput {
  @Field(() => LocalDate, { description: 'HUD DateProvided: within the enrollment, not in the future.' })
  dateProvided: string;

  @Field(() => ServiceRecordType, { description: 'HUD RecordType.' })
  recordType: ServiceRecordType;

  @Field(() => Int, {
    description: 'HUD TypeProvided: the service code within the record type (bed night: 200).',
  })
  typeProvided: number;

  @Field(() => String, { nullable: true, description: 'HUD OtherTypeProvided (max 100).' })
  otherTypeProvided?: string | null;
}

@InputType({ description: 'A current living situation contact (HUD 4.12).' })
export class CreateCurrentLivingSituationInput extends EnrollmentTransactionInput {
  @Field(() => LocalDate, { description: 'HUD 4.12.1 Information Date.' })
  informationDate: string;

  @Field(() => LivingSituation, { description: 'HUD 4.12.2 Current Living Situation.' })
  currentLivingSituation: LivingSituation;

  @Field(() => RentalSubsidyType, {
    nullable: true,
    description:
      'HUD 4.12 Current Living Situation: Rental Subsidy Type (CLSSubsidyType): only with current living situation 435.',
  })
  clsSubsidyType?: RentalSubsidyType | null;

  @Field(() => String, { nullable: true, description: 'HUD 4.12.A Location details (max 250).' })
  locationDetails?: string | null;
}

@InputType({ description: 'A coordinated entry assessment (HUD 4.19).' })
export class CreateAssessmentInput extends EnrollmentTransactionInput {
  @Field(() => LocalDate, { description: 'HUD 4.19.1 Date of Assessment.' })
  assessmentDate: string;

  @Field({ description: 'HUD 4.19.2 Assessment Location (max 200).' })
  assessmentLocation: string;

  @Field(() => AssessmentType, { description: 'HUD 4.19.3 Assessment Type.' })
  assessmentType: AssessmentType;

  @Field(() => AssessmentLevel, { description: 'HUD 4.19.4 Assessment Level.' })
  assessmentLevel: AssessmentLevel;

  @Field(() => String, {
    nullable: true,
    description:
      'Instrument name, e.g. VI-SPDAT (max 64): required without instrumentId, taken from it with one.',
  })
  instrument?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'An assessment instrument (assessmentInstruments): the answers are checked against its questions and the results computed.',
  })
  instrumentId?: string | null;

  @Field(() => [AssessmentAnswerInput], {
    nullable: true,
    description: "Answers to the instrument's questions (HUD AssessmentQuestions); only with instrumentId.",
  })
  answers?: AssessmentAnswerInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Total score (0 to 1000) for an assessment without an instrument; refused with instrumentId (it is computed).',
  })
  score?: number | null;

  @Field(() => PrioritizationStatus, {
    nullable: true,
    description:
      'HUD 4.19.7 Prioritization Status without an instrument; refused with instrumentId (it is computed).',
  })
  prioritizationStatus?: PrioritizationStatus | null;
}

@InputType({ description: 'A coordinated entry event (HUD 4.20).' })
export class CreateCeEventInput extends EnrollmentTransactionInput {
  @Field(() => LocalDate, { description: 'HUD 4.20.1 Date of Event.' })
  eventDate: string;

  @Field(() => CeEventType, { description: 'HUD 4.20.2 Event.' })
  event: CeEventType;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 4.20.C Location of housing referred to (max 200).',
  })
  locationCrisisOrPhHousing?: string | null;

  @Field(() => ReferralResult, { nullable: true, description: 'HUD 4.20.D Referral Result.' })
  referralResult?: ReferralResult | null;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 4.20.E Date of result.' })
  resultDate?: string | null;
}

@InputType({ description: 'Health and domestic violence answers (HUD 4.11, R7).' })
export class CreateHealthAndDvInput extends EnrollmentTransactionInput {
  @Field(() => LocalDate, { description: 'HUD InformationDate.' })
  informationDate: string;

  @Field(() => DataCollectionStage, {
    nullable: true,
    description: 'HUD 5.03.1 Data Collection Stage (default project start; post-exit is not collected here).',
  })
  dataCollectionStage?: DataCollectionStage | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 4.11.2 Survivor of domestic violence.' })
  domesticViolenceSurvivor?: NoYesMissing | null;

  @Field(() => WhenDvOccurred, { nullable: true, description: 'HUD 4.11.A When experience occurred.' })
  whenOccurred?: WhenDvOccurred | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 4.11.B Currently fleeing.' })
  currentlyFleeing?: NoYesMissing | null;

  @Field(() => HealthStatus, { nullable: true, description: 'HUD R7.1 General Health Status.' })
  generalHealthStatus?: HealthStatus | null;
}
