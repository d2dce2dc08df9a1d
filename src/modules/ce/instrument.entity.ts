import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTime } from '../../graphql/scalars';

/** How a question of an assessment instrument is answered. */
export enum AnswerType {
  CODE = 'CODE',
  YES_NO = 'YES_NO',
  NUMBER = 'NUMBER',
}

registerEnumType(AnswerType, {
  name: 'AnswerType',
  description:
    'How a question of an assessment instrument is answered (HUD AssessmentQuestions.AssessmentAnswer).',
  valuesConfig: {
    CODE: { description: "One code of the question's code list; each code carries its points." },
    YES_NO: { description: '"YES" or "NO"; YES scores the question\'s yesPoints.' },
    NUMBER: { description: "A whole number between the question's min and max; not scored." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: "One code of a question's code list, with the points it scores.",
})
export class AnswerOption {
  @Field({ description: 'The code sent as the answer.' })
  code: string;

  @Field({ description: 'What the assessor reads out or sees.' })
  label: string;

  @Field(() => Int, { description: 'Points this answer adds to the total score.' })
  points: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A question of an assessment instrument (HUD FY2026 AssessmentQuestions: AssessmentQuestion).',
})
export class AssessmentQuestion {
  @Field({ description: 'Stable code of the question within its instrument (HUD AssessmentQuestion).' })
  code: string;

  @Field({ description: 'The question as asked.' })
  text: string;

  @Field({ description: 'Group of questions on the form (HUD AssessmentQuestionGroup).' })
  group: string;

  @Field(() => AnswerType, { description: 'How it is answered.' })
  answerType: AnswerType;

  @Field({ description: 'Whether an assessment with this instrument must answer it.' })
  required: boolean;

  @Field(() => [AnswerOption], { description: 'The code list of a CODE question (empty otherwise).' })
  options: AnswerOption[];

  @Field(() => Int, { nullable: true, description: 'Points a YES scores (YES_NO questions).' })
  yesPoints: number | null;

  @Field(() => Int, { nullable: true, description: 'Smallest allowed answer (NUMBER questions).' })
  min: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest allowed answer (NUMBER questions).' })
  max: number | null;
}

/**
 * An assessment instrument: setup data naming its questions and how its results are computed
 * (total score = sum of per-answer points; prioritization status = placed when the total reaches
 * the placement threshold). Recording an assessment with it stores answers and results together.
 */
@ObjectType({
  simpleResolvers: true,
  description:
    "An assessment instrument (the CoC's chosen tool, e.g. a VI-SPDAT-like survey): its questions and scoring.",
})
@Entity()
@Index(['name', 'version'], { unique: true })
export class AssessmentInstrument {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Name, stored as the assessment's instrument (max 64)." })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field({ description: 'Version of the instrument.' })
  @Column({ type: 'varchar', length: 16 })
  version: string;

  @Field({ description: 'What the instrument is for.' })
  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Field(() => [AssessmentQuestion], { description: 'Its questions, in the order they are asked.' })
  @Column({ type: 'simple-json' })
  questions: AssessmentQuestion[];

  @Field(() => Int, {
    description:
      'Result rule: a total score at or above this places the household on the prioritization list (HUD 4.19.7).',
  })
  @Column({ type: 'int' })
  placementThreshold: number;

  @Field({ description: 'Whether new assessments may use it.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => DateTime, { description: 'When it was set up.' })
  @CreateDateColumn()
  createdAt: Date;
}
