import { refreshClientReach } from '../../access/reach';
import { IsNull, type EntityManager, type EntityTarget } from 'typeorm';
import { recordType } from '../../access/record-types';
import type { AccessContext } from '../../access/access-context';
import type { Restriction } from '../../access/restriction';
import { assertMayEdit, assertProgramOfActiveOrg, decideRestriction } from '../../access/write-rules';
import { Organization } from '../organization/organization.entity';
import { findVisible } from '../../access/find-visible';
import { updateVersioned } from '../../database/records';
import { localToday } from '../../database/sql-time';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { notAfter, notBefore, requiredId } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { updateAudited } from '../audit/audited-update';
import { Enrollment } from '../enrollment/enrollment.entity';
import { Exit } from '../enrollment/exit.entity';
import { Program } from '../program/program.entity';
import type { EnrollmentTransaction } from './owned-record.base';
import { writeTransaction } from '../../database/transactions';

export interface NewTransactionContext {
  enrollment: Enrollment;
  exit: Exit | null;
  program: Program;
  restriction: Restriction;
}

/**
 * Everything a new transaction within an enrollment needs (§4): the enrollment is visible, its
 * program belongs to the active organization, and the restriction follows the org's options.
 */
export async function prepareEnrollmentTransaction(
  m: EntityManager,
  access: AccessContext,
  enrollmentIdArg: string,
  requested: Restriction | null | undefined,
  field = 'input.enrollmentId',
  lockEnrollment = false,
): Promise<NewTransactionContext> {
  const enrollmentId = requiredId(field, enrollmentIdArg);
  const enrollment = await findVisible(m, Enrollment, enrollmentId, access.scope);
  if (!enrollment) throw badInput(field, 'no enrollment with this id');
  // A check of the enrollment's exit that must hold until COMMIT (one exit per enrollment) waits
  // here for concurrent writers of the same enrollment, then reads what they committed.
  // SQLite runs one write transaction at a time (writeTransaction).
  if (lockEnrollment && m.connection.options.type !== 'better-sqlite3')
    await m.query('SELECT id FROM enrollment WHERE id = ? FOR UPDATE', [enrollmentId]);
  const program = await m.getRepository(Program).findOneByOrFail({ id: enrollment.programId });
  const org = await assertProgramOfActiveOrg(m, access, program);
  const restriction = await decideRestriction(m, org, requested);
  const exit = await m.getRepository(Exit).findOne({ where: { enrollmentId, dateDeleted: IsNull() } });
  return { enrollment, program, restriction, exit };
}

/** A date of a transaction must fall within the enrollment and not in the future. */
export function assertWithinEnrollment(
  field: string,
  date: string,
  tx: Pick<NewTransactionContext, 'enrollment' | 'exit'>,
): void {
  notAfter(field, date, localToday(), 'today');
  notBefore(field, date, tx.enrollment.entryDate, 'the enrollment start date');
  if (tx.exit) notAfter(field, date, tx.exit.exitDate, 'the exit date');
}

/** Creates a transaction within an enrollment, audited in the same database transaction. */
export async function createEnrollmentTransaction<T extends EnrollmentTransaction>(
  ctx: RequestContext,
  target: EntityTarget<T>,
  typeName: string,
  operation: string,
  input: {
    enrollmentId: string;
    restriction?: Restriction | null;
    enrollmentField?: string;
    /** Lock the enrollment before reading its exit (when `build` refuses on an exit). */
    lockEnrollment?: boolean;
  },
  build: (tx: NewTransactionContext) => Partial<T>,
  /** More writes in the same transaction, after the record is saved (e.g. the priority list). */
  after?: (m: EntityManager, saved: T, tx: NewTransactionContext) => Promise<void>,
): Promise<T> {
  const access = readyAccess(ctx);
  return writeTransaction(ctx.ds, async (m) => {
    const tx = await prepareEnrollmentTransaction(
      m,
      access,
      input.enrollmentId,
      input.restriction,
      input.enrollmentField,
      input.lockEnrollment,
    );
    const repo = m.getRepository(target);
    const record = repo.create({
      ...build(tx),
      enrollmentId: tx.enrollment.id,
      clientId: tx.enrollment.clientId,
      organizationId: tx.program.organizationId,
      restriction: tx.restriction,
      createdById: access.userId,
      updatedById: access.userId,
      dateDeleted: null,
    } as unknown as T);
    const saved = await repo.save(record);
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation,
      entityType: typeName,
      entityId: saved.id,
      clientId: saved.clientId,
      before: null,
      after: saved,
    });
    if (after) await after(m, saved, tx);
    await refreshClientReach(m, [saved.clientId]);
    return saved;
  });
}

/** What a correction of a transaction may check its dates against: its enrollment and that enrollment's exit. */
export type RecordedTransactionContext = Pick<NewTransactionContext, 'enrollment' | 'exit'>;

/**
 * Corrects a transaction within an enrollment (§4), audited in the same database transaction:
 * an invisible record answers like a missing one; editing needs the type's write capability and
 * canEdit on the record's organization (whatever the active one); a changed restriction follows
 * the owner's options as at creation; a stale `version` is CONFLICT. The record stays on its
 * enrollment.
 */
export async function updateEnrollmentTransaction<T extends EnrollmentTransaction>(
  ctx: RequestContext,
  target: EntityTarget<T>,
  typeName: string,
  operation: string,
  idArg: string,
  input: { version: number; restriction?: Restriction | null },
  build: (before: T, tx: RecordedTransactionContext) => Partial<T>,
): Promise<T> {
  const access = readyAccess(ctx);
  const id = requiredId('id', idArg);
  return writeTransaction(ctx.ds, async (m) => {
    const before = await findVisible(m, target, id, access.scope);
    if (!before) throw badInput('id', `no ${typeName} with this id`);
    await assertMayEdit(m, access, typeName, before.organizationId);
    const enrollment = await m.getRepository(Enrollment).findOneByOrFail({ id: before.enrollmentId });
    const exit = await m
      .getRepository(Exit)
      .findOne({ where: { enrollmentId: before.enrollmentId, dateDeleted: IsNull() } });
    const changes: Partial<T> = { ...build(before, { enrollment, exit }), updatedById: access.userId };
    if (input.restriction) {
      const owner = await m.getRepository(Organization).findOneByOrFail({ id: before.organizationId });
      changes.restriction = await decideRestriction(m, owner, input.restriction);
    }
    return updateAudited(m, ctx, {
      target,
      typeName,
      operation,
      id,
      version: input.version,
      changes,
      before,
      what: `This ${typeName}`,
      clientOf: (after) => after.clientId,
    });
  });
}

/** Soft delete of a transaction (HUD DateDeleted), for managers and administrators (§4). */
export async function deleteTransaction<T extends EnrollmentTransaction | Enrollment>(
  ctx: RequestContext,
  target: EntityTarget<T>,
  typeName: string,
  operation: string,
  idArg: string,
  version: number,
): Promise<boolean> {
  const access = readyAccess(ctx);
  const id = requiredId('input.id', idArg);
  return writeTransaction(ctx.ds, async (m) => {
    const before = await findVisible(m, target, id, access.scope);
    if (!before) throw badInput('input.id', `no ${typeName} with this id`);
    await assertMayEdit(m, access, typeName, before.organizationId, true);
    const deletedAt = new Date();
    await updateVersioned(
      m,
      target,
      id,
      version,
      { dateDeleted: deletedAt, updatedById: access.userId } as Partial<T>,
      `This ${typeName}`,
    );
    // An enrollment's records go with it, stamped with the same DateDeleted so they can be
    // restored together; otherwise its services would stay reachable without it.
    const children = recordType(typeName)?.cascade ?? [];
    const cascaded = children.length ? await softDeleteChildren(m, children, id, deletedAt) : null;
    await recordChange(m, ctx, {
      action: 'DELETE',
      operation,
      entityType: typeName,
      entityId: id,
      clientId: before.clientId,
      before,
      after: cascaded && { deletedWith: cascaded },
    });
    await refreshClientReach(m, [before.clientId]);
    return true;
  });
}

/** Soft-deletes every live record of the cascade's types hanging off an enrollment; returns how many per table. */
async function softDeleteChildren(
  m: EntityManager,
  children: readonly string[],
  enrollmentId: number,
  at: Date,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const typeName of children) {
    const child = recordType(typeName);
    if (!child) throw new Error(`no record type ${typeName}`);
    const result = await m
      .createQueryBuilder()
      .update(child.entity())
      .set({ dateDeleted: at })
      .where('enrollment_id = :enrollmentId AND date_deleted IS NULL', { enrollmentId })
      .execute();
    if (result.affected) counts[child.table] = result.affected;
  }
  return counts;
}
