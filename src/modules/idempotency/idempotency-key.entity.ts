import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A record a keyed mutation changed, named by its entity (audit entityType) and id. */
export interface ChangedRecord {
  type: string;
  id: number;
}

/**
 * What the keyed mutation's write returned, so a retry can answer without running it again:
 * `ref` points into `records` (the record is loaded again under the retrying session), `value`
 * is a plain scalar (e.g. `true` of a delete). Never a copy of the response.
 */
export type StoredResult = { ref: ChangedRecord } | { value: string | number | boolean | null };

/**
 * One Idempotency-Key a user sent with a mutation that changed something, stored in the same
 * transaction as the change: the primary key (user, key) lets exactly one of concurrent
 * duplicates commit. Not exposed through GraphQL.
 */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKey {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  /** The header's value (column `request_key`: KEY is a reserved word in MySQL). */
  @PrimaryColumn({ name: 'request_key', type: 'varchar', length: 200 })
  key: string;

  /** SHA-256 (hex) of the operation text, operation name and variables. */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  /** The records the mutation changed (JSON list of ChangedRecord). */
  @Column({ type: 'simple-json' })
  records: ChangedRecord[];

  /** What the write returned (JSON StoredResult). */
  @Column({ type: 'simple-json' })
  result: StoredResult;

  @Index()
  @Column({ type: 'datetime' })
  createdAt: Date;
}
