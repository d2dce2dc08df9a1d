import { sqlTimestamp } from '../../database/sql-time';
import {
  decodeCursor,
  pageSize,
  parseId,
  toConnection,
  type ConnectionValue,
} from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { AuditEventClient } from './audit-event-client.entity';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventFilter } from './audit.inputs';

/**
 * The audit log, newest first, keyset-paged on (at, id) so a page is an index range scan on
 * (at), (user_id, at) or (organization_id, at) however deep the reader pages. A client filter
 * joins audit_event_client on its (client_id, audit_event_id) index.
 */
export async function listAuditEvents(
  ctx: RequestContext,
  filter: AuditEventFilter | null | undefined,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionValue<AuditEvent>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'number']);
  const f = filter ?? {};
  if (f.from && f.to && f.from.getTime() > f.to.getTime())
    throw badInput('filter.from', 'is after filter.to');

  const base = () => {
    const qb = ctx.ds.getRepository(AuditEvent).createQueryBuilder('e');
    // An id that cannot exist matches nothing rather than being an error, like any other filter.
    const id = (value: string) => parseId(value) ?? -1;
    if (f.clientId != null)
      qb.innerJoin(AuditEventClient, 'ec', 'ec.auditEventId = e.id AND ec.clientId = :clientId', {
        clientId: id(f.clientId),
      });
    if (f.userId != null) qb.andWhere('e.userId = :userId', { userId: id(f.userId) });
    if (f.organizationId != null)
      qb.andWhere('e.organizationId = :organizationId', { organizationId: id(f.organizationId) });
    if (f.action != null) qb.andWhere('e.action = :action', { action: f.action });
    if (f.operation != null) qb.andWhere('e.operation = :operation', { operation: f.operation });
    if (f.entityType != null) qb.andWhere('e.entityType = :entityType', { entityType: f.entityType });
    if (f.entityId != null) qb.andWhere('e.entityId = :entityId', { entityId: id(f.entityId) });
    // Timestamps as text in the one form both engines compare correctly (see sql-time.ts).
    if (f.from) qb.andWhere('e.at >= :from', { from: sqlTimestamp(f.from) });
    if (f.to) qb.andWhere('e.at <= :to', { to: sqlTimestamp(f.to) });
    return qb;
  };

  const page = base();
  if (after)
    page.andWhere('(e.at < :afterAt OR (e.at = :afterAt AND e.id < :afterId))', {
      afterAt: after[0],
      afterId: after[1],
    });
  const rows = await page
    .orderBy('e.at', 'DESC')
    .addOrderBy('e.id', 'DESC')
    .limit(first + 1)
    .getMany();
  return toConnection(
    rows,
    first,
    (e) => [sqlTimestamp(e.at), e.id],
    () => base().getCount(),
  );
}
