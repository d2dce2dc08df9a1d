/**
 * Synthetic data, part 2: clients, enrollments and what hangs off enrollments (exits,
 * services, outreach contacts, CE assessments and events, DV records).
 */
import { Restriction } from '../src/access/restriction';
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
import { intBetween, pick, randomPerson, randomRaceEthnicity, randomSsn, type Rng } from './random';
import type { Row } from './bulk-insert';
import type { SyntheticRun, SyntheticWorld } from './synthetic-setup';

const PRIOR_SITUATIONS = [
  L.PLACE_NOT_MEANT_FOR_HABITATION,
  L.PLACE_NOT_MEANT_FOR_HABITATION,
  L.EMERGENCY_SHELTER,
  L.STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE,
  L.STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE,
  L.HOTEL_OR_MOTEL_PAID_FOR_WITHOUT_EMERGENCY_SHELTER_VOUCHER,
  L.JAIL_PRISON_OR_JUVENILE_DETENTION_FACILITY,
];
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
const RESULTS = [
  ReferralResult.SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED,
  ReferralResult.SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED,
  ReferralResult.UNSUCCESSFUL_REFERRAL_CLIENT_REJECTED,
  ReferralResult.UNSUCCESSFUL_REFERRAL_PROVIDER_REJECTED,
];
const WHEN_DV_OCCURRED = [
  WhenDvOccurred.WITHIN_THE_PAST_THREE_MONTHS,
  WhenDvOccurred.THREE_TO_SIX_MONTHS_AGO,
  WhenDvOccurred.ONE_YEAR_OR_MORE,
];

const R = Restriction.RESTRICTED;
const U = Restriction.UNRESTRICTED;

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

/** Per-client facts the enrollments need, by client index. */
interface ClientIndex {
  firstId: number;
  org: Uint16Array;
  /** Day offset of the client's first contact (record creation). */
  firstSeen: Int16Array;
}

/** Per-enrollment facts the children need, by enrollment index (compact: 250k+ of them). */
interface EnrollmentIndex {
  firstId: number;
  total: number;
  client: Int32Array;
  org: Uint16Array;
  type: Uint8Array;
  restricted: Uint8Array;
  entry: Int16Array;
  /** Exit day, or today (0) while the enrollment is open. */
  end: Int16Array;
  exited: Uint8Array;
}

/** A random user of organization `org`, as the record's creator (null when it has none). */
function staffOf(world: SyntheticWorld, r: Rng, org: number): number | null {
  const users = world.usersByOrg[org];
  return users.length ? users[Math.floor(r() * users.length)] : null;
}

export async function writeClients(run: SyntheticRun, world: SyntheticWorld): Promise<void> {
  const clients = await writeClientRows(run, world);
  const enrollments = await writeEnrollments(run, world, clients);
  await writeEnrollmentChildren(run, world, enrollments);
}

/** Clients spread evenly over the organizations; VSP clients always restrict-intake. */
async function writeClientRows({ options: o, w, days, rng, timed }: SyntheticRun, world: SyntheticWorld) {
  const r = rng('clients');
  const { orgs } = world;
  const index: ClientIndex = {
    firstId: (await w.maxId('client')) + 1,
    org: new Uint16Array(o.clients),
    firstSeen: new Int16Array(o.clients),
  };
  function* rows(): Generator<Row> {
    for (let i = 0; i < o.clients; i++) {
      const org = Math.floor(r() * orgs.length);
      const firstSeen = -intBetween(r, 0, 1800);
      index.org[i] = org;
      index.firstSeen[i] = firstSeen;
      const person = randomPerson(r);
      const hasSsn = r() < 0.9;
      yield {
        id: index.firstId + i,
        organization_id: orgs[org].id,
        created_at: days.stamp(firstSeen),
        updated_at: days.stamp(firstSeen),
        created_by_id: staffOf(world, r, org),
        version: 1,
        first_name: person.firstName,
        last_name: person.lastName,
        name_data_quality: NameDataQuality.FULL_NAME_REPORTED,
        ssn: hasSsn ? randomSsn(r) : null,
        ssn_data_quality: hasSsn ? SsnDataQuality.FULL_SSN_REPORTED : SsnDataQuality.CLIENT_DOESNT_KNOW,
        dob: days.date(firstSeen - intBetween(r, 18 * 365, 75 * 365)),
        dob_data_quality: DobDataQuality.FULL_DOB_REPORTED,
        race_ethnicity: JSON.stringify(randomRaceEthnicity(r)),
        sex: person.sex,
        veteran_status: r() < 0.08 ? NoYesMissing.YES : NoYesMissing.NO,
        restrict_intake: orgs[org].vsp || r() < o.restrictIntakeFraction ? 1 : 0,
      };
    }
  }
  await timed('client', () => w.insert('client', rows()));
  return index;
}

/**
 * Exactly floor(clients * enrollmentsPerClient) enrollments: 75% in a program of the client's
 * own organization, the rest anywhere; 65% of those that started before today have exited.
 */
async function writeEnrollments(
  { options: o, w, days, rng, timed }: SyntheticRun,
  world: SyntheticWorld,
  clients: ClientIndex,
) {
  const r = rng('enrollments');
  const { orgs, programs, programsByOrg } = world;
  const total = Math.floor(o.clients * o.enrollmentsPerClient);
  const e: EnrollmentIndex = {
    firstId: (await w.maxId('enrollment')) + 1,
    total,
    client: new Int32Array(total),
    org: new Uint16Array(total),
    type: new Uint8Array(total),
    restricted: new Uint8Array(total),
    entry: new Int16Array(total),
    end: new Int16Array(total),
    exited: new Uint8Array(total),
  };
  function* rows(): Generator<Row> {
    const counts = exactCounts(r, o.clients, o.enrollmentsPerClient);
    let i = 0;
    for (let c = 0; c < o.clients; c++) {
      for (let k = counts(); k > 0; k--, i++) {
        const own = r() < 0.75;
        const program =
          programs[own ? pick(r, programsByOrg[clients.org[c]]) : intBetween(r, 0, programs.length - 1)];
        const entry = intBetween(r, clients.firstSeen[c], 0);
        const exited = entry < 0 && r() < 0.65;
        const end = exited ? entry + intBetween(r, 1, Math.min(-entry, 365)) : 0;
        const restricted = orgs[program.org].vsp || r() < o.restrictedFraction;
        const housing =
          program.type === P.PH_RAPID_RE_HOUSING || program.type === P.PH_PERMANENT_SUPPORTIVE_HOUSING;
        const moveIn = housing ? entry + intBetween(r, 7, 60) : null;
        e.client[i] = clients.firstId + c;
        e.org[i] = program.org;
        e.type[i] = program.type;
        e.restricted[i] = restricted ? 1 : 0;
        e.entry[i] = entry;
        e.end[i] = end;
        e.exited[i] = exited ? 1 : 0;
        yield {
          id: e.firstId + i,
          organization_id: orgs[program.org].id,
          created_at: days.stamp(entry),
          updated_at: days.stamp(end),
          created_by_id: staffOf(world, r, program.org),
          version: 1,
          client_id: clients.firstId + c,
          restriction: restricted ? R : U,
          program_id: program.id,
          entry_date: days.date(entry),
          household_id: `SH${e.firstId + i}`,
          relationship_to_ho_h: 1,
          living_situation: pick(r, PRIOR_SITUATIONS),
          disabling_condition: r() < 0.35 ? NoYesMissing.YES : NoYesMissing.NO,
          move_in_date: moveIn !== null && moveIn <= end ? days.date(moveIn) : null,
        };
      }
    }
  }
  await timed('enrollment', () => w.insert('enrollment', rows()));
  return e;
}

/** One child row of an enrollment: its day (for the timestamps) and its own columns. */
type Child = [day: number, values: Row];

async function writeEnrollmentChildren(run: SyntheticRun, world: SyntheticWorld, e: EnrollmentIndex) {
  const { options: o, days, rng } = run;
  const { programsByType } = world;
  const write = (table: string, label: string, perEnrollment: (i: number, r: Rng) => Iterable<Child>) =>
    writeChildren(run, world, e, table, rng(label), perEnrollment);

  await write('enrollment_exit', 'exits', function* (i, r) {
    if (e.exited[i]) yield [e.end[i], { exit_date: days.date(e.end[i]), destination: pick(r, DESTINATIONS) }];
  });

  // Exactly floor(enrollments * servicesPerEnrollment) services, dated within the stay.
  const serviceCounts = exactCounts(rng('service-counts'), e.total, o.servicesPerEnrollment);
  await write('service', 'services', function* (i, r) {
    const n = serviceCounts();
    const span = e.end[i] - e.entry[i] + 1;
    for (let k = 0; k < n; k++) {
      const day = e.entry[i] + Math.floor(((k + r()) * span) / n);
      const [recordType, typeProvided] =
        e.type[i] === P.EMERGENCY_SHELTER_ENTRY_EXIT || e.type[i] === P.TRANSITIONAL_HOUSING
          ? [ServiceRecordType.BED_NIGHT, 200]
          : e.type[i] === P.STREET_OUTREACH
            ? [ServiceRecordType.PATH_SERVICE, pick(r, PATH_TYPES)]
            : [ServiceRecordType.SSVF_SERVICE, pick(r, SSVF_TYPES)];
      yield [day, { date_provided: days.date(day), record_type: recordType, type_provided: typeProvided }];
    }
  });

  await write('current_living_situation', 'contacts', function* (i, r) {
    if (e.type[i] !== P.STREET_OUTREACH) return;
    for (let k = intBetween(r, 1, 3); k > 0; k--) {
      const day = intBetween(r, e.entry[i], e.end[i]);
      yield [
        day,
        {
          information_date: days.date(day),
          current_living_situation: L.PLACE_NOT_MEANT_FOR_HABITATION,
          location_details: `Encampment ${intBetween(r, 1, 40)}`,
        },
      ];
    }
  });

  const scores = new Uint8Array(e.total);
  await write('assessment', 'assessments', function* (i, r) {
    if (e.type[i] !== P.COORDINATED_ENTRY) return;
    const score = (scores[i] = intBetween(r, 0, 17));
    yield [
      e.entry[i],
      {
        assessment_date: days.date(e.entry[i]),
        assessment_location: 'Coordinated Entry Access Point',
        assessment_type: pick(r, [AssessmentType.IN_PERSON, AssessmentType.PHONE]),
        assessment_level: AssessmentLevel.HOUSING_NEEDS_ASSESSMENT,
        instrument: 'VI-SPDAT',
        score,
        prioritization_status:
          score >= 8
            ? PrioritizationStatus.PLACED_ON_PRIORITIZATION_LIST
            : PrioritizationStatus.NOT_PLACED_ON_PRIORITIZATION_LIST,
      },
    ];
  });

  // Half of the prioritized CE clients have a referral, 60% of the past ones with a result.
  await write('ce_event', 'ce-events', function* (i, r) {
    if (e.type[i] !== P.COORDINATED_ENTRY || scores[i] < 8 || r() < 0.5) return;
    const day = intBetween(r, e.entry[i], e.end[i]);
    const decided = day < 0 && r() < 0.6;
    const [event, type] = pick(r, REFERRALS);
    const candidates = programsByType.get(type);
    yield [
      day,
      {
        event_date: days.date(day),
        event,
        location_crisis_or_ph_housing: candidates ? pick(r, candidates).name : null,
        referral_result: decided ? pick(r, RESULTS) : null,
        result_date: decided ? days.date(intBetween(r, day, 0)) : null,
      },
    ];
  });

  await write('health_and_dv', 'health', function* (i, r) {
    if (!world.orgs[e.org[i]].vsp) return;
    yield [
      e.entry[i],
      {
        information_date: days.date(e.entry[i]),
        domestic_violence_survivor: NoYesMissing.YES,
        when_occurred: pick(r, WHEN_DV_OCCURRED),
        currently_fleeing: r() < 0.6 ? NoYesMissing.YES : NoYesMissing.NO,
      },
    ];
  });
}

/** Writes a transaction table whose rows belong to enrollments (same client, org, restriction). */
async function writeChildren(
  { w, days, timed }: SyntheticRun,
  world: SyntheticWorld,
  e: EnrollmentIndex,
  table: string,
  r: Rng,
  perEnrollment: (i: number, r: Rng) => Iterable<Child>,
): Promise<void> {
  const firstId = (await w.maxId(table)) + 1;
  function* rows(): Generator<Row> {
    let id = firstId;
    for (let i = 0; i < e.total; i++) {
      for (const [day, values] of perEnrollment(i, r)) {
        yield {
          id: id++,
          organization_id: world.orgs[e.org[i]].id,
          created_at: days.stamp(day),
          updated_at: days.stamp(day),
          created_by_id: staffOf(world, r, e.org[i]),
          version: 1,
          client_id: e.client[i],
          restriction: e.restricted[i] ? R : U,
          enrollment_id: e.firstId + i,
          ...values,
        };
      }
    }
  }
  await timed(table, () => w.insert(table, rows()));
}
