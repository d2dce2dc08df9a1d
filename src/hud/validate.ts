/**
 * The one place where Waypoint checks HUD code lists, including the dependent ones (a service's
 * TypeProvided for its RecordType, a rental subsidy type only with living situation 435, ...).
 * Every check throws BAD_USER_INPUT naming the field at fault, with a message a case worker understands.
 * GraphQL enums already refuse values outside a list; these checks also cover values that arrive as
 * plain integers (TypeProvided, HMIS CSV import) and the rules between fields.
 */
import { badInput } from '../graphql/errors';
import { isHudCode } from './common-codes';
import {
  CURRENT_LIVING_SITUATION_CODES,
  DESTINATION_CODES,
  LivingSituation,
  PRIOR_LIVING_SITUATION_CODES,
  RentalSubsidyType,
} from './living-situation-codes';
import { describeTypeProvided, ServiceRecordType, TYPE_PROVIDED_LABELS } from './service-codes';

type Maybe<T> = T | null | undefined;

const given = <T>(value: Maybe<T>): value is T => value !== null && value !== undefined;

/** A coded value must be one of the integers of its HUD list. */
export function checkCode<E extends object>(field: string, enumObj: E, value: unknown, what: string): void {
  if (!given(value)) return;
  if (!isHudCode(enumObj, value)) throw badInput(field, `${String(value)} is not a valid ${what} code`);
}

/** A service's TypeProvided must come from the list of its RecordType (bed night: 200 only). */
export function checkTypeProvided(field: string, recordType: ServiceRecordType, typeProvided: number): void {
  if (!isHudCode(ServiceRecordType, recordType))
    throw badInput(field, 'the record type is not a HUD record type');
  if (describeTypeProvided(recordType, typeProvided) === undefined) {
    const allowed = Object.keys(TYPE_PROVIDED_LABELS[recordType]).join(', ');
    throw badInput(
      field,
      `${String(typeProvided)} is not a service type of record type ${ServiceRecordType[recordType]} (allowed: ${allowed})`,
    );
  }
}

export type LivingSituationElement = 'prior' | 'destination' | 'current';

const SITUATION_CODES: Record<LivingSituationElement, { codes: ReadonlySet<LivingSituation>; what: string }> =
  {
    prior: { codes: PRIOR_LIVING_SITUATION_CODES, what: 'prior living situation (3.917.1)' },
    destination: { codes: DESTINATION_CODES, what: 'destination (3.12.1)' },
    current: { codes: CURRENT_LIVING_SITUATION_CODES, what: 'current living situation (4.12.2)' },
  };

/** A living situation code accepted by the element (3.917.1, 3.12.1 or 4.12.2). */
export function checkLivingSituation(
  field: string,
  element: LivingSituationElement,
  situation: Maybe<number>,
): void {
  if (!given(situation)) return;
  const { codes, what } = SITUATION_CODES[element];
  if (!codes.has(situation as LivingSituation)) throw badInput(field, `${situation} is not a valid ${what}`);
}

/**
 * 3.12.A Rental Subsidy Type goes with living situation 435 (rental by client, with ongoing housing
 * subsidy) only: a subsidy type with any other situation is refused, and so is an unknown code.
 */
export function checkRentalSubsidy(
  subsidyField: string,
  subsidy: Maybe<number>,
  situationField: string,
  situation: Maybe<number>,
): void {
  if (!given(subsidy)) return;
  checkCode(subsidyField, RentalSubsidyType, subsidy, 'rental subsidy type (3.12.A)');
  if (situation !== LivingSituation.RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY) {
    throw badInput(
      subsidyField,
      `a rental subsidy type is recorded only when ${situationField} is 435 (rental by client, with ongoing housing subsidy)`,
    );
  }
}

/** HUD 2.03.1 / 3.16.1 CoC code: two letters, a dash, three digits (e.g. XX-500). */
export function checkCocCode(field: string, value: Maybe<string>): void {
  if (!given(value)) return;
  if (!/^[A-Z]{2}-[0-9]{3}$/.test(value)) throw badInput(field, 'must be a CoC code like XX-500');
}

/** V1.1/V1.2: four-digit years from 1920 to this year, separation not before entry. */
export function checkMilitaryYears(
  prefix: string,
  entered: Maybe<number>,
  separated: Maybe<number>,
  today: string,
): void {
  const thisYear = Number(today.slice(0, 4));
  for (const [field, year] of [
    ['yearEnteredService', entered],
    ['yearSeparated', separated],
  ] as const) {
    if (given(year) && (!Number.isInteger(year) || year < 1920 || year > thisYear))
      throw badInput(`${prefix}.${field}`, `must be a year from 1920 to ${thisYear}`);
  }
  if (given(entered) && given(separated) && separated < entered)
    throw badInput(`${prefix}.yearSeparated`, `${separated} is before the year entered service (${entered})`);
}

/** The 3.917 fields of an enrollment, as stored after a change. */
export interface PriorLivingValues {
  entryDate: string;
  livingSituation: Maybe<number>;
  rentalSubsidyType: Maybe<number>;
  dateToStreetEssh: Maybe<string>;
}

/** 3.917: situation code, subsidy only with 435, homelessness start not after the project start. */
export function checkPriorLiving(prefix: string, v: PriorLivingValues): void {
  checkLivingSituation(`${prefix}.livingSituation`, 'prior', v.livingSituation);
  checkRentalSubsidy(
    `${prefix}.rentalSubsidyType`,
    v.rentalSubsidyType,
    'the prior living situation',
    v.livingSituation,
  );
  if (given(v.dateToStreetEssh) && v.dateToStreetEssh > v.entryDate)
    throw badInput(
      `${prefix}.dateToStreetEssh`,
      `${v.dateToStreetEssh} is after the project start date (${v.entryDate})`,
    );
}

/** 4.20 events that are referrals to a housing or shelter opening: the ones with 4.20.D Referral Result. */
export const REFERRAL_OPENING_EVENTS: ReadonlySet<number> = new Set([10, 11, 12, 13, 14, 15, 17, 18]);

/**
 * 4.20.D Referral Result and its Result Date go with a referral to an opening (events 10-15, 17, 18)
 * only, and together: a result needs its date and a date its result.
 */
export function checkReferralResult(
  prefix: string,
  event: number,
  referralResult: Maybe<number>,
  resultDate: Maybe<string>,
): void {
  if (!given(referralResult) && !given(resultDate)) return;
  const field = given(referralResult) ? `${prefix}.referralResult` : `${prefix}.resultDate`;
  if (!REFERRAL_OPENING_EVENTS.has(event))
    throw badInput(
      field,
      'is recorded only for a referral to a housing or shelter opening (events 10-15, 17, 18)',
    );
  if (!given(resultDate)) throw badInput(`${prefix}.resultDate`, 'is required with a referral result');
  if (!given(referralResult)) throw badInput(`${prefix}.referralResult`, 'is required with a result date');
}

/** Project types with beds or units of their own (HUD's residential project types), RRH apart. */
const RESIDENTIAL_TYPES: ReadonlySet<number> = new Set([0, 1, 2, 3, 8, 9, 10]);

/** The 2.02 Project Information fields that depend on the project type. */
export interface ProjectDescriptorValues {
  projectType: number;
  rrhSubType: Maybe<number>;
  residentialAffiliation: Maybe<number>;
  housingType: Maybe<number>;
}

/**
 * 2.02: RRH Subtype only for rapid re-housing (13); ResidentialAffiliation only for RRH: Services Only;
 * Housing Type only for a residential project or RRH with housing.
 */
export function checkProjectDescriptor(prefix: string, p: ProjectDescriptorValues): void {
  const rrh = p.projectType === 13;
  if (given(p.rrhSubType) && !rrh)
    throw badInput(
      `${prefix}.rrhSubType`,
      'is recorded only for a rapid re-housing project (project type 13)',
    );
  if (given(p.residentialAffiliation) && !(rrh && p.rrhSubType === 1))
    throw badInput(`${prefix}.residentialAffiliation`, 'is recorded only for an RRH: Services Only project');
  const housed = RESIDENTIAL_TYPES.has(p.projectType) || (rrh && p.rrhSubType === 2);
  if (given(p.housingType) && !housed)
    throw badInput(`${prefix}.housingType`, 'is recorded only for a residential project or RRH with housing');
}

// ---------------------------------------------------------------- IncomeBenefits, Disabilities, R4-R6, C3

const DISABILITY_TYPES = new Set([5, 6, 7, 8, 9, 10]);

/** 4.05-4.10: DisabilityResponse follows the list of its DisabilityType; W4 answers only for HIV/AIDS. */
export function checkDisability(
  prefix: string,
  d: {
    disabilityType: Maybe<number>;
    disabilityResponse?: Maybe<number>;
    tCellCount?: Maybe<number>;
    viralLoad?: Maybe<number>;
    tCellCountAvailable?: Maybe<number>;
    tCellSource?: Maybe<number>;
    viralLoadAvailable?: Maybe<number>;
    viralLoadSource?: Maybe<number>;
    antiRetroviral?: Maybe<number>;
  },
): void {
  if (!given(d.disabilityType) || !DISABILITY_TYPES.has(d.disabilityType))
    throw badInput(
      `${prefix}disabilityType`,
      `${String(d.disabilityType)} is not a valid disability type code`,
    );
  if (given(d.disabilityResponse)) {
    const substance = d.disabilityType === 10;
    const allowed = substance ? [0, 1, 2, 3, 8, 9, 99] : [0, 1, 8, 9, 99];
    if (!allowed.includes(d.disabilityResponse))
      throw badInput(
        `${prefix}disabilityResponse`,
        `${d.disabilityResponse} is not a valid answer for ${substance ? 'a substance use disorder (4.10.2)' : 'this disability (list 1.8)'} (allowed: ${allowed.join(', ')})`,
      );
  }
  const hiv = d.disabilityType === 8;
  // Every W4 column (and AntiRetroviral) belongs to the HIV/AIDS row, the sources (list W4.B) too.
  for (const f of [
    'tCellCountAvailable',
    'tCellCount',
    'tCellSource',
    'viralLoadAvailable',
    'viralLoad',
    'viralLoadSource',
    'antiRetroviral',
  ] as const)
    if (!hiv && given(d[f]))
      throw badInput(
        `${prefix}${f}`,
        'T-cell, viral load and anti-retroviral answers belong to HIV/AIDS (4.08) only',
      );
  if (given(d.tCellCount) && (d.tCellCount < 0 || d.tCellCount > 1500))
    throw badInput(`${prefix}tCellCount`, 'the T-cell count must be between 0 and 1500');
  if (given(d.viralLoad) && (d.viralLoad < 0 || d.viralLoad > 999999))
    throw badInput(`${prefix}viralLoad`, 'the viral load must be between 0 and 999999');
}

/** 4.02: an amount only with its source answered Yes, never negative; at most 2 decimals. */
export function checkIncomeAmounts(prefix: string, r: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(r)) {
    if (!key.endsWith('Amount') && key !== 'totalMonthlyIncome') continue;
    if (!given(value)) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 99999999.99)
      throw badInput(`${prefix}${key}`, 'an amount must be a number of dollars between 0 and 99,999,999.99');
    if (Math.round(value * 100) !== value * 100)
      throw badInput(`${prefix}${key}`, 'an amount has at most two decimals (cents)');
    if (key === 'totalMonthlyIncome') continue;
    const source = key === 'otherIncomeAmount' ? 'otherIncomeSource' : key.slice(0, -'Amount'.length);
    if (r[source] !== 1)
      throw badInput(`${prefix}${key}`, `an amount needs its income source (${source}) answered Yes`);
  }
}

/** R6: EmploymentType only when employed, NotEmployedReason only when not employed. */
export function checkEmployment(
  prefix: string,
  e: { employed: Maybe<number>; employmentType: Maybe<number>; notEmployedReason: Maybe<number> },
): void {
  if (given(e.employmentType) && e.employed !== 1)
    throw badInput(`${prefix}employmentType`, 'the type of employment is recorded only when employed is Yes');
  if (given(e.notEmployedReason) && e.employed !== 0)
    throw badInput(`${prefix}notEmployedReason`, 'why not employed is recorded only when employed is No');
}

/** C3: MostRecentEdStatus only when not enrolled, CurrentEdStatus only when enrolled. */
export function checkYouthEducation(
  prefix: string,
  y: {
    currentSchoolAttend: Maybe<number>;
    mostRecentEdStatus: Maybe<number>;
    currentEdStatus: Maybe<number>;
  },
): void {
  if (given(y.mostRecentEdStatus) && y.currentSchoolAttend !== 0)
    throw badInput(
      `${prefix}mostRecentEdStatus`,
      'the most recent educational status is recorded only when not currently enrolled',
    );
  if (given(y.currentEdStatus) && y.currentSchoolAttend !== 1 && y.currentSchoolAttend !== 2)
    throw badInput(
      `${prefix}currentEdStatus`,
      'the current educational status is recorded only when currently enrolled',
    );
}
