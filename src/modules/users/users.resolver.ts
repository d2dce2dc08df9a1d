import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { Workgroup } from '../admin/workgroup.entity';
import { deactivateUser, reinstateUser, resetUserPassword, unlockUser } from './user-lifecycle.service';
import { recordUserTraining, removeUserTraining, setWorkgroupRequiredTrainings } from './trainings.service';
import { UserAccount, UserPasswordPayload } from './user-account.types';
import {
  CreateUserInput,
  OrgAssignmentInput,
  RequiredTrainingInput,
  TrainingInput,
  UpdateUserInput,
  UserFilter,
} from './users.inputs';
import {
  assignUserToOrganization,
  createUser,
  getUser,
  listUsers,
  removeUserFromOrganization,
  setUserWorkgroups,
  updateUser,
} from './users.service';

export const UserAccountConnection = ConnectionType(UserAccount, 'UserAccount', 'user account');

const USER_ID = { description: 'The user.' } as const;

/**
 * User administration: holders of users:manage manage every user; agency leads the users
 * assigned to their own organizations (see user-scope.ts).
 */
@Resolver()
export class UsersResolver {
  @Query(() => UserAccountConnection, {
    description:
      'Users you manage (all with users:manage; an agency lead: users all of whose organization assignments are to organizations they lead), by username.',
  })
  users(
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Conditions on the users.' })
    filter: UserFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return listUsers(ctx, filter, page);
  }

  @Query(() => UserAccount, { nullable: true, description: 'A user you manage, by id; null otherwise.' })
  user(@Arg('id', () => ID, USER_ID) id: string, @Ctx() ctx: RequestContext) {
    return getUser(ctx, id);
  }

  @Mutation(() => UserPasswordPayload, {
    description: 'Create a user with a temporary password that must be changed at first login.',
  })
  createUser(
    @Arg('input', { description: 'The account, its workgroups, assignments and trainings.' })
    input: CreateUserInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createUser(ctx, input);
  }

  @Mutation(() => UserAccount, {
    description: 'Change the display name or access role of a user (not above your own role).',
  })
  updateUser(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('input', { description: 'The changes.' }) input: UpdateUserInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateUser(ctx, userId, input);
  }

  @Mutation(() => UserAccount, {
    description:
      "Replace a user's workgroups. You cannot give a workgroup with capabilities you do not hold.",
  })
  setUserWorkgroups(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('workgroupIds', () => [ID], { description: 'All the workgroups the user should belong to.' })
    workgroupIds: string[],
    @Ctx() ctx: RequestContext,
  ) {
    return setUserWorkgroups(ctx, userId, workgroupIds);
  }

  @Mutation(() => UserAccount, {
    description:
      'Add or change the assignment of a user to an organization (an agency lead: their own organizations only).',
  })
  assignUserToOrganization(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('input', { description: 'The assignment.' }) input: OrgAssignmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return assignUserToOrganization(ctx, userId, input);
  }

  @Mutation(() => UserAccount, { description: 'Remove the assignment of a user to an organization.' })
  removeUserFromOrganization(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('organizationId', () => ID, { description: 'The organization.' }) organizationId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return removeUserFromOrganization(ctx, userId, organizationId);
  }

  @Mutation(() => UserAccount, {
    description: 'Record a completed training (a course recorded again gets the new date).',
  })
  recordUserTraining(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('input', { description: 'The training.' }) input: TrainingInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordUserTraining(ctx, userId, input);
  }

  @Mutation(() => UserAccount, { description: 'Remove a training recorded by mistake.' })
  removeUserTraining(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('course', { description: 'Course name.' }) course: string,
    @Ctx() ctx: RequestContext,
  ) {
    return removeUserTraining(ctx, userId, course);
  }

  @Mutation(() => Workgroup, {
    description:
      'Replace the trainings a workgroup requires of its members (needs users:manage: it affects every member).',
  })
  setWorkgroupRequiredTrainings(
    @Arg('workgroupId', () => ID, { description: 'The workgroup.' }) workgroupId: string,
    @Arg('trainings', () => [RequiredTrainingInput], {
      description: 'All the trainings the workgroup should require.',
    })
    trainings: RequiredTrainingInput[],
    @Ctx() ctx: RequestContext,
  ) {
    return setWorkgroupRequiredTrainings(ctx, workgroupId, trainings);
  }

  @Mutation(() => UserAccount, {
    description:
      'Deactivate a user: a reason is required, and every session of the user ends at once. Reversible with reinstateUser.',
  })
  deactivateUser(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('reason', { description: 'Why (kept with the account and in the audit log; max 500).' })
    reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deactivateUser(ctx, userId, reason);
  }

  @Mutation(() => UserAccount, {
    description: 'Make a DEACTIVATED or INACTIVE user ACTIVE again; the inactivity period restarts today.',
  })
  reinstateUser(@Arg('userId', () => ID, USER_ID) userId: string, @Ctx() ctx: RequestContext) {
    return reinstateUser(ctx, userId);
  }

  @Mutation(() => UserPasswordPayload, {
    description:
      "Give a user a new temporary password, to be changed at the next login; clears a lockout and ends the user's sessions.",
  })
  resetUserPassword(
    @Arg('userId', () => ID, USER_ID) userId: string,
    @Arg('temporaryPassword', () => String, {
      nullable: true,
      description:
        'The temporary password (password policy applies); left out, Waypoint generates one and returns it once.',
    })
    temporaryPassword: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return resetUserPassword(ctx, userId, temporaryPassword);
  }

  @Mutation(() => UserAccount, { description: 'End a lockout after failed logins before its time.' })
  unlockUser(@Arg('userId', () => ID, USER_ID) userId: string, @Ctx() ctx: RequestContext) {
    return unlockUser(ctx, userId);
  }
}
