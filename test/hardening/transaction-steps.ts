/**
 * One valid call of every audited mutation, in an order where each can build on the ones
 * before (test/hardening/transactions.test.ts runs each twice: once while audit writes fail,
 * once normally). Inputs are built just before sending, from what earlier steps kept.
 */
import { addDays, localToday } from '../../src/database/sql-time';

export type Caller = 'mina' | 'casey' | 'admin' | 'pat';

export interface Step {
  name: string;
  as: Caller;
  query: string;
  variables: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Keeps what later steps need from the successful answer. */
  keep?: (data: any) => void;
}

export interface StepContext {
  /** Ids kept by earlier steps and set up by the test (hssProgram, ceEnrollment, hss, client0). */
  ids: Record<string, string>;
  /** The current optimistic-locking version of a row. */
  version(table: string, id: string): Promise<number>;
}

const today = localToday();

/** `mutation($a: T) { name(a: $a) { selection } }` from a compact signature "a: T, b: U". */
function m(name: string, signature: string, selection = ''): string {
  const vars = signature.split(',').map((p) => p.trim().split(':')[0]);
  const call = vars.map((v) => `${v}: $${v}`).join(', ');
  const sig = signature
    .split(',')
    .map((p) => `$${p.trim()}`)
    .join(', ');
  return `mutation(${sig}) { ${name}(${call})${selection ? ` { ${selection} }` : ''} }`;
}

/** Each stage record type, a valid new answer set and a valid correction of it. */
const STAGE_RECORDS = [
  ['IncomeBenefits', 'income_benefits', { incomeFromAnySource: 'NO' }, { incomeFromAnySource: 'YES' }],
  [
    'Disabilities',
    'disabilities',
    { disabilityType: 'PHYSICAL', disabilityResponse: 0 },
    { disabilityResponse: 1 },
  ],
  ['EmploymentEducation', 'employment_education', { employed: 'NO' }, { employed: 'YES' }],
  [
    'YouthEducationStatus',
    'youth_education_status',
    { currentSchoolAttend: 'NOT_ENROLLED' },
    { currentSchoolAttend: 'ENROLLED_ATTENDING' },
  ],
] as const;

/** Record, correct and delete each stage record (IncomeBenefits, Disabilities, R4-R6, C3) in the enrollment. */
function stageRecordSteps({ ids, version }: StepContext): Step[] {
  return STAGE_RECORDS.flatMap(([type, table, answers, correction]): Step[] => [
    {
      name: `create${type}`,
      as: 'mina',
      query: m(`create${type}`, `input: Create${type}Input!`, 'id'),
      variables: () => ({
        input: { enrollmentId: ids.enrollment, informationDate: addDays(today, -5), ...answers },
      }),
      keep: (d) => (ids[type] = d[`create${type}`].id),
    },
    {
      name: `update${type}`,
      as: 'mina',
      query: m(`update${type}`, `id: ID!, input: Update${type}Input!`, 'id'),
      variables: async () => ({
        id: ids[type],
        input: { version: await version(table, ids[type]), ...correction },
      }),
    },
    {
      name: `delete${type}`,
      as: 'mina',
      query: m(`delete${type}`, 'input: DeleteInput!'),
      variables: async () => ({ input: { id: ids[type], version: await version(table, ids[type]) } }),
    },
  ]);
}

/** Clients, enrollments and transactions (HSS staff; CE records by a CE assessor). */
export function recordSteps({ ids, version }: StepContext): Step[] {
  const keep = (key: string, field: string) => (d: any) => (ids[key] = d[field].id);
  return [
    {
      name: 'createClient',
      as: 'mina',
      query: m('createClient', 'input: CreateClientInput!', 'id'),
      variables: () => ({ input: { firstName: 'Atomic', lastName: 'Case' } }),
      keep: keep('client', 'createClient'),
    },
    {
      name: 'updateClient',
      as: 'mina',
      query: m('updateClient', 'id: ID!, input: UpdateClientInput!', 'id'),
      variables: async () => ({
        id: ids.client,
        input: { version: await version('client', ids.client), middleName: 'T' },
      }),
    },
    {
      name: 'createEnrollment',
      as: 'mina',
      query: m('createEnrollment', 'input: CreateEnrollmentInput!', 'id'),
      variables: () => ({
        input: { clientId: ids.client, programId: ids.hssProgram, entryDate: addDays(today, -10) },
      }),
      keep: keep('enrollment', 'createEnrollment'),
    },
    {
      name: 'updateEnrollment',
      as: 'mina',
      query: m('updateEnrollment', 'id: ID!, input: UpdateEnrollmentInput!', 'id'),
      variables: async () => ({
        id: ids.enrollment,
        input: { version: await version('enrollment', ids.enrollment), disablingCondition: 'NO' },
      }),
    },
    {
      name: 'createService',
      as: 'mina',
      query: m('createService', 'input: CreateServiceInput!', 'id'),
      variables: () => ({
        input: {
          enrollmentId: ids.enrollment,
          dateProvided: addDays(today, -5),
          recordType: 'BED_NIGHT',
          typeProvided: 200,
        },
      }),
      keep: keep('service', 'createService'),
    },
    {
      name: 'createCurrentLivingSituation',
      as: 'mina',
      query: m('createCurrentLivingSituation', 'input: CreateCurrentLivingSituationInput!', 'id'),
      variables: () => ({
        input: {
          enrollmentId: ids.enrollment,
          informationDate: addDays(today, -5),
          currentLivingSituation: 'EMERGENCY_SHELTER',
        },
      }),
    },
    {
      name: 'createHealthAndDv',
      as: 'mina',
      query: m('createHealthAndDv', 'input: CreateHealthAndDvInput!', 'id'),
      variables: () => ({
        input: {
          enrollmentId: ids.enrollment,
          informationDate: addDays(today, -5),
          domesticViolenceSurvivor: 'NO',
        },
      }),
    },
    ...stageRecordSteps({ ids, version }),
    {
      name: 'deleteService',
      as: 'mina',
      query: m('deleteService', 'input: DeleteInput!'),
      variables: async () => ({ input: { id: ids.service, version: await version('service', ids.service) } }),
    },
    {
      name: 'exitEnrollment',
      as: 'mina',
      query: m('exitEnrollment', 'id: ID!, input: ExitEnrollmentInput!', 'id'),
      variables: () => ({
        id: ids.enrollment,
        input: { exitDate: addDays(today, -1), destination: 'RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY' },
      }),
    },
    {
      name: 'deleteEnrollment',
      as: 'mina',
      query: m('deleteEnrollment', 'input: DeleteInput!'),
      variables: async () => ({
        input: { id: ids.enrollment, version: await version('enrollment', ids.enrollment) },
      }),
    },
    {
      name: 'deleteClient',
      as: 'mina',
      query: m('deleteClient', 'input: DeleteInput!'),
      variables: async () => ({ input: { id: ids.client, version: await version('client', ids.client) } }),
    },
    {
      name: 'createAssessment',
      as: 'casey',
      query: m('createAssessment', 'input: CreateAssessmentInput!', 'id'),
      variables: () => ({
        input: {
          enrollmentId: ids.ceEnrollment,
          assessmentDate: addDays(today, -2),
          assessmentLocation: 'County office',
          assessmentType: 'IN_PERSON',
          assessmentLevel: 'CRISIS_NEEDS_ASSESSMENT',
          instrument: 'VI-SPDAT',
        },
      }),
    },
    {
      name: 'createCeEvent',
      as: 'casey',
      query: m('createCeEvent', 'input: CreateCeEventInput!', 'id'),
      variables: () => ({
        input: {
          enrollmentId: ids.ceEnrollment,
          eventDate: addDays(today, -2),
          event: 'REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING',
        },
      }),
    },
  ];
}

/** Setup data and user administration (the system administrator), and a password change. */
export function adminSteps({ ids }: StepContext): Step[] {
  const keep = (key: string, pick: (d: any) => string) => (d: any) => (ids[key] = pick(d));
  return [
    {
      name: 'createOrganization',
      as: 'admin',
      query: m('createOrganization', 'input: OrganizationFieldsInput!', 'id'),
      variables: () => ({ input: { name: 'Atomic Outreach', code: 'ATM' } }),
      keep: keep('org', (d) => d.createOrganization.id),
    },
    {
      name: 'updateOrganization',
      as: 'admin',
      query: m('updateOrganization', 'id: ID!, input: OrganizationFieldsInput!', 'id'),
      variables: () => ({ id: ids.org, input: { contactName: 'Ada Atomic' } }),
    },
    {
      name: 'setRestrictionOptions',
      as: 'admin',
      query: m('setRestrictionOptions', 'organizationId: ID!, input: RestrictionOptionsInput!', 'id'),
      variables: () => ({ organizationId: ids.org, input: { defaultRestriction: 'RESTRICTED' } }),
    },
    {
      name: 'createLocation',
      as: 'admin',
      query: m('createLocation', 'input: CreateLocationInput!', 'id'),
      variables: () => ({ input: { organizationId: ids.org, name: 'Atomic Hall' } }),
      keep: keep('location', (d) => d.createLocation.id),
    },
    {
      name: 'updateLocation',
      as: 'admin',
      query: m('updateLocation', 'id: ID!, input: LocationFieldsInput!', 'id'),
      variables: () => ({ id: ids.location, input: { city: 'Springfield' } }),
    },
    {
      name: 'createProgram',
      as: 'admin',
      query: m('createProgram', 'input: CreateProgramInput!', 'id'),
      variables: () => ({
        input: {
          organizationId: ids.org,
          name: 'Atomic Shelter',
          projectType: 'EMERGENCY_SHELTER_ENTRY_EXIT',
          operatingStartDate: addDays(today, -30),
        },
      }),
      keep: keep('program', (d) => d.createProgram.id),
    },
    {
      name: 'updateProgram',
      as: 'admin',
      query: m('updateProgram', 'id: ID!, input: ProgramFieldsInput!', 'id'),
      variables: () => ({ id: ids.program, input: { name: 'Atomic Shelter II' } }),
    },
    {
      name: 'createWorkgroup',
      as: 'admin',
      query: m('createWorkgroup', 'input: CreateWorkgroupInput!', 'id'),
      variables: () => ({ input: { name: 'Atomic Workgroup', capabilities: ['client:read'] } }),
      keep: keep('workgroup', (d) => d.createWorkgroup.id),
    },
    {
      name: 'updateWorkgroup',
      as: 'admin',
      query: m('updateWorkgroup', 'id: ID!, input: UpdateWorkgroupInput!', 'id'),
      variables: () => ({ id: ids.workgroup, input: { description: 'For the atomicity test' } }),
    },
    {
      name: 'setWorkgroupCapabilities',
      as: 'admin',
      query: m('setWorkgroupCapabilities', 'workgroupId: ID!, capabilities: [String!]!', 'id'),
      variables: () => ({ workgroupId: ids.workgroup, capabilities: ['client:read', 'program:read'] }),
    },
    {
      name: 'setWorkgroupRequiredTrainings',
      as: 'admin',
      query: m(
        'setWorkgroupRequiredTrainings',
        'workgroupId: ID!, trainings: [RequiredTrainingInput!]!',
        'id',
      ),
      variables: () => ({ workgroupId: ids.workgroup, trainings: [{ course: 'Atomic 101' }] }),
    },
    {
      name: 'createInformationRelease',
      as: 'admin',
      query: m('createInformationRelease', 'input: CreateInformationReleaseInput!', 'id'),
      variables: () => ({
        input: {
          number: 9001,
          name: 'Atomic MOU',
          startDate: addDays(today, -1),
          shares: [{ fromOrganizationId: ids.hss, toOrganizationId: ids.org }],
        },
      }),
      keep: keep('release', (d) => d.createInformationRelease.id),
    },
    {
      name: 'updateInformationRelease',
      as: 'admin',
      query: m('updateInformationRelease', 'id: ID!, input: UpdateInformationReleaseInput!', 'id'),
      variables: () => ({ id: ids.release, input: { comments: 'Reviewed' } }),
    },
    {
      name: 'createReleaseException',
      as: 'admin',
      query: m('createReleaseException', 'input: CreateReleaseExceptionInput!', 'id'),
      variables: () => ({
        input: { clientId: ids.client0, organizationId: ids.org, validThrough: addDays(today, 30) },
      }),
      keep: keep('exception', (d) => d.createReleaseException.id),
    },
    {
      name: 'updateReleaseException',
      as: 'admin',
      query: m('updateReleaseException', 'id: ID!, validThrough: LocalDate!', 'id'),
      variables: () => ({ id: ids.exception, validThrough: addDays(today, 60) }),
    },
    {
      name: 'createUser',
      as: 'admin',
      query: m('createUser', 'input: CreateUserInput!', 'user { id }'),
      variables: () => ({
        input: {
          username: 'atomic.user',
          displayName: 'Atomic User',
          workgroupIds: [ids.workgroup],
          assignments: [{ organizationId: ids.org, canLogin: true, canEdit: true }],
        },
      }),
      keep: keep('user', (d) => d.createUser.user.id),
    },
    {
      name: 'updateUser',
      as: 'admin',
      query: m('updateUser', 'userId: ID!, input: UpdateUserInput!', 'id'),
      variables: () => ({ userId: ids.user, input: { displayName: 'Atomic User II' } }),
    },
    {
      name: 'setUserWorkgroups',
      as: 'admin',
      query: m('setUserWorkgroups', 'userId: ID!, workgroupIds: [ID!]!', 'id'),
      variables: () => ({ userId: ids.user, workgroupIds: [ids.workgroup, ids.hmisUsers] }),
    },
    {
      name: 'assignUserToOrganization',
      as: 'admin',
      query: m('assignUserToOrganization', 'userId: ID!, input: OrgAssignmentInput!', 'id'),
      variables: () => ({
        userId: ids.user,
        input: { organizationId: ids.hss, canLogin: true, canEdit: false },
      }),
    },
    {
      name: 'removeUserFromOrganization',
      as: 'admin',
      query: m('removeUserFromOrganization', 'userId: ID!, organizationId: ID!', 'id'),
      variables: () => ({ userId: ids.user, organizationId: ids.hss }),
    },
    {
      name: 'recordUserTraining',
      as: 'admin',
      query: m('recordUserTraining', 'userId: ID!, input: TrainingInput!', 'id'),
      variables: () => ({
        userId: ids.user,
        input: { course: 'Atomic 101', completedOn: addDays(today, -1) },
      }),
    },
    {
      name: 'removeUserTraining',
      as: 'admin',
      query: m('removeUserTraining', 'userId: ID!, course: String!', 'id'),
      variables: () => ({ userId: ids.user, course: 'Atomic 101' }),
    },
    {
      name: 'deactivateUser',
      as: 'admin',
      query: m('deactivateUser', 'userId: ID!, reason: String!', 'id'),
      variables: () => ({ userId: ids.user, reason: 'Atomicity test' }),
    },
    {
      name: 'reinstateUser',
      as: 'admin',
      query: m('reinstateUser', 'userId: ID!', 'id'),
      variables: () => ({ userId: ids.user }),
    },
    {
      name: 'resetUserPassword',
      as: 'admin',
      query: m('resetUserPassword', 'userId: ID!', 'user { id }'),
      variables: () => ({ userId: ids.user }),
    },
    {
      name: 'unlockUser',
      as: 'admin',
      query: m('unlockUser', 'userId: ID!', 'id'),
      variables: () => ({ userId: ids.user }),
    },
    {
      name: 'changePassword',
      as: 'pat',
      query: m('changePassword', 'currentPassword: String!, newPassword: String!', 'user { username }'),
      variables: () => ({ currentPassword: ids.patPassword, newPassword: 'Atomic-Lighthouse-Kettle-2031' }),
    },
  ];
}
