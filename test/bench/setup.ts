/**
 * Who the bench acts as and on which records, chosen from the synthetic data (never hard-coded
 * ids, so any seed works): a user whose organization receives shares from two MOU partners,
 * preferably a trained Coordinated Entry Assessor (who may read every transaction type); a
 * client of that organization for Q2, topped up through the API with any transaction type it
 * lacks; and an open enrollment of the organization for Q3.
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { refreshClientReach } from '../../src/access/reach';
import { activeSharesJoin, TRANSACTION_TABLES } from '../../src/access/visibility';
import { createSession } from '../../src/auth/session-store';
import type { Config } from '../../src/config';
import { localToday } from '../../src/database/sql-time';
import { ok } from './client';

export interface BenchActor {
  username: string;
  userId: number;
  organizationId: number;
  organizationCode: string;
  partners: number[];
  workgroup: string;
  token: string;
  capabilities: string[];
  q2ClientId: number;
  /** Transaction types created through the API for Q2's client (it had none of them). */
  arranged: string[];
  q3EnrollmentId: number;
  q3Date: string;
}

/** Highest ids before the run: rows above them were written by the bench and are removed after it. */
export type Watermarks = Record<string, number>;
const WRITTEN = [
  // Housing rows (test/bench/housing.ts): the shelter it arranges and the check-ins of its burst.
  'bed_night',
  'stay',
  'reservation',
  'bed',
  'inventory',
  'location',
  'program',
  'enrollment',
  'service',
  'current_living_situation',
  'assessment',
  'ce_event',
  'health_and_dv',
  'audit_event',
  'session',
];

export async function watermarks(pool: Pool): Promise<Watermarks> {
  const marks: Watermarks = {};
  for (const table of WRITTEN) {
    const [rows] = await pool.query<RowDataPacket[]>(`SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`);
    marks[table] = Number(rows[0].n);
  }
  return marks;
}

/**
 * Deletes what the bench wrote (Q3's services and Idempotency-Keys, the arranged records, audit events, sessions),
 * then brings the reach of the clients those records belonged to back in line with the rows.
 */
export async function removeWritten(pool: Pool, ds: DataSource, marks: Watermarks): Promise<number> {
  let removed = 0;
  const clients = new Set<number>();
  for (const table of WRITTEN) {
    if (TRANSACTION_TABLES.includes(table as (typeof TRANSACTION_TABLES)[number])) {
      const [owners] = await pool.query<RowDataPacket[]>(
        `SELECT DISTINCT client_id FROM ${table} WHERE id > ?`,
        [marks[table]],
      );
      for (const r of owners) clients.add(Number(r.client_id));
    }
    const [result] = await pool.query(`DELETE FROM ${table} WHERE id > ?`, [marks[table]]);
    removed += (result as { affectedRows: number }).affectedRows;
  }
  // Q3 with a key (queries.ts idempotencyHeader) stores its keys.
  const [keys] = await pool.query("DELETE FROM idempotency_key WHERE request_key LIKE 'bench-%'");
  removed += (keys as { affectedRows: number }).affectedRows;
  await ds.transaction((m) => refreshClientReach(m, [...clients]));
  return removed;
}

async function rows<T>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  const [result] = await pool.query<RowDataPacket[]>(sql, params);
  return result as T[];
}

/**
 * Picks the actor and opens a session for them with the session store login uses (no password
 * check: argon2 and the login throttle are not what the bench measures), in their only context.
 */
export async function chooseActor(
  pool: Pool,
  ds: DataSource,
  config: Config,
  serverUrl: string,
  arrange = true,
): Promise<BenchActor> {
  const today = localToday();
  // Partners as load-access.ts computes them (activeSharesJoin).
  const orgs = await rows<{ id: number; code: string; partners: string }>(
    pool,
    `SELECT o.id, o.code, GROUP_CONCAT(DISTINCT sh.from_organization_id ORDER BY sh.from_organization_id) AS partners
       FROM organization o ${activeSharesJoin('o.id')}
      WHERE o.victim_service_provider = 0 AND o.code LIKE 'S%'
      GROUP BY o.id, o.code`,
    [today, today],
  );
  const partnerCount = (o: { partners: string }) => o.partners.split(',').length;
  orgs.sort((a, b) => Math.abs(partnerCount(a) - 2) - Math.abs(partnerCount(b) - 2) || a.id - b.id);
  const candidates = orgs.map((o) => o.id);
  if (!candidates.length)
    throw new Error('no synthetic organization receives shares: is the synthetic data set loaded?');
  const users = await rows<{
    id: number;
    username: string;
    organization_id: number;
    workgroup_id: number;
    workgroup: string;
    missing: number;
  }>(
    pool,
    `SELECT u.id, u.username, a.organization_id, w.id AS workgroup_id, w.name AS workgroup,
            (SELECT COUNT(*) FROM workgroup_required_training t LEFT JOIN user_training ut ON ut.user_id = u.id AND ut.course = t.course
              WHERE t.workgroup_id = w.id AND ut.course IS NULL) AS missing
       FROM app_user u JOIN org_assignment a ON a.user_id = u.id AND a.can_login = 1 AND a.can_edit = 1
       JOIN workgroup_membership m ON m.user_id = u.id JOIN workgroup w ON w.id = m.workgroup_id
      WHERE u.username LIKE 'synth.user.%' AND u.status = 'ACTIVE' AND a.organization_id IN (${candidates.join(', ')})`,
  );
  const score = (u: (typeof users)[number]) =>
    candidates.indexOf(u.organization_id) * 10 +
    (u.workgroup === 'Coordinated Entry Assessors' && Number(u.missing) === 0 ? 0 : 1);
  users.sort((a, b) => score(a) - score(b) || a.id - b.id);
  const user = users[0];
  if (!user) throw new Error('no synthetic user in an organization with MOU partners');
  const org = orgs.find((o) => o.id === user.organization_id) as (typeof orgs)[number];

  const token = await createSession(ds.manager, user.id, config, {
    workgroupId: user.workgroup_id,
    organizationId: user.organization_id,
  });
  const { me } = (
    await ok<{ me: { state: string; capabilities: string[] } }>(
      serverUrl,
      '{ me { state capabilities } }',
      {},
      token,
    )
  ).body.data!;
  if (me.state !== 'READY') throw new Error(`${user.username}'s session is ${me.state}, not READY`);

  // Q2: the org's client with the most exited, unrestricted enrollments of the org.
  const [q2] = await rows<{ client_id: number; enrollment_id: number; entry_date: string }>(
    pool,
    `SELECT e.client_id, MIN(e.id) AS enrollment_id, COUNT(*) AS n, MIN(e.entry_date) AS entry_date
       FROM client c JOIN enrollment e ON e.client_id = c.id AND e.organization_id = c.organization_id
       JOIN enrollment_exit x ON x.enrollment_id = e.id
      WHERE c.organization_id = ? AND c.id < (SELECT MIN(id) + 20000 FROM client WHERE organization_id = ?)
        AND e.restriction = 'UNRESTRICTED' AND e.date_deleted IS NULL
      GROUP BY e.client_id ORDER BY n DESC, e.client_id LIMIT 1`,
    [user.organization_id, user.organization_id],
  );
  if (!q2) throw new Error(`no client of organization ${org.code} with an exited enrollment`);
  const [q2Enrollment] = await rows<{ id: number; entry_date: string }>(
    pool,
    `SELECT id, DATE_FORMAT(entry_date, '%Y-%m-%d') AS entry_date FROM enrollment WHERE id = ?`,
    [q2.enrollment_id],
  );
  const present = await rows<{ t: string }>(
    pool,
    ['current_living_situation', 'assessment', 'ce_event', 'health_and_dv']
      .map(
        (t) =>
          `SELECT '${t}' AS t FROM ${t} WHERE client_id = ? AND organization_id = ? AND date_deleted IS NULL LIMIT 1`,
      )
      .map((s) => `(${s})`)
      .join(' UNION ALL '),
    Array(4).fill([q2.client_id, user.organization_id]).flat(),
  );
  // Without `arrange` nothing is written: the actor only needs a token (e.g. on the other scale).
  const has = new Set(
    arrange
      ? present.map((p) => p.t)
      : ['current_living_situation', 'assessment', 'ce_event', 'health_and_dv'],
  );
  const arranged: string[] = [];
  const enrollmentId = String(q2Enrollment.id);
  const date = q2Enrollment.entry_date;
  const create = async (table: string, mutation: string, input: Record<string, unknown>) => {
    if (has.has(table)) return;
    await ok(
      serverUrl,
      `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`,
      { input: { enrollmentId, ...input } },
      token,
    );
    arranged.push(table);
  };
  await create('current_living_situation', 'createCurrentLivingSituation', {
    informationDate: date,
    currentLivingSituation: 'PLACE_NOT_MEANT_FOR_HABITATION',
  });
  await create('health_and_dv', 'createHealthAndDv', {
    informationDate: date,
    domesticViolenceSurvivor: 'NO',
  });
  if (me.capabilities.includes('ce.assessment:write')) {
    await create('assessment', 'createAssessment', {
      assessmentDate: date,
      assessmentLocation: 'Bench access point',
      assessmentType: 'IN_PERSON',
      assessmentLevel: 'HOUSING_NEEDS_ASSESSMENT',
      instrument: 'VI-SPDAT',
      score: 9,
      prioritizationStatus: 'PLACED_ON_PRIORITIZATION_LIST',
    });
  }
  if (me.capabilities.includes('ce.event:write')) {
    await create('ce_event', 'createCeEvent', {
      eventDate: date,
      event: 'REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING',
    });
  }

  // Q3: an open enrollment of the org (a service today falls within it).
  const [q3] = await rows<{ id: number }>(
    pool,
    `SELECT e.id FROM enrollment e LEFT JOIN enrollment_exit x ON x.enrollment_id = e.id AND x.date_deleted IS NULL
      WHERE e.organization_id = ? AND e.date_deleted IS NULL AND x.id IS NULL AND e.entry_date <= ? ORDER BY e.id LIMIT 1`,
    [user.organization_id, today],
  );
  if (!q3) throw new Error(`no open enrollment of organization ${org.code}`);

  return {
    username: user.username,
    userId: user.id,
    organizationId: user.organization_id,
    organizationCode: org.code,
    partners: org.partners.split(',').map(Number),
    workgroup: user.workgroup,
    token,
    capabilities: me.capabilities,
    q2ClientId: q2.client_id,
    arranged,
    q3EnrollmentId: q3.id,
    q3Date: today,
  };
}
