/**
 * Shelter beds, stays, bed nights and reservations (access model §8, issue 13).
 *
 * A bed holds one client a night: the bed_night table has unique indexes on (bed, night) and
 * (client, night), so concurrent check-ins of the same bed and night give one success and
 * CONFLICTs, whatever the interleaving. Each bed_night row carries its HUD bed-night service
 * (Services RecordType 200), written in the same transaction: bed nights = stay nights.
 */
import { randomBytes } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { findVisible } from '../../access/find-visible';
import { refreshClientReach } from '../../access/reach';
import type { Restriction } from '../../access/restriction';
import {
  clientVisibility,
  programVisibility,
  transactionVisibility,
  type VisibilityScope,
} from '../../access/visibility';
import { assertProgramOfActiveOrg, decideRestriction } from '../../access/write-rules';
import { hydrate } from '../../database/hydrate';
import { addDays } from '../../database/sql-time';
import { writeTransaction } from '../../database/transactions';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { optionalText, requiredId, requiredText } from '../../graphql/validate';
import { ProjectType, RelationshipToHoH, ServiceRecordType } from '../../hud';
import { recordChange } from '../audit/audit.service';
import { Client } from '../client/client.entity';
import { Enrollment } from '../enrollment/enrollment.entity';
import { Location } from '../organization/location.entity';
import { Organization } from '../organization/organization.entity';
import { Program } from '../program/program.entity';
import { Service } from '../transaction/service.entity';
import { Bed, BedNight, BedStatus, Reservation, ReservationStatus, Stay } from './housing.entity';
import {
  BedBoard,
  BedBoardEntry,
  BedState,
  type CheckInInput,
  type CreateBedsInput,
  type CreateFacilityInput,
  type CreateReservationInput,
  type Facility,
} from './housing.types';
import { holdsOn, isTimeOfDay, nightOf, nightStartsAt } from './nights';

export const BED_NIGHT_TYPE = 200;
const SHELTER_TYPES = new Set([
  ProjectType.EMERGENCY_SHELTER_ENTRY_EXIT,
  ProjectType.EMERGENCY_SHELTER_NIGHT_BY_NIGHT,
]);
/** The message runTransaction gives a violated bed_night (bed, night) index (UNIQUE_RULES). */
export const BED_TAKEN_RULE = 'This bed is taken for this night by another guest';

function ownOrg(access: AccessContext): number {
  return access.organizationId as number;
}

function nightWords(night: string): string {
  return night === nightOf() ? 'tonight' : `on the night of ${night}`;
}

function bedTaken(label: string, night: string): GraphQLError {
  return appError(
    'CONFLICT',
    `Bed ${label} is taken ${nightWords(night)} by another guest: choose another bed.`,
  );
}

function checkNight(field: string, night: string): void {
  if (night > nightOf())
    throw badInput(
      field,
      `${night} has not started yet: bed nights are recorded on the night, never in advance`,
    );
}

export function toFacility(l: Location): Facility {
  return {
    id: l.id,
    name: l.name,
    hours: l.hours,
    checkInTime: l.checkInTime,
    holdTime: l.holdTime,
    organizationId: l.organizationId,
  };
}

/** A facility visible as programs are (§8: own, and those of organizations sharing with the active one). */
async function visibleFacility(
  m: EntityManager,
  access: AccessContext,
  idArg: string,
  field: string,
): Promise<Location> {
  const id = requiredId(field, idArg);
  const shares = access.scope.sharingOrganizationIds;
  const rows: Record<string, unknown>[] = await m.query(BOARD_SQL.facility([ownOrg(access), ...shares]), [
    id,
  ]);
  if (!rows[0]) throw badInput(field, 'no facility with this id');
  return hydrate(m.connection, Location, rows[0]);
}

/** A facility of the active organization (for changes). */
async function ownFacility(
  m: EntityManager,
  access: AccessContext,
  idArg: string,
  field: string,
): Promise<Location> {
  const facility = await visibleFacility(m, access, idArg, field);
  if (facility.organizationId !== ownOrg(access))
    throw badInput(
      field,
      'this facility belongs to another organization: select that organization to work there',
    );
  return facility;
}

async function ownBed(m: EntityManager, access: AccessContext, idArg: string, field: string): Promise<Bed> {
  const id = requiredId(field, idArg);
  const bed = await m.getRepository(Bed).findOneBy({ id });
  if (!bed || bed.organizationId !== ownOrg(access))
    throw badInput(field, 'no bed with this id in a facility of your active organization');
  return bed;
}

async function visibleClient(
  m: EntityManager,
  access: AccessContext,
  idArg: string,
  field: string,
): Promise<Client> {
  const client = await findVisible(m, Client, requiredId(field, idArg), access.scope);
  if (!client) throw badInput(field, 'no client with this id');
  return client;
}

// ---------------------------------------------------------------- setup

export async function listFacilities(ctx: RequestContext): Promise<Facility[]> {
  const access = readyAccess(ctx);
  const orgs = [ownOrg(access), ...access.scope.sharingOrganizationIds].join(', ');
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT l.* FROM location l WHERE l.is_facility = 1 AND l.active = 1 AND l.organization_id IN (${orgs}) ORDER BY l.name, l.id`,
  );
  return rows.map((r) => toFacility(hydrate(ctx.ds, Location, r)));
}

function checkTime(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isTimeOfDay(value)) throw badInput(field, 'give a time of day as HH:MM, e.g. 19:00');
  return value;
}

/** A facility is an organization's Location with facility fields (setup data, setup:admin). */
export async function createFacility(ctx: RequestContext, input: CreateFacilityInput): Promise<Facility> {
  const holdTime = checkTime('input.holdTime', input.holdTime);
  if (holdTime && holdTime < nightStartsAt())
    throw badInput(
      'input.holdTime',
      `a hold time must fall within the evening of the night (the night starts at ${nightStartsAt()})`,
    );
  const values = {
    name: requiredText('input.name', input.name, 200),
    address: optionalText('input.address', input.address, 200),
    city: optionalText('input.city', input.city, 100),
    state: optionalText('input.state', input.state, 2),
    zip: optionalText('input.zip', input.zip, 10),
    hours: optionalText('input.hours', input.hours, 100),
    checkInTime: checkTime('input.checkInTime', input.checkInTime),
    holdTime,
    isFacility: true,
    active: true,
  };
  return writeTransaction(ctx.ds, async (m) => {
    const org = await m
      .getRepository(Organization)
      .findOneBy({ id: requiredId('input.organizationId', input.organizationId) });
    if (!org) throw badInput('input.organizationId', 'no organization with this id');
    const saved = await m
      .getRepository(Location)
      .save(m.getRepository(Location).create({ ...values, organizationId: org.id }));
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createFacility',
      entityType: 'Location',
      entityId: saved.id,
      clientId: null,
      before: null,
      after: saved,
    });
    return toFacility(saved);
  });
}

/**
 * The beds of a program that its HUD 2.07 Inventory in force counts: one Inventory, not two.
 * Adding beds raises the program's current Inventory bed count by as many, in the same change.
 */
export async function createBeds(ctx: RequestContext, input: CreateBedsInput): Promise<Bed[]> {
  const labels = input.labels.map((l, i) => requiredText(`input.labels[${i}]`, l, 40));
  if (!labels.length) throw badInput('input.labels', 'give at least one bed label');
  if (new Set(labels).size !== labels.length) throw badInput('input.labels', 'each label may appear once');
  return writeTransaction(ctx.ds, async (m) => {
    // Setup data (setup:admin): any organization's facility; its beds belong to that organization's program.
    const facility = await m
      .getRepository(Location)
      .findOneBy({ id: requiredId('input.facilityId', input.facilityId), isFacility: true });
    if (!facility) throw badInput('input.facilityId', 'no facility with this id');
    const programId = requiredId('input.programId', input.programId);
    const program = await m.getRepository(Program).findOneBy({ id: programId });
    if (!program || program.organizationId !== facility.organizationId)
      throw badInput('input.programId', "no program with this id at the facility's organization");
    if (!SHELTER_TYPES.has(program.projectType))
      throw badInput(
        'input.programId',
        'beds belong to an emergency shelter program (HUD project type 0 or 1)',
      );
    const repo = m.getRepository(Bed);
    const beds = await repo.save(
      labels.map((label) =>
        repo.create({
          organizationId: facility.organizationId,
          locationId: facility.id,
          programId,
          label,
          room: optionalText('input.room', input.room, 60),
          bedType: input.bedType ?? 1,
          accessible: input.accessible ?? false,
          status: BedStatus.AVAILABLE,
          statusReason: null,
        }),
      ),
    );
    await syncInventory(m, programId, labels.length);
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createBeds',
      entityType: 'Bed',
      entityId: beds[0].id,
      clientId: null,
      before: null,
      after: { facilityId: facility.id, programId, labels },
    });
    return beds;
  });
}

/** Adds `added` beds to the program's Inventory in force (the open one with the latest start). */
async function syncInventory(m: EntityManager, programId: number, added: number): Promise<void> {
  const [current] = await m.query(
    `SELECT id FROM inventory WHERE program_id = ? AND inventory_end_date IS NULL ORDER BY inventory_start_date DESC, id DESC LIMIT 1`,
    [programId],
  );
  if (!current)
    throw badInput(
      'input.programId',
      'this program has no HUD Inventory in force (2.07): add its Inventory record first, so the bed count can follow the beds',
    );
  await m.query(`UPDATE inventory SET bed_inventory = bed_inventory + ? WHERE id = ?`, [added, current.id]);
}

export async function setBedStatus(
  ctx: RequestContext,
  idArg: string,
  status: BedStatus,
  reason: string | null | undefined,
): Promise<Bed> {
  const access = readyAccess(ctx);
  return writeTransaction(ctx.ds, async (m) => {
    const bed = await ownBed(m, access, idArg, 'id');
    const statusReason = status === BedStatus.OUT_OF_SERVICE ? optionalText('reason', reason, 200) : null;
    if (status === BedStatus.OUT_OF_SERVICE && !statusReason)
      throw badInput('reason', 'say why the bed is out of service');
    if (status === BedStatus.OUT_OF_SERVICE) {
      const [open] = await m.query(
        `SELECT id FROM stay WHERE bed_id = ? AND last_night IS NULL AND date_deleted IS NULL LIMIT 1`,
        [bed.id],
      );
      if (open)
        throw appError('CONFLICT', `Bed ${bed.label} is occupied: move or check out its guest first.`);
    }
    const before = { ...bed };
    bed.status = status;
    bed.statusReason = statusReason;
    const saved = await m.getRepository(Bed).save(bed);
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'setBedStatus',
      entityType: 'Bed',
      entityId: bed.id,
      clientId: null,
      before,
      after: saved,
    });
    return saved;
  });
}

// ---------------------------------------------------------------- check-in

/** Runs a write; a violated (bed, night) index becomes the desk worker's message with the bed label. */
async function bedWrite<T>(
  ctx: RequestContext,
  label: () => string | null,
  night: () => string | null,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await writeTransaction(ctx.ds, work);
  } catch (err) {
    const e = err as GraphQLError;
    const l = label();
    const n = night();
    if (e?.extensions?.code === 'CONFLICT' && e.message.startsWith(BED_TAKEN_RULE) && l && n)
      throw bedTaken(l, n);
    throw err;
  }
}

interface BedNightParts {
  stay: Stay;
  enrollment: Enrollment;
  bedId: number;
  night: string;
  access: AccessContext | null;
}

/** The night's HUD bed-night service and occupancy row, in the caller's transaction. */
export async function addBedNight(
  m: EntityManager,
  ctx: Pick<RequestContext, 'access' | 'requestId'>,
  p: BedNightParts,
  operation: string,
): Promise<Service> {
  const repo = m.getRepository(Service);
  // A bed night already typed in as a service of the enrollment for that night is the night's
  // bed night: linked, not doubled (HUD counts one bed night per client and night).
  const [typed]: { id: number }[] = await m.query(
    `SELECT sv.id FROM service sv WHERE sv.enrollment_id = ? AND sv.date_provided = ? AND sv.record_type = ${ServiceRecordType.BED_NIGHT}
       AND sv.type_provided = ${BED_NIGHT_TYPE} AND sv.date_deleted IS NULL
       AND NOT EXISTS (SELECT 1 FROM bed_night b WHERE b.service_id = sv.id) ORDER BY sv.id LIMIT 1`,
    [p.enrollment.id, p.night],
  );
  const existing = typed ? await repo.findOneByOrFail({ id: Number(typed.id) }) : null;
  const service =
    existing ??
    (await repo.save(
      repo.create({
        enrollmentId: p.enrollment.id,
        clientId: p.stay.clientId,
        organizationId: p.stay.organizationId,
        restriction: p.stay.restriction,
        createdById: p.access?.userId ?? null,
        updatedById: p.access?.userId ?? null,
        dateDeleted: null,
        dateProvided: p.night,
        recordType: ServiceRecordType.BED_NIGHT,
        typeProvided: BED_NIGHT_TYPE,
        otherTypeProvided: null,
      }),
    ));
  await m.getRepository(BedNight).insert({
    stayId: p.stay.id,
    bedId: p.bedId,
    clientId: p.stay.clientId,
    night: p.night,
    serviceId: service.id,
  });
  if (!existing)
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation,
      entityType: 'Service',
      entityId: service.id,
      clientId: service.clientId,
      before: null,
      after: service,
    });
  return service;
}

/** Whether another stay occupies the bed on the night (its bed night, or an open stay that began before). */
async function bedOccupied(
  m: EntityManager,
  bedId: number,
  night: string,
  exceptStayId = 0,
): Promise<boolean> {
  const rows = await m.query(
    `SELECT 1 AS x FROM bed_night WHERE bed_id = ? AND night = ? AND stay_id <> ?
     UNION ALL SELECT 1 FROM stay WHERE bed_id = ? AND last_night IS NULL AND first_night <= ? AND date_deleted IS NULL AND id <> ?`,
    [bedId, night, exceptStayId, bedId, night, exceptStayId],
  );
  return rows.length > 0;
}

/** An ACTIVE reservation of another client holding the bed that night. */
async function bedHeldForOther(
  m: EntityManager,
  bed: Bed,
  night: string,
  clientId: number,
  holdTime: string | null,
): Promise<boolean> {
  const rows: { first_night: string }[] = await m.query(
    `SELECT first_night FROM reservation WHERE bed_id = ? AND status = 'ACTIVE' AND date_deleted IS NULL
       AND first_night <= ? AND last_night >= ? AND client_id <> ?`,
    [bed.id, night, night, clientId],
  );
  return rows.length > 0 && holdsOn(night, holdTime);
}

interface CheckInRequest {
  clientId: string;
  bed: Bed;
  night: string;
  restriction?: Restriction | null;
  reservation?: Reservation;
}

async function checkInWithin(m: EntityManager, ctx: RequestContext, req: CheckInRequest): Promise<Stay> {
  const access = readyAccess(ctx);
  const { bed, night } = req;
  const client = await visibleClient(m, access, req.clientId, 'input.clientId');
  if (bed.status === BedStatus.OUT_OF_SERVICE)
    throw appError(
      'CONFLICT',
      `Bed ${bed.label} is out of service (${bed.statusReason ?? 'no reason given'}): choose another bed.`,
    );
  const program = await m.getRepository(Program).findOneByOrFail({ id: bed.programId });
  const org = await assertProgramOfActiveOrg(m, access, program);
  if (night < program.operatingStartDate)
    throw badInput(
      'input.night',
      `${program.name} opened on ${program.operatingStartDate}: choose a later night`,
    );
  if (program.operatingEndDate && night > program.operatingEndDate)
    throw badInput('input.night', `${program.name} closed on ${program.operatingEndDate}`);
  if (client.dob && night < client.dob)
    throw badInput('input.night', "the night is before the client's date of birth: check the night");
  const facility = await m.getRepository(Location).findOneByOrFail({ id: bed.locationId });
  if (await bedOccupied(m, bed.id, night)) throw bedTaken(bed.label, night);
  if (!req.reservation && (await bedHeldForOther(m, bed, night, client.id, facility.holdTime)))
    throw appError(
      'CONFLICT',
      `Bed ${bed.label} is held for a reservation ${nightWords(night)}: choose another bed, or check the reservation in.`,
    );
  // Overlapping stays of the same client (whatever organization holds them; the message names nobody).
  const [overlap] = await m.query(
    `SELECT 1 AS x FROM stay WHERE client_id = ? AND date_deleted IS NULL AND first_night <= ? AND (last_night IS NULL OR last_night >= ?) LIMIT 1`,
    [client.id, night, night],
  );
  if (overlap)
    throw appError(
      'CONFLICT',
      'This client already has a stay for this night: check it out or move it to another bed instead.',
    );

  let enrollment = await openEnrollment(m, access, program.id, client.id, night);
  if (!enrollment) {
    if (program.projectType !== ProjectType.EMERGENCY_SHELTER_NIGHT_BY_NIGHT)
      throw badInput(
        'input.clientId',
        `the client has no open enrollment in ${program.name} on ${night}: enroll the client first (entry/exit shelter)`,
      );
    enrollment = await enrollNightByNight(
      m,
      ctx,
      program,
      client.id,
      night,
      await decideRestriction(m, org, req.restriction),
    );
  }
  const restriction = await decideRestriction(m, org, req.restriction);
  const stays = m.getRepository(Stay);
  const stay = await stays.save(
    stays.create({
      organizationId: program.organizationId,
      clientId: client.id,
      restriction,
      enrollmentId: enrollment.id,
      locationId: bed.locationId,
      bedId: bed.id,
      firstNight: night,
      lastNight: null,
      checkOutDate: null,
      createdById: access.userId,
      updatedById: access.userId,
      dateDeleted: null,
    }),
  );
  await recordChange(m, ctx, {
    action: 'CREATE',
    operation: req.reservation ? 'checkInReservation' : 'checkIn',
    entityType: 'Stay',
    entityId: stay.id,
    clientId: client.id,
    before: null,
    after: stay,
  });
  await addBedNight(
    m,
    ctx,
    { stay, enrollment, bedId: bed.id, night, access },
    req.reservation ? 'checkInReservation' : 'checkIn',
  );
  await refreshClientReach(m, [client.id]);
  return stay;
}

/** The client's enrollment in the program that is open on the night and visible to the caller. */
async function openEnrollment(
  m: EntityManager,
  access: AccessContext,
  programId: number,
  clientId: number,
  night: string,
): Promise<Enrollment | null> {
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT e.* FROM enrollment e WHERE e.program_id = ? AND e.client_id = ? AND e.entry_date <= ?
       AND ${transactionVisibility('e', access.scope)}
       AND NOT EXISTS (SELECT 1 FROM enrollment_exit x WHERE x.enrollment_id = e.id AND x.date_deleted IS NULL AND x.exit_date <= ?)
     ORDER BY e.entry_date DESC, e.id DESC LIMIT 1`,
    [programId, clientId, night, night],
  );
  return rows[0] ? hydrate(m.connection, Enrollment, rows[0]) : null;
}

/** HUD project type 1: the first check-in enrolls the client, project start date = the night. */
async function enrollNightByNight(
  m: EntityManager,
  ctx: RequestContext,
  program: Program,
  clientId: number,
  night: string,
  restriction: Restriction,
): Promise<Enrollment> {
  const access = readyAccess(ctx);
  const repo = m.getRepository(Enrollment);
  const enrollment = await repo.save(
    repo.create({
      organizationId: program.organizationId,
      clientId,
      restriction,
      programId: program.id,
      entryDate: night,
      householdId: randomBytes(8).toString('hex'),
      relationshipToHoH: RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD,
      enrollmentCoc: program.cocCode,
      createdById: access.userId,
      updatedById: access.userId,
      dateDeleted: null,
    }),
  );
  await recordChange(m, ctx, {
    action: 'CREATE',
    operation: 'checkIn',
    entityType: 'Enrollment',
    entityId: enrollment.id,
    clientId,
    before: null,
    after: enrollment,
  });
  return enrollment;
}

export async function checkIn(ctx: RequestContext, input: CheckInInput): Promise<Stay> {
  const access = readyAccess(ctx);
  const night = input.night ?? nightOf();
  checkNight('input.night', night);
  let label: string | null = null;
  return bedWrite(
    ctx,
    () => label,
    () => night,
    async (m) => {
      const bed = await ownBed(m, access, input.bedId, 'input.bedId');
      label = bed.label;
      return checkInWithin(m, ctx, { clientId: input.clientId, bed, night, restriction: input.restriction });
    },
  );
}

async function visibleStay(
  m: EntityManager,
  access: AccessContext,
  idArg: string,
  field: string,
): Promise<Stay> {
  const stay = await findVisible(m, Stay, requiredId(field, idArg), access.scope);
  if (!stay) throw badInput(field, 'no stay with this id');
  if (stay.organizationId !== ownOrg(access))
    throw badInput(field, 'this stay belongs to another organization: select that organization to change it');
  return stay;
}

/** Ends the stay (not the enrollment): the last night is the night before the check-out date. */
export async function checkOut(
  ctx: RequestContext,
  stayIdArg: string,
  date: string | null | undefined,
): Promise<Stay> {
  const access = readyAccess(ctx);
  return writeTransaction(ctx.ds, async (m) => {
    const stay = await visibleStay(m, access, stayIdArg, 'stayId');
    if (stay.lastNight)
      throw appError('CONFLICT', `This stay was already checked out on ${stay.checkOutDate}.`);
    const checkOutDate = date ?? addDays(nightOf(), 1);
    if (checkOutDate <= stay.firstNight)
      throw badInput('date', `the check-out date must be after the first night (${stay.firstNight})`);
    if (checkOutDate > addDays(nightOf(), 1))
      throw badInput('date', 'a check-out cannot be dated in the future');
    const [last] = await m.query(`SELECT MAX(night) AS night FROM bed_night WHERE stay_id = ?`, [stay.id]);
    const lastNight = addDays(checkOutDate, -1);
    if (last?.night && String(last.night).slice(0, 10) > lastNight)
      throw badInput(
        'date',
        `a bed night is recorded for ${String(last.night).slice(0, 10)}: the check-out date must be after it`,
      );
    const before = { ...stay };
    stay.lastNight = lastNight;
    stay.checkOutDate = checkOutDate;
    stay.updatedById = access.userId;
    const saved = await m.getRepository(Stay).save(stay);
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'checkOut',
      entityType: 'Stay',
      entityId: stay.id,
      clientId: stay.clientId,
      before,
      after: saved,
    });
    return saved;
  });
}

/** Moves an open stay to another bed of the same program: one stay; tonight's bed night moves with it. */
export async function moveStay(ctx: RequestContext, stayIdArg: string, bedIdArg: string): Promise<Stay> {
  const access = readyAccess(ctx);
  const night = nightOf();
  let label: string | null = null;
  return bedWrite(
    ctx,
    () => label,
    () => night,
    async (m) => {
      const stay = await visibleStay(m, access, stayIdArg, 'stayId');
      if (stay.lastNight)
        throw badInput('stayId', 'this stay is checked out: check the client in again instead');
      const bed = await ownBed(m, access, bedIdArg, 'bedId');
      label = bed.label;
      const from = await m.getRepository(Bed).findOneByOrFail({ id: stay.bedId });
      if (bed.id === from.id) throw badInput('bedId', `the stay is already in bed ${bed.label}`);
      if (bed.programId !== from.programId)
        throw badInput(
          'bedId',
          'move a stay only to a bed of the same program; check the client out and in otherwise',
        );
      if (bed.status === BedStatus.OUT_OF_SERVICE)
        throw appError(
          'CONFLICT',
          `Bed ${bed.label} is out of service (${bed.statusReason ?? 'no reason given'}): choose another bed.`,
        );
      if (await bedOccupied(m, bed.id, night, stay.id)) throw bedTaken(bed.label, night);
      await m.query(`UPDATE bed_night SET bed_id = ? WHERE stay_id = ? AND night = ?`, [
        bed.id,
        stay.id,
        night,
      ]);
      const before = { ...stay };
      stay.bedId = bed.id;
      stay.locationId = bed.locationId;
      stay.updatedById = access.userId;
      const saved = await m.getRepository(Stay).save(stay);
      await recordChange(m, ctx, {
        action: 'UPDATE',
        operation: 'moveStay',
        entityType: 'Stay',
        entityId: stay.id,
        clientId: stay.clientId,
        before,
        after: saved,
      });
      return saved;
    },
  );
}

/**
 * The nightly roll call: a bed night for each open stay of the facility that has none for the
 * night, except the stays marked absent, which are checked out after their last bed night.
 */
export async function recordBedNights(
  ctx: RequestContext,
  facilityIdArg: string,
  night: string,
  absentStayIds: readonly string[] | null | undefined,
): Promise<Service[]> {
  const access = readyAccess(ctx);
  checkNight('night', night);
  const absent = new Set((absentStayIds ?? []).map((id, i) => requiredId(`absentStayIds[${i}]`, id)));
  return writeTransaction(ctx.ds, async (m) => {
    const facility = await ownFacility(m, access, facilityIdArg, 'facilityId');
    const open: Record<string, unknown>[] = await m.query(
      `SELECT s.* FROM stay s WHERE s.location_id = ? AND s.last_night IS NULL AND s.first_night < ? AND s.organization_id = ?
         AND s.date_deleted IS NULL AND NOT EXISTS (SELECT 1 FROM bed_night b WHERE b.stay_id = s.id AND b.night = ?) ORDER BY s.id`,
      [facility.id, night, ownOrg(access), night],
    );
    const stays = open.map((r) => hydrate(m.connection, Stay, r));
    for (const id of absent)
      if (!stays.some((s) => s.id === id))
        throw badInput(
          'absentStayIds',
          `stay ${id} is not an open stay of this facility without a bed night for ${night}`,
        );
    const services: Service[] = [];
    for (const stay of stays) {
      if (absent.has(stay.id)) {
        await endAfterLastBedNight(m, ctx, stay, 'recordBedNights');
        continue;
      }
      const enrollment = await m.getRepository(Enrollment).findOneByOrFail({ id: stay.enrollmentId });
      services.push(
        await addBedNight(m, ctx, { stay, enrollment, bedId: stay.bedId, night, access }, 'recordBedNights'),
      );
    }
    return services;
  });
}

/** Checks a stay out after its last recorded bed night (a guest who did not come back). */
export async function endAfterLastBedNight(
  m: EntityManager,
  ctx: Pick<RequestContext, 'access' | 'requestId'>,
  stay: Stay,
  operation: string,
): Promise<void> {
  const [last] = await m.query(`SELECT MAX(night) AS night FROM bed_night WHERE stay_id = ?`, [stay.id]);
  const lastNight = last?.night ? String(last.night).slice(0, 10) : stay.firstNight;
  const before = { ...stay };
  stay.lastNight = lastNight;
  stay.checkOutDate = addDays(lastNight, 1);
  const saved = await m.getRepository(Stay).save(stay);
  await recordChange(m, ctx, {
    action: 'UPDATE',
    operation,
    entityType: 'Stay',
    entityId: stay.id,
    clientId: stay.clientId,
    before,
    after: saved,
  });
}

// ---------------------------------------------------------------- reservations

export async function createReservation(
  ctx: RequestContext,
  input: CreateReservationInput,
): Promise<Reservation> {
  const access = readyAccess(ctx);
  const firstNight = input.firstNight;
  const lastNight = input.lastNight ?? firstNight;
  if (firstNight < nightOf())
    throw badInput('input.firstNight', 'this night is over: reserve tonight or a later night');
  if (lastNight < firstNight)
    throw badInput('input.lastNight', 'the last night must not be before the first');
  if (lastNight > addDays(firstNight, 30))
    throw badInput('input.lastNight', 'reserve at most 31 nights at once');
  return writeTransaction(ctx.ds, async (m) => {
    const facility = await ownFacility(m, access, input.facilityId, 'input.facilityId');
    const client = await visibleClient(m, access, input.clientId, 'input.clientId');
    if (firstNight === nightOf() && !holdsOn(firstNight, facility.holdTime))
      throw badInput(
        'input.firstNight',
        `tonight's hold time (${facility.holdTime}) has passed: check the client in instead`,
      );
    let bedId: number | null = null;
    if (input.bedId) {
      const bed = await ownBed(m, access, input.bedId, 'input.bedId');
      if (bed.locationId !== facility.id) throw badInput('input.bedId', 'this bed is not in the facility');
      if (bed.status === BedStatus.OUT_OF_SERVICE)
        throw appError('CONFLICT', `Bed ${bed.label} is out of service: choose another bed.`);
      // Serialize reservations of one bed on MySQL (SQLite runs one writer at a time).
      if (m.connection.options.type !== 'better-sqlite3')
        await m.query('SELECT id FROM bed WHERE id = ? FOR UPDATE', [bed.id]);
      const [held] = await m.query(
        `SELECT 1 AS x FROM reservation WHERE bed_id = ? AND status = 'ACTIVE' AND date_deleted IS NULL AND first_night <= ? AND last_night >= ? LIMIT 1`,
        [bed.id, lastNight, firstNight],
      );
      if (held)
        throw appError(
          'CONFLICT',
          `Bed ${bed.label} is already reserved for one of these nights: choose another bed.`,
        );
      if (firstNight === nightOf() && (await bedOccupied(m, bed.id, firstNight)))
        throw bedTaken(bed.label, firstNight);
      bedId = bed.id;
    }
    const owner = await m.getRepository(Organization).findOneByOrFail({ id: facility.organizationId });
    const restriction = await decideRestriction(m, owner, input.restriction);
    const repo = m.getRepository(Reservation);
    const saved = await repo.save(
      repo.create({
        organizationId: facility.organizationId,
        clientId: client.id,
        restriction,
        locationId: facility.id,
        bedId,
        firstNight,
        lastNight,
        status: ReservationStatus.ACTIVE,
        cancelReason: null,
        stayId: null,
        createdById: access.userId,
        updatedById: access.userId,
        dateDeleted: null,
      }),
    );
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createReservation',
      entityType: 'Reservation',
      entityId: saved.id,
      clientId: client.id,
      before: null,
      after: saved,
    });
    await refreshClientReach(m, [client.id]);
    return saved;
  });
}

async function ownReservation(m: EntityManager, access: AccessContext, idArg: string): Promise<Reservation> {
  const reservation = await findVisible(m, Reservation, requiredId('id', idArg), access.scope);
  if (!reservation) throw badInput('id', 'no reservation with this id');
  if (reservation.organizationId !== ownOrg(access))
    throw badInput(
      'id',
      'this reservation belongs to another organization: select that organization to change it',
    );
  if (reservation.status !== ReservationStatus.ACTIVE)
    throw appError(
      'CONFLICT',
      `This reservation is ${reservation.status.replace('_', ' ').toLowerCase()}: it can no longer change.`,
    );
  return reservation;
}

export async function cancelReservation(
  ctx: RequestContext,
  idArg: string,
  reason: string | null | undefined,
): Promise<Reservation> {
  const access = readyAccess(ctx);
  return writeTransaction(ctx.ds, async (m) => {
    const reservation = await ownReservation(m, access, idArg);
    const before = { ...reservation };
    reservation.status = ReservationStatus.CANCELLED;
    reservation.cancelReason = optionalText('reason', reason, 200);
    reservation.updatedById = access.userId;
    const saved = await m.getRepository(Reservation).save(reservation);
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'cancelReservation',
      entityType: 'Reservation',
      entityId: saved.id,
      clientId: saved.clientId,
      before,
      after: saved,
    });
    return saved;
  });
}

/** Claims a reservation by checking its client in tonight, into its bed (or the first free bed of the facility). */
export async function checkInReservation(ctx: RequestContext, idArg: string): Promise<Stay> {
  const access = readyAccess(ctx);
  const night = nightOf();
  let label: string | null = null;
  return bedWrite(
    ctx,
    () => label,
    () => night,
    async (m) => {
      const reservation = await ownReservation(m, access, idArg);
      if (night < reservation.firstNight || night > reservation.lastNight)
        throw badInput(
          'id',
          `this reservation is for ${reservation.firstNight} to ${reservation.lastNight}, not tonight`,
        );
      let bed: Bed | null = reservation.bedId
        ? await m.getRepository(Bed).findOneBy({ id: reservation.bedId })
        : null;
      if (!bed) {
        const board = await boardRows(m, access, reservation.locationId, night);
        const free = board.beds.find((b) => b.state === BedState.FREE);
        if (!free) throw appError('CONFLICT', 'No bed is free tonight in this facility.');
        bed = free.bed;
      }
      label = bed.label;
      const stay = await checkInWithin(m, ctx, {
        clientId: String(reservation.clientId),
        bed,
        night,
        reservation,
      });
      const before = { ...reservation };
      reservation.status = ReservationStatus.CHECKED_IN;
      reservation.stayId = stay.id;
      reservation.bedId = bed.id;
      const saved = await m.getRepository(Reservation).save(reservation);
      await recordChange(m, ctx, {
        action: 'UPDATE',
        operation: 'checkInReservation',
        entityType: 'Reservation',
        entityId: saved.id,
        clientId: saved.clientId,
        before,
        after: saved,
      });
      return stay;
    },
  );
}

export async function listReservations(
  ctx: RequestContext,
  facilityIdArg: string | null | undefined,
  night: string | null | undefined,
): Promise<Reservation[]> {
  const access = readyAccess(ctx);
  const where: string[] = [transactionVisibility('r', access.scope), clientVisibleOf('r', access)];
  const params: unknown[] = [];
  if (facilityIdArg) {
    where.push('r.location_id = ?');
    params.push(requiredId('facilityId', facilityIdArg));
  }
  if (night) {
    where.push('r.first_night <= ? AND r.last_night >= ?');
    params.push(night, night);
  }
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT r.* FROM reservation r WHERE ${where.join(' AND ')} ORDER BY r.first_night, r.id LIMIT 500`,
    params,
  );
  const list = rows.map((r) => hydrate(ctx.ds, Reservation, r));
  for (const r of list) ctx.reads.client(r.clientId);
  return list;
}

function clientVisibleOf(alias: string, access: AccessContext): string {
  return `EXISTS (SELECT 1 FROM client vc WHERE vc.id = ${alias}.client_id AND ${clientVisibility('vc', access.scope)})`;
}

// ---------------------------------------------------------------- the board

/**
 * The board's statements after the facility's (visibleFacility): its beds, the night's stays
 * and reservations with whether each is shown, and the clients shown (`npm run bench` runs the
 * same text as its floor).
 */
export const BOARD_SQL = {
  beds: (scope: VisibilityScope) =>
    `SELECT b.* FROM bed b JOIN program p ON p.id = b.program_id WHERE b.location_id = ? AND ${programVisibility('p', scope)} ORDER BY b.id`,
  occupancy: (scope: VisibilityScope) => {
    const shown = `CASE WHEN ${transactionVisibility('x', scope)} AND ${clientVisibility('c', scope)} THEN 1 ELSE 0 END AS shown`;
    const common =
      'x.id, x.organization_id, x.client_id, x.restriction, x.created_at, x.updated_at, x.version, x.created_by_id, x.updated_by_id, x.date_deleted, x.bed_id, x.location_id, x.first_night, x.last_night';
    return `SELECT 'S' AS kind, ${common}, x.enrollment_id, x.check_out_date, NULL AS status, NULL AS cancel_reason, NULL AS stay_id, ${shown}
       FROM stay x JOIN client c ON c.id = x.client_id
      WHERE x.location_id = ? AND x.date_deleted IS NULL AND x.first_night <= ? AND (x.last_night IS NULL OR x.last_night >= ?)
     UNION ALL
     SELECT 'R' AS kind, ${common}, NULL, NULL, x.status, x.cancel_reason, x.stay_id, ${shown}
       FROM reservation x JOIN client c ON c.id = x.client_id
      WHERE x.location_id = ? AND x.status = 'ACTIVE' AND x.bed_id IS NOT NULL AND x.date_deleted IS NULL AND x.first_night <= ? AND x.last_night >= ?`;
  },
  occupancyParams: (facilityId: number, night: string) => [
    facilityId,
    night,
    night,
    facilityId,
    night,
    night,
  ],
  clients: (ids: readonly number[]) =>
    `SELECT c.* FROM client c WHERE c.id IN (${ids.map(Number).join(', ')})`,
  facility: (organizationIds: readonly number[]) =>
    `SELECT l.* FROM location l WHERE l.id = ? AND l.is_facility = 1 AND l.organization_id IN (${organizationIds.map(Number).join(', ')})`,
};

interface BoardRows {
  facility: Location;
  beds: BedBoardEntry[];
}

/**
 * The board in four statements whatever the number of beds: the facility, its beds, the stays
 * of the night and the reservations of the night (each with its client when both are visible).
 */
async function boardRows(
  m: EntityManager,
  access: AccessContext,
  facilityId: number,
  night: string,
): Promise<BoardRows> {
  const facility = await visibleFacility(m, access, String(facilityId), 'facilityId');
  const bedRows: Record<string, unknown>[] = await m.query(BOARD_SQL.beds(access.scope), [facility.id]);
  const occupancy: Record<string, unknown>[] = await m.query(
    BOARD_SQL.occupancy(access.scope),
    BOARD_SQL.occupancyParams(facility.id, night),
  );
  const held = holdsOn(night, facility.holdTime);
  const stayByBed = new Map(occupancy.filter((r) => r.kind === 'S').map((r) => [Number(r.bed_id), r]));
  const reservationByBed = new Map(
    held ? occupancy.filter((r) => r.kind === 'R').map((r) => [Number(r.bed_id), r]) : [],
  );
  const beds = bedRows.map((row): BedBoardEntry => {
    const bed = hydrate(m.connection, Bed, row);
    const stay = stayByBed.get(bed.id);
    const reservation = stay ? undefined : reservationByBed.get(bed.id);
    const state = stay
      ? BedState.OCCUPIED
      : bed.status === BedStatus.OUT_OF_SERVICE
        ? BedState.OUT_OF_SERVICE
        : reservation
          ? BedState.HELD
          : BedState.FREE;
    const entry = new BedBoardEntry();
    entry.bed = bed;
    entry.state = state;
    entry.stay = stay && Number(stay.shown) ? hydrate(m.connection, Stay, stay) : null;
    entry.reservation =
      reservation && Number(reservation.shown) ? hydrate(m.connection, Reservation, reservation) : null;
    entry.client = null;
    return entry;
  });
  // Who sleeps there, only where the client and the stay (or reservation) are visible: one statement.
  const clientIds = [
    ...new Set(beds.map((b) => (b.stay ?? b.reservation)?.clientId).filter((id): id is number => !!id)),
  ];
  if (clientIds.length) {
    const clientRows: Record<string, unknown>[] = await m.query(BOARD_SQL.clients(clientIds));
    const clients = new Map(clientRows.map((r) => [Number(r.id), hydrate(m.connection, Client, r)]));
    for (const b of beds) {
      const id = (b.stay ?? b.reservation)?.clientId;
      b.client = id ? (clients.get(id) ?? null) : null;
    }
  }
  return { facility, beds };
}

export async function bedBoard(ctx: RequestContext, facilityIdArg: string, night: string): Promise<BedBoard> {
  const access = readyAccess(ctx);
  const facilityId = requiredId('facilityId', facilityIdArg);
  const { facility, beds } = await boardRows(ctx.ds.manager, access, facilityId, night);
  for (const b of beds) if (b.client) ctx.reads.client(b.client.id);
  const counts = { capacity: 0, occupied: 0, held: 0, free: 0, outOfService: 0 };
  for (const b of beds) {
    if (b.state === BedState.OUT_OF_SERVICE) counts.outOfService++;
    else counts.capacity++;
    if (b.state === BedState.OCCUPIED) counts.occupied++;
    if (b.state === BedState.HELD) counts.held++;
    if (b.state === BedState.FREE) counts.free++;
  }
  const board = new BedBoard();
  board.facility = toFacility(facility);
  board.night = night;
  board.counts = counts;
  board.beds = beds;
  return board;
}

/** Open stays of a facility that the caller can see (with a visible client). */
export async function currentResidents(ctx: RequestContext, facilityIdArg: string): Promise<Stay[]> {
  const access = readyAccess(ctx);
  const facility = await visibleFacility(ctx.ds.manager, access, facilityIdArg, 'facilityId');
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT s.* FROM stay s WHERE s.location_id = ? AND s.last_night IS NULL AND ${transactionVisibility('s', access.scope)}
       AND ${clientVisibleOf('s', access)} ORDER BY s.first_night, s.id`,
    [facility.id],
  );
  const stays = rows.map((r) => hydrate(ctx.ds, Stay, r));
  for (const s of stays) ctx.reads.client(s.clientId);
  return stays;
}
