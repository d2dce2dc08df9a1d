import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { CurrentEdStatus, CurrentSchoolAttend, DataCollectionStage, MostRecentEdStatus } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** Youth education status (HUD C3, RHY; HUD YouthEducationStatus.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'Youth education status (HUD C3, RHY; HUD YouthEducationStatus.csv).',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class YouthEducationStatus extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD C3 Information Date.' })
  @Column({ type: 'date' })
  informationDate: string;

  @Field(() => DataCollectionStage, {
    description:
      'HUD 5.03.1 Data Collection Stage: project start, update, project exit or annual assessment.',
  })
  @Column({ type: 'smallint', default: DataCollectionStage.PROJECT_START })
  dataCollectionStage: DataCollectionStage;

  @Field(() => CurrentSchoolAttend, {
    nullable: true,
    description: 'HUD C3.2 Current school enrollment and attendance.',
  })
  @Column({ type: 'smallint', nullable: true })
  currentSchoolAttend: CurrentSchoolAttend | null;

  @Field(() => MostRecentEdStatus, {
    nullable: true,
    description: 'HUD C3.A Most recent educational status (when not currently enrolled).',
  })
  @Column({ type: 'smallint', nullable: true })
  mostRecentEdStatus: MostRecentEdStatus | null;

  @Field(() => CurrentEdStatus, {
    nullable: true,
    description: 'HUD C3.B Current educational status (when currently enrolled).',
  })
  @Column({ type: 'smallint', nullable: true })
  currentEdStatus: CurrentEdStatus | null;
}
