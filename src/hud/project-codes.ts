/**
 * HUD FY2026 HMIS Data Standards code lists for project descriptor data elements:
 * 2.02.6 Project Type, 2.06.1 Funding Source, 2.07.4 Household Type, 2.07.5 Bed Type and 2.07.6 Availability.
 */
import { registerEnumType } from 'type-graphql';
import { hudValuesConfig } from './common-codes';

/** 2.02.6 Project Type. Code 5 is unused by HUD. */
export enum ProjectType {
  EMERGENCY_SHELTER_ENTRY_EXIT = 0,
  EMERGENCY_SHELTER_NIGHT_BY_NIGHT = 1,
  TRANSITIONAL_HOUSING = 2,
  PH_PERMANENT_SUPPORTIVE_HOUSING = 3,
  STREET_OUTREACH = 4,
  SERVICES_ONLY = 6,
  OTHER = 7,
  SAFE_HAVEN = 8,
  PH_HOUSING_ONLY = 9,
  PH_HOUSING_WITH_SERVICES = 10,
  DAY_SHELTER = 11,
  HOMELESSNESS_PREVENTION = 12,
  PH_RAPID_RE_HOUSING = 13,
  COORDINATED_ENTRY = 14,
}

registerEnumType(ProjectType, {
  name: 'ProjectType',
  description: '2.02.6 Project Type: the HUD project type of a program (HMIS CSV Project.ProjectType).',
  valuesConfig: hudValuesConfig(ProjectType, {
    EMERGENCY_SHELTER_ENTRY_EXIT: 'Emergency Shelter - Entry Exit',
    EMERGENCY_SHELTER_NIGHT_BY_NIGHT: 'Emergency Shelter - Night-by-Night',
    TRANSITIONAL_HOUSING: 'Transitional Housing',
    PH_PERMANENT_SUPPORTIVE_HOUSING: 'PH - Permanent Supportive Housing (disability required for entry)',
    STREET_OUTREACH: 'Street Outreach',
    SERVICES_ONLY: 'Services Only',
    OTHER: 'Other',
    SAFE_HAVEN: 'Safe Haven',
    PH_HOUSING_ONLY: 'PH - Housing Only',
    PH_HOUSING_WITH_SERVICES: 'PH - Housing with Services (no disability required for entry)',
    DAY_SHELTER: 'Day Shelter',
    HOMELESSNESS_PREVENTION: 'Homelessness Prevention',
    PH_RAPID_RE_HOUSING: 'PH - Rapid Re-Housing',
    COORDINATED_ENTRY: 'Coordinated Entry',
  }),
});

const RETIRED = 'Retired by HUD; kept only so historical funder records still resolve.';

/**
 * 2.06.1 Funding Source (HMIS CSV list 2.06.1). Codes 28, 29 and 31 are not in the current HUD list.
 * FY2026 added 56 (HUD: CoC Builds) and retired 47 (ESG-CV) and 48 (HOPWA-CV); 12 and 49 were retired earlier.
 * Retired codes stay in the enum (marked deprecated) because historical records still carry them.
 */
export enum FunderSource {
  HUD_COC_HOMELESSNESS_PREVENTION_HIGH_PERFORMING_COMMUNITIES_ONLY = 1,
  HUD_COC_PERMANENT_SUPPORTIVE_HOUSING = 2,
  HUD_COC_RAPID_RE_HOUSING = 3,
  HUD_COC_SUPPORTIVE_SERVICES_ONLY = 4,
  HUD_COC_TRANSITIONAL_HOUSING = 5,
  HUD_COC_SAFE_HAVEN = 6,
  HUD_COC_SINGLE_ROOM_OCCUPANCY_SRO = 7,
  HUD_ESG_EMERGENCY_SHELTER_OPERATING_AND_OR_ESSENTIAL_SERVICES = 8,
  HUD_ESG_HOMELESSNESS_PREVENTION = 9,
  HUD_ESG_RAPID_REHOUSING = 10,
  HUD_ESG_STREET_OUTREACH = 11,
  HUD_RURAL_HOUSING_STABILITY_ASSISTANCE_PROGRAM = 12,
  HUD_HOPWA_HOTEL_MOTEL_VOUCHERS = 13,
  HUD_HOPWA_HOUSING_INFORMATION = 14,
  HUD_HOPWA_PERMANENT_HOUSING_FACILITY_BASED_OR_TBRA = 15,
  HUD_HOPWA_PERMANENT_HOUSING_PLACEMENT = 16,
  HUD_HOPWA_SHORT_TERM_RENT_MORTGAGE_UTILITY_ASSISTANCE = 17,
  HUD_HOPWA_SHORT_TERM_SUPPORTIVE_FACILITY = 18,
  HUD_HOPWA_TRANSITIONAL_HOUSING_FACILITY_BASED_OR_TBRA = 19,
  HUD_HUD_VASH = 20,
  HHS_PATH_STREET_OUTREACH_AND_SUPPORTIVE_SERVICES_ONLY = 21,
  HHS_RHY_BASIC_CENTER_PROGRAM_PREVENTION_AND_SHELTER = 22,
  HHS_RHY_MATERNITY_GROUP_HOME_FOR_PREGNANT_AND_PARENTING_YOUTH = 23,
  HHS_RHY_TRANSITIONAL_LIVING_PROGRAM = 24,
  HHS_RHY_STREET_OUTREACH_PROJECT = 25,
  HHS_RHY_DEMONSTRATION_PROJECT = 26,
  VA_CRS_CONTRACT_RESIDENTIAL_SERVICES = 27,
  VA_COMMUNITY_CONTRACT_SAFE_HAVEN_PROGRAM = 30,
  VA_COMPENSATED_WORK_THERAPY_TRANSITIONAL_RESIDENCE = 32,
  VA_SUPPORTIVE_SERVICES_FOR_VETERAN_FAMILIES = 33,
  N_A = 34,
  HUD_PAY_FOR_SUCCESS = 35,
  HUD_PUBLIC_AND_INDIAN_HOUSING_PIH_PROGRAMS = 36,
  VA_GRANT_PER_DIEM_BRIDGE_HOUSING = 37,
  VA_GRANT_PER_DIEM_LOW_DEMAND = 38,
  VA_GRANT_PER_DIEM_HOSPITAL_TO_HOUSING = 39,
  VA_GRANT_PER_DIEM_CLINICAL_TREATMENT = 40,
  VA_GRANT_PER_DIEM_SERVICE_INTENSIVE_TRANSITIONAL_HOUSING = 41,
  VA_GRANT_PER_DIEM_TRANSITION_IN_PLACE = 42,
  HUD_COC_YOUTH_HOMELESS_DEMONSTRATION_PROGRAM_YHDP = 43,
  HUD_COC_JOINT_COMPONENT_TH_RRH = 44,
  VA_GRANT_PER_DIEM_CASE_MANAGEMENT_HOUSING_RETENTION = 45,
  LOCAL_OR_OTHER_FUNDING_SOURCE = 46,
  HUD_ESG_CV = 47,
  HUD_HOPWA_CV = 48,
  HUD_COC_JOINT_COMPONENT_RRH_PSH = 49,
  HUD_HOME = 50,
  HUD_HOME_ARP = 51,
  HUD_PIH_EMERGENCY_HOUSING_VOUCHER = 52,
  HUD_ESG_RUSH = 53,
  HUD_UNSHELTERED_SPECIAL_NOFO = 54,
  HUD_RURAL_SPECIAL_NOFO = 55,
  HUD_COC_BUILDS = 56,
}

registerEnumType(FunderSource, {
  name: 'FunderSource',
  description:
    '2.06.1 Funding Source: the federal partner program (or local/other source) funding a project. Retired HUD codes are deprecated but still readable.',
  valuesConfig: hudValuesConfig(FunderSource, {
    HUD_COC_HOMELESSNESS_PREVENTION_HIGH_PERFORMING_COMMUNITIES_ONLY:
      'HUD: CoC - Homelessness Prevention (High Performing Communities Only)',
    HUD_COC_PERMANENT_SUPPORTIVE_HOUSING: 'HUD: CoC - Permanent Supportive Housing',
    HUD_COC_RAPID_RE_HOUSING: 'HUD: CoC - Rapid Re-Housing',
    HUD_COC_SUPPORTIVE_SERVICES_ONLY: 'HUD: CoC - Supportive Services Only',
    HUD_COC_TRANSITIONAL_HOUSING: 'HUD: CoC - Transitional Housing',
    HUD_COC_SAFE_HAVEN: 'HUD: CoC - Safe Haven',
    HUD_COC_SINGLE_ROOM_OCCUPANCY_SRO: 'HUD: CoC - Single Room Occupancy (SRO)',
    HUD_ESG_EMERGENCY_SHELTER_OPERATING_AND_OR_ESSENTIAL_SERVICES:
      'HUD: ESG - Emergency Shelter (operating and/or essential services)',
    HUD_ESG_HOMELESSNESS_PREVENTION: 'HUD: ESG - Homelessness Prevention',
    HUD_ESG_RAPID_REHOUSING: 'HUD: ESG - Rapid Rehousing',
    HUD_ESG_STREET_OUTREACH: 'HUD: ESG - Street Outreach',
    HUD_RURAL_HOUSING_STABILITY_ASSISTANCE_PROGRAM: {
      label: 'HUD: Rural Housing Stability Assistance Program (retired)',
      deprecationReason: RETIRED,
    },
    HUD_HOPWA_HOTEL_MOTEL_VOUCHERS: 'HUD: HOPWA - Hotel/Motel Vouchers',
    HUD_HOPWA_HOUSING_INFORMATION: 'HUD: HOPWA - Housing Information',
    HUD_HOPWA_PERMANENT_HOUSING_FACILITY_BASED_OR_TBRA:
      'HUD: HOPWA - Permanent Housing (facility based or TBRA)',
    HUD_HOPWA_PERMANENT_HOUSING_PLACEMENT: 'HUD: HOPWA - Permanent Housing Placement',
    HUD_HOPWA_SHORT_TERM_RENT_MORTGAGE_UTILITY_ASSISTANCE:
      'HUD: HOPWA - Short-Term Rent, Mortgage, Utility assistance',
    HUD_HOPWA_SHORT_TERM_SUPPORTIVE_FACILITY: 'HUD: HOPWA - Short-Term Supportive Facility',
    HUD_HOPWA_TRANSITIONAL_HOUSING_FACILITY_BASED_OR_TBRA:
      'HUD: HOPWA - Transitional Housing (facility based or TBRA)',
    HUD_HUD_VASH: 'HUD: HUD/VASH',
    HHS_PATH_STREET_OUTREACH_AND_SUPPORTIVE_SERVICES_ONLY:
      'HHS: PATH - Street Outreach & Supportive Services Only',
    HHS_RHY_BASIC_CENTER_PROGRAM_PREVENTION_AND_SHELTER:
      'HHS: RHY - Basic Center Program (prevention and shelter)',
    HHS_RHY_MATERNITY_GROUP_HOME_FOR_PREGNANT_AND_PARENTING_YOUTH:
      'HHS: RHY - Maternity Group Home for Pregnant and Parenting Youth',
    HHS_RHY_TRANSITIONAL_LIVING_PROGRAM: 'HHS: RHY - Transitional Living Program',
    HHS_RHY_STREET_OUTREACH_PROJECT: 'HHS: RHY - Street Outreach Project',
    HHS_RHY_DEMONSTRATION_PROJECT: 'HHS: RHY - Demonstration Project',
    VA_CRS_CONTRACT_RESIDENTIAL_SERVICES: 'VA: CRS Contract Residential Services',
    VA_COMMUNITY_CONTRACT_SAFE_HAVEN_PROGRAM: 'VA: Community Contract Safe Haven Program',
    VA_COMPENSATED_WORK_THERAPY_TRANSITIONAL_RESIDENCE: 'VA: Compensated Work Therapy Transitional Residence',
    VA_SUPPORTIVE_SERVICES_FOR_VETERAN_FAMILIES: 'VA: Supportive Services for Veteran Families',
    N_A: 'N/A',
    HUD_PAY_FOR_SUCCESS: 'HUD: Pay for Success',
    HUD_PUBLIC_AND_INDIAN_HOUSING_PIH_PROGRAMS: 'HUD: Public and Indian Housing (PIH) Programs',
    VA_GRANT_PER_DIEM_BRIDGE_HOUSING: 'VA: Grant Per Diem - Bridge Housing',
    VA_GRANT_PER_DIEM_LOW_DEMAND: 'VA: Grant Per Diem - Low Demand',
    VA_GRANT_PER_DIEM_HOSPITAL_TO_HOUSING: 'VA: Grant Per Diem - Hospital to Housing',
    VA_GRANT_PER_DIEM_CLINICAL_TREATMENT: 'VA: Grant Per Diem - Clinical Treatment',
    VA_GRANT_PER_DIEM_SERVICE_INTENSIVE_TRANSITIONAL_HOUSING:
      'VA: Grant Per Diem - Service Intensive Transitional Housing',
    VA_GRANT_PER_DIEM_TRANSITION_IN_PLACE: 'VA: Grant Per Diem - Transition in Place',
    HUD_COC_YOUTH_HOMELESS_DEMONSTRATION_PROGRAM_YHDP:
      'HUD: CoC - Youth Homeless Demonstration Program (YHDP)',
    HUD_COC_JOINT_COMPONENT_TH_RRH: 'HUD: CoC - Joint Component TH/RRH',
    VA_GRANT_PER_DIEM_CASE_MANAGEMENT_HOUSING_RETENTION:
      'VA: Grant Per Diem - Case Management/Housing Retention',
    LOCAL_OR_OTHER_FUNDING_SOURCE: 'Local or Other Funding Source',
    HUD_ESG_CV: { label: 'HUD: ESG - CV (retired in FY2026)', deprecationReason: RETIRED },
    HUD_HOPWA_CV: { label: 'HUD: HOPWA - CV (retired in FY2026)', deprecationReason: RETIRED },
    HUD_COC_JOINT_COMPONENT_RRH_PSH: {
      label: 'HUD: CoC - Joint Component RRH/PSH (retired)',
      deprecationReason: RETIRED,
    },
    HUD_HOME: 'HUD: HOME',
    HUD_HOME_ARP: 'HUD: HOME (ARP)',
    HUD_PIH_EMERGENCY_HOUSING_VOUCHER: 'HUD: PIH (Emergency Housing Voucher)',
    HUD_ESG_RUSH: 'HUD: ESG - RUSH',
    HUD_UNSHELTERED_SPECIAL_NOFO: 'HUD: Unsheltered Special NOFO',
    HUD_RURAL_SPECIAL_NOFO: 'HUD: Rural Special NOFO',
    HUD_COC_BUILDS: 'HUD: CoC Builds (new in FY2026)',
  }),
});

/** 2.07.4 Household Type (of a bed and unit inventory record). Code 2 is unused by HUD. */
export enum HouseholdType {
  HOUSEHOLDS_WITHOUT_CHILDREN = 1,
  HOUSEHOLDS_WITH_AT_LEAST_ONE_ADULT_AND_ONE_CHILD = 3,
  HOUSEHOLDS_WITH_ONLY_CHILDREN = 4,
}

registerEnumType(HouseholdType, {
  name: 'HouseholdType',
  description: '2.07.4 Household Type: the household type a bed and unit inventory record serves.',
  valuesConfig: hudValuesConfig(HouseholdType, {
    HOUSEHOLDS_WITHOUT_CHILDREN: 'Households without children',
    HOUSEHOLDS_WITH_AT_LEAST_ONE_ADULT_AND_ONE_CHILD: 'Households with at least one adult and one child',
    HOUSEHOLDS_WITH_ONLY_CHILDREN: 'Households with only children',
  }),
});

/** 2.07.5 Bed Type (emergency shelter inventory). */
export enum BedType {
  FACILITY_BASED = 1,
  VOUCHER = 2,
  OTHER = 3,
}

registerEnumType(BedType, {
  name: 'BedType',
  description: '2.07.5 Bed Type: how emergency shelter beds in an inventory record are provided.',
  valuesConfig: hudValuesConfig(BedType, {
    FACILITY_BASED: 'Facility-based',
    VOUCHER: 'Voucher',
    OTHER: 'Other',
  }),
});

/** 2.07.6 Availability (emergency shelter inventory). */
export enum InventoryAvailability {
  YEAR_ROUND = 1,
  SEASONAL = 2,
  OVERFLOW = 3,
}

registerEnumType(InventoryAvailability, {
  name: 'InventoryAvailability',
  description:
    '2.07.6 Availability: whether emergency shelter beds in an inventory record are year-round, seasonal or overflow.',
  valuesConfig: hudValuesConfig(InventoryAvailability, {
    YEAR_ROUND: 'Year-round',
    SEASONAL: 'Seasonal',
    OVERFLOW: 'Overflow',
  }),
});
