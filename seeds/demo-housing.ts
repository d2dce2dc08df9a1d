/**
 * Demo scenario, housing and reservations (demo-scenario.md, "Housing and reservations"):
 * Hope Street's Main Building (30 beds of Hope Street Emergency Shelter, whose Inventory says
 * 30) and Overflow (10 mats of the night-by-night program "Hope Street Overflow"). Tonight 12
 * beds and 4 mats are occupied, one bed is out of service, riley.reserve holds two reservations
 * (one for Jamie Fox), and one overflow guest has had no bed night for 8 days (the sweep exits
 * him). Guests are filler clients of HSS with stays whose every night has its bed night.
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import { addDays, localToday } from '../src/database/sql-time';
import { nightOf } from '../src/modules/housing/nights';
import {
  BedType,
  HouseholdType,
  HousingType,
  InventoryAvailability,
  LivingSituation,
  NoYesMissing,
  ProjectType,
  TargetPopulation,
} from '../src/hud';
import { Client } from '../src/modules/client/client.entity';
import { Enrollment } from '../src/modules/enrollment/enrollment.entity';
import {
  Bed,
  BedNight,
  BedStatus,
  Reservation,
  ReservationStatus,
  Stay,
} from '../src/modules/housing/housing.entity';
import { Location } from '../src/modules/organization/location.entity';
import { Inventory } from '../src/modules/program/inventory.entity';
import { Program } from '../src/modules/program/program.entity';
import { Service } from '../src/modules/transaction/service.entity';
import { BED_NIGHT, FULL_REPORTED, insertId, insertIds } from './demo-common';
import type { DemoSetupIds } from './demo-setup';
import { intBetween, mulberry32, randomPerson, randomRaceEthnicity, randomSsn } from './random';

export const MAIN_BEDS = 30;
export const OVERFLOW_MATS = 10;
export const MAIN_OCCUPIED = 12;
export const OVERFLOW_OCCUPIED = 4;
/** The bed that is out of service, and the beds riley.reserve holds tonight. */
export const OUT_OF_SERVICE_BED = '30';
export const RESERVED_BEDS = ['13', '14'] as const;

export interface DemoHousingIds {
  /** The night the scenario calls tonight: the current night (before NIGHT_STARTS_AT, yesterday's). */
  tonight: string;
  facilities: { main: number; overflow: number };
  overflowProgram: number;
  /** Bed ids by label, per facility. */
  beds: { main: Record<string, number>; overflow: Record<string, number> };
  /** Open stays tonight, per facility. */
  stays: { main: number[]; overflow: number[] };
  /** riley.reserve's reservations for tonight: Jamie Fox's first. */
  reservations: number[];
  /** The overflow guest whose last bed night was 8 days ago (the sweep exits his enrollment). */
  staleOverflowClient: number;
  staleOverflowEnrollment: number;
  /** HSS clients created here (guests and one reservation), besides filler.HSS. */
  clients: number[];
}

export async function seedDemoHousing(
  m: EntityManager,
  setup: DemoSetupIds,
  jamieFox: number,
  today: string,
  nextHousehold: () => string,
): Promise<DemoHousingIds> {
  // "Tonight" is the current night (a seed at 1 a.m. fills the evening that began yesterday);
  // a seed "as of" another day uses that day.
  const tonight = today === localToday() ? nightOf() : today;
  const rng = mulberry32(20261301);
  const { orgs, programs, users } = setup;
  const org = orgs.HSS;
  const staff = users['sam.shelter'];
  const stamp = { organizationId: org, createdById: staff };
  const restriction = Restriction.UNRESTRICTED;

  const overflowProgram = await insertId(m, Program, {
    organizationId: org,
    name: 'Hope Street Overflow',
    projectType: ProjectType.EMERGENCY_SHELTER_NIGHT_BY_NIGHT,
    housingType: HousingType.SITE_BASED_SINGLE_SITE,
    targetPopulation: TargetPopulation.NOT_APPLICABLE,
    cocCode: 'XX-500',
    operatingStartDate: '2018-11-01',
  });
  await m.insert(Inventory, {
    programId: overflowProgram,
    cocCode: 'XX-500',
    householdType: HouseholdType.HOUSEHOLDS_WITHOUT_CHILDREN,
    bedType: BedType.FACILITY_BASED,
    availability: InventoryAvailability.OVERFLOW,
    unitInventory: OVERFLOW_MATS,
    bedInventory: OVERFLOW_MATS,
    otherBedInventory: OVERFLOW_MATS,
    inventoryStartDate: '2018-11-01',
  });

  const facility = (name: string, address: string) =>
    insertId(m, Location, {
      organizationId: org,
      name,
      address,
      city: 'Riverton',
      state: 'OR',
      zip: '97301',
      isFacility: true,
      hours: '18:00-08:00',
      checkInTime: '18:00',
      holdTime: '21:00',
      active: true,
    });
  const main = await facility('Hope Street Main Building', '410 Hope Street');
  const overflow = await facility('Hope Street Overflow', '412 Hope Street');

  const addBeds = async (locationId: number, programId: number, labels: string[], room: string) => {
    const ids = await insertIds(
      m,
      Bed,
      labels.map((label) => ({
        organizationId: org,
        locationId,
        programId,
        label,
        room,
        bedType: BedType.FACILITY_BASED,
        accessible: label === '1' || label === '2',
        status:
          label === OUT_OF_SERVICE_BED && programId === programs.HSS_ES
            ? BedStatus.OUT_OF_SERVICE
            : BedStatus.AVAILABLE,
        statusReason:
          label === OUT_OF_SERVICE_BED && programId === programs.HSS_ES ? 'Broken bed frame' : null,
      })),
    );
    return Object.fromEntries(labels.map((l, i) => [l, ids[i]]));
  };
  const mainBeds = await addBeds(
    main,
    programs.HSS_ES,
    Array.from({ length: MAIN_BEDS }, (_, i) => String(i + 1)),
    'Dormitory A',
  );
  const overflowBeds = await addBeds(
    overflow,
    overflowProgram,
    Array.from({ length: OVERFLOW_MATS }, (_, i) => `Mat ${i + 1}`),
    'Hall',
  );

  const guests = MAIN_OCCUPIED + OVERFLOW_OCCUPIED + 2; // + the stale overflow guest + a reservation
  const clients = await insertIds(
    m,
    Client,
    Array.from({ length: guests }, () => ({
      ...FULL_REPORTED,
      ...randomPerson(rng),
      ssn: randomSsn(rng),
      dob: addDays('1955-01-01', intBetween(rng, 0, 365 * 45)),
      raceEthnicity: randomRaceEthnicity(rng),
      veteranStatus: NoYesMissing.NO,
      restrictIntake: false,
      ...stamp,
    })),
  );

  /** An enrollment and an open stay from `nights` ago to tonight, each night with its bed night. */
  const stayFor = async (
    clientId: number,
    programId: number,
    locationId: number,
    bedId: number,
    nights: number,
    open = true,
  ) => {
    const first = addDays(tonight, -nights + 1);
    const tx = { ...stamp, clientId, restriction, updatedById: staff };
    const enrollmentId = await insertId(m, Enrollment, {
      ...tx,
      programId,
      entryDate: first,
      householdId: nextHousehold(),
      livingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
      disablingCondition: NoYesMissing.NO,
    });
    const lastNight = open ? tonight : addDays(first, nights - 1);
    const stayId = await insertId(m, Stay, {
      ...tx,
      enrollmentId,
      locationId,
      bedId,
      firstNight: first,
      lastNight: open ? null : lastNight,
      checkOutDate: open ? null : addDays(lastNight, 1),
    });
    const nightsList = Array.from({ length: nights }, (_, i) => addDays(first, i));
    const serviceIds = await insertIds(
      m,
      Service,
      nightsList.map((dateProvided) => ({ ...tx, enrollmentId, dateProvided, ...BED_NIGHT })),
    );
    await m.insert(
      BedNight,
      nightsList.map((night, i) => ({ stayId, bedId, clientId, night, serviceId: serviceIds[i] })),
    );
    return { stayId, enrollmentId };
  };

  const mainStays: number[] = [];
  for (let i = 0; i < MAIN_OCCUPIED; i++)
    mainStays.push(
      (await stayFor(clients[i], programs.HSS_ES, main, mainBeds[String(i + 1)], intBetween(rng, 1, 6)))
        .stayId,
    );
  const overflowStays: number[] = [];
  for (let i = 0; i < OVERFLOW_OCCUPIED; i++)
    overflowStays.push(
      (
        await stayFor(
          clients[MAIN_OCCUPIED + i],
          overflowProgram,
          overflow,
          overflowBeds[`Mat ${i + 1}`],
          intBetween(rng, 1, 4),
        )
      ).stayId,
    );
  // Two nights, the last one 8 days ago, then checked out: no bed night since.
  const staleClient = clients[MAIN_OCCUPIED + OVERFLOW_OCCUPIED];
  const stale = await (async () => {
    const first = addDays(tonight, -9);
    const tx = { ...stamp, clientId: staleClient, restriction, updatedById: staff };
    const enrollmentId = await insertId(m, Enrollment, {
      ...tx,
      programId: overflowProgram,
      entryDate: first,
      householdId: nextHousehold(),
      livingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
      disablingCondition: NoYesMissing.NO,
    });
    const bedId = overflowBeds['Mat 10'];
    const stayId = await insertId(m, Stay, {
      ...tx,
      enrollmentId,
      locationId: overflow,
      bedId,
      firstNight: first,
      lastNight: addDays(tonight, -8),
      checkOutDate: addDays(tonight, -7),
    });
    const nights = [first, addDays(tonight, -8)];
    const serviceIds = await insertIds(
      m,
      Service,
      nights.map((dateProvided) => ({ ...tx, enrollmentId, dateProvided, ...BED_NIGHT })),
    );
    await m.insert(
      BedNight,
      nights.map((night, i) => ({ stayId, bedId, clientId: staleClient, night, serviceId: serviceIds[i] })),
    );
    return enrollmentId;
  })();

  const reserve = (clientId: number, label: string) =>
    insertId(m, Reservation, {
      organizationId: org,
      createdById: users['riley.reserve'],
      updatedById: users['riley.reserve'],
      clientId,
      restriction,
      locationId: main,
      bedId: mainBeds[label],
      firstNight: tonight,
      lastNight: tonight,
      status: ReservationStatus.ACTIVE,
      cancelReason: null,
      stayId: null,
    });
  const reservations = [
    await reserve(jamieFox, RESERVED_BEDS[0]),
    await reserve(clients[guests - 1], RESERVED_BEDS[1]),
  ];

  return {
    tonight,
    facilities: { main, overflow },
    overflowProgram,
    beds: { main: mainBeds, overflow: overflowBeds },
    stays: { main: mainStays, overflow: overflowStays },
    reservations,
    staleOverflowClient: staleClient,
    staleOverflowEnrollment: stale,
    clients,
  };
}
