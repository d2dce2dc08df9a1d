import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ProjectSetupRecord } from './project-setup.base';

/** HUD 2.02 Project Information: residential affiliation of a non-residential program (Affiliation.csv). */
@ObjectType({
  simpleResolvers: true,
  description:
    'A residential project a non-residential program is affiliated with (HUD 2.02 Project Information: residential affiliation; HMIS CSV Affiliation.csv).',
})
@Entity()
export class Affiliation extends ProjectSetupRecord {
  @Field(() => ID, {
    description: 'HUD 2.02 Project Information: ResProjectID, the affiliated residential program.',
  })
  @Column()
  resProgramId: number;
}
