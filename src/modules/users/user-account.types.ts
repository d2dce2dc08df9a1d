import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AccessRole } from '../../access/access-role';
import { DateTime, LocalDate } from '../../graphql/scalars';
import { Organization } from '../organization/organization.entity';
import { UserStatus } from './user.entity';
import { Workgroup } from '../admin/workgroup.entity';

@ObjectType({ description: "A user's assignment to a Security Organization." })
export class OrgAssignmentView {
  @Field(() => Organization, { description: 'The organization.' })
  organization: Organization;

  @Field({ description: 'The user may make this organization active and create records as it.' })
  canLogin: boolean;

  @Field({ description: 'The user may edit records owned by this organization (whatever the active one).' })
  canEdit: boolean;

  @Field({
    description: 'The user is an agency lead of this organization: manages the users assigned to it.',
  })
  agencyLead: boolean;
}

@ObjectType({ description: 'A training the user has completed.' })
export class UserTrainingView {
  @Field({ description: 'Course name, e.g. VI-SPDAT.' })
  course: string;

  @Field(() => LocalDate, { description: 'Date the course was completed.' })
  completedOn: string;
}

/**
 * A user account as user administrators see it. A type of its own rather than fields on
 * `User`, so that nothing here leaks if `User` is ever exposed elsewhere (e.g. "created by").
 */
@ObjectType({ description: 'A user account as user administrators (users:manage, agency leads) see it.' })
export class UserAccount {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field({ description: 'Login name (lower case).' })
  username: string;

  @Field(() => String, { nullable: true, description: 'Full name shown to colleagues.' })
  displayName: string | null;

  @Field(() => UserStatus, { description: 'Lifecycle state.' })
  status: UserStatus;

  @Field(() => AccessRole, {
    description: 'Access role assigned (a missing assessment training lowers it while the user works).',
  })
  accessRole: AccessRole;

  @Field({
    description: 'The user logs in with a temporary password and must change it before anything else.',
  })
  mustChangePassword: boolean;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the End User Agreement was accepted; null until then.',
  })
  agreementAcceptedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Last successful login.' })
  lastLoginAt: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'Locked after too many failed logins until this time (unlockUser ends it early).',
  })
  lockedUntil: Date | null;

  @Field(() => Int, { description: 'Failed logins counted in the current lockout window.' })
  failedLoginCount: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why the account was deactivated (while DEACTIVATED).',
  })
  deactivationReason: string | null;

  @Field(() => [Workgroup], { description: 'Workgroups the user belongs to.' })
  workgroups: Workgroup[];

  @Field(() => [OrgAssignmentView], { description: 'Organization assignments (login, edit, agency lead).' })
  assignments: OrgAssignmentView[];

  @Field(() => [UserTrainingView], { description: 'Completed trainings.' })
  trainings: UserTrainingView[];

  @Field(() => [String], { description: "Courses the user's workgroups require that are not recorded yet." })
  missingTrainings: string[];

  @Field(() => DateTime, { description: 'When the account was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'A user account with the temporary password just set.' })
export class UserPasswordPayload {
  @Field(() => UserAccount, { description: 'The account.' })
  user: UserAccount;

  @Field(() => String, {
    nullable: true,
    description:
      'The temporary password Waypoint generated, shown this once (null when you chose it). The user must change it at first login.',
  })
  temporaryPassword: string | null;
}
