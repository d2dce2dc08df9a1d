/**
 * AssessmentQuestions.csv and AssessmentResults.csv (HUD 4.19): the answers and total score of a
 * coordinated entry assessment, read through the same read policy as Assessment.csv. A caller with
 * assessment.score:read gets one row per answer and one per scored assessment; a caller without it gets
 * the headers only, and the answer and result columns named as withheld. Both exports pass the
 * independent checker.
 *
 * casey.assessor (Coordinated Entry Assessors at CCE) and pat.priority (Priority List Managers at CCE)
 * are made data analysts so they may export; the Priority List Managers lose assessment.score:read in
 * this file's database. Sam Carter's CE assessment is given answers of the demo instrument.
 */
import { addDays } from '../../src/database/sql-time';
import { HOUSING_PRIORITY_SURVEY } from '../../seeds/demo-ce';
import { DemoApp } from '../access/helpers';
import { checkHudCsvZip } from './independent-checker';

const demo = new DemoApp('hud_csv_assessments');

const [first, second] = HOUSING_PRIORITY_SURVEY.questions;
const answers = [
  { questionCode: second.code, value: second.options[1].code, points: second.options[1].points },
  { questionCode: first.code, value: first.options[2].code, points: first.options[2].points },
];

async function exportAs(username: string, workgroup: string) {
  const caller = await demo.login(username, { workgroup: workgroup as never, org: 'CCE' });
  const res = await fetch(
    `${demo.api.url}/exports/hud-csv?start=${addDays(demo.ids.today, -365)}&end=${demo.ids.today}`,
    { headers: { authorization: `Bearer ${caller.token}` } },
  );
  expect(res.status).toBe(200);
  const withheld = (res.headers.get('waypoint-withheld-columns') ?? '').split(',');
  return { withheld, ...checkHudCsvZip(Buffer.from(await res.arrayBuffer())) };
}

beforeAll(async () => {
  await demo.exec('UPDATE app_user SET access_role = ? WHERE username IN (?, ?)', [
    'AGENCY_STAFF_DATA_ANALYSIS',
    'casey.assessor',
    'pat.priority',
  ]);
  await demo.exec(
    `DELETE FROM workgroup_capability WHERE capability = 'assessment.score:read'
       AND workgroup_id = (SELECT id FROM workgroup WHERE name = 'Priority List Managers')`,
  );
  const [instrument] = await demo.sql('SELECT id FROM assessment_instrument WHERE name = ?', [
    HOUSING_PRIORITY_SURVEY.name,
  ]);
  await demo.exec('UPDATE assessment SET instrument_id = ?, answers = ?, score = ? WHERE id = ?', [
    instrument.id,
    JSON.stringify(answers),
    answers[0].points + answers[1].points,
    demo.ids.assessments['Sam Carter/CE'],
  ]);
});

test('a caller who may read scores gets each answer and each total score, and the export passes the checker', async () => {
  const { withheld, tables, problems } = await exportAs('casey.assessor', 'Coordinated Entry Assessors');
  expect(problems).toEqual([]);
  expect(withheld).not.toContain('AssessmentQuestions.csv:AssessmentAnswer');
  expect(withheld).not.toContain('AssessmentResults.csv:AssessmentResult');

  const sam = String(demo.ids.assessments['Sam Carter/CE']);
  const assessment = tables['Assessment.csv'].find((a) => a.AssessmentID === sam)!;
  const questions = tables['AssessmentQuestions.csv'].filter((q) => q.AssessmentID === sam);
  expect(questions.map((q) => [q.AssessmentQuestion, q.AssessmentAnswer])).toEqual(
    answers.map((a) => [a.questionCode, a.value]),
  );
  // Group and order come from the instrument: the second question answered first is still number 2.
  expect(questions.map((q) => [q.AssessmentQuestionGroup, q.AssessmentQuestionOrder])).toEqual([
    [second.group, '2'],
    [first.group, '1'],
  ]);
  for (const q of questions)
    expect([q.EnrollmentID, q.PersonalID]).toEqual([assessment.EnrollmentID, assessment.PersonalID]);

  const results = tables['AssessmentResults.csv'];
  expect(results.find((r) => r.AssessmentID === sam)).toMatchObject({
    AssessmentResultType: 'VI-SPDAT total score',
    AssessmentResult: String(answers[0].points + answers[1].points),
  });
  // Casey Morgan's typed-in score is a result too; an assessment without answers has no question rows.
  const casey = String(demo.ids.assessments['Casey Morgan/CE']);
  expect(results.find((r) => r.AssessmentID === casey)?.AssessmentResult).toBe('8');
  expect(tables['AssessmentQuestions.csv'].filter((q) => q.AssessmentID === casey)).toEqual([]);
});

test('a caller who may not read scores gets the headers only, with the answer and result columns named withheld', async () => {
  const { withheld, tables, problems } = await exportAs('pat.priority', 'Priority List Managers');
  expect(problems).toEqual([]);
  expect(withheld).toEqual(
    expect.arrayContaining([
      'Assessment.csv:PrioritizationStatus',
      'AssessmentQuestions.csv:AssessmentAnswer',
      'AssessmentResults.csv:AssessmentResult',
    ]),
  );
  // The assessments themselves are visible to this caller...
  expect(tables['Assessment.csv'].map((a) => a.AssessmentID)).toContain(
    String(demo.ids.assessments['Sam Carter/CE']),
  );
  // ...their answers and scores are not, not even as rows with empty values.
  expect(tables['AssessmentQuestions.csv']).toEqual([]);
  expect(tables['AssessmentResults.csv']).toEqual([]);
});
