import { refreshClientReach } from '../../access/reach';
import { housedByEnrollment } from '../ce/referral.service';
import { leaveListOnExit } from '../ce/priority-list.service';
import { quoteField } from '../../access/read-policy';
import { programVisible } from '../../access/sharing-rules';
import { randomBytes } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { assertMayEdit, assertProgramOfActiveOrg, decideRestriction } from '../../access/write-rules';
import { findVisible } from '../../access/find-visible';
import { localToday } from '../../database/sql-time';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { parseId } from '../../graphql/connection';
import { appError, badInput } from '../../graphql/errors';
import { notAfter, notBefore, optionalText, requiredId } from '../../graphql/validate';
import { LivingSituation, RelationshipToHoH } from '../../hud';
import { checkCocCode, checkLivingSituation, checkPriorLiving, checkRentalSubsidy } from '../../hud/validate';
import { recordChange } from '../audit/audit.service';
import { updateAudited } from '../audit/audited-update';
import { Client } from '../client/client.entity';
import { Organization } from '../organization/organization.entity';
import { Program } from '../program/program.entity';
import { createEnrollmentTransaction, deleteTransaction } from '../transaction/transaction.service';
import { Enrollment } from './enrollment.entity';
import type { CreateEnrollmentInput, ExitEnrollmentInput, UpdateEnrollmentInput } from './enrollment.inputs';
import { Exit } from './exit.entity';
import { writeTransaction } from '../../database/transactions';

export async function getEnrollment(ctx: RequestContext, id: string): Promise<Enrollment | null> {
  const enrollmentId = parseId(id);
  const enrollment = enrollmentId === null ? null : await ctx.loaders.enrollment.load(enrollmentId);
  if (enrollment) ctx.reads.client(enrollment.clientId);
  return enrollment;
}

function checkDates(entryDate: string, moveInDate: string | null | undefined, field: string): void {
  notAfter(`${field}.entryDate`, entryDate, localToday(), 'today');
  notBefore(`${field}.entryDate`, entryDate, '1998-10-01', 'the earliest HMIS date');
  if (moveInDate) notBefore(`${field}.moveInDate`, moveInDate, entryDate, 'the project start date');
}

/**
 * One head of household per household and project (HUD 3.15: exactly one RelationshipToHoH 1
 * per HouseholdID). The program's row is locked first, so concurrent entries of the same
 * household wait for each other and the check reads what the others committed (SQLite runs one
 * write transaction at a time).
 */
async function assertOneHeadOfHousehold(
  m: EntityManager,
  programId: number,
  householdId: string,
  selfId: number | null,
): Promise<void> {
  if (m.connection.options.type !== 'better-sqlite3')
    await m.query('SELECT id FROM program WHERE id = ? FOR UPDATE', [programId]);
  const [head] = await m.query(
    `SELECT id FROM enrollment WHERE program_id = ? AND household_id = ? AND relationship_to_ho_h = ?
       AND date_deleted IS NULL AND id <> ? LIMIT 1`,
    [programId, householdId, RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD, selfId ?? 0],
  );
  if (head)
    throw appError(
      'CONFLICT',
      'This household already has a head of household in this program (HUD 3.15): reload the household and choose another relationship for this member.',
    );
}

const PRIOR_LIVING_FIELDS = [
  'rentalSubsidyType',
  'lengthOfStay',
  'losUnderThreshold',
  'previousStreetEssh',
  'dateToStreetEssh',
  'timesHomelessPastThreeYears',
  'monthsHomelessPastThreeYears',
  'enrollmentCoc',
] as const;

/** The 3.917 and 3.16 fields given in an input (undefined: left out; null: cleared). */
function priorLivingValues(
  input: CreateEnrollmentInput | UpdateEnrollmentInput,
): Partial<Pick<Enrollment, (typeof PRIOR_LIVING_FIELDS)[number]>> {
  const values: Record<string, unknown> = {};
  for (const field of PRIOR_LIVING_FIELDS) {
    const value = input[field];
    if (value !== undefined)
      values[field] =
        field === 'enrollmentCoc' ? optionalText('input.enrollmentCoc', value as string | null, 6) : value;
  }
  return values as Partial<Pick<Enrollment, (typeof PRIOR_LIVING_FIELDS)[number]>>;
}

export async function createEnrollment(
  ctx: RequestContext,
  input: CreateEnrollmentInput,
): Promise<Enrollment> {
  const access = readyAccess(ctx);
  const clientId = requiredId('input.clientId', input.clientId);
  const programId = requiredId('input.programId', input.programId);
  checkDates(input.entryDate, input.moveInDate, 'input');
  checkPriorLiving('input', {
    entryDate: input.entryDate,
    livingSituation: input.livingSituation,
    rentalSubsidyType: input.rentalSubsidyType,
    dateToStreetEssh: input.dateToStreetEssh,
  });
  checkCocCode('input.enrollmentCoc', input.enrollmentCoc);
  const householdId =
    optionalText('input.householdId', input.householdId, 32) ?? randomBytes(8).toString('hex');
  return writeTransaction(ctx.ds, async (m) => {
    const client = await findVisible(m, Client, clientId, access.scope);
    if (!client) throw badInput('input.clientId', 'no client with this id');
    if (client.dob && input.entryDate < client.dob) {
      // The date of birth is quoted (and its read audited) only to a caller who may read it (§5).
      const dob = quoteField(access, ctx.reads, 'Client', 'dob', client.id, client.dob);
      notBefore('input.entryDate', input.entryDate, client.dob, "the client's date of birth", dob);
    }
    const program = await m.getRepository(Program).findOneBy({ id: programId });
    // A program the active organization cannot see (access model §3: own, or shared through an
    // active MOU) does not exist for the caller, unless the caller may log in to its organization
    // and so already knows it (then assertProgramOfActiveOrg names it and says to select it).
    // Without this, the refusal below named any program and its owner, even a VSP's.
    const knowsProgram =
      program !== null &&
      (programVisible(program, access.scope) || access.loginOrganizationIds.includes(program.organizationId));
    if (!program || !knowsProgram) throw badInput('input.programId', 'no program with this id');
    const org = await assertProgramOfActiveOrg(m, access, program);
    const restriction = await decideRestriction(m, org, input.restriction);
    const relationshipToHoH = input.relationshipToHoH ?? RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD;
    if (input.householdId && relationshipToHoH === RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD)
      await assertOneHeadOfHousehold(m, programId, householdId, null);
    const repo = m.getRepository(Enrollment);
    const saved = await repo.save(
      repo.create({
        clientId,
        programId,
        organizationId: org.id,
        restriction,
        entryDate: input.entryDate,
        householdId,
        relationshipToHoH,
        livingSituation: input.livingSituation ?? null,
        ...priorLivingValues(input),
        disablingCondition: input.disablingCondition ?? null,
        moveInDate: input.moveInDate ?? null,
        createdById: access.userId,
        updatedById: access.userId,
        dateDeleted: null,
      }),
    );
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createEnrollment',
      entityType: 'Enrollment',
      entityId: saved.id,
      clientId,
      before: null,
      after: saved,
    });
    await refreshClientReach(m, [clientId]);
    await housedByEnrollment(m, ctx, clientId, programId);
    return saved;
  });
}

export async function updateEnrollment(
  ctx: RequestContext,
  id: string,
  input: UpdateEnrollmentInput,
): Promise<Enrollment> {
  const access = readyAccess(ctx);
  const enrollmentId = requiredId('id', id);
  return writeTransaction(ctx.ds, async (m) => {
    const before = await findVisible(m, Enrollment, enrollmentId, access.scope);
    if (!before) throw badInput('id', 'no enrollment with this id');
    await assertMayEdit(m, access, 'Enrollment', before.organizationId);
    const changes: Partial<Enrollment> = { updatedById: access.userId };
    const entryDate = input.entryDate ?? before.entryDate;
    checkDates(entryDate, input.moveInDate === undefined ? before.moveInDate : input.moveInDate, 'input');
    if (input.entryDate) changes.entryDate = input.entryDate;
    if (input.moveInDate !== undefined) changes.moveInDate = input.moveInDate;
    if (input.relationshipToHoH) changes.relationshipToHoH = input.relationshipToHoH;
    if (
      input.relationshipToHoH === RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD &&
      before.relationshipToHoH !== RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD &&
      before.householdId
    )
      await assertOneHeadOfHousehold(m, before.programId, before.householdId, enrollmentId);
    if (input.livingSituation !== undefined && input.livingSituation !== null)
      changes.livingSituation = input.livingSituation;
    for (const [field, value] of Object.entries(priorLivingValues(input)))
      if (value !== undefined) (changes as Record<string, unknown>)[field] = value;
    // The 3.917 rules hold between the stored values and the changed ones.
    const livingSituation = changes.livingSituation ?? before.livingSituation;
    checkPriorLiving('input', {
      entryDate,
      livingSituation,
      rentalSubsidyType:
        changes.rentalSubsidyType === undefined ? before.rentalSubsidyType : changes.rentalSubsidyType,
      dateToStreetEssh:
        changes.dateToStreetEssh === undefined ? before.dateToStreetEssh : changes.dateToStreetEssh,
    });
    checkCocCode('input.enrollmentCoc', input.enrollmentCoc);
    if (input.disablingCondition !== undefined && input.disablingCondition !== null)
      changes.disablingCondition = input.disablingCondition;
    if (input.restriction) {
      // The restriction can change after creation by the same rule, for the owning organization (§4).
      const owner = await m.getRepository(Organization).findOneByOrFail({ id: before.organizationId });
      changes.restriction = await decideRestriction(m, owner, input.restriction);
    }
    return updateAudited(m, ctx, {
      target: Enrollment,
      typeName: 'Enrollment',
      operation: 'updateEnrollment',
      id: enrollmentId,
      version: input.version,
      changes,
      before,
      what: 'This enrollment',
      clientOf: (after) => after.clientId,
    });
  });
}

export async function exitEnrollment(
  ctx: RequestContext,
  id: string,
  input: ExitEnrollmentInput,
): Promise<Enrollment> {
  checkLivingSituation('input.destination', 'destination', input.destination);
  checkRentalSubsidy(
    'input.destinationSubsidyType',
    input.destinationSubsidyType,
    'the destination',
    input.destination,
  );
  const exit = await createEnrollmentTransaction(
    ctx,
    Exit,
    'Exit',
    'exitEnrollment',
    { enrollmentId: id, restriction: input.restriction, enrollmentField: 'id', lockEnrollment: true },
    (tx) => {
      if (tx.exit)
        throw appError(
          'CONFLICT',
          `This enrollment already has an exit (exit date ${tx.exit.exitDate}): reload it; reload it to see that exit.`,
        );
      notAfter('input.exitDate', input.exitDate, localToday(), 'today');
      notBefore('input.exitDate', input.exitDate, tx.enrollment.entryDate, 'the project start date');
      return {
        exitDate: input.exitDate,
        destination: input.destination as LivingSituation,
        destinationSubsidyType: input.destinationSubsidyType ?? null,
      };
    },
    // A client whose CE enrollment ends leaves the priority list (access model, "Coordinated entry").
    (m) => leaveListOnExit(m, ctx, Number(id)),
  );
  return ctx.ds.getRepository(Enrollment).findOneByOrFail({ id: exit.enrollmentId, dateDeleted: IsNull() });
}

export function deleteEnrollment(ctx: RequestContext, id: string, version: number): Promise<boolean> {
  return deleteTransaction(ctx, Enrollment, 'Enrollment', 'deleteEnrollment', id, version);
}
