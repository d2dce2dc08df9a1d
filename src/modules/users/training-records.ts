import type { EntityManager } from 'typeorm';
import { localToday } from '../../database/sql-time';
import { notAfter, requiredText } from '../../graphql/validate';
import { UserTraining } from './user.entity';
import type { TrainingInput } from './users.inputs';

/** Records completed trainings (a course recorded again gets the new date). */
export async function recordTrainings(
  m: EntityManager,
  userId: number,
  trainings: readonly TrainingInput[],
  field: string,
): Promise<void> {
  for (const [i, t] of trainings.entries()) {
    const course = requiredText(`${field}[${i}].course`, t.course, 64);
    notAfter(`${field}[${i}].completedOn`, t.completedOn, localToday(), 'today');
    await m.getRepository(UserTraining).save({ userId, course, completedOn: t.completedOn });
  }
}
