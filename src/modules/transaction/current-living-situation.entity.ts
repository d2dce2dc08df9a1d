import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LivingSituation, RentalSubsidyType } from '../../hud';
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

  @Field(() => RentalSubsidyType, {
    nullable: true,
    description:
      'HUD 4.12 Current Living Situation: Rental Subsidy Type (CLSSubsidyType, list 3.12.A): only with current living situation 435 (rental by client, with ongoing housing subsidy).',
  })
  @Column({ type: 'smallint', nullable: true })
  clsSubsidyType: RentalSubsidyType | null;

  @Field(() => String, { nullable: true, description: 'HUD 4.12.A Location details.' })
  @Column({ type: 'varchar', length: 250, nullable: true })
  locationDetails: string | null;
}
