import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccessRole } from '../../access/access-role';

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'Lifecycle state of a user account.',
  valuesConfig: {
    ACTIVE: { description: 'May log in (subject to trainings and the End User Agreement).' },
    INACTIVE: {
      description: 'Has not logged in within the inactivity period; an administrator must reactivate it.',
    },
    DEACTIVATED: {
      description: 'Deactivated with a reason; only an administrator or the agency lead can reinstate it.',
    },
  },
});

/** A person who logs in to Waypoint. */
@ObjectType({ description: 'A Waypoint user account.' })
@Entity({ name: 'app_user' })
export class User {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Login name.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field(() => String, { nullable: true, description: 'Full name shown to colleagues.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Field(() => UserStatus, { description: 'Lifecycle state.' })
  @Column({ type: 'varchar', length: 16, default: UserStatus.ACTIVE })
  status: UserStatus;

  @Field(() => AccessRole, {
    description: 'Access role assigned by an administrator (before any training ceiling).',
  })
  @Column({ type: 'varchar', length: 48, default: AccessRole.AGENCY_STAFF })
  accessRole: AccessRole;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  euaAcceptedAt: Date | null;

  /**
   * The End User Agreement version accepted at euaAcceptedAt. Null with a date: accepted before
   * versions were kept, counted as version 1.
   */
  @Column({ type: 'int', nullable: true })
  euaAcceptedVersion: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  deactivationReason: string | null;

  /**
   * When an administrator created, reinstated or reactivated the account: the inactivity period
   * (INACTIVITY_DAYS) counts from the later of this and the last login, so a reinstated user is
   * not swept straight back to INACTIVE.
   */
  @Column({ type: 'datetime', nullable: true })
  activatedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'datetime', nullable: true })
  firstFailedLoginAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** A completed training (course and completion date). */
@Entity()
export class UserTraining {
  @PrimaryColumn()
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  course: string;

  @Column({ type: 'date' })
  completedOn: string;
}

/** A user's assignment to an organization: may log in as it, may edit its records. */
@Entity()
export class OrgAssignment {
  @PrimaryColumn()
  userId: number;

  @PrimaryColumn()
  @Index()
  organizationId: number;

  @Column({ type: 'boolean', default: false })
  canLogin: boolean;

  @Column({ type: 'boolean', default: false })
  canEdit: boolean;

  /** The agency lead manages the users assigned to this organization. */
  @Column({ type: 'boolean', default: false })
  agencyLead: boolean;
}
