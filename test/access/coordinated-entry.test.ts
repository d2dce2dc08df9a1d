/**
 * What casey.assessor sees working as County Coordinated Entry (CCE): an expired MOU (1003),
 * release exceptions (Jamie Fox valid, Drew Park expired), MOU 1002 from Northside, and its own
 * RESTRICTED records (access model §3).
 */
import { addDays } from '../../src/database/sql-time';
import {
  DemoApp,
  bedNight,
  client,
  enrollment,
  programIds,
  service,
  sorted,
  visibleNamedClients,
  CREATE_SERVICE,
} from './helpers';

const demo = new DemoApp('access_coordinated_entry');
const casey = () => demo.as('casey.assessor');

describe('a County Coordinated Entry user (casey.assessor @ CCE)', () => {
  test('sees Sam Carter, Taylor Brooks (MOU 1002), Casey Morgan (own) and Jamie Fox (release exception) among the named clients', async () => {
    expect(await visibleNamedClients(demo, await casey())).toEqual([
      'Sam Carter',
      'Taylor Brooks',
      'Casey Morgan',
      'Jamie Fox',
    ]);
  });

  test('an expired MOU shares nothing: 1003 (HSS -> CCE) ended 30 days ago, so no Hope Street client, enrollment, service or program is visible through it', async () => {
    const { ids } = demo;
    const caller = await casey();
    expect(await client(caller, ids.clients['Alex Rivera'])).toBeNull();
    expect(await enrollment(caller, ids.enrollments['Alex Rivera/ES'])).toBeNull();
    expect(await enrollment(caller, ids.enrollments['Alex Rivera/RRH'])).toBeNull();
    expect(await service(caller, ids.services['Alex Rivera/ES'][0])).toBeNull();
    for (const id of ids.filler.HSS) expect(await client(caller, id)).toBeNull();
    expect(await programIds(caller)).toEqual(sorted([ids.programs.CCE_CE, ids.programs.NSO_SO]));
  });

  test('a release exception valid for 30 more days shows Jamie Fox to CCE, and only his UNRESTRICTED transactions', async () => {
    const { ids } = demo;
    // Hope Street records one RESTRICTED bed night besides Jamie's UNRESTRICTED ones.
    const sam = await demo.as('sam.shelter');
    const hidden = (
      await sam.ok(
        CREATE_SERVICE,
        bedNight(ids.enrollments['Jamie Fox/ES'], addDays(ids.today, -5), 'RESTRICTED'),
      )
    ).createService;
    expect(hidden.restriction).toBe('RESTRICTED');

    const caller = await casey();
    const jamie = await client(caller, ids.clients['Jamie Fox']);
    expect(jamie).toMatchObject({ firstName: 'Jamie', lastName: 'Fox', organization: { code: 'HSS' } });
    expect(jamie!.enrollments.map((e: { id: string }) => Number(e.id))).toEqual([
      ids.enrollments['Jamie Fox/ES'],
    ]);
    const stay = await enrollment(caller, ids.enrollments['Jamie Fox/ES']);
    expect(stay).toMatchObject({ restriction: 'UNRESTRICTED', organization: { code: 'HSS' } });
    expect(sorted(stay!.services.edges.map((e: { node: { id: string } }) => e.node.id))).toEqual(
      sorted(ids.services['Jamie Fox/ES']),
    );
    expect(stay!.services.totalCount).toBe(ids.services['Jamie Fox/ES'].length);
    expect(await service(caller, hidden.id)).toBeNull();
    expect(await service(caller, ids.services['Jamie Fox/ES'][0])).not.toBeNull();
  });

  test('a RESTRICTED enrollment of a released client stays with its owner', async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    const restricted = (
      await sam.ok(
        'mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id restriction } }',
        {
          input: {
            clientId: String(ids.clients['Jamie Fox']),
            programId: String(ids.programs.HSS_RRH),
            entryDate: ids.today,
            restriction: 'RESTRICTED',
          },
        },
      )
    ).createEnrollment;
    const caller = await casey();
    expect(await enrollment(caller, restricted.id)).toBeNull();
    expect(
      (await client(caller, ids.clients['Jamie Fox']))!.enrollments.map((e: { id: string }) => e.id),
    ).not.toContain(restricted.id);
  });

  test('an expired release exception (Drew Park, ended 10 days ago) shows nothing', async () => {
    const { ids } = demo;
    const caller = await casey();
    expect(await client(caller, ids.clients['Drew Park'])).toBeNull();
    expect(await enrollment(caller, ids.enrollments['Drew Park/ES'])).toBeNull();
    for (const id of ids.services['Drew Park/ES']) expect(await service(caller, id)).toBeNull();
  });

  test('a release exception is valid through its last day: one ending today releases, one that ended yesterday does not', async () => {
    const { ids } = demo;
    const [lastDay, ended] = ids.filler.HSS;
    await demo.exec(
      'INSERT INTO release_exception (client_id, organization_id, valid_through) VALUES (?, ?, ?), (?, ?, ?)',
      [lastDay, ids.orgs.CCE, ids.today, ended, ids.orgs.CCE, addDays(ids.today, -1)],
    );
    const caller = await casey();
    expect(await client(caller, lastDay)).not.toBeNull();
    expect(await client(caller, ended)).toBeNull();
  });

  test('a release exception releases to its one organization only: Jamie Fox stays invisible to Safe Harbor', async () => {
    expect(await client(await demo.as('dana.dv'), demo.ids.clients['Jamie Fox'])).toBeNull();
  });

  test("Sam Carter is visible through MOU 1002 with his UNRESTRICTED outreach enrollment, and CCE's own RESTRICTED CE enrollment", async () => {
    const { ids } = demo;
    const carter = await client(await casey(), ids.clients['Sam Carter']);
    expect(sorted(carter!.enrollments.map((e: { id: string }) => e.id))).toEqual(
      sorted([ids.enrollments['Sam Carter/SO'], ids.enrollments['Sam Carter/CE']]),
    );
  });

  test("Taylor Brooks' client record is visible through MOU 1002, her RESTRICTED outreach enrollment is not", async () => {
    const { ids } = demo;
    const caller = await casey();
    expect(await client(caller, ids.clients['Taylor Brooks'])).toMatchObject({ enrollments: [] });
    expect(await enrollment(caller, ids.enrollments['Taylor Brooks/SO'])).toBeNull();
  });

  test("CCE's own RESTRICTED records are visible to CCE and to no one else (Casey Morgan's CE enrollment, assessment and referral)", async () => {
    const { ids } = demo;
    const own = await enrollment(await casey(), ids.enrollments['Casey Morgan/CE']);
    expect(own).toMatchObject({ restriction: 'RESTRICTED', organization: { code: 'CCE' } });
    expect(own!.assessments.map((a: { id: string }) => Number(a.id))).toEqual([
      ids.assessments['Casey Morgan/CE'],
    ]);
    expect(own!.ceEvents.map((a: { id: string }) => Number(a.id))).toEqual([ids.ceEvents['Casey Morgan/CE']]);
    for (const user of ['sam.shelter', 'olga.outreach', 'dana.dv', 'admin'] as const) {
      const other = await demo.as(user);
      expect(await enrollment(other, ids.enrollments['Casey Morgan/CE'])).toBeNull();
      // Hope Street sees Casey herself through the consent release of her referral there, and
      // release 1004 shares CCE's client record with the HMIS Lead Agency; her RESTRICTED
      // enrollment never leaves CCE.
      const casey = await client(other, ids.clients['Casey Morgan']);
      if (user === 'sam.shelter' || user === 'admin') expect(casey).toMatchObject({ enrollments: [] });
      else expect(casey).toBeNull();
    }
  });
});
