/**
 * Victim service providers (access model §3, VAWA): Safe Harbor DV Services (SHD) never shares
 * through MOUs, its transactions are always RESTRICTED and its clients always restrict-intake;
 * only a release exception can release one of its clients.
 */
import { addDays } from '../../src/database/sql-time';
import {
  DemoApp,
  bedNight,
  client,
  enrollment,
  service,
  withChange,
  CREATE_CLIENT,
  CREATE_ENROLLMENT,
  CREATE_SERVICE,
  UPDATE_CLIENT,
  UPDATE_ENROLLMENT,
  type Context,
} from './helpers';

const demo = new DemoApp('access_safe_harbor');
const dana = () => demo.as('dana.dv');

/** Every context a demo user outside Safe Harbor can work in. */
const OUTSIDERS: Array<[Parameters<DemoApp['as']>[0], Context | undefined]> = [
  ['admin', undefined],
  ['sam.shelter', undefined],
  ['olga.outreach', undefined],
  ['casey.assessor', undefined],
  ['tara.trainee', undefined],
  ['pat.priority', undefined],
  ['riley.reserve', undefined],
  ['mina.manager', undefined],
  ['morgan.multi', { workgroup: 'HMIS Users', org: 'HSS' }],
  ['morgan.multi', { workgroup: 'Coordinated Entry Assessors', org: 'NSO' }],
];

const EXIT = `mutation($id: ID!, $input: ExitEnrollmentInput!) { exitEnrollment(id: $id, input: $input) { id } }`;

describe('Safe Harbor DV Services, a victim service provider', () => {
  test('no one outside Safe Harbor sees Robin Hayes, his enrollment or his bed nights', async () => {
    const { ids } = demo;
    for (const [username, context] of OUTSIDERS) {
      const caller = await demo.as(username, context);
      expect([caller.label, await client(caller, ids.clients['Robin Hayes'])]).toEqual([caller.label, null]);
      expect(await enrollment(caller, ids.enrollments['Robin Hayes/ES'])).toBeNull();
      expect(await service(caller, ids.services['Robin Hayes/ES'][0])).toBeNull();
      const { clients } = await caller.ok(
        '{ clients(search: "Hayes", first: 500) { edges { node { id } } } }',
      );
      expect(clients.edges.map((e: { node: { id: string } }) => Number(e.node.id))).not.toContain(
        ids.clients['Robin Hayes'],
      );
    }
  });

  test('Safe Harbor itself sees Robin Hayes with his stay, bed nights and DV answers', async () => {
    const { ids } = demo;
    const stay = await enrollment(await dana(), ids.enrollments['Robin Hayes/ES']);
    expect(stay).toMatchObject({
      restriction: 'RESTRICTED',
      client: { id: String(ids.clients['Robin Hayes']) },
    });
    expect(stay!.services.totalCount).toBe(ids.services['Robin Hayes/ES'].length);
    expect(stay!.healthAndDv).toMatchObject([
      { domesticViolenceSurvivor: 'YES', access: { hiddenFields: [] } },
    ]);
  });

  test('its transactions are always RESTRICTED: by default, and UNRESTRICTED is refused on create, on exit and on update', async () => {
    const { ids } = demo;
    const caller = await dana();
    const stay = ids.enrollments['Robin Hayes/ES'];
    expect((await caller.ok(CREATE_SERVICE, bedNight(stay, ids.today))).createService.restriction).toBe(
      'RESTRICTED',
    );
    expect(
      (await caller.ok(CREATE_SERVICE, bedNight(stay, ids.today, 'RESTRICTED'))).createService.restriction,
    ).toBe('RESTRICTED');
    const refused = await caller.error(CREATE_SERVICE, bedNight(stay, ids.today, 'UNRESTRICTED'));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.restriction' } });
    expect(refused.message).toMatch(/victim service provider/);
    const exit = await caller.error(EXIT, {
      id: String(stay),
      input: { exitDate: ids.today, destination: 'SAFE_HAVEN', restriction: 'UNRESTRICTED' },
    });
    expect(exit.code).toBe('BAD_USER_INPUT');
    const { version } = (await enrollment(caller, stay))!;
    expect(
      (
        await caller.error(UPDATE_ENROLLMENT, {
          id: String(stay),
          input: { version, restriction: 'UNRESTRICTED' },
        })
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect((await enrollment(caller, stay))!.restriction).toBe('RESTRICTED');
  });

  test('its transactions stay RESTRICTED even if its settings say UNRESTRICTED and show the restriction field', async () => {
    const { ids } = demo;
    await withChange(
      () =>
        demo.exec(
          "UPDATE organization SET default_restriction = 'UNRESTRICTED', display_restriction_field = 1 WHERE id = ?",
          [ids.orgs.SHD],
        ),
      () =>
        demo.exec(
          "UPDATE organization SET default_restriction = 'RESTRICTED', display_restriction_field = 0 WHERE id = ?",
          [ids.orgs.SHD],
        ),
      async () => {
        const caller = await dana();
        const created = (
          await caller.ok(CREATE_ENROLLMENT, {
            input: {
              clientId: String(ids.filler.SHD[0]),
              programId: String(ids.programs.SHD_ES),
              entryDate: ids.today,
            },
          })
        ).createEnrollment;
        expect(created).toMatchObject({ restriction: 'RESTRICTED', organization: { code: 'SHD' } });
      },
    );
  });

  test('a VSP client is always restrict-intake: created so even when asked otherwise, and the flag cannot be cleared', async () => {
    const caller = await dana();
    const created = (
      await caller.ok(CREATE_CLIENT, { input: { firstName: 'Kim', lastName: 'Vale', restrictIntake: false } })
    ).createClient;
    expect(created).toMatchObject({ restrictIntake: true, organization: { code: 'SHD' } });
    const e = await caller.error(UPDATE_CLIENT, {
      id: created.id,
      input: { version: created.version, restrictIntake: false },
    });
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'input.restrictIntake' } });
    expect((await client(caller, created.id))!.restrictIntake).toBe(true);
  });

  test('it can never be the source of an MOU share: a share SHD -> HSS stored in MOU 1001 releases nothing to Hope Street', async () => {
    const { ids } = demo;
    const share = [ids.releases[1001], ids.orgs.SHD, ids.orgs.HSS];
    await withChange(
      () =>
        demo.exec(
          'INSERT INTO information_release_share (release_id, from_organization_id, to_organization_id) VALUES (?, ?, ?)',
          share,
        ),
      () =>
        demo.exec(
          'DELETE FROM information_release_share WHERE release_id = ? AND from_organization_id = ? AND to_organization_id = ?',
          share,
        ),
      async () => {
        const sam = await demo.as('sam.shelter');
        expect(await client(sam, ids.clients['Robin Hayes'])).toBeNull();
        for (const id of ids.filler.SHD) expect(await client(sam, id)).toBeNull();
        const { programs } = await sam.ok('{ programs { id } }');
        expect(programs.map((p: { id: string }) => Number(p.id))).not.toContain(ids.programs.SHD_ES);
      },
    );
  });

  test('only a release exception releases one of its clients: Robin Hayes to Hope Street until a date, client record only (his records are all RESTRICTED)', async () => {
    const { ids } = demo;
    const row = [ids.clients['Robin Hayes'], ids.orgs.HSS, addDays(ids.today, 7)];
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
        const sam = await demo.as('sam.shelter');
        expect(await client(sam, ids.clients['Robin Hayes'])).toMatchObject({
          firstName: 'Robin',
          enrollments: [],
        });
        expect(await enrollment(sam, ids.enrollments['Robin Hayes/ES'])).toBeNull();
        expect(await service(sam, ids.services['Robin Hayes/ES'][0])).toBeNull();
        expect(await client(await demo.as('olga.outreach'), ids.clients['Robin Hayes'])).toBeNull();
      },
    );
    expect(await client(await demo.as('sam.shelter'), ids.clients['Robin Hayes'])).toBeNull();
  });
});
