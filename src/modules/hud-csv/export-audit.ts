import type { DataSource, EntityManager } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { AuditEvent } from '../audit/audit-event.entity';
import type { HudExportRequest, HudExportResult } from './export';

/** Client ids per READ event: the audit row's JSON column stays far below MariaDB's TEXT limit. */
const IDS_PER_EVENT = 4000;

const base = (access: AccessContext, requestId: string | null) => ({
  userId: access.userId,
  organizationId: access.organizationId,
  workgroupId: access.workgroupId,
  action: 'READ',
  operation: 'exportHudCsv',
  entityType: 'HudCsvExport',
  entityId: null,
  before: null,
  requestId,
});

/**
 * Written before the first byte leaves: who, in which context, which period and programs, and the
 * columns withheld. If it cannot be written, nothing is exported.
 */
export async function auditExportStarted(
  db: DataSource | EntityManager,
  access: AccessContext,
  requestId: string | null,
  exportId: string,
  request: HudExportRequest,
  withheldColumns: string[],
  via: 'http' | 'cli',
): Promise<void> {
  await db.getRepository(AuditEvent).insert({
    ...base(access, requestId),
    at: new Date(),
    clientIds: [],
    fields: [],
    after: { phase: 'started', via, exportId, ...request, withheldColumns } as Record<string, unknown>,
  } as never);
}

/**
 * Written when the stream has ended (or stopped): the rows per file, the withheld columns, and every
 * client exported, in READ events of at most IDS_PER_EVENT clients each.
 */
export async function auditExportEnded(
  db: DataSource | EntityManager,
  access: AccessContext,
  requestId: string | null,
  request: HudExportRequest,
  withheldColumns: string[],
  result: HudExportResult,
  outcome: 'completed' | 'stopped',
): Promise<void> {
  const ids = [...result.clientIds].sort((a, b) => a - b);
  const parts = Math.max(1, Math.ceil(ids.length / IDS_PER_EVENT));
  const rows = [];
  for (let i = 0; i < parts; i++)
    rows.push({
      ...base(access, requestId),
      at: new Date(),
      clientIds: ids.slice(i * IDS_PER_EVENT, (i + 1) * IDS_PER_EVENT),
      fields: [...result.fields].sort(),
      after: {
        phase: outcome,
        exportId: result.exportId,
        start: request.start,
        end: request.end,
        programIds: request.programIds,
        withheldColumns,
        counts: result.counts,
        part: i + 1,
        parts,
      },
    });
  for (let i = 0; i < rows.length; i += 50)
    await db.getRepository(AuditEvent).insert(rows.slice(i, i + 50) as never);
}
