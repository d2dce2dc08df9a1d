/**
 * Demo scenario, part 2: the named clients and their transactions (see
 * /work/shared/spec/demo-scenario.md); filler clients come from demo-filler.ts.
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import { addDays } from '../src/database/sql-time';
import {
  AssessmentLevel,
  AssessmentType,
  CeEventType,
  HealthStatus,
  LivingSituation,
  NoYesMissing,
  PrioritizationStatus,
  RaceEthnicity as R,
  Sex,
  WhenDvOccurred,
} from '../src/hud';
import { Client } from '../src/modules/client/client.entity';
import { Enrollment } from '../src/modules/enrollment/enrollment.entity';
import { Exit } from '../src/modules/enrollment/exit.entity';
import { ReleaseException } from '../src/modules/admin/information-release.entity';
import { Assessment } from '../src/modules/transaction/assessment.entity';
import { CeEvent } from '../src/modules/transaction/ce-event.entity';
import { CurrentLivingSituation } from '../src/modules/transaction/current-living-situation.entity';
import { HealthAndDv } from '../src/modules/transaction/health-and-dv.entity';
import { Service } from '../src/modules/transaction/service.entity';
import {
  BED_NIGHT,
  FULL_REPORTED,
  STAFF,
  dayRange,
  insertId,
  insertIds,
  type FillerOrg,
} from './demo-common';
import type { DemoSetupIds, OrgCode, ProgramKey } from './demo-setup';
import { seedFiller } from './demo-filler';
import { seedDemoHousing, type DemoHousingIds } from './demo-housing';

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

const NO = NoYesMissing.NO;
const YES = NoYesMissing.YES;

// prettier-ignore
const CLIENTS = {
  'Alex Rivera':   { org: 'HSS', ssn: '412558291', dob: '1987-03-14', sex: Sex.MALE,   raceEthnicity: [R.WHITE, R.HISPANIC_LATINA_E_O], veteranStatus: NO, middleName: 'Jose' },
  'Jordan Lee':    { org: 'HSS', ssn: '529374016', dob: '1995-08-02', sex: Sex.FEMALE, raceEthnicity: [R.ASIAN_OR_ASIAN_AMERICAN], veteranStatus: NO, restrictIntake: true },
  'Sam Carter':    { org: 'NSO', ssn: '238604417', dob: '1968-11-23', sex: Sex.MALE,   raceEthnicity: [R.BLACK_AFRICAN_AMERICAN_OR_AFRICAN], veteranStatus: YES },
  'Taylor Brooks': { org: 'NSO', ssn: '318720954', dob: '2001-05-30', sex: Sex.FEMALE, raceEthnicity: [R.WHITE], veteranStatus: NO },
  'Casey Morgan':  { org: 'CCE', ssn: '467203385', dob: '1979-01-09', sex: Sex.FEMALE, raceEthnicity: [R.AMERICAN_INDIAN_ALASKA_NATIVE_OR_INDIGENOUS, R.WHITE], veteranStatus: NO },
  'Robin Hayes':   { org: 'SHD', ssn: '541906723', dob: '1990-06-17', sex: Sex.FEMALE, raceEthnicity: [R.BLACK_AFRICAN_AMERICAN_OR_AFRICAN], veteranStatus: NO, restrictIntake: true },
  'Jamie Fox':     { org: 'HSS', ssn: '602148837', dob: '1983-09-05', sex: Sex.MALE,   raceEthnicity: [R.WHITE], veteranStatus: NO },
  'Drew Park':     { org: 'HSS', ssn: '275391640', dob: '1974-12-12', sex: Sex.MALE,   raceEthnicity: [R.ASIAN_OR_ASIAN_AMERICAN], veteranStatus: YES },
  // Duplicates and requests: Alex Rivera entered again at Northside (same DOB and SSN), and
  // Robin Hayes entered at Hope Street under another spelling, the SSN's last two digits swapped.
  'Alexander Rivera': { org: 'NSO', ssn: '412558291', dob: '1987-03-14', sex: Sex.MALE, raceEthnicity: [R.WHITE, R.HISPANIC_LATINA_E_O], veteranStatus: NO },
  'Robyn Hayes':   { org: 'HSS', ssn: '541906732', dob: '1990-06-17', sex: Sex.FEMALE, raceEthnicity: [R.BLACK_AFRICAN_AMERICAN_OR_AFRICAN], veteranStatus: NO },
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
  services: Record<
    'Alex Rivera/ES' | 'Jordan Lee/ES' | 'Robin Hayes/ES' | 'Jamie Fox/ES' | 'Drew Park/ES',
    number[]
  >;
  currentLivingSituations: Record<'Sam Carter/SO' | 'Taylor Brooks/SO', number[]>;
  assessments: Record<'Sam Carter/CE' | 'Casey Morgan/CE', number>;
  ceEvents: Record<'Casey Morgan/CE', number>;
  healthAndDv: Record<'Alex Rivera/ES' | 'Robin Hayes/ES', number>;
  /** Release exceptions keyed "client/org". */
  releaseExceptions: Record<'Jamie Fox/CCE' | 'Drew Park/CCE', number>;
  /** Filler clients per owning organization (ids in creation order). */
  filler: Record<FillerOrg, number[]>;
  /** Facilities, beds, stays and reservations (seeds/demo-housing.ts). */
  housing: DemoHousingIds;
}

export async function seedDemoClients(
  m: EntityManager,
  setup: DemoSetupIds,
  today: string,
): Promise<DemoClientIds> {
  const day = (offset: number) => addDays(today, offset);
  const { orgs, programs, users } = setup;
  const orgOfProgram: Record<ProgramKey, OrgCode> = {
    HSS_ES: 'HSS',
    HSS_RRH: 'HSS',
    NSO_SO: 'NSO',
    CCE_CE: 'CCE',
    SHD_ES: 'SHD',
  };
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
    return {
      clientId: client,
      organizationId: orgs[org],
      restriction: org === 'SHD' ? RESTRICTED : restriction,
      createdById: users[STAFF[org as FillerOrg]],
    };
  };
  const enroll = (client: number, program: ProgramKey, restriction: Restriction, row: Partial<Enrollment>) =>
    insertId(m, Enrollment, {
      ...owned(client, program, restriction),
      programId: programs[program],
      householdId: `HH-${String(++household).padStart(5, '0')}`,
      ...row,
    });
  const BED_NIGHTs = (
    client: number,
    enrollmentId: number,
    program: ProgramKey,
    restriction: Restriction,
    dates: string[],
  ) =>
    insertIds(
      m,
      Service,
      dates.map((dateProvided) => ({
        ...owned(client, program, restriction),
        enrollmentId,
        dateProvided,
        ...BED_NIGHT,
      })),
    );

  const homeless = {
    livingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
    disablingCondition: NoYesMissing.NO,
  };
  const c = clients;
  const e = {} as Record<DemoEnrollmentKey, number>;

  // Alex Rivera: 40 nights at Hope Street Emergency Shelter, exited into Hope Street Rapid Rehousing.
  e['Alex Rivera/ES'] = await enroll(c['Alex Rivera'], 'HSS_ES', UNRESTRICTED, {
    entryDate: day(-60),
    ...homeless,
  });
  const alexBedNights = await BED_NIGHTs(
    c['Alex Rivera'],
    e['Alex Rivera/ES'],
    'HSS_ES',
    UNRESTRICTED,
    dayRange(today, -60, -21),
  );
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
  e['Jordan Lee/ES'] = await enroll(c['Jordan Lee'], 'HSS_ES', RESTRICTED, {
    entryDate: day(-3),
    ...homeless,
  });
  const jordanBedNights = await BED_NIGHTs(
    c['Jordan Lee'],
    e['Jordan Lee/ES'],
    'HSS_ES',
    RESTRICTED,
    dayRange(today, -3, -1),
  );

  // Sam Carter: street outreach contacts (shared), then a RESTRICTED CE enrollment with a VI-SPDAT.
  e['Sam Carter/SO'] = await enroll(c['Sam Carter'], 'NSO_SO', UNRESTRICTED, {
    entryDate: day(-90),
    ...homeless,
    disablingCondition: NoYesMissing.YES,
  });
  const samContacts = await insertIds(
    m,
    CurrentLivingSituation,
    [-90, -60, -30].map((offset, i) => ({
      ...owned(c['Sam Carter'], 'NSO_SO', UNRESTRICTED),
      enrollmentId: e['Sam Carter/SO'],
      informationDate: day(offset),
      currentLivingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
      locationDetails: [
        'Under the 5th Street overpass',
        'Riverfront Park, east bench',
        'Vehicle parked behind the Alder Ave library',
      ][i],
    })),
  );
  e['Sam Carter/CE'] = await enroll(c['Sam Carter'], 'CCE_CE', RESTRICTED, {
    entryDate: day(-25),
    ...homeless,
    disablingCondition: NoYesMissing.YES,
  });
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
  e['Taylor Brooks/SO'] = await enroll(c['Taylor Brooks'], 'NSO_SO', RESTRICTED, {
    entryDate: day(-40),
    ...homeless,
  });
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
  e['Casey Morgan/CE'] = await enroll(c['Casey Morgan'], 'CCE_CE', RESTRICTED, {
    entryDate: day(-50),
    livingSituation: LivingSituation.EMERGENCY_SHELTER,
    disablingCondition: NoYesMissing.NO,
  });
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
  e['Robin Hayes/ES'] = await enroll(c['Robin Hayes'], 'SHD_ES', RESTRICTED, {
    entryDate: day(-8),
    livingSituation: LivingSituation.STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE,
    disablingCondition: NoYesMissing.NO,
  });
  const robinBedNights = await BED_NIGHTs(
    c['Robin Hayes'],
    e['Robin Hayes/ES'],
    'SHD_ES',
    RESTRICTED,
    dayRange(today, -8, -1),
  );
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
  e['Jamie Fox/ES'] = await enroll(c['Jamie Fox'], 'HSS_ES', UNRESTRICTED, {
    entryDate: day(-15),
    ...homeless,
  });
  const jamieBedNights = await BED_NIGHTs(
    c['Jamie Fox'],
    e['Jamie Fox/ES'],
    'HSS_ES',
    UNRESTRICTED,
    dayRange(today, -3, -1),
  );
  e['Drew Park/ES'] = await enroll(c['Drew Park'], 'HSS_ES', UNRESTRICTED, {
    entryDate: day(-45),
    ...homeless,
    disablingCondition: NoYesMissing.YES,
  });
  const drewBedNights = await BED_NIGHTs(
    c['Drew Park'],
    e['Drew Park/ES'],
    'HSS_ES',
    UNRESTRICTED,
    dayRange(today, -3, -1),
  );
  const releaseExceptions = {
    'Jamie Fox/CCE': await insertId(m, ReleaseException, {
      clientId: c['Jamie Fox'],
      organizationId: orgs.CCE,
      validThrough: day(30),
    }),
    'Drew Park/CCE': await insertId(m, ReleaseException, {
      clientId: c['Drew Park'],
      organizationId: orgs.CCE,
      validThrough: day(-10),
    }),
  };

  const filler = await seedFiller(m, setup, today, () => `HH-${String(++household).padStart(5, '0')}`);
  const housing = await seedDemoHousing(
    m,
    setup,
    c['Jamie Fox'],
    today,
    () => `HH-${String(++household).padStart(5, '0')}`,
  );

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
    housing,
  };
}
