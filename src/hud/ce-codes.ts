/**
 * HUD FY2026 Coordinated Entry code lists:
 * 4.19 Coordinated Entry Assessment (4.19.3 Assessment Type, 4.19.4 Assessment Level,
 * 4.19.7 Prioritization Status) and 4.20 Coordinated Entry Event (4.20.2 Event, 4.20.D Referral Result).
 */
import { registerEnumType } from 'type-graphql';
import { hudValuesConfig } from './common-codes';

/** 4.19.3 Assessment Type. */
export enum AssessmentType {
  PHONE = 1,
  VIRTUAL = 2,
  IN_PERSON = 3,
}

registerEnumType(AssessmentType, {
  name: 'AssessmentType',
  description: '4.19.3 Assessment Type: how a coordinated entry assessment was conducted.',
  valuesConfig: hudValuesConfig(AssessmentType, {
    PHONE: 'Phone',
    VIRTUAL: 'Virtual',
    IN_PERSON: 'In Person',
  }),
});

/** 4.19.4 Assessment Level. */
export enum AssessmentLevel {
  CRISIS_NEEDS_ASSESSMENT = 1,
  HOUSING_NEEDS_ASSESSMENT = 2,
}

registerEnumType(AssessmentLevel, {
  name: 'AssessmentLevel',
  description:
    '4.19.4 Assessment Level: whether a coordinated entry assessment was a crisis or a housing needs assessment.',
  valuesConfig: hudValuesConfig(AssessmentLevel, {
    CRISIS_NEEDS_ASSESSMENT: 'Crisis Needs Assessment',
    HOUSING_NEEDS_ASSESSMENT: 'Housing Needs Assessment',
  }),
});

/** 4.19.7 Prioritization Status. */
export enum PrioritizationStatus {
  PLACED_ON_PRIORITIZATION_LIST = 1,
  NOT_PLACED_ON_PRIORITIZATION_LIST = 2,
}

registerEnumType(PrioritizationStatus, {
  name: 'PrioritizationStatus',
  description:
    '4.19.7 Prioritization Status: whether the assessment placed the household on the CoC prioritization list.',
  valuesConfig: hudValuesConfig(PrioritizationStatus, {
    PLACED_ON_PRIORITIZATION_LIST: 'Placed on prioritization list',
    NOT_PLACED_ON_PRIORITIZATION_LIST: 'Not placed on prioritization list',
  }),
});

/** 4.20.2 Event (the FY2024+ list as carried into FY2026). */
export enum CeEventType {
  REFERRAL_TO_PREVENTION_ASSISTANCE_PROJECT = 1,
  PROBLEM_SOLVING_DIVERSION_RAPID_RESOLUTION_INTERVENTION_OR_SERVICE = 2,
  REFERRAL_TO_SCHEDULED_COORDINATED_ENTRY_CRISIS_NEEDS_ASSESSMENT = 3,
  REFERRAL_TO_SCHEDULED_COORDINATED_ENTRY_HOUSING_NEEDS_ASSESSMENT = 4,
  REFERRAL_TO_POST_PLACEMENT_FOLLOW_UP_CASE_MANAGEMENT = 5,
  REFERRAL_TO_STREET_OUTREACH_PROJECT_OR_SERVICES = 6,
  REFERRAL_TO_HOUSING_NAVIGATION_PROJECT_OR_SERVICES = 7,
  REFERRAL_TO_NON_CONTINUUM_SERVICES_INELIGIBLE_FOR_CONTINUUM_SERVICES = 8,
  REFERRAL_TO_NON_CONTINUUM_SERVICES_NO_AVAILABILITY_IN_CONTINUUM_SERVICES = 9,
  REFERRAL_TO_EMERGENCY_SHELTER_BED_OPENING = 10,
  REFERRAL_TO_TRANSITIONAL_HOUSING_BED_UNIT_OPENING = 11,
  REFERRAL_TO_JOINT_TH_RRH_PROJECT_UNIT_RESOURCE_OPENING = 12,
  REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING = 13,
  REFERRAL_TO_PSH_PROJECT_RESOURCE_OPENING = 14,
  REFERRAL_TO_OTHER_PH_PROJECT_UNIT_RESOURCE_OPENING = 15,
  REFERRAL_TO_EMERGENCY_ASSISTANCE_FLEX_FUND_FURNITURE_ASSISTANCE = 16,
  REFERRAL_TO_EMERGENCY_HOUSING_VOUCHER_EHV = 17,
  REFERRAL_TO_A_HOUSING_STABILITY_VOUCHER = 18,
}

registerEnumType(CeEventType, {
  name: 'CeEventType',
  description:
    '4.20.2 Event: the coordinated entry event (an access event, a problem-solving intervention or a referral).',
  valuesConfig: hudValuesConfig(CeEventType, {
    REFERRAL_TO_PREVENTION_ASSISTANCE_PROJECT: 'Referral to Prevention Assistance project',
    PROBLEM_SOLVING_DIVERSION_RAPID_RESOLUTION_INTERVENTION_OR_SERVICE:
      'Problem Solving/Diversion/Rapid Resolution intervention or service',
    REFERRAL_TO_SCHEDULED_COORDINATED_ENTRY_CRISIS_NEEDS_ASSESSMENT:
      'Referral to scheduled Coordinated Entry Crisis Needs Assessment',
    REFERRAL_TO_SCHEDULED_COORDINATED_ENTRY_HOUSING_NEEDS_ASSESSMENT:
      'Referral to scheduled Coordinated Entry Housing Needs Assessment',
    REFERRAL_TO_POST_PLACEMENT_FOLLOW_UP_CASE_MANAGEMENT:
      'Referral to Post-placement/ follow-up case management',
    REFERRAL_TO_STREET_OUTREACH_PROJECT_OR_SERVICES: 'Referral to Street Outreach project or services',
    REFERRAL_TO_HOUSING_NAVIGATION_PROJECT_OR_SERVICES: 'Referral to Housing Navigation project or services',
    REFERRAL_TO_NON_CONTINUUM_SERVICES_INELIGIBLE_FOR_CONTINUUM_SERVICES:
      'Referral to Non-continuum services: Ineligible for continuum services',
    REFERRAL_TO_NON_CONTINUUM_SERVICES_NO_AVAILABILITY_IN_CONTINUUM_SERVICES:
      'Referral to Non-continuum services: No availability in continuum services',
    REFERRAL_TO_EMERGENCY_SHELTER_BED_OPENING: 'Referral to Emergency Shelter bed opening',
    REFERRAL_TO_TRANSITIONAL_HOUSING_BED_UNIT_OPENING: 'Referral to Transitional Housing bed/unit opening',
    REFERRAL_TO_JOINT_TH_RRH_PROJECT_UNIT_RESOURCE_OPENING:
      'Referral to Joint TH-RRH project/unit/resource opening',
    REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING: 'Referral to RRH project resource opening',
    REFERRAL_TO_PSH_PROJECT_RESOURCE_OPENING: 'Referral to PSH project resource opening',
    REFERRAL_TO_OTHER_PH_PROJECT_UNIT_RESOURCE_OPENING: 'Referral to Other PH project/unit/resource opening',
    REFERRAL_TO_EMERGENCY_ASSISTANCE_FLEX_FUND_FURNITURE_ASSISTANCE:
      'Referral to emergency assistance/flex fund/furniture assistance',
    REFERRAL_TO_EMERGENCY_HOUSING_VOUCHER_EHV: 'Referral to Emergency Housing Voucher (EHV)',
    REFERRAL_TO_A_HOUSING_STABILITY_VOUCHER: 'Referral to a Housing Stability Voucher',
  }),
});

/** 4.20.D Referral Result. */
export enum ReferralResult {
  SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED = 1,
  UNSUCCESSFUL_REFERRAL_CLIENT_REJECTED = 2,
  UNSUCCESSFUL_REFERRAL_PROVIDER_REJECTED = 3,
}

registerEnumType(ReferralResult, {
  name: 'ReferralResult',
  description: '4.20.D Referral Result: the outcome of a coordinated entry referral event.',
  valuesConfig: hudValuesConfig(ReferralResult, {
    SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED: 'Successful referral: client accepted',
    UNSUCCESSFUL_REFERRAL_CLIENT_REJECTED: 'Unsuccessful referral: client rejected',
    UNSUCCESSFUL_REFERRAL_PROVIDER_REJECTED: 'Unsuccessful referral: provider rejected',
  }),
});
