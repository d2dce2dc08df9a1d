import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Restriction } from '../../access/restriction';
import { DateTime } from '../../graphql/scalars';

/** A Security Organization: an agency, or part of one, that owns data (HUD 2.01 Organization). */
@ObjectType({
  simpleResolvers: true,
  description:
    'A Security Organization: an agency, or part of one, that owns records (HUD 2.01 Organization Information).',
})
@Entity()
export class Organization {
  @Field(() => ID, { description: 'Waypoint identifier (HUD 2.01.1 OrganizationID).' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unique three-character code, e.g. HSS.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 3 })
  code: string;

  @Field({ description: 'HUD 2.01.2 Organization Name.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true, description: 'Two-letter state code.' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  state: string | null;

  @Field(() => String, { nullable: true, description: 'ZIP code.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  zip: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone number.' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  contactEmail: string | null;

  @Field(() => Restriction, {
    description: 'Restriction stamped on new transactions unless the user picks another enabled option.',
  })
  @Column({ type: 'varchar', length: 16, default: Restriction.UNRESTRICTED })
  defaultRestriction: Restriction;

  @Field({
    description:
      'Whether users of this organization see, and may choose, the restriction when creating a transaction.',
  })
  @Column({ type: 'boolean', default: false })
  displayRestrictionField: boolean;

  @Field({
    description:
      'HUD 2.01.3 VictimServiceProvider. A victim service provider (VAWA) never shares through information releases; its transactions are always RESTRICTED and its clients always restrict-intake.',
  })
  @Column({ type: 'boolean', default: false })
  victimServiceProvider: boolean;

  @Field({ description: 'False once an administrator has deactivated the organization.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => DateTime, { description: 'HUD DateCreated.' })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => DateTime, { description: 'HUD DateUpdated.' })
  @UpdateDateColumn()
  updatedAt: Date;
}
