/**
 * HUD FY2026 HMIS Data Standards code lists for client-level universal data elements:
 * 3.01.5 Name Data Quality, 3.02.2 SSN Data Quality, 3.03.2 DOB Data Quality, 3.04.1 Race and Ethnicity,
 * Sex (FY2026; see the note on {@link Sex}) and 3.15.1 Relationship to Head of Household.
 */
import { registerEnumType } from 'type-graphql';
import { MISSING_DATA_LABELS, hudValuesConfig } from './common-codes';

/** 3.01.5 Name Data Quality. */
export enum NameDataQuality {
  FULL_NAME_REPORTED = 1,
  PARTIAL_STREET_NAME_OR_CODE_NAME_REPORTED = 2,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(NameDataQuality, {
  name: 'NameDataQuality',
  description: '3.01.5 Name Data Quality: how complete the recorded client name is.',
  valuesConfig: hudValuesConfig(NameDataQuality, {
    FULL_NAME_REPORTED: 'Full name reported',
    PARTIAL_STREET_NAME_OR_CODE_NAME_REPORTED: 'Partial, street name, or code name reported',
    ...MISSING_DATA_LABELS,
  }),
});

/** 3.02.2 SSN Data Quality. */
export enum SsnDataQuality {
  FULL_SSN_REPORTED = 1,
  APPROXIMATE_OR_PARTIAL_SSN_REPORTED = 2,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(SsnDataQuality, {
  name: 'SsnDataQuality',
  description: '3.02.2 SSN Data Quality: how complete the recorded Social Security Number is.',
  valuesConfig: hudValuesConfig(SsnDataQuality, {
    FULL_SSN_REPORTED: 'Full SSN reported',
    APPROXIMATE_OR_PARTIAL_SSN_REPORTED: 'Approximate or partial SSN reported',
    ...MISSING_DATA_LABELS,
  }),
});

/** 3.03.2 DOB Data Quality. */
export enum DobDataQuality {
  FULL_DOB_REPORTED = 1,
  APPROXIMATE_OR_PARTIAL_DOB_REPORTED = 2,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(DobDataQuality, {
  name: 'DobDataQuality',
  description: '3.03.2 DOB Data Quality: how complete the recorded date of birth is.',
  valuesConfig: hudValuesConfig(DobDataQuality, {
    FULL_DOB_REPORTED: 'Full DOB reported',
    APPROXIMATE_OR_PARTIAL_DOB_REPORTED: 'Approximate or partial DOB reported',
    ...MISSING_DATA_LABELS,
  }),
});

/**
 * 3.04.1 Race and Ethnicity (multi-select). In the HMIS CSV export each of 1-7 is its own 0/1 column
 * (AmIndAKNative, Asian, BlackAfAmerican, NativeHIPacific, White, HispanicLatinaeo, MidEastNAfrican) and
 * 8/9/99 go to RaceNone; a reason for missing data is never combined with a race/ethnicity.
 */
export enum RaceEthnicity {
  AMERICAN_INDIAN_ALASKA_NATIVE_OR_INDIGENOUS = 1,
  ASIAN_OR_ASIAN_AMERICAN = 2,
  BLACK_AFRICAN_AMERICAN_OR_AFRICAN = 3,
  NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER = 4,
  WHITE = 5,
  HISPANIC_LATINA_E_O = 6,
  MIDDLE_EASTERN_OR_NORTH_AFRICAN = 7,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(RaceEthnicity, {
  name: 'RaceEthnicity',
  description:
    '3.04.1 Race and Ethnicity (multi-select: a client may have several of codes 1-7; codes 8, 9 and 99 are exclusive and export as RaceNone).',
  valuesConfig: hudValuesConfig(RaceEthnicity, {
    AMERICAN_INDIAN_ALASKA_NATIVE_OR_INDIGENOUS:
      'American Indian, Alaska Native, or Indigenous (CSV column AmIndAKNative)',
    ASIAN_OR_ASIAN_AMERICAN: 'Asian or Asian American (CSV column Asian)',
    BLACK_AFRICAN_AMERICAN_OR_AFRICAN: 'Black, African American, or African (CSV column BlackAfAmerican)',
    NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER: 'Native Hawaiian or Pacific Islander (CSV column NativeHIPacific)',
    WHITE: 'White (CSV column White)',
    HISPANIC_LATINA_E_O: 'Hispanic/Latina/e/o (CSV column HispanicLatinaeo)',
    MIDDLE_EASTERN_OR_NORTH_AFRICAN: 'Middle Eastern or North African (CSV column MidEastNAfrican)',
    CLIENT_DOESNT_KNOW: "Client doesn't know (CSV column RaceNone; exclusive)",
    CLIENT_PREFERS_NOT_TO_ANSWER: 'Client prefers not to answer (CSV column RaceNone; exclusive)',
    DATA_NOT_COLLECTED: 'Data not collected (CSV column RaceNone; exclusive)',
  }),
});

/**
 * Sex (HUD FY2026). FY2026 retired 3.06 Gender as a universal data element and added a single-select Sex
 * element collected once per client. HMIS vendors' FY2026 release notes (August 2025 Data Dictionary
 * revision) number it 4.21 Sex (earlier Waypoint notes said 3.06.1). Female is 0 and Male is 1 (the same
 * integers the FY2024 Gender list used for Woman/Man); 8, 9 and 99 are HUD's standard reasons for missing data.
 */
export enum Sex {
  FEMALE = 0,
  MALE = 1,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(Sex, {
  name: 'Sex',
  description:
    '4.21 Sex (HUD FY2026 HMIS Data Standards; replaces the retired 3.06 Gender universal data element). Single select, collected once per client.',
  valuesConfig: hudValuesConfig(Sex, {
    FEMALE: 'Female',
    MALE: 'Male',
    ...MISSING_DATA_LABELS,
  }),
});

/** 3.15.1 Relationship to Head of Household. */
export enum RelationshipToHoH {
  SELF_HEAD_OF_HOUSEHOLD = 1,
  CHILD = 2,
  SPOUSE_OR_PARTNER = 3,
  OTHER_RELATIVE = 4,
  UNRELATED_HOUSEHOLD_MEMBER = 5,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(RelationshipToHoH, {
  name: 'RelationshipToHoH',
  description:
    "3.15.1 Relationship to Head of Household: each household member's relationship to the enrollment's head of household (exactly one member is Self).",
  valuesConfig: hudValuesConfig(RelationshipToHoH, {
    SELF_HEAD_OF_HOUSEHOLD: 'Self (head of household)',
    CHILD: "Child (head of household's child)",
    SPOUSE_OR_PARTNER: "Spouse or partner (head of household's spouse or partner)",
    OTHER_RELATIVE: "Other relative (head of household's other relation member)",
    UNRELATED_HOUSEHOLD_MEMBER: 'Unrelated household member (other: non-relation member)',
    DATA_NOT_COLLECTED: 'Data not collected',
  }),
});
