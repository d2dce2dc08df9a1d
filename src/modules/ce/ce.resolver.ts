import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { AssessmentInstrument } from './instrument.entity';
import { PriorityListStatus } from './priority-list.entity';
import {
  CreateReferralInput,
  PriorityListArgs,
  PriorityListConnection,
  PriorityListEntry,
  PriorityOrder,
  PriorityOrderInput,
  PriorityStatusChange,
  Referral,
  ReferralConnection,
  ReferralResponseInput,
} from './ce.types';
import {
  entryHistory,
  getPriorityOrder,
  priorityList,
  setPriorityOrder,
  setPriorityStatus,
} from './priority-list.service';
import { createReferral, listReferrals, respondToReferral, withdrawReferral } from './referral.service';

/** Thin resolvers of the Coordinated Entry and Priority List workspaces (access model §9). */
@Resolver(() => PriorityListEntry)
export class CoordinatedEntryResolver {
  @Query(() => [AssessmentInstrument], {
    description: 'Assessment instruments that new assessments may use, with their questions and scoring.',
  })
  assessmentInstruments(@Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(AssessmentInstrument).find({ where: { active: true }, order: { id: 'ASC' } });
  }

  @Query(() => PriorityListConnection, {
    description:
      "The coordinated entry priority list in the community's order: only entries whose client is visible to the active organization, numbered 1..n among them.",
  })
  priorityList(@Args() args: PriorityListArgs, @Ctx() ctx: RequestContext) {
    return priorityList(ctx, args);
  }

  @Query(() => PriorityOrder, { description: 'The order of the priority list.' })
  priorityOrder(@Ctx() ctx: RequestContext) {
    return getPriorityOrder(ctx.ds);
  }

  @Query(() => ReferralConnection, {
    description:
      'Referrals to programs of the active organization, newest first (for users who enroll clients).',
  })
  referralsToMe(@Args() args: PageArgs, @Ctx() ctx: RequestContext) {
    return listReferrals(ctx, 'to', args);
  }

  @Query(() => ReferralConnection, {
    description: 'Referrals the active organization made from the priority list, newest first.',
  })
  referralsFromMe(@Args() args: PageArgs, @Ctx() ctx: RequestContext) {
    return listReferrals(ctx, 'from', args);
  }

  @FieldResolver(() => [PriorityStatusChange], {
    description:
      'The history of status changes of this entry, oldest first, each with its reason and who made it.',
  })
  history(@Root() entry: PriorityListEntry, @Ctx() ctx: RequestContext) {
    return entryHistory(ctx, entry.id);
  }

  @Mutation(() => PriorityOrder, {
    description:
      'Set the order of the priority list (default: total score descending, then assessment date ascending).',
  })
  setPriorityOrder(
    @Arg('input', { description: 'The sort keys.' }) input: PriorityOrderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return setPriorityOrder(ctx, input.keys);
  }

  @Mutation(() => PriorityListEntry, {
    description: 'Change the status of a priority list entry, with a reason kept in its history.',
  })
  setPriorityStatus(
    @Arg('entryId', () => ID, { description: 'The entry.' }) entryId: string,
    @Arg('status', () => PriorityListStatus, { description: 'The new status.' }) status: PriorityListStatus,
    @Arg('reason', { description: 'Why (required, max 500).' }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return setPriorityStatus(ctx, entryId, status, reason);
  }

  @Mutation(() => Referral, {
    description:
      'Refer an ACTIVE client on the list to a program taking coordinated entry referrals; records the HUD 4.20 event and, with consent, releases the client to the receiving organization.',
  })
  createReferral(
    @Arg('input', { description: 'The referral.' }) input: CreateReferralInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createReferral(ctx, input);
  }

  @Mutation(() => Referral, {
    description:
      'Accept or reject a referral to a program of the active organization (HUD 4.20.D Referral Result).',
  })
  respondToReferral(
    @Arg('id', () => ID, { description: 'The referral.' }) id: string,
    @Arg('input', { description: 'The answer.' }) input: ReferralResponseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return respondToReferral(ctx, id, input);
  }

  @Mutation(() => Referral, { description: 'Withdraw a pending referral the active organization made.' })
  withdrawReferral(
    @Arg('id', () => ID, { description: 'The referral.' }) id: string,
    @Arg('reason', { description: 'Why (required, max 500).' }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return withdrawReferral(ctx, id, reason);
  }
}
