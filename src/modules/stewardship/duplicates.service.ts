/**
 * The duplicate check (access model §11); the administrators' queue is duplicate-queue.service.ts.
 *
 * possibleDuplicates runs the same statements whatever it finds: the rate-limit count, one
 * candidate statement (blocking keys -> clients, each with its visibility and whether it is a
 * client of a victim service provider, computed in SQL) and one audit insert. Candidates the
 * caller cannot see are scored in memory and only counted; those of a victim service provider
 * are not even counted (VAWA).
 */
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { clientVisibility, TRANSACTION_TABLES } from '../../access/visibility';
import { hydrateAll } from '../../database/hydrate';
import { sqlTimestamp } from '../../database/sql-time';
import { appError, badInput } from '../../graphql/errors';
import { optionalText } from '../../graphql/validate';
import { AuditEvent } from '../audit/audit-event.entity';
import { Client } from '../client/client.entity';
import {
  LIKELY_DUPLICATE_SCORE,
  matchKeys,
  scoreMatch,
  type Identity,
  type MatchKey,
  type MatchReason,
} from './matcher';

export interface DuplicateCheckInput {
  firstName?: string | null;
  lastName?: string | null;
  dob?: string | null;
  ssn?: string | null;
}

export interface ScoredClient {
  client: Client;
  score: number;
  reasons: MatchReason[];
}

export interface DuplicateCheckValue {
  matches: ScoredClient[];
  hiddenMatches: number;
  message: string | null;
}

/** Candidates looked at per check at most (a blocking key shared by more is not a useful key). */
const MAX_CANDIDATES = 200;

export const HIDDEN_MATCH_MESSAGE =
  'A possible match exists that you cannot see. Contact your HMIS administrator to resolve it before creating a new client.';

/** SQL: the client `c` belongs to a victim service provider, or any record of it ever did. */
export function vspClientSql(c: string): string {
  const records = TRANSACTION_TABLES.map(
    (t) =>
      `EXISTS (SELECT 1 FROM ${t} vx JOIN organization vo ON vo.id = vx.organization_id WHERE vx.client_id = ${c}.id AND vo.victim_service_provider = 1)`,
  );
  return `(EXISTS (SELECT 1 FROM organization co WHERE co.id = ${c}.organization_id AND co.victim_service_provider = 1) OR ${records.join(' OR ')})`;
}

/** `(kind, value)` conditions of the blocking keys, for client_match_key `k`. */
function keyCondition(keys: MatchKey[]): { sql: string; params: string[] } {
  return {
    sql: keys.map(() => '(k.kind = ? AND k.value = ?)').join(' OR '),
    params: keys.flatMap((k) => [k.kind, k.value]),
  };
}

function identityOf(row: Record<string, unknown>): Identity {
  return {
    firstName: (row.first_name as string | null) ?? null,
    lastName: (row.last_name as string | null) ?? null,
    dob: row.dob === null || row.dob === undefined ? null : String(row.dob).slice(0, 10),
    ssn: (row.ssn as string | null) ?? null,
  };
}

function validIdentity(input: DuplicateCheckInput): Identity {
  const firstName = optionalText('input.firstName', input.firstName ?? null, 50);
  const lastName = optionalText('input.lastName', input.lastName ?? null, 50);
  const ssn = input.ssn ? input.ssn.replace(/-/g, '') : null;
  if (ssn !== null && !/^\d{9}$/.test(ssn)) throw badInput('input.ssn', 'must be nine digits');
  const dob = input.dob ?? null;
  return { firstName, lastName, dob, ssn };
}

export async function possibleDuplicates(
  ctx: RequestContext,
  input: DuplicateCheckInput,
): Promise<DuplicateCheckValue> {
  const access = readyAccess(ctx);
  const identity = validIdentity(input);
  // Matching on a field tells the caller its value: the same rule as the client search.
  if ((identity.firstName || identity.lastName) && !access.has('client.name:read'))
    throw appError('FORBIDDEN', 'Checking by name needs permission to read client names.');
  if (identity.dob && !access.has('client.dob:read'))
    throw appError('FORBIDDEN', 'Checking by date of birth needs permission to read dates of birth.');
  if (identity.ssn && !access.has('client.ssn:read'))
    throw appError('FORBIDDEN', 'Checking by SSN needs permission to read Social Security Numbers.');
  const keys = matchKeys(identity);
  if (keys.length === 0)
    throw badInput(
      'input',
      'give a first and last name, or a last name and date of birth, or an SSN to check for duplicates',
    );

  // Rate limit per user, counted from the audit log (shared by every server process; the
  // (user_id, at) index finds the last minute's rows). Read on the primary, where the checks
  // are written: a replica's lag would let a burst through.
  const since = sqlTimestamp(new Date(Date.now() - 60_000));
  const [{ n }] = await ctx.primary.query(
    `SELECT COUNT(*) AS n FROM audit_event WHERE user_id = ? AND at > ? AND operation = 'possibleDuplicates' AND entity_type = 'DuplicateCheck'`,
    [access.userId, since],
  );
  if (Number(n) >= ctx.config.duplicateChecksPerMinute)
    throw appError(
      'FORBIDDEN',
      `You have run ${ctx.config.duplicateChecksPerMinute} duplicate checks in the last minute; wait a minute and try again.`,
      { reason: 'RATE_LIMITED' },
    );

  const cond = keyCondition(keys);
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT c.*,
            CASE WHEN ${clientVisibility('c', access.scope)} THEN 1 ELSE 0 END AS visible_check,
            CASE WHEN ${vspClientSql('c')} THEN 1 ELSE 0 END AS vsp_check
       FROM client c
      WHERE c.date_deleted IS NULL
        AND c.id IN (SELECT k.client_id FROM client_match_key k WHERE ${cond.sql})
      ORDER BY c.id LIMIT ${MAX_CANDIDATES}`,
    cond.params,
  );
  const visibleRows: Record<string, unknown>[] = [];
  const scores = new Map<number, { score: number; reasons: MatchReason[] }>();
  let hiddenMatches = 0;
  for (const row of rows) {
    const result = scoreMatch(identity, identityOf(row));
    if (result.score < LIKELY_DUPLICATE_SCORE) continue;
    if (Number(row.visible_check) === 1) {
      visibleRows.push(row);
      scores.set(Number(row.id), result);
    } else if (Number(row.vsp_check) !== 1) {
      hiddenMatches += 1;
    }
  }
  const clients = hydrateAll(ctx.ds, Client, visibleRows);
  const matches = clients
    .map((client) => ({ client, ...(scores.get(client.id) as { score: number; reasons: MatchReason[] }) }))
    .sort((a, b) => b.score - a.score || a.client.id - b.client.id);
  for (const m of matches) {
    ctx.loaders.client.prime(m.client.id, m.client);
    ctx.reads.client(m.client.id);
  }
  // Audited whatever it found (the request's READ event names the clients shown); the hidden
  // count is not written down: the log must not hint at what the caller may not see.
  await ctx.primary.getRepository(AuditEvent).insert({
    at: new Date(),
    userId: access.userId,
    organizationId: access.organizationId,
    workgroupId: access.workgroupId,
    action: 'READ',
    operation: 'possibleDuplicates',
    // Its own entity type, so that a request merely named "possibleDuplicates" never counts.
    entityType: 'DuplicateCheck',
    entityId: null,
    clientIds: matches.map((m) => m.client.id),
    fields: Object.entries(identity)
      .filter(([, v]) => v)
      .map(([k]) => `check.${k}`)
      .sort(),
    before: null,
    after: null,
    requestId: ctx.requestId,
  });
  return {
    matches,
    hiddenMatches,
    message: hiddenMatches > 0 ? HIDDEN_MATCH_MESSAGE : null,
  };
}
