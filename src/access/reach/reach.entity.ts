import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A client's reach (see reach/model.ts): which organizations hold the client, and through which of
 * them it can be shared. Clients with the same reach share one row, which counts them, so the
 * number of clients visible to an organization is a sum over a few thousand rows however many
 * clients there are. Internal bookkeeping: never exposed through GraphQL.
 */
@Entity()
export class ReachSet {
  @PrimaryGeneratedColumn()
  id: number;

  /** SHA-256 of the canonical text of the reach (`holds:1,5;shares:1`). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  /** Live clients whose reach this is. */
  @Column({ type: 'int', default: 0 })
  clients: number;
}

export enum ReachRole {
  /** The organization owns the client or holds a live record of it. */
  HOLDS = 'HOLDS',
  /** The client is not restrict-intake, and the organization owns it or an UNRESTRICTED live record of it. */
  SHARES = 'SHARES',
}

/** One organization of a reach set, in one role; the key leads with the organization for lookups. */
@Entity()
@Index(['reachSetId'])
export class ReachSetOrganization {
  @PrimaryColumn()
  organizationId: number;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  role: ReachRole;

  @PrimaryColumn()
  reachSetId: number;
}

/** The reach set of each client; null while the client is deleted. */
@Entity()
@Index(['reachSetId'])
export class ClientReach {
  @PrimaryColumn()
  clientId: number;

  @Column({ type: 'int', nullable: true })
  reachSetId: number | null;
}

/**
 * How many clients an organization reaches while a given set of organizations shares with it
 * (its partners today): the sum of the counts of the reach sets it holds or its partners share,
 * kept current by every reach refresh. Created on first use for a new set of partners (a release
 * starting or ending changes it); release exceptions are added when counting.
 */
@Entity()
export class VisibleClientCount {
  @PrimaryColumn()
  organizationId: number;

  /** SHA-256 of the sorted partner ids, comma-separated. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  partnerKey: string;

  /** The partner ids, comma-separated (empty: no partners). */
  @Column({ type: 'text' })
  partners: string;

  @Column({ type: 'int' })
  clients: number;
}
