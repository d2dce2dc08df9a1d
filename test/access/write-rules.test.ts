/**
 * Access model §4, the restriction a transaction gets: the active organization's default, unless
 * it shows the restriction field and the chosen option is enabled in its Transaction Restriction
 * Options (a VSP always RESTRICTED: safe-harbor.test.ts); and changing it after creation.
 */
import { addDays } from '../../src/database/sql-time';
import {
  DemoApp,
  bedNight,
  enrollment,
  withChange,
  CREATE_ENROLLMENT,
  CREATE_SERVICE,
  UPDATE_ENROLLMENT,
  type Context,
} from './helpers';

const demo = new DemoApp('access_write_rules');

const CREATE_CLS = `mutation($input: CreateCurrentLivingSituationInput!) { createCurrentLivingSituation(input: $input) { id restriction organization { code } } }`;
const CREATE_CE_EVENT = `mutation($input: CreateCeEventInput!) { createCeEvent(input: $input) { id restriction organization { code } } }`;
const EXIT = `mutation($id: ID!, $input: ExitEnrollmentInput!) { exitEnrollment(id: $id, input: $input) { id exit { restriction } } }`;

const contact = (enrollmentId: number, date: string, restriction?: string) => ({
  input: {
    enrollmentId: String(enrollmentId),
    informationDate: date,
    currentLivingSituation: 'PLACE_NOT_MEANT_FOR_HABITATION',
    ...(restriction ? { restriction } : {}),
  },
});
const ceEvent = (enrollmentId: number, date: string, restriction?: string) => ({
  input: {
    enrollmentId: String(enrollmentId),
    eventDate: date,
    event: 'REFERRAL_TO_RRH_PROJECT_RESOURCE_OPENING',
    ...(restriction ? { restriction } : {}),
  },
});
const newEnrollment = (clientId: number, programId: number, restriction?: string) => ({
  input: {
    clientId: String(clientId),
    programId: String(programId),
    entryDate: demo.ids.today,
    ...(restriction ? { restriction } : {}),
  },
});

describe('restriction of a new transaction', () => {
  test('at HSS it is UNRESTRICTED by default and may be chosen RESTRICTED (HSS shows the field)', async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    const rrh = ids.enrollments['Alex Rivera/RRH'];
    expect((await sam.ok(CREATE_SERVICE, bedNight(rrh, ids.today))).createService).toMatchObject({
      restriction: 'UNRESTRICTED',
      organization: { code: 'HSS' },
    });
    expect(
      (await sam.ok(CREATE_SERVICE, bedNight(rrh, ids.today, 'RESTRICTED'))).createService.restriction,
    ).toBe('RESTRICTED');
    expect(
      (await sam.ok(CREATE_SERVICE, bedNight(rrh, ids.today, 'UNRESTRICTED'))).createService.restriction,
    ).toBe('UNRESTRICTED');
    const filler = ids.filler.HSS[1];
    expect(
      (await sam.ok(CREATE_ENROLLMENT, newEnrollment(filler, ids.programs.HSS_RRH, 'RESTRICTED')))
        .createEnrollment.restriction,
    ).toBe('RESTRICTED');
    expect(
      (await sam.ok(CREATE_ENROLLMENT, newEnrollment(filler, ids.programs.HSS_RRH))).createEnrollment
        .restriction,
    ).toBe('UNRESTRICTED');
  });

  test('at HSS an exit may be RESTRICTED while its enrollment is not; Northside then sees the enrollment without its exit date', async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    const stay = ids.enrollments['Jamie Fox/ES'];
    expect(
      (
        await sam.ok(EXIT, {
          id: String(stay),
          input: { exitDate: ids.today, destination: 'SAFE_HAVEN', restriction: 'RESTRICTED' },
        })
      ).exitEnrollment.exit,
    ).toEqual({ restriction: 'RESTRICTED' });
    const seen = await enrollment(await demo.as('olga.outreach'), stay);
    expect(seen).toMatchObject({ restriction: 'UNRESTRICTED', exit: null, exitDate: null });
    expect((await enrollment(sam, stay))!.exitDate).toBe(ids.today);
  });

  test("an option disabled in HSS's Transaction Restriction Options cannot be chosen", async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    await withChange(
      () =>
        demo.exec(
          "UPDATE restriction_option SET enabled = 0 WHERE organization_id = ? AND restriction = 'RESTRICTED'",
          [ids.orgs.HSS],
        ),
      () =>
        demo.exec(
          "UPDATE restriction_option SET enabled = 1 WHERE organization_id = ? AND restriction = 'RESTRICTED'",
          [ids.orgs.HSS],
        ),
      async () => {
        const e = await sam.error(
          CREATE_SERVICE,
          bedNight(ids.enrollments['Alex Rivera/RRH'], ids.today, 'RESTRICTED'),
        );
        expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.restriction' } });
        expect(e.message).toMatch(/not an enabled restriction option of Hope Street Shelter/);
      },
    );
  });

  test('at NSO it is UNRESTRICTED, and NSO may not choose (the field is hidden)', async () => {
    const { ids } = demo;
    const olga = await demo.as('olga.outreach');
    const so = ids.enrollments['Sam Carter/SO'];
    expect((await olga.ok(CREATE_CLS, contact(so, ids.today))).createCurrentLivingSituation).toMatchObject({
      restriction: 'UNRESTRICTED',
      organization: { code: 'NSO' },
    });
    const e = await olga.error(CREATE_CLS, contact(so, ids.today, 'RESTRICTED'));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.restriction' } });
    expect(e.message).toMatch(/Northside Outreach does not offer a choice of restriction/);
    expect(
      (
        await olga.error(
          CREATE_ENROLLMENT,
          newEnrollment(ids.filler.NSO[0], ids.programs.NSO_SO, 'RESTRICTED'),
        )
      ).code,
    ).toBe('BAD_USER_INPUT');
  });

  test('at CCE it defaults to RESTRICTED and UNRESTRICTED is refused', async () => {
    const { ids } = demo;
    const casey = await demo.as('casey.assessor');
    const ce = ids.enrollments['Casey Morgan/CE'];
    expect((await casey.ok(CREATE_CE_EVENT, ceEvent(ce, ids.today))).createCeEvent).toMatchObject({
      restriction: 'RESTRICTED',
      organization: { code: 'CCE' },
    });
    expect(
      (await casey.ok(CREATE_CLS, contact(ce, ids.today))).createCurrentLivingSituation.restriction,
    ).toBe('RESTRICTED');
    expect((await casey.error(CREATE_CE_EVENT, ceEvent(ce, ids.today, 'UNRESTRICTED'))).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await casey.ok(CREATE_ENROLLMENT, newEnrollment(ids.clients['Taylor Brooks'], ids.programs.CCE_CE)))
        .createEnrollment.restriction,
    ).toBe('RESTRICTED');
  });
});

describe('changing a restriction after creation', () => {
  test('a restriction can be changed after creation by someone who can edit: RESTRICTED withdraws the enrollment from Northside, UNRESTRICTED shares it again', async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    const olga = await demo.as('olga.outreach');
    const rrh = ids.enrollments['Alex Rivera/RRH'];
    const before = (await enrollment(sam, rrh))!;
    const restricted = (
      await sam.ok(UPDATE_ENROLLMENT, {
        id: String(rrh),
        input: { version: before.version, restriction: 'RESTRICTED' },
      })
    ).updateEnrollment;
    expect(restricted.restriction).toBe('RESTRICTED');
    expect(await enrollment(olga, rrh)).toBeNull();
    await sam.ok(UPDATE_ENROLLMENT, {
      id: String(rrh),
      input: { version: restricted.version, restriction: 'UNRESTRICTED' },
    });
    expect(await enrollment(olga, rrh)).toMatchObject({ restriction: 'UNRESTRICTED' });
  });

  test("morgan.multi changes a Hope Street restriction while working as Northside, by Hope Street's options", async () => {
    const { ids } = demo;
    const morgan = await demo.as('morgan.multi', { workgroup: 'HMIS Users', org: 'NSO' } as Context);
    const stay = ids.enrollments['Drew Park/ES'];
    const { version } = (await enrollment(morgan, stay))!;
    expect(
      (
        await morgan.ok(UPDATE_ENROLLMENT, {
          id: String(stay),
          input: { version, restriction: 'RESTRICTED' },
        })
      ).updateEnrollment.restriction,
    ).toBe('RESTRICTED');
    // Now RESTRICTED to HSS, it has left Northside, where morgan is working.
    expect(await enrollment(morgan, stay)).toBeNull();
    expect(await enrollment(await demo.as('sam.shelter'), stay)).toMatchObject({ restriction: 'RESTRICTED' });
  });

  test("someone who cannot edit the owner's records cannot change it (olga.outreach on a Hope Street enrollment)", async () => {
    const { ids } = demo;
    const olga = await demo.as('olga.outreach');
    const stay = ids.enrollments['Alex Rivera/ES'];
    const { version } = (await enrollment(olga, stay))!;
    expect(
      (
        await olga.error(UPDATE_ENROLLMENT, {
          id: String(stay),
          input: { version, restriction: 'RESTRICTED' },
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect((await enrollment(olga, stay))!.restriction).toBe('UNRESTRICTED');
  });

  test('the same rule as at creation: Northside cannot make its own enrollment RESTRICTED (no choice offered)', async () => {
    const { ids } = demo;
    const olga = await demo.as('olga.outreach');
    const so = ids.enrollments['Sam Carter/SO'];
    const { version } = (await enrollment(olga, so))!;
    const e = await olga.error(UPDATE_ENROLLMENT, {
      id: String(so),
      input: { version, restriction: 'RESTRICTED' },
    });
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.restriction' } });
  });

  test('a stale version is refused with CONFLICT and changes nothing', async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    const rrh = ids.enrollments['Alex Rivera/RRH'];
    const { version } = (await enrollment(sam, rrh))!;
    const e = await sam.error(UPDATE_ENROLLMENT, {
      id: String(rrh),
      input: { version: version - 1, restriction: 'RESTRICTED' },
    });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/^This enrollment was changed by someone else since you loaded it/);
    expect((await enrollment(sam, rrh))!.restriction).toBe('UNRESTRICTED');
  });

  test('a new transaction is stamped with the active organization as owner, whoever else may see its enrollment', async () => {
    const { ids } = demo;
    const casey = await demo.as('casey.assessor');
    const created = (
      await casey.ok(CREATE_CLS, contact(ids.enrollments['Sam Carter/CE'], addDays(ids.today, -1)))
    ).createCurrentLivingSituation;
    expect(created.organization).toEqual({ code: 'CCE' });
    expect(await enrollment(await demo.as('olga.outreach'), ids.enrollments['Sam Carter/CE'])).toBeNull();
  });
});
