/**
 * HUD FY2024+/FY2026 living situation response codes, shared by
 * 3.917.1 Prior Living Situation, 3.12.1 Destination and 4.12.2 Current Living Situation, plus
 * the rental subsidy detail that goes with code 435 (HMIS CSV list 3.12.A Rental Subsidy Type, used by
 * Exit.DestinationSubsidyType, Enrollment.RentalSubsidyType and CurrentLivingSituation.CLSSubsidyType).
 *
 * Since FY2024 the hundreds digit gives the group: 1xx homeless, 2xx institutional, 3xx temporary,
 * 4xx permanent; 2-digit and single-digit codes are "other" and reasons for missing data. The subsidy that
 * used to be encoded in separate living situation codes (e.g. 19 VASH, 28 GPD TIP) is now always
 * 435 Rental by client, with ongoing housing subsidy + a {@link RentalSubsidyType}.
 */
import { registerEnumType } from 'type-graphql';
import { hudValuesConfig } from './common-codes';

/** Union of the living situation codes used by 3.917.1, 3.12.1 and 4.12.2 (see the *_CODES sets). */
export enum LivingSituation {
  // Homeless situations
  EMERGENCY_SHELTER = 101,
  PLACE_NOT_MEANT_FOR_HABITATION = 116,
  SAFE_HAVEN = 118,
  // Institutional situations
  PSYCHIATRIC_HOSPITAL_OR_OTHER_PSYCHIATRIC_FACILITY = 204,
  SUBSTANCE_ABUSE_TREATMENT_FACILITY_OR_DETOX_CENTER = 205,
  HOSPITAL_OR_OTHER_RESIDENTIAL_NON_PSYCHIATRIC_MEDICAL_FACILITY = 206,
  JAIL_PRISON_OR_JUVENILE_DETENTION_FACILITY = 207,
  FOSTER_CARE_HOME_OR_FOSTER_CARE_GROUP_HOME = 215,
  LONG_TERM_CARE_FACILITY_OR_NURSING_HOME = 225,
  // Temporary housing situations
  TRANSITIONAL_HOUSING_FOR_HOMELESS_PERSONS = 302,
  STAYING_OR_LIVING_WITH_FAMILY_TEMPORARY_TENURE = 312,
  STAYING_OR_LIVING_WITH_FRIENDS_TEMPORARY_TENURE = 313,
  HOTEL_OR_MOTEL_PAID_FOR_WITHOUT_EMERGENCY_SHELTER_VOUCHER = 314,
  MOVED_FROM_ONE_HOPWA_FUNDED_PROJECT_TO_HOPWA_TH = 327,
  RESIDENTIAL_PROJECT_OR_HALFWAY_HOUSE_WITH_NO_HOMELESS_CRITERIA = 329,
  HOST_HOME_NON_CRISIS = 332,
  STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE = 335,
  STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE = 336,
  // Permanent housing situations
  RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY = 410,
  OWNED_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY = 411,
  OWNED_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY = 421,
  STAYING_OR_LIVING_WITH_FAMILY_PERMANENT_TENURE = 422,
  STAYING_OR_LIVING_WITH_FRIENDS_PERMANENT_TENURE = 423,
  MOVED_FROM_ONE_HOPWA_FUNDED_PROJECT_TO_HOPWA_PH = 426,
  RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY = 435,
  // Other
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  OTHER = 17,
  DECEASED = 24,
  NO_EXIT_INTERVIEW_COMPLETED = 30,
  WORKER_UNABLE_TO_DETERMINE = 37,
  DATA_NOT_COLLECTED = 99,
}

const ALL = 'Prior Living Situation, Destination and Current Living Situation';
const PRIOR_AND_CURRENT = 'Prior Living Situation and Current Living Situation only (not Destination)';
const DESTINATION_ONLY = 'Destination only';
const DESTINATION_AND_CURRENT = 'Destination and Current Living Situation only (not Prior Living Situation)';
const CURRENT_ONLY = 'Current Living Situation only';

registerEnumType(LivingSituation, {
  name: 'LivingSituation',
  description:
    '3.917.1 Prior Living Situation, 3.12.1 Destination and 4.12.2 Current Living Situation: the shared HUD FY2024+/FY2026 living situation codes. Each value says which of the three elements accept it. 1xx = homeless, 2xx = institutional, 3xx = temporary, 4xx = permanent; the rental subsidy for 435 is recorded separately as RentalSubsidyType.',
  valuesConfig: hudValuesConfig(LivingSituation, {
    EMERGENCY_SHELTER: `Homeless: Emergency shelter, including hotel or motel paid for with emergency shelter voucher, or Host Home shelter (${ALL})`,
    PLACE_NOT_MEANT_FOR_HABITATION: `Homeless: Place not meant for habitation (e.g., a vehicle, an abandoned building, bus/train/subway station/airport or anywhere outside) (${ALL})`,
    SAFE_HAVEN: `Homeless: Safe Haven (${ALL})`,
    PSYCHIATRIC_HOSPITAL_OR_OTHER_PSYCHIATRIC_FACILITY: `Institutional: Psychiatric hospital or other psychiatric facility (${ALL})`,
    SUBSTANCE_ABUSE_TREATMENT_FACILITY_OR_DETOX_CENTER: `Institutional: Substance abuse treatment facility or detox center (${ALL})`,
    HOSPITAL_OR_OTHER_RESIDENTIAL_NON_PSYCHIATRIC_MEDICAL_FACILITY: `Institutional: Hospital or other residential non-psychiatric medical facility (${ALL})`,
    JAIL_PRISON_OR_JUVENILE_DETENTION_FACILITY: `Institutional: Jail, prison or juvenile detention facility (${ALL})`,
    FOSTER_CARE_HOME_OR_FOSTER_CARE_GROUP_HOME: `Institutional: Foster care home or foster care group home (${ALL})`,
    LONG_TERM_CARE_FACILITY_OR_NURSING_HOME: `Institutional: Long-term care facility or nursing home (${ALL})`,
    TRANSITIONAL_HOUSING_FOR_HOMELESS_PERSONS: `Temporary: Transitional housing for homeless persons (including homeless youth) (${ALL})`,
    STAYING_OR_LIVING_WITH_FAMILY_TEMPORARY_TENURE: `Temporary: Staying or living with family, temporary tenure (e.g. room, apartment or house) (${DESTINATION_ONLY})`,
    STAYING_OR_LIVING_WITH_FRIENDS_TEMPORARY_TENURE: `Temporary: Staying or living with friends, temporary tenure (e.g. room, apartment or house) (${DESTINATION_ONLY})`,
    HOTEL_OR_MOTEL_PAID_FOR_WITHOUT_EMERGENCY_SHELTER_VOUCHER: `Temporary: Hotel or motel paid for without emergency shelter voucher (${ALL})`,
    MOVED_FROM_ONE_HOPWA_FUNDED_PROJECT_TO_HOPWA_TH: `Temporary: Moved from one HOPWA funded project to HOPWA TH (${DESTINATION_ONLY})`,
    RESIDENTIAL_PROJECT_OR_HALFWAY_HOUSE_WITH_NO_HOMELESS_CRITERIA: `Temporary: Residential project or halfway house with no homeless criteria (${ALL})`,
    HOST_HOME_NON_CRISIS: `Temporary: Host Home (non-crisis) (${ALL})`,
    STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE: `Temporary: Staying or living in a family member's room, apartment, or house (${PRIOR_AND_CURRENT})`,
    STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE: `Temporary: Staying or living in a friend's room, apartment or house (${PRIOR_AND_CURRENT})`,
    RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY: `Permanent: Rental by client, no ongoing housing subsidy (${ALL})`,
    OWNED_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY: `Permanent: Owned by client, no ongoing housing subsidy (${ALL})`,
    OWNED_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY: `Permanent: Owned by client, with ongoing housing subsidy (${ALL})`,
    STAYING_OR_LIVING_WITH_FAMILY_PERMANENT_TENURE: `Permanent: Staying or living with family, permanent tenure (${DESTINATION_ONLY})`,
    STAYING_OR_LIVING_WITH_FRIENDS_PERMANENT_TENURE: `Permanent: Staying or living with friends, permanent tenure (${DESTINATION_ONLY})`,
    MOVED_FROM_ONE_HOPWA_FUNDED_PROJECT_TO_HOPWA_PH: `Permanent: Moved from one HOPWA funded project to HOPWA PH (${DESTINATION_ONLY})`,
    RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY: `Permanent: Rental by client, with ongoing housing subsidy; the subsidy is recorded as RentalSubsidyType (${ALL})`,
    CLIENT_DOESNT_KNOW: `Client doesn't know (${ALL})`,
    CLIENT_PREFERS_NOT_TO_ANSWER: `Client prefers not to answer (${ALL})`,
    OTHER: `Other (${DESTINATION_AND_CURRENT})`,
    DECEASED: `Deceased (${DESTINATION_ONLY})`,
    NO_EXIT_INTERVIEW_COMPLETED: `No exit interview completed (${DESTINATION_ONLY})`,
    WORKER_UNABLE_TO_DETERMINE: `Worker unable to determine (${CURRENT_ONLY})`,
    DATA_NOT_COLLECTED: `Data not collected (${ALL})`,
  }),
});

const L = LivingSituation;

/** Codes valid in every one of the three elements. */
const SHARED_CODES: readonly LivingSituation[] = [
  L.EMERGENCY_SHELTER,
  L.PLACE_NOT_MEANT_FOR_HABITATION,
  L.SAFE_HAVEN,
  L.PSYCHIATRIC_HOSPITAL_OR_OTHER_PSYCHIATRIC_FACILITY,
  L.SUBSTANCE_ABUSE_TREATMENT_FACILITY_OR_DETOX_CENTER,
  L.HOSPITAL_OR_OTHER_RESIDENTIAL_NON_PSYCHIATRIC_MEDICAL_FACILITY,
  L.JAIL_PRISON_OR_JUVENILE_DETENTION_FACILITY,
  L.FOSTER_CARE_HOME_OR_FOSTER_CARE_GROUP_HOME,
  L.LONG_TERM_CARE_FACILITY_OR_NURSING_HOME,
  L.TRANSITIONAL_HOUSING_FOR_HOMELESS_PERSONS,
  L.HOTEL_OR_MOTEL_PAID_FOR_WITHOUT_EMERGENCY_SHELTER_VOUCHER,
  L.RESIDENTIAL_PROJECT_OR_HALFWAY_HOUSE_WITH_NO_HOMELESS_CRITERIA,
  L.HOST_HOME_NON_CRISIS,
  L.RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY,
  L.OWNED_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY,
  L.OWNED_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY,
  L.RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY,
  L.CLIENT_DOESNT_KNOW,
  L.CLIENT_PREFERS_NOT_TO_ANSWER,
  L.DATA_NOT_COLLECTED,
];

/** Codes accepted by 3.917.1 Prior Living Situation. */
export const PRIOR_LIVING_SITUATION_CODES: ReadonlySet<LivingSituation> = new Set<LivingSituation>([
  ...SHARED_CODES,
  L.STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE,
  L.STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE,
]);

/** Codes accepted by 3.12.1 Destination. */
export const DESTINATION_CODES: ReadonlySet<LivingSituation> = new Set<LivingSituation>([
  ...SHARED_CODES,
  L.STAYING_OR_LIVING_WITH_FAMILY_TEMPORARY_TENURE,
  L.STAYING_OR_LIVING_WITH_FRIENDS_TEMPORARY_TENURE,
  L.MOVED_FROM_ONE_HOPWA_FUNDED_PROJECT_TO_HOPWA_TH,
  L.STAYING_OR_LIVING_WITH_FAMILY_PERMANENT_TENURE,
  L.STAYING_OR_LIVING_WITH_FRIENDS_PERMANENT_TENURE,
  L.MOVED_FROM_ONE_HOPWA_FUNDED_PROJECT_TO_HOPWA_PH,
  L.OTHER,
  L.DECEASED,
  L.NO_EXIT_INTERVIEW_COMPLETED,
]);

/** Codes accepted by 4.12.2 Current Living Situation. */
export const CURRENT_LIVING_SITUATION_CODES: ReadonlySet<LivingSituation> = new Set<LivingSituation>([
  ...SHARED_CODES,
  L.STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE,
  L.STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE,
  L.OTHER,
  L.WORKER_UNABLE_TO_DETERMINE,
]);

/** HUD's living situation groups (the "Homeless/Institutional/Temporary/Permanent/Other" headings). */
export type LivingSituationGroup = 'HOMELESS' | 'INSTITUTIONAL' | 'TEMPORARY' | 'PERMANENT' | 'OTHER';

/** The HUD group of a living situation code, read from its hundreds digit. */
export function livingSituationGroup(code: LivingSituation): LivingSituationGroup {
  if (code >= 100 && code < 200) return 'HOMELESS';
  if (code >= 200 && code < 300) return 'INSTITUTIONAL';
  if (code >= 300 && code < 400) return 'TEMPORARY';
  if (code >= 400 && code < 500) return 'PERMANENT';
  return 'OTHER';
}

/**
 * 3.12.A Rental Subsidy Type (HMIS CSV list 3.12.A): collected with Destination, Prior Living Situation and
 * Current Living Situation only when the living situation is 435 Rental by client, with ongoing housing subsidy.
 */
export enum RentalSubsidyType {
  VASH_HOUSING_SUBSIDY = 419,
  OTHER_ONGOING_HOUSING_SUBSIDY = 420,
  GPD_TIP_HOUSING_SUBSIDY = 428,
  RRH_OR_EQUIVALENT_SUBSIDY = 431,
  HCV_VOUCHER_TENANT_OR_PROJECT_BASED_NOT_DEDICATED = 433,
  PUBLIC_HOUSING_UNIT = 434,
  HOUSING_STABILITY_VOUCHER = 436,
  FAMILY_UNIFICATION_PROGRAM_VOUCHER_FUP = 437,
  FOSTER_YOUTH_TO_INDEPENDENCE_INITIATIVE_FYI = 438,
  PERMANENT_SUPPORTIVE_HOUSING = 439,
  OTHER_PERMANENT_HOUSING_DEDICATED_FOR_FORMERLY_HOMELESS_PERSONS = 440,
}

registerEnumType(RentalSubsidyType, {
  name: 'RentalSubsidyType',
  description:
    '3.12.A Rental Subsidy Type: the ongoing housing subsidy, recorded with 3.12.1 Destination, 3.917.1 Prior Living Situation or 4.12.2 Current Living Situation only when that living situation is 435 (Rental by client, with ongoing housing subsidy).',
  valuesConfig: hudValuesConfig(RentalSubsidyType, {
    VASH_HOUSING_SUBSIDY: 'VASH housing subsidy',
    OTHER_ONGOING_HOUSING_SUBSIDY: 'Rental by client, with other ongoing housing subsidy',
    GPD_TIP_HOUSING_SUBSIDY: 'GPD TIP housing subsidy',
    RRH_OR_EQUIVALENT_SUBSIDY: 'RRH or equivalent subsidy',
    HCV_VOUCHER_TENANT_OR_PROJECT_BASED_NOT_DEDICATED:
      'HCV voucher (tenant or project based) (not dedicated)',
    PUBLIC_HOUSING_UNIT: 'Public housing unit',
    HOUSING_STABILITY_VOUCHER: 'Housing Stability Voucher (formerly Emergency Housing Voucher)',
    FAMILY_UNIFICATION_PROGRAM_VOUCHER_FUP: 'Family Unification Program Voucher (FUP)',
    FOSTER_YOUTH_TO_INDEPENDENCE_INITIATIVE_FYI: 'Foster Youth to Independence Initiative (FYI)',
    PERMANENT_SUPPORTIVE_HOUSING: 'Permanent Supportive Housing',
    OTHER_PERMANENT_HOUSING_DEDICATED_FOR_FORMERLY_HOMELESS_PERSONS:
      'Other permanent housing dedicated for formerly homeless persons',
  }),
});
