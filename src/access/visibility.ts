/**
 * The one place that decides which rows a caller may see (access model §3), as SQL.
 *
 * Every list, count, lookup, nested relation and DataLoader batch adds these predicates to its
 * WHERE clause, so nothing is fetched and then filtered, and `totalCount` and cursors only
 * ever see visible rows. The predicates inline only values that are validated here (integer
 * ids, an ISO date), so the same text works in a QueryBuilder and in raw SQL, on MySQL and
 * SQLite alike.
 */

/** What visibility depends on: the active organization, who shares with it today, and today. */
export interface VisibilityScope {
  /** The active organization A. */
  organizationId: number;
  /** Organizations O with a share O -> A in an information release active today (never a VSP). */
  sharingOrganizationIds: readonly number[];
  /** Today, `YYYY-MM-DD`, in the server's time zone. */
  today: string;
}

/**
 * The joins to the shares into the organization in `toColumn` from a release active on the day
 * bound to its two `?` placeholders, never from a victim service provider: who shares with whom
 * today (§3). `sh.from_organization_id` is the sharing organization. The session's sharing list
 * (load-access.ts) and the reach counts (reach.ts) both use it.
 */
export function activeSharesJoin(toColumn: string): string {
  return `JOIN information_release_share sh ON sh.to_organization_id = ${identifierPath(toColumn)}
      JOIN information_release r ON r.id = sh.release_id AND r.start_date <= ? AND (r.end_date IS NULL OR r.end_date >= ?)
      JOIN organization shf ON shf.id = sh.from_organization_id AND shf.victim_service_provider = 0`;
}

/** Tables holding transactions, each with client_id, organization_id, restriction, date_deleted. */
export const TRANSACTION_TABLES = [
  'enrollment',
  'enrollment_exit',
  'service',
  'current_living_situation',
  'assessment',
  'ce_event',
  'health_and_dv',
] as const;

export type TransactionTable = (typeof TRANSACTION_TABLES)[number];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return name;
}

/** `alias.column`, both validated identifiers. */
function identifierPath(path: string): string {
  return path.split('.').map(identifier).join('.');
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

/** An active release exception releasing client `clientColumn` to the active organization. */
function releaseException(clientColumn: string, org: string, today: string): string {
  return `EXISTS (SELECT 1 FROM release_exception rx WHERE rx.client_id = ${clientColumn} AND rx.organization_id = ${org} AND rx.valid_through >= ${today})`;
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
      ? ` OR (${c}.restrict_intake = 0 AND ${x}.restriction = 'UNRESTRICTED' AND ${x}.organization_id IN (${shares}))`
      : '';
    return `EXISTS (SELECT 1 FROM ${table} ${x} WHERE ${x}.client_id = ${c}.id AND ${x}.date_deleted IS NULL AND (${x}.organization_id = ${org}${sharedToA}))`;
  };
  const branches = [
    `${c}.organization_id = ${org}`,
    shares && `(${c}.restrict_intake = 0 AND ${c}.organization_id IN (${shares}))`,
    releaseException(`${c}.id`, org, today),
    ...TRANSACTION_TABLES.map(heldTransaction),
  ].filter(Boolean);
  return `(${c}.date_deleted IS NULL AND (${branches.join(' OR ')}))`;
}

/** Programs visible to A: its own, and those of organizations sharing with A today (read-only). */
export function programVisibility(alias: string, scope: VisibilityScope): string {
  const p = identifier(alias);
  const { org, shares } = parts(scope);
  return shares
    ? `(${p}.organization_id = ${org} OR ${p}.organization_id IN (${shares}))`
    : `(${p}.organization_id = ${org})`;
}

/**
 * Whether reach set `setColumn` makes its clients visible to A: A holds them, or an organization
 * sharing with A today shares them (reach.ts). A scalar subquery on purpose: it is evaluated per
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
 * release exceptions: the same answer as clientVisibility while the reach is current (reach.ts
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
 * when an organization's count for a new set of partners is first needed (reach.ts).
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
