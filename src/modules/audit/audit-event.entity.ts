import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audit log entry: a read of client-level data or a change with its before and after
 * values. Append-only: nothing in the API updates or deletes these rows.
 */
@Entity()
@Index(['at'])
@Index(['userId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'int', nullable: true })
  organizationId: number | null;

  @Column({ type: 'int', nullable: true })
  workgroupId: number | null;

  /** READ, CREATE, UPDATE, DELETE, LOGIN, ... */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  operation: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityType: string | null;

  @Column({ type: 'int', nullable: true })
  entityId: number | null;

  @Column({ type: 'simple-json', nullable: true })
  clientIds: number[] | null;

  @Column({ type: 'simple-json', nullable: true })
  fields: string[] | null;

  @Column({ type: 'simple-json', nullable: true })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
  before: Record<string, any> | null;

  @Column({ type: 'simple-json', nullable: true })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
  after: Record<string, any> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
