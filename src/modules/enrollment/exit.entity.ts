import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LivingSituation } from '../../hud';
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
}
