import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { ExplainRecordType } from '../explain/explain.types';
import { possibleDuplicates } from './duplicates.service';
import {
  duplicateCandidates,
  duplicateQueue,
  MAX_QUEUE_PAGE,
  queuePageSize,
} from './duplicate-queue.service';
import { mergeClients, unmergeClient } from './merge.service';
import { deletedRecords, restoreRecord } from './restore.service';
import type { ClientMerge } from './stewardship.entity';
import {
  ClientMergeResult,
  DeletedRecordConnection,
  DuplicateCheck,
  DuplicateCheckInput,
  DuplicatePair,
  DuplicatePairConnection,
  MergeClientsInput,
} from './stewardship.types';

function mergeResult(merge: ClientMerge): ClientMergeResult {
  const moved = Object.values(merge.before.moved).reduce(
    (sum, perClient) => sum + Object.values(perClient).reduce((s, ids) => s + ids.length, 0),
    0,
  );
  return {
    id: merge.id,
    survivorId: merge.survivorId,
    duplicateIds: merge.duplicateIds,
    movedRecords: moved,
    mergedAt: merge.mergedAt,
    unmergedAt: merge.unmergedAt,
  };
}

@Resolver()
export class StewardshipResolver {
  @Query(() => DuplicateCheck, {
    description:
      'Before creating a client: possible duplicates across the whole system. Ones you can see come back with a score; ones you cannot are only counted (never clients of a victim service provider). Audited and rate-limited.',
  })
  possibleDuplicates(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DuplicateCheckInput, { description: 'The identifying data to check.' })
    input: DuplicateCheckInput,
  ) {
    return possibleDuplicates(ctx, input);
  }

  @Query(() => DuplicatePairConnection, {
    description:
      'Administrators: the duplicate queue, a page at a time: likely duplicate pairs among the clients visible to the active organization, in client order.',
  })
  duplicateQueue(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many pairs at most, 1 to ${MAX_QUEUE_PAGE} (default 50).`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' })
    after?: string | null,
  ) {
    return duplicateQueue(ctx, queuePageSize(first), after);
  }

  @Query(() => [DuplicatePair], {
    description: 'Administrators: the first page of the duplicate queue (duplicateQueue), most alike first.',
    deprecationReason: 'Use duplicateQueue, which pages through the whole queue.',
  })
  duplicateCandidates(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many pairs, 1 to 200 (default 50).' })
    first?: number | null,
  ) {
    return duplicateCandidates(ctx, first ?? 50);
  }

  @Query(() => DeletedRecordConnection, {
    description: "The active organization's deleted records of one type (the recycle bin), oldest id first.",
  })
  deletedRecords(
    @Ctx() ctx: RequestContext,
    @Arg('recordType', () => ExplainRecordType, { description: 'The kind of record.' }) recordType: string,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    return deletedRecords(ctx, recordType, page);
  }

  @Mutation(() => ClientMergeResult, {
    description:
      'Merge duplicates into a surviving client (client:merge): their records move to it in one transaction; undo with unmergeClient.',
  })
  async mergeClients(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MergeClientsInput, { description: 'Survivor, duplicates and fields to keep.' })
    input: MergeClientsInput,
  ) {
    return mergeResult(await mergeClients(ctx, input));
  }

  @Mutation(() => ClientMergeResult, {
    description: 'Undo a merge: the duplicates and their records come back exactly as they were.',
  })
  async unmergeClient(
    @Ctx() ctx: RequestContext,
    @Arg('mergeId', () => ID, { description: 'The merge to undo.' }) mergeId: string,
  ) {
    return mergeResult(await unmergeClient(ctx, mergeId));
  }

  @Mutation(() => Boolean, {
    description:
      'Restore a deleted record of the active organization (whoever may delete it may restore it); an enrollment comes back with the records deleted with it.',
  })
  restoreRecord(
    @Ctx() ctx: RequestContext,
    @Arg('recordType', () => ExplainRecordType, { description: 'The kind of record.' }) recordType: string,
    @Arg('id', () => ID, { description: 'The deleted record.' }) id: string,
  ) {
    return restoreRecord(ctx, recordType, id);
  }
}
