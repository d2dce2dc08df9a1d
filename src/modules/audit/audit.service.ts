import type { DataSource, EntityManager } from 'typeorm';
import { noteChange } from '../../database/transactions';
import type { RequestContext } from '../../graphql/context';
import { AuditEventClient } from './audit-event-client.entity';
import { AuditEvent } from './audit-event.entity';

/**
 * What an audit event records: a read of client-level data, a change (with before and after),
 * or a session event. Changes made by administrators use CREATE/UPDATE/DELETE too; the
 * operation name tells them apart (e.g. UPDATE by `deactivateUser`).
 */
export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'READ' | 'LOGIN' | 'LOGIN_FAILED' | 'LOGOUT';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'READ',
  'LOGIN',
  'LOGIN_FAILED',
  'LOGOUT',
];

/** Secrets never copied into the log, even as hashes: a dump of the log must not help an attacker. */
const REDACTED_KEYS = new Set(['passwordHash', 'tokenHash']);

/** Plain JSON copy of an entity for the before/after columns (dates as ISO strings, secrets left out). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
export function snapshot(record: object | null): Record<string, any> | null {
  if (!record) return null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
  const copy = JSON.parse(JSON.stringify(record)) as Record<string, any>;
  for (const key of REDACTED_KEYS) delete copy[key];
  return copy;
}

type Db = DataSource | EntityManager;

/** Inserts one event and its client rows (the indexed copy of `clientIds`, see AuditEventClient). */
async function insertEvent(db: Db, event: Omit<AuditEvent, 'id'>): Promise<number> {
  const result = await db.getRepository(AuditEvent).insert(event);
  const id = Number(result.identifiers[0].id);
  const clientIds = [...new Set(event.clientIds ?? [])];
  if (clientIds.length)
    await db
      .getRepository(AuditEventClient)
      .insert(clientIds.map((clientId) => ({ auditEventId: id, clientId })));
  return id;
}

/**
 * Appends one change to the audit log, in the caller's transaction (access model §6). It writes
 * the log only: a service that changes a client or one of its records also refreshes the
 * client's reach (access/reach/upkeep.ts) in the same transaction.
 */
export async function recordChange(
  m: EntityManager,
  ctx: Pick<RequestContext, 'access' | 'requestId'>,
  change: {
    action: AuditAction;
    operation: string;
    entityType: string;
    entityId: number;
    clientId: number | null;
    before: object | null;
    after: object | null;
    /** More clients the change is about (besides clientId). */
    clientIds?: number[];
  },
): Promise<void> {
  const clientIds = [...(change.clientId === null ? [] : [change.clientId]), ...(change.clientIds ?? [])];
  await insertEvent(m, {
    at: new Date(),
    userId: ctx.access?.userId ?? null,
    organizationId: ctx.access?.organizationId ?? null,
    workgroupId: ctx.access?.workgroupId ?? null,
    action: change.action,
    operation: change.operation,
    entityType: change.entityType,
    entityId: change.entityId,
    clientIds: clientIds.length ? clientIds : null,
    fields: null,
    before: snapshot(change.before),
    after: snapshot(change.after),
    requestId: ctx.requestId,
  });
  noteChange(change.entityType, change.entityId); // for an Idempotency-Key retry (database/transactions.ts)
}

/**
 * Records a session event (login, failed login, logout) for a user who may have no session
 * yet: the user and context are given explicitly rather than taken from `ctx.access`.
 */
export async function recordSessionEvent(
  db: Db,
  ctx: Pick<RequestContext, 'requestId'>,
  event: {
    action: 'LOGIN' | 'LOGIN_FAILED' | 'LOGOUT';
    userId: number;
    organizationId: number | null;
    workgroupId: number | null;
    details?: object;
  },
): Promise<void> {
  await insertEvent(db, {
    at: new Date(),
    userId: event.userId,
    organizationId: event.organizationId,
    workgroupId: event.workgroupId,
    action: event.action,
    operation: event.action === 'LOGOUT' ? 'logout' : 'login',
    entityType: 'User',
    entityId: event.userId,
    clientIds: null,
    fields: null,
    before: null,
    after: snapshot(event.details ?? null),
    requestId: ctx.requestId,
  });
}

/**
 * Writes the request's client-level reads as one audit event (access model §6): user, active
 * organization and workgroup, operation, client ids, sensitive fields, time and request id.
 * A request that resolved sensitive fields without naming a client (e.g. a mutation returning
 * the record it wrote) is logged too, so no read of a guarded field goes unrecorded.
 */
export async function flushReads(ctx: RequestContext, operation: string | null): Promise<void> {
  if (!ctx.access || (ctx.reads.empty && ctx.reads.fields.size === 0)) return;
  const access = ctx.access;
  // One statement per read request (no transaction, no audit_event_client rows): reads are the
  // hot path, and the audit query finds READ events of a client by their stored id list.
  // On the primary, even when the query read from a replica.
  await ctx.primary.getRepository(AuditEvent).insert({
    at: new Date(),
    userId: access.userId,
    organizationId: access.organizationId,
    workgroupId: access.workgroupId,
    action: 'READ',
    operation,
    entityType: 'Client',
    entityId: null,
    clientIds: [...ctx.reads.clientIds].sort((a, b) => a - b),
    fields: [...ctx.reads.fields].sort(),
    before: null,
    after: null,
    requestId: ctx.requestId,
  });
}
