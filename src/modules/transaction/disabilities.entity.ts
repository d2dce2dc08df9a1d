import { Field, ObjectType, Int } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import {
  DataCollectionStage,
  DisabilityType,
  HivTestSource,
  NoYesMissing,
  ViralLoadAvailable,
} from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** One disability answer (HUD 4.05 Physical, 4.06 Developmental, 4.07 Chronic health condition, 4.08 HIV/AIDS, 4.09 Mental health disorder, 4.10 Substance use disorder; HUD Disabilities.csv). The answers need health:read. */
@ObjectType({
  simpleResolvers: true,
  description:
    'One disability answer (HUD 4.05 Physical, 4.06 Developmental, 4.07 Chronic health condition, 4.08 HIV/AIDS, 4.09 Mental health disorder, 4.10 Substance use disorder; HUD Disabilities.csv). The answers need health:read.',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class Disabilities extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD 4.05-4.10 Information Date.' })
  @Column({ type: 'date' })
  informationDate: string;

  @Field(() => DataCollectionStage, {
    description:
      'HUD 5.03.1 Data Collection Stage: project start, update, project exit or annual assessment.',
  })
  @Column({ type: 'smallint', default: DataCollectionStage.PROJECT_START })
  dataCollectionStage: DataCollectionStage;

  @Field(() => DisabilityType, {
    nullable: true,
    description:
      'HUD 4.05-4.10 DisabilityType: which disability this answer is about. Every type is asked at every stage, so the type alone reveals nothing.',
  })
  @Column({ type: 'smallint', nullable: true })
  disabilityType: DisabilityType | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'HUD 4.05.2-4.10.2 DisabilityResponse: list 1.8 No/Yes/missing, or for substance use disorder (4.10.2) 0 No, 1 Alcohol use disorder, 2 Drug use disorder, 3 Both, 8, 9, 99. Needs health:read.',
  })
  @Column({ type: 'int', nullable: true })
  disabilityResponse: number | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description:
      'HUD 4.05.A/4.07.A/4.09.A/4.10.A Expected to be of long-continued and indefinite duration and substantially impairs ability to live independently. Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  indefiniteAndImpairs: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD W4.2 T-cell (CD4) count available (HIV/AIDS only). Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  tCellCountAvailable: NoYesMissing | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HUD W4.2.A T-cell count (0 to 1500). Needs health:read.',
  })
  @Column({ type: 'int', nullable: true })
  tCellCount: number | null;

  @Field(() => HivTestSource, {
    nullable: true,
    description: 'HUD W4.2.B How was the T-cell count information obtained (list W4.B). Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  tCellSource: HivTestSource | null;

  @Field(() => ViralLoadAvailable, {
    nullable: true,
    description: 'HUD W4.3 Viral load information available. Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  viralLoadAvailable: ViralLoadAvailable | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HUD W4.3.A Viral load count (0 to 999999). Needs health:read.',
  })
  @Column({ type: 'int', nullable: true })
  viralLoad: number | null;

  @Field(() => HivTestSource, {
    nullable: true,
    description: 'HUD W4.3.B How was the viral load information obtained (list W4.B). Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  viralLoadSource: HivTestSource | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD W6 Has the participant been prescribed anti-retroviral drugs. Needs health:read.',
  })
  @Column({ type: 'smallint', nullable: true })
  antiRetroviral: NoYesMissing | null;
}
