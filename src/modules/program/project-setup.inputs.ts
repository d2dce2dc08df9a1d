import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../graphql/scalars';
import {
  BedType,
  FunderSource,
  GeographyType,
  HmisParticipationType,
  HouseholdType,
  InventoryAvailability,
  NoYes,
} from '../../hud';

@InputType({
  description: 'HUD 2.03 Continuum of Care Information of a program. An update replaces every field.',
})
export class ProjectCocInput {
  @Field({ description: 'HUD 2.03.1 Continuum of Care Code, e.g. XX-500.' })
  cocCode: string;

  @Field({ description: 'HUD 2.03.2 Geocode: six digits.' })
  geocode: string;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 Address1 (max 100).' })
  address1?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 Address2 (max 100).' })
  address2?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 City (max 50).' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 State: two capital letters.' })
  state?: string | null;

  @Field(() => String, { nullable: true, description: 'HUD 2.03.3 ZIP: five digits.' })
  zip?: string | null;

  @Field(() => GeographyType, { nullable: true, description: 'HUD 2.03.4 Geography Type.' })
  geographyType?: GeographyType | null;
}

@InputType({ description: 'HUD 2.06 Funding Source of a program. An update replaces every field.' })
export class FunderInput {
  @Field(() => FunderSource, { description: 'HUD 2.06.1 Funding Source.' })
  funder: FunderSource;

  @Field(() => String, {
    nullable: true,
    description: 'HUD 2.06.A Other Funder (max 100): required with funding source 46, refused otherwise.',
  })
  otherFunder?: string | null;

  @Field({ description: 'HUD 2.06.2 Grant Identifier (max 100).' })
  grantId: string;

  @Field(() => LocalDate, { description: 'HUD 2.06.3 Grant Start Date.' })
  startDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.06.4 Grant End Date: not before the start.' })
  endDate?: string | null;
}

@InputType({ description: 'HUD 2.07 Bed and Unit Inventory of a program. An update replaces every field.' })
export class InventoryInput {
  @Field({ description: 'HUD 2.07.1 Continuum of Care Code, e.g. XX-500.' })
  cocCode: string;

  @Field(() => HouseholdType, { description: 'HUD 2.07.4 Household Type.' })
  householdType: HouseholdType;

  @Field(() => BedType, {
    nullable: true,
    description: 'HUD 2.07.5 Bed Type (ESBedType; emergency shelters).',
  })
  bedType?: BedType | null;

  @Field(() => InventoryAvailability, {
    nullable: true,
    description: 'HUD 2.07.6 Availability (emergency shelters).',
  })
  availability?: InventoryAvailability | null;

  @Field(() => Int, { description: 'HUD 2.07.7 Unit Inventory (0 or more).' })
  unitInventory: number;

  @Field(() => Int, { description: 'HUD 2.07.8 Bed Inventory (0 or more).' })
  bedInventory: number;

  @Field(() => Int, { nullable: true, description: 'HUD 2.07 CHVetBedInventory (default 0).' })
  chVetBedInventory?: number | null;

  @Field(() => Int, { nullable: true, description: 'HUD 2.07 YouthVetBedInventory (default 0).' })
  youthVetBedInventory?: number | null;

  @Field(() => Int, { nullable: true, description: 'HUD 2.07 VetBedInventory (default 0).' })
  vetBedInventory?: number | null;

  @Field(() => Int, { nullable: true, description: 'HUD 2.07 CHYouthBedInventory (default 0).' })
  chYouthBedInventory?: number | null;

  @Field(() => Int, { nullable: true, description: 'HUD 2.07 YouthBedInventory (default 0).' })
  youthBedInventory?: number | null;

  @Field(() => Int, { nullable: true, description: 'HUD 2.07 CHBedInventory (default 0).' })
  chBedInventory?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'HUD 2.07 OtherBedInventory: default the beds not dedicated above; all dedicated and other beds add up to the bed inventory.',
  })
  otherBedInventory?: number | null;

  @Field(() => LocalDate, { description: 'HUD 2.07.2 Inventory Start Date.' })
  inventoryStartDate: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'HUD 2.07.3 Inventory End Date: not before the start.',
  })
  inventoryEndDate?: string | null;
}

@InputType({
  description: 'HUD 2.02 residential affiliation of a program. An update replaces every field.',
})
export class AffiliationInput {
  @Field(() => ID, { description: 'HUD ResProjectID: the residential program (another program).' })
  resProgramId: string;
}

@InputType({
  description: 'HUD 2.08 HMIS Participation Status of a program. An update replaces every field.',
})
export class HmisParticipationInput {
  @Field(() => HmisParticipationType, { description: 'HUD 2.08.1 HMIS Participation Type.' })
  hmisParticipationType: HmisParticipationType;

  @Field(() => LocalDate, { description: 'HUD 2.08.2 Participation Status Start Date.' })
  hmisParticipationStatusStartDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.08.3 Participation Status End Date.' })
  hmisParticipationStatusEndDate?: string | null;
}

@InputType({ description: 'HUD 2.09 CE Participation Status of a program. An update replaces every field.' })
export class CeParticipationInput {
  @Field(() => NoYes, { description: 'HUD 2.09 Access Point.' })
  accessPoint: NoYes;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 Prevention Assessment: required for an access point, refused otherwise.',
  })
  preventionAssessment?: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 Crisis Assessment: required for an access point, refused otherwise.',
  })
  crisisAssessment?: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 Housing Assessment: required for an access point, refused otherwise.',
  })
  housingAssessment?: NoYes | null;

  @Field(() => NoYes, {
    nullable: true,
    description: 'HUD 2.09 Direct Services: required for an access point, refused otherwise.',
  })
  directServices?: NoYes | null;

  @Field(() => NoYes, { description: 'HUD 2.09 Receives Referrals.' })
  receivesReferrals: NoYes;

  @Field(() => LocalDate, { description: 'HUD 2.09 CE Participation Status Start Date.' })
  ceParticipationStatusStartDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.09 CE Participation Status End Date.' })
  ceParticipationStatusEndDate?: string | null;
}
