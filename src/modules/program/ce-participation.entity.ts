import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { LocalDate } from '../../graphql/scalars';
import { NoYes } from '../../hud';
import { ProjectSetupRecord } from './project-setup.base';

/** HUD 2.09 Coordinated Entry Participation Status of a program (CEParticipation.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'A period of coordinated entry participation of a program (HUD 2.09 CE Participation Status).',
})
@Entity()
export class CeParticipation extends ProjectSetupRecord {
  @Field(() => NoYes, { description: 'HUD 2.09 CE Participation: Access Point (AccessPoint).' })
  @Column({ type: 'smallint' })
  accessPoint: NoYes;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 CE Participation: Prevention Assessment (only for an access point).',
  })
  @Column({ type: 'smallint', nullable: true })
  preventionAssessment: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 CE Participation: Crisis Assessment (only for an access point).',
  })
  @Column({ type: 'smallint', nullable: true })
  crisisAssessment: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 CE Participation: Housing Assessment (only for an access point).',
  })
  @Column({ type: 'smallint', nullable: true })
  housingAssessment: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 CE Participation: Direct Services (only for an access point).',
  })
  @Column({ type: 'smallint', nullable: true })
  directServices: NoYes | null;

  @Field(() => NoYes, {
    description:
      'HUD 2.09 CE Participation: Receives Referrals (ReceivesReferrals) through coordinated entry.',
  })
  @Column({ type: 'smallint' })
  receivesReferrals: NoYes;

  @Field(() => LocalDate, { description: 'HUD 2.09 CE Participation: CE Participation Status Start Date.' })
  @Column({ type: 'date' })
  ceParticipationStatusStartDate: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 2.09 CE Participation: CE Participation Status End Date.',
  })
  @Column({ type: 'date', nullable: true })
  ceParticipationStatusEndDate: string | null;
}
