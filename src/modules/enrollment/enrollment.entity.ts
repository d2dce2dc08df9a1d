import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
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
import { TransactionRecord } from '../transaction/owned-record.base';

/** A client's stay in, or participation with, a program (HUD Enrollment.csv). */
@ObjectType({
  simpleResolvers: true,
  description:
    'An enrollment: a client in a program from the project start date (HUD 3.10) until an exit (HUD 3.11).',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
@Index(['programId', 'entryDate'])
// HUD 3.15: a household's members and its head, found by household (data quality, one head per household).
@Index(['householdId', 'relationshipToHoH'])
export class Enrollment extends TransactionRecord {
  @Column()
  programId: number;

  @Field(() => LocalDate, { description: 'HUD 3.10.1 Project Start Date.' })
  @Column({ type: 'date' })
  entryDate: string;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 5.09 Household ID: enrollments of one household share it.',
  })
  @Column({ type: 'varchar', length: 32, nullable: true })
  householdId: string | null;

  @Field(() => RelationshipToHoH, { description: 'HUD 3.15.1 Relationship to Head of Household.' })
  @Column({ type: 'smallint', default: RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD })
  relationshipToHoH: RelationshipToHoH;

  @Field(() => LivingSituation, { nullable: true, description: 'HUD 3.917.1 Prior Living Situation.' })
  @Column({ type: 'smallint', nullable: true })
  livingSituation: LivingSituation | null;

  @Field(() => RentalSubsidyType, {
    nullable: true,
    description:
      'HUD 3.917.A Rental Subsidy Type (RentalSubsidyType, list 3.12.A): only with prior living situation 435 (rental by client, with ongoing housing subsidy).',
  })
  @Column({ type: 'smallint', nullable: true })
  rentalSubsidyType: RentalSubsidyType | null;

  @Field(() => LengthOfStay, {
    nullable: true,
    description: 'HUD 3.917.2 Length of Stay in Prior Living Situation (LengthOfStay).',
  })
  @Column({ type: 'smallint', nullable: true })
  lengthOfStay: LengthOfStay | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD 3.917.2A/2B Length of stay under the threshold (LOSUnderThreshold): less than 90 days after an institutional stay, or less than 7 nights after a temporary or permanent housing situation.',
  })
  @Column({ type: 'smallint', nullable: true })
  losUnderThreshold: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 3.917.2C On the night before, stayed on the streets, in ES or SH (PreviousStreetESSH).',
  })
  @Column({ type: 'smallint', nullable: true })
  previousStreetEssh: NoYes | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'HUD 3.917.3 Approximate date this episode of homelessness started (DateToStreetESSH): not after the project start date.',
  })
  @Column({ type: 'date', nullable: true })
  dateToStreetEssh: string | null;

  @Field(() => TimesHomelessPastThreeYears, {
    nullable: true,
    description:
      'HUD 3.917.4 Number of times on the streets, in ES, or SH in the past three years (TimesHomelessPastThreeYears).',
  })
  @Column({ type: 'smallint', nullable: true })
  timesHomelessPastThreeYears: TimesHomelessPastThreeYears | null;

  @Field(() => MonthsHomelessPastThreeYears, {
    nullable: true,
    description:
      'HUD 3.917.5 Total months homeless on the street, in ES, or SH in the past three years (MonthsHomelessPastThreeYears).',
  })
  @Column({ type: 'smallint', nullable: true })
  monthsHomelessPastThreeYears: MonthsHomelessPastThreeYears | null;

  @Field(() => String, {
    nullable: true,
    description:
      'HUD 3.16.1 Client Location (EnrollmentCoC): the CoC code where the client is served, e.g. XX-500.',
  })
  @Column({ type: 'varchar', length: 6, nullable: true })
  enrollmentCoc: string | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 3.08.1 Disabling Condition.' })
  @Column({ type: 'smallint', nullable: true })
  disablingCondition: NoYesMissing | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 3.20.1 Housing Move-In Date (permanent housing projects).',
  })
  @Column({ type: 'date', nullable: true })
  moveInDate: string | null;
}
