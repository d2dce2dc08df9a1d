/**
 * Access model §3: a record that is not visible does not exist for the caller. A lookup of an
 * invisible id answers exactly like a lookup of an id that does not exist (same data, no error),
 * and a mutation naming one fails with the same BAD_USER_INPUT as for a missing id.
 */
import { addDays } from '../../src/database/sql-time';
import { DemoApp, withChange, type Caller } from './helpers';

const demo = new DemoApp('access_not_found');
const MISSING = '987654321';

/** Full responses (status, data, errors) for an invisible and a missing id, to compare whole. */
async function both(
  caller: Caller,
  query: string,
  vars: (id: string) => Record<string, unknown>,
  invisible: number,
) {
  return {
    invisible: await caller.post(query, vars(String(invisible))),
    missing: await caller.post(query, vars(MISSING)),
  };
}

const LOOKUPS = {
  client: 'query($id: ID!) { client(id: $id) { id firstName } }',
  enrollment: 'query($id: ID!) { enrollment(id: $id) { id entryDate } }',
  service: 'query($id: ID!) { service(id: $id) { id dateProvided } }',
};

describe('lookup of an invisible id answers exactly like a nonexistent id', () => {
  test('client(id): Jordan Lee (restrict intake), Casey Morgan (CCE) and Robin Hayes (VSP) for Northside', async () => {
    const olga = await demo.as('olga.outreach');
    for (const name of ['Jordan Lee', 'Casey Morgan', 'Robin Hayes'] as const) {
      const { invisible, missing } = await both(
        olga,
        LOOKUPS.client,
        (id) => ({ id }),
        demo.ids.clients[name],
      );
      expect(invisible).toEqual(missing);
      expect(invisible).toEqual({ status: 200, data: { client: null } });
    }
  });

  test("enrollment(id): Jordan Lee's and Taylor Brooks' RESTRICTED enrollments for the other side of MOU 1001", async () => {
    const { ids } = demo;
    for (const [user, key] of [
      ['olga.outreach', 'Jordan Lee/ES'],
      ['sam.shelter', 'Taylor Brooks/SO'],
    ] as const) {
      const { invisible, missing } = await both(
        await demo.as(user),
        LOOKUPS.enrollment,
        (id) => ({ id }),
        ids.enrollments[key],
      );
      expect(invisible).toEqual(missing);
      expect(invisible).toEqual({ status: 200, data: { enrollment: null } });
    }
  });

  test("service(id): Jordan Lee's RESTRICTED bed night for Northside, Alex Rivera's for CCE (expired MOU)", async () => {
    const { ids } = demo;
    for (const [user, key] of [
      ['olga.outreach', 'Jordan Lee/ES'],
      ['casey.assessor', 'Alex Rivera/ES'],
    ] as const) {
      const { invisible, missing } = await both(
        await demo.as(user),
        LOOKUPS.service,
        (id) => ({ id }),
        ids.services[key][0],
      );
      expect(invisible).toEqual(missing);
      expect(invisible).toEqual({ status: 200, data: { service: null } });
    }
  });

  test('malformed ids answer the same way as missing ones', async () => {
    const olga = await demo.as('olga.outreach');
    for (const [field, query] of Object.entries(LOOKUPS)) {
      for (const id of ['abc', '-1', '0', '99999999999999'])
        expect(await olga.post(query, { id })).toEqual({ status: 200, data: { [field]: null } });
    }
  });
});

describe('a mutation naming an invisible id fails with the same BAD_USER_INPUT as a missing id', () => {
  const cases: Array<{
    name: string;
    user: 'olga.outreach' | 'casey.assessor';
    target: (ids: typeof demo.ids) => number;
    query: string;
    vars: (id: string) => Record<string, unknown>;
  }> = [
    {
      name: 'updateClient (Jordan Lee)',
      user: 'olga.outreach',
      target: (ids) => ids.clients['Jordan Lee'],
      query: 'mutation($id: ID!) { updateClient(id: $id, input: { version: 1, middleName: "X" }) { id } }',
      vars: (id) => ({ id }),
    },
    {
      name: 'deleteClient (Robin Hayes)',
      user: 'olga.outreach',
      target: (ids) => ids.clients['Robin Hayes'],
      query: 'mutation($id: ID!) { deleteClient(input: { id: $id, version: 1 }) }',
      vars: (id) => ({ id }),
    },
    {
      name: 'updateEnrollment (Jordan Lee/ES)',
      user: 'olga.outreach',
      target: (ids) => ids.enrollments['Jordan Lee/ES'],
      query:
        'mutation($id: ID!) { updateEnrollment(id: $id, input: { version: 1, disablingCondition: NO }) { id } }',
      vars: (id) => ({ id }),
    },
    {
      name: 'deleteEnrollment (Casey Morgan/CE)',
      user: 'olga.outreach',
      target: (ids) => ids.enrollments['Casey Morgan/CE'],
      query: 'mutation($id: ID!) { deleteEnrollment(input: { id: $id, version: 1 }) }',
      vars: (id) => ({ id }),
    },
    {
      name: 'exitEnrollment (Jordan Lee/ES)',
      user: 'olga.outreach',
      target: (ids) => ids.enrollments['Jordan Lee/ES'],
      query: `mutation($id: ID!, $d: LocalDate!) { exitEnrollment(id: $id, input: { exitDate: $d, destination: SAFE_HAVEN }) { id } }`,
      vars: (id) => ({ id, d: demo.ids.today }),
    },
    {
      name: 'deleteService (Jordan Lee/ES)',
      user: 'olga.outreach',
      target: (ids) => ids.services['Jordan Lee/ES'][0],
      query: 'mutation($id: ID!) { deleteService(input: { id: $id, version: 1 }) }',
      vars: (id) => ({ id }),
    },
    {
      name: 'createEnrollment for an invisible client (Jordan Lee)',
      user: 'olga.outreach',
      target: (ids) => ids.clients['Jordan Lee'],
      query:
        'mutation($id: ID!, $p: ID!, $d: LocalDate!) { createEnrollment(input: { clientId: $id, programId: $p, entryDate: $d }) { id } }',
      vars: (id) => ({ id, p: String(demo.ids.programs.NSO_SO), d: demo.ids.today }),
    },
    {
      name: 'createService in an invisible enrollment (Jordan Lee/ES)',
      user: 'olga.outreach',
      target: (ids) => ids.enrollments['Jordan Lee/ES'],
      query:
        'mutation($id: ID!, $d: LocalDate!) { createService(input: { enrollmentId: $id, dateProvided: $d, recordType: BED_NIGHT, typeProvided: 200 }) { id } }',
      vars: (id) => ({ id, d: demo.ids.today }),
    },
    {
      name: 'createCurrentLivingSituation in an invisible enrollment (Taylor Brooks/SO, for CCE)',
      user: 'casey.assessor',
      target: (ids) => ids.enrollments['Taylor Brooks/SO'],
      query:
        'mutation($id: ID!, $d: LocalDate!) { createCurrentLivingSituation(input: { enrollmentId: $id, informationDate: $d, currentLivingSituation: SAFE_HAVEN }) { id } }',
      vars: (id) => ({ id, d: demo.ids.today }),
    },
    {
      name: 'createAssessment in an invisible enrollment (Alex Rivera/ES, for CCE)',
      user: 'casey.assessor',
      target: (ids) => ids.enrollments['Alex Rivera/ES'],
      query: `mutation($id: ID!, $d: LocalDate!) { createAssessment(input: { enrollmentId: $id, assessmentDate: $d, assessmentLocation: "x", assessmentType: PHONE, assessmentLevel: CRISIS_NEEDS_ASSESSMENT, instrument: "VI-SPDAT" }) { id } }`,
      vars: (id) => ({ id, d: demo.ids.today }),
    },
    {
      name: 'createCeEvent in an invisible enrollment (Drew Park/ES, expired release exception)',
      user: 'casey.assessor',
      target: (ids) => ids.enrollments['Drew Park/ES'],
      query:
        'mutation($id: ID!, $d: LocalDate!) { createCeEvent(input: { enrollmentId: $id, eventDate: $d, event: REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING }) { id } }',
      vars: (id) => ({ id, d: demo.ids.today }),
    },
    {
      name: 'createHealthAndDv in an invisible enrollment (Robin Hayes/ES)',
      user: 'casey.assessor',
      target: (ids) => ids.enrollments['Robin Hayes/ES'],
      query:
        'mutation($id: ID!, $d: LocalDate!) { createHealthAndDv(input: { enrollmentId: $id, informationDate: $d }) { id } }',
      vars: (id) => ({ id, d: demo.ids.today }),
    },
  ];

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const caller = await demo.as(c.user);
    const invisible = await caller.error(c.query, c.vars(String(c.target(demo.ids))));
    const missing = await caller.error(c.query, c.vars(MISSING));
    expect(invisible).toEqual(missing);
    expect(invisible.code).toBe('BAD_USER_INPUT');
    expect(invisible.message).toMatch(/no (client|enrollment|Service|Enrollment|Client) with this id/);
  });
});

describe('a program the caller cannot see does not exist for them either', () => {
  const CREATE =
    'mutation($c: ID!, $p: ID!, $d: LocalDate!) { createEnrollment(input: { clientId: $c, programId: $p, entryDate: $d }) { id } }';

  test("createEnrollment in a program not visible to the active org (Safe Harbor's, CCE's for Northside) answers as for a missing program, without naming it", async () => {
    const { ids } = demo;
    const olga = await demo.as('olga.outreach');
    const vars = (p: string) => ({ c: String(ids.clients['Sam Carter']), p, d: ids.today });
    const missing = await olga.error(CREATE, vars(MISSING));
    expect(missing).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.programId' } });
    for (const program of [ids.programs.SHD_ES, ids.programs.CCE_CE]) {
      const hidden = await olga.error(CREATE, vars(String(program)));
      expect(hidden).toEqual(missing);
      expect(hidden.message).not.toMatch(/Safe Harbor|Coordinated Entry/);
    }
  });

  test('a program of an organization the user can log in to is named, with the advice to select it, even when the active org does not see it', async () => {
    const { ids } = demo;
    // morgan.multi may log in to HSS; working as Northside with MOU 1001 ended, HSS programs are not visible.
    const morgan = await demo.login('morgan.multi', { workgroup: 'HMIS Users', org: 'NSO' });
    await withChange(
      () =>
        demo.exec('UPDATE information_release SET end_date = ? WHERE id = ?', [
          addDays(ids.today, -1),
          ids.releases[1001],
        ]),
      () => demo.exec('UPDATE information_release SET end_date = NULL WHERE id = ?', [ids.releases[1001]]),
      async () => {
        const e = await morgan.error(CREATE, {
          c: String(ids.clients['Sam Carter']),
          p: String(ids.programs.HSS_ES),
          d: ids.today,
        });
        expect(e.code).toBe('FORBIDDEN');
        expect(e.message).toMatch(
          /belongs to Hope Street Shelter\. You can log in as Hope Street Shelter: select it/,
        );
      },
    );
  });
});

describe('explainAccess does not tell an invisible record from a missing one', () => {
  const EXPLAIN = `query($t: ExplainRecordType, $id: ID) { explainAccess(recordType: $t, id: $id) { allowed rule explanation facts advice } }`;

  test.each([
    ['CLIENT', 'Robin Hayes'],
    ['ENROLLMENT', 'Jordan Lee/ES'],
    ['PROGRAM', 'SHD_ES'],
  ] as const)('%s %s, for Northside', async (recordType, name) => {
    const { ids } = demo;
    const id =
      recordType === 'CLIENT'
        ? ids.clients[name as 'Robin Hayes']
        : recordType === 'ENROLLMENT'
          ? ids.enrollments[name as 'Jordan Lee/ES']
          : ids.programs[name as 'SHD_ES'];
    const olga = await demo.as('olga.outreach');
    const answer = async (asked: string) =>
      JSON.stringify((await olga.ok(EXPLAIN, { t: recordType, id: asked })).explainAccess)
        .split(asked)
        .join('<id>');
    expect(await answer(String(id))).toEqual(await answer(MISSING));
    expect(await answer(String(id))).not.toMatch(/Safe Harbor|Hope Street|Jordan|Robin/);
  });
});
