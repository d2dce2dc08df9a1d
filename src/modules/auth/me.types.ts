import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRole } from '../../access/access-role';

export enum SessionStateEnum {
  NEEDS_PASSWORD_CHANGE = 'NEEDS_PASSWORD_CHANGE',
  NEEDS_AGREEMENT = 'NEEDS_AGREEMENT',
  TRAINING_REQUIRED = 'TRAINING_REQUIRED',
  NEEDS_CONTEXT = 'NEEDS_CONTEXT',
  READY = 'READY',
}

registerEnumType(SessionStateEnum, {
  name: 'SessionState',
  description: 'What the session must do before it can work with client data.',
  valuesConfig: {
    NEEDS_PASSWORD_CHANGE: { description: 'Change the temporary password (changePassword).' },
    NEEDS_AGREEMENT: { description: 'Accept the End User Agreement (acceptEndUserAgreement).' },
    TRAINING_REQUIRED: {
      description: 'A required training is missing; only an administrator can record it.',
    },
    NEEDS_CONTEXT: { description: 'Select a workgroup and organization (selectContext).' },
    READY: { description: 'Working in the active workgroup and organization.' },
  },
});

@ObjectType({ description: 'The logged-in user.' })
export class MeUser {
  @Field(() => ID, { description: 'User id.' })
  id: number;

  @Field({ description: 'Login name.' })
  username: string;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  displayName: string | null;
}

@ObjectType({ description: 'A workgroup the user may work in.' })
export class MeWorkgroup {
  @Field(() => ID, { description: 'Workgroup id (for selectContext).' })
  id: number;

  @Field({ description: 'Workgroup name.' })
  name: string;
}

@ObjectType({ description: 'An organization the user may log in as.' })
export class MeOrganization {
  @Field(() => ID, { description: 'Organization id (for selectContext).' })
  id: number;

  @Field({ description: 'Three-character code.' })
  code: string;

  @Field({ description: 'Organization name.' })
  name: string;
}

@ObjectType({
  description: 'The session: who is logged in, the active context and the choices for selectContext.',
})
export class Me {
  @Field(() => MeUser, { description: 'The user.' })
  user: MeUser;

  @Field(() => SessionStateEnum, {
    description: 'What the session must do before it can work with client data.',
  })
  state: SessionStateEnum;

  @Field(() => MeWorkgroup, { nullable: true, description: 'The active workgroup, once selected.' })
  activeWorkgroup: MeWorkgroup | null;

  @Field(() => MeOrganization, {
    nullable: true,
    description: 'The active Security Organization, once selected.',
  })
  activeOrganization: MeOrganization | null;

  @Field(() => [MeWorkgroup], { description: 'Workgroups the user belongs to.' })
  workgroups: MeWorkgroup[];

  @Field(() => [MeOrganization], { description: 'Organizations the user may log in as (canLogin).' })
  loginOrganizations: MeOrganization[];

  @Field(() => AccessRole, {
    description: 'The access role in force (lowered automatically while assessment training is pending).',
  })
  accessRole: AccessRole;

  @Field(() => [String], { description: 'Capabilities in force in the active context (empty until READY).' })
  capabilities: string[];
}

@ObjectType({ description: 'A new session.' })
export class LoginPayload {
  @Field({
    description:
      'Bearer token: send it as "Authorization: Bearer <token>". Shown once; the server keeps only its hash.',
  })
  token: string;

  @Field(() => Me, { description: 'The session it opens.' })
  me: Me;
}
