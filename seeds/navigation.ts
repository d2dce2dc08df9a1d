/**
 * Workspaces, menu options and forms of the demo scenario ("Workspaces" in
 * /work/shared/spec/demo-scenario.md) for what exists today: Clients, Coordinated Entry's
 * assessments and events, Administration, and the Reports entry. Housing, Reservations and
 * Priority List are seeded and granted but have no menu options yet (their issues add them);
 * `navigation` leaves a workspace without a usable option out, so nobody sees an empty one.
 * A workgroup is granted a menu option or form only when it holds what it needs, the rule
 * setWorkgroupNavigation enforces for administrators.
 */
import type { EntityManager } from 'typeorm';
import {
  Form,
  MenuGroup,
  MenuOption,
  NavigationKind,
  WorkgroupNavigation,
  Workspace,
  type FormFieldData,
  type FormSectionData,
} from '../src/modules/navigation/navigation.entity';
import { missingForGrant } from '../src/modules/navigation/navigation-admin.service';
import { neededCapabilities } from '../src/modules/navigation/navigation-rules';
import { WORKGROUP_CAPABILITIES, type WorkgroupName } from './workgroups';

export const WORKSPACES = [
  {
    code: 'clients',
    name: 'Clients',
    icon: 'users',
    description: 'Find clients and record their program stays.',
  },
  {
    code: 'coordinatedEntry',
    name: 'Coordinated Entry',
    icon: 'compass',
    description: 'CE assessments and events.',
  },
  { code: 'housing', name: 'Housing', icon: 'bed', description: 'Facilities, beds, check-in and check-out.' },
  { code: 'reservations', name: 'Reservations', icon: 'calendar', description: 'Shelter bed reservations.' },
  {
    code: 'priorityList',
    name: 'Priority List',
    icon: 'list-ordered',
    description: 'The CE priority list and referrals.',
  },
  { code: 'reports', name: 'Reports', icon: 'chart', description: 'Reports and aggregate queries.' },
  {
    code: 'administration',
    name: 'Administration',
    icon: 'settings',
    description: 'Setup data, users and the audit log.',
  },
] as const;

export type WorkspaceCode = (typeof WORKSPACES)[number]['code'];

const GROUPS: { code: string; workspace: WorkspaceCode; label: string }[] = [
  { code: 'clients.records', workspace: 'clients', label: 'Client records' },
  { code: 'clients.stay', workspace: 'clients', label: 'Program stay' },
  { code: 'admin.setup', workspace: 'administration', label: 'Setup' },
  { code: 'admin.people', workspace: 'administration', label: 'People and audit' },
];

interface OptionSeed {
  code: string;
  workspace: WorkspaceCode;
  group?: string;
  label: string;
  operations: string[];
  capabilities?: string[];
  form?: string;
}

export const MENU_OPTIONS: OptionSeed[] = [
  {
    code: 'clients.search',
    workspace: 'clients',
    group: 'clients.records',
    label: 'Client search',
    operations: ['Query.clients'],
  },
  {
    code: 'clients.profile',
    workspace: 'clients',
    group: 'clients.records',
    label: 'Client profile',
    operations: ['Query.client', 'Mutation.createClient', 'Mutation.updateClient'],
    form: 'client.profile',
  },
  {
    code: 'clients.enrollments',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Enrollments',
    operations: [
      'Query.enrollment',
      'Query.programs',
      'Mutation.createEnrollment',
      'Mutation.updateEnrollment',
    ],
    form: 'enrollment',
  },
  {
    code: 'clients.exits',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Exits',
    operations: ['Mutation.exitEnrollment'],
    form: 'exit',
  },
  {
    code: 'clients.services',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Services',
    operations: ['Query.service', 'Mutation.createService'],
    form: 'service',
  },
  {
    code: 'clients.cls',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Current living situation',
    operations: ['Mutation.createCurrentLivingSituation'],
    capabilities: ['cls:read'],
    form: 'cls',
  },
  {
    code: 'clients.healthDv',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Health & DV',
    operations: ['Mutation.createHealthAndDv'],
    capabilities: ['health:read'],
    form: 'healthAndDv',
  },
  {
    code: 'ce.assessment',
    workspace: 'coordinatedEntry',
    label: 'CE Assessment',
    operations: ['Mutation.createAssessment'],
    capabilities: ['assessment:read', 'assessment.score:read'],
    form: 'ce.assessment',
  },
  {
    code: 'ce.event',
    workspace: 'coordinatedEntry',
    label: 'CE Event',
    operations: ['Mutation.createCeEvent'],
    capabilities: ['ce.event:read'],
    form: 'ce.event',
  },
  {
    code: 'reports.run',
    workspace: 'reports',
    label: 'Reports',
    operations: [],
    capabilities: ['report:run'],
  },
  {
    code: 'admin.organizations',
    workspace: 'administration',
    group: 'admin.setup',
    label: 'Organizations',
    operations: [
      'Query.adminOrganizations',
      'Mutation.createOrganization',
      'Mutation.updateOrganization',
      'Mutation.setRestrictionOptions',
    ],
  },
  {
    code: 'admin.locations',
    workspace: 'administration',
    group: 'admin.setup',
    label: 'Locations',
    operations: ['Query.adminOrganizations', 'Mutation.createLocation', 'Mutation.updateLocation'],
  },
  {
    code: 'admin.programs',
    workspace: 'administration',
    group: 'admin.setup',
    label: 'Programs',
    operations: ['Query.adminPrograms', 'Mutation.createProgram', 'Mutation.updateProgram'],
  },
  {
    code: 'admin.workgroups',
    workspace: 'administration',
    group: 'admin.setup',
    label: 'Workgroups',
    operations: [
      'Query.workgroups',
      'Query.capabilityCatalog',
      'Mutation.createWorkgroup',
      'Mutation.updateWorkgroup',
      'Mutation.setWorkgroupCapabilities',
      'Mutation.setWorkgroupRequiredTrainings',
    ],
  },
  {
    code: 'admin.navigation',
    workspace: 'administration',
    group: 'admin.setup',
    label: 'Workspaces and forms',
    operations: [
      'Query.navigationSetup',
      'Mutation.saveWorkspace',
      'Mutation.saveMenuGroup',
      'Mutation.saveMenuOption',
      'Mutation.saveForm',
      'Mutation.orderNavigation',
      'Mutation.setWorkgroupNavigation',
    ],
  },
  {
    code: 'admin.releases',
    workspace: 'administration',
    group: 'admin.setup',
    label: 'Information releases',
    operations: [
      'Query.informationReleases',
      'Query.releaseExceptions',
      'Mutation.createInformationRelease',
      'Mutation.updateInformationRelease',
      'Mutation.createReleaseException',
      'Mutation.updateReleaseException',
    ],
  },
  {
    code: 'admin.agreement',
    workspace: 'administration',
    group: 'admin.setup',
    label: 'End User Agreement',
    operations: ['Query.endUserAgreement', 'Mutation.publishEndUserAgreement'],
  },
  {
    code: 'admin.users',
    workspace: 'administration',
    group: 'admin.people',
    label: 'Users',
    operations: [
      'Query.users',
      'Query.user',
      'Mutation.createUser',
      'Mutation.updateUser',
      'Mutation.setUserWorkgroups',
      'Mutation.assignUserToOrganization',
      'Mutation.removeUserFromOrganization',
      'Mutation.recordUserTraining',
      'Mutation.removeUserTraining',
      'Mutation.deactivateUser',
      'Mutation.reinstateUser',
      'Mutation.resetUserPassword',
      'Mutation.unlockUser',
    ],
  },
  {
    code: 'admin.audit',
    workspace: 'administration',
    group: 'admin.people',
    label: 'Audit log',
    operations: ['Query.auditEvents'],
  },
  {
    code: 'admin.explain',
    workspace: 'administration',
    group: 'admin.people',
    label: 'Explain access',
    operations: ['Query.explainAccess'],
  },
];

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

interface FormSeed {
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
];

/** Workspaces per workgroup (demo-scenario.md "Workspaces"). */
export const WORKGROUP_WORKSPACES: Record<WorkgroupName, WorkspaceCode[]> = {
  'HMIS Users': ['clients', 'reports'],
  'Emergency Shelter Staff': ['clients', 'housing', 'reports'],
  'Shelter Reservation Team': ['clients', 'reservations', 'reports'],
  'Coordinated Entry Assessors': ['clients', 'coordinatedEntry', 'reports'],
  'Priority List Managers': ['clients', 'coordinatedEntry', 'priorityList', 'reports'],
  'System Administrators': ['administration', 'reports'],
};

/** Inserts the catalogue and grants every workgroup its workspaces' options and forms that it can use. */
export async function seedNavigation(
  m: EntityManager,
  workgroups: Record<WorkgroupName, number>,
): Promise<void> {
  const wsIds = new Map<string, number>();
  for (const [i, w] of WORKSPACES.entries())
    wsIds.set(
      w.code,
      (await m.insert(Workspace, { ...w, sortOrder: (i + 1) * 10 })).identifiers[0].id as number,
    );
  const groupIds = new Map<string, number>();
  for (const [i, g] of GROUPS.entries())
    groupIds.set(
      g.code,
      (
        await m.insert(MenuGroup, {
          code: g.code,
          workspaceId: wsIds.get(g.workspace),
          label: g.label,
          sortOrder: (i + 1) * 10,
        })
      ).identifiers[0].id as number,
    );
  for (const [i, f] of FORMS.entries())
    await m.insert(Form, {
      code: f.code,
      name: f.name,
      description: null,
      recordType: f.recordType,
      operation: f.operation,
      capabilities: f.capabilities ?? [],
      sections: f.sections,
      sortOrder: (i + 1) * 10,
    });
  for (const [i, o] of MENU_OPTIONS.entries())
    await m.insert(MenuOption, {
      code: o.code,
      workspaceId: wsIds.get(o.workspace),
      menuGroupId: o.group ? (groupIds.get(o.group) ?? null) : null,
      label: o.label,
      description: null,
      operations: o.operations,
      capabilities: o.capabilities ?? [],
      formCode: o.form ?? null,
      sortOrder: (i + 1) * 10,
    });
  const rows: WorkgroupNavigation[] = [];
  for (const [name, workspaces] of Object.entries(WORKGROUP_WORKSPACES) as [
    WorkgroupName,
    WorkspaceCode[],
  ][]) {
    const held = new Set<string>(WORKGROUP_CAPABILITIES[name]);
    const usable = (operations: string[], caps: string[] = []) =>
      missingForGrant(held, neededCapabilities(operations, caps)).length === 0;
    const options = MENU_OPTIONS.filter(
      (o) => workspaces.includes(o.workspace) && usable(o.operations, o.capabilities),
    );
    const forms = FORMS.filter(
      (f) => options.some((o) => o.form === f.code) && usable([f.operation], f.capabilities),
    );
    const workgroupId = workgroups[name];
    rows.push(
      ...workspaces.map((code) => ({ workgroupId, kind: NavigationKind.WORKSPACE, code })),
      ...options.map((o) => ({ workgroupId, kind: NavigationKind.MENU_OPTION, code: o.code })),
      ...forms.map((f) => ({ workgroupId, kind: NavigationKind.FORM, code: f.code })),
    );
  }
  await m.insert(WorkgroupNavigation, rows);
}
