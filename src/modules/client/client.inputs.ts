import { Field, ID, InputType, Int } from 'type-graphql';
import { DobDataQuality, NameDataQuality, NoYesMissing, RaceEthnicity, Sex, SsnDataQuality } from '../../hud';
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
