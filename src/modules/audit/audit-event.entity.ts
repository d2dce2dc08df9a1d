import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTime } from '../../graphql/scalars';

/** The kinds of audit event, as a GraphQL enum (the column holds the same strings). */
export enum AuditActionEnum {
  READ = 'READ',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  LOGIN = 'LOGIN',
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOGOUT = 'LOGOUT',
}

registerEnumType(AuditActionEnum, {
  name: 'AuditAction',
  description: 'What an audit event records.',
  valuesConfig: {
    READ: {
      description:
        'Client-level data was read: the clients and the sensitive fields resolved by one request.',
    },
    CREATE: { description: 'A record was created (after holds it).' },
    UPDATE: {
      description:
        'A record was changed (before and after hold it), including user lifecycle changes such as deactivateUser.',
    },
    DELETE: { description: 'A record was (soft) deleted (before holds it).' },
    LOGIN: { description: 'A user logged in.' },
    LOGIN_FAILED: {
      description: 'A login for an existing user failed (wrong password, locked, inactive or deactivated).',
    },
    LOGOUT: { description: 'A user ended a session.' },
  },
});

/**
 * One audit log entry: a read of client-level data or a change with its before and after
 * values. Append-only: nothing in the API updates or deletes these rows.
 */
@ObjectType('AuditEvent', {
  description:
    'One entry of the append-only audit log (docs/access-model.md, "Seen and changed"): a read of client-level data, a change with its values before and after, or a session event.',
})
@Entity()
@Index(['at'])
@Index(['userId', 'at'])
@Index(['organizationId', 'at'])
export class AuditEvent {
  @Field(() => ID, { description: 'Waypoint identifier; increases with time.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => DateTime, { description: 'When it happened.' })
  @Column({ type: 'datetime' })
  at: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The user who acted (null for system jobs such as users:sweep).',
  })
  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Field(() => Int, { nullable: true, description: 'The active organization of the session at the time.' })
  @Column({ type: 'int', nullable: true })
  organizationId: number | null;

  @Field(() => Int, { nullable: true, description: 'The active workgroup of the session at the time.' })
  @Column({ type: 'int', nullable: true })
  workgroupId: number | null;

  /** READ, CREATE, UPDATE, DELETE, LOGIN, ... */
  @Field(() => AuditActionEnum, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Field(() => String, {
    nullable: true,
    description: 'The GraphQL operation (or job) that did it, e.g. createEnrollment or deactivateUser.',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  operation: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The type of the record changed, e.g. Enrollment or User.',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  entityType: string | null;

  @Field(() => Int, { nullable: true, description: 'The id of the record changed.' })
  @Column({ type: 'int', nullable: true })
  entityId: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'The clients the event is about (for READ: every client the request resolved).',
  })
  @Column({ type: 'simple-json', nullable: true })
  clientIds: number[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'READ: the sensitive fields resolved, as "Type.field" (e.g. Client.ssn).',
  })
  @Column({ type: 'simple-json', nullable: true })
  fields: string[] | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The record before the change (secrets such as password hashes are never logged). Values the reader may not read are null and named in hiddenFields.',
  })
  @Column({ type: 'simple-json', nullable: true })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
  before: Record<string, any> | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The record after the change, or details of a session event. Values the reader may not read are null and named in hiddenFields.',
  })
  @Column({ type: 'simple-json', nullable: true })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
  after: Record<string, any> | null;

  /**
   * Not stored: filled when the event is read (audit-query.service.ts through read-policy.ts).
   */
  @Field(() => [String], {
    description:
      "Keys of before and after whose values are hidden from the reader (shown as null): every key when the record is not visible to the reader's active organization, otherwise the guarded fields the reader may not read (see “Seen and changed” in the access model docs).",
  })
  hiddenFields?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The request id (x-request-id header) of the request that did it, to match server logs.',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
