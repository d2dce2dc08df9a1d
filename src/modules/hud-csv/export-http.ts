/**
 * GET /exports/hud-csv?start=YYYY-MM-DD&end=YYYY-MM-DD[&programIds=1,2][&includeDeleted=true][&spreadsheetSafe=true]
 * with the bearer token: the HUD HMIS CSV FY2026 zip of the caller's active context (export.ts).
 * Refusals are coded JSON errors sent before any byte of the zip; the withheld columns are named in
 * the Waypoint-Withheld-Columns header (e.g. "Client.csv:SSN,Client.csv:DOB").
 */
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { sendError } from '../../http/errors';
import { Organization } from '../organization/organization.entity';
import { auditExportEnded, auditExportStarted } from './export-audit';
import { checkExportRequest, hudCsvExport, mayExportHudCsv, type HudExportRequest } from './export';

export const WITHHELD_HEADER = 'Waypoint-Withheld-Columns';

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const flag = (v: unknown) => one(v) === 'true' || one(v) === '1';

/** The request's parameters, or the words saying what is wrong with them. */
export function parseExportQuery(query: Request['query']): HudExportRequest | string {
  const start = one(query.start);
  const end = one(query.end);
  if (!start || !end) return 'start and end (YYYY-MM-DD) are required';
  const rawPrograms = one(query.programIds);
  const programIds = rawPrograms
    ? rawPrograms.split(',').map((p) => (/^\d+$/.test(p.trim()) ? Number(p) : NaN))
    : null;
  const request: HudExportRequest = {
    start,
    end,
    programIds,
    includeDeleted: flag(query.includeDeleted),
    spreadsheetSafe: flag(query.spreadsheetSafe),
  };
  return checkExportRequest(request) ?? request;
}

/** Streams the export to `res`, audited before the first byte and when it ends. */
export async function sendHudCsvExport(
  ds: DataSource,
  access: AccessContext | null,
  req: Request,
  res: Response,
  requestId: string,
): Promise<void> {
  if (!access) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in to export HUD CSV.');
  if (!access.ready)
    return sendError(res, 403, 'FORBIDDEN', 'Select a workgroup and organization before exporting HUD CSV.');
  if (!mayExportHudCsv(access))
    return sendError(
      res,
      403,
      'FORBIDDEN',
      'Your workgroup in this organization may not export HUD CSV: it needs the right to run reports or to administer setup.',
    );
  const parsed = parseExportQuery(req.query);
  if (typeof parsed === 'string') return sendError(res, 400, 'BAD_USER_INPUT', parsed);
  const org = await ds.getRepository(Organization).findOneByOrFail({ id: access.organizationId! });
  const exp = hudCsvExport(ds, access, parsed, { id: org.code, name: org.name });
  await auditExportStarted(ds, access, requestId, exp.exportId, parsed, exp.withheld, 'http');

  res.status(200);
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="hud-csv-${parsed.start}-${parsed.end}.zip"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Waypoint-Export-Id', exp.exportId);
  res.setHeader(WITHHELD_HEADER, exp.withheld.join(','));
  let closed = false;
  res.on('close', () => (closed = true));
  let outcome: 'completed' | 'stopped' = 'stopped';
  try {
    for await (const chunk of exp.stream) {
      if (closed) break;
      if (!res.write(chunk))
        await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    if (!closed) outcome = 'completed';
  } catch (err) {
    req.log?.error({ err }, 'HUD CSV export failed while streaming');
    res.destroy();
  } finally {
    await exp.stream.return(undefined);
    await auditExportEnded(ds, access, requestId, parsed, exp.withheld, exp.result, outcome).catch((err) =>
      req.log?.error({ err }, 'HUD CSV export: the closing audit event could not be written'),
    );
  }
  if (outcome === 'completed') res.end();
}
