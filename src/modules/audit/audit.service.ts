import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { AuditEvent } from './audit-event.entity';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'READ';

/** Plain JSON copy of an entity for the before/after columns (dates as ISO strings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
export function snapshot(record: object | null): Record<string, any> | null {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON snapshot
  return record ? (JSON.parse(JSON.stringify(record)) as Record<string, any>) : null;
}

/** Appends one change to the audit log, in the caller's transaction (access model §6). */
export async function recordChange(
  m: EntityManager,
  ctx: RequestContext,
  change: { action: AuditAction; operation: string; entityType: string; entityId: number; clientId: number | null; before: object | null; after: object | null },
): Promise<void> {
  await m.insert(AuditEvent, {
    at: new Date(),
    userId: ctx.access?.userId ?? null,
    organizationId: ctx.access?.organizationId ?? null,
    workgroupId: ctx.access?.workgroupId ?? null,
    action: change.action,
    operation: change.operation,
    entityType: change.entityType,
    entityId: change.entityId,
    clientIds: change.clientId === null ? null : [change.clientId],
    fields: null,
    before: snapshot(change.before),
    after: snapshot(change.after),
    requestId: ctx.requestId,
  });
}

/** Writes the request's client-level reads as one audit event (one statement per request). */
export async function flushReads(ctx: RequestContext, operation: string | null): Promise<void> {
  if (ctx.reads.empty || !ctx.access) return;
  await ctx.ds.getRepository(AuditEvent).insert({
    at: new Date(),
    userId: ctx.access.userId,
    organizationId: ctx.access.organizationId,
    workgroupId: ctx.access.workgroupId,
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
