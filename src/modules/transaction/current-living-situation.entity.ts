import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LivingSituation } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** A contact recording where the client is staying (HUD CurrentLivingSituation.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'A current living situation contact (HUD 4.12 Current Living Situation).',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class CurrentLivingSituation extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD 4.12.1 Information Date.' })
  @Column({ type: 'date' })
  informationDate: string;

  @Field(() => LivingSituation, { description: 'HUD 4.12.2 Current Living Situation.' })
  @Column({ type: 'smallint' })
  currentLivingSituation: LivingSituation;

  @Field(() => String, { nullable: true, description: 'HUD 4.12.A Location details.' })
  @Column({ type: 'varchar', length: 250, nullable: true })
  locationDetails: string | null;
}
