import { Field, ID, InputType, Int } from 'type-graphql';
import {
  DischargeStatus,
  DobDataQuality,
  MilitaryBranch,
  NameDataQuality,
  NoYesMissing,
  RaceEthnicity,
  Sex,
  SsnDataQuality,
} from '../../hud';
import { LocalDate } from '../../graphql/scalars';

@InputType({
  description:
    'A new client (HUD universal data elements 3.01-3.07). The client is owned by the active organization.',
})
export class CreateClientInput {
  @Field(() => String, { nullable: true, description: 'HUD 3.01.1 First Name (max 50).' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.2 Middle Name (max 50).' })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.3 Last Name (max 50).' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.01.4 Name Suffix (max 50).' })
  nameSuffix?: string | null;

  @Field(() => NameDataQuality, {
    nullable: true,
    description:
      'HUD 3.01.5 Name Data Quality (default: full name reported when both names are given, else data not collected).',
  })
  nameDataQuality?: NameDataQuality | null;

  @Field(() => String, { nullable: true, description: 'HUD 3.02.1 SSN: nine digits, dashes allowed.' })
  ssn?: string | null;

  @Field(() => SsnDataQuality, { nullable: true, description: 'HUD 3.02.2 SSN Data Quality.' })
  ssnDataQuality?: SsnDataQuality | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 3.03.1 Date of Birth: not in the future, not before 1900.',
  })
  dob?: string | null;

  @Field(() => DobDataQuality, { nullable: true, description: 'HUD 3.03.2 DOB Data Quality.' })
  dobDataQuality?: DobDataQuality | null;

  @Field(() => [RaceEthnicity], {
    nullable: true,
    description: 'HUD 3.04.1 Race and Ethnicity (all that apply).',
  })
  raceEthnicity?: RaceEthnicity[] | null;

  @Field(() => Sex, { nullable: true, description: 'HUD 3.06.1 Sex.' })
  sex?: Sex | null;

  @Field(() => NoYesMissing, { nullable: true, description: 'HUD 3.07.1 Veteran Status.' })
  veteranStatus?: NoYesMissing | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HUD V1.1 Year Entered Military Service (YYYY, 1920 to this year).',
  })
  yearEnteredService?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HUD V1.2 Year Separated from Military Service (YYYY, not before the year entered).',
  })
  yearSeparated?: number | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.3 Theater of Operations: World War II (WorldWarII).',
  })
  worldWarII?: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.4 Theater of Operations: Korean War (KoreanWar).',
  })
  koreanWar?: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.5 Theater of Operations: Vietnam War (VietnamWar).',
  })
  vietnamWar?: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.6 Theater of Operations: Persian Gulf War - Operation Desert Storm (DesertStorm).',
  })
  desertStorm?: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.7 Theater of Operations: Afghanistan (Operation Enduring Freedom) (AfghanistanOEF).',
  })
  afghanistanOEF?: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.8 Theater of Operations: Iraq (Operation Iraqi Freedom) (IraqOIF).',
  })
  iraqOIF?: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description: 'HUD V1.9 Theater of Operations: Iraq (Operation New Dawn) (IraqOND).',
  })
  iraqOND?: NoYesMissing | null;

  @Field(() => NoYesMissing, {
    nullable: true,
    description:
      'HUD V1.10 Theater of Operations: Other peace-keeping operations or military interventions (OtherTheater).',
  })
  otherTheater?: NoYesMissing | null;

  @Field(() => MilitaryBranch, { nullable: true, description: 'HUD V1.11 Branch of the Military.' })
  militaryBranch?: MilitaryBranch | null;

  @Field(() => DischargeStatus, { nullable: true, description: 'HUD V1.12 Discharge Status.' })
  dischargeStatus?: DischargeStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Restrict intake (always true for clients of a victim service provider).',
  })
  restrictIntake?: boolean | null;
}

@InputType({
  description: 'Changes to a client. Fields left out are unchanged; `version` must be the one you read.',
})
export class UpdateClientInput extends CreateClientInput {
  @Field(() => Int, {
    description: 'The version you read (optimistic locking): a stale version is refused with CONFLICT.',
  })
  version: number;
}

@InputType({ description: 'Soft delete of a record (HUD DateDeleted).' })
export class DeleteInput {
  @Field(() => ID, { description: 'The record.' })
  id: string;

  @Field(() => Int, { description: 'The version you read (optimistic locking).' })
  version: number;
}
