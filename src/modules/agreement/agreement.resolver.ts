import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { reloadMe } from '../auth/auth.service';
import { Me } from '../auth/me.types';
import { acceptEndUserAgreement, endUserAgreement, publishEndUserAgreement } from './agreement.service';
import { EndUserAgreement } from './agreement.types';

@Resolver()
export class AgreementResolver {
  @Query(() => EndUserAgreement, {
    description:
      'The current End User Agreement and whether you accepted it. Answers with any session, before acceptance and before selectContext.',
  })
  endUserAgreement(@Ctx() ctx: RequestContext): Promise<EndUserAgreement> {
    return endUserAgreement(ctx);
  }

  @Mutation(() => Me, {
    description:
      'Accept the End User Agreement you read. Required before any other work, and again after each new version. The acceptance (user, version, time) is in the audit log.',
  })
  async acceptEndUserAgreement(
    @Arg('version', () => Int, {
      nullable: true,
      description:
        'The version you read (endUserAgreement.version); left out: the current one. An older version is refused.',
    })
    version: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Me> {
    await acceptEndUserAgreement(ctx, version ?? null);
    return reloadMe(ctx);
  }

  @Mutation(() => EndUserAgreement, {
    description:
      'Publish a new version of the End User Agreement (Markdown). Every user must accept it again at their next request.',
  })
  publishEndUserAgreement(
    @Arg('text', { description: 'The full agreement text, in Markdown.' }) text: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EndUserAgreement> {
    return publishEndUserAgreement(ctx, text);
  }
}
