import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from '../../graphql/scalars';
import { Restriction } from '../../access/restriction';

/** An Information Release (MOU): directed data shares between organizations, active between two dates. */
@ObjectType({
  description:
    'An Information Release (data-sharing MOU): directed shares between organizations, active from its start date through its end date.',
})
@Entity()
export class InformationRelease {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { description: 'Unique release number, e.g. 1001.' })
  @Index({ unique: true })
  @Column({ type: 'int' })
  number: number;

  @Field({ description: 'Release name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Comments.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  comments: string | null;

  @Field(() => LocalDate, { description: 'First day the release shares data.' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Last day the release shares data; open-ended when empty.',
  })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;
}

/** One directed share of a release: records of `fromOrganizationId` become visible to `toOrganizationId`. */
@Entity()
@Index(['toOrganizationId', 'fromOrganizationId'])
export class InformationReleaseShare {
  @PrimaryColumn()
  releaseId: number;

  @PrimaryColumn()
  fromOrganizationId: number;

  @PrimaryColumn()
  toOrganizationId: number;
}

/** One client's records released to one more organization until a date, whatever the MOUs say. */
@Entity()
// At most one exception per client and organization: createReleaseException's check, held by the database.
@Index(['clientId', 'organizationId'], { unique: true })
@Index(['clientId', 'organizationId', 'validThrough'])
@Index(['organizationId', 'validThrough'])
export class ReleaseException {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  clientId: number;

  @Column()
  organizationId: number;

  @Column({ type: 'date' })
  validThrough: string;
}

/** Which restriction options an organization's users may choose when creating transactions. */
@Entity()
export class RestrictionOption {
  @PrimaryColumn()
  organizationId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  restriction: Restriction;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;
}
