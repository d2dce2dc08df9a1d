/**
 * Flagging an organization as a victim service provider after the fact (access model §4, issue
 * 10 leak 7): the VSP rules apply to what it already holds, in the same audited change. Every
 * transaction it owns becomes RESTRICTED and every client it owns restrict-intake, and the reach
 * of every client touched is refreshed, so nothing it held before stays shared. Clearing the flag
 * later changes no record.
 */
import type { EntityManager } from 'typeorm';
import { refreshClientReach } from '../../access/reach';
import { TRANSACTION_TABLES } from '../../access/visibility';

/** What flagging changed, for the audit event. */
export interface VspApplied {
  restrictedRecords: number;
  restrictIntakeClients: number;
}

/** Refreshing reach in slices keeps each statement's id list short for a large organization. */
const REACH_BATCH = 1000;

function ids(rows: Array<{ id: number | string }>): number[] {
  return rows.map((r) => Number(r.id));
}

/**
 * Applies the VSP rules to every record organization `organizationId` owns, deleted ones
 * included (a restore must not bring back a shared record). Call it inside the transaction that
 * sets the flag; versions are bumped so an edit from before the change answers CONFLICT.
 */
export async function applyVspRulesToHeldRecords(
  m: EntityManager,
  organizationId: number,
  userId: number,
): Promise<VspApplied> {
  const touched = new Set<number>();
  let restrictedRecords = 0;
  for (const table of TRANSACTION_TABLES) {
    const rows: Array<{ id: number | string; client_id: number | string }> = await m.query(
      `SELECT id, client_id FROM ${table} WHERE organization_id = ? AND restriction <> 'RESTRICTED'`,
      [organizationId],
    );
    if (!rows.length) continue;
    for (const r of rows) touched.add(Number(r.client_id));
    restrictedRecords += rows.length;
    await m.query(
      `UPDATE ${table} SET restriction = 'RESTRICTED', version = version + 1, updated_by_id = ?
        WHERE organization_id = ? AND restriction <> 'RESTRICTED'`,
      [userId, organizationId],
    );
  }
  const clients = ids(
    await m.query(`SELECT id FROM client WHERE organization_id = ? AND restrict_intake = 0`, [
      organizationId,
    ]),
  );
  if (clients.length)
    await m.query(
      `UPDATE client SET restrict_intake = 1, version = version + 1, updated_by_id = ?
        WHERE organization_id = ? AND restrict_intake = 0`,
      [userId, organizationId],
    );
  for (const id of clients) touched.add(id);
  const all = [...touched].sort((a, b) => a - b);
  for (let i = 0; i < all.length; i += REACH_BATCH)
    await refreshClientReach(m, all.slice(i, i + REACH_BATCH));
  return { restrictedRecords, restrictIntakeClients: clients.length };
}
