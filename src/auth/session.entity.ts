import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A login session. Only the SHA-256 of the bearer token is stored, so a database dump cannot
 * be replayed. Sessions live in the database so any API process can serve any request.
 */
@Entity()
export class Session {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column()
  userId: number;

  @Column({ type: 'int', nullable: true })
  workgroupId: number | null;

  @Column({ type: 'int', nullable: true })
  organizationId: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  lastSeenAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  /**
   * When this session last ran a mutation (or logged in). For READ_YOUR_WRITES_SECONDS after it,
   * the session's reads go to the primary, not a replica that may not have the change yet. Kept
   * here, not in process memory, so every API process behind the load balancer agrees.
   */
  @Column({ type: 'datetime', nullable: true })
  lastWriteAt: Date | null;
}
