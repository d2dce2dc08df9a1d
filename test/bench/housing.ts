/**
 * Housing bench rows (issue 13): the bed board of a 300-bed facility (statements, and p50 side
 * by side with the raw SQL floor: the server's own statements through mysql2), and a burst of
 * 200 check-ins by 8 concurrent desks (no lost or doubled stay, bed nights = stay nights, every
 * request answered). The shelter is arranged in the bench's data set for the actor's
 * organization with plain SQL and removed afterwards with everything else the bench wrote.
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { BOARD_SQL } from '../../src/modules/housing/housing.service';
import { nightOf } from '../../src/modules/housing/nights';
import { ok } from './client';
import { floorScope } from './floor';
import type { ServerProcess } from './servers';
import type { BenchActor } from './setup';
import { median } from './stats';

export const BOARD_BEDS = 300;
export const BURST_CHECK_INS = 200;
export const BURST_DESKS = 8;

export const BED_BOARD = `query Board($f: ID!, $n: LocalDate!) { bedBoard(facilityId: $f, night: $n) {
  counts { capacity occupied held free outOfService }
  beds { state bed { id label } stay { id firstNight } client { id firstName lastName age ssnLast4 } }
} }`;

const CHECK_IN = `mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { id } }`;

export interface Shelter {
  facilityId: number;
  programId: number;
  bedIds: number[];
  night: string;
  /** Whether the bench granted the actor's workgroup bed:checkin (revoked by `restore`). */
  granted: boolean;
}

async function rows<T>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  const [result] = await pool.query<RowDataPacket[]>(sql, params);
  return result as T[];
}

async function insertId(pool: Pool, sql: string, params: unknown[]): Promise<number> {
  const [result] = await pool.query(sql, params);
  return (result as { insertId: number }).insertId;
}

/** A night-by-night program with its Inventory, a facility and `beds` beds of the actor's organization. */
export async function arrangeShelter(
  pool: Pool,
  actor: BenchActor,
  beds: number,
  name: string,
): Promise<Shelter> {
  const org = actor.organizationId;
  const programId = await insertId(
    pool,
    `INSERT INTO program (organization_id, name, project_type, operating_start_date, active, created_at, updated_at)
     VALUES (?, ?, 1, '2000-01-01', 1, NOW(6), NOW(6))`,
    [org, name],
  );
  await pool.query(
    `INSERT INTO inventory (program_id, coc_code, household_type, bed_type, availability, unit_inventory, bed_inventory, other_bed_inventory, inventory_start_date)
     VALUES (?, 'XX-500', 1, 1, 1, ?, ?, ?, '2000-01-01')`,
    [programId, beds, beds, beds],
  );
  const facilityId = await insertId(
    pool,
    `INSERT INTO location (organization_id, name, is_facility, hold_time, active) VALUES (?, ?, 1, '21:00', 1)`,
    [org, name],
  );
  const values = Array.from({ length: beds }, (_, i) => [org, facilityId, programId, String(i + 1)]);
  await pool.query(`INSERT INTO bed (organization_id, location_id, program_id, label) VALUES ?`, [values]);
  const bedIds = (
    await rows<{ id: number }>(pool, `SELECT id FROM bed WHERE location_id = ? ORDER BY id`, [facilityId])
  ).map((r) => Number(r.id));
  const [wg] = await rows<{ id: number }>(pool, `SELECT id FROM workgroup WHERE name = ?`, [actor.workgroup]);
  const [held] = await rows(
    pool,
    `SELECT 1 FROM workgroup_capability WHERE workgroup_id = ? AND capability = 'bed:checkin'`,
    [wg.id],
  );
  if (!held)
    await pool.query(
      `INSERT INTO workgroup_capability (workgroup_id, capability) VALUES (?, 'bed:checkin')`,
      [wg.id],
    );
  return { facilityId, programId, bedIds, night: nightOf(), granted: !held };
}

/** Removes the capability grant (the rows themselves go with the bench's watermarks). */
export async function restore(pool: Pool, actor: BenchActor, shelter: Shelter): Promise<void> {
  if (!shelter.granted) return;
  await pool.query(
    `DELETE wc FROM workgroup_capability wc JOIN workgroup w ON w.id = wc.workgroup_id WHERE w.name = ? AND wc.capability = 'bed:checkin'`,
    [actor.workgroup],
  );
}

/** Clients of the actor's organization without a stay on the night, `count` of them, skipping `skip`. */
async function freeClients(
  pool: Pool,
  actor: BenchActor,
  night: string,
  count: number,
  skip = 0,
): Promise<number[]> {
  return (
    await rows<{ id: number }>(
      pool,
      `SELECT c.id FROM client c WHERE c.organization_id = ? AND c.date_deleted IS NULL
         AND NOT EXISTS (SELECT 1 FROM bed_night b WHERE b.client_id = c.id AND b.night = ?)
       ORDER BY c.id LIMIT ? OFFSET ?`,
      [actor.organizationId, night, count, skip],
    )
  ).map((r) => Number(r.id));
}

/** Half the board's beds occupied tonight by open stays (plain SQL), with clients the burst does not take. */
export async function occupyHalf(pool: Pool, actor: BenchActor, shelter: Shelter): Promise<number> {
  const guests = await freeClients(
    pool,
    actor,
    shelter.night,
    Math.floor(shelter.bedIds.length / 2),
    BURST_CHECK_INS,
  );
  const [enrollment] = await rows<{ id: number }>(
    pool,
    `SELECT id FROM enrollment WHERE organization_id = ? LIMIT 1`,
    [actor.organizationId],
  );
  if (!guests.length || !enrollment) return 0;
  await pool.query(
    `INSERT INTO stay (organization_id, client_id, restriction, enrollment_id, location_id, bed_id, first_night, version, created_at, updated_at) VALUES ?`,
    [
      guests.map((c, i) => [
        actor.organizationId,
        c,
        'UNRESTRICTED',
        enrollment.id,
        shelter.facilityId,
        shelter.bedIds[i],
        shelter.night,
        1,
        new Date(),
        new Date(),
      ]),
    ],
  );
  return guests.length;
}

/** The board's SQL through mysql2: the floor a GraphQL board is compared with. */
export async function floorBoard(pool: Pool, token: string, shelter: Shelter): Promise<number> {
  const t0 = process.hrtime.bigint();
  const scope = await floorScope(pool, token);
  await pool.query(BOARD_SQL.facility([scope.organizationId, ...scope.sharingOrganizationIds]), [
    shelter.facilityId,
  ]);
  await pool.query(BOARD_SQL.beds(scope), [shelter.facilityId]);
  const [occupancy] = await pool.query<RowDataPacket[]>(
    BOARD_SQL.occupancy(scope),
    BOARD_SQL.occupancyParams(shelter.facilityId, shelter.night),
  );
  const ids = occupancy.filter((r) => Number(r.shown)).map((r) => Number(r.client_id));
  if (ids.length) await pool.query(BOARD_SQL.clients(ids));
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function graphqlBoard(url: string, token: string, shelter: Shelter): Promise<number> {
  const res = await ok(url, BED_BOARD, { f: String(shelter.facilityId), n: shelter.night }, token);
  return res.ms;
}

/** The board's own statements among a request's (the rest: session, read audit, last activity). */
export function boardStatements(all: string[]): string[] {
  return all.filter(
    (s) => /\b(bed|stay|reservation|location)\b/.test(s) || /FROM client c WHERE c\.id IN/.test(s),
  );
}

export interface BurstResult {
  answered: number;
  ok: number;
  conflicts: number;
  errors: string[];
  stays: number;
  bedNights: number;
  services: number;
  ms: number;
  p50: number;
}

/** 200 check-ins of distinct clients into distinct beds by 8 desks at once, then the tallies from the database. */
export async function checkInBurst(
  pool: Pool,
  url: string,
  actor: BenchActor,
  shelter: Shelter,
): Promise<BurstResult> {
  const clients = await freeClients(pool, actor, shelter.night, BURST_CHECK_INS);
  const jobs = clients.map((c, i) => ({
    clientId: String(c),
    bedId: String(shelter.bedIds[i]),
    night: shelter.night,
  }));
  const result: BurstResult = {
    answered: 0,
    ok: 0,
    conflicts: 0,
    errors: [],
    stays: 0,
    bedNights: 0,
    services: 0,
    ms: 0,
    p50: 0,
  };
  const times: number[] = [];
  const t0 = Date.now();
  let next = 0;
  const desk = async () => {
    while (next < jobs.length) {
      const input = jobs[next++];
      try {
        // fetch, not client.ts's post: its agent keeps one socket, which would serialize the desks.
        const started = process.hrtime.bigint();
        const http = await fetch(new URL('/graphql', url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${actor.token}` },
          body: JSON.stringify({ query: CHECK_IN, variables: { input } }),
        });
        const res = {
          body: (await http.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
        };
        result.answered++;
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        const code = res.body.errors?.[0]?.extensions?.code;
        if (!res.body.errors?.length) result.ok++;
        else if (code === 'CONFLICT') result.conflicts++;
        else result.errors.push(`${code}: ${res.body.errors[0].message}`);
      } catch (err) {
        result.errors.push(String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: BURST_DESKS }, desk));
  result.ms = Date.now() - t0;
  result.p50 = median(times);
  const [tally] = await rows<{ stays: number; bed_nights: number; services: number }>(
    pool,
    `SELECT (SELECT COUNT(*) FROM stay s WHERE s.location_id = ? AND s.first_night = ?) AS stays,
            (SELECT COUNT(*) FROM bed_night b JOIN stay s ON s.id = b.stay_id WHERE s.location_id = ?) AS bed_nights,
            (SELECT COUNT(*) FROM service sv JOIN bed_night b ON b.service_id = sv.id JOIN stay s ON s.id = b.stay_id
              WHERE s.location_id = ? AND sv.record_type = 200 AND sv.date_provided = b.night AND sv.date_deleted IS NULL) AS services`,
    [shelter.facilityId, shelter.night, shelter.facilityId, shelter.facilityId],
  );
  result.stays = Number(tally.stays);
  result.bedNights = Number(tally.bed_nights);
  result.services = Number(tally.services);
  return result;
}

export interface HousingBench {
  beds: number;
  occupied: number;
  statements: number;
  boardStatements: number;
  graphqlP50: number;
  floorP50: number;
  burst: BurstResult;
}

/** Both housing rows against the prod server, `rounds` interleaved board samples. */
export async function runHousingBench(
  pool: Pool,
  server: ServerProcess,
  actor: BenchActor,
  rounds: number,
  log: (line: string) => void,
): Promise<HousingBench> {
  const board = await arrangeShelter(pool, actor, BOARD_BEDS, 'Bench Board Shelter');
  try {
    const occupied = await occupyHalf(pool, actor, board);
    const vars = { f: String(board.facilityId), n: board.night };
    const all = await server.statements(() => ok(server.url, BED_BOARD, vars, actor.token));
    for (let i = 0; i < 5; i++) {
      await graphqlBoard(server.url, actor.token, board);
      await floorBoard(pool, actor.token, board);
    }
    const graphql: number[] = [];
    const floor: number[] = [];
    for (let r = 0; r < rounds; r++) {
      graphql.push(await graphqlBoard(server.url, actor.token, board));
      floor.push(await floorBoard(pool, actor.token, board));
    }
    log(`housing: bed board of ${BOARD_BEDS} beds (${occupied} occupied), ${rounds} rounds`);
    const burstShelter = await arrangeShelter(pool, actor, BURST_CHECK_INS, 'Bench Burst Shelter');
    const burst = await checkInBurst(pool, server.url, actor, burstShelter);
    log(`housing: ${burst.answered} check-ins answered by ${BURST_DESKS} desks in ${burst.ms} ms`);
    return {
      beds: BOARD_BEDS,
      occupied,
      statements: all.length,
      boardStatements: boardStatements(all).length,
      graphqlP50: median(graphql),
      floorP50: median(floor),
      burst,
    };
  } finally {
    await restore(pool, actor, board);
  }
}
