import { Field, ID, InputType, Int } from 'type-graphql';
import { Restriction } from '../../access/restriction';
import {
  LengthOfStay,
  LivingSituation,
  MonthsHomelessPastThreeYears,
  NoYes,
  NoYesMissing,
  RelationshipToHoH,
  RentalSubsidyType,
  TimesHomelessPastThreeYears,
} from '../../hud';
import { LocalDate } from '../../graphql/scalars';

@InputType({ description: 'A new enrollment, for a program of the active organization.' })
export class CreateEnrollmentInput {
  @Field(() => ID, { description: 'The client (visible to you).' })
  clientId: string;

  @Field(() => ID, { description: 'The program; it must belong to the active organization.' })
  programId: string;

  @Field(() => LocalDate, {
    description: 'HUD 3.10.1 Project Start Date: not in the future, not before the date of birth.',
  })
  entryDate: string;

  @Field(() => Restriction, {
    nullable: true,
    description:
      "Restriction: the organization's default unless it shows the field and the option is enabled.",
  })
  restriction?: Restriction | null;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 5.09 Household ID (max 32); a new household when left out.',
  })
  householdId?: string | null;

  @Field(() => RelationshipToHoH, {
    nullable: true,
    description: 'HUD 3.15.1 Relationship to Head of Household (default self).',
  })
  relationshipToHoH?: RelationshipToHoH | null;

  @Field(() => LivingSituation, { nullable: true, description: 'HUD 3.917.1 Prior Living Situation.' })
  livingSituation?: LivingSituation | null;

  @Field(() => RentalSubsidyType, {
    nullable: true,
    description: 'HUD 3.917.A Rental Subsidy Type: only with prior living situation 435.',
  })
  rentalSubsidyType?: RentalSubsidyType | null;

  @Field(() => LengthOfStay, {
    nullable: true,
    description: 'HUD 3.917.2 Length of Stay in Prior Living Situation.',
  })
  lengthOfStay?: LengthOfStay | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 3.917.2A/2B Length of stay under the threshold (LOSUnderThreshold).',
  })
  losUnderThreshold?: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 3.917.2C On the night before, stayed on the streets, in ES or SH (PreviousStreetESSH).',
  })
  previousStreetEssh?: NoYes | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'HUD 3.917.3 Approximate date this episode of homelessness started: not after the project start date.',
  })
  dateToStreetEssh?: string | null;

  @Field(() => TimesHomelessPastThreeYears, {
    nullable: true,
    description: 'HUD 3.917.4 Number of times on the streets, in ES, or SH in the past three years.',
  })
  timesHomelessPastThreeYears?: TimesHomelessPastThreeYears | null;

  @Field(() => MonthsHomelessPastThreeYears, {
    nullable: true,
    description: 'HUD 3.917.5 Total months homeless on the street, in ES, or SH in the past three years.',
  })
  monthsHomelessPastThreeYears?: MonthsHomelessPastThreeYears | null;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 3.16.1 Client Location (EnrollmentCoC), a CoC code like XX-500.',
  })
  enrollmentCoc?: string | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 3.08.1 Disabling Condition.' })
  disablingCondition?: NoYesMissing | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 3.20.1 Housing Move-In Date: on or after the start date.',
  })
  moveInDate?: string | null;
}

@InputType({ description: 'Changes to an enrollment you may edit. Fields left out are unchanged.' })
export class UpdateEnrollmentInput {
  @Field(() => Int, { description: 'The version you read (optimistic locking).' })
  version: number;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 3.10.1 Project Start Date.' })
  entryDate?: string | null;

  @Field(() => Restriction, {
    nullable: true,
    description: 'New restriction (same rule as at creation, for the owning organization).',
  })
  restriction?: Restriction | null;

  @Field(() => RelationshipToHoH, {
    nullable: true,
    description: 'HUD 3.15.1 Relationship to Head of Household.',
  })
  relationshipToHoH?: RelationshipToHoH | null;

  @Field(() => LivingSituation, { nullable: true, description: 'HUD 3.917.1 Prior Living Situation.' })
  livingSituation?: LivingSituation | null;

  @Field(() => RentalSubsidyType, {
    nullable: true,
    description: 'HUD 3.917.A Rental Subsidy Type: only with prior living situation 435.',
  })
  rentalSubsidyType?: RentalSubsidyType | null;

  @Field(() => LengthOfStay, {
    nullable: true,
    description: 'HUD 3.917.2 Length of Stay in Prior Living Situation.',
  })
  lengthOfStay?: LengthOfStay | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 3.917.2A/2B Length of stay under the threshold (LOSUnderThreshold).',
  })
  losUnderThreshold?: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 3.917.2C On the night before, stayed on the streets, in ES or SH (PreviousStreetESSH).',
  })
  previousStreetEssh?: NoYes | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'HUD 3.917.3 Approximate date this episode of homelessness started: not after the project start date.',
  })
  dateToStreetEssh?: string | null;

  @Field(() => TimesHomelessPastThreeYears, {
    nullable: true,
    description: 'HUD 3.917.4 Number of times on the streets, in ES, or SH in the past three years.',
  })
  timesHomelessPastThreeYears?: TimesHomelessPastThreeYears | null;

  @Field(() => MonthsHomelessPastThreeYears, {
    nullable: true,
    description: 'HUD 3.917.5 Total months homeless on the street, in ES, or SH in the past three years.',
  })
  monthsHomelessPastThreeYears?: MonthsHomelessPastThreeYears | null;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 3.16.1 Client Location (EnrollmentCoC), a CoC code like XX-500.',
  })
  enrollmentCoc?: string | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 3.08.1 Disabling Condition.' })
  disablingCondition?: NoYesMissing | null;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 3.20.1 Housing Move-In Date.' })
  moveInDate?: string | null;
}

@InputType({ description: 'An exit from an enrollment (HUD 3.11, 3.12).' })
export class ExitEnrollmentInput {
  @Field(() => LocalDate, {
    description: 'HUD 3.11.1 Project Exit Date: on or after the start date, not in the future.',
  })
  exitDate: string;

  @Field(() => LivingSituation, { description: 'HUD 3.12.1 Destination (a destination code).' })
  destination: LivingSituation;

  @Field(() => RentalSubsidyType, {
    nullable: true,
    description: 'HUD 3.12.A Rental Subsidy Type (DestinationSubsidyType): only with destination 435.',
  })
  destinationSubsidyType?: RentalSubsidyType | null;

  @Field(() => Restriction, {
    nullable: true,
    description: 'Restriction of the exit record (default: the organization default).',
  })
  restriction?: Restriction | null;
}
