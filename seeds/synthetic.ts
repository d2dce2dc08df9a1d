/**
 * A deterministic synthetic data set for benchmarks: organizations, programs, information
 * releases, users, clients, enrollments, exits and services (plus outreach contacts, CE
 * assessments and events, and DV records where the program type calls for them).
 *
 * Same seed, same options, same `today` -> the same rows (ids included, on an empty database).
 * Rows go in as multi-row INSERTs with ids assigned here (after each table's current MAX(id)),
 * so children reference parents without reading anything back.
 */
import type { DataSource } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import { hashPassword } from '../src/auth/passwords';
import { addDays, localToday } from '../src/database/sql-time';
import {
  AssessmentLevel,
  AssessmentType,
  CeEventType,
  DESTINATION_CODES,
  DobDataQuality,
  LivingSituation as L,
  NameDataQuality,
  NoYesMissing,
  PrioritizationStatus,
  ProjectType as P,
  ReferralResult,
  ServiceRecordType,
  SsnDataQuality,
  WhenDvOccurred,
} from '../src/hud';
import { BulkWriter, type BulkInsertOptions } from './bulk-insert';
import { intBetween, pick, randomPerson, randomRaceEthnicity, randomSsn, streamRng, type Rng } from './random';
import { ensureStandardWorkgroups } from './workgroups';

export interface SyntheticOptions {
  seed: number;
  organizations: number;
  programsPerOrg: number;
  /** Information releases (each with 1-3 directed shares). */
  mous: number;
  users: number;
  clients: number;
  /** Average; the total is exactly floor(clients * enrollmentsPerClient). */
  enrollmentsPerClient: number;
  /** Average; the total is exactly floor(enrollments * servicesPerEnrollment). */
  servicesPerEnrollment: number;
  /** Share of organizations that are victim service providers. */
  vspFraction: number;
  /** Share of transactions of non-VSP organizations that are RESTRICTED. */
  restrictedFraction: number;
  /** Share of clients of non-VSP organizations that are restrict-intake. */
  restrictIntakeFraction: number;
  /** Password of every synthetic user. */
  password: string;
  /** `YYYY-MM-DD` the dates are relative to; default local today. */
  today?: string;
  /** Batch and transaction sizes. */
  bulk?: BulkInsertOptions;
  /** Called after each table with its row count and time. */
  onTable?: (stat: SyntheticTableStat) => void;
}

export const SYNTHETIC_DEFAULTS: Omit<SyntheticOptions, 'password'> = {
  seed: 42,
  organizations: 20,
  programsPerOrg: 3,
  mous: 40,
  users: 200,
  clients: 100_000,
  enrollmentsPerClient: 2.5,
  servicesPerEnrollment: 4,
  vspFraction: 0.1,
  restrictedFraction: 0.2,
  restrictIntakeFraction: 0.05,
};

export interface SyntheticTableStat {
  table: string;
  rows: number;
  seconds: number;
}

export interface SyntheticSummary {
  seed: number;
  today: string;
  tables: SyntheticTableStat[];
  totalSeconds: number;
  organizationIds: number[];
  /** Synthetic usernames are `synth.user.<n>` for n in [first, last]. */
  userNumbers: { first: number; last: number };
}

const PLACES = ['Maple Valley', 'Cedar Ridge', 'Lakeside', 'Eastgate', 'Harbor View', 'Pine Hollow', 'Westbrook', 'Riverbend', 'Summit', 'Oak Park', 'Fairview', 'Brookside', 'Highland', 'Southport', 'Meadowlark', 'Stonebridge', 'Willow Creek', 'Bayside', 'Granite Falls', 'Sunnyside'];
const AGENCY_KINDS = ['Community Services', 'Housing Partners', 'Outreach Collective', 'Rescue Mission', 'Family Center', 'Youth Services', 'Veterans Center', 'Recovery Alliance'];
const VSP_KINDS = ['Crisis Center', 'Safe House', 'DV Services'];
const PROGRAM_TYPES = [P.EMERGENCY_SHELTER_ENTRY_EXIT, P.STREET_OUTREACH, P.PH_RAPID_RE_HOUSING, P.COORDINATED_ENTRY, P.PH_PERMANENT_SUPPORTIVE_HOUSING, P.TRANSITIONAL_HOUSING, P.SERVICES_ONLY, P.HOMELESSNESS_PREVENTION];
const VSP_PROGRAM_TYPES = [P.EMERGENCY_SHELTER_ENTRY_EXIT, P.TRANSITIONAL_HOUSING, P.PH_RAPID_RE_HOUSING];
const PROGRAM_LABEL: Partial<Record<P, string>> = {
  [P.EMERGENCY_SHELTER_ENTRY_EXIT]: 'Emergency Shelter',
  [P.STREET_OUTREACH]: 'Street Outreach',
  [P.PH_RAPID_RE_HOUSING]: 'Rapid Rehousing',
  [P.COORDINATED_ENTRY]: 'Coordinated Entry',
  [P.PH_PERMANENT_SUPPORTIVE_HOUSING]: 'Permanent Supportive Housing',
  [P.TRANSITIONAL_HOUSING]: 'Transitional Housing',
  [P.SERVICES_ONLY]: 'Supportive Services',
  [P.HOMELESSNESS_PREVENTION]: 'Homelessness Prevention',
};
const PRIOR_SITUATIONS = [L.PLACE_NOT_MEANT_FOR_HABITATION, L.PLACE_NOT_MEANT_FOR_HABITATION, L.EMERGENCY_SHELTER, L.STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE, L.STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE, L.HOTEL_OR_MOTEL_PAID_FOR_WITHOUT_EMERGENCY_SHELTER_VOUCHER, L.JAIL_PRISON_OR_JUVENILE_DETENTION_FACILITY];
const DESTINATIONS = [...DESTINATION_CODES].sort((a, b) => a - b);
const PATH_TYPES = [1, 2, 4, 5, 6, 14];
const SSVF_TYPES = [1, 2, 3, 4, 6, 10];
/** CE referral events and the program type each refers to. */
const REFERRALS: Array<[CeEventType, P]> = [
  [CeEventType.REFERRAL_TO_EMERGENCY_SHELTER_BED_OPENING, P.EMERGENCY_SHELTER_ENTRY_EXIT],
  [CeEventType.REFERRAL_TO_TRANSITIONAL_HOUSING_BED_UNIT_OPENING, P.TRANSITIONAL_HOUSING],
  [CeEventType.REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING, P.PH_RAPID_RE_HOUSING],
  [CeEventType.REFERRAL_TO_PSH_PROJECT_RESOURCE_OPENING, P.PH_PERMANENT_SUPPORTIVE_HOUSING],
];
const R = Restriction.RESTRICTED;
const U = Restriction.UNRESTRICTED;

/** Transaction columns shared by every client-level table, in this order. */
const OWNED = ['id', 'organization_id', 'created_at', 'updated_at', 'created_by_id', 'version', 'client_id', 'restriction'];

/**
 * Counts with a given average whose sum is exact: count i = floor(c(i+1)) - floor(c(i)) with
 * c(i) = i * average + jitter, jitter in [0, width) and 0 at both ends.
 */
function exactCounts(rng: Rng, n: number, average: number): () => number {
  const width = Math.min(average, 2);
  let i = 0;
  let previous = 0;
  return () => {
    i++;
    const next = Math.floor(i * average + (i < n ? rng() * width : 0));
    const count = next - previous;
    previous = next;
    return count;
  };
}

/** Dates and timestamps by day offset from today, computed once. */
function dayCache(today: string) {
  const dates = new Map<number, string>();
  const date = (offset: number) => {
    let d = dates.get(offset);
    if (d === undefined) dates.set(offset, (d = addDays(today, offset)));
    return d;
  };
  return { date, stamp: (offset: number) => `${date(offset)} 08:00:00.000` };
}

export async function seedSynthetic(ds: DataSource, options: SyntheticOptions): Promise<SyntheticSummary> {
  const o = options;
  if (o.organizations < 1 || o.programsPerOrg < 1) throw new Error('synthetic data needs at least one organization and one program per organization');
  const today = o.today ?? localToday();
  const days = dayCache(today);
  const rng = (label: string) => streamRng(o.seed, label);
  const started = Date.now();
  const tables: SyntheticTableStat[] = [];
  const timed = async (table: string, work: () => Promise<number>) => {
    const t0 = Date.now();
    const rows = await work();
    const stat = { table, rows, seconds: (Date.now() - t0) / 1000 };
    tables.push(stat);
    o.onTable?.(stat);
  };

  const workgroups = await ds.transaction((m) => ensureStandardWorkgroups(m));
  const passwordHash = await hashPassword(o.password);
  const w = await BulkWriter.open(ds, o.bulk);
  try {
    // Organizations: codes S01, S02, ... skipping codes already taken.
    const taken = new Set<string>((await w.query('SELECT code FROM organization')).map((r: { code: string }) => r.code));
    const orgRng = rng('organizations');
    const firstOrgId = (await w.maxId('organization')) + 1;
    const orgs: Array<{ id: number; code: string; place: string; name: string; vsp: boolean; display: boolean; restriction: Restriction }> = [];
    for (let n = 1; orgs.length < o.organizations; n++) {
      const code = `S${n.toString(36).toUpperCase().padStart(2, '0')}`;
      if (n >= 36 * 36) throw new Error('no free synthetic organization codes left');
      if (taken.has(code)) continue;
      const vsp = orgRng() < o.vspFraction;
      const i = orgs.length;
      const place = PLACES[i % PLACES.length];
      const name = `${place} ${vsp ? pick(orgRng, VSP_KINDS) : pick(orgRng, AGENCY_KINDS)}`;
      // A VSP's transactions are always RESTRICTED; elsewhere users pick per record (restrictedFraction).
      const display = !vsp && orgRng() < 0.5;
      orgs.push({ id: firstOrgId + i, code, place, name, vsp, display, restriction: vsp ? R : U });
    }
    await timed('organization', () =>
      w.insert(
        'organization',
        ['id', 'code', 'name', 'address', 'city', 'state', 'zip', 'contact_name', 'contact_phone', 'contact_email', 'default_restriction', 'display_restriction_field', 'victim_service_provider'],
        orgs.map((g, i) => [g.id, g.code, g.name, g.vsp ? `PO Box ${1000 + i}` : `${100 + i * 7} Main Street`, 'Riverton', 'OR', '97301', `Director ${g.code}`, `(503) 555-${String(1000 + i).slice(-4)}`, `contact.${g.code.toLowerCase()}@synthetic.example.org`, g.restriction, g.display ? 1 : 0, g.vsp ? 1 : 0]),
      ),
    );
    const firstLocationId = (await w.maxId('location')) + 1;
    await timed('location', () =>
      w.insert('location', ['id', 'organization_id', 'name', 'address', 'city', 'state', 'zip'], orgs.map((g, i) => [firstLocationId + i, g.id, `${g.name} - Main Site`, g.vsp ? null : `${100 + i * 7} Main Street`, 'Riverton', 'OR', '97301'])),
    );
    await timed('restriction_option', () =>
      w.insert('restriction_option', ['organization_id', 'restriction', 'enabled'], orgs.filter((g) => g.display).flatMap((g) => [[g.id, R, 1], [g.id, U, 1]])),
    );

    // Programs.
    const programRng = rng('programs');
    const firstProgramId = (await w.maxId('program')) + 1;
    const programs: Array<{ id: number; org: number; type: P; name: string }> = [];
    const programsByOrg: number[][] = orgs.map(() => []);
    orgs.forEach((g, orgIndex) => {
      for (let k = 0; k < o.programsPerOrg; k++) {
        const types = g.vsp ? VSP_PROGRAM_TYPES : PROGRAM_TYPES;
        const type = k < types.length ? types[(orgIndex + k) % types.length] : pick(programRng, types);
        programsByOrg[orgIndex].push(programs.length);
        programs.push({ id: firstProgramId + programs.length, org: orgIndex, type, name: `${g.place} ${PROGRAM_LABEL[type]} (${g.code}-${k + 1})` });
      }
    });
    const programsByType = new Map<P, typeof programs>();
    for (const p of programs) programsByType.set(p.type, [...(programsByType.get(p.type) ?? []), p]);
    await timed('program', () =>
      w.insert(
        'program',
        ['id', 'organization_id', 'name', 'project_type', 'coc_code', 'operating_start_date'],
        programs.map((p) => [p.id, orgs[p.org].id, p.name, p.type, 'XX-500', `${intBetween(programRng, 2004, 2020)}-${String(intBetween(programRng, 1, 12)).padStart(2, '0')}-01`]),
      ),
    );

    // Information releases: never from a VSP; most active, some expired.
    const mouRng = rng('mous');
    const sources = orgs.map((g, i) => (g.vsp ? -1 : i)).filter((i) => i >= 0);
    const firstReleaseId = (await w.maxId('information_release')) + 1;
    const firstNumber = Math.max(5000, await w.maxId('information_release', 'number')) + 1;
    const releases: unknown[][] = [];
    const shares: unknown[][] = [];
    for (let k = 0; k < o.mous && sources.length && orgs.length > 1; k++) {
      const id = firstReleaseId + k;
      const expired = mouRng() < 0.2;
      const start = expired ? -intBetween(mouRng, 400, 2000) : -intBetween(mouRng, 30, 1500);
      const end = expired ? Math.min(start + intBetween(mouRng, 90, 365), -1) : mouRng() < 0.5 ? null : intBetween(mouRng, 30, 730);
      releases.push([id, firstNumber + k, `Synthetic data sharing agreement ${firstNumber + k}`, days.date(start), end === null ? null : days.date(end)]);
      const seen = new Set<string>();
      for (let s = intBetween(mouRng, 1, 3); s > 0; s--) {
        const from = pick(mouRng, sources);
        let to = intBetween(mouRng, 0, orgs.length - 2);
        if (to >= from) to++;
        if (seen.has(`${from}>${to}`)) continue;
        seen.add(`${from}>${to}`);
        shares.push([id, orgs[from].id, orgs[to].id]);
      }
    }
    await timed('information_release', () => w.insert('information_release', ['id', 'number', 'name', 'start_date', 'end_date'], releases));
    await timed('information_release_share', () => w.insert('information_release_share', ['release_id', 'from_organization_id', 'to_organization_id'], shares));

    // Users: one login+edit org each; HMIS Users or Coordinated Entry Assessors.
    const userRng = rng('users');
    const firstUserId = (await w.maxId('app_user')) + 1;
    const existingSynth = (await w.query(`SELECT username FROM app_user WHERE username LIKE 'synth.user.%'`)) as Array<{ username: string }>;
    const firstUserNumber = Math.max(0, ...existingSynth.map((r) => Number(r.username.slice('synth.user.'.length)) || 0)) + 1;
    const usersByOrg: number[][] = orgs.map(() => []);
    const users = Array.from({ length: o.users }, (_, k) => {
      const org = k < orgs.length ? k : intBetween(userRng, 0, orgs.length - 1);
      const assessor = userRng() < 0.2;
      const person = randomPerson(userRng);
      usersByOrg[org].push(firstUserId + k);
      return { id: firstUserId + k, number: firstUserNumber + k, org, assessor, trained: assessor && userRng() < 0.9, name: `${person.firstName} ${person.lastName}`, lastLogin: -intBetween(userRng, 1, 10) };
    });
    await timed('app_user', () =>
      w.insert(
        'app_user',
        ['id', 'username', 'password_hash', 'display_name', 'status', 'access_role', 'last_login_at', 'eua_accepted_at', 'created_at', 'updated_at'],
        users.map((u) => [u.id, `synth.user.${u.number}`, passwordHash, u.name, 'ACTIVE', 'AGENCY_STAFF', days.stamp(u.lastLogin), days.stamp(-400), days.stamp(-400), days.stamp(u.lastLogin)]),
      ),
    );
    await timed('workgroup_membership', () =>
      w.insert('workgroup_membership', ['user_id', 'workgroup_id'], users.map((u) => [u.id, workgroups[u.assessor ? 'Coordinated Entry Assessors' : 'HMIS Users']])),
    );
    await timed('org_assignment', () => w.insert('org_assignment', ['user_id', 'organization_id', 'can_login', 'can_edit', 'agency_lead'], users.map((u) => [u.id, orgs[u.org].id, 1, 1, 0])));
    await timed('user_training', () => w.insert('user_training', ['user_id', 'course', 'completed_on'], users.filter((u) => u.trained).map((u) => [u.id, 'VI-SPDAT', days.date(-200)])));

    // Clients.
    const clientRng = rng('clients');
    const firstClientId = (await w.maxId('client')) + 1;
    const clientOrg = new Uint16Array(o.clients);
    const clientFirstSeen = new Int16Array(o.clients);
    const staff = (r: Rng, org: number) => (usersByOrg[org].length ? usersByOrg[org][Math.floor(r() * usersByOrg[org].length)] : null);
    function* clientRows() {
      for (let i = 0; i < o.clients; i++) {
        const org = Math.floor(clientRng() * orgs.length);
        const firstSeen = -intBetween(clientRng, 0, 1800);
        clientOrg[i] = org;
        clientFirstSeen[i] = firstSeen;
        const p = randomPerson(clientRng);
        const hasSsn = clientRng() < 0.9;
        const vet = clientRng() < 0.08 ? NoYesMissing.YES : NoYesMissing.NO;
        const restrictIntake = orgs[org].vsp || clientRng() < o.restrictIntakeFraction;
        yield [
          firstClientId + i, orgs[org].id, days.stamp(firstSeen), days.stamp(firstSeen), staff(clientRng, org), 1,
          p.firstName, p.lastName, NameDataQuality.FULL_NAME_REPORTED,
          hasSsn ? randomSsn(clientRng) : null, hasSsn ? SsnDataQuality.FULL_SSN_REPORTED : SsnDataQuality.CLIENT_DOESNT_KNOW,
          days.date(firstSeen - intBetween(clientRng, 18 * 365, 75 * 365)), DobDataQuality.FULL_DOB_REPORTED,
          JSON.stringify(randomRaceEthnicity(clientRng)), p.sex, vet, restrictIntake ? 1 : 0,
        ];
      }
    }
    await timed('client', () =>
      w.insert(
        'client',
        ['id', 'organization_id', 'created_at', 'updated_at', 'created_by_id', 'version', 'first_name', 'last_name', 'name_data_quality', 'ssn', 'ssn_data_quality', 'dob', 'dob_data_quality', 'race_ethnicity', 'sex', 'veteran_status', 'restrict_intake'],
        clientRows(),
      ),
    );

    // Enrollments, remembered compactly for their children.
    const total = Math.floor(o.clients * o.enrollmentsPerClient);
    const enrClient = new Int32Array(total);
    const enrOrg = new Uint16Array(total);
    const enrType = new Uint8Array(total);
    const enrRestricted = new Uint8Array(total);
    const enrEntry = new Int16Array(total);
    const enrEnd = new Int16Array(total);
    const enrExited = new Uint8Array(total);
    const enrollmentRng = rng('enrollments');
    const firstEnrollmentId = (await w.maxId('enrollment')) + 1;
    const restrictedFor = (r: Rng, org: number) => orgs[org].vsp || r() < o.restrictedFraction;
    function* enrollmentRows() {
      const counts = exactCounts(enrollmentRng, o.clients, o.enrollmentsPerClient);
      let e = 0;
      for (let c = 0; c < o.clients; c++) {
        for (let k = counts(); k > 0; k--, e++) {
          const r = enrollmentRng;
          const program = programs[r() < 0.75 ? pick(r, programsByOrg[clientOrg[c]]) : intBetween(r, 0, programs.length - 1)];
          const entry = intBetween(r, clientFirstSeen[c], 0);
          const exited = entry < 0 && r() < 0.65;
          const end = exited ? entry + intBetween(r, 1, Math.min(-entry, 365)) : 0;
          const restricted = restrictedFor(r, program.org);
          const permanent = program.type === P.PH_RAPID_RE_HOUSING || program.type === P.PH_PERMANENT_SUPPORTIVE_HOUSING;
          const moveIn = permanent ? entry + intBetween(r, 7, 60) : null;
          enrClient[e] = firstClientId + c;
          enrOrg[e] = program.org;
          enrType[e] = program.type;
          enrRestricted[e] = restricted ? 1 : 0;
          enrEntry[e] = entry;
          enrEnd[e] = end;
          enrExited[e] = exited ? 1 : 0;
          yield [
            firstEnrollmentId + e, orgs[program.org].id, days.stamp(entry), days.stamp(end), staff(r, program.org), 1, firstClientId + c, restricted ? R : U,
            program.id, days.date(entry), `SH${firstEnrollmentId + e}`, 1, pick(r, PRIOR_SITUATIONS), r() < 0.35 ? NoYesMissing.YES : NoYesMissing.NO,
            moveIn !== null && moveIn <= end ? days.date(moveIn) : null,
          ];
        }
      }
    }
    await timed('enrollment', () =>
      w.insert('enrollment', [...OWNED, 'program_id', 'entry_date', 'household_id', 'relationship_to_ho_h', 'living_situation', 'disabling_condition', 'move_in_date'], enrollmentRows()),
    );

    /** Columns of a transaction recorded in enrollment e on day `offset`. */
    const owned = (id: number, e: number, offset: number, r: Rng) => [id, orgs[enrOrg[e]].id, days.stamp(offset), days.stamp(offset), staff(r, enrOrg[e]), 1, enrClient[e], enrRestricted[e] ? R : U];
    /** Children of enrollments: `perEnrollment` yields the rest of each row after the owned columns. */
    const children = async (table: string, columns: string[], label: string, perEnrollment: (e: number, r: Rng) => Iterable<[number, unknown[]]>) => {
      const r = rng(label);
      const firstId = (await w.maxId(table)) + 1;
      function* rows() {
        let id = firstId;
        for (let e = 0; e < total; e++) for (const [offset, rest] of perEnrollment(e, r)) yield [...owned(id++, e, offset, r), firstEnrollmentId + e, ...rest];
      }
      await timed(table, () => w.insert(table, [...OWNED, 'enrollment_id', ...columns], rows()));
    };

    await children('enrollment_exit', ['exit_date', 'destination'], 'exits', function* (e, r) {
      if (enrExited[e]) yield [enrEnd[e], [days.date(enrEnd[e]), pick(r, DESTINATIONS)]];
    });

    const serviceCounts = exactCounts(rng('service-counts'), total, o.servicesPerEnrollment);
    await children('service', ['date_provided', 'record_type', 'type_provided'], 'services', function* (e, r) {
      const n = serviceCounts();
      const span = enrEnd[e] - enrEntry[e] + 1;
      const type = enrType[e];
      for (let k = 0; k < n; k++) {
        const offset = enrEntry[e] + Math.floor(((k + r()) * span) / n);
        if (type === P.EMERGENCY_SHELTER_ENTRY_EXIT || type === P.TRANSITIONAL_HOUSING) yield [offset, [days.date(offset), ServiceRecordType.BED_NIGHT, 200]];
        else if (type === P.STREET_OUTREACH) yield [offset, [days.date(offset), ServiceRecordType.PATH_SERVICE, pick(r, PATH_TYPES)]];
        else yield [offset, [days.date(offset), ServiceRecordType.SSVF_SERVICE, pick(r, SSVF_TYPES)]];
      }
    });

    await children('current_living_situation', ['information_date', 'current_living_situation', 'location_details'], 'contacts', function* (e, r) {
      if (enrType[e] !== P.STREET_OUTREACH) return;
      for (let k = intBetween(r, 1, 3); k > 0; k--) {
        const offset = intBetween(r, enrEntry[e], enrEnd[e]);
        yield [offset, [days.date(offset), L.PLACE_NOT_MEANT_FOR_HABITATION, `Encampment ${intBetween(r, 1, 40)}`]];
      }
    });

    const scores = new Uint8Array(total);
    await children('assessment', ['assessment_date', 'assessment_location', 'assessment_type', 'assessment_level', 'instrument', 'score', 'prioritization_status'], 'assessments', function* (e, r) {
      if (enrType[e] !== P.COORDINATED_ENTRY) return;
      const score = (scores[e] = intBetween(r, 0, 17));
      const placed = score >= 8 ? PrioritizationStatus.PLACED_ON_PRIORITIZATION_LIST : PrioritizationStatus.NOT_PLACED_ON_PRIORITIZATION_LIST;
      yield [enrEntry[e], [days.date(enrEntry[e]), 'Coordinated Entry Access Point', pick(r, [AssessmentType.IN_PERSON, AssessmentType.PHONE]), AssessmentLevel.HOUSING_NEEDS_ASSESSMENT, 'VI-SPDAT', score, placed]];
    });

    await children('ce_event', ['event_date', 'event', 'location_crisis_or_ph_housing', 'referral_result', 'result_date'], 'ce-events', function* (e, r) {
      if (enrType[e] !== P.COORDINATED_ENTRY || scores[e] < 8 || r() < 0.5) return;
      const offset = intBetween(r, enrEntry[e], enrEnd[e]);
      const decided = offset < 0 && r() < 0.6;
      const result = decided ? pick(r, [ReferralResult.SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED, ReferralResult.SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED, ReferralResult.UNSUCCESSFUL_REFERRAL_CLIENT_REJECTED, ReferralResult.UNSUCCESSFUL_REFERRAL_PROVIDER_REJECTED]) : null;
      const [event, type] = pick(r, REFERRALS);
      const candidates = programsByType.get(type);
      yield [offset, [days.date(offset), event, candidates ? pick(r, candidates).name : null, result, decided ? days.date(intBetween(r, offset, 0)) : null]];
    });

    await children('health_and_dv', ['information_date', 'domestic_violence_survivor', 'when_occurred', 'currently_fleeing'], 'health', function* (e, r) {
      if (!orgs[enrOrg[e]].vsp) return;
      yield [enrEntry[e], [days.date(enrEntry[e]), NoYesMissing.YES, pick(r, [WhenDvOccurred.WITHIN_THE_PAST_THREE_MONTHS, WhenDvOccurred.THREE_TO_SIX_MONTHS_AGO, WhenDvOccurred.ONE_YEAR_OR_MORE]), r() < 0.6 ? NoYesMissing.YES : NoYesMissing.NO]];
    });

    return {
      seed: o.seed,
      today,
      tables,
      totalSeconds: (Date.now() - started) / 1000,
      organizationIds: orgs.map((g) => g.id),
      userNumbers: { first: firstUserNumber, last: firstUserNumber + o.users - 1 },
    };
  } finally {
    await w.close();
  }
}

/** The summary as a fixed-width table (rows and seconds per table, then the total). */
export function formatSyntheticSummary(summary: SyntheticSummary): string {
  const lines = summary.tables.map((t) => `${t.table.padEnd(28)} ${String(t.rows).padStart(10)} rows ${t.seconds.toFixed(2).padStart(8)} s`);
  const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
  return [...lines, `${'total'.padEnd(28)} ${String(rows).padStart(10)} rows ${summary.totalSeconds.toFixed(2).padStart(8)} s`].join('\n');
}
