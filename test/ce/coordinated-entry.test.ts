/**
 * Coordinated entry (issue 14, access model §9), end to end through GraphQL as pat.priority
 * (Priority List Managers @ CCE), casey.assessor (Coordinated Entry Assessors @ CCE) and
 * sam.shelter (Emergency Shelter Staff @ HSS, receiving at Hope Street Rapid Rehousing).
 * The tests of one file share a database and run in order.
 */
import { addDays } from '../../src/database/sql-time';
import { DemoApp, client, withChange, type Context } from '../access/helpers';

const demo = new DemoApp('ce_coordinated_entry');
const pat = () => demo.as('pat.priority');
const casey = () => demo.as('casey.assessor');
const sam = () => demo.as('sam.shelter');
const ASSESSOR_HSS: Context = { workgroup: 'Coordinated Entry Assessors', org: 'HSS' };

const LIST = `query($first: Int, $after: String, $status: PriorityListStatus) {
  priorityList(first: $first, after: $after, status: $status) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id position status clientId firstName lastName totalScore assessmentDate listedOn
      history { fromStatus toStatus reason changedBy } } } } }`;
const SET_STATUS = `mutation($id: ID!, $status: PriorityListStatus!, $reason: String!) {
  setPriorityStatus(entryId: $id, status: $status, reason: $reason) { id status history { toStatus reason changedBy } } }`;
const SET_ORDER = `mutation($input: PriorityOrderInput!) { setPriorityOrder(input: $input) { keys { key direction } } }`;
const REFERRAL_FIELDS = `id status clientId firstName lastName age programName referringOrganization receivingOrganization
  referralDate assessmentDate assessmentInstrument totalScore consent notes referralResult closeReason closedDate releasedThrough`;
const TO_ME = `{ referralsToMe { totalCount edges { node { ${REFERRAL_FIELDS} } } } }`;
const CREATE_REFERRAL = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }`;
const RESPOND = `mutation($id: ID!, $input: ReferralResponseInput!) { respondToReferral(id: $id, input: $input) { ${REFERRAL_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawReferral(id: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;
const CREATE_ASSESSMENT = `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) {
  id instrument instrumentId score prioritizationStatus answers { questionCode value points } } }`;

type Entry = {
  id: string;
  position: number;
  status: string;
  clientId: string;
  firstName: string | null;
  totalScore: number | null;
  assessmentDate: string | null;
  history: { fromStatus: string | null; toStatus: string; reason: string; changedBy: string | null }[];
};

async function wholeList(
  caller: Awaited<ReturnType<typeof pat>>,
  first = 50,
  status?: string,
): Promise<Entry[]> {
  const all: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await caller.ok(LIST, { first, after, status })).priorityList;
    all.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

/** Stored scores of the entries, for checking the order independently of the API. */
async function storedScores(): Promise<Map<number, { score: number | null; date: string }>> {
  const rows = await demo.sql('SELECT id, total_score, assessment_date FROM priority_list_entry');
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        score: r.total_score === null ? null : Number(r.total_score),
        date: String(r.assessment_date).slice(0, 10),
      },
    ]),
  );
}

const HPS_ANSWERS = [
  { questionCode: 'HIST_TIME', value: 'OVER_2Y' }, // 2
  { questionCode: 'EPISODES', value: 'TWO_THREE' }, // 1
  { questionCode: 'ER_VISITS', value: 'YES' }, // 1
  { questionCode: 'HARMED', value: 'YES' }, // 2
  { questionCode: 'LEGAL', value: 'NO' },
  { questionCode: 'INCOME', value: 'YES' }, // 1
  { questionCode: 'DAILY_TASKS', value: 'NO' },
  { questionCode: 'CHRONIC', value: 'YES' }, // 2
  { questionCode: 'MENTAL', value: 'NO' },
  { questionCode: 'SUBSTANCE', value: 'NO' },
  { questionCode: 'HOUSEHOLD', value: '1' },
];

describe('the priority list', () => {
  test('pat.priority sees the demo list in the default order (total score descending, then assessment date ascending), numbered 1..n, with Sam Carter 11 and Casey Morgan 8', async () => {
    const { ids } = demo;
    const list = await wholeList(await pat());
    expect(list.length).toBeGreaterThanOrEqual(6);
    expect(list.map((e) => e.position)).toEqual(list.map((_, i) => i + 1));
    const stored = await storedScores();
    const keys = list.map((e) => stored.get(Number(e.id))!);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      expect(
        (a.score ?? -1) > (b.score ?? -1) || ((a.score ?? -1) === (b.score ?? -1) && a.date <= b.date),
      ).toBe(true);
    }
    const byClient = new Map(list.map((e) => [Number(e.clientId), e]));
    expect(byClient.get(ids.clients['Sam Carter'])).toMatchObject({
      firstName: 'Sam',
      totalScore: 11,
      status: 'ACTIVE',
    });
    expect(byClient.get(ids.clients['Casey Morgan'])).toMatchObject({ firstName: 'Casey', totalScore: 8 });
    const onHold = list.filter((e) => e.status === 'ON_HOLD');
    expect(onHold).toHaveLength(1);
    expect(onHold[0].history.at(-1)).toMatchObject({ toStatus: 'ON_HOLD', changedBy: 'pat.priority' });
    expect(onHold[0].history.at(-1)!.reason).toMatch(/cannot be reached/i);
  });

  test('keyset pages of 3 continue the numbering with no gap and no repeat, and totalCount counts every visible entry', async () => {
    const caller = await pat();
    const whole = await wholeList(caller);
    const paged = await wholeList(caller, 3);
    expect(paged.map((e) => [e.id, e.position])).toEqual(whole.map((e) => [e.id, e.position]));
    const first: any = (await caller.ok(LIST, { first: 3 })).priorityList;
    expect(first.totalCount).toBe(whole.length);
    const active = await wholeList(caller, 4, 'ACTIVE');
    expect(active.every((e) => e.status === 'ACTIVE')).toBe(true);
    expect(active.map((e) => e.position)).toEqual(active.map((_, i) => i + 1));
  });

  test('a partner organization sees only the entries of clients visible to it, numbered 1..n among them, and no score of an assessment it cannot see', async () => {
    const { ids } = demo;
    // morgan.multi as an assessor at Hope Street: Sam Carter (MOU 1001 from Northside) and Casey
    // Morgan (consent release of her referral to Hope Street); CCE's RESTRICTED clients and
    // assessments stay hidden.
    const morgan = await demo.as('morgan.multi', ASSESSOR_HSS);
    const list = await wholeList(morgan);
    expect(list.map((e) => Number(e.clientId)).sort()).toEqual(
      [ids.clients['Sam Carter'], ids.clients['Casey Morgan']].sort(),
    );
    expect(list.map((e) => e.position)).toEqual([1, 2]);
    expect(list.every((e) => e.totalScore === null && e.assessmentDate === null)).toBe(true);
    const page: any = (await morgan.ok(LIST, { first: 1 })).priorityList;
    expect(page.totalCount).toBe(2);
  });

  test('HMIS Users do not see the list (olga.outreach: FORBIDDEN); tara.trainee (training pending) reads it and the instruments', async () => {
    expect((await (await demo.as('olga.outreach')).error(LIST)).code).toBe('FORBIDDEN');
    const tara = await demo.as('tara.trainee');
    expect((await tara.ok<any>(LIST, { first: 2 })).priorityList.edges).toHaveLength(2);
    const instruments = (
      await tara.ok<any>('{ assessmentInstruments { name questions { code answerType } } }')
    ).assessmentInstruments;
    expect(instruments.map((i: any) => i.name)).toContain('Housing Priority Survey');
  });

  test('the order is data: setPriorityOrder by assessment date ascending reorders the list; a repeated key is BAD_USER_INPUT; only priorityList:manage may set it', async () => {
    const caller = await pat();
    expect(
      (
        await caller.error(SET_ORDER, {
          input: {
            keys: [
              { key: 'TOTAL_SCORE', direction: 'DESC' },
              { key: 'TOTAL_SCORE', direction: 'ASC' },
            ],
          },
        })
      ).extensions.field,
    ).toBe('input.keys[1].key');
    expect(
      (
        await (
          await casey()
        ).error(SET_ORDER, { input: { keys: [{ key: 'LISTED_DATE', direction: 'ASC' }] } })
      ).code,
    ).toBe('FORBIDDEN');
    await caller.ok(SET_ORDER, { input: { keys: [{ key: 'ASSESSMENT_DATE', direction: 'ASC' }] } });
    const stored = await storedScores();
    const list = await wholeList(caller, 4);
    const dates = list.map((e) => stored.get(Number(e.id))!.date);
    expect(dates).toEqual([...dates].sort());
    await caller.ok(SET_ORDER, {
      input: {
        keys: [
          { key: 'TOTAL_SCORE', direction: 'DESC' },
          { key: 'ASSESSMENT_DATE', direction: 'ASC' },
        ],
      },
    });
  });

  test('a status change needs a reason (BAD_USER_INPUT naming reason, nothing written) and is kept in the history with who made it', async () => {
    const { ids } = demo;
    const caller = await pat();
    const entry = String(ids.priorityEntries[ids.clients['Sam Carter']]);
    const before = await demo.sql('SELECT COUNT(*) AS n FROM priority_list_status_change');
    const err = await caller.error(SET_STATUS, { id: entry, status: 'ON_HOLD', reason: '  ' });
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(await demo.sql('SELECT COUNT(*) AS n FROM priority_list_status_change')).toEqual(before);
    expect(
      (await (await casey()).error(SET_STATUS, { id: entry, status: 'ON_HOLD', reason: 'x' })).code,
    ).toBe('FORBIDDEN');
    const held = (
      await caller.ok<any>(SET_STATUS, { id: entry, status: 'ON_HOLD', reason: 'In hospital this week' })
    ).setPriorityStatus;
    expect(held.history.at(-1)).toEqual({
      toStatus: 'ON_HOLD',
      reason: 'In hospital this week',
      changedBy: 'pat.priority',
    });
    await caller.ok(SET_STATUS, { id: entry, status: 'ACTIVE', reason: 'Back from hospital' });
    const audit = await demo.sql(
      "SELECT COUNT(*) AS n FROM audit_event WHERE operation = 'setPriorityStatus' AND entity_id = ?",
      [Number(entry)],
    );
    expect(Number(audit[0].n)).toBe(2);
  });

  test('an entry of a client the caller cannot see is not listed, and changing it answers as a missing one', async () => {
    const { ids } = demo;
    // Robin Hayes (Safe Harbor, a victim service provider) is never visible to CCE: an entry of
    // hers (made here with SQL) must not show, nor be told apart from a missing id.
    const [robin] = await demo.sql('SELECT id FROM enrollment WHERE client_id = ?', [
      ids.clients['Robin Hayes'],
    ]);
    await demo.exec(
      `INSERT INTO priority_list_entry (client_id, active_client_id, enrollment_id, assessment_id, status, total_score, assessment_date, listed_on, version)
       VALUES (?, ?, ?, ?, 'ACTIVE', 20, ?, ?, 1)`,
      [
        ids.clients['Robin Hayes'],
        ids.clients['Robin Hayes'],
        robin.id,
        ids.assessments['Sam Carter/CE'],
        ids.today,
        ids.today,
      ],
    );
    const [{ id: hidden }] = await demo.sql('SELECT MAX(id) AS id FROM priority_list_entry');
    try {
      const caller = await pat();
      const list = await wholeList(caller);
      expect(list.map((e) => Number(e.clientId))).not.toContain(ids.clients['Robin Hayes']);
      expect(list.map((e) => e.position)).toEqual(list.map((_, i) => i + 1));
      const seen = await caller.error(SET_STATUS, { id: String(hidden), status: 'ON_HOLD', reason: 'x' });
      const unknown = await caller.error(SET_STATUS, { id: '999999', status: 'ON_HOLD', reason: 'x' });
      expect([seen.code, seen.message]).toEqual([unknown.code, unknown.message]);
      expect(unknown.message).toBe('entryId: no priority list entry with this id');
    } finally {
      await demo.exec('DELETE FROM priority_list_entry WHERE id = ?', [hidden]);
    }
  });

  test('at most one ACTIVE entry per client is held by the database: 20 concurrent activations of 20 entries of one client, 1 succeeds', async () => {
    const { ids } = demo;
    const clientId = ids.filler.CCE[0]; // ON_HOLD in the demo, so the client has no ACTIVE entry
    const [held] = await demo.sql('SELECT * FROM priority_list_entry WHERE id = ?', [ids.onHoldEntry]);
    const entryIds: number[] = [];
    for (let i = 0; i < 20; i++) {
      await demo.exec(
        `INSERT INTO priority_list_entry (client_id, active_client_id, enrollment_id, assessment_id, status, total_score, assessment_date, listed_on, version)
         VALUES (?, NULL, ?, ?, 'INACTIVE', ?, ?, ?, 1)`,
        [
          clientId,
          held.enrollment_id,
          held.assessment_id,
          held.total_score,
          held.assessment_date,
          held.listed_on,
        ],
      );
      const [row] = await demo.sql('SELECT MAX(id) AS id FROM priority_list_entry');
      entryIds.push(Number(row.id));
    }
    const caller = await pat();
    const results = await Promise.all(
      entryIds.map((id) =>
        caller.post(SET_STATUS, { id: String(id), status: 'ACTIVE', reason: 'Reactivated' }),
      ),
    );
    const ok = results.filter((r) => !r.errors?.length);
    const codes = results.filter((r) => r.errors?.length).map((r) => r.errors![0].extensions?.code);
    expect(ok).toHaveLength(1);
    expect(new Set(codes)).toEqual(new Set(['CONFLICT']));
    const [active] = await demo.sql(
      "SELECT COUNT(*) AS n FROM priority_list_entry WHERE client_id = ? AND status = 'ACTIVE'",
      [clientId],
    );
    expect(Number(active.n)).toBe(1);
    // Put them away again so later tests see the demo list.
    await demo.exec(`DELETE FROM priority_list_status_change WHERE entry_id IN (${entryIds.join(',')})`);
    await demo.exec(`DELETE FROM priority_list_entry WHERE id IN (${entryIds.join(',')})`);
  });
});

describe('assessments with an instrument', () => {
  let instrumentId: string;
  let clientId: string;
  let enrollmentId: string;
  const base = () => ({
    enrollmentId,
    assessmentDate: demo.ids.today,
    assessmentLocation: 'Civic Center access point',
    assessmentType: 'IN_PERSON',
    assessmentLevel: 'HOUSING_NEEDS_ASSESSMENT',
    instrumentId,
  });

  beforeAll(async () => {
    const c = await casey();
    instrumentId = (await c.ok<any>('{ assessmentInstruments { id name } }')).assessmentInstruments.find(
      (i: any) => i.name === 'Housing Priority Survey',
    ).id;
    clientId = (
      await c.ok<any>('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', {
        input: { firstName: 'Quinn', lastName: 'Avery', dob: '1990-04-02' },
      })
    ).createClient.id;
    enrollmentId = (
      await c.ok<any>('mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }', {
        input: { clientId, programId: String(demo.ids.programs.CCE_CE), entryDate: demo.ids.today },
      })
    ).createEnrollment.id;
  });

  const assessments = async () =>
    Number(
      (await demo.sql('SELECT COUNT(*) AS n FROM assessment WHERE client_id = ?', [Number(clientId)]))[0].n,
    );

  test.each([
    [
      'an answer outside the code list',
      [{ questionCode: 'HIST_TIME', value: 'FOREVER' }],
      'input.answers[0].value',
    ],
    [
      'a YES_NO answer that is neither',
      [{ questionCode: 'ER_VISITS', value: 'MAYBE' }],
      'input.answers[0].value',
    ],
    ['a NUMBER answer out of range', [{ questionCode: 'HOUSEHOLD', value: '99' }], 'input.answers[0].value'],
    ['an unknown question', [{ questionCode: 'SHOE_SIZE', value: '9' }], 'input.answers[0].questionCode'],
    ['missing required answers', [{ questionCode: 'HIST_TIME', value: 'OVER_2Y' }], 'input.answers'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_what, answers, field) => {
    const err = await (await casey()).error(CREATE_ASSESSMENT, { input: { ...base(), answers } });
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', field]);
    expect(await assessments()).toBe(0);
  });

  test('a score sent with an instrument that computes it is refused', async () => {
    const err = await (
      await casey()
    ).error(CREATE_ASSESSMENT, { input: { ...base(), answers: HPS_ANSWERS, score: 17 } });
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.score']);
    expect(await assessments()).toBe(0);
  });

  test('tara.trainee (assessment training pending) cannot record one', async () => {
    const err = await (
      await demo.as('tara.trainee')
    ).error(CREATE_ASSESSMENT, { input: { ...base(), answers: HPS_ANSWERS } });
    expect(['FORBIDDEN', 'TRAINING_REQUIRED']).toContain(err.code);
    expect(await assessments()).toBe(0);
  });

  test('recording it stores the answers, computes the total score (sum of points) and prioritization status, and puts the client on the list ACTIVE', async () => {
    const saved = (
      await (await casey()).ok<any>(CREATE_ASSESSMENT, { input: { ...base(), answers: HPS_ANSWERS } })
    ).createAssessment;
    expect(saved).toMatchObject({
      instrument: 'Housing Priority Survey',
      instrumentId,
      score: 9,
      prioritizationStatus: 'PLACED_ON_PRIORITIZATION_LIST',
    });
    expect(saved.answers.find((a: any) => a.questionCode === 'HARMED')).toEqual({
      questionCode: 'HARMED',
      value: 'YES',
      points: 2,
    });
    const list = await wholeList(await pat());
    expect(list.find((e) => e.clientId === clientId)).toMatchObject({
      status: 'ACTIVE',
      totalScore: 9,
      firstName: 'Quinn',
    });
  });

  test('answers and results are guarded like scores: without assessment.score:read (removed from Priority List Managers) they are null on the assessment and the list, while its existence and date stay', async () => {
    const wg = demo.ids.workgroups['Priority List Managers'];
    const caller = await pat();
    const query = `query($id: ID!) { enrollment(id: $id) { assessments { assessmentDate instrument score prioritizationStatus answers { value } } } }`;
    await withChange(
      () =>
        demo.exec(
          "DELETE FROM workgroup_capability WHERE workgroup_id = ? AND capability = 'assessment.score:read'",
          [wg],
        ),
      () =>
        demo.exec(
          "INSERT INTO workgroup_capability (workgroup_id, capability) VALUES (?, 'assessment.score:read')",
          [wg],
        ),
      async () => {
        const [a] = (await caller.ok<any>(query, { id: enrollmentId })).enrollment.assessments;
        expect(a).toEqual({
          assessmentDate: demo.ids.today,
          instrument: 'Housing Priority Survey',
          score: null,
          prioritizationStatus: null,
          answers: null,
        });
        const entry = (await wholeList(caller)).find((e) => e.clientId === clientId);
        expect(entry).toMatchObject({ firstName: 'Quinn', totalScore: null, assessmentDate: demo.ids.today });
      },
    );
    const [a] = (await caller.ok<any>(query, { id: enrollmentId })).enrollment.assessments;
    expect(a.score).toBe(9);
    expect(a.answers).toHaveLength(HPS_ANSWERS.length);
  });

  test('the programType filter keeps entries whose CE enrollment is in a program of that HUD project type', async () => {
    const caller = await pat();
    const q = `query($t: ProjectType) { priorityList(first: 500, programType: $t) { totalCount } }`;
    const all = (await caller.ok<any>(q, {})).priorityList.totalCount;
    expect((await caller.ok<any>(q, { t: 'COORDINATED_ENTRY' })).priorityList.totalCount).toBe(all);
    expect((await caller.ok<any>(q, { t: 'STREET_OUTREACH' })).priorityList.totalCount).toBe(0);
  });

  test('exiting the CE enrollment takes the client off the list (INACTIVE, with the reason in its history)', async () => {
    await (
      await casey()
    ).ok(
      `mutation($id: ID!, $d: LocalDate!) { exitEnrollment(id: $id, input: { exitDate: $d, destination: SAFE_HAVEN }) { id } }`,
      { id: enrollmentId, d: demo.ids.today },
    );
    const entry = (await wholeList(await pat())).find((e) => e.clientId === clientId)!;
    expect(entry.status).toBe('INACTIVE');
    expect(entry.history.at(-1)).toMatchObject({
      fromStatus: 'ACTIVE',
      toStatus: 'INACTIVE',
      changedBy: 'casey.assessor',
    });
  });
});

describe('referrals', () => {
  const releaseOf = async (clientId: number, org: number) =>
    demo.sql('SELECT valid_through FROM release_exception WHERE client_id = ? AND organization_id = ?', [
      clientId,
      org,
    ]);

  test("sam.shelter sees Casey Morgan's pending referral to Hope Street Rapid Rehousing, with her name and age but no score, and her record through the consent release", async () => {
    const { ids } = demo;
    const s = await sam();
    const data = (await s.ok<any>(TO_ME)).referralsToMe;
    expect(data.totalCount).toBe(1);
    expect(data.edges[0].node).toMatchObject({
      status: 'PENDING',
      firstName: 'Casey',
      lastName: 'Morgan',
      programName: 'Hope Street Rapid Rehousing',
      referringOrganization: 'CCE',
      receivingOrganization: 'HSS',
      assessmentInstrument: 'VI-SPDAT',
      totalScore: null,
      consent: true,
      releasedThrough: null,
    });
    expect(data.edges[0].node.age).toBeGreaterThan(40);
    expect(await client(s, ids.clients['Casey Morgan'])).toMatchObject({ firstName: 'Casey' });
    // The referring side reads the score.
    const mine = (
      await (await pat()).ok<any>(`{ referralsFromMe { edges { node { totalScore firstName } } } }`)
    ).referralsFromMe.edges;
    expect(mine[0].node).toEqual({ totalScore: 8, firstName: 'Casey' });
  });

  test('bad referrals are refused naming the field, and nothing is written: a program taking no CE referrals, a program not operating, an entry not ACTIVE, an entry with a pending referral', async () => {
    const { ids } = demo;
    const caller = await pat();
    const count = async () => Number((await demo.sql('SELECT COUNT(*) AS n FROM referral'))[0].n);
    const before = await count();
    const filler = String(ids.priorityEntries[ids.filler.CCE[5]]);
    const noCe = await caller.error(CREATE_REFERRAL, {
      input: { entryId: filler, programId: String(ids.programs.HSS_ES), consent: false },
    });
    expect([noCe.code, noCe.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.programId']);
    expect(noCe.message).toMatch(/does not take coordinated entry referrals/);
    await demo.exec('UPDATE program SET operating_end_date = ? WHERE id = ?', [
      addDays(ids.today, -1),
      ids.programs.HSS_RRH,
    ]);
    try {
      const closed = await caller.error(CREATE_REFERRAL, {
        input: { entryId: filler, programId: String(ids.programs.HSS_RRH), consent: false },
      });
      expect([closed.code, closed.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.programId']);
      expect(closed.message).toMatch(/not operating/);
    } finally {
      await demo.exec('UPDATE program SET operating_end_date = NULL WHERE id = ?', [ids.programs.HSS_RRH]);
    }
    const held = await caller.error(CREATE_REFERRAL, {
      input: { entryId: String(ids.onHoldEntry), programId: String(ids.programs.HSS_RRH), consent: false },
    });
    expect([held.code, held.extensions.field]).toEqual(['CONFLICT', 'input.entryId']);
    expect(held.message).not.toMatch(/[A-Z][a-z]+ [A-Z][a-z]+/); // names no client
    const pending = await caller.error(CREATE_REFERRAL, {
      input: {
        entryId: String(ids.priorityEntries[ids.clients['Casey Morgan']]),
        programId: String(ids.programs.HSS_RRH),
        consent: true,
      },
    });
    expect([pending.code, pending.extensions.field]).toEqual(['CONFLICT', 'input.entryId']);
    expect(await count()).toBe(before);
  });

  test('acceptance with a HUD referral result moves the entry to REFERRED, records the result on the CE event, and shortens the consent release to the close plus 30 days; enrolling Casey in the program makes her HOUSED', async () => {
    const { ids } = demo;
    const s = await sam();
    const referralId = String(ids.referrals['Casey Morgan/HSS_RRH']);
    const wrong = await s.error(RESPOND, {
      id: referralId,
      input: {
        decision: 'ACCEPT',
        referralResult: 'UNSUCCESSFUL_REFERRAL_PROVIDER_REJECTED',
        reason: 'Unit ready',
      },
    });
    expect([wrong.code, wrong.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.referralResult']);
    const accepted = (
      await s.ok<any>(RESPOND, {
        id: referralId,
        input: {
          decision: 'ACCEPT',
          referralResult: 'SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED',
          reason: 'Unit ready on Elm St',
        },
      })
    ).respondToReferral;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      referralResult: 'SUCCESSFUL_REFERRAL_CLIENT_ACCEPTED',
      closedDate: ids.today,
      releasedThrough: addDays(ids.today, 30),
    });
    expect(await releaseOf(ids.clients['Casey Morgan'], ids.orgs.HSS)).toEqual([
      { valid_through: expect.stringMatching(addDays(ids.today, 30)) },
    ]);
    const [event] = await demo.sql('SELECT referral_result, result_date FROM ce_event WHERE id = ?', [
      ids.ceEvents['Casey Morgan/CE'],
    ]);
    expect(Number(event.referral_result)).toBe(1);
    const again = await s.error(RESPOND, {
      id: referralId,
      input: { decision: 'REJECT', referralResult: 'UNSUCCESSFUL_REFERRAL_CLIENT_REJECTED', reason: 'x' },
    });
    expect(again.code).toBe('CONFLICT');
    const status = async () =>
      (
        await demo.sql('SELECT status FROM priority_list_entry WHERE id = ?', [
          ids.priorityEntries[ids.clients['Casey Morgan']],
        ])
      )[0].status;
    expect(await status()).toBe('REFERRED');
    await s.ok('mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }', {
      input: {
        clientId: String(ids.clients['Casey Morgan']),
        programId: String(ids.programs.HSS_RRH),
        entryDate: ids.today,
      },
    });
    expect(await status()).toBe('HOUSED');
  });

  test('with consent a referral releases a client Hope Street could not see until it is withdrawn; without consent the receiving org reads the referral (name by field rule) but not the client', async () => {
    const { ids } = demo;
    const p = await pat();
    const s = await sam();
    const withConsent = ids.filler.CCE[6];
    const withoutConsent = ids.filler.CCE[7];
    expect(await client(s, withConsent)).toBeNull();
    const referral = (
      await p.ok<any>(CREATE_REFERRAL, {
        input: {
          entryId: String(ids.priorityEntries[withConsent]),
          programId: String(ids.programs.HSS_RRH),
          consent: true,
          notes: 'Needs a ground-floor unit',
        },
      })
    ).createReferral;
    expect(referral).toMatchObject({ status: 'PENDING', consent: true, releasedThrough: null });
    const [event] = await demo.sql(
      "SELECT event FROM ce_event WHERE client_id = ? AND location_crisis_or_ph_housing = 'Hope Street Rapid Rehousing'",
      [withConsent],
    );
    expect(Number(event.event)).toBe(13); // HUD 4.20.2: referral to an RRH project resource opening
    expect(await client(s, withConsent)).not.toBeNull();
    const withdrawn = (await p.ok<any>(WITHDRAW, { id: referral.id, reason: 'Client moved out of county' }))
      .withdrawReferral;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', releasedThrough: addDays(ids.today, -1) });
    expect(await client(s, withConsent)).toBeNull();
    expect((await s.error(WITHDRAW, { id: referral.id, reason: 'x' })).code).toBe('FORBIDDEN');

    const plain = (
      await p.ok<any>(CREATE_REFERRAL, {
        input: {
          entryId: String(ids.priorityEntries[withoutConsent]),
          programId: String(ids.programs.HSS_RRH),
          consent: false,
        },
      })
    ).createReferral;
    expect(await releaseOf(withoutConsent, ids.orgs.HSS)).toEqual([]);
    const toSam = (await s.ok<any>(TO_ME)).referralsToMe.edges.map((e: any) => e.node);
    expect(toSam.find((r: any) => r.id === plain.id)).toMatchObject({ status: 'PENDING', totalScore: null });
    expect(toSam.find((r: any) => r.id === plain.id).firstName).not.toBeNull();
    expect(await client(s, withoutConsent)).toBeNull();
    // Rejected: the entry stays ACTIVE for the next opening.
    const rejected = (
      await s.ok<any>(RESPOND, {
        id: plain.id,
        input: {
          decision: 'REJECT',
          referralResult: 'UNSUCCESSFUL_REFERRAL_PROVIDER_REJECTED',
          reason: 'No unit this month',
        },
      })
    ).respondToReferral;
    expect(rejected.status).toBe('REJECTED');
    const [entry] = await demo.sql('SELECT status FROM priority_list_entry WHERE id = ?', [
      ids.priorityEntries[withoutConsent],
    ]);
    expect(entry.status).toBe('ACTIVE');
    const audited = await demo.sql(
      "SELECT DISTINCT operation FROM audit_event WHERE operation IN ('createReferral', 'respondToReferral', 'withdrawReferral')",
    );
    expect(audited.map((r) => r.operation).sort()).toEqual([
      'createReferral',
      'respondToReferral',
      'withdrawReferral',
    ]);
  });

  test('referralsToMe pages newest first with keyset cursors, each referral once', async () => {
    const s = await sam();
    const q = `query($after: String) { referralsToMe(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page: any = (await s.ok(q, { after })).referralsToMe;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => Number(e.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBe(3);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(3);
  });

  test('a user of another organization sees none of these referrals (olga.outreach @ NSO)', async () => {
    expect((await (await demo.as('olga.outreach')).ok<any>(TO_ME)).referralsToMe.totalCount).toBe(0);
  });
});
