import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import {
  DataCollectionStage,
  EmploymentType,
  LastGradeCompleted,
  NoYesMissing,
  NotEmployedReason,
  SchoolStatus,
} from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** Last grade completed, school status and employment (HUD R4, R5, R6; HUD EmploymentEducation.csv). */
@ObjectType({
  simpleResolvers: true,
  description:
    'Last grade completed, school status and employment (HUD R4, R5, R6; HUD EmploymentEducation.csv).',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class EmploymentEducation extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD R4/R5/R6 Information Date.' })
  @Column({ type: 'date' })
  informationDate: string;

  @Field(() => DataCollectionStage, {
    description:
      'HUD 5.03.1 Data Collection Stage: project start, update, project exit or annual assessment.',
  })
  @Column({ type: 'smallint', default: DataCollectionStage.PROJECT_START })
  dataCollectionStage: DataCollectionStage;

  @Field(() => LastGradeCompleted, { nullable: true, description: 'HUD R4.1 Last grade completed.' })
  @Column({ type: 'smallint', nullable: true })
  lastGradeCompleted: LastGradeCompleted | null;

  @Field(() => SchoolStatus, { nullable: true, description: 'HUD R5.1 School status.' })
  @Column({ type: 'smallint', nullable: true })
  schoolStatus: SchoolStatus | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD R6.1 Employed.' })
  @Column({ type: 'smallint', nullable: true })
  employed: NoYesMissing | null;

  @Field(() => EmploymentType, {
    nullable: true,
    description: 'HUD R6.A Type of employment (only when employed).',
  })
  @Column({ type: 'smallint', nullable: true })
  employmentType: EmploymentType | null;

  @Field(() => NotEmployedReason, {
    nullable: true,
    description: 'HUD R6.B Why not employed (only when not employed).',
  })
  @Column({ type: 'smallint', nullable: true })
  notEmployedReason: NotEmployedReason | null;
}
