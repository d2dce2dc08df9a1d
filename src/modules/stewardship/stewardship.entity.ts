/**
 * Data stewardship tables (access model §11, §2.4): the blocking keys each client is filed
 * under for the duplicate check, the merges with their before-state, and account requests.
 */
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One blocking key of one client (matcher.ts matchKeys), kept current by match-keys.ts. */
@Entity()
@Index(['kind', 'value'])
@Index(['clientId'])
export class ClientMatchKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  clientId: number;

  @Column({ type: 'varchar', length: 8 })
  kind: string;

  @Column({ type: 'varchar', length: 64 })
  value: string;
}

/**
 * A merge of duplicates into a survivor. `before` holds everything the merge changed, so
 * unmergeClient can put it back exactly: the client rows as they were, and the ids of the
 * records moved from each duplicate, per table.
 */
@Entity()
@Index(['survivorId'])
export class ClientMerge {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  survivorId: number;

  @Column({ type: 'simple-json' })
  duplicateIds: number[];

  @Column({ type: 'simple-json' })
  keep: Record<string, number>;

  /** { clients: raw client rows, moved: { table: { duplicateId: recordIds } } } */
  @Column({ type: 'simple-json' })
  before: { clients: Record<string, unknown>[]; moved: Record<string, Record<string, number[]>> };

  @Column({ type: 'int', nullable: true })
  mergedById: number | null;

  @CreateDateColumn()
  mergedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  unmergedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  unmergedById: number | null;
}

/** A client taking part in a merge that is in force (survivor or duplicate): "already merged". */
@Entity()
export class ClientMergeMember {
  @Column({ primary: true })
  clientId: number;

  @Index()
  @Column()
  mergeId: number;

  @Column({ type: 'varchar', length: 16 })
  role: 'SURVIVOR' | 'DUPLICATE';
}

/** An agency lead's request for a new account or a deactivation (access model §2.4). */
@Entity()
@Index(['organizationId', 'status'])
@Index(['status', 'lastDay'])
export class AccountRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: 'ACCOUNT' | 'DEACTIVATION';

  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'APPROVED' | 'REJECTED';

  @Column()
  organizationId: number;

  @Column({ type: 'int', nullable: true })
  requestedById: number | null;

  /** ACCOUNT: the account asked for (username, displayName, workgroupIds, accessRole, canEdit). */
  @Column({ type: 'simple-json', nullable: true })
  account: {
    username: string;
    displayName: string;
    workgroupIds: number[];
    accessRole: string;
    canEdit: boolean;
  } | null;

  /** DEACTIVATION: the user to deactivate and the last working day. */
  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'date', nullable: true })
  lastDay: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  decidedById: number | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
