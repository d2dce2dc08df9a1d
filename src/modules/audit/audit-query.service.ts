import { readyAccess } from '../../graphql/context';
import { policeValues, visibleIds } from '../../access/read-policy';
import { RECORD_TYPES, recordType } from '../../access/record-types';
import { sqlTimestamp } from '../../database/sql-time';
import {
  decodeCursor,
  pageSize,
  parseId,
  toConnection,
  type ConnectionValue,
} from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventFilter } from './audit.inputs';
import type { SelectQueryBuilder } from 'typeorm';

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

  const access = readyAccess(ctx);
  // Without audit:read, an agency lead (the shield let nobody else through) reads the events
  // of the lead's own organizations' records and users (§6).
  const lead = access.has('audit:read')
    ? null
    : access.facts.assignments.filter((a) => a.agencyLead).map((a) => a.organizationId);
  if (lead && lead.length === 0) throw appError('FORBIDDEN', 'Reading the audit log needs audit:read.');
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
    if (lead) leadScope(qb, lead);
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
  await policeEventValues(ctx, rows);
  return toConnection(
    rows,
    first,
    (e) => [sqlTimestamp(e.at), e.id],
    () => base().getCount(),
  );
}

/**
 * Before and after values only for records visible to the reader's active organization, and
 * only the fields the reader may read; the rest is replaced by null and named in hiddenFields
 * (access model §6). Who, when, operation, record type and id stay. One visibility query per
 * record type on the page. Values shown are not added to the read audit: the audit log is read
 * through audit:read, and recording each page of it would make the log describe itself.
 */
async function policeEventValues(ctx: RequestContext, events: AuditEvent[]): Promise<void> {
  const access = readyAccess(ctx);
  const idsByType = new Map<string, number[]>();
  for (const e of events) {
    if (e.entityType && e.entityId !== null && (e.before || e.after))
      idsByType.set(e.entityType, [...(idsByType.get(e.entityType) ?? []), e.entityId]);
  }
  const visible = new Map<string, Set<number>>();
  for (const [typeName, ids] of idsByType) {
    const type = recordType(typeName);
    // Setup records (users, workgroups, releases, ...) are not client-level: their values stay.
    if (type) visible.set(typeName, await visibleIds(ctx.ds, access, type, ids, { includeDeleted: true }));
  }
  for (const e of events) {
    const type = e.entityType ? recordType(e.entityType) : undefined;
    const isVisible =
      !type || (e.entityId !== null && (visible.get(type.typeName)?.has(e.entityId) ?? false));
    const before = policeValues(access, type, e.before, isVisible);
    const after = policeValues(access, type, e.after, isVisible);
    e.before = before.values;
    e.after = after.values;
    e.hiddenFields = [...new Set([...before.hiddenFields, ...after.hiddenFields])].sort();
  }
}

/**
 * An agency lead's part of the log: events about a record owned by one of the lead's
 * organizations (any record type of the registry with an owner, and the organizations
 * themselves), events about a user assigned to one of them (logins included), and what users
 * assigned there did while working for one of them (their reads, for instance).
 */
function leadScope(qb: SelectQueryBuilder<AuditEvent>, orgIds: number[]): void {
  const orgs = orgIds.map((o) => String(Math.trunc(o))).join(', ');
  const users = `SELECT la.user_id FROM org_assignment la WHERE la.organization_id IN (${orgs})`;
  const owned = RECORD_TYPES.filter((t) => t.kind !== 'setup' || t.typeName === 'Program').map(
    (t) =>
      `(e.entityType = '${t.typeName}' AND EXISTS (SELECT 1 FROM ${t.table} lx WHERE lx.id = e.entityId AND lx.organization_id IN (${orgs})))`,
  );
  qb.andWhere(
    `(${[
      ...owned,
      `(e.entityType = 'Organization' AND e.entityId IN (${orgs}))`,
      `(e.entityType = 'User' AND e.entityId IN (${users}))`,
      `(e.organizationId IN (${orgs}) AND e.userId IN (${users}))`,
    ].join(' OR ')})`,
  );
}
