import { In, type EntityManager } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { OrgAssignment, User, UserTraining } from './user.entity';
import { Workgroup, WorkgroupMembership, WorkgroupRequiredTraining } from '../admin/workgroup.entity';
import type { UserAccount } from './user-account.types';

/** Builds the administrators' view of users: four queries for a whole page, whatever its size. */
export async function toAccounts(m: EntityManager, users: User[]): Promise<UserAccount[]> {
  if (users.length === 0) return [];
  const userIds = users.map((u) => u.id);
  const [memberships, assignments, trainings] = await Promise.all([
    m.getRepository(WorkgroupMembership).findBy({ userId: In(userIds) }),
    m.getRepository(OrgAssignment).findBy({ userId: In(userIds) }),
    m.getRepository(UserTraining).findBy({ userId: In(userIds) }),
  ]);
  const workgroupIds = [...new Set(memberships.map((w) => w.workgroupId))];
  const orgIds = [...new Set(assignments.map((a) => a.organizationId))];
  const [workgroups, required, orgs] = await Promise.all([
    workgroupIds.length ? m.getRepository(Workgroup).findBy({ id: In(workgroupIds) }) : [],
    workgroupIds.length
      ? m.getRepository(WorkgroupRequiredTraining).findBy({ workgroupId: In(workgroupIds) })
      : [],
    orgIds.length ? m.getRepository(Organization).findBy({ id: In(orgIds) }) : [],
  ]);
  const wgById = new Map(workgroups.map((w) => [w.id, w]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return users.map((u) => {
    const mine = memberships.filter((w) => w.userId === u.id).map((w) => w.workgroupId);
    const done = trainings.filter((t) => t.userId === u.id);
    const courses = new Set(done.map((t) => t.course));
    const requiredCourses = new Set(
      required.filter((r) => mine.includes(r.workgroupId)).map((r) => r.course),
    );
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      status: u.status,
      accessRole: u.accessRole,
      mustChangePassword: u.mustChangePassword,
      agreementAcceptedAt: u.euaAcceptedAt,
      lastLoginAt: u.lastLoginAt,
      lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil : null,
      failedLoginCount: u.failedLoginCount,
      deactivationReason: u.deactivationReason,
      createdAt: u.createdAt,
      workgroups: mine
        .map((id) => wgById.get(id))
        .filter((w): w is Workgroup => !!w)
        .sort((a, b) => a.name.localeCompare(b.name)),
      assignments: assignments
        .filter((a) => a.userId === u.id && orgById.has(a.organizationId))
        .map((a) => ({
          organization: orgById.get(a.organizationId) as Organization,
          canLogin: a.canLogin,
          canEdit: a.canEdit,
          agencyLead: a.agencyLead,
        }))
        .sort((a, b) => a.organization.code.localeCompare(b.organization.code)),
      trainings: done
        .map((t) => ({ course: t.course, completedOn: t.completedOn }))
        .sort((a, b) => a.course.localeCompare(b.course)),
      missingTrainings: [...requiredCourses].filter((c) => !courses.has(c)).sort(),
    };
  });
}

export async function toAccount(m: EntityManager, userId: number): Promise<UserAccount> {
  const [account] = await toAccounts(m, [await m.getRepository(User).findOneByOrFail({ id: userId })]);
  return account;
}

/** What the audit log keeps of a user account: the row (without secrets) and its grants. */
export async function userAuditView(m: EntityManager, userId: number): Promise<object> {
  const account = await toAccount(m, userId);
  return {
    ...account,
    workgroups: account.workgroups.map((w) => ({ id: w.id, name: w.name })),
    assignments: account.assignments.map((a) => ({
      organizationId: a.organization.id,
      code: a.organization.code,
      canLogin: a.canLogin,
      canEdit: a.canEdit,
      agencyLead: a.agencyLead,
    })),
  };
}
