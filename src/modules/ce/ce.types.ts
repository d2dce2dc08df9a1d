import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, LocalDate } from '../../graphql/scalars';
import { PageArgs, ConnectionType } from '../../graphql/connection';
import { PrioritizationStatus, ProjectType, ReferralResult } from '../../hud';
import { PriorityListStatus } from './priority-list.entity';
import { ReferralStatus } from './referral.entity';

export enum PrioritySortKey {
  TOTAL_SCORE = 'TOTAL_SCORE',
  ASSESSMENT_DATE = 'ASSESSMENT_DATE',
  LISTED_DATE = 'LISTED_DATE',
}

registerEnumType(PrioritySortKey, {
  name: 'PrioritySortKey',
  description: 'A value the priority list can be ordered by.',
  valuesConfig: {
    TOTAL_SCORE: {
      description: 'Total score of the ranking assessment (HUD AssessmentResults); no score sorts lowest.',
    },
    ASSESSMENT_DATE: { description: 'HUD 4.19.1 Date of Assessment of the ranking assessment.' },
    LISTED_DATE: { description: 'The day the client was placed on the list.' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesConfig: {
    ASC: { description: 'Lowest / oldest first.' },
    DESC: { description: 'Highest / newest first.' },
  },
});

@ObjectType('PrioritySort', { simpleResolvers: true, description: 'One sort key of the priority order.' })
export class PrioritySort {
  @Field(() => PrioritySortKey, { description: 'What to sort by.' })
  key: PrioritySortKey;

  @Field(() => SortDirection, { description: 'In which direction.' })
  direction: SortDirection;
}

@InputType('PrioritySortInput', { description: 'One sort key of the priority order.' })
export class PrioritySortInput {
  @Field(() => PrioritySortKey, { description: 'What to sort by.' })
  key: PrioritySortKey;

  @Field(() => SortDirection, { description: 'In which direction.' })
  direction: SortDirection;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'The order of the priority list (data set by priorityList:manage); ties go to the oldest entry.',
})
export class PriorityOrder {
  @Field(() => [PrioritySort], { description: 'Sort keys, most significant first.' })
  keys: PrioritySort[];

  @Field(() => DateTime, { nullable: true, description: 'When the order was last set (null: the default).' })
  updatedAt: Date | null;
}

@InputType({ description: 'A new order of the priority list.' })
export class PriorityOrderInput {
  @Field(() => [PrioritySortInput], {
    description: 'One to three sort keys, most significant first, each key at most once.',
  })
  keys: PrioritySortInput[];
}

@ObjectType({ simpleResolvers: true, description: "One change of a priority list entry's status." })
export class PriorityStatusChange {
  @Field(() => PriorityListStatus, {
    nullable: true,
    description: 'Status before (null: placed on the list).',
  })
  fromStatus: PriorityListStatus | null;

  @Field(() => PriorityListStatus, { description: 'Status after.' })
  toStatus: PriorityListStatus;

  @Field({ description: 'Why.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'Username of who made the change (null: the system).' })
  changedBy: string | null;

  @Field(() => DateTime, { description: 'When.' })
  changedAt: Date;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A client on the coordinated entry priority list, numbered among the entries you may see.',
})
export class PriorityListEntry {
  @Field(() => ID, { description: 'Waypoint identifier of the entry.' })
  id: number;

  @Field(() => Int, {
    description: 'Position among the entries you may see with this filter, 1..n (not a community position).',
  })
  position: number;

  @Field(() => PriorityListStatus, { description: 'Where the client stands.' })
  status: PriorityListStatus;

  @Field(() => ID, { description: 'The client (HUD 3.01 PersonalID).' })
  clientId: number;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.1 First Name. Needs client.name:read.' })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.3 Last Name. Needs client.name:read.' })
  lastName: string | null;

  @Field(() => Int, { nullable: true, description: 'Age in years today, from HUD 3.03.1 Date of Birth.' })
  age: number | null;

  @Field(() => ID, { nullable: true, description: 'The ranking assessment, when it is visible to you.' })
  assessmentId: number | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 4.19.1 Date of Assessment of the ranking assessment, when it is visible to you.',
  })
  assessmentDate: string | null;

  @Field(() => String, { nullable: true, description: 'Its instrument, when it is visible to you.' })
  instrument: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Total score (HUD AssessmentResults), when the assessment is visible to you. Needs assessment.score:read.',
  })
  totalScore: number | null;

  @Field(() => PrioritizationStatus, {
    nullable: true,
    description:
      'HUD 4.19.7 Prioritization Status, when the assessment is visible to you. Needs assessment.score:read.',
  })
  prioritizationStatus: PrioritizationStatus | null;

  @Field(() => LocalDate, { description: 'The day the client was placed on the list.' })
  listedOn: string;

  /** Sort values for the cursor (not in the schema). */
  sortValues: (string | number)[];
}

export const PriorityListConnection = ConnectionType(
  PriorityListEntry,
  'PriorityList',
  'priority list entry',
);

@ArgsType()
export class PriorityListArgs extends PageArgs {
  @Field(() => PriorityListStatus, {
    nullable: true,
    description: 'Only entries with this status (default: all).',
  })
  status?: PriorityListStatus | null;

  @Field(() => ProjectType, {
    nullable: true,
    description: 'Only entries whose CE enrollment is in a program of this HUD 2.02.6 Project Type.',
  })
  programType?: ProjectType | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A coordinated entry referral of a client to a program, visible to the referring organization and to the organization of the receiving program.',
})
export class Referral {
  @Field(() => ID, { description: 'Waypoint identifier.' })
  id: number;

  @Field(() => ReferralStatus, { description: 'Where it stands.' })
  status: ReferralStatus;

  @Field(() => ID, { description: 'The priority list entry it was made from.' })
  entryId: number;

  @Field(() => ID, { description: 'The client (HUD 3.01 PersonalID).' })
  clientId: number;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.1 First Name. Needs client.name:read.' })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.3 Last Name. Needs client.name:read.' })
  lastName: string | null;

  @Field(() => Int, { nullable: true, description: 'Age in years today, from HUD 3.03.1 Date of Birth.' })
  age: number | null;

  @Field(() => ID, { description: 'The receiving program (HUD 2.02.1 ProjectID).' })
  programId: number;

  @Field({ description: 'HUD 2.02.3 Project Name of the receiving program.' })
  programName: string;

  @Field({ description: 'Code of the referring organization.' })
  referringOrganization: string;

  @Field({ description: 'Code of the organization of the receiving program.' })
  receivingOrganization: string;

  @Field(() => LocalDate, { description: 'HUD 4.20.1 Date of Event of the referral.' })
  referralDate: string;

  @Field(() => LocalDate, { description: 'HUD 4.19.1 Date of Assessment of the referring assessment.' })
  assessmentDate: string;

  @Field({ description: 'Instrument of the referring assessment.' })
  assessmentInstrument: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Total score of the referring assessment. Needs assessment.score:read.',
  })
  totalScore: number | null;

  @Field({
    description: 'Whether the client consented to share their record with the receiving organization.',
  })
  consent: boolean;

  @Field(() => String, { nullable: true, description: 'Notes for the receiving program.' })
  notes: string | null;

  @Field(() => ReferralResult, { nullable: true, description: 'HUD 4.20.D Referral Result, once answered.' })
  referralResult: ReferralResult | null;

  @Field(() => String, { nullable: true, description: 'Why it was accepted, rejected or withdrawn.' })
  closeReason: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 4.20.E Date of result (or of withdrawal).' })
  closedDate: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'With consent: the last day the client is released to the receiving organization (null while open-ended or without consent).',
  })
  releasedThrough: string | null;
}

export const ReferralConnection = ConnectionType(Referral, 'Referral', 'referral');

@InputType({ description: 'A referral of a client on the priority list to a program.' })
export class CreateReferralInput {
  @Field(() => ID, { description: 'The priority list entry (ACTIVE, visible to you).' })
  entryId: string;

  @Field(() => ID, {
    description:
      'The receiving program: operating, taking coordinated entry referrals (HUD 2.09 ReceivesReferrals).',
  })
  programId: string;

  @Field({
    description:
      'The client consented to release their record to the receiving organization until the referral closes plus 30 days.',
  })
  consent: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 4.20.1 Date of Event (default today; not in the future).',
  })
  referralDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for the receiving program (max 1000).' })
  notes?: string | null;
}

export enum ReferralDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}

registerEnumType(ReferralDecision, {
  name: 'ReferralDecision',
  description: "The receiving program's answer to a referral.",
  valuesConfig: {
    ACCEPT: { description: 'Accept (HUD 4.20.D 1, successful referral).' },
    REJECT: { description: 'Reject (HUD 4.20.D 2 or 3, unsuccessful referral).' },
  },
});

@InputType({ description: "The receiving program's answer to a referral." })
export class ReferralResponseInput {
  @Field(() => ReferralDecision, { description: 'Accept or reject.' })
  decision: ReferralDecision;

  @Field(() => ReferralResult, {
    description: 'HUD 4.20.D Referral Result: 1 with ACCEPT, 2 or 3 with REJECT.',
  })
  referralResult: ReferralResult;

  @Field({ description: 'Why (required, max 500).' })
  reason: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 4.20.E Date of result (default today).' })
  resultDate?: string | null;
}

@InputType({ description: 'One answer to a question of the instrument.' })
export class AssessmentAnswerInput {
  @Field({ description: "The question's code (HUD AssessmentQuestion)." })
  questionCode: string;

  @Field({
    description:
      'A code of its code list, YES/NO, or a whole number, by its answer type (HUD AssessmentAnswer).',
  })
  value: string;
}
