import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { CeEventType, ReferralResult } from '../../hud';
import { LocalDate } from '../../graphql/scalars';
import { EnrollmentTransaction } from './owned-record.base';

/** A coordinated entry event such as a referral (HUD Event.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'A coordinated entry event, such as a referral (HUD 4.20 Coordinated Entry Event).',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
export class CeEvent extends EnrollmentTransaction {
  @Field(() => LocalDate, { description: 'HUD 4.20.1 Date of Event.' })
  @Column({ type: 'date' })
  eventDate: string;

  @Field(() => CeEventType, { description: 'HUD 4.20.2 Event.' })
  @Column({ type: 'smallint' })
  event: CeEventType;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 4.20.C Location of crisis housing or permanent housing referral.',
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  locationCrisisOrPhHousing: string | null;

  @Field(() => ReferralResult, { nullable: true, description: 'HUD 4.20.D Referral Result.' })
  @Column({ type: 'smallint', nullable: true })
  referralResult: ReferralResult | null;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 4.20.E Date of result.' })
  @Column({ type: 'date', nullable: true })
  resultDate: string | null;
}
