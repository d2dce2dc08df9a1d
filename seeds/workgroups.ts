/**
 * The six standard workgroups and their capabilities: the matrix the demo and synthetic seeds
 * store as rows of `workgroup_capability` (data, editable by administrators afterwards).
 * Docs and tests print it with {@link capabilityMatrixTable}.
 */
import type { EntityManager } from 'typeorm';
import { ALL_CAPABILITIES, type Capability } from '../src/access/capabilities';
import {
  TrainingKind,
  Workgroup,
  WorkgroupCapability,
  WorkgroupRequiredTraining,
} from '../src/modules/admin/workgroup.entity';

/** The core every standard workgroup starts from. */
const HMIS_USERS: readonly Capability[] = [
  'client:read',
  'client:write',
  'client.name:read',
  'client.ssn:read',
  'client.dob:read',
  'client.demographics:read',
  'enrollment:read',
  'enrollment:write',
  'service:read',
  'service:write',
  'cls:read',
  'cls:write',
  'assessment:read',
  'health:read',
  'health:write',
  'program:read',
  // Every workgroup built on HMIS Users holds it; the access-role ceiling lets it through only
  // for data analysts, managers and administrators (spec §1).
  'report:run',
];

/** `base` plus `added`, minus `removed`. */
function plus(
  base: readonly Capability[],
  added: readonly Capability[],
  removed: readonly Capability[] = [],
): readonly Capability[] {
  return [...base.filter((c) => !removed.includes(c)), ...added];
}

/**
 * Workgroup name -> capabilities. Shelter Reservation Team reads names, age and ssnLast4 but
 * not the full SSN, the date of birth or health & DV answers; assessment scores are read only
 * by CE Assessors, Priority List Managers and System Administrators.
 */
// prettier-ignore
export const WORKGROUP_CAPABILITIES = {
  'HMIS Users':                  HMIS_USERS,
  'Emergency Shelter Staff':     plus(HMIS_USERS, ['bed:checkin']),
  'Shelter Reservation Team':    plus(HMIS_USERS, ['reservation:manage'], ['client.ssn:read', 'client.dob:read', 'health:read', 'health:write']),
  'Coordinated Entry Assessors': plus(HMIS_USERS, ['ce.assessment:write', 'ce.event:read', 'ce.event:write', 'assessment.score:read']),
  'Priority List Managers':      plus(HMIS_USERS, ['ce.event:read', 'assessment.score:read', 'priorityList:manage']),
  // Administrators assign every standard workgroup, and nobody can grant a capability they do not
  // hold (access model §4), so their workgroup holds all of them.
  'System Administrators': ALL_CAPABILITIES,
} as const satisfies Record<string, readonly Capability[]>;

export type WorkgroupName = keyof typeof WORKGROUP_CAPABILITIES;

export const WORKGROUP_NAMES = Object.keys(WORKGROUP_CAPABILITIES) as WorkgroupName[];

export const WORKGROUP_DESCRIPTIONS: Record<WorkgroupName, string> = {
  'HMIS Users':
    'The core: clients, enrollments, exits, services, current living situation, assessments (read), programs, and reports (for data analysts, managers and administrators).',
  'Emergency Shelter Staff':
    'HMIS Users plus the Housing workspace: facilities, beds, bed check-in and check-out.',
  'Shelter Reservation Team':
    'HMIS Users plus shelter reservations; no full SSN, date of birth or health & DV answers.',
  'Coordinated Entry Assessors':
    'HMIS Users plus coordinated entry assessments and events (write) and assessment scores.',
  'Priority List Managers':
    'HMIS Users plus coordinated entry events and scores (read) and priority list management.',
  'System Administrators':
    'Setup data, workgroups, information releases, users, audit log and reports; holds every capability so it can assign every workgroup.',
};

/** Trainings a workgroup requires of its members. */
export const WORKGROUP_REQUIRED_TRAININGS: Partial<
  Record<WorkgroupName, ReadonlyArray<{ course: string; kind: TrainingKind }>>
> = {
  'Coordinated Entry Assessors': [{ course: 'VI-SPDAT', kind: TrainingKind.ASSESSMENT }],
};

/** The matrix as a fixed-width text table: one row per capability, one column per workgroup. */
export function capabilityMatrixTable(): string {
  const caps = [...new Set(WORKGROUP_NAMES.flatMap((w) => WORKGROUP_CAPABILITIES[w]))];
  const width = Math.max(...caps.map((c) => c.length));
  const header = ['capability'.padEnd(width), ...WORKGROUP_NAMES].join(' | ');
  const rows = caps.map((cap) =>
    [
      cap.padEnd(width),
      ...WORKGROUP_NAMES.map((w) =>
        ((WORKGROUP_CAPABILITIES[w] as readonly string[]).includes(cap) ? 'x' : '').padEnd(w.length),
      ),
    ].join(' | '),
  );
  return [header, header.replace(/[^|]/g, '-'), ...rows].map((line) => line.trimEnd()).join('\n');
}

/**
 * Creates the standard workgroups that do not exist yet (matched by name), with their
 * capabilities and required trainings, and returns every standard workgroup's id.
 */
export async function ensureStandardWorkgroups(m: EntityManager): Promise<Record<WorkgroupName, number>> {
  const ids = {} as Record<WorkgroupName, number>;
  const existing = await m.find(Workgroup);
  for (const name of WORKGROUP_NAMES) {
    const found = existing.find((w) => w.name === name);
    if (found) {
      ids[name] = found.id;
      continue;
    }
    const { identifiers } = await m.insert(Workgroup, { name, description: WORKGROUP_DESCRIPTIONS[name] });
    const id = identifiers[0].id as number;
    ids[name] = id;
    await m.insert(
      WorkgroupCapability,
      WORKGROUP_CAPABILITIES[name].map((capability) => ({ workgroupId: id, capability })),
    );
    const trainings = WORKGROUP_REQUIRED_TRAININGS[name] ?? [];
    if (trainings.length)
      await m.insert(
        WorkgroupRequiredTraining,
        trainings.map((t) => ({ workgroupId: id, ...t })),
      );
  }
  return ids;
}
