/**
 * Access model §3: lists, totalCount and pagination cursors are computed over visible records
 * only. Expected sets come from the demo table (demo-scenario.md) and from an independent oracle
 * that applies the five client rules of §3 in TypeScript to the raw tables (helpers.ts).
 */
import { addDays } from '../../src/database/sql-time';
import {
  DemoApp,
  HOME,
  bedNight,
  client,
  enrollment,
  listAllClients,
  sorted,
  CREATE_CLIENT,
  CREATE_ENROLLMENT,
  UPDATE_CLIENT,
  type Caller,
  type Context,
  type HomeUser,
} from './helpers';
import { oracleVisibleClientIds } from './oracle';

const demo = new DemoApp('access_counts');

async function servicePage(
  caller: Caller,
  query: string,
  id: string,
  after: string | null,
): Promise<ServicePage> {
  return (await caller.ok<{ enrollment: { services: ServicePage } }>(query, { id, after })).enrollment
    .services;
}

interface ServicePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: { node: { id: string } }[];
}

/** Every context the working demo users can be in. */
const CONTEXTS: Array<[HomeUser | 'morgan.multi', Context]> = [
  ...(Object.entries(HOME) as Array<[HomeUser, Context]>),
  ['morgan.multi', { workgroup: 'HMIS Users', org: 'HSS' }],
  ['morgan.multi', { workgroup: 'Coordinated Entry Assessors', org: 'NSO' }],
];

async function expectListMatchesOracle(caller: Caller, org: keyof typeof demo.ids.orgs): Promise<number[]> {
  const expected = await oracleVisibleClientIds(demo, demo.ids.orgs[org], demo.ids.today);
  const { ids, totalCounts } = await listAllClients(caller);
  expect([caller.label, ids]).toEqual([caller.label, expected]);
  expect(totalCounts).toEqual([expected.length]);
  return expected;
}

describe('totalCount and lists', () => {
  test('totalCount counts only visible clients: the sets the demo table gives for each organization', async () => {
    const { ids } = demo;
    const c = ids.clients;
    const expected: Record<string, number[]> = {
      // Own clients; Northside's through MOU 1001; Jamie Fox, Drew Park and Robyn Hayes are HSS
      // clients, Alexander Rivera (Alex Rivera's duplicate) a Northside one; Casey Morgan by the
      // consent release of her pending referral to Hope Street Rapid Rehousing.
      HSS: [
        c['Alex Rivera'],
        c['Alexander Rivera'],
        c['Robyn Hayes'],
        c['Jordan Lee'],
        c['Sam Carter'],
        c['Taylor Brooks'],
        c['Casey Morgan'],
        c['Jamie Fox'],
        c['Drew Park'],
        ...ids.filler.HSS,
        ...ids.housing.clients,
        ...ids.filler.NSO,
      ],
      // Own clients; Hope Street's through MOU 1001 except Jordan Lee (restrict intake).
      NSO: [
        c['Alex Rivera'],
        c['Alexander Rivera'],
        c['Robyn Hayes'],
        c['Sam Carter'],
        c['Taylor Brooks'],
        c['Jamie Fox'],
        c['Drew Park'],
        ...ids.filler.HSS,
        ...ids.housing.clients,
        ...ids.filler.NSO,
      ],
      // Own clients; Northside's through MOU 1002; Jamie Fox by release exception; nothing through expired MOU 1003.
      CCE: [
        c['Sam Carter'],
        c['Alexander Rivera'],
        c['Taylor Brooks'],
        c['Casey Morgan'],
        c['Jamie Fox'],
        ...ids.filler.NSO,
        ...ids.filler.CCE,
      ],
      // A victim service provider: its own clients only.
      SHD: [c['Robin Hayes'], ...ids.filler.SHD],
      // The HMIS Lead Agency owns no clients; release 1004 shares HSS, NSO and CCE with it (never
      // SHD): their clients (the shelter's guests too), except the restrict-intake Jordan Lee.
      ADM: [
        c['Alex Rivera'],
        c['Alexander Rivera'],
        c['Robyn Hayes'],
        c['Sam Carter'],
        c['Taylor Brooks'],
        c['Casey Morgan'],
        c['Jamie Fox'],
        c['Drew Park'],
        ...ids.filler.HSS,
        ...ids.housing.clients,
        ...ids.filler.NSO,
        ...ids.filler.CCE,
      ],
    };
    for (const [username, context] of Object.entries(HOME) as Array<[HomeUser, Context]>) {
      const caller = await demo.as(username);
      const { ids: listed, totalCounts } = await listAllClients(caller);
      expect([username, listed]).toEqual([username, sorted(expected[context.org])]);
      expect(totalCounts).toEqual([expected[context.org].length]);
    }
  });

  test('every context lists exactly what the §3 oracle computes from the raw tables', async () => {
    for (const [username, context] of CONTEXTS)
      await expectListMatchesOracle(await demo.as(username, context), context.org);
  });

  test('pagination: small pages walk exactly the visible set, in order, without repeats, each page with the same totalCount', async () => {
    for (const username of ['sam.shelter', 'casey.assessor', 'dana.dv'] as const) {
      const caller = await demo.as(username);
      const whole = await listAllClients(caller);
      const paged = await listAllClients(caller, 3);
      expect(paged.ids).toEqual(whole.ids);
      expect(new Set(paged.totalCounts)).toEqual(new Set([whole.ids.length]));
      expect(paged.totalCounts.length).toBe(Math.max(1, Math.ceil(whole.ids.length / 3)));
    }
  });

  test('a program filter counts only clients with a visible enrollment in it: Hope Street sees Northside outreach clients but not Taylor Brooks (RESTRICTED)', async () => {
    const { ids } = demo;
    const query = 'query($p: ID) { clients(programId: $p, first: 500) { totalCount edges { node { id } } } }';
    const { clients } = await (await demo.as('sam.shelter')).ok(query, { p: String(ids.programs.NSO_SO) });
    const expected = sorted([ids.clients['Sam Carter'], ...ids.filler.NSO]);
    expect(sorted(clients.edges.map((e: { node: { id: string } }) => e.node.id))).toEqual(expected);
    expect(clients.totalCount).toBe(expected.length);
    const olga = (await (await demo.as('olga.outreach')).ok(query, { p: String(ids.programs.NSO_SO) }))
      .clients;
    expect(olga.totalCount).toBe(expected.length + 1);
  });

  test('services: totalCount and pages count only visible services', async () => {
    const { ids } = demo;
    const stay = ids.enrollments['Alex Rivera/ES'];
    await (
      await demo.as('sam.shelter')
    ).ok(
      'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }',
      bedNight(stay, addDays(ids.today, -20), 'RESTRICTED'),
    );
    const query =
      'query($id: ID!, $after: String) { enrollment(id: $id) { services(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }';
    for (const [username, expected] of [
      ['olga.outreach', ids.services['Alex Rivera/ES'].length],
      ['sam.shelter', ids.services['Alex Rivera/ES'].length + 1],
    ] as const) {
      const caller = await demo.as(username);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const services = await servicePage(caller, query, String(stay), after);
        expect(services.totalCount).toBe(expected);
        seen.push(...services.edges.map((edge) => edge.node.id));
        if (!services.pageInfo.hasNextPage) break;
        after = services.pageInfo.endCursor;
      }
      expect([username, new Set(seen).size, seen.length]).toEqual([username, expected, expected]);
    }
  });
});

describe('filters are computed over visible records only', () => {
  test("an enrollment-date filter never counts an exit the caller cannot see: Jamie Fox's RESTRICTED exit at Hope Street is not one for Northside", async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    const olga = await demo.as('olga.outreach');
    const stay = ids.enrollments['Jamie Fox/ES'];
    await sam.ok(
      'mutation($id: ID!, $input: ExitEnrollmentInput!) { exitEnrollment(id: $id, input: $input) { id } }',
      {
        id: String(stay),
        input: { exitDate: addDays(ids.today, -1), destination: 'SAFE_HAVEN', restriction: 'RESTRICTED' },
      },
    );
    const query =
      'query($from: LocalDate) { clients(enrolledFrom: $from, first: 500) { totalCount edges { node { id } } } }';
    const listed = async (caller: Caller) =>
      (await caller.ok(query, { from: ids.today })).clients.edges.map((e: { node: { id: string } }) =>
        Number(e.node.id),
      );
    // For Hope Street the stay ended yesterday; for Northside it is open (the exit is not visible there).
    expect(await listed(sam)).not.toContain(ids.clients['Jamie Fox']);
    expect((await enrollment(olga, stay))!.exitDate).toBeNull();
    expect(await listed(olga)).toContain(ids.clients['Jamie Fox']);
  });
});

describe('the five ways a client becomes visible (§3), followed through one client', () => {
  test('shared by its owner, seen through a shared transaction, kept by owning a transaction, withdrawn by restrict intake', async () => {
    const { ids } = demo;
    const sam = await demo.as('sam.shelter');
    const olga = await demo.as('olga.outreach');
    const casey = await demo.as('casey.assessor');
    // Owned by HSS (O = A for Hope Street), shared with Northside by MOU 1001, not with CCE (MOU 1003 expired).
    const created = (
      await sam.ok(CREATE_CLIENT, { input: { firstName: 'Quinn', lastName: 'Marsh', dob: '1990-02-02' } })
    ).createClient;
    expect(await client(olga, created.id)).not.toBeNull();
    expect(await client(casey, created.id)).toBeNull();

    // Northside enrolls Quinn (UNRESTRICTED): CCE now sees Quinn through that enrollment (shared by MOU 1002).
    const so = (
      await olga.ok(CREATE_ENROLLMENT, {
        input: { clientId: created.id, programId: String(ids.programs.NSO_SO), entryDate: ids.today },
      })
    ).createEnrollment;
    expect(so.restriction).toBe('UNRESTRICTED');
    expect(await client(casey, created.id)).toMatchObject({
      firstName: 'Quinn',
      organization: { code: 'HSS' },
    });
    await expectListMatchesOracle(casey, 'CCE');

    // Restrict intake: Northside keeps Quinn because it owns a transaction; CCE keeps only the enrollment, without its client.
    const current = (await client(sam, created.id))!;
    await sam.ok(UPDATE_CLIENT, {
      id: created.id,
      input: { version: current.version, restrictIntake: true },
    });
    expect(await client(olga, created.id)).toMatchObject({ restrictIntake: true });
    expect(await client(casey, created.id)).toBeNull();
    expect(await enrollment(casey, so.id)).toMatchObject({ id: so.id, client: null });
    for (const [caller, org] of [
      [sam, 'HSS'],
      [olga, 'NSO'],
      [casey, 'CCE'],
    ] as const)
      await expectListMatchesOracle(caller, org);
  });
});
