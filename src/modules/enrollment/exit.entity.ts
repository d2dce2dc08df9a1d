import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LivingSituation, RentalSubsidyType } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from '../transaction/owned-record.base';

/** The end of an enrollment (HUD Exit.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'An exit from an enrollment (HUD 3.11 Project Exit Date, 3.12 Destination).',
})
@Entity({ name: 'enrollment_exit' })
@Index(['clientId', 'organizationId', 'restriction'])
export class Exit extends EnrollmentTransaction {
  @Field(() => LocalDate, {
    description: 'HUD 3.11.1 Project Exit Date: the last day of residence or service.',
  })
  @Column({ type: 'date' })
  exitDate: string;

  @Field(() => LivingSituation, { description: 'HUD 3.12.1 Destination.' })
  @Column({ type: 'smallint' })
  destination: LivingSituation;

  @Field(() => RentalSubsidyType, {
    nullable: true,
    description:
      'HUD 3.12.A Rental Subsidy Type (DestinationSubsidyType): only with destination 435 (rental by client, with ongoing housing subsidy).',
  })
  @Column({ type: 'smallint', nullable: true })
  destinationSubsidyType: RentalSubsidyType | null;
}
