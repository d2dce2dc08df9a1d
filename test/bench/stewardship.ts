/**
 * Bench rows of data stewardship (issue 16): the duplicate check on the data set (p50 and SQL
 * statements, beside the same match done by a plain LIKE scan), the administrators' duplicate
 * queue (wall time of its first page and of a later page, with their statements), and a merge of a client with 50 enrollments and 500 services (one
 * transaction; statements compared with a merge of 1 enrollment and 10 services). Everything it
 * writes (a bench administrator, the merged clients and their records) is deleted at the end.
 * Timings are reported, never asserted.
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { AccessRole } from '../../src/access/access-role';
import { Restriction } from '../../src/access/restriction';
import { refreshClientReach } from '../../src/access/reach';
import { createSession } from '../../src/auth/session-store';
import type { Config } from '../../src/config';
import { addDays, localToday } from '../../src/database/sql-time';
import { Client } from '../../src/modules/client/client.entity';
import { Enrollment } from '../../src/modules/enrollment/enrollment.entity';
import { OrgAssignment, User, UserStatus } from '../../src/modules/users/user.entity';
import { WorkgroupMembership } from '../../src/modules/admin/workgroup.entity';
import { refreshMatchKeys } from '../../src/modules/stewardship/match-keys';
import { LIKELY_DUPLICATE_SCORE, scoreMatch } from '../../src/modules/stewardship/matcher';
import { Service } from '../../src/modules/transaction/service.entity';
import { ServiceRecordType } from '../../src/hud';
import { ok, post } from './client';
import type { ServerProcess } from './servers';
import type { BenchActor } from './setup';
import { fmtMs, median } from './stats';

export const CHECK = `query($input: DuplicateCheckInput!) { possibleDuplicates(input: $input) { hiddenMatches matches { score client { id } } } }`;
const QUEUE = `query($after: String) { duplicateQueue(first: 50, after: $after) {
  edges { node { score first { id } second { id } } } pageInfo { hasNextPage endCursor } } }`;
/** The later page timed: the queue's page 20 (or its last page, if it has fewer). */
const LATER_PAGE = 20;

interface QueuePage {
  duplicateQueue: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
const MERGE = `mutation($input: MergeClientsInput!) { mergeClients(input: $input) { id movedRecords } }`;
const UNMERGE = `mutation($id: ID!) { unmergeClient(mergeId: $id) { id } }`;

export interface StewardshipResult {
  checkP50: number;
  checkStatements: string[];
  likeP50: number;
  likeCandidates: number;
  queue: {
    firstMs: number;
    firstPairs: number;
    laterPage: number;
    laterMs: number;
    laterPairs: number;
    statements: number[];
  };
  merge: { ms: number; moved: number; statements: number };
  smallMerge: { moved: number; statements: number };
}

async function rows<T>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  const [result] = await pool.query<RowDataPacket[]>(sql, params);
  return result as T[];
}

/** A client of `orgId` with `enrollments` enrollments of `servicesEach` services, for merging. */
async function makeClient(
  ds: DataSource,
  orgId: number,
  programId: number,
  name: string,
  enrollments: number,
  servicesEach: number,
): Promise<number> {
  const common = { organizationId: orgId, createdById: null, updatedById: null, dateDeleted: null };
  const client = await ds.getRepository(Client).save(
    ds.getRepository(Client).create({
      ...common,
      firstName: name,
      lastName: 'Benchmerge',
      dob: '1970-01-02',
      restrictIntake: false,
    }),
  );
  const today = localToday();
  for (let e = 0; e < enrollments; e++) {
    const enrollment = await ds.getRepository(Enrollment).save(
      ds.getRepository(Enrollment).create({
        ...common,
        clientId: client.id,
        restriction: Restriction.UNRESTRICTED,
        programId,
        entryDate: addDays(today, -400 + e),
        householdId: null,
      }),
    );
    if (servicesEach)
      await ds.getRepository(Service).insert(
        Array.from({ length: servicesEach }, (_, s) => ({
          ...common,
          clientId: client.id,
          restriction: Restriction.UNRESTRICTED,
          enrollmentId: enrollment.id,
          dateProvided: addDays(today, -400 + e + s),
          recordType: ServiceRecordType.BED_NIGHT,
          typeProvided: 200,
        })),
      );
  }
  await ds.transaction(async (m) => {
    await refreshClientReach(m, [client.id]);
    await refreshMatchKeys(m, [client.id]);
  });
  return client.id;
}

export async function benchStewardship(o: {
  pool: Pool;
  ds: DataSource;
  config: Config;
  prod: ServerProcess;
  actor: BenchActor;
  samples: number;
  log: (line: string) => void;
}): Promise<StewardshipResult> {
  const { pool, ds, prod, actor } = o;
  // The identity of one of the actor's organization's clients, entered again at intake.
  const [probe] = await rows<{ first_name: string; last_name: string; dob: string; ssn: string }>(
    pool,
    `SELECT first_name, last_name, DATE_FORMAT(dob, '%Y-%m-%d') AS dob, ssn FROM client
      WHERE organization_id = ? AND date_deleted IS NULL AND ssn IS NOT NULL AND dob IS NOT NULL AND first_name IS NOT NULL
      ORDER BY id LIMIT 1`,
    [actor.organizationId],
  );
  if (!probe)
    throw new Error('stewardship bench: the actor organization has no client with name, DOB and SSN');
  const input: Record<string, string> = {
    firstName: probe.first_name,
    lastName: probe.last_name,
    dob: probe.dob,
  };
  if (actor.capabilities.includes('client.ssn:read')) input.ssn = probe.ssn;
  await ok(prod.url, CHECK, { input }, actor.token);
  const checkStatements = await prod.statements(() => ok(prod.url, CHECK, { input }, actor.token));
  const checkTimes: number[] = [];
  const likeTimes: number[] = [];
  let likeCandidates = 0;
  for (let i = 0; i < o.samples; i++) {
    const res = await post(prod.url, CHECK, { input }, actor.token);
    if (res.status !== 200 || res.body.errors?.length)
      throw new Error(`possibleDuplicates failed: ${JSON.stringify(res.body.errors).slice(0, 300)}`);
    checkTimes.push(res.ms);
    // The same match as a plain LIKE scan: one statement, every client read, scored in memory.
    const t0 = process.hrtime.bigint();
    const [y, m, d] = probe.dob.split('-');
    const found = await rows<{ first_name: string; last_name: string; dob: string; ssn: string }>(
      pool,
      `SELECT id, first_name, last_name, DATE_FORMAT(dob, '%Y-%m-%d') AS dob, ssn FROM client
        WHERE date_deleted IS NULL AND (last_name LIKE ? OR first_name LIKE ? OR ssn LIKE ? OR dob IN (?, ?))`,
      [
        `%${probe.last_name}%`,
        `%${probe.first_name}%`,
        `%${probe.ssn.slice(5)}`,
        probe.dob,
        `${y}-${d}-${m}`,
      ],
    );
    likeCandidates = found.filter(
      (r) =>
        scoreMatch(
          { firstName: probe.first_name, lastName: probe.last_name, dob: probe.dob, ssn: probe.ssn },
          { firstName: r.first_name, lastName: r.last_name, dob: r.dob, ssn: r.ssn },
        ).score >= LIKELY_DUPLICATE_SCORE,
    ).length;
    likeTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }

  // A bench administrator (client:merge) working as the actor's organization.
  const [admins] = await pool.query<RowDataPacket[]>(
    `SELECT id FROM workgroup WHERE name = 'System Administrators'`,
  );
  const [[eua]] = await pool.query<RowDataPacket[]>(
    `SELECT MAX(version) AS v FROM end_user_agreement_version`,
  );
  const username = `bench.steward.${Date.now()}`;
  const now = new Date();
  const { identifiers } = await ds.getRepository(User).insert({
    username,
    passwordHash: 'not-a-password',
    displayName: 'Bench steward',
    status: UserStatus.ACTIVE,
    accessRole: AccessRole.SYSTEM_ADMINISTRATOR,
    lastLoginAt: now,
    activatedAt: now,
    euaAcceptedAt: now,
    euaAcceptedVersion: eua?.v ?? null,
    mustChangePassword: false,
  });
  const adminId = Number(identifiers[0].id);
  const created: number[] = [];
  try {
    await ds
      .getRepository(WorkgroupMembership)
      .insert({ userId: adminId, workgroupId: Number(admins[0].id) });
    await ds.getRepository(OrgAssignment).insert({
      userId: adminId,
      organizationId: actor.organizationId,
      canLogin: true,
      canEdit: true,
      agencyLead: false,
    });
    const token = await createSession(ds.manager, adminId, o.config, {
      workgroupId: Number(admins[0].id),
      organizationId: actor.organizationId,
    });

    // The queue a page at a time: the first page, then on to page LATER_PAGE, each timed.
    let after: string | null = null;
    const pages: Array<{ ms: number; pairs: number; statements: number }> = [];
    for (let page = 1; page <= LATER_PAGE; page++) {
      let ms = 0;
      let body: QueuePage | undefined;
      const statements = await prod.statements(async () => {
        const t0 = process.hrtime.bigint();
        body = (await ok<QueuePage>(prod.url, QUEUE, { after }, token)).body.data!;
        ms = Number(process.hrtime.bigint() - t0) / 1e6;
      });
      const q = body!.duplicateQueue;
      pages.push({ ms, pairs: q.edges.length, statements: statements.length });
      if (!q.pageInfo.hasNextPage) break;
      after = q.pageInfo.endCursor;
    }
    const later = pages[pages.length - 1];
    const queue = {
      firstMs: pages[0].ms,
      firstPairs: pages[0].pairs,
      laterPage: pages.length,
      laterMs: later.ms,
      laterPairs: later.pairs,
      // An empty page skips the pair and client statements; pages with pairs must agree.
      statements: [...new Set(pages.filter((p) => p.pairs > 0).map((p) => p.statements))],
    };

    const [program] = await rows<{ id: number }>(
      pool,
      `SELECT id FROM program WHERE organization_id = ? LIMIT 1`,
      [actor.organizationId],
    );
    o.log('stewardship: creating clients to merge (50 enrollments / 500 services, and 1 / 10)');
    const mergeOnce = async (enrollments: number, servicesEach: number) => {
      const survivor = await makeClient(ds, actor.organizationId, program.id, 'Survivor', 0, 0);
      const duplicate = await makeClient(
        ds,
        actor.organizationId,
        program.id,
        'Duplicate',
        enrollments,
        servicesEach,
      );
      created.push(survivor, duplicate);
      let merged: { id: string; movedRecords: number } | undefined;
      let ms = 0;
      const statements = await prod.statements(async () => {
        const t0 = process.hrtime.bigint();
        merged = (
          await ok<{ mergeClients: { id: string; movedRecords: number } }>(
            prod.url,
            MERGE,
            { input: { survivorId: String(survivor), duplicateIds: [String(duplicate)] } },
            token,
          )
        ).body.data!.mergeClients;
        ms = Number(process.hrtime.bigint() - t0) / 1e6;
      });
      await ok(prod.url, UNMERGE, { id: merged!.id }, token);
      return { ms, moved: merged!.movedRecords, statements: statements.length };
    };
    const smallMerge = await mergeOnce(1, 10);
    const merge = await mergeOnce(50, 10);
    return {
      checkP50: median(checkTimes),
      checkStatements,
      likeP50: median(likeTimes),
      likeCandidates,
      queue,
      merge,
      smallMerge: { moved: smallMerge.moved, statements: smallMerge.statements },
    };
  } finally {
    if (created.length) {
      const ids = created.join(', ');
      await pool.query(
        `DELETE FROM client_merge_member WHERE merge_id IN (SELECT id FROM client_merge WHERE survivor_id IN (${ids}))`,
      );
      await pool.query(`DELETE FROM client_merge WHERE survivor_id IN (${ids})`);
      await pool.query(`DELETE FROM service WHERE client_id IN (${ids})`);
      await pool.query(`DELETE FROM enrollment WHERE client_id IN (${ids})`);
      await pool.query(`UPDATE client SET date_deleted = NOW() WHERE id IN (${ids})`);
      await ds.transaction(async (m) => {
        await refreshClientReach(m, created);
        await refreshMatchKeys(m, created);
      });
      await pool.query(`DELETE FROM client_reach WHERE client_id IN (${ids})`);
      await pool.query(`DELETE FROM client WHERE id IN (${ids})`);
    }
    await pool.query(`DELETE FROM session WHERE user_id = ?`, [adminId]);
    await pool.query(`DELETE FROM org_assignment WHERE user_id = ?`, [adminId]);
    await pool.query(`DELETE FROM workgroup_membership WHERE user_id = ?`, [adminId]);
    await pool.query(`DELETE FROM app_user WHERE id = ?`, [adminId]);
  }
}

/** The report's target rows. */
export function stewardshipRows(r: StewardshipResult): string[][] {
  return [
    [
      '16 possibleDuplicates p50 / statements (LIKE scan p50)',
      `${fmtMs(r.checkP50)} / ${r.checkStatements.length} (${fmtMs(r.likeP50)}, ${r.likeCandidates} likely)`,
      'reported',
      'n/a',
    ],
    [
      `16 duplicateQueue page 1 / page ${r.queue.laterPage} wall time (statements per page)`,
      `${fmtMs(r.queue.firstMs)} (${r.queue.firstPairs} pairs) / ${fmtMs(r.queue.laterMs)} (${r.queue.laterPairs} pairs), ${r.queue.statements.join(' or ')} statements`,
      'statements constant',
      r.queue.statements.length === 1 ? 'PASS' : 'FAIL',
    ],
    [
      '16 merge 50 enrollments / 500 services: time, statements (vs 1 / 10)',
      `${fmtMs(r.merge.ms)}, ${r.merge.statements} statements, ${r.merge.moved} moved (${r.smallMerge.statements} for ${r.smallMerge.moved})`,
      'statements constant',
      r.merge.statements === r.smallMerge.statements ? 'PASS' : 'FAIL',
    ],
  ];
}
