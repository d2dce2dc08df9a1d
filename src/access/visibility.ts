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
