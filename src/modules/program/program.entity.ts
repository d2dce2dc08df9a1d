import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTime, LocalDate } from '../../graphql/scalars';
import {
  HopwaMedAssistedLivingFac,
  HousingType,
  NoYes,
  ProjectType,
  RrhSubType,
  TargetPopulation,
} from '../../hud';

/** A HUD project owned by one organization. New transactions are created for a program. */
@ObjectType({
  simpleResolvers: true,
  description: 'A HUD project (HUD 2.02 Project Information) owned by one Security Organization.',
})
@Entity()
export class Program {
  @Field(() => ID, { description: 'Waypoint identifier (HUD 2.02.1 ProjectID).' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  organizationId: number;

  @Field({ description: 'HUD 2.02.3 Project Name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => ProjectType, { description: 'HUD 2.02.6 Project Type.' })
  @Column({ type: 'smallint' })
  projectType: ProjectType;

  @Field(() => RrhSubType, {
    nullable: true,
    description: 'HUD 2.02 RRH Subtype (RRHSubType): only for rapid re-housing (project type 13).',
  })
  @Column({ type: 'smallint', nullable: true })
  rrhSubType: RrhSubType | null;

  @Field(() => NoYes, {
    nullable: true,
    description:
      'HUD 2.02 Affiliated with a residential project (ResidentialAffiliation): only for RRH: Services Only; the projects are its affiliations.',
  })
  @Column({ type: 'smallint', nullable: true })
  residentialAffiliation: NoYes | null;

  @Field(() => HousingType, {
    nullable: true,
    description:
      'HUD 2.02 Housing Type (HousingType): only for residential projects (ES, TH, PSH, SH, PH, and RRH with housing).',
  })
  @Column({ type: 'smallint', nullable: true })
  housingType: HousingType | null;

  @Field(() => TargetPopulation, {
    nullable: true,
    description: 'HUD 2.02 Target Population (TargetPopulation).',
  })
  @Column({ type: 'smallint', nullable: true })
  targetPopulation: TargetPopulation | null;

  @Field(() => HopwaMedAssistedLivingFac, {
    nullable: true,
    description: 'HUD 2.02 HOPWA-funded medically assisted living facility (HOPWAMedAssistedLivingFac).',
  })
  @Column({ type: 'smallint', nullable: true })
  hopwaMedAssistedLivingFac: HopwaMedAssistedLivingFac | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.1 Continuum of Care code, e.g. XX-500.' })
  @Column({ type: 'varchar', length: 6, nullable: true })
  cocCode: string | null;

  @Field(() => LocalDate, { description: 'HUD 2.02.4 Operating Start Date.' })
  @Column({ type: 'date' })
  operatingStartDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.02.5 Operating End Date.' })
  @Column({ type: 'date', nullable: true })
  operatingEndDate: string | null;

  @Field({ description: 'False once an administrator has deactivated the program.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => DateTime, { description: 'HUD DateCreated.' })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => DateTime, { description: 'HUD DateUpdated.' })
  @UpdateDateColumn()
  updatedAt: Date;
}
