import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from '../../graphql/scalars';
import { BedType, HouseholdType, InventoryAvailability } from '../../hud';

/** HUD 2.07 Bed and Unit Inventory of a residential program. */
@ObjectType({
  description: 'Bed and unit inventory of a program (HUD 2.07 Bed and Unit Inventory Information).',
})
@Entity()
export class Inventory {
  @Field(() => ID, { description: 'Waypoint identifier (HUD InventoryID).' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  programId: number;

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

  @Field(() => LocalDate, { description: 'HUD 2.07.2 Inventory Start Date.' })
  @Column({ type: 'date' })
  inventoryStartDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'HUD 2.07.3 Inventory End Date.' })
  @Column({ type: 'date', nullable: true })
  inventoryEndDate: string | null;
}
