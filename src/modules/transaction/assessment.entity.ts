import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { AssessmentLevel, AssessmentType, PrioritizationStatus } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** One answer of an assessment recorded with an instrument (HUD AssessmentQuestions.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'One answer of an assessment (HUD FY2026 AssessmentQuestions: AssessmentAnswer).',
})
export class AssessmentAnswer {
  @Field({ description: "The question's code in its instrument (HUD AssessmentQuestion)." })
  questionCode: string;

  @Field({ description: 'The answer as given: a code, YES/NO or a number (HUD AssessmentAnswer).' })
  value: string;

  @Field(() => Int, { description: 'Points the answer scored.' })
  points: number;
}

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

  @Field(() => ID, {
    nullable: true,
    description: 'The assessment instrument it was recorded with; null for a score typed in by hand.',
  })
  @Column({ type: 'int', nullable: true })
  instrumentId: number | null;

  @Field(() => [AssessmentAnswer], {
    nullable: true,
    description:
      'Answers (HUD AssessmentQuestions), for assessments recorded with an instrument. Needs assessment.score:read.',
  })
  @Column({ type: 'simple-json', nullable: true })
  answers: AssessmentAnswer[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Total score (HUD AssessmentResults: total score), computed from the answers for an instrument. Needs assessment.score:read.',
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
