/**
 * HUD FY2026 code lists of IncomeBenefits (4.04 reasons not insured), Disabilities (4.05-4.10, W4),
 * EmploymentEducation (R4, R5, R6) and YouthEducationStatus (C3).
 *
 * The C3 and W4 lists (codes and labels) were checked against the FY2026 lists of the HMIS CSV Format
 * Specifications as generated from HUD's specification by Green River's hmis-warehouse:
 * https://github.com/greenriver/hmis-warehouse/blob/f276276d470e62e0f763e01fb5dc52aa0c20f186/lib/util/concerns/hud_lists_2026.rb
 * (sections "C3.2", "C3.A", "C3.B", "W4.3", "W4.B"); test/unit/hud-fy2026-lists.test.ts pins them.
 * HUD's own FY2026 PDF was not available to compare; where HUD prints a typographic apostrophe
 * (Associate’s) the generated list, and this file, use a plain one.
 */
import { registerEnumType } from 'type-graphql';
import { hudValuesConfig, MISSING_DATA_LABELS } from './common-codes';

/** HMIS CSV list 4.04.A Reason not insured (HOPWA), also W3.2.A / W3.3.A. */
export enum ReasonNotInsured {
  APPLIED_DECISION_PENDING = 1,
  APPLIED_CLIENT_NOT_ELIGIBLE = 2,
  CLIENT_DID_NOT_APPLY = 3,
  INSURANCE_TYPE_NOT_APPLICABLE = 4,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(ReasonNotInsured, {
  name: 'ReasonNotInsured',
  description: 'HMIS CSV list 4.04.A Reason not insured (HOPWA projects; also W3.2.A and W3.3.A).',
  valuesConfig: hudValuesConfig(ReasonNotInsured, {
    APPLIED_DECISION_PENDING: 'Applied; decision pending',
    APPLIED_CLIENT_NOT_ELIGIBLE: 'Applied; client not eligible',
    CLIENT_DID_NOT_APPLY: 'Client did not apply',
    INSURANCE_TYPE_NOT_APPLICABLE: 'Insurance type N/A for this client',
    ...MISSING_DATA_LABELS,
  }),
});

/** HMIS CSV list 1.3 DisabilityType. */
export enum DisabilityType {
  PHYSICAL = 5,
  DEVELOPMENTAL = 6,
  CHRONIC_HEALTH_CONDITION = 7,
  HIV_AIDS = 8,
  MENTAL_HEALTH_DISORDER = 9,
  SUBSTANCE_USE_DISORDER = 10,
}
registerEnumType(DisabilityType, {
  name: 'DisabilityType',
  description: 'HMIS CSV list 1.3 Disability Type (data elements 4.05 to 4.10).',
  valuesConfig: hudValuesConfig(DisabilityType, {
    PHYSICAL: 'Physical disability (4.05)',
    DEVELOPMENTAL: 'Developmental disability (4.06)',
    CHRONIC_HEALTH_CONDITION: 'Chronic health condition (4.07)',
    HIV_AIDS: 'HIV/AIDS (4.08)',
    MENTAL_HEALTH_DISORDER: 'Mental health disorder (4.09)',
    SUBSTANCE_USE_DISORDER: 'Substance use disorder (4.10)',
  }),
});

/** HMIS CSV list 4.10.2 Substance use disorder: DisabilityResponse when DisabilityType is 10. */
export const SUBSTANCE_USE_RESPONSES: readonly number[] = [0, 1, 2, 3, 8, 9, 99];
/** HMIS CSV list 1.8: DisabilityResponse for every other DisabilityType. */
export const NO_YES_MISSING_RESPONSES: readonly number[] = [0, 1, 8, 9, 99];

/**
 * HMIS CSV list W4.B How the information was obtained: the one list of both TCellSource (W4.2.B,
 * the T-cell count) and ViralLoadSource (W4.3.B, the viral load).
 */
export enum HivTestSource {
  MEDICAL_REPORT = 1,
  CLIENT_REPORT = 2,
  OTHER = 3,
}
registerEnumType(HivTestSource, {
  name: 'HivTestSource',
  description:
    'HMIS CSV list W4.B How the information was obtained: the list of Disabilities.csv TCellSource (W4.2.B) and ViralLoadSource (W4.3.B).',
  valuesConfig: hudValuesConfig(HivTestSource, {
    MEDICAL_REPORT: 'Medical Report',
    CLIENT_REPORT: 'Client Report',
    OTHER: 'Other',
  }),
});

/** HMIS CSV list W4.3 Viral load information available (Disabilities.csv ViralLoadAvailable). */
export enum ViralLoadAvailable {
  NOT_AVAILABLE = 0,
  AVAILABLE = 1,
  UNDETECTABLE = 2,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(ViralLoadAvailable, {
  name: 'ViralLoadAvailable',
  description: 'HMIS CSV list W4.3 Viral load information available (Disabilities.csv ViralLoadAvailable).',
  valuesConfig: hudValuesConfig(ViralLoadAvailable, {
    NOT_AVAILABLE: 'Not available',
    AVAILABLE: 'Available',
    UNDETECTABLE: 'Undetectable',
    ...MISSING_DATA_LABELS,
  }),
});

/** HMIS CSV list R4.1 Last grade completed. */
export enum LastGradeCompleted {
  LESS_THAN_GRADE_5 = 1,
  GRADES_5_6 = 2,
  GRADES_7_8 = 3,
  GRADES_9_11 = 4,
  GRADE_12 = 5,
  NO_GRADE_LEVELS = 6,
  GED = 7,
  SOME_COLLEGE = 10,
  ASSOCIATES_DEGREE = 11,
  BACHELORS_DEGREE = 12,
  GRADUATE_DEGREE = 13,
  VOCATIONAL_DEGREE = 14,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(LastGradeCompleted, {
  name: 'LastGradeCompleted',
  description: 'HMIS CSV list R4.1 Last grade completed.',
  valuesConfig: hudValuesConfig(LastGradeCompleted, {
    LESS_THAN_GRADE_5: 'Less than grade 5',
    GRADES_5_6: 'Grades 5-6',
    GRADES_7_8: 'Grades 7-8',
    GRADES_9_11: 'Grades 9-11',
    GRADE_12: 'Grade 12 / High school diploma',
    NO_GRADE_LEVELS: 'School program does not have grade levels',
    GED: 'GED',
    SOME_COLLEGE: 'Some college',
    ASSOCIATES_DEGREE: "Associate's degree",
    BACHELORS_DEGREE: "Bachelor's degree",
    GRADUATE_DEGREE: 'Graduate degree',
    VOCATIONAL_DEGREE: 'Vocational certification',
    ...MISSING_DATA_LABELS,
  }),
});

/** HMIS CSV list R5.1 School status. */
export enum SchoolStatus {
  ATTENDING_REGULARLY = 1,
  ATTENDING_IRREGULARLY = 2,
  GRADUATED_HIGH_SCHOOL = 3,
  OBTAINED_GED = 4,
  DROPPED_OUT = 5,
  SUSPENDED = 6,
  EXPELLED = 7,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(SchoolStatus, {
  name: 'SchoolStatus',
  description: 'HMIS CSV list R5.1 School status.',
  valuesConfig: hudValuesConfig(SchoolStatus, {
    ATTENDING_REGULARLY: 'Attending school regularly',
    ATTENDING_IRREGULARLY: 'Attending school irregularly',
    GRADUATED_HIGH_SCHOOL: 'Graduated from high school',
    OBTAINED_GED: 'Obtained GED',
    DROPPED_OUT: 'Dropped out',
    SUSPENDED: 'Suspended',
    EXPELLED: 'Expelled',
    ...MISSING_DATA_LABELS,
  }),
});

/** HMIS CSV list R6.A Employment type. */
export enum EmploymentType {
  FULL_TIME = 1,
  PART_TIME = 2,
  SEASONAL_SPORADIC = 3,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(EmploymentType, {
  name: 'EmploymentType',
  description: 'HMIS CSV list R6.A Type of employment.',
  valuesConfig: hudValuesConfig(EmploymentType, {
    FULL_TIME: 'Full-time',
    PART_TIME: 'Part-time',
    SEASONAL_SPORADIC: 'Seasonal / sporadic (including day labor)',
    DATA_NOT_COLLECTED: 'Data not collected',
  }),
});

/** HMIS CSV list R6.B Why not employed. */
export enum NotEmployedReason {
  LOOKING_FOR_WORK = 1,
  UNABLE_TO_WORK = 2,
  NOT_LOOKING_FOR_WORK = 3,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(NotEmployedReason, {
  name: 'NotEmployedReason',
  description: 'HMIS CSV list R6.B Why not employed.',
  valuesConfig: hudValuesConfig(NotEmployedReason, {
    LOOKING_FOR_WORK: 'Looking for work',
    UNABLE_TO_WORK: 'Unable to work',
    NOT_LOOKING_FOR_WORK: 'Not looking for work',
    DATA_NOT_COLLECTED: 'Data not collected',
  }),
});

/**
 * HMIS CSV list C3.2 Current school enrollment and attendance (YouthEducationStatus.csv
 * CurrentSchoolAttend). C3.2, not C3.1: field 1 of C3 is its Information Date.
 */
export enum CurrentSchoolAttend {
  NOT_ENROLLED = 0,
  ENROLLED_NOT_ATTENDING = 1,
  ENROLLED_ATTENDING = 2,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(CurrentSchoolAttend, {
  name: 'CurrentSchoolAttend',
  description:
    'HMIS CSV list C3.2 Current school enrollment and attendance (YouthEducationStatus.csv CurrentSchoolAttend).',
  valuesConfig: hudValuesConfig(CurrentSchoolAttend, {
    NOT_ENROLLED: 'Not currently enrolled in any school or educational course',
    ENROLLED_NOT_ATTENDING:
      'Currently enrolled but NOT attending regularly (when school or the course is in session)',
    ENROLLED_ATTENDING:
      'Currently enrolled and attending regularly (when school or the course is in session)',
    ...MISSING_DATA_LABELS,
  }),
});

/** HMIS CSV list C3.A Most recent educational status (MostRecentEdStatus, when CurrentSchoolAttend is 0). */
export enum MostRecentEdStatus {
  K12_GRADUATED = 0,
  K12_GED = 1,
  K12_DROPPED_OUT = 2,
  K12_SUSPENDED = 3,
  K12_EXPELLED = 4,
  HIGHER_ED_PURSUING_NOT_ATTENDING = 5,
  HIGHER_ED_DROPPED_OUT = 6,
  HIGHER_ED_OBTAINED_CREDENTIAL = 7,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(MostRecentEdStatus, {
  name: 'MostRecentEdStatus',
  description:
    'HMIS CSV list C3.A Most recent educational status (YouthEducationStatus.csv MostRecentEdStatus, when not currently enrolled).',
  valuesConfig: hudValuesConfig(MostRecentEdStatus, {
    K12_GRADUATED: 'K12: Graduated from high school',
    K12_GED: 'K12: Obtained GED',
    K12_DROPPED_OUT: 'K12: Dropped out',
    K12_SUSPENDED: 'K12: Suspended',
    K12_EXPELLED: 'K12: Expelled',
    HIGHER_ED_PURSUING_NOT_ATTENDING: 'Higher education: Pursuing a credential but not currently attending',
    HIGHER_ED_DROPPED_OUT: 'Higher education: Dropped out',
    HIGHER_ED_OBTAINED_CREDENTIAL: 'Higher education: Obtained a credential/degree',
    ...MISSING_DATA_LABELS,
  }),
});

/** HMIS CSV list C3.B Current educational status (CurrentEdStatus, when CurrentSchoolAttend is 1 or 2). */
export enum CurrentEdStatus {
  PURSUING_HIGH_SCHOOL_OR_GED = 0,
  PURSUING_ASSOCIATES = 1,
  PURSUING_BACHELORS = 2,
  PURSUING_GRADUATE = 3,
  PURSUING_OTHER_POST_SECONDARY = 4,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}
registerEnumType(CurrentEdStatus, {
  name: 'CurrentEdStatus',
  description:
    'HMIS CSV list C3.B Current educational status (YouthEducationStatus.csv CurrentEdStatus, when currently enrolled).',
  valuesConfig: hudValuesConfig(CurrentEdStatus, {
    PURSUING_HIGH_SCHOOL_OR_GED: 'Pursuing a high school diploma or GED',
    PURSUING_ASSOCIATES: "Pursuing Associate's Degree",
    PURSUING_BACHELORS: "Pursuing Bachelor's Degree",
    PURSUING_GRADUATE: 'Pursuing Graduate Degree',
    PURSUING_OTHER_POST_SECONDARY: 'Pursuing other post-secondary credential',
    ...MISSING_DATA_LABELS,
  }),
});
