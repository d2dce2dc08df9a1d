/**
 * Synthetic data, part 1: organizations, locations, programs, information releases and users.
 * Also the run context shared with part 2 (synthetic-clients.ts).
 */
import { Restriction } from '../src/access/restriction';
import { addDays } from '../src/database/sql-time';
import { ProjectType as P } from '../src/hud';
import type { BulkWriter, Row } from './bulk-insert';
import { intBetween, pick, randomPerson, type Rng } from './random';
import type { SyntheticOptions } from './synthetic';
import type { WorkgroupName } from './workgroups';

/** What every step of one synthetic run shares. */
export interface SyntheticRun {
  options: SyntheticOptions;
  w: BulkWriter;
  days: DayCache;
  /** An independent random stream per purpose, derived from the seed. */
  rng: (label: string) => Rng;
  /** Runs `work` (which returns its row count) and records the table's rows and time. */
  timed: (table: string, work: () => Promise<number>) => Promise<void>;
}

export interface SynthOrg {
  id: number;
  code: string;
  place: string;
  name: string;
  vsp: boolean;
  display: boolean;
  restriction: Restriction;
}

export interface SynthProgram {
  id: number;
  /** Index into the organizations. */
  org: number;
  type: P;
  name: string;
}

/** The setup rows the client data refers to. */
export interface SyntheticWorld {
  orgs: SynthOrg[];
  programs: SynthProgram[];
  /** Program indexes per organization index. */
  programsByOrg: number[][];
  programsByType: Map<P, SynthProgram[]>;
  /** User ids per organization index. */
  usersByOrg: number[][];
  userNumbers: { first: number; last: number };
}

/** Dates and timestamps by day offset from today, computed once. */
export function dayCache(today: string) {
  const dates = new Map<number, string>();
  const date = (offset: number) => {
    let d = dates.get(offset);
    if (d === undefined) dates.set(offset, (d = addDays(today, offset)));
    return d;
  };
  return { date, stamp: (offset: number) => `${date(offset)} 08:00:00.000` };
}

export type DayCache = ReturnType<typeof dayCache>;

const PLACES = [
  'Maple Valley',
  'Cedar Ridge',
  'Lakeside',
  'Eastgate',
  'Harbor View',
  'Pine Hollow',
  'Westbrook',
  'Riverbend',
  'Summit',
  'Oak Park',
  'Fairview',
  'Brookside',
  'Highland',
  'Southport',
  'Meadowlark',
  'Stonebridge',
  'Willow Creek',
  'Bayside',
  'Granite Falls',
  'Sunnyside',
];
const AGENCY_KINDS = [
  'Community Services',
  'Housing Partners',
  'Outreach Collective',
  'Rescue Mission',
  'Family Center',
  'Youth Services',
  'Veterans Center',
  'Recovery Alliance',
];
const VSP_KINDS = ['Crisis Center', 'Safe House', 'DV Services'];
const PROGRAM_TYPES = [
  P.EMERGENCY_SHELTER_ENTRY_EXIT,
  P.STREET_OUTREACH,
  P.PH_RAPID_RE_HOUSING,
  P.COORDINATED_ENTRY,
  P.PH_PERMANENT_SUPPORTIVE_HOUSING,
  P.TRANSITIONAL_HOUSING,
  P.SERVICES_ONLY,
  P.HOMELESSNESS_PREVENTION,
];
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
const R = Restriction.RESTRICTED;
const U = Restriction.UNRESTRICTED;

/**
 * Organizations (codes S01, S02, ... skipping codes already taken), their main locations, the
 * restriction options of those that show the restriction field, programs, information
 * releases and users.
 */
export async function writeSetup(
  run: SyntheticRun,
  workgroups: Record<WorkgroupName, number>,
  passwordHash: string,
): Promise<SyntheticWorld> {
  const orgs = await writeOrganizations(run);
  const { programs, programsByOrg } = await writePrograms(run, orgs);
  await writeReleases(run, orgs);
  const { usersByOrg, userNumbers } = await writeUsers(run, orgs, workgroups, passwordHash);
  const programsByType = new Map<P, SynthProgram[]>();
  for (const p of programs) programsByType.set(p.type, [...(programsByType.get(p.type) ?? []), p]);
  return { orgs, programs, programsByOrg, programsByType, usersByOrg, userNumbers };
}

async function writeOrganizations({ options: o, w, rng, timed }: SyntheticRun): Promise<SynthOrg[]> {
  const taken = new Set(
    (await w.query<Array<{ code: string }>>('SELECT code FROM organization')).map((r) => r.code),
  );
  // Organization names are unique (a unique index): a repeated place and kind gets its code.
  const names = new Set(
    (await w.query<Array<{ name: string }>>('SELECT name FROM organization')).map((r) =>
      r.name.toLowerCase(),
    ),
  );
  const r = rng('organizations');
  const firstId = (await w.maxId('organization')) + 1;
  const orgs: SynthOrg[] = [];
  for (let n = 1; orgs.length < o.organizations; n++) {
    if (n >= 36 * 36) throw new Error('no free synthetic organization codes left');
    const code = `S${n.toString(36).toUpperCase().padStart(2, '0')}`;
    if (taken.has(code)) continue;
    const vsp = r() < o.vspFraction;
    const place = PLACES[orgs.length % PLACES.length];
    const plain = `${place} ${pick(r, vsp ? VSP_KINDS : AGENCY_KINDS)}`;
    const name = names.has(plain.toLowerCase()) ? `${plain} (${code})` : plain;
    names.add(name.toLowerCase());
    // A VSP's transactions are always RESTRICTED; elsewhere users pick per record (restrictedFraction).
    const display = !vsp && r() < 0.5;
    orgs.push({ id: firstId + orgs.length, code, place, name, vsp, display, restriction: vsp ? R : U });
  }
  const street = (i: number) => `${100 + i * 7} Main Street`;
  await timed('organization', () =>
    w.insert(
      'organization',
      orgs.map((g, i) => ({
        id: g.id,
        code: g.code,
        name: g.name,
        // A victim service provider publishes a mailing address only.
        address: g.vsp ? `PO Box ${1000 + i}` : street(i),
        city: 'Riverton',
        state: 'OR',
        zip: '97301',
        contact_name: `Director ${g.code}`,
        contact_phone: `(503) 555-${String(1000 + i).slice(-4)}`,
        contact_email: `contact.${g.code.toLowerCase()}@synthetic.example.org`,
        default_restriction: g.restriction,
        display_restriction_field: g.display ? 1 : 0,
        victim_service_provider: g.vsp ? 1 : 0,
      })),
    ),
  );
  const firstLocationId = (await w.maxId('location')) + 1;
  await timed('location', () =>
    w.insert(
      'location',
      orgs.map((g, i) => ({
        id: firstLocationId + i,
        organization_id: g.id,
        name: `${g.name} - Main Site`,
        address: g.vsp ? null : street(i),
        city: 'Riverton',
        state: 'OR',
        zip: '97301',
      })),
    ),
  );
  await timed('restriction_option', () =>
    w.insert(
      'restriction_option',
      orgs
        .filter((g) => g.display)
        .flatMap((g) => [R, U].map((restriction) => ({ organization_id: g.id, restriction, enabled: 1 }))),
    ),
  );
  return orgs;
}

async function writePrograms({ options: o, w, rng, timed }: SyntheticRun, orgs: SynthOrg[]) {
  const r = rng('programs');
  const firstId = (await w.maxId('program')) + 1;
  const programs: SynthProgram[] = [];
  const programsByOrg: number[][] = orgs.map(() => []);
  orgs.forEach((g, orgIndex) => {
    const types = g.vsp ? VSP_PROGRAM_TYPES : PROGRAM_TYPES;
    for (let k = 0; k < o.programsPerOrg; k++) {
      // Distinct types first (rotated per org), then random ones.
      const type = k < types.length ? types[(orgIndex + k) % types.length] : pick(r, types);
      programsByOrg[orgIndex].push(programs.length);
      const name = `${g.place} ${PROGRAM_LABEL[type]} (${g.code}-${k + 1})`;
      programs.push({ id: firstId + programs.length, org: orgIndex, type, name });
    }
  });
  await timed('program', () =>
    w.insert(
      'program',
      programs.map((p) => ({
        id: p.id,
        organization_id: orgs[p.org].id,
        name: p.name,
        project_type: p.type,
        coc_code: 'XX-500',
        operating_start_date: `${intBetween(r, 2004, 2020)}-${String(intBetween(r, 1, 12)).padStart(2, '0')}-01`,
      })),
    ),
  );
  return { programs, programsByOrg };
}

/** Information releases with 1-3 directed shares each: never from a VSP; 80% active, 20% expired. */
async function writeReleases({ options: o, w, days, rng, timed }: SyntheticRun, orgs: SynthOrg[]) {
  const r = rng('mous');
  const sources = orgs.map((g, i) => (g.vsp ? -1 : i)).filter((i) => i >= 0);
  const firstId = (await w.maxId('information_release')) + 1;
  const firstNumber = Math.max(5000, await w.maxId('information_release', 'number')) + 1;
  const releases: Row[] = [];
  const shares: Row[] = [];
  for (let k = 0; k < o.mous && sources.length && orgs.length > 1; k++) {
    const id = firstId + k;
    const expired = r() < 0.2;
    const start = expired ? -intBetween(r, 400, 2000) : -intBetween(r, 30, 1500);
    let end: number | null = null;
    if (expired) end = Math.min(start + intBetween(r, 90, 365), -1);
    else if (r() < 0.5) end = intBetween(r, 30, 730);
    releases.push({
      id,
      number: firstNumber + k,
      name: `Synthetic data sharing agreement ${firstNumber + k}`,
      start_date: days.date(start),
      end_date: end === null ? null : days.date(end),
    });
    const seen = new Set<string>();
    for (let s = intBetween(r, 1, 3); s > 0; s--) {
      const from = pick(r, sources);
      let to = intBetween(r, 0, orgs.length - 2);
      if (to >= from) to++;
      if (seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      shares.push({ release_id: id, from_organization_id: orgs[from].id, to_organization_id: orgs[to].id });
    }
  }
  await timed('information_release', () => w.insert('information_release', releases));
  await timed('information_release_share', () => w.insert('information_release_share', shares));
}

/**
 * Users `synth.user.<n>` (numbering continues after earlier runs): one login+edit org each
 * (every org gets one first), HMIS Users or (20%) Coordinated Entry Assessors, most of whom
 * have VI-SPDAT; End User Agreement accepted, last login within ten days.
 */
async function writeUsers(
  { options: o, w, days, rng, timed }: SyntheticRun,
  orgs: SynthOrg[],
  workgroups: Record<WorkgroupName, number>,
  passwordHash: string,
) {
  const r = rng('users');
  const firstId = (await w.maxId('app_user')) + 1;
  const existing = await w.query<Array<{ username: string }>>(
    `SELECT username FROM app_user WHERE username LIKE 'synth.user.%'`,
  );
  const firstNumber =
    Math.max(0, ...existing.map((u) => Number(u.username.slice('synth.user.'.length)) || 0)) + 1;
  const usersByOrg: number[][] = orgs.map(() => []);
  const users = Array.from({ length: o.users }, (_, k) => {
    const org = k < orgs.length ? k : intBetween(r, 0, orgs.length - 1);
    const assessor = r() < 0.2;
    const person = randomPerson(r);
    usersByOrg[org].push(firstId + k);
    return {
      id: firstId + k,
      number: firstNumber + k,
      org,
      assessor,
      trained: assessor && r() < 0.9,
      name: `${person.firstName} ${person.lastName}`,
      lastLogin: -intBetween(r, 1, 10),
    };
  });
  await timed('app_user', () =>
    w.insert(
      'app_user',
      users.map((u) => ({
        id: u.id,
        username: `synth.user.${u.number}`,
        password_hash: passwordHash,
        display_name: u.name,
        status: 'ACTIVE',
        access_role: 'AGENCY_STAFF',
        last_login_at: days.stamp(u.lastLogin),
        eua_accepted_at: days.stamp(-400),
        created_at: days.stamp(-400),
        updated_at: days.stamp(u.lastLogin),
      })),
    ),
  );
  await timed('workgroup_membership', () =>
    w.insert(
      'workgroup_membership',
      users.map((u) => ({
        user_id: u.id,
        workgroup_id: workgroups[u.assessor ? 'Coordinated Entry Assessors' : 'HMIS Users'],
      })),
    ),
  );
  await timed('org_assignment', () =>
    w.insert(
      'org_assignment',
      users.map((u) => ({
        user_id: u.id,
        organization_id: orgs[u.org].id,
        can_login: 1,
        can_edit: 1,
        agency_lead: 0,
      })),
    ),
  );
  await timed('user_training', () =>
    w.insert(
      'user_training',
      users
        .filter((u) => u.trained)
        .map((u) => ({ user_id: u.id, course: 'VI-SPDAT', completed_on: days.date(-200) })),
    ),
  );
  return { usersByOrg, userNumbers: { first: firstNumber, last: firstNumber + o.users - 1 } };
}
