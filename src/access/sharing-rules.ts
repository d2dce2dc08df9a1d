/**
 * The sharing rules of access model §3, each written once in SQL form (for visibility, reach
 * and the session's sharing list) and once in TypeScript form (for explanations, admin views
 * and write rules), side by side so a change to one is seen next to the other.
 * test/access/sharing-rules.test.ts checks the two forms agree on random small worlds, on
 * SQLite and MariaDB.
 *
 * SQL forms inline only validated identifiers and take dates through `?` placeholders or
 * already-quoted literals built by visibility.ts.
 */

const IDENTIFIER_PATH = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i;

function path(column: string): string {
  if (!IDENTIFIER_PATH.test(column)) throw new Error(`not an SQL column: ${column}`);
  return column;
}

// ---------------------------------------------------------------------------------------------
// Rule 1: an active release share today, never from a victim service provider.

/**
 * SQL: the joins to the shares into the organization in `toColumn` from a release active on the
 * day bound to its two `?` placeholders, never from a victim service provider.
 * `sh.from_organization_id` is the sharing organization.
 */
export function activeSharesJoin(toColumn: string): string {
  return `JOIN information_release_share sh ON sh.to_organization_id = ${path(toColumn)}
      JOIN information_release r ON r.id = sh.release_id AND r.start_date <= ? AND (r.end_date IS NULL OR r.end_date >= ?)
      JOIN organization shf ON shf.id = sh.from_organization_id AND shf.victim_service_provider = 0`;
}

/** TypeScript: a release is active on `today` (its start date through its end date, inclusive). */
export function releaseActiveOn(
  release: { startDate: string; endDate: string | null },
  today: string,
): boolean {
  return release.startDate <= today && (release.endDate === null || release.endDate >= today);
}

/** TypeScript: a share of `release` from `from` counts today: the release is active and `from` is no VSP. */
export function activeShare(
  release: { startDate: string; endDate: string | null },
  from: { victimServiceProvider: boolean },
  today: string,
): boolean {
  return !from.victimServiceProvider && releaseActiveOn(release, today);
}

// ---------------------------------------------------------------------------------------------
// Rule 2: restrict intake. A restrict-intake client is not shared by releases: only its owner,
// the holders of its records and release exceptions make it visible.

/** SQL: client `alias` may be shared through releases (it is not restrict-intake). */
export function sharedByReleasesSql(clientAlias: string): string {
  return `${path(clientAlias)}.restrict_intake = 0`;
}

/** TypeScript: the client may be shared through releases (it is not restrict-intake). */
export function sharedByReleases(client: { restrictIntake: boolean | number }): boolean {
  return !Number(client.restrictIntake);
}

// ---------------------------------------------------------------------------------------------
// Rule 3: a release exception in force releases one client to one organization through its
// valid-through date.

/** SQL: an exception in force today releases client `clientColumn` to organization `orgSql`. */
export function releaseExceptionSql(clientColumn: string, orgSql: string, todaySql: string): string {
  return `EXISTS (SELECT 1 FROM release_exception rx WHERE rx.client_id = ${path(clientColumn)} AND rx.organization_id = ${orgSql} AND rx.valid_through >= ${todaySql})`;
}

/** TypeScript: the exception is in force on `today`. */
export function releaseExceptionInForce(exception: { validThrough: string }, today: string): boolean {
  return exception.validThrough >= today;
}

// ---------------------------------------------------------------------------------------------
// Rule 4: programs visible to A: its own, and those of organizations sharing with A today.

/** SQL: program `alias` visible to `orgSql`, given the sharing organizations (a validated id list or null). */
export function programVisibleSql(alias: string, orgSql: string, sharesSql: string | null): string {
  const p = path(alias);
  return sharesSql
    ? `(${p}.organization_id = ${orgSql} OR ${p}.organization_id IN (${sharesSql}))`
    : `(${p}.organization_id = ${orgSql})`;
}

/** TypeScript: the program is visible to the organization, given who shares with it today. */
export function programVisible(
  program: { organizationId: number },
  scope: { organizationId: number; sharingOrganizationIds: readonly number[] },
): boolean {
  return (
    program.organizationId === scope.organizationId ||
    scope.sharingOrganizationIds.includes(program.organizationId)
  );
}
