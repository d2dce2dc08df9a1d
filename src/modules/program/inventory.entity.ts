import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { LocalDate } from '../../graphql/scalars';
import { BedType, HouseholdType, InventoryAvailability } from '../../hud';
import { ProjectSetupRecord } from './project-setup.base';

/** HUD 2.07 Bed and Unit Inventory of a residential program. */
@ObjectType({
  simpleResolvers: true,
  description: 'Bed and unit inventory of a program (HUD 2.07 Bed and Unit Inventory Information).',
})
@Entity()
export class Inventory extends ProjectSetupRecord {
  @Field(() => String, { description: 'HUD 2.07.1 Continuum of Care code.' })
  @Column({ type: 'varchar', length: 6 })
  cocCode: string;

  @Field(() => HouseholdType, { description: 'HUD 2.07.4 Household Type.' })
  @Column({ type: 'smallint' })
  householdType: HouseholdType;

  @Field(() => BedType, { nullable: true, description: 'HUD 2.07.5 Bed Type (emergency shelters).' })
  @Column({ type: 'smallint', nullable: true })
  bedType: BedType | null;

  @Field(() => InventoryAvailability, {
    nullable: true,
    description: 'HUD 2.07.6 Availability (emergency shelters).',
  })
  @Column({ type: 'smallint', nullable: true })
  availability: InventoryAvailability | null;

  @Field(() => Int, { description: 'HUD 2.07.7 Unit Inventory.' })
  @Column({ type: 'int' })
  unitInventory: number;

  @Field(() => Int, { description: 'HUD 2.07.8 Bed Inventory.' })
  @Column({ type: 'int' })
  bedInventory: number;

  @Field(() => Int, {
    description:
      'HUD 2.07 Bed and Unit Inventory, dedicated beds (CHVetBedInventory): beds dedicated to chronically homeless veterans.',
  })
  @Column({ type: 'int', default: 0 })
  chVetBedInventory: number;

  @Field(() => Int, {
    description:
      'HUD 2.07 Bed and Unit Inventory, dedicated beds (YouthVetBedInventory): beds dedicated to youth veterans.',
  })
  @Column({ type: 'int', default: 0 })
  youthVetBedInventory: number;

  @Field(() => Int, {
    description:
      'HUD 2.07 Bed and Unit Inventory, dedicated beds (VetBedInventory): beds dedicated to other veterans.',
  })
  @Column({ type: 'int', default: 0 })
  vetBedInventory: number;

  @Field(() => Int, {
    description:
      'HUD 2.07 Bed and Unit Inventory, dedicated beds (CHYouthBedInventory): beds dedicated to chronically homeless youth.',
  })
  @Column({ type: 'int', default: 0 })
  chYouthBedInventory: number;

  @Field(() => Int, {
    description:
      'HUD 2.07 Bed and Unit Inventory, dedicated beds (YouthBedInventory): beds dedicated to other youth.',
  })
  @Column({ type: 'int', default: 0 })
  youthBedInventory: number;

  @Field(() => Int, {
    description:
      'HUD 2.07 Bed and Unit Inventory, dedicated beds (CHBedInventory): beds dedicated to other chronically homeless persons.',
  })
  @Column({ type: 'int', default: 0 })
  chBedInventory: number;

  @Field(() => Int, {
    description:
      'HUD 2.07 Bed and Unit Inventory, dedicated beds (OtherBedInventory): beds not dedicated to a subpopulation.',
  })
  @Column({ type: 'int', default: 0 })
  otherBedInventory: number;

  @Field(() => LocalDate, { description: 'HUD 2.07.2 Inventory Start Date.' })
  @Column({ type: 'date' })
  inventoryStartDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.07.3 Inventory End Date.' })
  @Column({ type: 'date', nullable: true })
  inventoryEndDate: string | null;
}
