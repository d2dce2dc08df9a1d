import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { LocalDate } from '../../graphql/scalars';
import { FunderSource } from '../../hud';
import { ProjectSetupRecord } from './project-setup.base';

/** HUD 2.06 Funding Sources of a program. */
@ObjectType({
  simpleResolvers: true,
  description: 'A funding source of a program (HUD 2.06 Funding Sources).',
})
@Entity()
export class Funder extends ProjectSetupRecord {
  @Field(() => FunderSource, { description: 'HUD 2.06.1 Funding Source.' })
  @Column({ type: 'smallint' })
  funder: FunderSource;

  @Field(() => String, {
    nullable: true,
    description:
      'HUD 2.06.A Other Funder (OtherFunder): the funder, only with funding source 46 (local or other).',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  otherFunder: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.06.2 Grant Identifier.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  grantId: string | null;

  @Field(() => LocalDate, { description: 'HUD 2.06.3 Grant Start Date.' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.06.4 Grant End Date.' })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;
}
