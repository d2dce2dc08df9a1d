/**
 * Access model §5 (fields): sensitive fields resolve to null for callers without their
 * capability, never an error and never nulling the parent, and every record lists them in
 * `access.hiddenFields`. Shelter Reservation Team and assessment scores (demo-scenario.md).
 */
import { addDays } from '../../src/database/sql-time';
import { DemoApp, client, enrollment, withChange, type Context } from './helpers';

const demo = new DemoApp('access_fields');
const ASSESSOR_HSS: Context = { workgroup: 'Coordinated Entry Assessors', org: 'HSS' };
const USER_HSS: Context = { workgroup: 'HMIS Users', org: 'HSS' };

const CLIENT_FIELDS = `query($id: ID!) { client(id: $id) { id firstName lastName age ssnLast4 ssn dob sex raceEthnicity veteranStatus access { hiddenFields } } }`;
const HEALTH = `query($id: ID!) { enrollment(id: $id) { healthAndDv { id informationDate domesticViolenceSurvivor whenOccurred currentlyFleeing generalHealthStatus access { hiddenFields } } } }`;
const ASSESSMENTS = `query($id: ID!) { enrollment(id: $id) { id assessments { id assessmentDate instrument score prioritizationStatus access { hiddenFields } } } }`;

let hssAssessmentId: string;
beforeAll(async () => {
  const { ids } = demo;
  const morgan = await demo.as('morgan.multi', ASSESSOR_HSS);
  const { createAssessment } = await morgan.ok(
    `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { id score } }`,
    {
      input: {
        enrollmentId: String(ids.enrollments['Alex Rivera/RRH']),
        assessmentDate: addDays(ids.today, -2),
        assessmentLocation: 'Hope Street',
        assessmentType: 'IN_PERSON',
        assessmentLevel: 'HOUSING_NEEDS_ASSESSMENT',
        instrument: 'VI-SPDAT',
        score: 9,
        prioritizationStatus: 'PLACED_ON_PRIORITIZATION_LIST',
      },
    },
  );
  expect(createAssessment.score).toBe(9);
  hssAssessmentId = createAssessment.id;
});

async function hssAssessmentAs(username: Parameters<DemoApp['as']>[0], context?: Context) {
  const { enrollment: e } = await (
    await demo.as(username, context)
  ).ok(ASSESSMENTS, { id: String(demo.ids.enrollments['Alex Rivera/RRH']) });
  return e.assessments.find((a: { id: string }) => a.id === hssAssessmentId);
}

describe('riley.reserve (Shelter Reservation Team)', () => {
  test('reads names, age and ssnLast4 but gets null for ssn and dob, with those listed in access.hiddenFields', async () => {
    const alex = (
      await (
        await demo.as('riley.reserve')
      ).ok(CLIENT_FIELDS, { id: String(demo.ids.clients['Alex Rivera']) })
    ).client;
    expect(alex).toMatchObject({
      firstName: 'Alex',
      lastName: 'Rivera',
      ssnLast4: '8291',
      ssn: null,
      dob: null,
      sex: 'MALE',
      veteranStatus: 'NO',
    });
    expect(alex.age).toBeGreaterThanOrEqual(37);
    expect(alex.access.hiddenFields.sort()).toEqual(['dob', 'ssn']);
  });

  test('gets null for the health & DV answers (the record itself, its date and parent stay), listed in hiddenFields', async () => {
    const { enrollment: e } = await (
      await demo.as('riley.reserve')
    ).ok(HEALTH, { id: String(demo.ids.enrollments['Alex Rivera/ES']) });
    expect(e.healthAndDv).toEqual([
      {
        id: String(demo.ids.healthAndDv['Alex Rivera/ES']),
        informationDate: addDays(demo.ids.today, -60),
        domesticViolenceSurvivor: null,
        whenOccurred: null,
        currentlyFleeing: null,
        generalHealthStatus: null,
        access: {
          hiddenFields: [
            'domesticViolenceSurvivor',
            'whenOccurred',
            'currentlyFleeing',
            'generalHealthStatus',
          ],
        },
      },
    ]);
  });

  test('cannot find a client by date of birth (the answer would reveal it), but can by name', async () => {
    const riley = await demo.as('riley.reserve');
    expect((await riley.error('{ clients(search: "1987-03-14") { totalCount } }')).code).toBe('FORBIDDEN');
    const { clients } = await riley.ok('{ clients(search: "Rivera") { edges { node { id } } } }');
    expect(clients.edges.map((e: { node: { id: string } }) => Number(e.node.id))).toContain(
      demo.ids.clients['Alex Rivera'],
    );
  });

  test('a shelter staff member of the same organization reads all of those fields, and nothing is hidden', async () => {
    const sam = await demo.as('sam.shelter');
    const alex = (await sam.ok(CLIENT_FIELDS, { id: String(demo.ids.clients['Alex Rivera']) })).client;
    expect(alex).toMatchObject({
      ssn: '412558291',
      dob: '1987-03-14',
      ssnLast4: '8291',
      access: { hiddenFields: [] },
    });
    const { enrollment: e } = await sam.ok(HEALTH, { id: String(demo.ids.enrollments['Alex Rivera/ES']) });
    expect(e.healthAndDv[0]).toMatchObject({
      domesticViolenceSurvivor: 'NO',
      generalHealthStatus: 'FAIR',
      access: { hiddenFields: [] },
    });
  });
});

describe('assessment scores', () => {
  test('are null for HMIS Users, Emergency Shelter Staff and the Shelter Reservation Team, who still see the assessment with its date and instrument', async () => {
    for (const [username, context] of [
      ['mina.manager', undefined],
      ['sam.shelter', undefined],
      ['riley.reserve', undefined],
      ['morgan.multi', USER_HSS],
      ['olga.outreach', undefined],
    ] as const) {
      const a = await hssAssessmentAs(username, context);
      expect([username, a]).toEqual([
        username,
        {
          id: hssAssessmentId,
          assessmentDate: addDays(demo.ids.today, -2),
          instrument: 'VI-SPDAT',
          score: null,
          prioritizationStatus: null,
          // The instrument's answers are guarded like the score (coordinated entry).
          access: { hiddenFields: ['answers', 'score', 'prioritizationStatus'] },
        },
      ]);
    }
  });

  test('are visible to Coordinated Entry Assessors', async () => {
    expect(await hssAssessmentAs('morgan.multi', ASSESSOR_HSS)).toMatchObject({
      score: 9,
      prioritizationStatus: 'PLACED_ON_PRIORITIZATION_LIST',
      access: { hiddenFields: [] },
    });
    const { enrollment: e } = await (
      await demo.as('casey.assessor')
    ).ok(ASSESSMENTS, { id: String(demo.ids.enrollments['Sam Carter/CE']) });
    expect(e.assessments).toMatchObject([
      { score: 11, prioritizationStatus: 'PLACED_ON_PRIORITIZATION_LIST' },
    ]);
  });

  test('are visible to Priority List Managers', async () => {
    const { enrollment: e } = await (
      await demo.as('pat.priority')
    ).ok(ASSESSMENTS, { id: String(demo.ids.enrollments['Casey Morgan/CE']) });
    expect(e.assessments).toMatchObject([{ score: 8, access: { hiddenFields: [] } }]);
  });

  test('are visible to System Administrators (Alex Rivera released to the HMIS Lead Agency for this test)', async () => {
    const { ids } = demo;
    const row = [ids.clients['Alex Rivera'], ids.orgs.ADM, addDays(ids.today, 1)];
    await withChange(
      () =>
        demo.exec(
          'INSERT INTO release_exception (client_id, organization_id, valid_through) VALUES (?, ?, ?)',
          row,
        ),
      () =>
        demo.exec(
          'DELETE FROM release_exception WHERE client_id = ? AND organization_id = ?',
          row.slice(0, 2),
        ),
      async () => {
        expect(await hssAssessmentAs('admin')).toMatchObject({
          score: 9,
          prioritizationStatus: 'PLACED_ON_PRIORITIZATION_LIST',
        });
      },
    );
  });
});

describe('training pending (tara.trainee, VI-SPDAT missing)', () => {
  test('is READY with the AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING ceiling, not locked out', async () => {
    const { me } = await (await demo.as('tara.trainee')).ok('{ me { state accessRole capabilities } }');
    expect(me).toMatchObject({ state: 'READY', accessRole: 'AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING' });
    expect(me.capabilities).toEqual(
      expect.arrayContaining(['assessment:read', 'assessment.score:read', 'client:read']),
    );
    expect(me.capabilities).not.toContain('ce.assessment:write');
  });

  test('can read assessments, but createAssessment is refused', async () => {
    const { ids } = demo;
    const tara = await demo.as('tara.trainee');
    const e = (await enrollment(tara, ids.enrollments['Casey Morgan/CE']))!;
    expect(e.assessments).toMatchObject([{ id: String(ids.assessments['Casey Morgan/CE']), score: 8 }]);
    const refused = await tara.error(
      `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }`,
      {
        input: {
          enrollmentId: String(ids.enrollments['Casey Morgan/CE']),
          assessmentDate: ids.today,
          assessmentLocation: 'Civic Center',
          assessmentType: 'PHONE',
          assessmentLevel: 'CRISIS_NEEDS_ASSESSMENT',
          instrument: 'VI-SPDAT',
        },
      },
    );
    expect(refused.code).toBe('FORBIDDEN');
  });

  test('once the training is recorded, the ceiling lifts on the next request', async () => {
    const { ids } = demo;
    const tara = await demo.login('tara.trainee');
    await demo.exec('INSERT INTO user_training (user_id, course, completed_on) VALUES (?, ?, ?)', [
      ids.users['tara.trainee'],
      'VI-SPDAT',
      ids.today,
    ]);
    const { me } = await tara.ok('{ me { accessRole capabilities } }');
    expect(me.accessRole).toBe('AGENCY_STAFF');
    expect(me.capabilities).toContain('ce.assessment:write');
    expect((await client(tara, ids.clients['Casey Morgan']))!.access.hiddenFields).toEqual([]);
  });
});
