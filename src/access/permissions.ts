/**
 * The permission map: which rule guards every root operation and every sensitive field. It is
 * data, printed by `npm run permissions` and checked by test/access/permission-coverage.test.ts,
 * which fails when a Query or Mutation field, or a field listed as sensitive, has no rule.
 *
 * Root rules are enforced by graphql-shield (once per operation). Field rules are enforced by a
 * synchronous guard (field-guard.ts) so the common path costs a Set lookup, not an async
 * resolver per field per row.
 */
import type { Capability } from './capabilities';
import { RECORD_FIELD_RULES, type FieldRule } from './record-types';

/**
 * - `public`: anyone (login).
 * - `session`: any valid session, whatever its state (me, logout, acceptEndUserAgreement).
 * - `agreed`: a session whose user accepted the End User Agreement, changed any temporary
 *   password and completed required trainings, with or without a context (selectContext).
 * - `ready`: a READY session (context selected), whatever its capabilities (navigation).
 * - a capability: a READY session (context selected) whose capabilities include it.
 * - `userAdmin`: a READY session holding `users:manage`, or an agency lead
 *   (OrgAssignment.agencyLead) without it; the users service narrows a lead to the users all
 *   of whose assignments are to the lead's organizations (src/modules/users/user-scope.ts).
 * - `shelterDesk`: a READY session holding `bed:checkin` or `reservation:manage` (the occupancy
 *   board, current residents and facilities, access model §8).
 * - `auditReader`: a READY session holding `audit:read`, or an agency lead without it; the audit
 *   query narrows a lead to the events of the lead's own organizations' records and users
 *   (access model §6, src/modules/audit/audit-query.service.ts).
 */
export type RootRule =
  'public' | 'session' | 'agreed' | 'ready' | 'userAdmin' | 'auditReader' | 'shelterDesk' | Capability;

export const QUERY_RULES: Record<string, RootRule> = {
  me: 'session',
  endUserAgreement: 'session',
  // What the session may do (issue 11). Before a context only me, endUserAgreement, selectContext,
  // acceptEndUserAgreement and logout answer (access model §2.2), so these need one.
  navigation: 'ready',
  form: 'ready',
  myPermissions: 'ready',
  // Issue 12: where the HUD CSV export is and what it withholds from this session.
  hudCsvExportInfo: 'report:run',
  mySchema: 'ready',
  navigationSetup: 'setup:admin',
  clients: 'client:read',
  client: 'client:read',
  enrollment: 'enrollment:read',
  service: 'service:read',
  programs: 'program:read',
  program: 'program:read',
  organizations: 'program:read',
  // Administration (issue 4)
  adminOrganizations: 'setup:admin',
  adminPrograms: 'setup:admin',
  informationReleases: 'setup:admin',
  releaseExceptions: 'setup:admin',
  capabilityCatalog: 'setup:admin',
  workgroups: 'userAdmin',
  users: 'userAdmin',
  user: 'userAdmin',
  auditEvents: 'auditReader',
  // Any READY session: every workgroup holds program:read, and §2.2 keeps it from sessions without a context.
  explainAccess: 'program:read',
  // Coordinated entry (issue 14, access model §9): HMIS Users read assessments but not the list.
  assessmentInstruments: 'assessment:read',
  priorityList: 'ce.event:read',
  priorityOrder: 'ce.event:read',
  // The receiving organization's users who enroll clients answer referrals.
  referralsToMe: 'enrollment:write',
  referralsFromMe: 'priorityList:manage',
  // Data stewardship (issue 16): the services check each record type's own capabilities.
  possibleDuplicates: 'client:read',
  duplicateCandidates: 'client:merge',
  duplicateQueue: 'client:merge',
  deletedRecords: 'client:read',
  accountRequests: 'userAdmin',
  // Reports (issue 15): the service also checks the capability of what is counted.
  clientCounts: 'report:run',
  enrollmentCounts: 'report:run',
  serviceCounts: 'report:run',
  dataQuality: 'report:run',
  // Housing and reservations (issue 13, access model §8)
  facilities: 'shelterDesk',
  bedBoard: 'shelterDesk',
  currentResidents: 'shelterDesk',
  reservations: 'shelterDesk',
};

export const MUTATION_RULES: Record<string, RootRule> = {
  login: 'public',
  logout: 'session',
  acceptEndUserAgreement: 'session',
  publishEndUserAgreement: 'setup:admin',
  saveWorkspace: 'setup:admin',
  saveMenuGroup: 'setup:admin',
  saveMenuOption: 'setup:admin',
  saveForm: 'setup:admin',
  orderNavigation: 'setup:admin',
  setWorkgroupNavigation: 'setup:admin',
  selectContext: 'agreed',
  createClient: 'client:write',
  updateClient: 'client:write',
  deleteClient: 'client:write',
  createEnrollment: 'enrollment:write',
  updateEnrollment: 'enrollment:write',
  exitEnrollment: 'enrollment:write',
  deleteEnrollment: 'enrollment:write',
  createService: 'service:write',
  createFacility: 'setup:admin',
  createBeds: 'setup:admin',
  setBedStatus: 'bed:checkin',
  checkIn: 'bed:checkin',
  checkOut: 'bed:checkin',
  moveStay: 'bed:checkin',
  recordBedNights: 'bed:checkin',
  createReservation: 'reservation:manage',
  cancelReservation: 'reservation:manage',
  checkInReservation: 'bed:checkin',
  deleteService: 'service:write',
  createCurrentLivingSituation: 'cls:write',
  createAssessment: 'ce.assessment:write',
  createCeEvent: 'ce.event:write',
  createHealthAndDv: 'health:write',
  setPriorityOrder: 'priorityList:manage',
  setPriorityStatus: 'priorityList:manage',
  createReferral: 'priorityList:manage',
  respondToReferral: 'enrollment:write',
  withdrawReferral: 'priorityList:manage',
  createIncomeBenefits: 'enrollment:write',
  updateIncomeBenefits: 'enrollment:write',
  deleteIncomeBenefits: 'enrollment:write',
  createDisabilities: 'health:write',
  updateDisabilities: 'health:write',
  deleteDisabilities: 'health:write',
  createEmploymentEducation: 'enrollment:write',
  updateEmploymentEducation: 'enrollment:write',
  deleteEmploymentEducation: 'enrollment:write',
  createYouthEducationStatus: 'enrollment:write',
  updateYouthEducationStatus: 'enrollment:write',
  deleteYouthEducationStatus: 'enrollment:write',
  // Administration and lifecycle (issue 4)
  changePassword: 'session',
  createOrganization: 'setup:admin',
  updateOrganization: 'setup:admin',
  setRestrictionOptions: 'setup:admin',
  createLocation: 'setup:admin',
  updateLocation: 'setup:admin',
  createProgram: 'setup:admin',
  updateProgram: 'setup:admin',
  createProjectCoc: 'setup:admin',
  updateProjectCoc: 'setup:admin',
  deleteProjectCoc: 'setup:admin',
  createFunder: 'setup:admin',
  updateFunder: 'setup:admin',
  deleteFunder: 'setup:admin',
  createInventory: 'setup:admin',
  updateInventory: 'setup:admin',
  deleteInventory: 'setup:admin',
  createAffiliation: 'setup:admin',
  updateAffiliation: 'setup:admin',
  deleteAffiliation: 'setup:admin',
  createHmisParticipation: 'setup:admin',
  updateHmisParticipation: 'setup:admin',
  deleteHmisParticipation: 'setup:admin',
  createCeParticipation: 'setup:admin',
  updateCeParticipation: 'setup:admin',
  deleteCeParticipation: 'setup:admin',
  createWorkgroup: 'setup:admin',
  updateWorkgroup: 'setup:admin',
  setWorkgroupCapabilities: 'setup:admin',
  createInformationRelease: 'setup:admin',
  updateInformationRelease: 'setup:admin',
  createReleaseException: 'setup:admin',
  updateReleaseException: 'setup:admin',
  setWorkgroupRequiredTrainings: 'users:manage',
  createUser: 'userAdmin',
  updateUser: 'userAdmin',
  setUserWorkgroups: 'userAdmin',
  assignUserToOrganization: 'userAdmin',
  removeUserFromOrganization: 'userAdmin',
  recordUserTraining: 'userAdmin',
  removeUserTraining: 'userAdmin',
  deactivateUser: 'userAdmin',
  reinstateUser: 'userAdmin',
  resetUserPassword: 'userAdmin',
  unlockUser: 'userAdmin',
  mergeClients: 'client:merge',
  unmergeClient: 'client:merge',
  restoreRecord: 'client:read',
  requestUserAccount: 'userAdmin',
  requestDeactivation: 'userAdmin',
  approveAccountRequest: 'users:manage',
  rejectAccountRequest: 'users:manage',
};

export type { Denied, FieldRule } from './record-types';

/**
 * Field rules by type and field ("Type.field"): those of the record-type registry
 * (record-types.ts). Every field listed must be nullable or have a non-null denied value.
 */
export const FIELD_RULES: Record<string, Record<string, FieldRule>> = RECORD_FIELD_RULES;

/** Fields of a type hidden from a caller holding `has` (for `access.hiddenFields`). */
export function hiddenFields(typeName: string, has: (c: Capability) => boolean): string[] {
  const rules = FIELD_RULES[typeName];
  if (!rules) return [];
  return Object.keys(rules).filter((field) => !has(rules[field].capability));
}
