import { badInput } from '../../graphql/errors';
import type { RequestContext } from '../../graphql/context';
import { parseId } from '../../graphql/connection';
import { requiredText } from '../../graphql/validate';
import type { Assessment } from '../transaction/assessment.entity';
import type { CreateAssessmentInput } from '../transaction/transaction.inputs';
import { scoreAnswers } from './assessment-scoring';
import { AssessmentInstrument } from './instrument.entity';

type Results = Pick<Assessment, 'instrument' | 'instrumentId' | 'answers' | 'score' | 'prioritizationStatus'>;

/**
 * The instrument, answers and results of a new assessment: computed from the answers when an
 * instrument is named (a score or status sent with it is refused), as typed in otherwise.
 */
export async function assessmentResults(ctx: RequestContext, input: CreateAssessmentInput): Promise<Results> {
  const given = (v: unknown) => v !== null && v !== undefined;
  if (!given(input.instrumentId)) {
    if (given(input.answers)) throw badInput('input.answers', 'are recorded only with an instrumentId');
    if (given(input.score) && ((input.score as number) < 0 || (input.score as number) > 1000))
      throw badInput('input.score', 'must be between 0 and 1000');
    return {
      instrument: requiredText('input.instrument', input.instrument, 64),
      instrumentId: null,
      answers: null,
      score: input.score ?? null,
      prioritizationStatus: input.prioritizationStatus ?? null,
    };
  }
  const id = parseId(input.instrumentId as string);
  const instrument =
    id === null ? null : await ctx.ds.getRepository(AssessmentInstrument).findOneBy({ id, active: true });
  if (!instrument) throw badInput('input.instrumentId', 'no assessment instrument in use with this id');
  if (given(input.score))
    throw badInput(
      'input.score',
      `${instrument.name} computes the total score from the answers: do not send one`,
    );
  if (given(input.prioritizationStatus))
    throw badInput(
      'input.prioritizationStatus',
      `${instrument.name} computes the prioritization status from the answers: do not send one`,
    );
  if (given(input.instrument) && input.instrument !== instrument.name)
    throw badInput('input.instrument', `is ${instrument.name} for this instrumentId (or leave it out)`);
  const scored = scoreAnswers(instrument, input.answers ?? []);
  return {
    instrument: instrument.name,
    instrumentId: instrument.id,
    answers: scored.answers,
    score: scored.score,
    prioritizationStatus: scored.prioritizationStatus,
  };
}
