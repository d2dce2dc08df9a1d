import { Field, ID, InputType } from 'type-graphql';
import { DateTime } from '../../graphql/scalars';
import { AuditActionEnum } from './audit-event.entity';

@InputType({ description: 'Which audit events to list; every condition given must hold.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only events of this user (who acted).' })
  userId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only events about this client (reads that resolved it, changes to its records).',
  })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events in this active organization.' })
  organizationId?: string | null;

  @Field(() => AuditActionEnum, { nullable: true, description: 'Only events of this kind.' })
  action?: AuditActionEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only events of this operation, e.g. "deactivateUser".',
  })
  operation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only changes to records of this type, e.g. "Enrollment".',
  })
  entityType?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only changes to the record with this id (use with entityType).',
  })
  entityId?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Only events at or after this time.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Only events at or before this time.' })
  to?: Date | null;
}
