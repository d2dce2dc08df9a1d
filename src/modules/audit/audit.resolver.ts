import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { AuditEvent } from './audit-event.entity';
import { listAuditEvents } from './audit-query.service';
import { AuditEventFilter } from './audit.inputs';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent', 'audit event');

/** Read-only by design: the API has no operation that changes or deletes an audit event. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      "The audit log, newest first (needs audit:read; an agency lead without it reads the events of the lead's own organizations' records and users). Values of records not visible to the active organization, and fields the reader may not read, are hidden (see hiddenFields). Append-only: nothing in the API changes or deletes an entry.",
  })
  auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions on the events.' })
    filter: AuditEventFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return listAuditEvents(ctx, filter, page);
  }
}
