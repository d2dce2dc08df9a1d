/**
 * Demo scenario users: workgroups, organization assignments, access roles, trainings and the
 * lifecycle states the table asks for (EUA pending, idle, deactivated).
 */
import type { EntityManager } from 'typeorm';
import { AccessRole } from '../src/access/access-role';
import { addDays } from '../src/database/sql-time';
import { OrgAssignment, User, UserStatus, UserTraining } from '../src/modules/users/user.entity';
import { WorkgroupMembership } from '../src/modules/admin/workgroup.entity';
import { AccountRequest } from '../src/modules/stewardship/stewardship.entity';
import { insertId, type SeedClock } from './demo-common';
import type { OrgCode } from './demo-setup';
import type { WorkgroupName } from './workgroups';

type Assignment = { canLogin: boolean; canEdit: boolean; agencyLead?: boolean };
const LOGIN_EDIT: Assignment = { canLogin: true, canEdit: true };

interface UserSeed {
  displayName: string;
  workgroups: WorkgroupName[];
  orgs: Partial<Record<OrgCode, Assignment>>;
  accessRole?: AccessRole;
  trainings?: string[];
  euaAccepted?: false;
  lastLoginDaysAgo?: number;
  deactivationReason?: string;
}

/** morgan.multi: log in and edit at HSS, log in only at NSO, edit only at CCE. */
const HSS_NSO_CCE = {
  HSS: LOGIN_EDIT,
  NSO: { canLogin: true, canEdit: false },
  CCE: { canLogin: false, canEdit: true },
};

// prettier-ignore
const USERS = {
  'admin':          { displayName: 'Adele Montoya',  workgroups: ['System Administrators'], orgs: { ADM: LOGIN_EDIT }, accessRole: AccessRole.SYSTEM_ADMINISTRATOR },
  'sam.shelter':    { displayName: 'Sam Whitaker',   workgroups: ['Emergency Shelter Staff'], orgs: { HSS: LOGIN_EDIT } },
  'olga.outreach':  { displayName: 'Olga Petrova',   workgroups: ['HMIS Users'], orgs: { NSO: LOGIN_EDIT } },
  'morgan.multi':   { displayName: 'Morgan Ellis',   workgroups: ['HMIS Users', 'Coordinated Entry Assessors'], orgs: HSS_NSO_CCE, trainings: ['VI-SPDAT'] },
  'casey.assessor': { displayName: 'Casey Nguyen',   workgroups: ['Coordinated Entry Assessors'], orgs: { CCE: LOGIN_EDIT }, trainings: ['VI-SPDAT'] },
  'tara.trainee':   { displayName: 'Tara Singh',     workgroups: ['Coordinated Entry Assessors'], orgs: { CCE: LOGIN_EDIT } },
  'pat.priority':   { displayName: 'Pat Okafor',     workgroups: ['Priority List Managers'], orgs: { CCE: LOGIN_EDIT } },
  'riley.reserve':  { displayName: 'Riley Chen',     workgroups: ['Shelter Reservation Team'], orgs: { HSS: LOGIN_EDIT } },
  'mina.manager':   { displayName: 'Mina Haddad',    workgroups: ['HMIS Users'], orgs: { HSS: { ...LOGIN_EDIT, agencyLead: true } }, accessRole: AccessRole.AGENCY_MANAGER },
  'dana.dv':        { displayName: 'Dana Kowalski',  workgroups: ['HMIS Users'], orgs: { SHD: LOGIN_EDIT } },
  'nora.new':       { displayName: 'Nora Lindqvist', workgroups: ['HMIS Users'], orgs: { NSO: LOGIN_EDIT }, euaAccepted: false },
  'ivan.idle':      { displayName: 'Ivan Petrov',    workgroups: ['HMIS Users'], orgs: { HSS: LOGIN_EDIT }, lastLoginDaysAgo: 61 },
  'dara.data':      { displayName: 'Dara Quinn',     workgroups: ['HMIS Users'], orgs: { NSO: LOGIN_EDIT }, accessRole: AccessRole.AGENCY_STAFF_DATA_ANALYSIS },
  'devon.departed': { displayName: 'Devon Marsh',    workgroups: ['HMIS Users'], orgs: { NSO: LOGIN_EDIT }, deactivationReason: 'left the agency' },
  // Duplicates and requests: mina.manager asked for lee.leaving's deactivation; dara.data runs reports.
  'lee.leaving':    { displayName: 'Lee Archer',     workgroups: ['HMIS Users'], orgs: { HSS: LOGIN_EDIT } },
} satisfies Record<string, UserSeed>;

export type DemoUsername = keyof typeof USERS;
export const DEMO_USERNAMES = Object.keys(USERS) as DemoUsername[];

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedDemoUsers(
  m: EntityManager,
  ctx: {
    orgs: Record<OrgCode, number>;
    workgroups: Record<WorkgroupName, number>;
    clock: SeedClock;
    passwordHash: string;
  },
): Promise<Record<DemoUsername, number>> {
  const { orgs, workgroups, passwordHash } = ctx;
  const { today, now } = ctx.clock;
  const users = {} as Record<DemoUsername, number>;
  for (const username of DEMO_USERNAMES) {
    const u: UserSeed = USERS[username];
    const id = await insertId(m, User, {
      username,
      passwordHash,
      displayName: u.displayName,
      status: u.deactivationReason ? UserStatus.DEACTIVATED : UserStatus.ACTIVE,
      accessRole: u.accessRole ?? AccessRole.AGENCY_STAFF,
      lastLoginAt: new Date(now.getTime() - (u.lastLoginDaysAgo ?? 1) * DAY_MS),
      euaAcceptedAt: u.euaAccepted === false ? null : now,
      euaAcceptedVersion: u.euaAccepted === false ? null : 1,
      deactivationReason: u.deactivationReason ?? null,
    });
    users[username] = id;
    await m.insert(
      WorkgroupMembership,
      u.workgroups.map((w) => ({ userId: id, workgroupId: workgroups[w] })),
    );
    await m.insert(
      OrgAssignment,
      (Object.entries(u.orgs) as Array<[OrgCode, Assignment]>).map(([code, a]) => ({
        userId: id,
        organizationId: orgs[code],
        agencyLead: false,
        ...a,
      })),
    );
    for (const course of u.trainings ?? [])
      await m.insert(UserTraining, { userId: id, course, completedOn: addDays(today, -90) });
  }

  await seedAccountRequests(m, { orgs, workgroups, users, today, now });
  return users;
}

/** The account to request for Hope Street (pending): demo scenario, "Duplicates and requests". */
export const REQUESTED_ACCOUNT = {
  username: 'jules.new',
  displayName: 'Jules Moreau',
  workgroup: 'Emergency Shelter Staff' as WorkgroupName,
};

/** mina.manager's pending requests: a new Hope Street account, and lee.leaving's deactivation in six days. */
async function seedAccountRequests(
  m: EntityManager,
  ctx: {
    orgs: Record<OrgCode, number>;
    workgroups: Record<WorkgroupName, number>;
    users: Record<DemoUsername, number>;
    today: string;
    now: Date;
  },
): Promise<void> {
  const { orgs, workgroups, users, today, now } = ctx;
  const common = {
    status: 'PENDING' as const,
    organizationId: orgs.HSS,
    requestedById: users['mina.manager'],
    decidedById: null,
    decidedAt: null,
    decisionReason: null,
    createdAt: now,
  };
  await m.insert(AccountRequest, [
    {
      ...common,
      kind: 'ACCOUNT',
      account: {
        username: REQUESTED_ACCOUNT.username,
        displayName: REQUESTED_ACCOUNT.displayName,
        workgroupIds: [workgroups[REQUESTED_ACCOUNT.workgroup]],
        accessRole: AccessRole.AGENCY_STAFF,
        canEdit: true,
      },
      userId: null,
      lastDay: null,
      reason: null,
    },
    {
      ...common,
      kind: 'DEACTIVATION',
      account: null,
      userId: users['lee.leaving'],
      lastDay: addDays(today, 6),
      reason: 'Leaving Hope Street Shelter',
    },
  ]);
}
