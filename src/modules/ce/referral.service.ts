/**
 * Coordinated entry referrals (access model §9). A referral is its own record, owned by the
 * referring organization (RESTRICTED, so the transaction rules show it to its owner only), and
 * visible by its own rule to the organization owning the receiving program. Creating one records
 * the HUD 4.20 event in the client's CE enrollment and, with the client's consent, a release
 * exception of the client to the receiving organization, open while the referral is pending
 * and ending 30 days after it closes (at once when it is withdrawn). Release exceptions are
 * applied at query time (sharing-rules.ts), so nothing else needs recomputing for them.
 */
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { refreshClientReach } from '../../access/reach';
import { Restriction } from '../../access/restriction';
import { writeTransaction } from '../../database/transactions';
import { addDays, localToday } from '../../database/sql-time';
import {
  decodeCursor,
  pageSize,
  parseId,
  toConnection,
  type ConnectionValue,
} from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { notAfter, notBefore, optionalText, requiredText } from '../../graphql/validate';
import { CeEventType, NoYes, ProjectType, ReferralResult } from '../../hud';
import { recordChange } from '../audit/audit.service';
import { ageOn } from '../client/client.resolver';
import { Enrollment } from '../enrollment/enrollment.entity';
import { CeParticipation } from '../program/ce-participation.entity';
import { Program } from '../program/program.entity';
import { ReleaseException } from '../admin/information-release.entity';
import { Assessment } from '../transaction/assessment.entity';
import { CeEvent } from '../transaction/ce-event.entity';
import {
  ReferralDecision,
  type CreateReferralInput,
  type Referral,
  type ReferralResponseInput,
} from './ce.types';
import { PriorityListEntry as EntryRow, PriorityListStatus } from './priority-list.entity';
import { changeStatus, visibleEntry } from './priority-list.service';
import { Referral as ReferralRow, ReferralStatus } from './referral.entity';

/** While a referral is open its release exception has no fixed end: it is set when the referral closes. */
export const OPEN_RELEASE_THROUGH = '9999-12-31';
/** Days a consented release lasts after its referral closes (§9). */
export const RELEASE_DAYS_AFTER_CLOSE = 30;

/** The HUD 4.20.2 referral event for a receiving program's project type (a shelter or housing opening). */
const EVENT_BY_PROJECT_TYPE: Partial<Record<ProjectType, CeEventType>> = {
  [ProjectType.EMERGENCY_SHELTER_ENTRY_EXIT]: CeEventType.REFERRAL_TO_EMERGENCY_SHELTER_BED_OPENING,
  [ProjectType.EMERGENCY_SHELTER_NIGHT_BY_NIGHT]: CeEventType.REFERRAL_TO_EMERGENCY_SHELTER_BED_OPENING,
  [ProjectType.TRANSITIONAL_HOUSING]: CeEventType.REFERRAL_TO_TRANSITIONAL_HOUSING_BED_UNIT_OPENING,
  [ProjectType.PH_PERMANENT_SUPPORTIVE_HOUSING]: CeEventType.REFERRAL_TO_PSH_PROJECT_RESOURCE_OPENING,
  [ProjectType.PH_RAPID_RE_HOUSING]: CeEventType.REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING,
  [ProjectType.PH_HOUSING_ONLY]: CeEventType.REFERRAL_TO_OTHER_PH_PROJECT_UNIT_RESOURCE_OPENING,
  [ProjectType.PH_HOUSING_WITH_SERVICES]: CeEventType.REFERRAL_TO_OTHER_PH_PROJECT_UNIT_RESOURCE_OPENING,
  [ProjectType.SAFE_HAVEN]: CeEventType.REFERRAL_TO_EMERGENCY_SHELTER_BED_OPENING,
};

const VIEW_SQL = `SELECT r.*, c.first_name, c.last_name, c.dob, p.name AS program_name,
    ro.code AS referring_code, rv.code AS receiving_code,
    a.assessment_date AS a_date, a.instrument AS a_instrument, a.score AS a_score,
    x.valid_through AS released_through
  FROM referral r
  JOIN client c ON c.id = r.client_id
  JOIN program p ON p.id = r.program_id
  JOIN organization ro ON ro.id = r.organization_id
  JOIN organization rv ON rv.id = r.receiving_organization_id
  JOIN assessment a ON a.id = r.assessment_id
  LEFT JOIN release_exception x ON x.id = r.release_exception_id`;

type Db = EntityManager | RequestContext['ds'];

/** A referral row as returned; its client is recorded for the read audit (§6). */
function view(ctx: RequestContext, row: Record<string, unknown>): Referral {
  ctx.reads.client(Number(row.client_id));
  return toReferral(row);
}

function toReferral(row: Record<string, unknown>): Referral {
  const clientId = Number(row.client_id);
  const through =
    row.released_through === null || row.released_through === undefined
      ? null
      : String(row.released_through).slice(0, 10);
  return {
    id: Number(row.id),
    status: row.status as ReferralStatus,
    entryId: Number(row.entry_id),
    clientId,
    firstName: (row.first_name as string | null) ?? null,
    lastName: (row.last_name as string | null) ?? null,
    age: row.dob ? ageOn(String(row.dob).slice(0, 10), localToday()) : null,
    programId: Number(row.program_id),
    programName: String(row.program_name),
    referringOrganization: String(row.referring_code),
    receivingOrganization: String(row.receiving_code),
    referralDate: String(row.referral_date).slice(0, 10),
    assessmentDate: String(row.a_date).slice(0, 10),
    assessmentInstrument: String(row.a_instrument),
    totalScore: row.a_score === null ? null : Number(row.a_score),
    consent: Boolean(Number(row.consent)),
    notes: (row.notes as string | null) ?? null,
    referralResult: row.referral_result === null ? null : (Number(row.referral_result) as ReferralResult),
    closeReason: (row.close_reason as string | null) ?? null,
    closedDate: row.closed_date ? String(row.closed_date).slice(0, 10) : null,
    releasedThrough: through === OPEN_RELEASE_THROUGH ? null : through,
  };
}

/** The referral rule of §9: visible to the referring org and to the receiving program's org. */
function referralVisibleSql(access: AccessContext): string {
  const org = Number(access.organizationId);
  if (!Number.isSafeInteger(org)) throw new Error('no active organization');
  return `(r.date_deleted IS NULL AND (r.organization_id = ${org} OR r.receiving_organization_id = ${org}))`;
}

export async function referralView(ctx: RequestContext, db: Db, id: number): Promise<Referral> {
  const [row] = await db.query(`${VIEW_SQL} WHERE r.id = ?`, [id]);
  return view(ctx, row);
}

/** Referrals to (or from) the active organization, newest first. */
export async function listReferrals(
  ctx: RequestContext,
  side: 'to' | 'from',
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionValue<Referral>> {
  const access = readyAccess(ctx);
  const first = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['number']);
  const column = side === 'to' ? 'r.receiving_organization_id' : 'r.organization_id';
  const where = `r.date_deleted IS NULL AND ${column} = ?`;
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `${VIEW_SQL} WHERE ${where}${cursor ? ' AND r.id < ?' : ''} ORDER BY r.id DESC LIMIT ${first + 1}`,
    [access.organizationId, ...(cursor ? [cursor[0]] : [])],
  );
  // The extra row only tells whether a next page exists: it is not returned, nor audited.
  return toConnection(
    rows.map((r, i) => (i < first ? view(ctx, r) : toReferral(r))),
    first,
    (r) => [r.id],
    async () =>
      Number(
        (
          await ctx.ds.query(`SELECT COUNT(*) AS n FROM referral r WHERE ${where}`, [access.organizationId])
        )[0].n,
      ),
  );
}

async function visibleReferral(
  m: EntityManager,
  access: AccessContext,
  idArg: string,
  field: string,
): Promise<ReferralRow> {
  const id = parseId(idArg);
  const rows: { id: number }[] =
    id === null
      ? []
      : await m.query(`SELECT r.id FROM referral r WHERE r.id = ? AND ${referralVisibleSql(access)}`, [id]);
  if (!rows.length) throw badInput(field, 'no referral with this id');
  if (m.connection.options.type !== 'better-sqlite3')
    await m.query('SELECT id FROM referral WHERE id = ? FOR UPDATE', [id]);
  return m.getRepository(ReferralRow).findOneByOrFail({ id: Number(rows[0].id) });
}

/** The receiving program: operating today and taking CE referrals (HUD 2.09 ReceivesReferrals). */
async function receivingProgram(
  m: EntityManager,
  idArg: string,
  today: string,
): Promise<{ program: Program; event: CeEventType }> {
  const id = parseId(idArg);
  const program = id === null ? null : await m.getRepository(Program).findOneBy({ id });
  if (!program) throw badInput('input.programId', 'no program with this id');
  if (
    program.operatingStartDate > today ||
    (program.operatingEndDate !== null && program.operatingEndDate < today)
  )
    throw badInput(
      'input.programId',
      `${program.name} is not operating today (HUD 2.02 Operating Start/End Date)`,
    );
  const participation = await m
    .createQueryBuilder(CeParticipation, 'p')
    .where('p.programId = :id AND p.dateDeleted IS NULL AND p.receivesReferrals = :yes', {
      id: program.id,
      yes: NoYes.YES,
    })
    .andWhere('p.ceParticipationStatusStartDate <= :today', { today })
    .andWhere('(p.ceParticipationStatusEndDate IS NULL OR p.ceParticipationStatusEndDate >= :today)', {
      today,
    })
    .getCount();
  if (!participation)
    throw badInput(
      'input.programId',
      `${program.name} does not take coordinated entry referrals (HUD 2.09 CE Participation: ReceivesReferrals)`,
    );
  const event = EVENT_BY_PROJECT_TYPE[program.projectType as ProjectType];
  if (event === undefined)
    throw badInput(
      'input.programId',
      `${program.name} is not a shelter or housing program a referral can fill`,
    );
  return { program, event };
}

export async function createReferral(ctx: RequestContext, input: CreateReferralInput): Promise<Referral> {
  const access = readyAccess(ctx);
  const today = localToday();
  const referralDate = input.referralDate ?? today;
  notAfter('input.referralDate', referralDate, today, 'today');
  const notes = optionalText('input.notes', input.notes, 1000);
  if (typeof input.consent !== 'boolean') throw badInput('input.consent', 'is true or false');
  const id = await writeTransaction(ctx.ds, async (m) => {
    const entry = await visibleEntry(m, access, input.entryId, 'input.entryId');
    if (m.connection.options.type !== 'better-sqlite3')
      await m.query('SELECT id FROM priority_list_entry WHERE id = ? FOR UPDATE', [entry.id]);
    const locked = await m.getRepository(EntryRow).findOneByOrFail({ id: entry.id });
    if (locked.status !== PriorityListStatus.ACTIVE)
      throw appError(
        'CONFLICT',
        `input.entryId: the entry is ${locked.status}; only ACTIVE entries are referred`,
        {
          field: 'input.entryId',
        },
      );
    const pending = await m.getRepository(ReferralRow).countBy({
      entryId: entry.id,
      status: ReferralStatus.PENDING,
      dateDeleted: IsNull(),
    });
    if (pending)
      throw appError('CONFLICT', 'input.entryId: the entry has a pending referral; withdraw it first', {
        field: 'input.entryId',
      });
    const { program, event } = await receivingProgram(m, input.programId, today);
    const assessment = await m.getRepository(Assessment).findOneByOrFail({ id: locked.assessmentId });
    notBefore('input.referralDate', referralDate, assessment.assessmentDate, 'the date of the assessment');
    const enrollment = await m.getRepository(Enrollment).findOneByOrFail({ id: locked.enrollmentId });
    const ceEvent = await m.getRepository(CeEvent).save(
      m.getRepository(CeEvent).create({
        enrollmentId: enrollment.id,
        clientId: locked.clientId,
        organizationId: enrollment.organizationId,
        restriction: enrollment.restriction,
        eventDate: referralDate,
        event,
        locationCrisisOrPhHousing: program.name.slice(0, 200),
        referralResult: null,
        resultDate: null,
        createdById: access.userId,
        updatedById: access.userId,
        dateDeleted: null,
      }),
    );
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createReferral',
      entityType: 'CeEvent',
      entityId: ceEvent.id,
      clientId: locked.clientId,
      before: null,
      after: ceEvent,
    });
    let exceptionId: number | null = null;
    if (input.consent) {
      const exception = await m.getRepository(ReleaseException).save({
        clientId: locked.clientId,
        organizationId: program.organizationId,
        validThrough: OPEN_RELEASE_THROUGH,
      });
      exceptionId = exception.id;
      await recordChange(m, ctx, {
        action: 'CREATE',
        operation: 'createReferral',
        entityType: 'ReleaseException',
        entityId: exception.id,
        clientId: locked.clientId,
        before: null,
        after: exception,
      });
    }
    const repo = m.getRepository(ReferralRow);
    const saved = await repo.save(
      repo.create({
        organizationId: access.organizationId as number,
        clientId: locked.clientId,
        restriction: Restriction.RESTRICTED,
        entryId: locked.id,
        programId: program.id,
        receivingOrganizationId: program.organizationId,
        assessmentId: assessment.id,
        ceEventId: ceEvent.id,
        referralDate,
        status: ReferralStatus.PENDING,
        consent: input.consent,
        releaseExceptionId: exceptionId,
        notes,
        referralResult: null,
        closeReason: null,
        closedDate: null,
        createdById: access.userId,
        updatedById: access.userId,
        dateDeleted: null,
      }),
    );
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createReferral',
      entityType: 'Referral',
      entityId: saved.id,
      clientId: saved.clientId,
      before: null,
      after: saved,
    });
    await refreshClientReach(m, [saved.clientId]);
    return saved.id;
  });
  return referralView(ctx, ctx.ds, id);
}

/** Closes a referral: status, HUD result on its CE event, the consented release shortened or ended. */
async function close(
  m: EntityManager,
  ctx: RequestContext,
  referral: ReferralRow,
  change: {
    status: ReferralStatus;
    result: ReferralResult | null;
    reason: string;
    date: string;
    releaseThrough: string;
  },
  operation: string,
): Promise<void> {
  const access = readyAccess(ctx);
  await m.getRepository(ReferralRow).update(referral.id, {
    status: change.status,
    referralResult: change.result,
    closeReason: change.reason,
    closedDate: change.date,
    updatedById: access.userId,
  });
  if (change.result !== null) {
    await m.getRepository(CeEvent).update(referral.ceEventId, {
      referralResult: change.result,
      resultDate: change.date,
      updatedById: access.userId,
    });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation,
      entityType: 'CeEvent',
      entityId: referral.ceEventId,
      clientId: referral.clientId,
      before: { referralResult: null, resultDate: null },
      after: { referralResult: change.result, resultDate: change.date },
    });
  }
  if (referral.releaseExceptionId !== null) {
    const exception = await m.getRepository(ReleaseException).findOneBy({ id: referral.releaseExceptionId });
    if (exception && exception.validThrough > change.releaseThrough) {
      await m.getRepository(ReleaseException).update(exception.id, { validThrough: change.releaseThrough });
      await recordChange(m, ctx, {
        action: 'UPDATE',
        operation,
        entityType: 'ReleaseException',
        entityId: exception.id,
        clientId: referral.clientId,
        before: { validThrough: exception.validThrough },
        after: { validThrough: change.releaseThrough },
      });
    }
  }
  await recordChange(m, ctx, {
    action: 'UPDATE',
    operation,
    entityType: 'Referral',
    entityId: referral.id,
    clientId: referral.clientId,
    before: { status: referral.status },
    after: {
      status: change.status,
      referralResult: change.result,
      reason: change.reason,
      closedDate: change.date,
    },
  });
  await refreshClientReach(m, [referral.clientId]);
}

function assertPending(referral: ReferralRow): void {
  if (referral.status !== ReferralStatus.PENDING)
    throw appError('CONFLICT', `id: the referral is ${referral.status} already`, { field: 'id' });
}

export async function respondToReferral(
  ctx: RequestContext,
  idArg: string,
  input: ReferralResponseInput,
): Promise<Referral> {
  const access = readyAccess(ctx);
  const reason = requiredText('input.reason', input.reason, 500);
  const today = localToday();
  const date = input.resultDate ?? today;
  notAfter('input.resultDate', date, today, 'today');
  const accept = input.decision === ReferralDecision.ACCEPT;
  if (input.decision !== ReferralDecision.ACCEPT && input.decision !== ReferralDecision.REJECT)
    throw badInput('input.decision', 'is ACCEPT or REJECT');
  if (
    accept !== (input.referralResult === ReferralResult.SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED) ||
    !Object.values(ReferralResult).includes(input.referralResult)
  )
    throw badInput(
      'input.referralResult',
      accept
        ? 'an accepted referral is a successful referral (1)'
        : 'a rejected referral is unsuccessful (2 or 3)',
    );
  await writeTransaction(ctx.ds, async (m) => {
    const referral = await visibleReferral(m, access, idArg, 'id');
    if (referral.receivingOrganizationId !== access.organizationId)
      throw appError('FORBIDDEN', 'Only the organization of the receiving program answers a referral.');
    if (!access.mayEditOwnedBy(referral.receivingOrganizationId))
      throw appError('FORBIDDEN', 'Your assignment to the active organization does not allow editing.');
    assertPending(referral);
    notBefore('input.resultDate', date, referral.referralDate, 'the referral date');
    await close(
      m,
      ctx,
      referral,
      {
        status: accept ? ReferralStatus.ACCEPTED : ReferralStatus.REJECTED,
        result: input.referralResult,
        reason,
        date,
        releaseThrough: addDays(date, RELEASE_DAYS_AFTER_CLOSE),
      },
      'respondToReferral',
    );
    if (accept) {
      const entry = await m.getRepository(EntryRow).findOneByOrFail({ id: referral.entryId });
      if (entry.status === PriorityListStatus.ACTIVE || entry.status === PriorityListStatus.ON_HOLD)
        await changeStatus(
          m,
          ctx,
          entry,
          PriorityListStatus.REFERRED,
          `Referral accepted: ${reason}`,
          'respondToReferral',
        );
    }
  });
  return referralView(ctx, ctx.ds, Number(parseId(idArg)));
}

export async function withdrawReferral(
  ctx: RequestContext,
  idArg: string,
  reasonArg: string,
): Promise<Referral> {
  const access = readyAccess(ctx);
  const reason = requiredText('reason', reasonArg, 500);
  const today = localToday();
  await writeTransaction(ctx.ds, async (m) => {
    const referral = await visibleReferral(m, access, idArg, 'id');
    if (referral.organizationId !== access.organizationId)
      throw appError('FORBIDDEN', 'Only the referring organization withdraws a referral.');
    if (!access.mayEditOwnedBy(referral.organizationId))
      throw appError('FORBIDDEN', 'Your assignment to the active organization does not allow editing.');
    assertPending(referral);
    // Withdrawn: the receiving organization never takes the client, so the release ends today.
    await close(
      m,
      ctx,
      referral,
      {
        status: ReferralStatus.WITHDRAWN,
        result: null,
        reason,
        date: today,
        releaseThrough: addDays(today, -1),
      },
      'withdrawReferral',
    );
  });
  return referralView(ctx, ctx.ds, Number(parseId(idArg)));
}

/**
 * After an enrollment is created: a client REFERRED on the list by an accepted referral to this
 * program is HOUSED.
 */
export async function housedByEnrollment(
  m: EntityManager,
  ctx: RequestContext,
  clientId: number,
  programId: number,
): Promise<void> {
  const rows: { entry_id: number }[] = await m.query(
    `SELECT r.entry_id FROM referral r JOIN priority_list_entry e ON e.id = r.entry_id
     WHERE r.client_id = ? AND r.program_id = ? AND r.status = 'ACCEPTED' AND r.date_deleted IS NULL AND e.status = 'REFERRED'`,
    [clientId, programId],
  );
  for (const id of new Set(rows.map((r) => Number(r.entry_id)))) {
    const entry = await m.getRepository(EntryRow).findOneByOrFail({ id });
    await changeStatus(
      m,
      ctx,
      entry,
      PriorityListStatus.HOUSED,
      'Enrolled in the program of an accepted referral',
      'createEnrollment',
    );
  }
}
