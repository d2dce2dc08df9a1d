import { registerEnumType } from 'type-graphql';
import { ADMIN_CAPABILITIES, ASSESSMENT_WRITE_CAPABILITIES, type Capability } from './capabilities';

/** A per-user ceiling on what the user's workgroup capabilities allow. */
export enum AccessRole {
  AGENCY_STAFF = 'AGENCY_STAFF',
  AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING = 'AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING',
  AGENCY_STAFF_DATA_ANALYSIS = 'AGENCY_STAFF_DATA_ANALYSIS',
  AGENCY_MANAGER = 'AGENCY_MANAGER',
  SYSTEM_ADMINISTRATOR = 'SYSTEM_ADMINISTRATOR',
}

registerEnumType(AccessRole, {
  name: 'AccessRole',
  description: 'Access role: a ceiling on what the workgroups of a user allow (Clarity "access role").',
  valuesConfig: {
    AGENCY_STAFF: {
      description: 'Everyday work with client records; no reports, no deletes, no administration.',
    },
    AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING: {
      description:
        'As AGENCY_STAFF, but assessments are read-only until the required assessment training is recorded.',
    },
    AGENCY_STAFF_DATA_ANALYSIS: { description: 'As AGENCY_STAFF, plus reports and aggregate queries.' },
    AGENCY_MANAGER: {
      description:
        'As AGENCY_STAFF, plus reports and aggregate queries and (soft) deletes of records the user may edit.',
    },
    SYSTEM_ADMINISTRATOR: {
      description: 'No ceiling: everything the workgroups grant, including administration.',
    },
  },
});

/** Whether the ceiling of `role` lets a workgroup capability through. */
export function roleAllows(role: AccessRole, capability: Capability): boolean {
  if (role === AccessRole.SYSTEM_ADMINISTRATOR) return true;
  if (ADMIN_CAPABILITIES.includes(capability)) return false;
  // Spec §1: the data analysis and manager ceilings let reports through; plain and
  // training-pending staff are stopped even where their workgroup grants report:run.
  if (capability === 'report:run')
    return role === AccessRole.AGENCY_STAFF_DATA_ANALYSIS || role === AccessRole.AGENCY_MANAGER;
  if (role === AccessRole.AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING)
    return !ASSESSMENT_WRITE_CAPABILITIES.includes(capability);
  return true;
}

/** Soft deletes need the manager or administrator ceiling on top of the right to edit. */
export function roleAllowsDelete(role: AccessRole): boolean {
  return role === AccessRole.AGENCY_MANAGER || role === AccessRole.SYSTEM_ADMINISTRATOR;
}
