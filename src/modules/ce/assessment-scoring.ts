/**
 * Scoring of an assessment recorded with an instrument (HUD FY2026 AssessmentQuestions and
 * AssessmentResults): each answer is checked against its question (answer type, code list,
 * range) and scores its points; the total score is their sum and the prioritization status
 * follows the instrument's placement threshold. Pure: the caller stores the result in the same
 * transaction as the assessment.
 */
import { badInput } from '../../graphql/errors';
import { PrioritizationStatus } from '../../hud';
import type { AssessmentAnswer } from '../transaction/assessment.entity';
import { AnswerType, type AssessmentInstrument } from './instrument.entity';

export interface ScoredAssessment {
  answers: AssessmentAnswer[];
  score: number;
  prioritizationStatus: PrioritizationStatus;
}

export function scoreAnswers(
  instrument: Pick<AssessmentInstrument, 'name' | 'questions' | 'placementThreshold'>,
  given: readonly { questionCode: string; value: string }[],
  field = 'input.answers',
): ScoredAssessment {
  const byCode = new Map(instrument.questions.map((q) => [q.code, q]));
  const seen = new Set<string>();
  const answers: AssessmentAnswer[] = given.map((a, i) => {
    const at = `${field}[${i}]`;
    const question = byCode.get(a.questionCode);
    if (!question)
      throw badInput(`${at}.questionCode`, `${instrument.name} has no question ${quote(a.questionCode)}`);
    if (seen.has(question.code))
      throw badInput(`${at}.questionCode`, `question ${question.code} is answered twice`);
    seen.add(question.code);
    const value = String(a.value ?? '').trim();
    return { questionCode: question.code, value, points: pointsOf(question, value, `${at}.value`) };
  });
  const missing = instrument.questions.filter((q) => q.required && !seen.has(q.code)).map((q) => q.code);
  if (missing.length) throw badInput(field, `required questions are not answered: ${missing.join(', ')}`);
  const score = answers.reduce((sum, a) => sum + a.points, 0);
  return {
    answers,
    score,
    prioritizationStatus:
      score >= instrument.placementThreshold
        ? PrioritizationStatus.PLACED_ON_PRIORITIZATION_LIST
        : PrioritizationStatus.NOT_PLACED_ON_PRIORITIZATION_LIST,
  };
}

function pointsOf(question: AssessmentInstrument['questions'][number], value: string, field: string): number {
  switch (question.answerType) {
    case AnswerType.CODE: {
      const option = question.options.find((o) => o.code === value);
      if (!option)
        throw badInput(
          field,
          `is not in the code list of question ${question.code} (${question.options.map((o) => o.code).join(', ')})`,
        );
      return option.points;
    }
    case AnswerType.YES_NO:
      if (value !== 'YES' && value !== 'NO')
        throw badInput(field, `question ${question.code} is answered YES or NO`);
      return value === 'YES' ? (question.yesPoints ?? 0) : 0;
    case AnswerType.NUMBER: {
      if (!/^-?[0-9]{1,9}$/.test(value))
        throw badInput(field, `question ${question.code} is answered with a whole number`);
      const n = Number(value);
      if ((question.min !== null && n < question.min) || (question.max !== null && n > question.max))
        throw badInput(
          field,
          `question ${question.code} is answered between ${question.min} and ${question.max}`,
        );
      return 0;
    }
    default:
      throw badInput(field, `question ${question.code} cannot be answered`);
  }
}

/** A caller's text quoted in a message, shortened so a message never echoes a long input. */
function quote(text: string): string {
  const t = String(text ?? '');
  return JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}...` : t);
}
