import { Field, ID, InputType } from 'type-graphql';
import { Restriction } from '../../access/restriction';
import { LocalDate } from '../../graphql/scalars';
import {
  HopwaMedAssistedLivingFac,
  HousingType,
  NoYes,
  ProjectType,
  RrhSubType,
  TargetPopulation,
} from '../../hud';

/** The postal address fields shared by organizations and locations. */
@InputType()
abstract class AddressFieldsInput {
  @Field(() => String, { nullable: true, description: 'Street address (max 200).' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'City (max 100).' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Two-letter state code.' })
  state?: string | null;

  @Field(() => String, { nullable: true, description: 'ZIP code (5 digits, or ZIP+4).' })
  zip?: string | null;
}

@InputType({ description: 'Fields of a Security Organization; on update, fields left out are unchanged.' })
export class OrganizationFieldsInput extends AddressFieldsInput {
  @Field(() => String, { nullable: true, description: 'HUD 2.01.2 Organization Name (max 200); unique.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Unique three-character code (letters and digits); generated from the name when left out on create.',
  })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person (max 200).' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone number (max 40).' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email address (max 200).' })
  contactEmail?: string | null;

  @Field(() => Restriction, {
    nullable: true,
    description:
      'Restriction of new transactions (default UNRESTRICTED; always RESTRICTED for a victim service provider).',
  })
  defaultRestriction?: Restriction | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Users see, and may choose, the restriction when creating a transaction (among the organization's enabled options).",
  })
  displayRestrictionField?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'HUD 2.01.3 Victim service provider (VAWA): never a source of information release shares, records always RESTRICTED.',
  })
  victimServiceProvider?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False deactivates the organization: nobody can log in as it; its records stay.',
  })
  active?: boolean | null;
}

@InputType({
  description: "An organization's Transaction Restriction Options; fields left out are unchanged.",
})
export class RestrictionOptionsInput {
  @Field(() => Restriction, {
    nullable: true,
    description: 'Restriction stamped on new transactions unless the user picks another enabled option.',
  })
  defaultRestriction?: Restriction | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Users see, and may choose, the restriction when creating a transaction.',
  })
  displayRestrictionField?: boolean | null;

  @Field(() => [Restriction], {
    nullable: true,
    description: 'The options users may choose (the default is always allowed).',
  })
  enabled?: Restriction[] | null;
}

@InputType({ description: 'Fields of a location; on update, fields left out are unchanged.' })
export class LocationFieldsInput extends AddressFieldsInput {
  @Field(() => String, { nullable: true, description: 'Location name (max 200); required on create.' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False deactivates the location.' })
  active?: boolean | null;
}

@InputType({
  description:
    'Fields of a program (HUD 2.02); on update, fields left out are unchanged. The owning organization cannot change.',
})
export class ProgramFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'HUD 2.02.3 Project Name (max 200); required on create.',
  })
  name?: string | null;

  @Field(() => ProjectType, { nullable: true, description: 'HUD 2.02.6 Project Type; required on create.' })
  projectType?: ProjectType | null;

  @Field(() => RrhSubType, {
    nullable: true,
    description: 'HUD 2.02 RRH Subtype: only for rapid re-housing.',
  })
  rrhSubType?: RrhSubType | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.02 ResidentialAffiliation: only for RRH: Services Only.',
  })
  residentialAffiliation?: NoYes | null;

  @Field(() => HousingType, {
    nullable: true,
    description: 'HUD 2.02 Housing Type: only for residential projects.',
  })
  housingType?: HousingType | null;

  @Field(() => TargetPopulation, { nullable: true, description: 'HUD 2.02 Target Population.' })
  targetPopulation?: TargetPopulation | null;

  @Field(() => HopwaMedAssistedLivingFac, {
    nullable: true,
    description: 'HUD 2.02 HOPWA-funded medically assisted living facility.',
  })
  hopwaMedAssistedLivingFac?: HopwaMedAssistedLivingFac | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.1 Continuum of Care code, e.g. XX-500.' })
  cocCode?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 2.02.4 Operating Start Date; required on create.',
  })
  operatingStartDate?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 2.02.5 Operating End Date (not before the start date).',
  })
  operatingEndDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False deactivates the program.' })
  active?: boolean | null;
}

@InputType({ description: 'A new program owned by an organization.' })
export class CreateProgramInput extends ProgramFieldsInput {
  @Field(() => ID, { description: 'The owning Security Organization.' })
  organizationId: string;
}

@InputType({ description: 'A new location of an organization.' })
export class CreateLocationInput extends LocationFieldsInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;
}
