import { registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ReferralResult } from '../../hud';
import { TransactionRecord } from '../transaction/owned-record.base';

export enum ReferralStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'Where a coordinated entry referral stands.',
  valuesConfig: {
    PENDING: { description: 'Sent; the receiving program has not answered.' },
    ACCEPTED: { description: 'The receiving program accepted it (HUD 4.20.D 1).' },
    REJECTED: { description: 'The receiving program or the client declined it (HUD 4.20.D 2 or 3).' },
    WITHDRAWN: { description: 'The referring organization withdrew it.' },
  },
});

/**
 * A coordinated entry referral of a client on the priority list to a program (§9). Owned by the
 * referring organization and always RESTRICTED, so the transaction rules show it to its owner only;
 * the receiving organization sees it by its own rule (receivingOrganizationId).
 */
@Entity()
@Index(['receivingOrganizationId', 'status'])
@Index(['clientId', 'organizationId', 'restriction'])
export class Referral extends TransactionRecord {
  @Index()
  @Column()
  entryId: number;

  @Column()
  programId: number;

  @Column()
  receivingOrganizationId: number;

  @Column()
  assessmentId: number;

  /** The HUD 4.20 event recorded with it, in the client's CE enrollment. */
  @Column()
  ceEventId: number;

  @Column({ type: 'date' })
  referralDate: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReferralStatus;

  @Column({ type: 'boolean' })
  consent: boolean;

  /** The release exception the consent created, if any. */
  @Column({ type: 'int', nullable: true })
  releaseExceptionId: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ type: 'smallint', nullable: true })
  referralResult: ReferralResult | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  closeReason: string | null;

  @Column({ type: 'date', nullable: true })
  closedDate: string | null;
}
