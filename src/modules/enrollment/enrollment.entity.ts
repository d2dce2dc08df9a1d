import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LivingSituation, NoYesMissing, RelationshipToHoH } from '../../hud';
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
