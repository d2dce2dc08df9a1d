import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ExplainRecordType {
  CLIENT = 'CLIENT',
  ENROLLMENT = 'ENROLLMENT',
  EXIT = 'EXIT',
  SERVICE = 'SERVICE',
  CURRENT_LIVING_SITUATION = 'CURRENT_LIVING_SITUATION',
  ASSESSMENT = 'ASSESSMENT',
  CE_EVENT = 'CE_EVENT',
  HEALTH_AND_DV = 'HEALTH_AND_DV',
  INCOME_BENEFITS = 'INCOME_BENEFITS',
  DISABILITIES = 'DISABILITIES',
  EMPLOYMENT_EDUCATION = 'EMPLOYMENT_EDUCATION',
  YOUTH_EDUCATION_STATUS = 'YOUTH_EDUCATION_STATUS',
  REFERRAL = 'REFERRAL',
  STAY = 'STAY',
  RESERVATION = 'RESERVATION',
  PROGRAM = 'PROGRAM',
}

registerEnumType(ExplainRecordType, {
  name: 'ExplainRecordType',
  description: 'The kinds of record explainAccess can explain.',
  valuesConfig: {
    CLIENT: { description: 'A client (HUD 3.01-3.07).' },
    ENROLLMENT: { description: 'An enrollment (HUD 3.10-3.20).' },
    EXIT: { description: 'An exit (HUD 3.11, 3.12).' },
    SERVICE: { description: 'A service (HUD 4.14).' },
    CURRENT_LIVING_SITUATION: { description: 'A current living situation contact (HUD 4.12).' },
    ASSESSMENT: { description: 'A coordinated entry assessment (HUD 4.19).' },
    CE_EVENT: { description: 'A coordinated entry event (HUD 4.20).' },
    HEALTH_AND_DV: { description: 'A health and domestic violence record (HUD 4.11, R7).' },
    INCOME_BENEFITS: {
      description: 'An income, non-cash benefits and health insurance record (HUD 4.02-4.04).',
    },
    DISABILITIES: { description: 'One disability answer (HUD 4.05-4.10).' },
    EMPLOYMENT_EDUCATION: { description: 'An employment and education record (HUD R4-R6).' },
    YOUTH_EDUCATION_STATUS: { description: 'A youth education status record (HUD C3).' },
    REFERRAL: { description: 'A coordinated entry referral to a program (HUD 4.20 referral events).' },
    STAY: { description: 'A shelter stay (check-in to check-out; its bed nights are HUD 4.14 services).' },
    RESERVATION: { description: 'A shelter reservation.' },
    PROGRAM: { description: 'A program (HUD 2.02).' },
  },
});

export enum AccessRuleCode {
  SESSION_NOT_READY = 'SESSION_NOT_READY',
  CAPABILITY_MISSING = 'CAPABILITY_MISSING',
  ROLE_CEILING = 'ROLE_CEILING',
  NOT_VISIBLE = 'NOT_VISIBLE',
  OWNED_BY_ACTIVE_ORGANIZATION = 'OWNED_BY_ACTIVE_ORGANIZATION',
  HOLDS_TRANSACTION_OF_CLIENT = 'HOLDS_TRANSACTION_OF_CLIENT',
  SHARED_BY_INFORMATION_RELEASE = 'SHARED_BY_INFORMATION_RELEASE',
  SHARED_TRANSACTION_OF_CLIENT = 'SHARED_TRANSACTION_OF_CLIENT',
  RELEASE_EXCEPTION = 'RELEASE_EXCEPTION',
  PROGRAM_OF_ACTIVE_ORGANIZATION = 'PROGRAM_OF_ACTIVE_ORGANIZATION',
  PROGRAM_OF_OTHER_ORGANIZATION = 'PROGRAM_OF_OTHER_ORGANIZATION',
  CREATED_FOR_ACTIVE_ORGANIZATION = 'CREATED_FOR_ACTIVE_ORGANIZATION',
  EDIT_ASSIGNMENT = 'EDIT_ASSIGNMENT',
  NO_EDIT_ASSIGNMENT = 'NO_EDIT_ASSIGNMENT',
  DELETE_NEEDS_MANAGER_ROLE = 'DELETE_NEEDS_MANAGER_ROLE',
}

registerEnumType(AccessRuleCode, {
  name: 'AccessRuleCode',
  description: 'The rule of the access model behind an explainAccess decision.',
  valuesConfig: {
    SESSION_NOT_READY: {
      description:
        'The session must first change a password, accept the agreement, complete a training or select a context (docs/access-model.md, "Working as an organization").',
    },
    CAPABILITY_MISSING: {
      description:
        'The active workgroup does not grant the capability the action needs (docs/access-model.md, "What you may do").',
    },
    ROLE_CEILING: {
      description:
        'The workgroup grants the capability, but the user\'s access role does not allow it (docs/access-model.md, "Access roles").',
    },
    NOT_VISIBLE: {
      description:
        'No such record is visible in the active organization: it does not exist, or it is not shared with it (docs/access-model.md, "What you see"). The two cases are not told apart.',
    },
    OWNED_BY_ACTIVE_ORGANIZATION: {
      description: 'The record belongs to the active organization (docs/access-model.md, "What you see").',
    },
    HOLDS_TRANSACTION_OF_CLIENT: {
      description:
        'The active organization owns a transaction of the client (docs/access-model.md, "What you see").',
    },
    SHARED_BY_INFORMATION_RELEASE: {
      description:
        'The owner shares with the active organization through an information release active today; for a transaction, it is UNRESTRICTED (docs/access-model.md, "What you see").',
    },
    SHARED_TRANSACTION_OF_CLIENT: {
      description:
        'A transaction of the client is shared with the active organization, and the client is not restrict-intake (docs/access-model.md, "What you see").',
    },
    RELEASE_EXCEPTION: {
      description:
        'A release exception releases the client to the active organization until a date (docs/access-model.md, "What you see").',
    },
    PROGRAM_OF_ACTIVE_ORGANIZATION: {
      description:
        'The program belongs to the active organization: new records can be created for it (docs/access-model.md, "What you may do").',
    },
    PROGRAM_OF_OTHER_ORGANIZATION: {
      description:
        'The program belongs to another organization: new records are created for programs of the active organization only (docs/access-model.md, "What you may do").',
    },
    CREATED_FOR_ACTIVE_ORGANIZATION: {
      description:
        'New records are owned by the active organization (docs/access-model.md, "What you may do").',
    },
    EDIT_ASSIGNMENT: {
      description:
        'The user\'s assignment to the owning organization allows editing (docs/access-model.md, "What you may do").',
    },
    NO_EDIT_ASSIGNMENT: {
      description:
        'The user\'s assignment to the owning organization does not allow editing (docs/access-model.md, "What you may do").',
    },
    DELETE_NEEDS_MANAGER_ROLE: {
      description:
        'Deleting needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR access role (docs/access-model.md, "What you may do").',
    },
  },
});

@InputType({ description: 'A record, by type and id.' })
export class ExplainRecordInput {
  @Field(() => ExplainRecordType, { description: 'The kind of record.' })
  type: ExplainRecordType;

  @Field(() => ID, { description: 'Its id.' })
  id: string;
}

@InputType({ description: 'An action to explain: give exactly one.' })
export class ExplainActionInput {
  @Field(() => Boolean, { nullable: true, description: 'May I create a client?' })
  createClient?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'May I enroll a client in this program?' })
  createEnrollmentInProgram?: string | null;

  @Field(() => ExplainRecordInput, { nullable: true, description: 'May I edit this record?' })
  editRecord?: ExplainRecordInput | null;

  @Field(() => ExplainRecordInput, { nullable: true, description: 'May I delete this record?' })
  deleteRecord?: ExplainRecordInput | null;
}

@ObjectType({ description: 'An access decision in words a help desk can read to a user.' })
export class AccessExplanation {
  @Field({ description: 'The question answered, e.g. "Can you see enrollment 12?".' })
  question: string;

  @Field({ description: 'The decision.' })
  allowed: boolean;

  @Field(() => AccessRuleCode, { description: 'The rule behind the decision.' })
  rule: AccessRuleCode;

  @Field({ description: 'The decision and the rule behind it, in plain words.' })
  explanation: string;

  @Field(() => [String], {
    description:
      'The facts the decision rests on, one sentence each (more rules may apply than the one named).',
  })
  facts: string[];

  @Field(() => String, {
    nullable: true,
    description: 'What the user can do about a refusal, when anything.',
  })
  advice: string | null;
}
