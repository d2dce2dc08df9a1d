import { Field, ID, InputType } from 'type-graphql';
import { AccessRole } from '../../access/access-role';
import { LocalDate } from '../../graphql/scalars';
import { TrainingKind } from './training-kind';
import { UserStatus } from './user.entity';

@InputType({ description: "A user's assignment to a Security Organization." })
export class OrgAssignmentInput {
  @Field(() => ID, { description: 'The organization (an agency lead may give only their own).' })
  organizationId: string;

  @Field({ description: 'May make this organization active and create records as it.' })
  canLogin: boolean;

  @Field({ description: 'May edit records owned by this organization.' })
  canEdit: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Agency lead of this organization (only holders of users:manage may appoint one). Default false.',
  })
  agencyLead?: boolean | null;
}

@InputType({ description: 'A completed training.' })
export class TrainingInput {
  @Field({ description: 'Course name as the workgroups require it, e.g. VI-SPDAT (max 64).' })
  course: string;

  @Field(() => LocalDate, { description: 'Date completed (not in the future).' })
  completedOn: string;
}

@InputType({
  description: 'A new user account. The user logs in with a temporary password and must change it first.',
})
export class CreateUserInput {
  @Field({
    description: 'Login name: 3 to 100 lower-case letters, digits, dots, dashes or underscores; unique.',
  })
  username: string;

  @Field(() => String, { nullable: true, description: 'Full name shown to colleagues (max 200).' })
  displayName?: string | null;

  @Field(() => AccessRole, {
    nullable: true,
    description: 'Access role (default AGENCY_STAFF); not above your own.',
  })
  accessRole?: AccessRole | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Temporary password (password policy applies); left out, Waypoint generates one and returns it once.',
  })
  temporaryPassword?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Workgroups; you cannot give a workgroup with capabilities you do not hold.',
  })
  workgroupIds?: string[] | null;

  @Field(() => [OrgAssignmentInput], {
    nullable: true,
    description:
      'Organization assignments; an agency lead must give at least one of their own organizations.',
  })
  assignments?: OrgAssignmentInput[] | null;

  @Field(() => [TrainingInput], { nullable: true, description: 'Trainings already completed.' })
  trainings?: TrainingInput[] | null;
}

@InputType({ description: 'Changes to a user account; fields left out are unchanged.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'Full name shown to colleagues (max 200).' })
  displayName?: string | null;

  @Field(() => AccessRole, { nullable: true, description: 'Access role; not above your own.' })
  accessRole?: AccessRole | null;
}

@InputType({ description: 'A training a workgroup requires of its members.' })
export class RequiredTrainingInput {
  @Field({ description: 'Course name, e.g. VI-SPDAT (max 64).' })
  course: string;

  @Field(() => TrainingKind, { nullable: true, description: 'What its absence does (default GENERAL).' })
  kind?: TrainingKind | null;
}

@InputType({ description: 'Which users to list.' })
export class UserFilter {
  @Field(() => ID, { nullable: true, description: 'Only users assigned to this organization.' })
  organizationId?: string | null;

  @Field(() => UserStatus, { nullable: true, description: 'Only users in this state.' })
  status?: UserStatus | null;

  @Field(() => String, { nullable: true, description: 'Start of the username or display name.' })
  search?: string | null;
}
