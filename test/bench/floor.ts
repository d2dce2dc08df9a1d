/**
 * The floor (target 4): the SQL statements that return Q1's data, written by hand and run
 * directly through mysql2, with the same dependencies the server has (session, then the page,
 * then the count alongside the enrollments, then the services). The predicates come from
 * src/access/visibility.ts and the session statement is load-access.ts's own, so the floor
 * does the same database work as the server minus everything GraphQL and HTTP add.
 */
import mysql, { type Pool, type RowDataPacket } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { loadSession } from '../../src/access/load-access';
import { visibleCountStatement } from '../../src/access/reach';
import { clientPageSql } from '../../src/modules/client/client.service';
import { DEFAULT_ORDER, priorityCountSql, priorityPageSql } from '../../src/modules/ce/priority-list.service';
import {
  clientReachVisibility,
  transactionVisibility,
  type VisibilityScope,
} from '../../src/access/visibility';
import { hashToken } from '../../src/auth/tokens';
import { dataQualitySql } from '../../src/modules/report/data-quality.service';
import { MYSQL_DIALECT } from '../../src/modules/report/report-sql';
import { countSql } from '../../src/modules/report/report.service';
import { ReportGroupBy } from '../../src/modules/report/report.types';
import { localToday } from '../../src/database/sql-time';

export function openPool(url: string, connectionLimit = 10): Pool {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return mysql.createPool({
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    connectionLimit,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    enableKeepAlive: true,
    multipleStatements: false,
  });
}

/** load-access.ts's statement, sent through mysql2 (loadSession only calls `query`). */
export async function floorScope(pool: Pool, token: string): Promise<VisibilityScope> {
  const db = {
    query: async (sql: string, params: unknown[]) => (await pool.query(sql, params))[0],
  } as unknown as DataSource;
  const loaded = await loadSession(db, hashToken(token), new Date(), localToday(), { idleMinutes: 30 });
  if (!loaded?.facts.selectedOrganizationId) throw new Error('floor: the session has no active organization');
  return {
    organizationId: loaded.facts.selectedOrganizationId,
    sharingOrganizationIds: loaded.facts.sharingOrganizationIds,
    today: loaded.facts.today,
  };
}

const ids = (values: number[]) => (values.length ? values.join(', ') : 'NULL');

/**
 * The columns the server reads for Q1's fields (src/graphql/selection.ts): the floor reads the
 * same ones. `test/api/selected-columns.test.ts` holds them equal to the server's statements.
 */
export const Q1_COLUMNS = {
  client: ['id', 'organization_id', 'first_name', 'last_name', 'ssn', 'dob'],
  enrollment: ['id', 'organization_id', 'client_id', 'program_id', 'entry_date'],
  service: ['id', 'organization_id', 'client_id', 'enrollment_id', 'date_provided', 'type_provided'],
};

const columns = (alias: string, names: string[]) => names.map((c) => `${alias}.${c}`).join(', ');

/** Q1's statements (after the session one), for the floor and for EXPLAIN: the server's own SQL. */
export const q1Sql = {
  /** The page as listClients reads it: walked by reach, each returned row re-checked in full. */
  page: (scope: VisibilityScope, n: number) =>
    clientPageSql(scope, clientReachVisibility('c', 'cr', scope), n, Q1_COLUMNS.client),
  /** The total as countVisibleClients reads it (the stored count exists after the first request). */
  count: (scope: VisibilityScope) => visibleCountStatement(scope),
  enrollments: (scope: VisibilityScope, clientIds: number[]) =>
    `SELECT ${columns('e', Q1_COLUMNS.enrollment)}, p.id AS p__id, p.name AS p__name FROM enrollment e JOIN program p ON p.id = e.program_id
      WHERE e.client_id IN (${ids(clientIds)}) AND ${transactionVisibility('e', scope)} ORDER BY e.entry_date DESC, e.id DESC`,
  services: (scope: VisibilityScope, enrollmentIds: number[], limit = 11) =>
    `SELECT x.* FROM (
       SELECT ${columns('s', Q1_COLUMNS.service)}, ROW_NUMBER() OVER (PARTITION BY s.enrollment_id ORDER BY s.date_provided DESC, s.id DESC) AS rn
         FROM service s WHERE s.enrollment_id IN (${ids(enrollmentIds)}) AND ${transactionVisibility('s', scope)}
     ) x WHERE x.rn <= ${limit} ORDER BY x.enrollment_id, x.rn`,
};

export interface FloorResult {
  ms: number;
  clients: number;
  enrollments: number;
  services: number;
  total: number;
}

/**
 * One Q1 at page size n, as raw statements. Without `count` the total is left out (as when a
 * server has it cached): the floor of the statements such a server actually sends.
 */
/**
 * Q1's floor. `audit`: also its sixth statement, the read-audit row the server inserts (and
 * commits) before it answers, naming the page's clients and the sensitive fields read: the
 * floor of all the SQL a Q1 request runs, not only the statements that return its data.
 */
export async function floorQ1(
  pool: Pool,
  token: string,
  n: number,
  count = true,
  audit = false,
): Promise<FloorResult> {
  const t0 = process.hrtime.bigint();
  const scope = await floorScope(pool, token);
  const [page] = await pool.query<RowDataPacket[]>(q1Sql.page(scope, n));
  const clientIds = page.slice(0, n).map((r) => Number(r.id));
  const [countRows, [enrollments]] = await Promise.all([
    count
      ? pool
          .query<RowDataPacket[]>(q1Sql.count(scope).sql, q1Sql.count(scope).params)
          .then(([rows]) => [{ n: Number(rows[0].reached) + Number(rows[0].released) }])
      : [{ n: NaN }],
    pool.query<RowDataPacket[]>(q1Sql.enrollments(scope, clientIds)),
  ]);
  const [services] = await pool.query<RowDataPacket[]>(
    q1Sql.services(
      scope,
      enrollments.map((e) => Number(e.id)),
    ),
  );
  if (audit)
    await pool.query(
      `INSERT INTO audit_event (at, user_id, organization_id, workgroup_id, action, operation, entity_type,
         entity_id, client_ids, fields, \`before\`, \`after\`, request_id)
       VALUES (?, NULL, ?, NULL, 'READ', 'Q1', 'Client', NULL, ?, ?, NULL, NULL, ?)`,
      [
        new Date(),
        scope.organizationId,
        JSON.stringify([...clientIds].sort((a, b) => a - b)),
        JSON.stringify(['Client.dob', 'Client.ssn']),
        `floor-${process.pid}-${Date.now()}`,
      ],
    );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    ms,
    clients: clientIds.length,
    enrollments: enrollments.length,
    services: services.length,
    total: Number(countRows[0].n),
  };
}

/**
 * Q4's floor (issue 14): the priority list page of n with scores and names, and its count, as
 * the server's own statements (priority-list.service.ts) sent through mysql2 after the session
 * statement, with the default order (the bench does not change it).
 */
export async function floorQ4(
  pool: Pool,
  token: string,
  n: number,
): Promise<{ ms: number; entries: number; total: number }> {
  const t0 = process.hrtime.bigint();
  const scope = await floorScope(pool, token);
  const page = priorityPageSql(scope, DEFAULT_ORDER, {}, null, n + 1);
  const count = priorityCountSql(scope, {});
  const [[rows], [counted]] = await Promise.all([
    pool.query<RowDataPacket[]>(page.sql, page.params),
    pool.query<RowDataPacket[]>(count.sql, count.params),
  ]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, entries: Math.min(rows.length, n), total: Number(counted[0].n) };
}

/**
 * The reports' floor (issue 15): R1 (clientCounts by program x month) and R2 (dataQuality) as the
 * server's own statements, run by hand through mysql2 after the session statement. The server
 * adds its program-name lookup, its audit insert and GraphQL/HTTP on top.
 */
export async function floorR1(
  pool: Pool,
  token: string,
  from: string,
  to: string,
): Promise<{ ms: number; cells: number }> {
  const t0 = process.hrtime.bigint();
  const scope = await floorScope(pool, token);
  const params = { from, to, programIds: [], groupBy: [ReportGroupBy.PROGRAM, ReportGroupBy.MONTH] };
  const { sql, args } = countSql('clientCounts', params, scope, MYSQL_DIALECT);
  const [rows] = await pool.query<RowDataPacket[]>(sql, args);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cells: rows.length };
}

export async function floorR2(
  pool: Pool,
  token: string,
  from: string,
  to: string,
  problemsOf: number | null,
): Promise<{ ms: number; rows: number }> {
  const t0 = process.hrtime.bigint();
  const scope = await floorScope(pool, token);
  const sql = dataQualitySql(scope, MYSQL_DIALECT, { from, to, programIds: [] }, undefined, problemsOf);
  const results = await Promise.all(
    [sql.counts, sql.timeliness, sql.problems]
      .filter((s): s is string => s !== null)
      .map((s) => pool.query<RowDataPacket[]>(s)),
  );
  return {
    ms: Number(process.hrtime.bigint() - t0) / 1e6,
    rows: results.reduce((n, [r]) => n + r.length, 0),
  };
}
