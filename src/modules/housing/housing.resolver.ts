import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { LocalDate } from '../../graphql/scalars';
import { Client } from '../client/client.entity';
import { Enrollment } from '../enrollment/enrollment.entity';
import { Service } from '../transaction/service.entity';
import { Bed, BedStatus, Reservation, Stay } from './housing.entity';
import * as housing from './housing.service';
import {
  BedBoard,
  CheckInInput,
  CreateBedsInput,
  CreateFacilityInput,
  CreateReservationInput,
  Facility,
} from './housing.types';

/** A mutation's payload names its client in the request's read audit (§6). */
async function read<T extends { clientId: number }>(ctx: RequestContext, result: Promise<T>): Promise<T> {
  const record = await result;
  ctx.reads.client(record.clientId);
  return record;
}

async function readAll<T extends { clientId: number }>(
  ctx: RequestContext,
  result: Promise<T[]>,
): Promise<T[]> {
  const records = await result;
  for (const r of records) ctx.reads.client(r.clientId);
  return records;
}

/** Thin resolvers of the Housing and Reservations workspaces (access model §8). */
@Resolver()
export class HousingResolver {
  @Query(() => [Facility], {
    description: 'Shelter facilities of your organization and of those sharing with it.',
  })
  facilities(@Ctx() ctx: RequestContext) {
    return housing.listFacilities(ctx);
  }

  @Query(() => BedBoard, { description: 'The occupancy board of a facility for one night, with its counts.' })
  bedBoard(
    @Arg('facilityId', () => ID, { description: 'The facility.' }) facilityId: string,
    @Arg('night', () => LocalDate, { description: 'The night, named by its start date.' }) night: string,
    @Ctx() ctx: RequestContext,
  ) {
    return housing.bedBoard(ctx, facilityId, night);
  }

  @Query(() => [Stay], { description: 'Open stays of a facility that you can see.' })
  currentResidents(
    @Arg('facilityId', () => ID, { description: 'The facility.' }) facilityId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return housing.currentResidents(ctx, facilityId);
  }

  @Query(() => [Reservation], {
    description: 'Reservations you can see, by facility and night (at most 500).',
  })
  reservations(
    @Arg('facilityId', () => ID, { nullable: true, description: 'Only this facility.' })
    facilityId: string | null,
    @Arg('night', () => LocalDate, { nullable: true, description: 'Only reservations covering this night.' })
    night: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return housing.listReservations(ctx, facilityId, night);
  }

  @Mutation(() => Facility, {
    description: 'Create a shelter facility (a Location) of the active organization.',
  })
  createFacility(
    @Arg('input', { description: 'The facility.' }) input: CreateFacilityInput,
    @Ctx() ctx: RequestContext,
  ) {
    return housing.createFacility(ctx, input);
  }

  @Mutation(() => [Bed], {
    description: "Add beds to a facility; the program's HUD 2.07 Inventory bed count follows.",
  })
  createBeds(@Arg('input', { description: 'The beds.' }) input: CreateBedsInput, @Ctx() ctx: RequestContext) {
    return housing.createBeds(ctx, input);
  }

  @Mutation(() => Bed, { description: 'Put a bed in or out of service.' })
  setBedStatus(
    @Arg('id', () => ID, { description: 'The bed.' }) id: string,
    @Arg('status', () => BedStatus, { description: 'The new status.' }) status: BedStatus,
    @Arg('reason', () => String, { nullable: true, description: 'Why (required for OUT_OF_SERVICE).' })
    reason: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return housing.setBedStatus(ctx, id, status, reason);
  }

  @Mutation(() => Stay, {
    description:
      "Check a client into a bed for a night; records that night's HUD bed night (Services RecordType 200).",
  })
  checkIn(
    @Arg('input', { description: 'Who, which bed, which night.' }) input: CheckInInput,
    @Ctx() ctx: RequestContext,
  ) {
    return read(ctx, housing.checkIn(ctx, input));
  }

  @Mutation(() => Stay, { description: 'End a stay (not the enrollment).' })
  checkOut(
    @Arg('stayId', () => ID, { description: 'The stay.' }) stayId: string,
    @Arg('date', () => LocalDate, {
      nullable: true,
      description: 'Check-out date (the morning after the last night); default the next morning.',
    })
    date: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return read(ctx, housing.checkOut(ctx, stayId, date));
  }

  @Mutation(() => Stay, { description: 'Move an open stay to another bed of the same program (one stay).' })
  moveStay(
    @Arg('stayId', () => ID, { description: 'The stay.' }) stayId: string,
    @Arg('bedId', () => ID, { description: 'The new bed.' }) bedId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return read(ctx, housing.moveStay(ctx, stayId, bedId));
  }

  @Mutation(() => [Service], {
    description:
      'The nightly roll call: bed nights for the open stays of a facility; absent stays are checked out.',
  })
  recordBedNights(
    @Arg('facilityId', () => ID, { description: 'The facility.' }) facilityId: string,
    @Arg('night', () => LocalDate, { description: 'The night (not a future one).' }) night: string,
    @Arg('absentStayIds', () => [ID], { nullable: true, description: 'Stays whose guest did not come back.' })
    absentStayIds: string[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    return readAll(ctx, housing.recordBedNights(ctx, facilityId, night, absentStayIds));
  }

  @Mutation(() => Reservation, { description: 'Reserve a bed or a place at a facility for a client.' })
  createReservation(
    @Arg('input', { description: 'The reservation.' }) input: CreateReservationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return read(ctx, housing.createReservation(ctx, input));
  }

  @Mutation(() => Reservation, { description: 'Cancel a reservation.' })
  cancelReservation(
    @Arg('id', () => ID, { description: 'The reservation.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why.' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return read(ctx, housing.cancelReservation(ctx, id, reason));
  }

  @Mutation(() => Stay, {
    description: "Check a reservation's client in tonight, keeping the reservation's bed.",
  })
  checkInReservation(
    @Arg('id', () => ID, { description: 'The reservation.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return read(ctx, housing.checkInReservation(ctx, id));
  }
}

@Resolver(() => Stay)
export class StayFieldsResolver {
  @FieldResolver(() => Bed, { nullable: true, description: 'The bed of the stay.' })
  bed(@Root() stay: Stay, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(Bed).findOneBy({ id: stay.bedId });
  }

  @FieldResolver(() => Client, { nullable: true, description: 'The client, when visible to you.' })
  client(@Root() stay: Stay, @Ctx() ctx: RequestContext) {
    return ctx.loaders.client.load(stay.clientId);
  }

  @FieldResolver(() => Enrollment, { nullable: true, description: 'The enrollment, when visible to you.' })
  enrollment(@Root() stay: Stay, @Ctx() ctx: RequestContext) {
    return ctx.loaders.enrollment.load(stay.enrollmentId);
  }
}

@Resolver(() => Reservation)
export class ReservationFieldsResolver {
  @FieldResolver(() => Bed, {
    nullable: true,
    description: 'The reserved bed; null for a place at the facility.',
  })
  bed(@Root() r: Reservation, @Ctx() ctx: RequestContext) {
    return r.bedId ? ctx.ds.getRepository(Bed).findOneBy({ id: r.bedId }) : null;
  }

  @FieldResolver(() => Client, { nullable: true, description: 'The client, when visible to you.' })
  client(@Root() r: Reservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.client.load(r.clientId);
  }
}
