import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../graphql/scalars';

@ObjectType({
  description:
    'The End User Agreement every user accepts before working with client data (see "Sessions and context" in docs/access-model.md). Readable before acceptance.',
})
export class EndUserAgreement {
  @Field(() => Int, {
    description: 'Version of the current agreement (0 while no agreement has been published).',
  })
  version: number;

  @Field({ description: 'The agreement text, in Markdown.' })
  text: string;

  @Field(() => DateTime, { nullable: true, description: 'When this version was published.' })
  publishedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you last accepted (null: never accepted).',
  })
  acceptedVersion: number | null;

  @Field(() => DateTime, { nullable: true, description: 'When you last accepted an End User Agreement.' })
  acceptedAt: Date | null;

  @Field({ description: 'True when you have accepted the current version.' })
  accepted: boolean;
}
