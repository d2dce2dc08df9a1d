import { registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** Where a client stands on the priority list (not HUD 4.19.7 PrioritizationStatus). */
export enum PriorityListStatus {
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  REFERRED = 'REFERRED',
  HOUSED = 'HOUSED',
  INACTIVE = 'INACTIVE',
}

registerEnumType(PriorityListStatus, {
  name: 'PriorityListStatus',
  description:
    'Where a client stands on the coordinated entry priority list (a local status, not HUD 4.19.7 Prioritization Status).',
  valuesConfig: {
    ACTIVE: { description: 'Waiting for a referral; may be referred.' },
    ON_HOLD: { description: 'Kept on the list but not referred for now (e.g. cannot be reached).' },
    REFERRED: { description: 'A receiving program accepted a referral.' },
    HOUSED: { description: 'Enrolled in the program the client was referred to.' },
    INACTIVE: { description: 'Off the list (e.g. the CE enrollment ended).' },
  },
});

/** Statuses of an entry that is still open (a new assessment updates it instead of adding one). */
export const OPEN_STATUSES: readonly PriorityListStatus[] = [
  PriorityListStatus.ACTIVE,
  PriorityListStatus.ON_HOLD,
  PriorityListStatus.REFERRED,
];

/**
 * A client on the community priority list: one per CE enrollment with an assessment. Not owned by
 * an organization (the list is the community's); who sees it is decided by the client's
 * visibility (§9). `activeClientId` equals `clientId` while ACTIVE and is null otherwise: its unique
 * index holds "at most one ACTIVE entry per client" in the database, whatever races.
 */
@Entity()
@Index(['status', 'totalScore', 'assessmentDate'])
export class PriorityListEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  clientId: number;

  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  activeClientId: number | null;

  /** The CE enrollment that put the client on the list. */
  @Index()
  @Column()
  enrollmentId: number;

  /** The assessment the entry is ranked by (the latest recorded). */
  @Column()
  assessmentId: number;

  @Column({ type: 'varchar', length: 16 })
  status: PriorityListStatus;

  /** Copy of the assessment's total score (sort key), null when none was recorded. */
  @Column({ type: 'int', nullable: true })
  totalScore: number | null;

  @Column({ type: 'date' })
  assessmentDate: string;

  @Column({ type: 'date' })
  listedOn: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** A change of an entry's status: who, when, why. */
@Entity()
export class PriorityListStatusChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  entryId: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: PriorityListStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: PriorityListStatus;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'int', nullable: true })
  changedById: number | null;

  /** The organization the change was made as. */
  @Column({ type: 'int', nullable: true })
  changedAsOrganizationId: number | null;

  @CreateDateColumn()
  changedAt: Date;
}

/** The community's order of the list: one row (id 1), a list of sort keys. */
@Entity()
export class PriorityOrderSetting {
  @Column({ primary: true, type: 'int' })
  id: number;

  @Column({ type: 'simple-json' })
  sortKeys: { key: string; direction: 'ASC' | 'DESC' }[];

  @Column({ type: 'int', nullable: true })
  updatedById: number | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
