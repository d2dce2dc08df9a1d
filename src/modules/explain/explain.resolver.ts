import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { explainAccess } from './explain.service';
import { AccessExplanation, ExplainActionInput, ExplainRecordType } from './explain.types';

@Resolver()
export class ExplainResolver {
  @Query(() => AccessExplanation, {
    description:
      'Why you may or may not see a record or take an action, in words a help desk can read to you. Give recordType and id (can you see it?), or one action. A record you cannot see gets the same answer as one that does not exist.',
  })
  explainAccess(
    @Arg('recordType', () => ExplainRecordType, {
      nullable: true,
      description: 'The kind of record (with id).',
    })
    recordType: ExplainRecordType | null,
    @Arg('id', () => ID, { nullable: true, description: 'The record (with recordType).' }) id: string | null,
    @Arg('action', () => ExplainActionInput, {
      nullable: true,
      description: 'An action instead of a record.',
    })
    action: ExplainActionInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AccessExplanation> {
    return explainAccess(ctx, recordType, id, action);
  }
}
