import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../graphql/scalars';

@InputType({
  description: 'A share of an information release: records of one organization become visible to another.',
})
export class ReleaseShareInput {
  @Field(() => ID, {
    description: 'The organization whose UNRESTRICTED records are shared (never a victim service provider).',
  })
  fromOrganizationId: string;

  @Field(() => ID, { description: 'The organization that may see them.' })
  toOrganizationId: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Also share the other way (two directed shares). Default false.',
  })
  bidirectional?: boolean | null;
}

@InputType({ description: 'A new Information Release (data-sharing MOU).' })
export class CreateInformationReleaseInput {
  @Field(() => Int, { description: 'Unique release number, e.g. 1004.' })
  number: number;

  @Field({ description: 'Release name (max 200).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Comments (max 2000).' })
  comments?: string | null;

  @Field(() => LocalDate, { description: 'First day the release shares data.' })
  startDate: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Last day the release shares data; open-ended when left out.',
  })
  endDate?: string | null;

  @Field(() => [ReleaseShareInput], { description: 'The shares (at least one).' })
  shares: ReleaseShareInput[];
}

@InputType({
  description:
    'Changes to an Information Release; fields left out are unchanged. Ending a release: set its endDate.',
})
export class UpdateInformationReleaseInput {
  @Field(() => Int, { nullable: true, description: 'Unique release number.' })
  number?: number | null;

  @Field(() => String, { nullable: true, description: 'Release name (max 200).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Comments (max 2000).' })
  comments?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day the release shares data.' })
  startDate?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Last day the release shares data; null makes it open-ended.',
  })
  endDate?: string | null;

  @Field(() => [ReleaseShareInput], {
    nullable: true,
    description: 'Replaces all the shares when given (at least one).',
  })
  shares?: ReleaseShareInput[] | null;
}

@InputType({
  description:
    "A release exception: one client's demographics and UNRESTRICTED transactions released to one more organization until a date, whatever the MOUs say.",
})
export class CreateReleaseExceptionInput {
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field(() => ID, { description: 'The organization the client is released to.' })
  organizationId: string;

  @Field(() => LocalDate, { description: 'Last day of the release (today or later).' })
  validThrough: string;
}
