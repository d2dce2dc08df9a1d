/**
 * Trainings (access model §2.4): what each user completed, and what each workgroup requires.
 * A missing ASSESSMENT training lowers the user's role to the training-pending ceiling; a
 * missing GENERAL training keeps the user from client data until it is recorded.
 */
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { requiredId, requiredText } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { UserTraining } from './user.entity';
import { recordTrainings } from './training-records';
import { TrainingKind, Workgroup, WorkgroupRequiredTraining } from '../admin/workgroup.entity';
import type { UserAccount } from './user-account.types';
import type { RequiredTrainingInput, TrainingInput } from './users.inputs';
import { changeUser } from './users.service';
import { writeTransaction } from '../../database/transactions';

export function recordUserTraining(
  ctx: RequestContext,
  userId: string,
  input: TrainingInput,
): Promise<UserAccount> {
  return changeUser(ctx, userId, 'recordUserTraining', (m, _auth, user) =>
    recordTrainings(m, user.id, [input], 'input'),
  );
}

export function removeUserTraining(
  ctx: RequestContext,
  userId: string,
  course: string,
): Promise<UserAccount> {
  return changeUser(ctx, userId, 'removeUserTraining', async (m, _auth, user) => {
    const result = await m.getRepository(UserTraining).delete({ userId: user.id, course: course.trim() });
    if (!result.affected) throw badInput('course', 'the user has no training with this name');
  });
}

/** Replaces the trainings a workgroup requires (holders of users:manage only: it affects every member). */
export async function setWorkgroupRequiredTrainings(
  ctx: RequestContext,
  id: string,
  trainings: RequiredTrainingInput[],
): Promise<Workgroup> {
  const workgroupId = requiredId('workgroupId', id);
  const wanted = trainings.map((t, i) => ({
    course: requiredText(`trainings[${i}].course`, t.course, 64),
    kind: t.kind ?? TrainingKind.GENERAL,
  }));
  if (new Set(wanted.map((t) => t.course)).size !== wanted.length)
    throw badInput('trainings', 'names a course twice');
  return writeTransaction(ctx.ds, async (m) => {
    const workgroup = await m.getRepository(Workgroup).findOneBy({ id: workgroupId });
    if (!workgroup) throw badInput('workgroupId', 'no workgroup with this id');
    const before = await m.getRepository(WorkgroupRequiredTraining).findBy({ workgroupId });
    await m.getRepository(WorkgroupRequiredTraining).delete({ workgroupId });
    if (wanted.length)
      await m.insert(
        WorkgroupRequiredTraining,
        wanted.map((t) => ({ workgroupId, ...t })),
      );
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'setWorkgroupRequiredTrainings',
      entityType: 'Workgroup',
      entityId: workgroupId,
      clientId: null,
      before: { requiredTrainings: before.map((t) => ({ course: t.course, kind: t.kind })) },
      after: { requiredTrainings: wanted },
    });
    return workgroup;
  });
}
