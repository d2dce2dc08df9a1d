import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { DateTime } from '../../graphql/scalars';
import { Restriction } from '../../access/restriction';

/**
 * Columns every client-level record carries: the owning organization, who created and last
 * changed it, HUD DateDeleted for soft deletes, and a version for optimistic locking.
 */
@ObjectType()
export abstract class OwnedRecord {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  organizationId: number;

  @Field(() => DateTime, { description: 'HUD DateCreated.' })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => DateTime, { description: 'HUD DateUpdated.' })
  @UpdateDateColumn()
  updatedAt: Date;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Column({ type: 'int', nullable: true })
  updatedById: number | null;

  /** HUD DateDeleted: soft-deleted records are invisible to everyone but restore tools. */
  @Column({ type: 'datetime', nullable: true })
  dateDeleted: Date | null;

  @Field(() => Int, {
    description:
      'Optimistic-locking version: send it back with an update; a stale version is refused with CONFLICT.',
  })
  @VersionColumn()
  version: number;
}

/** A transaction: a record of a client's contact with a program, stamped with its owner and restriction. */
@ObjectType()
export abstract class TransactionRecord extends OwnedRecord {
  @Column()
  clientId: number;

  @Field(() => Restriction, { description: 'Who besides the owning organization may see this record.' })
  @Column({ type: 'varchar', length: 16 })
  restriction: Restriction;
}

/** A transaction recorded within an enrollment (exit, service, assessment, ...). */
@ObjectType()
export abstract class EnrollmentTransaction extends TransactionRecord {
  @Index()
  @Column()
  enrollmentId: number;
}
