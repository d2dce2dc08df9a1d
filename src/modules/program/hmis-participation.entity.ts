import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { LocalDate } from '../../graphql/scalars';
import { HmisParticipationType } from '../../hud';
import { ProjectSetupRecord } from './project-setup.base';

/** HUD 2.08 HMIS Participation Status of a program (HMISParticipation.csv). */
@ObjectType({
  simpleResolvers: true,
  description: 'A period of HMIS participation of a program (HUD 2.08 HMIS Participation Status).',
})
@Entity()
export class HmisParticipation extends ProjectSetupRecord {
  @Field(() => HmisParticipationType, { description: 'HUD 2.08.1 HMIS Participation Type.' })
  @Column({ type: 'smallint' })
  hmisParticipationType: HmisParticipationType;

  @Field(() => LocalDate, { description: 'HUD 2.08.2 Participation Status Start Date.' })
  @Column({ type: 'date' })
  hmisParticipationStatusStartDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.08.3 Participation Status End Date.' })
  @Column({ type: 'date', nullable: true })
  hmisParticipationStatusEndDate: string | null;
}
