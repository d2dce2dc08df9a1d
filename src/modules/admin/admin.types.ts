import { Field, ID, ObjectType } from 'type-graphql';
import { Restriction } from '../../access/restriction';
import { LocalDate } from '../../graphql/scalars';
import { Organization } from '../organization/organization.entity';
import { TrainingKind } from '../users/training-kind';

@ObjectType({ description: 'One directed share of an information release.' })
export class ReleaseShareView {
  @Field(() => Organization, { description: 'The organization whose UNRESTRICTED records are shared.' })
  from: Organization;

  @Field(() => Organization, {
    description: 'The organization that may see them while the release is active.',
  })
  to: Organization;
}

@ObjectType({
  description: 'A release exception: one client released to one more organization until a date.',
})
export class ReleaseExceptionView {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field(() => ID, { description: 'The client (by id only: setup lists never show client data).' })
  clientId: number;

  @Field(() => Organization, { description: 'The organization the client is released to.' })
  organization: Organization;

  @Field(() => LocalDate, { description: 'Last day of the release.' })
  validThrough: string;

  @Field({ description: 'Whether the exception is in force today.' })
  active: boolean;
}

@ObjectType({ description: 'A Transaction Restriction Option of an organization.' })
export class RestrictionOptionView {
  @Field(() => Restriction, { description: 'The restriction.' })
  restriction: Restriction;

  @Field({ description: 'Users of the organization may choose it when creating a transaction.' })
  enabled: boolean;
}

@ObjectType({ description: 'A training a workgroup requires of its members.' })
export class RequiredTrainingView {
  @Field({ description: 'Course name, e.g. VI-SPDAT.' })
  course: string;

  @Field(() => TrainingKind, { description: 'What its absence does.' })
  kind: TrainingKind;
}

@ObjectType({ description: 'A capability Waypoint knows: the strings workgroups grant.' })
export class CapabilityInfo {
  @Field({ description: 'The capability string, e.g. client.ssn:read.' })
  name: string;

  @Field({ description: 'What it allows.' })
  description: string;

  @Field({ description: 'Only a SYSTEM_ADMINISTRATOR access role can exercise it.' })
  administrative: boolean;
}
