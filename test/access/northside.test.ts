/**
 * What olga.outreach sees working as Northside Outreach (NSO): access model §3 through MOU 1001
 * (HSS <-> NSO), the one-way MOU 1002 (NSO -> CCE), restrict intake and RESTRICTED transactions.
 */
import { addDays } from '../../src/database/sql-time';
import {
  DemoApp,
  client,
  enrollment,
  programIds,
  service,
  sorted,
  visibleNamedClients,
  withChange,
  PROGRAMS,
} from './helpers';

const demo = new DemoApp('access_northside');
const olga = () => demo.as('olga.outreach');

describe('a Northside user (olga.outreach @ NSO)', () => {
  test("sees Alex Rivera's unrestricted shelter enrollment through MOU 1001, with its bed nights, exit and health record", async () => {
    const { ids } = demo;
    const alex = await client(await olga(), ids.clients['Alex Rivera']);
    expect(alex).toMatchObject({ firstName: 'Alex', lastName: 'Rivera', organization: { code: 'HSS' } });
    expect(sorted(alex!.enrollments.map((e: { id: string }) => e.id))).toEqual(
      sorted([ids.enrollments['Alex Rivera/ES'], ids.enrollments['Alex Rivera/RRH']]),
    );

    const es = await enrollment(await olga(), ids.enrollments['Alex Rivera/ES']);
    expect(es).toMatchObject({
      restriction: 'UNRESTRICTED',
      organization: { code: 'HSS' },
      client: { id: String(ids.clients['Alex Rivera']) },
    });
    expect(es!.services.totalCount).toBe(ids.services['Alex Rivera/ES'].length);
    expect(es!.exit).toEqual({ id: String(ids.exits['Alex Rivera/ES']) });
    expect(es!.healthAndDv.map((h: { id: string }) => Number(h.id))).toEqual([
      ids.healthAndDv['Alex Rivera/ES'],
    ]);
    expect(await service(await olga(), ids.services['Alex Rivera/ES'][0])).toMatchObject({
      restriction: 'UNRESTRICTED',
      organization: { code: 'HSS' },
    });
  });

  test('sees exactly Alex Rivera, Sam Carter, Taylor Brooks, Jamie Fox and Drew Park among the named clients', async () => {
    expect(await visibleNamedClients(demo, await olga())).toEqual([
      'Alex Rivera',
      'Sam Carter',
      'Taylor Brooks',
      'Jamie Fox',
      'Drew Park',
    ]);
  });

  test('Jordan Lee (restrict intake) is invisible to Northside even though HSS shares with NSO; his RESTRICTED enrollment and bed nights are invisible too', async () => {
    const { ids } = demo;
    const caller = await olga();
    expect(await client(caller, ids.clients['Jordan Lee'])).toBeNull();
    expect(await enrollment(caller, ids.enrollments['Jordan Lee/ES'])).toBeNull();
    for (const id of ids.services['Jordan Lee/ES']) expect(await service(caller, id)).toBeNull();
    const { clients } = await caller.ok(
      '{ clients(search: "Jordan", first: 500) { totalCount edges { node { id } } } }',
    );
    expect(clients.edges.map((e: { node: { id: string } }) => Number(e.node.id))).not.toContain(
      ids.clients['Jordan Lee'],
    );
  });

  test("Sam Carter's CE enrollment at CCE (RESTRICTED) is invisible to NSO, though NSO owns Sam Carter and shares with CCE", async () => {
    const { ids } = demo;
    const caller = await olga();
    const sam = await client(caller, ids.clients['Sam Carter']);
    expect(sam!.enrollments.map((e: { id: string }) => Number(e.id))).toEqual([
      ids.enrollments['Sam Carter/SO'],
    ]);
    expect(await enrollment(caller, ids.enrollments['Sam Carter/CE'])).toBeNull();
  });

  test("sees its own RESTRICTED records: Taylor Brooks' outreach enrollment and contact", async () => {
    const { ids } = demo;
    const taylor = await enrollment(await olga(), ids.enrollments['Taylor Brooks/SO']);
    expect(taylor).toMatchObject({ restriction: 'RESTRICTED', organization: { code: 'NSO' } });
    expect(taylor!.currentLivingSituations.map((c: { id: string }) => Number(c.id))).toEqual(
      ids.currentLivingSituations['Taylor Brooks/SO'],
    );
  });

  test('MOU 1002 is one-way (NSO -> CCE): nothing of County Coordinated Entry is visible to Northside', async () => {
    const { ids } = demo;
    const caller = await olga();
    expect(await client(caller, ids.clients['Casey Morgan'])).toBeNull();
    expect(await enrollment(caller, ids.enrollments['Casey Morgan/CE'])).toBeNull();
    for (const id of ids.filler.CCE) expect(await client(caller, id)).toBeNull();
  });

  test('no one at Safe Harbor (a victim service provider) is visible to Northside', async () => {
    const { ids } = demo;
    const caller = await olga();
    expect(await client(caller, ids.clients['Robin Hayes'])).toBeNull();
    for (const id of ids.filler.SHD) expect(await client(caller, id)).toBeNull();
  });

  test('programs: its own, plus Hope Street (shares with NSO through MOU 1001) read-only; not CCE or Safe Harbor', async () => {
    const { ids } = demo;
    const caller = await olga();
    expect(await programIds(caller)).toEqual(
      sorted([ids.programs.NSO_SO, ids.programs.HSS_ES, ids.programs.HSS_RRH, ids.housing.overflowProgram]),
    );
    const { programs } = await caller.ok(PROGRAMS);
    const owned = programs
      .filter((p: { ownedByActiveOrganization: boolean }) => p.ownedByActiveOrganization)
      .map((p: { id: string }) => Number(p.id));
    expect(owned).toEqual([ids.programs.NSO_SO]);
    expect(
      (await caller.ok('query($id: ID!) { program(id: $id) { id } }', { id: String(ids.programs.CCE_CE) }))
        .program,
    ).toBeNull();
    expect(
      (await caller.ok('query($id: ID!) { program(id: $id) { id } }', { id: String(ids.programs.HSS_ES) }))
        .program,
    ).toEqual({ id: String(ids.programs.HSS_ES) });
  });

  test('an MOU that has ended shares nothing: ending MOU 1001 yesterday withdraws Alex Rivera, his records and the Hope Street programs on the next request', async () => {
    const { ids } = demo;
    const caller = await olga();
    const yesterday = addDays(ids.today, -1);
    await withChange(
      () =>
        demo.exec('UPDATE information_release SET end_date = ? WHERE id = ?', [
          yesterday,
          ids.releases[1001],
        ]),
      () => demo.exec('UPDATE information_release SET end_date = NULL WHERE id = ?', [ids.releases[1001]]),
      async () => {
        expect(await client(caller, ids.clients['Alex Rivera'])).toBeNull();
        expect(await enrollment(caller, ids.enrollments['Alex Rivera/ES'])).toBeNull();
        expect(await service(caller, ids.services['Alex Rivera/ES'][0])).toBeNull();
        expect(await programIds(caller)).toEqual([ids.programs.NSO_SO]);
      },
    );
    expect(await client(caller, ids.clients['Alex Rivera'])).not.toBeNull();
  });

  test('an MOU ending today still shares today; one starting tomorrow does not share yet', async () => {
    const { ids } = demo;
    const caller = await olga();
    const restore = () =>
      demo.exec('UPDATE information_release SET start_date = ?, end_date = NULL WHERE id = ?', [
        addDays(ids.today, -365),
        ids.releases[1001],
      ]);
    await withChange(
      () =>
        demo.exec('UPDATE information_release SET end_date = ? WHERE id = ?', [
          ids.today,
          ids.releases[1001],
        ]),
      restore,
      async () => {
        expect(await client(caller, ids.clients['Alex Rivera'])).not.toBeNull();
      },
    );
    await withChange(
      () =>
        demo.exec('UPDATE information_release SET start_date = ? WHERE id = ?', [
          addDays(ids.today, 1),
          ids.releases[1001],
        ]),
      restore,
      async () => {
        expect(await client(caller, ids.clients['Alex Rivera'])).toBeNull();
      },
    );
  });
});
