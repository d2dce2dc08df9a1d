/**
 * The one place that decides which rows a caller may see (access model §3), as SQL.
 *
 * Every list, count, lookup, nested relation and DataLoader batch adds these predicates to its
 * WHERE clause, so nothing is fetched and then filtered, and `totalCount` and cursors only
 * ever see visible rows. The predicates inline only values that are validated here (integer
 * ids, an ISO date), so the same text works in a QueryBuilder and in raw SQL, on MySQL and
 * SQLite alike.
 */

import { TRANSACTION_TABLES } from './record-types';
import { programVisibleSql, releaseExceptionSql, sharedByReleasesSql } from './sharing-rules';

/** What visibility depends on: the active organization, who shares with it today, and today. */
export interface VisibilityScope {
  /** The active organization A. */
  organizationId: number;
  /** Organizations O with a share O -> A in an information release active today (never a VSP). */
  sharingOrganizationIds: readonly number[];
  /** Today, `YYYY-MM-DD`, in the server's time zone. */
  today: string;
}

/** The shares into an organization today (sharing-rules.ts, rule 1): the session's sharing list and reach counts. */
export { activeSharesJoin } from './sharing-rules';

/** Tables holding transactions, each with client_id, organization_id, restriction, date_deleted (record-types.ts). */
export { TRANSACTION_TABLES } from './record-types';

export type TransactionTable = string;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return name;
}

function id(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer id: ${value}`);
  return String(value);
}

function parts(scope: VisibilityScope) {
  if (!ISO_DATE.test(scope.today)) throw new Error(`not an ISO date: ${scope.today}`);
  return {
    org: id(scope.organizationId),
    today: `'${scope.today}'`,
    shares: scope.sharingOrganizationIds.length ? scope.sharingOrganizationIds.map(id).join(', ') : null,
  };
}

/** An active release exception releasing client `clientColumn` to the active organization (sharing-rules.ts). */
function releaseException(clientColumn: string, org: string, today: string): string {
  return releaseExceptionSql(clientColumn, org, today);
}

/**
 * Transaction T visible to A: A owns it, or it is UNRESTRICTED and its owner shares with A
 * through an active release, or an active release exception releases its client to A.
 * A RESTRICTED transaction never leaves its owner.
 */
export function transactionVisibility(alias: string, scope: VisibilityScope): string {
  const a = identifier(alias);
  const { org, today, shares } = parts(scope);
  const shared = [
    shares && `${a}.organization_id IN (${shares})`,
    releaseException(`${a}.client_id`, org, today),
  ].filter(Boolean);
  return `(${a}.date_deleted IS NULL AND (${a}.organization_id = ${org} OR (${a}.restriction = 'UNRESTRICTED' AND (${shared.join(' OR ')}))))`;
}

/**
 * Client C visible to A: A owns C, or A owns a transaction of C, or an active release exception
 * releases C to A; or, unless C is restrict-intake, C's owner shares with A or one of C's
 * transactions is shared with A.
 */
export function clientVisibility(alias: string, scope: VisibilityScope): string {
  const c = identifier(alias);
  const { org, today, shares } = parts(scope);
  const heldTransaction = (table: TransactionTable) => {
    const x = `vx_${table}`;
    const sharedToA = shares
      ? ` OR (${sharedByReleasesSql(c)} AND ${x}.restriction = 'UNRESTRICTED' AND ${x}.organization_id IN (${shares}))`
      : '';
    return `EXISTS (SELECT 1 FROM ${table} ${x} WHERE ${x}.client_id = ${c}.id AND ${x}.date_deleted IS NULL AND (${x}.organization_id = ${org}${sharedToA}))`;
  };
  const branches = [
    `${c}.organization_id = ${org}`,
    shares && `(${sharedByReleasesSql(c)} AND ${c}.organization_id IN (${shares}))`,
    releaseException(`${c}.id`, org, today),
    ...TRANSACTION_TABLES.map(heldTransaction),
  ].filter(Boolean);
  return `(${c}.date_deleted IS NULL AND (${branches.join(' OR ')}))`;
}

/** Programs visible to A: its own, and those of organizations sharing with A today (read-only). */
export function programVisibility(alias: string, scope: VisibilityScope): string {
  const { org, shares } = parts(scope);
  return programVisibleSql(identifier(alias), org, shares);
}

/**
 * Whether reach set `setColumn` makes its clients visible to A: A holds them, or an organization
 * sharing with A today shares them (reach/model.ts). A scalar subquery on purpose: it is evaluated per
 * row with point lookups on the (organization, role, set) key and cached per set, where an IN
 * subquery would be materialized in full for every statement.
 */
function reachSetVisible(setColumn: string, org: string, shares: string | null): string {
  return `(SELECT COUNT(*) FROM reach_set_organization vm WHERE vm.reach_set_id = ${setColumn} AND ${reachRoleVisible('vm', org, shares)}) > 0`;
}

/** A reach_set_organization row (alias `m`) that makes its set visible to A: A holds, a partner shares. */
function reachRoleVisible(m: string, org: string, shares: string | null): string {
  const shared = shares ? ` OR (${m}.organization_id IN (${shares}) AND ${m}.role = 'SHARES')` : '';
  return `((${m}.organization_id = ${org} AND ${m}.role = 'HOLDS')${shared})`;
}

/**
 * Client C visible to A, decided from C's reach (client_reach joined as `reachAlias`) and the
 * release exceptions: the same answer as clientVisibility while the reach is current (reach/upkeep.ts
 * keeps it so), at the cost of two index lookups per row instead of one per visibility branch.
 * Lists walk the clients with it and re-check the rows they return with clientVisibility.
 */
export function clientReachVisibility(alias: string, reachAlias: string, scope: VisibilityScope): string {
  const c = identifier(alias);
  const cr = identifier(reachAlias);
  const { org, today, shares } = parts(scope);
  return `(${c}.date_deleted IS NULL AND (${reachSetVisible(`${cr}.reach_set_id`, org, shares)} OR ${releaseException(`${c}.id`, org, today)}))`;
}

/**
 * The reach sets that make their clients visible to A (with their client counts), for summing
 * when an organization's count for a new set of partners is summed (reach/counts.ts).
 */
export function visibleReachSetsSql(scope: VisibilityScope): string {
  const { org, shares } = parts(scope);
  return `SELECT rs.id, rs.clients FROM reach_set_organization vm JOIN reach_set rs ON rs.id = vm.reach_set_id
   WHERE ${reachRoleVisible('vm', org, shares)}`;
}

/** Clients released to A by a release exception today and not already visible through their reach. */
export function releasedOnlyCountSql(scope: VisibilityScope): string {
  const { org, today, shares } = parts(scope);
  return `SELECT COUNT(DISTINCT rx.client_id) FROM release_exception rx JOIN client_reach rxr ON rxr.client_id = rx.client_id
   WHERE rx.organization_id = ${org} AND rx.valid_through >= ${today} AND rxr.reach_set_id IS NOT NULL
     AND NOT (${reachSetVisible('rxr.reach_set_id', org, shares)})`;
}
