/**
 * The capability list Waypoint owns. Workgroups hold capabilities as data (rows in
 * `workgroup_capability`); the code only names them. Every non-public schema coordinate is
 * guarded by one of these (see `permissions.ts`).
 */
export const CAPABILITIES = {
  'client:read': 'Find and open client records (demographics other than the guarded fields below).',
  'client:write': 'Create and edit client records.',
  'client.name:read': 'Read client names (HUD 3.01).',
  'client.ssn:read': 'Read the full Social Security Number (HUD 3.02); without it only the last four digits.',
  'client.dob:read': 'Read the date of birth (HUD 3.03); without it only the age.',
  'client.demographics:read':
    "Read sex, race and ethnicity, veteran status and veteran's information (HUD 3.04, 3.06, 3.07, V1).",
  'enrollment:read': 'Read enrollments and exits (HUD 3.10-3.20).',
  'enrollment:write': 'Create, edit and exit enrollments.',
  'service:read': 'Read services provided (HUD 4.14 and program-specific services).',
  'service:write': 'Record services, including bed nights.',
  'cls:read': 'Read current living situation contacts (HUD 4.12).',
  'cls:write': 'Record current living situation contacts.',
  'assessment:read':
    'See that a coordinated entry assessment exists, with its date, type and level (HUD 4.19).',
  'assessment.score:read': 'Read assessment scores and prioritization status.',
  'ce.assessment:write': 'Record coordinated entry assessments.',
  'ce.event:read': 'Read coordinated entry events, such as referrals (HUD 4.20).',
  'ce.event:write': 'Record coordinated entry events.',
  'health:read': 'Read health and domestic violence answers (HUD 4.11, R7).',
  'health:write': 'Record health and domestic violence answers.',
  'program:read': 'Read programs and setup data visible to the active organization.',
  'bed:checkin': 'Housing workspace: facilities, beds, bed check-in and check-out.',
  'reservation:manage': 'Manage shelter reservations.',
  'priorityList:manage': 'Manage the coordinated entry priority list.',
  'report:run': 'Run reports and aggregate queries.',
  'setup:admin':
    'Administer setup data: organizations, programs, locations, workgroups, information releases, restriction options.',
  'users:manage': 'Manage users, their workgroups, organization assignments and trainings.',
  'audit:read': 'Read the audit log.',
  'client:merge':
    'Merge duplicate clients visible to the active organization, undo a merge, and see the duplicate queue.',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export const ALL_CAPABILITIES = Object.keys(CAPABILITIES) as Capability[];

export function isCapability(value: string): value is Capability {
  return Object.prototype.hasOwnProperty.call(CAPABILITIES, value);
}

/** Capabilities that write assessments: read-only while assessment training is pending. */
export const ASSESSMENT_WRITE_CAPABILITIES: readonly Capability[] = ['ce.assessment:write'];

/** Capabilities only a SYSTEM_ADMINISTRATOR access role can exercise. */
export const ADMIN_CAPABILITIES: readonly Capability[] = [
  'setup:admin',
  'users:manage',
  'audit:read',
  'client:merge',
];
