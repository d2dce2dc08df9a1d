import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ProjectSetupRecord } from './project-setup.base';

/** HUD 2.02.D Affiliation of a services-only or street outreach program with a residential one (Affiliation.csv). */
@ObjectType({
  simpleResolvers: true,
  description:
    'A residential project a non-residential program is affiliated with (HUD 2.02.C Affiliated with a residential project; 2.02.D Project IDs of affiliated residential projects).',
})
@Entity()
export class Affiliation extends ProjectSetupRecord {
  @Field(() => ID, { description: 'HUD 2.02.D ResProjectID: the affiliated residential program.' })
  @Column()
  resProgramId: number;
}
