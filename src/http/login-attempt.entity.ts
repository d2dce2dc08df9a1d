import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login attempt from a client address that has not (yet) succeeded: the per-address login
 * throttle counts these rows (see login-throttle.ts). Kept in the database, not in process
 * memory, so every API process behind a load balancer counts the same attempts.
 */
@Entity()
@Index(['ip', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  /** The client address as Express sees it (see TRUST_PROXY); IPv6 text is at most 45 characters. */
  @Column({ type: 'varchar', length: 45 })
  ip: string;

  @Index()
  @Column({ type: 'datetime' })
  at: Date;
}
