import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from '../../graphql/scalars';
import { BedType } from '../../hud';
import { TransactionRecord } from '../transaction/owned-record.base';

export enum BedStatus {
  AVAILABLE = 'AVAILABLE',
  OUT_OF_SERVICE = 'OUT_OF_SERVICE',
}

registerEnumType(BedStatus, {
  name: 'BedStatus',
  description: 'Whether a bed can be used.',
  valuesConfig: {
    AVAILABLE: { description: 'In service: free, held or occupied depending on the night.' },
    OUT_OF_SERVICE: { description: 'Out of service (repairs, cleaning, ...); nobody can be checked in.' },
  },
});

export enum ReservationStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
  CHECKED_IN = 'CHECKED_IN',
  NO_SHOW = 'NO_SHOW',
}

registerEnumType(ReservationStatus, {
  name: 'ReservationStatus',
  description: 'Where a reservation stands.',
  valuesConfig: {
    ACTIVE: { description: 'Holding a bed or place until the facility hold time of each of its nights.' },
    CANCELLED: { description: 'Cancelled by the reservation team.' },
    CHECKED_IN: { description: 'Claimed: the client was checked in (checkInReservation).' },
    NO_SHOW: { description: 'The client did not come before the hold time (marked by the shelter sweep).' },
  },
});

/**
 * A bed, mat or unit of a facility (an organization's Location), belonging to one residential
 * program of the same organization: setup data, counted by the program's HUD 2.07 Inventory.
 */
@ObjectType({
  simpleResolvers: true,
  description: 'A bed, mat or unit of a shelter facility (counted in HUD 2.07 Bed Inventory).',
})
@Entity()
@Index(['locationId', 'label'], { unique: true })
export class Bed {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  organizationId: number;

  @Index()
  @Column()
  locationId: number;

  @Index()
  @Column()
  programId: number;

  @Field({ description: 'The label staff use ("12", "Mat 3").' })
  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Field(() => String, { nullable: true, description: 'Room or dormitory.' })
  @Column({ type: 'varchar', length: 60, nullable: true })
  room: string | null;

  @Field(() => BedType, { description: 'HUD 2.07.5 Bed Type of the inventory the bed is counted in.' })
  @Column({ type: 'smallint', default: BedType.FACILITY_BASED })
  bedType: BedType;

  // Column is_accessible: ACCESSIBLE is a reserved word in MySQL, a trap for raw SQL.
  @Field({ description: 'Accessible (wheelchair, lower bunk, ...).' })
  @Column({ name: 'is_accessible', type: 'boolean', default: false })
  accessible: boolean;

  @Field(() => BedStatus, { description: 'AVAILABLE or OUT_OF_SERVICE.' })
  @Column({ type: 'varchar', length: 16, default: BedStatus.AVAILABLE })
  status: BedStatus;

  @Field(() => String, { nullable: true, description: 'Why the bed is out of service.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  statusReason: string | null;
}

/** A client's stay in a shelter: one bed at a time, open until check-out (access model §8). */
@ObjectType({
  simpleResolvers: true,
  description: 'A stay of a client in a shelter bed, from check-in to check-out.',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
@Index(['locationId', 'lastNight'])
export class Stay extends TransactionRecord {
  @Index()
  @Column()
  enrollmentId: number;

  @Column()
  locationId: number;

  @Index()
  @Column()
  bedId: number;

  @Field(() => LocalDate, { description: 'The first night (named by its start date).' })
  @Column({ type: 'date' })
  firstNight: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The last night slept, once checked out; null while the stay is open.',
  })
  @Column({ type: 'date', nullable: true })
  lastNight: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The check-out date (the morning after the last night).',
  })
  @Column({ type: 'date', nullable: true })
  checkOutDate: string | null;
}

/**
 * One bed, one night, one stay: the occupancy that makes "a bed holds one client a night" a
 * database rule (unique bed and night; unique client and night), and the link to the night's
 * HUD bed-night service (Services RecordType 200).
 */
@Entity()
@Index(['bedId', 'night'], { unique: true })
@Index(['clientId', 'night'], { unique: true })
export class BedNight {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  stayId: number;

  @Column()
  bedId: number;

  @Column()
  clientId: number;

  @Column({ type: 'date' })
  night: string;

  @Column()
  serviceId: number;

  @CreateDateColumn()
  createdAt: Date;
}

/** A hold on a bed or a place at a facility for a client, for one or more nights (access model §8). */
@ObjectType({
  simpleResolvers: true,
  description: 'A shelter reservation of a client for a range of nights.',
})
@Entity()
@Index(['clientId', 'organizationId', 'restriction'])
@Index(['locationId', 'firstNight'])
export class Reservation extends TransactionRecord {
  @Column()
  locationId: number;

  @Column({ type: 'int', nullable: true })
  bedId: number | null;

  @Field(() => LocalDate, { description: 'The first night held.' })
  @Column({ type: 'date' })
  firstNight: string;

  @Field(() => LocalDate, { description: 'The last night held.' })
  @Column({ type: 'date' })
  lastNight: string;

  @Field(() => ReservationStatus, { description: 'ACTIVE, CANCELLED, CHECKED_IN or NO_SHOW.' })
  @Column({ type: 'varchar', length: 16, default: ReservationStatus.ACTIVE })
  status: ReservationStatus;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ type: 'int', nullable: true })
  stayId: number | null;
}

/** The counts of a facility for one night, as a shelter reports them nightly. */
@ObjectType({ description: "A facility's bed counts for one night." })
export class NightCounts {
  @Field(() => Int, { description: 'Beds in service (out-of-service beds are not counted).' })
  capacity: number;

  @Field(() => Int, { description: 'Beds occupied that night.' })
  occupied: number;

  @Field(() => Int, { description: 'Beds held by an active reservation (until the hold time).' })
  held: number;

  @Field(() => Int, { description: 'Beds in service neither occupied nor held.' })
  free: number;

  @Field(() => Int, { description: 'Beds out of service.' })
  outOfService: number;
}
