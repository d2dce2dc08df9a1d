/**
 * The forms of the demo scenario for what exists today (Profile, Enrollment, Exit, Service,
 * Current Living Situation, Health & DV, CE Assessment, CE Event). Fields are schema
 * coordinates with their HUD data element and where HUD requires them: the collection point
 * (record creation, project start, update, project exit, occurrence) and, where HUD limits it,
 * the project types (HUD 2.02.6 codes).
 */
import type { FormFieldData, FormSectionData } from '../src/modules/navigation/navigation.entity';

const ALL = null;
const at = (stage: string, projectTypes: number[] | null = ALL) => ({ stage, projectTypes });
const field = (
  coordinate: string,
  label: string,
  hudElement: string | null,
  required: { stage: string; projectTypes: number[] | null }[] = [],
  capability: string | null = null,
): FormFieldData => ({ coordinate, label, hudElement, capability, required });

// HUD project types (2.02.6): 0 ES entry/exit, 1 ES night-by-night, 2 TH, 3 PSH, 4 SO, 6 SSO,
// 7 Other, 8 Safe Haven, 9 PH housing only, 10 PH with services, 11 Day shelter, 12 HP, 13 RRH, 14 CE.
const PERMANENT_HOUSING = [3, 9, 10, 13];
const CLS_PROJECTS = [1, 4, 14];

export interface FormSeed {
  code: string;
  name: string;
  recordType: string;
  operation: string;
  capabilities?: string[];
  sections: FormSectionData[];
}

export const FORMS: FormSeed[] = [
  {
    code: 'client.profile',
    name: 'Profile',
    recordType: 'Client',
    operation: 'Mutation.createClient',
    sections: [
      {
        title: 'Name',
        fields: [
          field('CreateClientInput.firstName', 'First name', '3.01 Name', [at('RECORD_CREATION')]),
          field('CreateClientInput.middleName', 'Middle name', '3.01 Name'),
          field('CreateClientInput.lastName', 'Last name', '3.01 Name', [at('RECORD_CREATION')]),
          field('CreateClientInput.nameSuffix', 'Suffix', '3.01 Name'),
          field('CreateClientInput.nameDataQuality', 'Name data quality', '3.01.5 Name Data Quality', [
            at('RECORD_CREATION'),
          ]),
        ],
      },
      {
        title: 'Identity',
        fields: [
          field(
            'CreateClientInput.ssn',
            'Social Security Number',
            '3.02 Social Security Number',
            [at('RECORD_CREATION')],
            'client.ssn:read',
          ),
          field('CreateClientInput.ssnDataQuality', 'SSN data quality', '3.02.2 SSN Data Quality', [
            at('RECORD_CREATION'),
          ]),
          field(
            'CreateClientInput.dob',
            'Date of birth',
            '3.03 Date of Birth',
            [at('RECORD_CREATION')],
            'client.dob:read',
          ),
          field('CreateClientInput.dobDataQuality', 'DOB data quality', '3.03.2 DOB Data Quality', [
            at('RECORD_CREATION'),
          ]),
        ],
      },
      {
        title: 'Demographics',
        fields: [
          field(
            'CreateClientInput.raceEthnicity',
            'Race and ethnicity',
            '3.04 Race and Ethnicity',
            [at('RECORD_CREATION')],
            'client.demographics:read',
          ),
          field(
            'CreateClientInput.sex',
            'Sex',
            '3.06 Sex',
            [at('RECORD_CREATION')],
            'client.demographics:read',
          ),
          field(
            'CreateClientInput.veteranStatus',
            'Veteran status',
            '3.07 Veteran Status',
            [at('RECORD_CREATION')],
            'client.demographics:read',
          ),
          field('CreateClientInput.restrictIntake', 'Restrict intake', null),
        ],
      },
    ],
  },
  {
    code: 'enrollment',
    name: 'Enrollment',
    recordType: 'Enrollment',
    operation: 'Mutation.createEnrollment',
    sections: [
      {
        title: 'Project start',
        fields: [
          field('CreateEnrollmentInput.programId', 'Program', '2.02 Project Information', [
            at('PROJECT_START'),
          ]),
          field('CreateEnrollmentInput.entryDate', 'Project start date', '3.10 Project Start Date', [
            at('PROJECT_START'),
          ]),
          field(
            'CreateEnrollmentInput.relationshipToHoH',
            'Relationship to head of household',
            '3.15 Relationship to Head of Household',
            [at('PROJECT_START')],
          ),
          field('CreateEnrollmentInput.householdId', 'Household', '5.09 Household ID'),
          field(
            'CreateEnrollmentInput.livingSituation',
            'Prior living situation',
            '3.917 Prior Living Situation',
            [at('PROJECT_START')],
          ),
          field(
            'CreateEnrollmentInput.disablingCondition',
            'Disabling condition',
            '3.08 Disabling Condition',
            [at('PROJECT_START')],
          ),
          field('CreateEnrollmentInput.moveInDate', 'Housing move-in date', '3.20 Housing Move-In Date', [
            at('PROJECT_START', PERMANENT_HOUSING),
            at('UPDATE', PERMANENT_HOUSING),
          ]),
          field('CreateEnrollmentInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'exit',
    name: 'Exit',
    recordType: 'Exit',
    operation: 'Mutation.exitEnrollment',
    sections: [
      {
        title: 'Project exit',
        fields: [
          field('ExitEnrollmentInput.exitDate', 'Project exit date', '3.11 Project Exit Date', [
            at('PROJECT_EXIT'),
          ]),
          field('ExitEnrollmentInput.destination', 'Destination', '3.12 Destination', [at('PROJECT_EXIT')]),
          field('ExitEnrollmentInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'service',
    name: 'Service',
    recordType: 'Service',
    operation: 'Mutation.createService',
    sections: [
      {
        title: 'Service provided',
        fields: [
          field('CreateServiceInput.dateProvided', 'Date provided', '4.14 Bed-night Date / service date', [
            at('OCCURRENCE', [1]),
          ]),
          field('CreateServiceInput.recordType', 'Record type', '4.14 Services Provided (RecordType)', [
            at('OCCURRENCE', [1]),
          ]),
          field('CreateServiceInput.typeProvided', 'Type provided', '4.14 Services Provided'),
          field('CreateServiceInput.otherTypeProvided', 'Other type provided', null),
          field('CreateServiceInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'cls',
    name: 'Current Living Situation',
    recordType: 'CurrentLivingSituation',
    operation: 'Mutation.createCurrentLivingSituation',
    sections: [
      {
        title: 'Contact',
        fields: [
          field(
            'CreateCurrentLivingSituationInput.informationDate',
            'Information date',
            '4.12.1 Information Date',
            [at('OCCURRENCE', CLS_PROJECTS)],
          ),
          field(
            'CreateCurrentLivingSituationInput.currentLivingSituation',
            'Current living situation',
            '4.12.2 Current Living Situation',
            [at('OCCURRENCE', CLS_PROJECTS)],
          ),
          field(
            'CreateCurrentLivingSituationInput.locationDetails',
            'Location details',
            '4.12.A Location details',
          ),
          field('CreateCurrentLivingSituationInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'healthAndDv',
    name: 'Health & DV',
    recordType: 'HealthAndDv',
    operation: 'Mutation.createHealthAndDv',
    capabilities: ['health:read'],
    sections: [
      {
        title: 'Domestic violence',
        fields: [
          field('CreateHealthAndDvInput.informationDate', 'Information date', '4.11 Information Date', [
            at('PROJECT_START'),
            at('UPDATE'),
          ]),
          field(
            'CreateHealthAndDvInput.domesticViolenceSurvivor',
            'Survivor of domestic violence',
            '4.11.2 Domestic Violence Survivor',
            [at('PROJECT_START'), at('UPDATE')],
          ),
          field('CreateHealthAndDvInput.whenOccurred', 'When it occurred', '4.11.A When Experience Occurred'),
          field(
            'CreateHealthAndDvInput.currentlyFleeing',
            'Currently fleeing',
            '4.11.B Are You Currently Fleeing?',
          ),
          field(
            'CreateHealthAndDvInput.generalHealthStatus',
            'General health status',
            'R7 General Health Status',
          ),
          field('CreateHealthAndDvInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'incomeBenefits',
    name: 'Income & benefits',
    recordType: 'IncomeBenefits',
    operation: 'Mutation.createIncomeBenefits',
    capabilities: ['enrollment:read'],
    sections: [
      {
        title: 'Income, benefits and health insurance',
        fields: [
          field('CreateIncomeBenefitsInput.informationDate', 'Information date', '4.02 Information Date', [
            at('PROJECT_START'),
            at('UPDATE'),
          ]),
          field(
            'CreateIncomeBenefitsInput.dataCollectionStage',
            'Data collection stage',
            '5.03.1 Data Collection Stage',
          ),
          field(
            'CreateIncomeBenefitsInput.incomeFromAnySource',
            'Income from any source',
            '4.02.2 Income from Any Source',
            [at('PROJECT_START')],
          ),
          field(
            'CreateIncomeBenefitsInput.totalMonthlyIncome',
            'Total monthly income',
            '4.02.A Total Monthly Income',
            [],
            'health:read',
          ),
          field('CreateIncomeBenefitsInput.earned', 'Earned income', '4.02.3 Earned Income'),
          field(
            'CreateIncomeBenefitsInput.earnedAmount',
            'Earned income amount',
            '4.02.3 Earned Income',
            [],
            'health:read',
          ),
          field(
            'CreateIncomeBenefitsInput.benefitsFromAnySource',
            'Non-cash benefits from any source',
            '4.03.2 Non-Cash Benefits from Any Source',
          ),
          field('CreateIncomeBenefitsInput.snap', 'SNAP', '4.03.3 SNAP'),
          field(
            'CreateIncomeBenefitsInput.insuranceFromAnySource',
            'Covered by health insurance',
            '4.04.2 Covered by Health Insurance',
          ),
          field('CreateIncomeBenefitsInput.medicaid', 'Medicaid', '4.04.3 Medicaid'),
          field('CreateIncomeBenefitsInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'disabilities',
    name: 'Disabilities',
    recordType: 'Disabilities',
    operation: 'Mutation.createDisabilities',
    capabilities: ['health:read'],
    sections: [
      {
        title: 'Disability',
        fields: [
          field('CreateDisabilitiesInput.informationDate', 'Information date', '4.05-4.10 Information Date', [
            at('PROJECT_START'),
          ]),
          field(
            'CreateDisabilitiesInput.dataCollectionStage',
            'Data collection stage',
            '5.03.1 Data Collection Stage',
          ),
          field('CreateDisabilitiesInput.disabilityType', 'Disability', '4.05-4.10 Disability Type', [
            at('PROJECT_START'),
          ]),
          field('CreateDisabilitiesInput.disabilityResponse', 'Answer', '4.05.2-4.10.2', [
            at('PROJECT_START'),
          ]),
          field(
            'CreateDisabilitiesInput.indefiniteAndImpairs',
            'Long-continued and impairs independence',
            '4.05.A',
          ),
          field('CreateDisabilitiesInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'employmentEducation',
    name: 'Employment & education',
    recordType: 'EmploymentEducation',
    operation: 'Mutation.createEmploymentEducation',
    capabilities: ['enrollment:read'],
    sections: [
      {
        title: 'Employment and education',
        fields: [
          field('CreateEmploymentEducationInput.informationDate', 'Information date', 'R4 Information Date'),
          field(
            'CreateEmploymentEducationInput.dataCollectionStage',
            'Data collection stage',
            '5.03.1 Data Collection Stage',
          ),
          field(
            'CreateEmploymentEducationInput.lastGradeCompleted',
            'Last grade completed',
            'R4.1 Last Grade Completed',
          ),
          field('CreateEmploymentEducationInput.schoolStatus', 'School status', 'R5.1 School Status'),
          field('CreateEmploymentEducationInput.employed', 'Employed', 'R6.1 Employed'),
          field(
            'CreateEmploymentEducationInput.employmentType',
            'Type of employment',
            'R6.A Type of Employment',
          ),
          field(
            'CreateEmploymentEducationInput.notEmployedReason',
            'Why not employed',
            'R6.B Why Not Employed',
          ),
          field('CreateEmploymentEducationInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'youthEducationStatus',
    name: 'Youth education status',
    recordType: 'YouthEducationStatus',
    operation: 'Mutation.createYouthEducationStatus',
    capabilities: ['enrollment:read'],
    sections: [
      {
        title: 'Education status',
        fields: [
          field('CreateYouthEducationStatusInput.informationDate', 'Information date', 'C3 Information Date'),
          field(
            'CreateYouthEducationStatusInput.dataCollectionStage',
            'Data collection stage',
            '5.03.1 Data Collection Stage',
          ),
          field(
            'CreateYouthEducationStatusInput.currentSchoolAttend',
            'Current school enrollment',
            'C3.2 Current School Enrollment and Attendance',
          ),
          field(
            'CreateYouthEducationStatusInput.mostRecentEdStatus',
            'Most recent educational status',
            'C3.A Most Recent Educational Status',
          ),
          field(
            'CreateYouthEducationStatusInput.currentEdStatus',
            'Current educational status',
            'C3.B Current Educational Status',
          ),
          field('CreateYouthEducationStatusInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'ce.assessment',
    name: 'CE Assessment',
    recordType: 'Assessment',
    operation: 'Mutation.createAssessment',
    capabilities: ['assessment.score:read'],
    sections: [
      {
        title: 'Assessment',
        fields: [
          field('CreateAssessmentInput.assessmentDate', 'Date of assessment', '4.19.1 Date of Assessment', [
            at('OCCURRENCE', [14]),
          ]),
          field(
            'CreateAssessmentInput.assessmentLocation',
            'Assessment location',
            '4.19.2 Assessment Location',
            [at('OCCURRENCE', [14])],
          ),
          field('CreateAssessmentInput.assessmentType', 'Assessment type', '4.19.3 Assessment Type', [
            at('OCCURRENCE', [14]),
          ]),
          field('CreateAssessmentInput.assessmentLevel', 'Assessment level', '4.19.4 Assessment Level', [
            at('OCCURRENCE', [14]),
          ]),
          field(
            'CreateAssessmentInput.prioritizationStatus',
            'Prioritization status',
            '4.19.7 Prioritization Status',
            [at('OCCURRENCE', [14])],
          ),
          field('CreateAssessmentInput.instrumentId', 'Instrument (scored)', null),
          field(
            'CreateAssessmentInput.answers',
            'Answers',
            'AssessmentQuestions',
            [],
            'assessment.score:read',
          ),
          field('CreateAssessmentInput.instrument', 'Instrument', null),
          field('CreateAssessmentInput.score', 'Score', null, [], 'assessment.score:read'),
          field('CreateAssessmentInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'ce.event',
    name: 'CE Event',
    recordType: 'CeEvent',
    operation: 'Mutation.createCeEvent',
    capabilities: ['ce.event:read'],
    sections: [
      {
        title: 'Event',
        fields: [
          field('CreateCeEventInput.eventDate', 'Date of event', '4.20.1 Date of Event', [
            at('OCCURRENCE', [14]),
          ]),
          field('CreateCeEventInput.event', 'Event', '4.20.2 Event', [at('OCCURRENCE', [14])]),
          field(
            'CreateCeEventInput.locationCrisisOrPhHousing',
            'Location of crisis housing or PH',
            '4.20.A Location of Crisis Housing or Permanent Housing Referral',
          ),
          field('CreateCeEventInput.referralResult', 'Referral result', '4.20.D Referral Result'),
          field('CreateCeEventInput.resultDate', 'Result date', '4.20.E Date of Result'),
          field('CreateCeEventInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'referral',
    name: 'Referral',
    recordType: 'Referral',
    operation: 'Mutation.createReferral',
    capabilities: ['ce.event:read'],
    sections: [
      {
        title: 'Referral',
        fields: [
          field('CreateReferralInput.entryId', 'Priority list entry', null, [at('OCCURRENCE')]),
          field('CreateReferralInput.programId', 'Receiving program', '4.20.A Location of Referral', [
            at('OCCURRENCE'),
          ]),
          field('CreateReferralInput.referralDate', 'Date of referral', '4.20.1 Date of Event'),
          field('CreateReferralInput.consent', 'Client consents to share their record', null, [
            at('OCCURRENCE'),
          ]),
          field('CreateReferralInput.notes', 'Notes', null),
        ],
      },
    ],
  },
  {
    code: 'housing.checkIn',
    name: 'Bed Check-in',
    recordType: 'Stay',
    operation: 'Mutation.checkIn',
    sections: [
      {
        title: 'Check-in',
        fields: [
          field('CheckInInput.clientId', 'Client', null, [at('OCCURRENCE', [0, 1])]),
          field('CheckInInput.bedId', 'Bed', null, [at('OCCURRENCE', [0, 1])]),
          field('CheckInInput.night', 'Night', '4.14 Bed-night date (DateProvided)'),
          field('CheckInInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
  {
    code: 'referral.response',
    name: 'Referral response',
    recordType: 'Referral',
    operation: 'Mutation.respondToReferral',
    sections: [
      {
        title: 'Response',
        fields: [
          field('ReferralResponseInput.decision', 'Accept or reject', null, [at('OCCURRENCE')]),
          field('ReferralResponseInput.referralResult', 'Referral result', '4.20.D Referral Result', [
            at('OCCURRENCE'),
          ]),
          field('ReferralResponseInput.resultDate', 'Result date', '4.20.E Date of Result'),
          field('ReferralResponseInput.reason', 'Reason', null, [at('OCCURRENCE')]),
        ],
      },
    ],
  },
  {
    code: 'reservation',
    name: 'Reservation',
    recordType: 'Reservation',
    operation: 'Mutation.createReservation',
    sections: [
      {
        title: 'Reservation',
        fields: [
          field('CreateReservationInput.clientId', 'Client', null, [at('OCCURRENCE', [0, 1])]),
          field('CreateReservationInput.facilityId', 'Facility', null, [at('OCCURRENCE', [0, 1])]),
          field('CreateReservationInput.bedId', 'Bed', null),
          field('CreateReservationInput.firstNight', 'First night', null, [at('OCCURRENCE', [0, 1])]),
          field('CreateReservationInput.lastNight', 'Last night', null),
          field('CreateReservationInput.restriction', 'Restriction', null),
        ],
      },
    ],
  },
];
