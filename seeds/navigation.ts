/**
 * Workspaces, menu options and forms of the demo scenario ("Workspaces" in
 * /work/shared/spec/demo-scenario.md) for what exists today: Clients, Coordinated Entry's
 * assessments and events, Housing and Reservations (issue 13), the Priority List and its
 * referrals (issue 14), Administration, and Reports (issue 15).
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
} from '../src/modules/navigation/navigation.entity';
import { missingForGrant } from '../src/modules/navigation/navigation-admin.service';
import { neededCapabilities } from '../src/modules/navigation/navigation-rules';
import { FORMS } from './navigation-forms';
import { WORKGROUP_CAPABILITIES, type WorkgroupName } from './workgroups';

export { FORMS } from './navigation-forms';

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
  { code: 'admin.stewardship', workspace: 'administration', label: 'Data stewardship' },
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
    // Before creating a client (access model, "Duplicates and merging").
    code: 'clients.duplicateCheck',
    workspace: 'clients',
    group: 'clients.records',
    label: 'Duplicate check',
    operations: ['Query.possibleDuplicates'],
  },
  {
    // Whoever may delete a record may restore it; the service refuses the others.
    code: 'clients.recycleBin',
    workspace: 'clients',
    group: 'clients.records',
    label: 'Recycle bin',
    operations: ['Query.deletedRecords', 'Mutation.restoreRecord'],
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
    code: 'clients.incomeBenefits',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Income & benefits',
    operations: [
      'Mutation.createIncomeBenefits',
      'Mutation.updateIncomeBenefits',
      'Mutation.deleteIncomeBenefits',
    ],
    capabilities: ['enrollment:read'],
    form: 'incomeBenefits',
  },
  {
    code: 'clients.disabilities',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Disabilities',
    operations: ['Mutation.createDisabilities', 'Mutation.updateDisabilities', 'Mutation.deleteDisabilities'],
    capabilities: ['health:read'],
    form: 'disabilities',
  },
  {
    code: 'clients.employmentEducation',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Employment & education',
    operations: [
      'Mutation.createEmploymentEducation',
      'Mutation.updateEmploymentEducation',
      'Mutation.deleteEmploymentEducation',
    ],
    capabilities: ['enrollment:read'],
    form: 'employmentEducation',
  },
  {
    code: 'clients.youthEducationStatus',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Youth education status',
    operations: [
      'Mutation.createYouthEducationStatus',
      'Mutation.updateYouthEducationStatus',
      'Mutation.deleteYouthEducationStatus',
    ],
    capabilities: ['enrollment:read'],
    form: 'youthEducationStatus',
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
  // Housing (Emergency Shelter Staff) and Reservations (Shelter Reservation Team), issue 13.
  {
    code: 'housing.bedBoard',
    workspace: 'housing',
    label: 'Bed Board',
    operations: ['Query.facilities', 'Query.bedBoard'],
  },
  {
    code: 'housing.checkIn',
    workspace: 'housing',
    label: 'Check-in',
    operations: ['Query.facilities', 'Query.bedBoard', 'Query.clients', 'Mutation.checkIn'],
    form: 'housing.checkIn',
  },
  {
    code: 'housing.reservationCheckIn',
    workspace: 'housing',
    label: 'Reservation Check-in',
    operations: ['Query.reservations', 'Mutation.checkInReservation'],
  },
  {
    code: 'housing.checkOut',
    workspace: 'housing',
    label: 'Check-out',
    operations: ['Query.currentResidents', 'Mutation.checkOut', 'Mutation.moveStay'],
  },
  {
    code: 'housing.rollCall',
    workspace: 'housing',
    label: 'Nightly Roll Call',
    operations: ['Query.currentResidents', 'Mutation.recordBedNights'],
  },
  {
    code: 'housing.residents',
    workspace: 'housing',
    label: 'Current Residents',
    operations: ['Query.facilities', 'Query.currentResidents'],
  },
  {
    code: 'reservations.reserve',
    workspace: 'reservations',
    label: 'Reserve a Bed',
    operations: ['Query.facilities', 'Query.bedBoard', 'Query.clients', 'Mutation.createReservation'],
    form: 'reservation',
  },
  {
    code: 'reservations.list',
    workspace: 'reservations',
    label: 'Reservations',
    operations: ['Query.reservations', 'Mutation.cancelReservation'],
  },
  {
    code: 'reservations.bedBoard',
    workspace: 'reservations',
    label: 'Bed Board',
    operations: ['Query.facilities', 'Query.bedBoard'],
  },
  // Reports (issue 15): shown where report:run passes the role ceiling (data analysts, managers, administrators).
  {
    // Read-only: tara.trainee (assessment training pending) and the Priority List Managers use it.
    code: 'ce.queue',
    workspace: 'coordinatedEntry',
    label: 'Assessments and queue (read-only)',
    operations: ['Query.assessmentInstruments', 'Query.priorityList', 'Query.priorityOrder'],
  },
  {
    code: 'priorityList.list',
    workspace: 'priorityList',
    label: 'Priority List',
    operations: [
      'Query.priorityList',
      'Query.priorityOrder',
      'Mutation.setPriorityOrder',
      'Mutation.setPriorityStatus',
    ],
    capabilities: ['assessment.score:read'],
  },
  {
    code: 'priorityList.referrals',
    workspace: 'priorityList',
    label: 'Referrals',
    operations: ['Query.referralsFromMe', 'Mutation.createReferral', 'Mutation.withdrawReferral'],
    form: 'referral',
  },
  {
    // The receiving side: users who enroll clients answer the referrals to their programs.
    code: 'clients.referrals',
    workspace: 'clients',
    group: 'clients.stay',
    label: 'Referrals to us',
    operations: ['Query.referralsToMe', 'Mutation.respondToReferral'],
    form: 'referral.response',
  },
  {
    code: 'reports.clientCounts',
    workspace: 'reports',
    label: 'Client counts',
    operations: ['Query.clientCounts', 'Query.enrollmentCounts', 'Query.serviceCounts'],
    capabilities: ['report:run'],
  },
  {
    code: 'reports.dataQuality',
    workspace: 'reports',
    label: 'Data quality',
    operations: ['Query.dataQuality'],
    capabilities: ['report:run'],
  },
  {
    code: 'reports.dashboard',
    workspace: 'reports',
    label: 'Dashboard',
    operations: ['Query.clientCounts', 'Query.dataQuality', 'Query.programs'],
    capabilities: ['report:run'],
  },
  {
    // The zip itself is GET /exports/hud-csv; the option names the query that says where and what is withheld.
    code: 'reports.hudCsv',
    workspace: 'reports',
    label: 'HUD CSV export',
    operations: ['Query.hudCsvExportInfo'],
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
  {
    code: 'admin.duplicates',
    workspace: 'administration',
    group: 'admin.stewardship',
    label: 'Duplicate clients',
    operations: ['Query.duplicateQueue', 'Query.duplicateCandidates', 'Query.possibleDuplicates'],
  },
  {
    code: 'admin.merge',
    workspace: 'administration',
    group: 'admin.stewardship',
    label: 'Merge clients',
    operations: ['Mutation.mergeClients', 'Mutation.unmergeClient'],
  },
  {
    code: 'admin.recycleBin',
    workspace: 'administration',
    group: 'admin.stewardship',
    label: 'Recycle bin',
    operations: ['Query.deletedRecords', 'Mutation.restoreRecord'],
  },
  {
    code: 'admin.accountRequests',
    workspace: 'administration',
    group: 'admin.people',
    label: 'Account requests',
    operations: [
      'Query.accountRequests',
      'Mutation.requestUserAccount',
      'Mutation.requestDeactivation',
      'Mutation.approveAccountRequest',
      'Mutation.rejectAccountRequest',
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
