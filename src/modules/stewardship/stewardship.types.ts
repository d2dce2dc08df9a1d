import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, LocalDate } from '../../graphql/scalars';
import { ConnectionType, PageInfo } from '../../graphql/connection';
import { Client } from '../client/client.entity';
import { ExplainRecordType } from '../explain/explain.types';
import type { MatchReason } from './matcher';
import { MERGE_FIELDS } from './merge.service';

export const MatchReasonEnum = {
  SSN_EXACT: 'SSN_EXACT',
  SSN_LAST_FOUR: 'SSN_LAST_FOUR',
  DOB_EXACT: 'DOB_EXACT',
  DOB_DAY_MONTH_TRANSPOSED: 'DOB_DAY_MONTH_TRANSPOSED',
  LAST_NAME_EXACT: 'LAST_NAME_EXACT',
  LAST_NAME_SOUNDS_ALIKE: 'LAST_NAME_SOUNDS_ALIKE',
  FIRST_NAME_EXACT: 'FIRST_NAME_EXACT',
  FIRST_NAME_NICKNAME: 'FIRST_NAME_NICKNAME',
  FIRST_NAME_SOUNDS_ALIKE: 'FIRST_NAME_SOUNDS_ALIKE',
} as const satisfies Record<MatchReason, MatchReason>;

registerEnumType(MatchReasonEnum, {
  name: 'MatchReason',
  description: 'Why a client was found as a possible duplicate; each reason adds to the score.',
  valuesConfig: {
    SSN_EXACT: { description: 'Same Social Security Number (HUD 3.02).' },
    SSN_LAST_FOUR: { description: 'Same last four digits of the SSN (HUD 3.02).' },
    DOB_EXACT: { description: 'Same date of birth (HUD 3.03).' },
    DOB_DAY_MONTH_TRANSPOSED: { description: 'Date of birth with day and month swapped (HUD 3.03).' },
    LAST_NAME_EXACT: { description: 'Same last name, ignoring case, accents and hyphens (HUD 3.01.3).' },
    LAST_NAME_SOUNDS_ALIKE: { description: 'Last names that sound alike (phonetic key, HUD 3.01.3).' },
    FIRST_NAME_EXACT: { description: 'Same first name, ignoring case, accents and hyphens (HUD 3.01.1).' },
    FIRST_NAME_NICKNAME: { description: 'First names that are nickname and formal name (Alex / Alexander).' },
    FIRST_NAME_SOUNDS_ALIKE: { description: 'First names that sound alike (phonetic key, HUD 3.01.1).' },
  },
});

export enum MergeFieldEnum {
  firstName = 'firstName',
  middleName = 'middleName',
  lastName = 'lastName',
  nameSuffix = 'nameSuffix',
  nameDataQuality = 'nameDataQuality',
  ssn = 'ssn',
  ssnDataQuality = 'ssnDataQuality',
  dob = 'dob',
  dobDataQuality = 'dobDataQuality',
  raceEthnicity = 'raceEthnicity',
  sex = 'sex',
  veteranStatus = 'veteranStatus',
}
void MERGE_FIELDS;

registerEnumType(MergeFieldEnum, {
  name: 'MergeField',
  description: 'A client field the surviving client can take from a duplicate when merging.',
  valuesConfig: {
    firstName: { description: 'HUD 3.01.1 First Name.' },
    middleName: { description: 'HUD 3.01.2 Middle Name.' },
    lastName: { description: 'HUD 3.01.3 Last Name.' },
    nameSuffix: { description: 'HUD 3.01.4 Name Suffix.' },
    nameDataQuality: { description: 'HUD 3.01.5 Name Data Quality.' },
    ssn: { description: 'HUD 3.02.1 Social Security Number.' },
    ssnDataQuality: { description: 'HUD 3.02.2 SSN Data Quality.' },
    dob: { description: 'HUD 3.03.1 Date of Birth.' },
    dobDataQuality: { description: 'HUD 3.03.2 DOB Data Quality.' },
    raceEthnicity: { description: 'HUD 3.04.1 Race and Ethnicity.' },
    sex: { description: 'HUD 3.06.1 Sex.' },
    veteranStatus: { description: 'HUD 3.07.1 Veteran Status.' },
  },
});

@InputType({
  description: 'What a new client would be entered with, to check for possible duplicates first.',
})
export class DuplicateCheckInput {
  @Field(() => String, { nullable: true, description: 'HUD 3.01.1 First Name.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.3 Last Name.' })
  lastName?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 3.03.1 Date of Birth.' })
  dob?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.02.1 Social Security Number, nine digits.' })
  ssn?: string | null;
}

@ObjectType({ description: 'A client you can see that may be the same person, with the score and why.' })
export class DuplicateMatch {
  @Field(() => Client, { description: 'The possible duplicate.' })
  client: Client;

  @Field(() => Int, { description: 'How alike, 0-100; 40 and above is a likely duplicate.' })
  score: number;

  @Field(() => [MatchReasonEnum], { description: 'What matched.' })
  reasons: MatchReason[];
}

@ObjectType({ description: 'The answer of a duplicate check.' })
export class DuplicateCheck {
  @Field(() => [DuplicateMatch], { description: 'Possible duplicates you can see, most alike first.' })
  matches: DuplicateMatch[];

  @Field(() => Int, {
    description:
      'How many possible duplicates exist that you cannot see (never clients of a victim service provider); only an HMIS administrator can resolve them.',
  })
  hiddenMatches: number;

  @Field(() => String, {
    nullable: true,
    description: 'What to do about hidden matches, when there are any.',
  })
  message: string | null;
}

@ObjectType({
  description: 'Two clients visible to the active organization that are likely the same person.',
})
export class DuplicatePair {
  @Field(() => Client, { description: 'The older client record.' })
  first: Client;

  @Field(() => Client, { description: 'The newer client record.' })
  second: Client;

  @Field(() => Int, { description: 'How alike, 0-100.' })
  score: number;

  @Field(() => [MatchReasonEnum], { description: 'What matched.' })
  reasons: MatchReason[];
}

@ObjectType('DuplicatePairEdge', {
  simpleResolvers: true,
  description: 'One pair of the duplicate queue, with its cursor.',
})
export class DuplicatePairEdge {
  @Field({ description: 'Opaque cursor of this pair: pass it as `after` to read on from here.' })
  cursor: string;

  @Field(() => DuplicatePair, { description: 'The pair.' })
  node: DuplicatePair;
}

@ObjectType('DuplicatePairConnection', {
  simpleResolvers: true,
  description:
    'A page of the duplicate queue, in client order (a pair comes at its older client, then by the newer one). A page may hold fewer pairs than asked for, even none, while `pageInfo.hasNextPage` is true: each page reads a bounded part of the queue. No total: counting the queue would read all of it.',
})
export class DuplicatePairConnection {
  @Field(() => [DuplicatePairEdge], { description: 'The pairs of this page.' })
  edges: DuplicatePairEdge[];

  @Field(() => PageInfo, {
    description:
      'Where this page stands: pass `endCursor` as `after` for the next page, also after an empty page.',
  })
  pageInfo: PageInfo;
}

@InputType({ description: 'A field the surviving client takes from one of the merged clients.' })
export class MergeKeepInput {
  @Field(() => MergeFieldEnum, { description: 'The field.' })
  field: MergeFieldEnum;

  @Field(() => ID, { description: 'The client (survivor or duplicate) whose value is kept.' })
  fromClientId: string;
}

@InputType({ description: 'Merge duplicates into a surviving client (client:merge).' })
export class MergeClientsInput {
  @Field(() => ID, { description: 'The client that remains.' })
  survivorId: string;

  @Field(() => [ID], { description: 'The duplicates (at most 10): their records move to the survivor.' })
  duplicateIds: string[];

  @Field(() => [MergeKeepInput], {
    nullable: true,
    description: "Fields the survivor takes from a duplicate; the survivor's own values stay otherwise.",
  })
  keep?: MergeKeepInput[] | null;
}

@ObjectType({ description: 'A merge of duplicate clients, which unmergeClient can undo.' })
export class ClientMergeResult {
  @Field(() => ID, { description: 'The merge: pass it to unmergeClient to undo it.' })
  id: number;

  @Field(() => ID, { description: 'The surviving client.' })
  survivorId: number;

  @Field(() => [ID], { description: 'The merged (now deleted) duplicates.' })
  duplicateIds: number[];

  @Field(() => Int, { description: 'How many records moved to the survivor.' })
  movedRecords: number;

  @Field(() => DateTime, { description: 'When the merge was made.' })
  mergedAt: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was undone, if it was.' })
  unmergedAt: Date | null;
}

@ObjectType({ description: 'A soft-deleted record of the active organization (recycle bin).' })
export class DeletedRecord {
  @Field(() => ExplainRecordType, { description: 'The kind of record.' })
  recordType: string;

  @Field(() => ID, { description: 'Its id: pass it to restoreRecord.' })
  id: number;

  @Field(() => ID, { description: 'Its client.' })
  clientId: number;

  @Field(() => DateTime, { description: 'HUD DateDeleted.' })
  dateDeleted: Date;
}

export const DeletedRecordConnection = ConnectionType(DeletedRecord, 'DeletedRecord', 'deleted record');
