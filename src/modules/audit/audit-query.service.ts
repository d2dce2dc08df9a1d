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
import { AuditEvent } from './audit-event.entity';
import type { AuditEventFilter } from './audit.inputs';

/**
 * The audit log, newest first, keyset-paged on (at, id) so a page is an index range scan on
 * (at), (user_id, at) or (organization_id, at) however deep the reader pages. A client filter
 * uses audit_event_client's (client_id, audit_event_id) index for changes, and the stored id list
 * of READ events (narrow it with a date range on a large log).
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
    if (f.clientId != null) {
      // Changes index their client in audit_event_client; a READ event (one per request, written
      // in a single statement) keeps its clients only in the JSON list, e.g. [12,15,19].
      const clientId = id(f.clientId);
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM audit_event_client ec WHERE ec.audit_event_id = e.id AND ec.client_id = :clientId)
          OR (e.action = 'READ' AND (e.clientIds LIKE :only OR e.clientIds LIKE :head OR e.clientIds LIKE :mid OR e.clientIds LIKE :tail)))`,
        {
          clientId,
          only: `[${clientId}]`,
          head: `[${clientId},%`,
          mid: `%,${clientId},%`,
          tail: `%,${clientId}]`,
        },
      );
    }
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
