import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../graphql/scalars';
import { BedType } from '../../hud';
import { Restriction } from '../../access/restriction';
import { Client } from '../client/client.entity';
import { Bed, NightCounts, Reservation, Stay } from './housing.entity';

export enum BedState {
  FREE = 'FREE',
  HELD = 'HELD',
  OCCUPIED = 'OCCUPIED',
  OUT_OF_SERVICE = 'OUT_OF_SERVICE',
}

registerEnumType(BedState, {
  name: 'BedState',
  description: 'The state of a bed on one night.',
  valuesConfig: {
    FREE: { description: 'In service, nobody in it, no reservation holding it.' },
    HELD: { description: 'Held by an active reservation until the facility hold time.' },
    OCCUPIED: { description: 'A guest has (or had) it that night.' },
    OUT_OF_SERVICE: { description: 'Out of service.' },
  },
});

/** A shelter facility: an organization's Location with facility fields (one entity). */
@ObjectType({
  description: 'A shelter facility: a Location of an organization that has beds.',
})
export class Facility {
  @Field(() => ID, { description: 'The Location id.' })
  id: number;

  @Field({ description: 'Facility name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Opening hours as shown to staff.' })
  hours: string | null;

  @Field(() => String, { nullable: true, description: 'Check-in time, HH:MM.' })
  checkInTime: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Until when reservations hold their beds each night, HH:MM.',
  })
  holdTime: string | null;

  organizationId: number;
}

@ObjectType({ description: 'One bed on the occupancy board of a night.' })
export class BedBoardEntry {
  @Field(() => Bed, { description: 'The bed.' })
  bed: Bed;

  @Field(() => BedState, { description: 'FREE, HELD, OCCUPIED or OUT_OF_SERVICE that night.' })
  state: BedState;

  @Field(() => Stay, {
    nullable: true,
    description: 'The stay occupying the bed, only when both the stay and its client are visible to you.',
  })
  stay: Stay | null;

  @Field(() => Reservation, {
    nullable: true,
    description: 'The reservation holding the bed, only when both it and its client are visible to you.',
  })
  reservation: Reservation | null;

  @Field(() => Client, {
    nullable: true,
    description:
      'Who sleeps (or is expected) there, only where the client and the stay or reservation are visible to you; its fields follow your field rules.',
  })
  client: Client | null;
}

@ObjectType({ description: 'The occupancy board of a facility for one night.' })
export class BedBoard {
  @Field(() => Facility, { description: 'The facility.' })
  facility: Facility;

  @Field(() => LocalDate, { description: 'The night, named by its start date.' })
  night: string;

  @Field(() => NightCounts, {
    description: 'Capacity, occupied, held, free and out-of-service beds that night.',
  })
  counts: NightCounts;

  @Field(() => [BedBoardEntry], { description: 'Every bed of the facility, by label.' })
  beds: BedBoardEntry[];
}

@InputType({ description: 'A new shelter facility (a Location of an organization).' })
export class CreateFacilityInput {
  @Field(() => ID, { description: 'The organization whose location (site) the facility is.' })
  organizationId: string;

  @Field({ description: 'Facility name (max 200).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Street address (HUD 2.03.3 Address1).' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'City (HUD 2.03.3 City).' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'State (HUD 2.03.3 State), two letters.' })
  state?: string | null;

  @Field(() => String, { nullable: true, description: 'ZIP code (HUD 2.03.3 ZIP).' })
  zip?: string | null;

  @Field(() => String, { nullable: true, description: 'Opening hours as shown to staff (max 100).' })
  hours?: string | null;

  @Field(() => String, { nullable: true, description: 'Check-in time, HH:MM.' })
  checkInTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hold time of reservations, HH:MM, within the night (not before NIGHT_STARTS_AT).',
  })
  holdTime?: string | null;
}

@InputType({ description: 'Beds to add to a facility, all in one residential program.' })
export class CreateBedsInput {
  @Field(() => ID, { description: 'The facility (Location) id.' })
  facilityId: string;

  @Field(() => ID, { description: 'The residential program (HUD 2.02) the beds belong to.' })
  programId: string;

  @Field(() => [String], { description: 'Labels of the new beds, unique within the facility.' })
  labels: string[];

  @Field(() => String, { nullable: true, description: 'Room or dormitory.' })
  room?: string | null;

  @Field(() => BedType, { nullable: true, description: 'HUD 2.07.5 Bed Type; default facility-based.' })
  bedType?: BedType | null;

  @Field({ nullable: true, description: 'Accessible beds.' })
  accessible?: boolean;
}

@InputType({ description: 'A check-in of a client into a bed for a night.' })
export class CheckInInput {
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field(() => ID, { description: 'The bed.' })
  bedId: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The night (its start date); default the current night (before NIGHT_STARTS_AT: the previous one).',
  })
  night?: string | null;

  @Field(() => Restriction, {
    nullable: true,
    description: "Restriction of the stay and bed night; default the organization's.",
  })
  restriction?: Restriction | null;
}

@InputType({ description: 'A reservation of a bed or a place at a facility.' })
export class CreateReservationInput {
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field(() => ID, { description: 'The facility (Location) id.' })
  facilityId: string;

  @Field(() => ID, { nullable: true, description: 'A bed of the facility; none: a place at the facility.' })
  bedId?: string | null;

  @Field(() => LocalDate, { description: 'The first night.' })
  firstNight: string;

  @Field(() => LocalDate, { nullable: true, description: 'The last night; default the first.' })
  lastNight?: string | null;

  @Field(() => Restriction, { nullable: true, description: "Restriction; default the organization's." })
  restriction?: Restriction | null;
}
