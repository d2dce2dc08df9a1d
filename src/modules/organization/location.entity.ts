import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A place where an organization works (a site, a drop-in center, a street outreach area). */
@ObjectType({ description: 'A location of a Security Organization (site, office, outreach area).' })
@Entity()
export class Location {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  organizationId: number;

  @Field({ description: 'Location name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Street address (HUD 2.03.3 Address1).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'City (HUD 2.03.3 City).' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true, description: 'State (HUD 2.03.3 State).' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  state: string | null;

  @Field(() => String, { nullable: true, description: 'ZIP code (HUD 2.03.3 ZIP).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  zip: string | null;

  @Field({ description: 'True when the location is a shelter facility with beds.' })
  @Column({ type: 'boolean', default: false })
  isFacility: boolean;

  @Field(() => String, { nullable: true, description: 'Opening hours, as shown to staff ("19:00-07:00").' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  hours: string | null;

  @Field(() => String, { nullable: true, description: 'Facility check-in time, HH:MM.' })
  @Column({ type: 'varchar', length: 5, nullable: true })
  checkInTime: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Until when a reservation holds its bed each night, HH:MM (in the evening of the night).',
  })
  @Column({ type: 'varchar', length: 5, nullable: true })
  holdTime: string | null;

  @Field({ description: 'False once deactivated.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
