import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DataCollectionStage, HealthStatus, NoYesMissing, WhenDvOccurred } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** Health and domestic violence answers (HUD HealthAndDV.csv). Every answer needs health:read. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Health and domestic violence answers (HUD 4.11 Domestic Violence, R7 General Health Status). Answers need health:read.',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class HealthAndDv extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD InformationDate.' })
  @Column({ type: 'date' })
  informationDate: string;

  @Field(() => DataCollectionStage, {
    description:
      'HUD 5.03.1 Data Collection Stage (DataCollectionStage): project start, update, annual assessment or exit.',
  })
  @Column({ type: 'smallint', default: DataCollectionStage.PROJECT_START })
  dataCollectionStage: DataCollectionStage;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD 4.11.2 Survivor of domestic violence. Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  domesticViolenceSurvivor: NoYesMissing | null;

  @Field(() => WhenDvOccurred, {
    nullable: true,
    description: 'HUD 4.11.A When experience occurred. Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  whenOccurred: WhenDvOccurred | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD 4.11.B Are you currently fleeing? Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  currentlyFleeing: NoYesMissing | null;

  @Field(() => HealthStatus, {
    nullable: true,
    description: 'HUD R7.1 General Health Status. Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  generalHealthStatus: HealthStatus | null;
}
