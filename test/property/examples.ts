/**
 * Hand-made worlds run before the random ones, so every CI run checks each alternative of §3 at
 * least once whatever the seed (a random world rarely has, say, a client visible only through
 * another organization's shared transaction: about 1 world in 30).
 */
import type { World } from './world';
import { makeWorld, type RawWorld } from './world-arbitrary';

const all = { missing: [] as string[], assessmentTraining: false };
const open = {
  vsp: false,
  defaultRestriction: 'UNRESTRICTED' as const,
  displayRestrictionField: false,
  options: [],
};

/**
 * Seen from O2 (U0): C0 through O1's shared enrollment T0 (rule 5); C1 not, although T1 is
 * shared, because it restricts intake; C2, a VSP client, through a release exception valid
 * through today (rule 3), while O1's exception ended yesterday; C3 through its owner's share
 * (rule 4); C4 because O2 owns an enrollment of it (rule 2). O0 -> O2 releases: one ended
 * yesterday, one starts tomorrow. T4, a RESTRICTED service in a shared enrollment, stays with O1.
 */
const everyRule: RawWorld = {
  loadViaApi: true,
  orgs: [
    open,
    open,
    { ...open, displayRestrictionField: true, options: ['RESTRICTED'] },
    { ...open, vsp: true },
  ],
  extraPrograms: [],
  mous: [
    { start: -30, end: null, shares: [[1, 2]] },
    { start: -400, end: -1, shares: [[0, 2]] },
    { start: 1, end: null, shares: [[0, 2]] },
  ],
  clients: [
    { owner: 0, restrictIntake: false },
    { owner: 0, restrictIntake: true },
    { owner: 3, restrictIntake: true },
    { owner: 1, restrictIntake: false },
    { owner: 0, restrictIntake: false },
  ],
  enrollments: [
    { client: 0, program: 1, restriction: 'UNRESTRICTED' },
    { client: 1, program: 1, restriction: 'UNRESTRICTED' },
    { client: 4, program: 2, restriction: 'RESTRICTED' },
  ],
  children: [
    { kind: 'service', parent: 2, restriction: 'UNRESTRICTED' },
    { kind: 'service', parent: 0, restriction: 'RESTRICTED' },
  ],
  exceptions: [
    { client: 2, org: 2, validThrough: 0 },
    { client: 2, org: 1, validThrough: -1 },
  ],
  workgroups: [
    all,
    {
      missing: ['client.ssn:read', 'client.dob:read', 'service:read', 'enrollment:write'],
      assessmentTraining: true,
    },
  ],
  users: [
    // O2, may edit O0's records without logging in there; C0 into P2, assessment in T2.
    {
      role: 'AGENCY_MANAGER',
      workgroups: [0],
      activeWorkgroup: 0,
      assignments: [
        { org: 2, canLogin: true, canEdit: true },
        { org: 0, canLogin: false, canEdit: true },
      ],
      activeOrg: 0,
      trained: false,
      enroll: [0, 0, 0, 0],
      assess: 0,
      // Agency lead of both its organizations: manages itself only (the others work elsewhere).
      lead: 5,
    },
    // O1 without canEdit, a workgroup without SSN, DOB and services, its training missing.
    {
      role: 'AGENCY_STAFF',
      workgroups: [1, 0],
      activeWorkgroup: 0,
      assignments: [{ org: 1, canLogin: true, canEdit: false }],
      activeOrg: 0,
      trained: false,
      enroll: [3],
      assess: 0,
      lead: 0,
    },
    // The VSP itself.
    {
      role: 'SYSTEM_ADMINISTRATOR',
      workgroups: [0],
      activeWorkgroup: 0,
      assignments: [{ org: 3, canLogin: true, canEdit: true }],
      activeOrg: 0,
      trained: true,
      enroll: [2],
      assess: 0,
      lead: 0,
    },
  ],
  // O2 becomes a VSP (O0 and O1 are sources of shares: refused); C3 restricts intake; T0 is restricted.
  later: [
    { kind: 'vsp', org: 2 },
    { kind: 'vsp', org: 1 },
    { kind: 'restrictIntake', client: 3, value: true },
    { kind: 'restriction', tx: 0, value: 'RESTRICTED' },
  ],
};

export function exampleWorlds(): World[] {
  return [makeWorld(everyRule)];
}
