/**
 * What sam.shelter sees working as Hope Street Shelter (HSS): its own records, RESTRICTED or not,
 * Northside's through MOU 1001, and nothing of CCE or Safe Harbor (access model §3).
 */
import { DemoApp, client, enrollment, programIds, service, sorted, visibleNamedClients } from './helpers';

const demo = new DemoApp('access_hope_street');
const sam = () => demo.as('sam.shelter');

describe('a Hope Street user (sam.shelter @ HSS)', () => {
  test('sees its own clients, Northside clients through MOU 1001, Jamie Fox and Drew Park, and Casey Morgan by the consent release of her referral to Hope Street Rapid Rehousing; not Robin Hayes', async () => {
    expect(await visibleNamedClients(demo, await sam())).toEqual([
      'Alex Rivera',
      'Jordan Lee',
      'Sam Carter',
      'Taylor Brooks',
      'Casey Morgan',
      'Jamie Fox',
      'Drew Park',
    ]);
  });

  test("Taylor Brooks' RESTRICTED outreach enrollment is invisible to HSS, but Taylor's client record is visible through MOU 1001", async () => {
    const { ids } = demo;
    const caller = await sam();
    const taylor = await client(caller, ids.clients['Taylor Brooks']);
    expect(taylor).toMatchObject({
      firstName: 'Taylor',
      lastName: 'Brooks',
      organization: { code: 'NSO' },
      enrollments: [],
    });
    expect(await enrollment(caller, ids.enrollments['Taylor Brooks/SO'])).toBeNull();
  });

  test("Sam Carter's UNRESTRICTED outreach enrollment and contacts are visible through MOU 1001; his RESTRICTED CE enrollment at CCE is not", async () => {
    const { ids } = demo;
    const caller = await sam();
    const carter = await client(caller, ids.clients['Sam Carter']);
    expect(carter!.enrollments.map((e: { id: string }) => Number(e.id))).toEqual([
      ids.enrollments['Sam Carter/SO'],
    ]);
    const so = await enrollment(caller, ids.enrollments['Sam Carter/SO']);
    expect(so!.currentLivingSituations.map((c: { id: string }) => Number(c.id))).toEqual(
      ids.currentLivingSituations['Sam Carter/SO'],
    );
    expect(await enrollment(caller, ids.enrollments['Sam Carter/CE'])).toBeNull();
  });

  test("its own RESTRICTED records stay visible to it: Jordan Lee's enrollment and bed nights", async () => {
    const { ids } = demo;
    const caller = await sam();
    const jordan = await enrollment(caller, ids.enrollments['Jordan Lee/ES']);
    expect(jordan).toMatchObject({
      restriction: 'RESTRICTED',
      organization: { code: 'HSS' },
      client: { id: String(ids.clients['Jordan Lee']) },
    });
    expect(jordan!.services.totalCount).toBe(ids.services['Jordan Lee/ES'].length);
    expect(await service(caller, ids.services['Jordan Lee/ES'][0])).toMatchObject({
      restriction: 'RESTRICTED',
    });
  });

  test('a RESTRICTED record never leaves its owner: a new RESTRICTED bed night for Alex Rivera is invisible to Northside, an UNRESTRICTED one is visible', async () => {
    const { ids } = demo;
    const caller = await sam();
    const rrh = ids.enrollments['Alex Rivera/RRH'];
    const restricted = (
      await caller.ok(
        'mutation($input: CreateServiceInput!) { createService(input: $input) { id restriction } }',
        {
          input: {
            enrollmentId: String(rrh),
            dateProvided: ids.today,
            recordType: 'SSVF_SERVICE',
            typeProvided: 1,
            restriction: 'RESTRICTED',
          },
        },
      )
    ).createService;
    const open = (
      await caller.ok(
        'mutation($input: CreateServiceInput!) { createService(input: $input) { id restriction } }',
        {
          input: {
            enrollmentId: String(rrh),
            dateProvided: ids.today,
            recordType: 'SSVF_SERVICE',
            typeProvided: 1,
          },
        },
      )
    ).createService;
    expect([restricted.restriction, open.restriction]).toEqual(['RESTRICTED', 'UNRESTRICTED']);
    const olga = await demo.as('olga.outreach');
    expect(await service(olga, restricted.id)).toBeNull();
    expect(await service(olga, open.id)).not.toBeNull();
    const seen = await enrollment(olga, rrh);
    expect(seen!.services.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([open.id]);
    expect(seen!.services.totalCount).toBe(1);
    expect((await enrollment(caller, rrh))!.services.totalCount).toBe(2);
  });

  test('nothing of County Coordinated Entry is visible (MOU 1003 HSS -> CCE is one-way, and expired) but what a consent release shows: Casey Morgan, not her RESTRICTED CE enrollment', async () => {
    const { ids } = demo;
    const caller = await sam();
    expect(await client(caller, ids.clients['Casey Morgan'])).toMatchObject({ enrollments: [] });
    expect(await enrollment(caller, ids.enrollments['Casey Morgan/CE'])).toBeNull();
    for (const id of ids.filler.CCE) expect(await client(caller, id)).toBeNull();
  });

  test('no one outside Safe Harbor sees Robin Hayes: not Hope Street', async () => {
    const { ids } = demo;
    const caller = await sam();
    expect(await client(caller, ids.clients['Robin Hayes'])).toBeNull();
    expect(await enrollment(caller, ids.enrollments['Robin Hayes/ES'])).toBeNull();
    expect(await service(caller, ids.services['Robin Hayes/ES'][0])).toBeNull();
  });

  test('programs: its own three (with Hope Street Overflow), and Northside Street Outreach through MOU 1001', async () => {
    const { ids } = demo;
    expect(await programIds(await sam())).toEqual(
      sorted([ids.programs.HSS_ES, ids.programs.HSS_RRH, ids.housing.overflowProgram, ids.programs.NSO_SO]),
    );
  });

  test('a client search never returns an invisible client, even by an exact name', async () => {
    const caller = await sam();
    const [cce] = await demo.sql('SELECT first_name, last_name FROM client WHERE id = ?', [
      demo.ids.filler.CCE[1],
    ]);
    for (const search of ['Robin Hayes', `${cce.first_name} ${cce.last_name}`]) {
      const { clients } = await caller.ok(
        'query($s: String) { clients(search: $s) { totalCount edges { node { id } } } }',
        { s: search },
      );
      expect(clients).toEqual({ totalCount: 0, edges: [] });
    }
  });
});
