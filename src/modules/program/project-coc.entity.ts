import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { GeographyType } from '../../hud';
import { ProjectSetupRecord } from './project-setup.base';

/** HUD 2.03 Continuum of Care Information of a program (ProjectCoC.csv). */
@ObjectType({
  simpleResolvers: true,
  description:
    'A Continuum of Care a program operates in, with its site (HUD 2.03 Continuum of Care Information).',
})
@Entity({ name: 'project_coc' })
export class ProjectCoc extends ProjectSetupRecord {
  @Field({ description: 'HUD 2.03.1 Continuum of Care Code (CoCCode), e.g. XX-500.' })
  @Column({ type: 'varchar', length: 6 })
  cocCode: string;

  @Field({ description: 'HUD 2.03.2 Geocode: the six-digit HUD geographic code of the site.' })
  @Column({ type: 'varchar', length: 6 })
  geocode: string;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 Project Street Address 1 (Address1).' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  address1: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 Project Street Address 2 (Address2).' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  address2: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 Project City (City).' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 Project State (State), two letters.' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  state: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 Project ZIP Code (ZIP), five digits.' })
  @Column({ type: 'varchar', length: 5, nullable: true })
  zip: string | null;

  @Field(() => GeographyType, { nullable: true, description: 'HUD 2.03.4 Geography Type (GeographyType).' })
  @Column({ type: 'smallint', nullable: true })
  geographyType: GeographyType | null;
}
