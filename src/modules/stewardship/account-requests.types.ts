import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRole } from '../../access/access-role';
import { DateTime, LocalDate } from '../../graphql/scalars';
import { UserAccount } from '../users/user-account.types';
import { TrainingInput } from '../users/users.inputs';

export enum AccountRequestKind {
  ACCOUNT = 'ACCOUNT',
  DEACTIVATION = 'DEACTIVATION',
}
registerEnumType(AccountRequestKind, {
  name: 'AccountRequestKind',
  description: 'What an agency lead asks the HMIS team for.',
  valuesConfig: {
    ACCOUNT: { description: 'A new user account for the lead’s organization.' },
    DEACTIVATION: { description: 'Deactivating an account on the person’s last working day.' },
  },
});

export enum AccountRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(AccountRequestStatus, {
  name: 'AccountRequestStatus',
  description: 'Where a request stands.',
  valuesConfig: {
    PENDING: {
      description: 'Waiting for the HMIS team (a deactivation still happens on its last day if nobody acts).',
    },
    APPROVED: { description: 'Approved: the account was created, or the deactivation is confirmed.' },
    REJECTED: { description: 'Rejected, with a reason.' },
  },
});

@InputType({ description: 'An agency lead’s request for a new account at the lead’s organization.' })
export class AccountRequestInput {
  @Field(() => ID, { description: 'The organization (one you lead).' })
  organizationId: string;

  @Field({
    description: 'Login name asked for: 3 to 100 lower-case letters, digits, dots, dashes or underscores.',
  })
  username: string;

  @Field({ description: 'Full name of the person (max 200).' })
  displayName: string;

  @Field(() => [ID], { description: 'Workgroups asked for.' })
  workgroupIds: string[];

  @Field(() => AccessRole, { nullable: true, description: 'Access role asked for (default AGENCY_STAFF).' })
  accessRole?: AccessRole | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the person may edit the organization’s records (default true).',
  })
  canEdit?: boolean | null;
}

@ObjectType({ description: 'A request for a new account or a deactivation, and its state.' })
export class AccountRequestView {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field(() => AccountRequestKind, { description: 'Account or deactivation.' })
  kind: AccountRequestKind;

  @Field(() => AccountRequestStatus, { description: 'Where it stands.' })
  status: AccountRequestStatus;

  @Field(() => ID, { description: 'The organization it is for.' })
  organizationId: number;

  @Field(() => ID, { nullable: true, description: 'Who asked (the agency lead).' })
  requestedById: number | null;

  @Field(() => String, { nullable: true, description: 'ACCOUNT: login name asked for.' })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'ACCOUNT: full name of the person.' })
  displayName: string | null;

  @Field(() => AccessRole, { nullable: true, description: 'ACCOUNT: access role asked for.' })
  accessRole: AccessRole | null;

  @Field(() => [ID], { description: 'ACCOUNT: workgroups asked for.' })
  workgroupIds: number[];

  @Field(() => ID, {
    nullable: true,
    description: 'DEACTIVATION: the account; ACCOUNT: the account created on approval.',
  })
  userId: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'DEACTIVATION: the last working day.' })
  lastDay: string | null;

  @Field(() => String, { nullable: true, description: 'DEACTIVATION: why.' })
  reason: string | null;

  @Field(() => DateTime, { description: 'When it was asked.' })
  requestedAt: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was approved or rejected.' })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  decisionReason: string | null;
}

@ObjectType({ description: 'The answer of an approval.' })
export class AccountRequestApproval {
  @Field(() => AccountRequestView, { description: 'The request, now APPROVED.' })
  request: AccountRequestView;

  @Field(() => UserAccount, { nullable: true, description: 'ACCOUNT: the account created.' })
  user: UserAccount | null;

  @Field(() => String, {
    nullable: true,
    description: 'ACCOUNT: the temporary password, shown this once; the user must change it at first login.',
  })
  temporaryPassword: string | null;

  @Field(() => [String], {
    description:
      'Required trainings still missing; while an assessment training is missing the user works under the training-pending ceiling.',
  })
  missingTrainings: string[];

  @Field(() => String, { nullable: true, description: 'What the approval did, in words.' })
  message: string | null;
}

export { TrainingInput };
