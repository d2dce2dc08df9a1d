/**
 * The administrators' duplicate queue (access model §11): pairs of live clients, both visible to
 * the active organization, that share a blocking key (client_match_key), scored in TypeScript,
 * read a page at a time.
 *
 * The queue is walked in client-id order: a pair (a, b) with a < b comes at a's place, its pairs
 * ordered by b, so a pair is shown once and its cursor is two client ids (a cursor never names a
 * blocking key). A page costs four statements whatever the number of clients or pages:
 *
 * 1. the window: among the next SCAN_IDS client ids from the cursor, the first `first + 1`
 *    clients visible to the caller (by their reach, as the client list walks them, re-checked
 *    with the full predicate) that share a key with a later client, each with how many key rows
 *    it shares;
 * 2. whether any client lies beyond the scanned ids (the largest id);
 * 3. the candidate pairs of the first window clients, up to a budget of shared key rows, with the
 *    later client's visibility and both clients' identifying fields;
 * 4. the page's clients, through the client loader (which records the read audit).
 *
 * So a page reads a bounded number of clients and pairs, however large the queue or few the
 * clients the caller sees. A page can come back with fewer than `first` pairs (even none) while
 * `hasNextPage` is true: candidates scoring below the likely-duplicate threshold or whose partner
 * is hidden are skipped, and the scan stops at its bounds rather than read on.
 */
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { clientReachVisibility, clientVisibility } from '../../access/visibility';
import { decodeCursor, encodeCursor } from '../../graphql/connection';
import { badInput } from '../../graphql/errors';
import { Client } from '../client/client.entity';
import { LIKELY_DUPLICATE_SCORE, scoreMatch, type Identity, type MatchReason } from './matcher';

export interface DuplicatePairValue {
  first: Client;
  second: Client;
  score: number;
  reasons: MatchReason[];
}

export interface DuplicateQueuePage {
  edges: Array<{ cursor: string; node: DuplicatePairValue }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: false;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export const MAX_QUEUE_PAGE = 200;
export const DEFAULT_QUEUE_PAGE = 50;

/** Candidate key rows a page reads at most (beyond its first window client): four per pair asked for. */
const CANDIDATES_PER_PAIR = 4;
const MIN_CANDIDATES = 100;

/** Client ids a page's window looks at most (not all of them are visible or have a partner). */
const SCAN_IDS = 10_000;

/** "After every pair of this client": larger than any client id. */
const PAST_CLIENT = 2147483647;

/** Validates `first` of the queue (1..200). */
export function queuePageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_QUEUE_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_QUEUE_PAGE)
    throw badInput('first', `must be between 1 and ${MAX_QUEUE_PAGE}`);
  return first;
}

/** SQL: key rows of client `c` shared with a later client (alias prefix keeps subqueries apart). */
function sharedLaterKeys(c: string, p: string): string {
  return `FROM client_match_key ${p}k JOIN client_match_key ${p}o
            ON ${p}o.kind = ${p}k.kind AND ${p}o.value = ${p}k.value AND ${p}o.client_id > ${p}k.client_id
         WHERE ${p}k.client_id = ${c}.id`;
}

const IDENTITY = ['first_name', 'last_name', 'dob', 'ssn'] as const;

function identityOf(row: Record<string, unknown>, side: 'a' | 'b'): Identity {
  const dob = row[`${side}_dob`];
  return {
    firstName: (row[`${side}_first_name`] as string | null) ?? null,
    lastName: (row[`${side}_last_name`] as string | null) ?? null,
    dob: dob === null || dob === undefined ? null : String(dob).slice(0, 10),
    ssn: (row[`${side}_ssn`] as string | null) ?? null,
  };
}

/**
 * One page of the duplicate queue after `after` (the endCursor of the previous page, or a pair's
 * cursor). See the file comment for what a page costs and why it may be short.
 */
export async function duplicateQueue(
  ctx: RequestContext,
  first: number,
  after: string | null | undefined,
): Promise<DuplicateQueuePage> {
  const access = readyAccess(ctx);
  const cursor = decodeCursor(after, ['number', 'number']) as [number, number] | null;
  if (cursor && (cursor[0] < 0 || cursor[1] < 0)) throw badInput('after', 'is not a cursor from this list');
  const [fromA, fromB] = cursor ?? [0, 0];
  // The window starts at the cursor's client unless the cursor is past all its pairs.
  const windowStart = fromB >= PAST_CLIENT ? fromA + 1 : fromA;

  // 1. The window, by reach (two index lookups a client); EXISTS is a few index probes more.
  const scanEnd = windowStart + SCAN_IDS;
  const window: Array<{ id: number | string; shared: number | string; visible_check: number | string }> =
    await ctx.ds.query(
      `SELECT c.id, (SELECT COUNT(*) ${sharedLaterKeys('c', 'n')}) AS shared,
              CASE WHEN ${clientVisibility('c', access.scope)} THEN 1 ELSE 0 END AS visible_check
         FROM client c JOIN client_reach cr ON cr.client_id = c.id
        WHERE c.id >= ? AND c.id < ? AND ${clientReachVisibility('c', 'cr', access.scope)}
          AND EXISTS (SELECT 1 ${sharedLaterKeys('c', 'e')})
        ORDER BY c.id LIMIT ${first + 1}`,
      [windowStart, scanEnd],
    );
  // 2. Whether clients lie beyond the scanned ids.
  const [{ lastId }] = await ctx.ds.query(`SELECT MAX(id) AS lastId FROM client`);
  const stale = window.filter((w) => Number(w.visible_check) !== 1);
  if (stale.length)
    ctx.log.error(
      { clientIds: stale.map((w) => Number(w.id)) },
      'client reach out of date: clients left out of the duplicate queue; run npm run db:reach -- check',
    );
  // Window clients are taken in order until `first` of them or the candidate budget (at least one).
  const budget = Math.max(MIN_CANDIDATES, CANDIDATES_PER_PAIR * first);
  const ids: number[] = [];
  let candidates = 0;
  let taken = 0;
  for (const w of window.slice(0, first)) {
    if (ids.length > 0 && candidates + Number(w.shared) > budget) break;
    taken += 1;
    if (Number(w.visible_check) !== 1) continue;
    ids.push(Number(w.id));
    candidates += Number(w.shared);
  }
  // Where this page's scan of clients ends: at its last window client taken, or at the scan's end.
  const rangeDone = taken === window.length;
  const scannedTo = rangeDone ? scanEnd - 1 : Number(window[taken - 1].id);
  const moreClients = !rangeDone || scanEnd <= Number(lastId ?? 0);

  // 3. The candidate pairs of those clients, the later client visible (the earlier one is, by the window).
  const columns = IDENTITY.map((f) => `c1.${f} AS a_${f}, c2.${f} AS b_${f}`).join(', ');
  const rows: Array<Record<string, unknown>> = ids.length
    ? await ctx.ds.query(
        `SELECT p.a, p.b, ${columns}
           FROM (SELECT DISTINCT k1.client_id AS a, k2.client_id AS b
                   FROM client_match_key k1
                   JOIN client_match_key k2
                     ON k2.kind = k1.kind AND k2.value = k1.value AND k2.client_id > k1.client_id
                  WHERE k1.client_id IN (${ids.join(', ')})
                    AND (k1.client_id > ? OR k2.client_id > ?)) p
           JOIN client c1 ON c1.id = p.a
           JOIN client c2 ON c2.id = p.b
          WHERE ${clientVisibility('c2', access.scope)}
          ORDER BY p.a, p.b`,
        [fromA, fromB],
      )
    : [];

  const found: Array<{ a: number; b: number; score: number; reasons: MatchReason[] }> = [];
  let moreFound = false;
  for (const row of rows) {
    const result = scoreMatch(identityOf(row, 'a'), identityOf(row, 'b'));
    if (result.score < LIKELY_DUPLICATE_SCORE) continue;
    if (found.length === first) {
      moreFound = true;
      break;
    }
    found.push({ a: Number(row.a), b: Number(row.b), ...result });
  }

  // 4. The page's clients (the loader records them for the read audit).
  const pageIds = [...new Set(found.flatMap((f) => [f.a, f.b]))];
  const clients = pageIds.length ? await ctx.loaders.client.loadMany(pageIds) : [];
  const byId = new Map<number, Client>();
  for (const c of clients) if (c instanceof Client) byId.set(c.id, c);
  const edges: DuplicateQueuePage['edges'] = [];
  for (const f of found) {
    const a = byId.get(f.a);
    const b = byId.get(f.b);
    // Both were visible a statement ago; a client deleted or moved meanwhile is left out.
    if (!a || !b) continue;
    edges.push({
      cursor: encodeCursor([f.a, f.b]),
      node: { first: a, second: b, score: f.score, reasons: f.reasons },
    });
  }

  // A full page reads on after its last pair; a short one after the clients it scanned.
  const lastPair = found[found.length - 1];
  const endCursor =
    found.length === first ? encodeCursor([lastPair.a, lastPair.b]) : encodeCursor([scannedTo, PAST_CLIENT]);
  return {
    edges,
    pageInfo: {
      hasNextPage: moreFound || moreClients,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor,
    },
  };
}

/**
 * The first page of the queue, most alike first: the answer of the older list field
 * `duplicateCandidates`, kept for callers that do not page.
 */
export async function duplicateCandidates(ctx: RequestContext, first: number): Promise<DuplicatePairValue[]> {
  const limit = Math.max(1, Math.min(Math.trunc(first || DEFAULT_QUEUE_PAGE), MAX_QUEUE_PAGE));
  const page = await duplicateQueue(ctx, limit, null);
  return page.edges
    .map((e) => e.node)
    .sort((x, y) => y.score - x.score || x.first.id - y.first.id || x.second.id - y.second.id);
}
