/**
 * Demo scenario, part 2: the named clients and their transactions, then deterministic filler
 * clients per organization (see /work/shared/spec/demo-scenario.md).
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import { addDays } from '../src/database/sql-time';
import {
  AssessmentLevel,
  AssessmentType,
  CeEventType,
  DobDataQuality,
  HealthStatus,
  LivingSituation,
  NameDataQuality,
  NoYesMissing,
  PrioritizationStatus,
  RaceEthnicity as R,
  ServiceRecordType,
  Sex,
  SsnDataQuality,
  WhenDvOccurred,
} from '../src/hud';
import { Client } from '../src/modules/client/client.entity';
import { Enrollment } from '../src/modules/enrollment/enrollment.entity';
import { Exit } from '../src/modules/enrollment/exit.entity';
import { ReleaseException } from '../src/modules/security/information-release.entity';
import { Assessment } from '../src/modules/transaction/assessment.entity';
import { CeEvent } from '../src/modules/transaction/ce-event.entity';
import { CurrentLivingSituation } from '../src/modules/transaction/current-living-situation.entity';
import { HealthAndDv } from '../src/modules/transaction/health-and-dv.entity';
import { Service } from '../src/modules/transaction/service.entity';
import type { DemoSetupIds, DemoUsername, OrgCode, ProgramKey } from './demo-setup';
import { intBetween, mulberry32, randomPerson, randomRaceEthnicity, randomSsn } from './random';

const { RESTRICTED, UNRESTRICTED } = Restriction;

interface ClientSeed {
  org: OrgCode;
  ssn: string;
  dob: string;
  sex: Sex;
  raceEthnicity: R[];
  veteranStatus: NoYesMissing;
  restrictIntake?: boolean;
  middleName?: string;
}

const CLIENTS = {
  'Alex Rivera': { org: 'HSS', ssn: '412558291', dob: '1987-03-14', sex: Sex.MALE, raceEthnicity: [R.WHITE, R.HISPANIC_LATINA_E_O], veteranStatus: NoYesMissing.NO, middleName: 'Jose' },
  'Jordan Lee': { org: 'HSS', ssn: '529374016', dob: '1995-08-02', sex: Sex.FEMALE, raceEthnicity: [R.ASIAN_OR_ASIAN_AMERICAN], veteranStatus: NoYesMissing.NO, restrictIntake: true },
  'Sam Carter': { org: 'NSO', ssn: '238604417', dob: '1968-11-23', sex: Sex.MALE, raceEthnicity: [R.BLACK_AFRICAN_AMERICAN_OR_AFRICAN], veteranStatus: NoYesMissing.YES },
  'Taylor Brooks': { org: 'NSO', ssn: '318720954', dob: '2001-05-30', sex: Sex.FEMALE, raceEthnicity: [R.WHITE], veteranStatus: NoYesMissing.NO },
  'Casey Morgan': { org: 'CCE', ssn: '467203385', dob: '1979-01-09', sex: Sex.FEMALE, raceEthnicity: [R.AMERICAN_INDIAN_ALASKA_NATIVE_OR_INDIGENOUS, R.WHITE], veteranStatus: NoYesMissing.NO },
  'Robin Hayes': { org: 'SHD', ssn: '541906723', dob: '1990-06-17', sex: Sex.FEMALE, raceEthnicity: [R.BLACK_AFRICAN_AMERICAN_OR_AFRICAN], veteranStatus: NoYesMissing.NO, restrictIntake: true },
  'Jamie Fox': { org: 'HSS', ssn: '602148837', dob: '1983-09-05', sex: Sex.MALE, raceEthnicity: [R.WHITE], veteranStatus: NoYesMissing.NO },
  'Drew Park': { org: 'HSS', ssn: '275391640', dob: '1974-12-12', sex: Sex.MALE, raceEthnicity: [R.ASIAN_OR_ASIAN_AMERICAN], veteranStatus: NoYesMissing.YES },
} satisfies Record<string, ClientSeed>;

export type DemoClientName = keyof typeof CLIENTS;
export const DEMO_CLIENT_NAMES = Object.keys(CLIENTS) as DemoClientName[];

/** Enrollments of the named clients, keyed "First Last/<program type>". */
export type DemoEnrollmentKey =
  | 'Alex Rivera/ES'
  | 'Alex Rivera/RRH'
  | 'Jordan Lee/ES'
  | 'Sam Carter/SO'
  | 'Sam Carter/CE'
  | 'Taylor Brooks/SO'
  | 'Casey Morgan/CE'
  | 'Robin Hayes/ES'
  | 'Jamie Fox/ES'
  | 'Drew Park/ES';

export interface DemoClientIds {
  clients: Record<DemoClientName, number>;
  enrollments: Record<DemoEnrollmentKey, number>;
  exits: Record<'Alex Rivera/ES', number>;
  /** Services (bed nights) per enrollment, in date order. */
  services: Record<'Alex Rivera/ES' | 'Jordan Lee/ES' | 'Robin Hayes/ES' | 'Jamie Fox/ES' | 'Drew Park/ES', number[]>;
  currentLivingSituations: Record<'Sam Carter/SO' | 'Taylor Brooks/SO', number[]>;
  assessments: Record<'Sam Carter/CE' | 'Casey Morgan/CE', number>;
  ceEvents: Record<'Casey Morgan/CE', number>;
  healthAndDv: Record<'Alex Rivera/ES' | 'Robin Hayes/ES', number>;
  /** Release exceptions keyed "client/org". */
  releaseExceptions: Record<'Jamie Fox/CCE' | 'Drew Park/CCE', number>;
  /** Filler clients per owning organization (ids in creation order). */
  filler: Record<FillerOrg, number[]>;
}

type FillerOrg = 'HSS' | 'NSO' | 'CCE' | 'SHD';
export const FILLER_CLIENTS_PER_ORG = 10;

/** The staff member who records each organization's data. */
const STAFF: Record<Exclude<OrgCode, 'ADM'>, DemoUsername> = { HSS: 'sam.shelter', NSO: 'olga.outreach', CCE: 'casey.assessor', SHD: 'dana.dv' };

const FULL_REPORTED = {
  nameDataQuality: NameDataQuality.FULL_NAME_REPORTED,
  ssnDataQuality: SsnDataQuality.FULL_SSN_REPORTED,
  dobDataQuality: DobDataQuality.FULL_DOB_REPORTED,
};

const bedNight = { recordType: ServiceRecordType.BED_NIGHT, typeProvided: 200 };

/** Inserts rows and returns their ids, in order. */
async function insertIds<T extends object>(m: EntityManager, entity: new () => T, rows: Array<Partial<T>>): Promise<number[]> {
  if (!rows.length) return [];
  const { identifiers } = await m.insert(entity, rows as never);
  return identifiers.map((i) => i.id as number);
}

async function insertId<T extends object>(m: EntityManager, entity: new () => T, row: Partial<T>): Promise<number> {
  return (await insertIds(m, entity, [row]))[0];
}

/** Days `from`..`to` inclusive, as ISO dates. */
function days(today: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => addDays(today, from + i));
}

export async function seedDemoClients(m: EntityManager, setup: DemoSetupIds, today: string): Promise<DemoClientIds> {
  const day = (offset: number) => addDays(today, offset);
  const { orgs, programs, users } = setup;
  const orgOfProgram: Record<ProgramKey, OrgCode> = { HSS_ES: 'HSS', HSS_RRH: 'HSS', NSO_SO: 'NSO', CCE_CE: 'CCE', SHD_ES: 'SHD' };
  let household = 0;

  const clients = {} as Record<DemoClientName, number>;
  for (const name of DEMO_CLIENT_NAMES) {
    const { org, ...c }: ClientSeed = CLIENTS[name];
    const [firstName, lastName] = name.split(' ');
    clients[name] = await insertId(m, Client, {
      ...FULL_REPORTED,
      ...c,
      firstName,
      lastName,
      restrictIntake: org === 'SHD' || c.restrictIntake === true,
      organizationId: orgs[org],
      createdById: users[STAFF[org as FillerOrg]],
    });
  }

  /** Columns every transaction of `client` recorded in `program` carries. */
  const owned = (client: number, program: ProgramKey, restriction: Restriction) => {
    const org = orgOfProgram[program];
    return { clientId: client, organizationId: orgs[org], restriction: org === 'SHD' ? RESTRICTED : restriction, createdById: users[STAFF[org as FillerOrg]] };
  };
  const enroll = (client: number, program: ProgramKey, restriction: Restriction, row: Partial<Enrollment>) =>
    insertId(m, Enrollment, { ...owned(client, program, restriction), programId: programs[program], householdId: `HH-${String(++household).padStart(5, '0')}`, ...row });
  const bedNights = (client: number, enrollmentId: number, program: ProgramKey, restriction: Restriction, dates: string[]) =>
    insertIds(m, Service, dates.map((dateProvided) => ({ ...owned(client, program, restriction), enrollmentId, dateProvided, ...bedNight })));

  const homeless = { livingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION, disablingCondition: NoYesMissing.NO };
  const c = clients;
  const e = {} as Record<DemoEnrollmentKey, number>;

  // Alex Rivera: 40 nights at Hope Street Emergency Shelter, exited into Hope Street Rapid Rehousing.
  e['Alex Rivera/ES'] = await enroll(c['Alex Rivera'], 'HSS_ES', UNRESTRICTED, { entryDate: day(-60), ...homeless });
  const alexBedNights = await bedNights(c['Alex Rivera'], e['Alex Rivera/ES'], 'HSS_ES', UNRESTRICTED, days(today, -60, -21));
  const alexExit = await insertId(m, Exit, {
    ...owned(c['Alex Rivera'], 'HSS_ES', UNRESTRICTED),
    enrollmentId: e['Alex Rivera/ES'],
    exitDate: day(-20),
    destination: LivingSituation.RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY, // RRH subsidy
  });
  e['Alex Rivera/RRH'] = await enroll(c['Alex Rivera'], 'HSS_RRH', UNRESTRICTED, {
    entryDate: day(-20),
    livingSituation: LivingSituation.EMERGENCY_SHELTER,
    disablingCondition: NoYesMissing.NO,
    moveInDate: day(-12),
  });
  const alexHealth = await insertId(m, HealthAndDv, {
    ...owned(c['Alex Rivera'], 'HSS_ES', UNRESTRICTED),
    enrollmentId: e['Alex Rivera/ES'],
    informationDate: day(-60),
    domesticViolenceSurvivor: NoYesMissing.NO,
    generalHealthStatus: HealthStatus.FAIR,
  });

  // Jordan Lee: restrict intake, a RESTRICTED shelter stay.
  e['Jordan Lee/ES'] = await enroll(c['Jordan Lee'], 'HSS_ES', RESTRICTED, { entryDate: day(-3), ...homeless });
  const jordanBedNights = await bedNights(c['Jordan Lee'], e['Jordan Lee/ES'], 'HSS_ES', RESTRICTED, days(today, -3, -1));

  // Sam Carter: street outreach contacts (shared), then a RESTRICTED CE enrollment with a VI-SPDAT.
  e['Sam Carter/SO'] = await enroll(c['Sam Carter'], 'NSO_SO', UNRESTRICTED, { entryDate: day(-90), ...homeless, disablingCondition: NoYesMissing.YES });
  const samContacts = await insertIds(
    m,
    CurrentLivingSituation,
    [-90, -60, -30].map((offset, i) => ({
      ...owned(c['Sam Carter'], 'NSO_SO', UNRESTRICTED),
      enrollmentId: e['Sam Carter/SO'],
      informationDate: day(offset),
      currentLivingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
      locationDetails: ['Under the 5th Street overpass', 'Riverfront Park, east bench', 'Vehicle parked behind the Alder Ave library'][i],
    })),
  );
  e['Sam Carter/CE'] = await enroll(c['Sam Carter'], 'CCE_CE', RESTRICTED, { entryDate: day(-25), ...homeless, disablingCondition: NoYesMissing.YES });
  const samAssessment = await insertId(m, Assessment, {
    ...owned(c['Sam Carter'], 'CCE_CE', RESTRICTED),
    enrollmentId: e['Sam Carter/CE'],
    assessmentDate: day(-25),
    assessmentLocation: 'Coordinated Entry Access Point - Civic Center',
    assessmentType: AssessmentType.IN_PERSON,
    assessmentLevel: AssessmentLevel.HOUSING_NEEDS_ASSESSMENT,
    instrument: 'VI-SPDAT',
    score: 11,
    prioritizationStatus: PrioritizationStatus.PLACED_ON_PRIORITIZATION_LIST,
  });

  // Taylor Brooks: a RESTRICTED outreach enrollment and contact.
  e['Taylor Brooks/SO'] = await enroll(c['Taylor Brooks'], 'NSO_SO', RESTRICTED, { entryDate: day(-40), ...homeless });
  const taylorContacts = await insertIds(m, CurrentLivingSituation, [
    {
      ...owned(c['Taylor Brooks'], 'NSO_SO', RESTRICTED),
      enrollmentId: e['Taylor Brooks/SO'],
      informationDate: day(-40),
      currentLivingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
      locationDetails: 'Tent near the Greyhound station',
    },
  ]);

  // Casey Morgan: CE enrollment with an assessment and a pending referral to RRH.
  e['Casey Morgan/CE'] = await enroll(c['Casey Morgan'], 'CCE_CE', RESTRICTED, { entryDate: day(-50), livingSituation: LivingSituation.EMERGENCY_SHELTER, disablingCondition: NoYesMissing.NO });
  const caseyAssessment = await insertId(m, Assessment, {
    ...owned(c['Casey Morgan'], 'CCE_CE', RESTRICTED),
    enrollmentId: e['Casey Morgan/CE'],
    assessmentDate: day(-50),
    assessmentLocation: 'Coordinated Entry Access Point - Civic Center',
    assessmentType: AssessmentType.PHONE,
    assessmentLevel: AssessmentLevel.HOUSING_NEEDS_ASSESSMENT,
    instrument: 'VI-SPDAT',
    score: 8,
    prioritizationStatus: PrioritizationStatus.PLACED_ON_PRIORITIZATION_LIST,
  });
  const caseyEvent = await insertId(m, CeEvent, {
    ...owned(c['Casey Morgan'], 'CCE_CE', RESTRICTED),
    enrollmentId: e['Casey Morgan/CE'],
    eventDate: day(-10),
    event: CeEventType.REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING,
    locationCrisisOrPhHousing: 'Hope Street Rapid Rehousing',
    referralResult: null,
    resultDate: null,
  });

  // Robin Hayes: Safe Harbor (a victim service provider): everything RESTRICTED.
  e['Robin Hayes/ES'] = await enroll(c['Robin Hayes'], 'SHD_ES', RESTRICTED, { entryDate: day(-8), livingSituation: LivingSituation.STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE, disablingCondition: NoYesMissing.NO });
  const robinBedNights = await bedNights(c['Robin Hayes'], e['Robin Hayes/ES'], 'SHD_ES', RESTRICTED, days(today, -8, -1));
  const robinHealth = await insertId(m, HealthAndDv, {
    ...owned(c['Robin Hayes'], 'SHD_ES', RESTRICTED),
    enrollmentId: e['Robin Hayes/ES'],
    informationDate: day(-8),
    domesticViolenceSurvivor: NoYesMissing.YES,
    whenOccurred: WhenDvOccurred.WITHIN_THE_PAST_THREE_MONTHS,
    currentlyFleeing: NoYesMissing.YES,
    generalHealthStatus: HealthStatus.GOOD,
  });

  // Jamie Fox and Drew Park: shelter stays released to CCE by a release exception (one expired).
  e['Jamie Fox/ES'] = await enroll(c['Jamie Fox'], 'HSS_ES', UNRESTRICTED, { entryDate: day(-15), ...homeless });
  const jamieBedNights = await bedNights(c['Jamie Fox'], e['Jamie Fox/ES'], 'HSS_ES', UNRESTRICTED, days(today, -3, -1));
  e['Drew Park/ES'] = await enroll(c['Drew Park'], 'HSS_ES', UNRESTRICTED, { entryDate: day(-45), ...homeless, disablingCondition: NoYesMissing.YES });
  const drewBedNights = await bedNights(c['Drew Park'], e['Drew Park/ES'], 'HSS_ES', UNRESTRICTED, days(today, -3, -1));
  const releaseExceptions = {
    'Jamie Fox/CCE': await insertId(m, ReleaseException, { clientId: c['Jamie Fox'], organizationId: orgs.CCE, validThrough: day(30) }),
    'Drew Park/CCE': await insertId(m, ReleaseException, { clientId: c['Drew Park'], organizationId: orgs.CCE, validThrough: day(-10) }),
  };

  const filler = await seedFiller(m, setup, today, () => `HH-${String(++household).padStart(5, '0')}`);

  return {
    clients,
    enrollments: e,
    exits: { 'Alex Rivera/ES': alexExit },
    services: {
      'Alex Rivera/ES': alexBedNights,
      'Jordan Lee/ES': jordanBedNights,
      'Robin Hayes/ES': robinBedNights,
      'Jamie Fox/ES': jamieBedNights,
      'Drew Park/ES': drewBedNights,
    },
    currentLivingSituations: { 'Sam Carter/SO': samContacts, 'Taylor Brooks/SO': taylorContacts },
    assessments: { 'Sam Carter/CE': samAssessment, 'Casey Morgan/CE': caseyAssessment },
    ceEvents: { 'Casey Morgan/CE': caseyEvent },
    healthAndDv: { 'Alex Rivera/ES': alexHealth, 'Robin Hayes/ES': robinHealth },
    releaseExceptions,
    filler,
  };
}

/** Which program filler clients of each org are enrolled in. */
const FILLER_PROGRAM: Record<FillerOrg, ProgramKey> = { HSS: 'HSS_ES', NSO: 'NSO_SO', CCE: 'CCE_CE', SHD: 'SHD_ES' };

/**
 * Ten filler clients per organization with programs, each with one enrollment in the org's
 * program at the org's default restriction: shelter stays with bed nights (a third exited),
 * outreach enrollments with contacts, CE enrollments with an assessment.
 */
async function seedFiller(m: EntityManager, setup: DemoSetupIds, today: string, nextHousehold: () => string): Promise<Record<FillerOrg, number[]>> {
  const rng = mulberry32(20260101);
  const { orgs, programs, users } = setup;
  const result = {} as Record<FillerOrg, number[]>;
  for (const org of Object.keys(FILLER_PROGRAM) as FillerOrg[]) {
    const program = FILLER_PROGRAM[org];
    const restriction = org === 'CCE' || org === 'SHD' ? RESTRICTED : UNRESTRICTED;
    const stamp = { organizationId: orgs[org], createdById: users[STAFF[org]] };
    const people = Array.from({ length: FILLER_CLIENTS_PER_ORG }, () => ({
      ...FULL_REPORTED,
      ...randomPerson(rng),
      ssn: randomSsn(rng),
      dob: addDays('1950-01-01', intBetween(rng, 0, 365 * 55)),
      raceEthnicity: randomRaceEthnicity(rng),
      veteranStatus: rng() < 0.1 ? NoYesMissing.YES : NoYesMissing.NO,
      restrictIntake: org === 'SHD',
      ...stamp,
    }));
    const clientIds = await insertIds(m, Client, people);
    result[org] = clientIds;
    for (const [i, clientId] of clientIds.entries()) {
      const tx = { ...stamp, clientId, restriction };
      const entry = -intBetween(rng, 5, 120);
      const exited = org !== 'CCE' && i % 3 === 0 && entry < -10;
      const exitOffset = exited ? entry + intBetween(rng, 3, -entry - 1) : 0;
      const enrollmentId = await insertId(m, Enrollment, {
        ...tx,
        programId: programs[program],
        entryDate: addDays(today, entry),
        householdId: nextHousehold(),
        livingSituation: org === 'SHD' ? LivingSituation.STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE : LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
        disablingCondition: rng() < 0.3 ? NoYesMissing.YES : NoYesMissing.NO,
      });
      const last = exited ? exitOffset - 1 : -1;
      if (org === 'HSS' || org === 'SHD') {
        const nights = Math.min(intBetween(rng, 3, 6), last - entry + 1);
        await insertIds(m, Service, days(today, last - nights + 1, last).map((dateProvided) => ({ ...tx, enrollmentId, dateProvided, ...bedNight })));
      } else if (org === 'NSO') {
        await insertIds(m, CurrentLivingSituation, [entry, Math.round((entry + last) / 2)].map((offset) => ({
          ...tx,
          enrollmentId,
          informationDate: addDays(today, offset),
          currentLivingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
          locationDetails: 'Northside encampment',
        })));
      } else {
        await insertId(m, Assessment, {
          ...tx,
          enrollmentId,
          assessmentDate: addDays(today, entry),
          assessmentLocation: 'Coordinated Entry Access Point - Civic Center',
          assessmentType: AssessmentType.IN_PERSON,
          assessmentLevel: AssessmentLevel.HOUSING_NEEDS_ASSESSMENT,
          instrument: 'VI-SPDAT',
          score: intBetween(rng, 2, 16),
          prioritizationStatus: PrioritizationStatus.PLACED_ON_PRIORITIZATION_LIST,
        });
      }
      if (exited) {
        await insertId(m, Exit, {
          ...tx,
          enrollmentId,
          exitDate: addDays(today, exitOffset),
          destination: rng() < 0.5 ? LivingSituation.STAYING_OR_LIVING_WITH_FAMILY_PERMANENT_TENURE : LivingSituation.RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY,
        });
      }
    }
  }
  return result;
}
