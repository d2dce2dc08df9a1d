import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { LocalDate } from '../../graphql/scalars';
import { TrainingInput } from '../users/users.inputs';
import {
  accountRequests,
  approveAccountRequest,
  rejectAccountRequest,
  requestDeactivation,
  requestUserAccount,
} from './account-requests.service';
import {
  AccountRequestApproval,
  AccountRequestInput,
  AccountRequestStatus,
  AccountRequestView,
} from './account-requests.types';

@Resolver()
export class AccountRequestResolver {
  @Query(() => [AccountRequestView], {
    description:
      "Account and deactivation requests: every one with users:manage, an agency lead's own organizations' otherwise.",
  })
  accountRequests(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => AccountRequestStatus, {
      nullable: true,
      description: 'Only requests in this state.',
    })
    status?: AccountRequestStatus | null,
  ) {
    return accountRequests(ctx, status);
  }

  @Mutation(() => AccountRequestView, {
    description: 'An agency lead asks the HMIS team for a new account at the lead’s organization.',
  })
  requestUserAccount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AccountRequestInput, { description: 'The account asked for.' })
    input: AccountRequestInput,
  ) {
    return requestUserAccount(ctx, input);
  }

  @Mutation(() => AccountRequestView, {
    description:
      'An agency lead asks for an account to be deactivated on the last working day; the sweep does it on that day even if nobody acts.',
  })
  requestDeactivation(
    @Ctx() ctx: RequestContext,
    @Arg('userId', () => ID, { description: 'The account (of an organization you lead).' }) userId: string,
    @Arg('lastDay', () => LocalDate, { description: 'The last working day (today or later).' })
    lastDay: string,
    @Arg('reason', { description: 'Why (max 500).' }) reason: string,
  ) {
    return requestDeactivation(ctx, userId, lastDay, reason);
  }

  @Mutation(() => AccountRequestApproval, {
    description:
      'Approve a request (users:manage): an account is created with a temporary password and the trainings you verified; a deactivation is confirmed.',
  })
  approveAccountRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Arg('trainings', () => [TrainingInput], {
      nullable: true,
      description: 'Trainings you verified (course and date completed).',
    })
    trainings?: TrainingInput[] | null,
  ) {
    return approveAccountRequest(ctx, id, trainings ?? []);
  }

  @Mutation(() => AccountRequestView, { description: 'Reject a request (users:manage), with a reason.' })
  rejectAccountRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Arg('reason', { description: 'Why (max 500).' }) reason: string,
  ) {
    return rejectAccountRequest(ctx, id, reason);
  }
}
