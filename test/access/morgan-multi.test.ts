/**
 * morgan.multi: HMIS Users and Coordinated Entry Assessors; HSS (login, edit), NSO (login, no
 * edit), CCE (no login, edit). Access model §4: records are created as the active organization,
 * and edited by the rule of the owning organization's assignment, whatever the active one is.
 */
import { addDays } from '../../src/database/sql-time';
import {
  DemoApp,
  bedNight,
  client,
  enrollment,
  CREATE_CLIENT,
  CREATE_ENROLLMENT,
  CREATE_SERVICE,
  UPDATE_CLIENT,
  UPDATE_ENROLLMENT,
  type Context,
} from './helpers';

const demo = new DemoApp('access_morgan_multi');
const AS_NSO: Context = { workgroup: 'HMIS Users', org: 'NSO' };
const AS_HSS: Context = { workgroup: 'HMIS Users', org: 'HSS' };
const ASSESSOR_HSS: Context = { workgroup: 'Coordinated Entry Assessors', org: 'HSS' };

const CREATE_ASSESSMENT = `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { id organization { code } } }`;
const assessment = (enrollmentId: number, date: string) => ({
  input: {
    enrollmentId: String(enrollmentId),
    assessmentDate: date,
    assessmentLocation: 'Hope Street intake desk',
    assessmentType: 'IN_PERSON',
    assessmentLevel: 'CRISIS_NEEDS_ASSESSMENT',
    instrument: 'VI-SPDAT',
    score: 9,
  },
});

describe('morgan.multi', () => {
  test('can edit Hope Street records while logged in as Northside (canEdit on HSS)', async () => {
    const { ids } = demo;
    const morgan = await demo.as('morgan.multi', AS_NSO);
    const alex = await client(morgan, ids.clients['Alex Rivera']);
    expect(alex).toMatchObject({
      organization: { code: 'HSS' },
      access: { canEdit: true, ownedByActiveOrganization: false },
    });
    const updated = (
      await morgan.ok(UPDATE_CLIENT, { id: alex!.id, input: { version: alex!.version, middleName: 'J.' } })
    ).updateClient;
    expect(updated.version).toBe(alex!.version + 1);
    const rrh = (await enrollment(morgan, ids.enrollments['Alex Rivera/RRH']))!;
    const changed = (
      await morgan.ok(UPDATE_ENROLLMENT, {
        id: rrh.id,
        input: { version: rrh.version, disablingCondition: 'YES' },
      })
    ).updateEnrollment;
    expect(changed.version).toBe(rrh.version + 1);
  });

  test('cannot edit Northside records (NSO: login, no edit), whichever organization is active', async () => {
    const { ids } = demo;
    for (const context of [AS_NSO, AS_HSS]) {
      const morgan = await demo.as('morgan.multi', context);
      const carter = await client(morgan, ids.clients['Sam Carter']);
      expect(carter).toMatchObject({
        organization: { code: 'NSO' },
        access: { canEdit: false, canDelete: false },
      });
      const e = await morgan.error(UPDATE_CLIENT, {
        id: carter!.id,
        input: { version: carter!.version, middleName: 'Q' },
      });
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toMatch(/Northside Outreach.*does not allow editing/);
      const so = (await enrollment(morgan, ids.enrollments['Sam Carter/SO']))!;
      expect(
        (
          await morgan.error(UPDATE_ENROLLMENT, {
            id: so.id,
            input: { version: so.version, disablingCondition: 'NO' },
          })
        ).code,
      ).toBe('FORBIDDEN');
    }
  });

  test('creates records as Northside (canLogin) even though he may not edit them afterwards', async () => {
    const morgan = await demo.as('morgan.multi', AS_NSO);
    const created = (await morgan.ok(CREATE_CLIENT, { input: { firstName: 'Lee', lastName: 'Ocampo' } }))
      .createClient;
    expect(created.organization).toEqual({ code: 'NSO' });
    expect(
      (
        await morgan.error(UPDATE_CLIENT, {
          id: created.id,
          input: { version: created.version, middleName: 'R' },
        })
      ).code,
    ).toBe('FORBIDDEN');
    const asHss = (
      await demo
        .as('morgan.multi', AS_HSS)
        .then((m) => m.ok(CREATE_CLIENT, { input: { firstName: 'Lee', lastName: 'Okafor' } }))
    ).createClient;
    expect(asHss.organization).toEqual({ code: 'HSS' });
  });

  test("creating an enrollment in another org's program is refused, naming the program's org and telling him to select it", async () => {
    const { ids } = demo;
    const morgan = await demo.as('morgan.multi', AS_NSO);
    const e = await morgan.error(CREATE_ENROLLMENT, {
      input: {
        clientId: String(ids.clients['Alex Rivera']),
        programId: String(ids.programs.HSS_ES),
        entryDate: ids.today,
      },
    });
    expect(e).toMatchObject({ code: 'FORBIDDEN', extensions: { programOrganizationCode: 'HSS' } });
    expect(e.message).toContain('The active organization is Northside Outreach');
    expect(e.message).toContain('program Hope Street Emergency Shelter belongs to Hope Street Shelter');
    expect(e.message).toMatch(/select it with selectContext/);
  });

  test("a service in another org's enrollment is refused the same way, even where he may edit (HSS)", async () => {
    const { ids } = demo;
    const morgan = await demo.as('morgan.multi', AS_NSO);
    const e = await morgan.error(CREATE_SERVICE, bedNight(ids.enrollments['Alex Rivera/RRH'], ids.today));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/belongs to Hope Street Shelter.*select it/);
  });

  test("a user who cannot log in to the program's org is told to ask a user of that org instead (olga.outreach)", async () => {
    const { ids } = demo;
    const e = await (
      await demo.as('olga.outreach')
    ).error(CREATE_ENROLLMENT, {
      input: {
        clientId: String(ids.clients['Alex Rivera']),
        programId: String(ids.programs.HSS_ES),
        entryDate: ids.today,
      },
    });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/belongs to Hope Street Shelter\. Ask a user of Hope Street Shelter/);
    expect(e.message).not.toMatch(/selectContext/);
  });

  test('olga.outreach cannot edit the Hope Street records she sees through MOU 1001 (no assignment to HSS)', async () => {
    const { ids } = demo;
    const olga = await demo.as('olga.outreach');
    const alex = await client(olga, ids.clients['Alex Rivera']);
    expect(alex!.access.canEdit).toBe(false);
    const e = await olga.error(UPDATE_CLIENT, {
      id: alex!.id,
      input: { version: alex!.version, middleName: 'X' },
    });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/Hope Street Shelter/);
  });

  test('canEdit on CCE shows nothing: CCE records stay invisible to him, and an edit answers as for a missing id', async () => {
    const { ids } = demo;
    // A County Coordinated Entry client no release or referral consent shares (Casey Morgan's
    // consented referral to Hope Street Rapid Rehousing shows her to Hope Street).
    const cce = ids.filler.CCE[0];
    for (const context of [AS_NSO, AS_HSS]) {
      const morgan = await demo.as('morgan.multi', context);
      expect(await client(morgan, cce)).toBeNull();
      const hidden = await morgan.error(UPDATE_CLIENT, {
        id: String(cce),
        input: { version: 1, middleName: 'Z' },
      });
      const missing = await morgan.error(UPDATE_CLIENT, {
        id: '987654321',
        input: { version: 1, middleName: 'Z' },
      });
      expect(hidden).toEqual(missing);
      expect(hidden.code).toBe('BAD_USER_INPUT');
    }
  });

  test('the workgroup decides the operations: as a CE assessor at HSS he records an assessment, as an HMIS user he may not', async () => {
    const { ids } = demo;
    const date = addDays(ids.today, -1);
    const assessor = await demo.as('morgan.multi', ASSESSOR_HSS);
    expect(
      (await assessor.ok(CREATE_ASSESSMENT, assessment(ids.enrollments['Alex Rivera/RRH'], date)))
        .createAssessment.organization,
    ).toEqual({ code: 'HSS' });
    const user = await demo.as('morgan.multi', AS_HSS);
    expect(
      (await user.error(CREATE_ASSESSMENT, assessment(ids.enrollments['Alex Rivera/RRH'], date))).code,
    ).toBe('FORBIDDEN');
  });
});
