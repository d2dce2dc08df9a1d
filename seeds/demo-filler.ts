/**
 * Demo scenario, part 3: deterministic filler clients, so lists and pagination have something
 * to page through. Names never collide with the scenario's named clients.
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import { addDays } from '../src/database/sql-time';
import {
  AssessmentLevel,
  AssessmentType,
  LivingSituation,
  NoYesMissing,
  PrioritizationStatus,
} from '../src/hud';
import { Client } from '../src/modules/client/client.entity';
import { Enrollment } from '../src/modules/enrollment/enrollment.entity';
import { Exit } from '../src/modules/enrollment/exit.entity';
import { Assessment } from '../src/modules/transaction/assessment.entity';
import { CurrentLivingSituation } from '../src/modules/transaction/current-living-situation.entity';
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
import type { DemoSetupIds, ProgramKey } from './demo-setup';
import { intBetween, mulberry32, randomPerson, randomRaceEthnicity, randomSsn } from './random';

const { RESTRICTED, UNRESTRICTED } = Restriction;

export const FILLER_CLIENTS_PER_ORG = 10;

/** Which program filler clients of each org are enrolled in. */
const FILLER_PROGRAM: Record<FillerOrg, ProgramKey> = {
  HSS: 'HSS_ES',
  NSO: 'NSO_SO',
  CCE: 'CCE_CE',
  SHD: 'SHD_ES',
};

/**
 * Ten filler clients per organization with programs, each with one enrollment in the org's
 * program at the org's default restriction: shelter stays with bed nights (a third exited),
 * outreach enrollments with contacts, CE enrollments with an assessment.
 */
export async function seedFiller(
  m: EntityManager,
  setup: DemoSetupIds,
  today: string,
  nextHousehold: () => string,
): Promise<Record<FillerOrg, number[]>> {
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
        livingSituation:
          org === 'SHD'
            ? LivingSituation.STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE
            : LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
        disablingCondition: rng() < 0.3 ? NoYesMissing.YES : NoYesMissing.NO,
      });
      const last = exited ? exitOffset - 1 : -1;
      if (org === 'HSS' || org === 'SHD') {
        const nights = Math.min(intBetween(rng, 3, 6), last - entry + 1);
        await insertIds(
          m,
          Service,
          dayRange(today, last - nights + 1, last).map((dateProvided) => ({
            ...tx,
            enrollmentId,
            dateProvided,
            ...BED_NIGHT,
          })),
        );
      } else if (org === 'NSO') {
        await insertIds(
          m,
          CurrentLivingSituation,
          [entry, Math.round((entry + last) / 2)].map((offset) => ({
            ...tx,
            enrollmentId,
            informationDate: addDays(today, offset),
            currentLivingSituation: LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION,
            locationDetails: 'Northside encampment',
          })),
        );
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
          destination:
            rng() < 0.5
              ? LivingSituation.STAYING_OR_LIVING_WITH_FAMILY_PERMANENT_TENURE
              : LivingSituation.RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY,
        });
      }
    }
  }
  return result;
}
