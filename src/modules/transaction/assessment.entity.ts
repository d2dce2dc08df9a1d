import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { AssessmentLevel, AssessmentType, PrioritizationStatus } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** A coordinated entry assessment (HUD Assessment.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'A coordinated entry assessment (HUD 4.19 Coordinated Entry Assessment).',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class Assessment extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD 4.19.1 Date of Assessment.' })
  @Column({ type: 'date' })
  assessmentDate: string;

  @Field(() => String, { description: 'HUD 4.19.2 Assessment Location (name of the site).' })
  @Column({ type: 'varchar', length: 200 })
  assessmentLocation: string;

  @Field(() => AssessmentType, { description: 'HUD 4.19.3 Assessment Type.' })
  @Column({ type: 'smallint' })
  assessmentType: AssessmentType;

  @Field(() => AssessmentLevel, { description: 'HUD 4.19.4 Assessment Level.' })
  @Column({ type: 'smallint' })
  assessmentLevel: AssessmentLevel;

  @Field(() => String, {
    description: "Assessment instrument, e.g. VI-SPDAT (the CoC's chosen tool; HUD leaves it local).",
  })
  @Column({ type: 'varchar', length: 64 })
  instrument: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Total score of the instrument. Needs assessment.score:read.',
  })
  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Field(() => PrioritizationStatus, {
    nullable: true,
    description: 'HUD 4.19.7 Prioritization Status. Needs assessment.score:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  prioritizationStatus: PrioritizationStatus | null;
}
