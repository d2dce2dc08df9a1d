/**
 * Access model §4 (administration) and the VAWA rule of §3 that only an administration mutation
 * can break: setup data needs setup:admin; user management needs users:manage, an agency lead
 * holding it only for users of the lead's own organization; nobody grants a capability they do
 * not hold; a victim service provider can never be the source of an MOU share.
 */
import type { GraphQLSchema } from 'graphql';
import { MUTATION_RULES, QUERY_RULES } from '../../src/access/permissions';
import { buildBareSchema } from '../../src/graphql/schema';
import { DemoApp, type HomeUser } from './helpers';
import { rootOperations } from './operations';

const demo = new DemoApp('access_administration');

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildBareSchema();
});

const USERS = `query($org: ID) { users(first: 100, filter: { organizationId: $org }) { totalCount edges { node { username } } } }`;
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(userId: $id, input: $input) { username displayName accessRole } }`;
const SET_WORKGROUPS = `mutation($id: ID!, $w: [ID!]!) { setUserWorkgroups(userId: $id, workgroupIds: $w) { username } }`;
const CREATE_RELEASE = `mutation($input: CreateInformationReleaseInput!) { createInformationRelease(input: $input) { id number activeToday } }`;
const UPDATE_RELEASE = `mutation($id: ID!, $input: UpdateInformationReleaseInput!) { updateInformationRelease(id: $id, input: $input) { id } }`;

describe('administration of setup data needs setup:admin', () => {
  test('every setup operation answers FORBIDDEN to every demo user but the administrator', async () => {
    const setup = rootOperations(schema).filter(
      ([kind, name]) => (kind === 'query' ? QUERY_RULES[name] : MUTATION_RULES[name]) === 'setup:admin',
    );
    expect(setup.length).toBeGreaterThan(5);
    const others: HomeUser[] = [
      'sam.shelter',
      'olga.outreach',
      'casey.assessor',
      'pat.priority',
      'riley.reserve',
      'mina.manager',
      'dana.dv',
    ];
    for (const username of others) {
      const caller = await demo.as(username);
      for (const [, name, operation] of setup) {
        const res = await caller.post(operation);
        expect([username, name, res.errors?.map((e) => e.extensions?.code)]).toEqual([
          username,
          name,
          ['FORBIDDEN'],
        ]);
      }
    }
  });

  test('the administrator reads setup data: every organization and every information release', async () => {
    const admin = await demo.as('admin');
    const { adminOrganizations } = await admin.ok('{ adminOrganizations { code } }');
    expect(adminOrganizations.map((o: { code: string }) => o.code).sort()).toEqual([
      'ADM',
      'CCE',
      'HSS',
      'NSO',
      'SHD',
    ]);
    const { informationReleases } = await admin.ok('{ informationReleases { number activeToday } }');
    expect(informationReleases).toEqual(
      expect.arrayContaining([
        { number: 1001, activeToday: true },
        { number: 1002, activeToday: true },
        { number: 1003, activeToday: false },
      ]),
    );
  });
});

describe('user management', () => {
  test('needs users:manage or the agency lead role: sam.shelter and olga.outreach get FORBIDDEN', async () => {
    for (const username of ['sam.shelter', 'olga.outreach'] as const) {
      expect((await (await demo.as(username)).error(USERS, {})).code).toBe('FORBIDDEN');
    }
  });

  test('an agency lead (mina.manager, HSS) manages only users all of whose assignments are to her own organization', async () => {
    const { ids } = demo;
    const mina = await demo.as('mina.manager');
    const { users } = await mina.ok(USERS, {});
    const listed = users.edges.map((e: { node: { username: string } }) => e.node.username).sort();
    expect(listed).toEqual(['ivan.idle', 'lee.leaving', 'mina.manager', 'riley.reserve', 'sam.shelter']);
    const renamed = (
      await mina.ok(UPDATE_USER, { id: String(ids.users['sam.shelter']), input: { displayName: 'Sam W.' } })
    ).updateUser;
    expect(renamed).toMatchObject({ username: 'sam.shelter', displayName: 'Sam W.' });
    for (const other of ['olga.outreach', 'casey.assessor', 'dana.dv', 'morgan.multi'] as const) {
      const e = await mina.error(UPDATE_USER, {
        id: String(ids.users[other]),
        input: { displayName: 'Nope' },
      });
      expect([other, e.code]).toEqual([other, 'FORBIDDEN']);
    }
  });

  test('the administrator (users:manage) manages every user', async () => {
    const { users } = await (await demo.as('admin')).ok(USERS, {});
    expect(users.totalCount).toBe(Object.keys(demo.ids.users).length);
  });

  test('nobody can grant a capability they do not hold: the lead cannot make ivan.idle a CE assessor or a system administrator', async () => {
    const { ids } = demo;
    const mina = await demo.as('mina.manager');
    // ivan.idle (HMIS Users, HSS) holds nothing mina lacks, so only the grant itself is refused.
    const sam = String(ids.users['ivan.idle']);
    const workgroup = await mina.error(SET_WORKGROUPS, {
      id: sam,
      w: [String(ids.workgroups['Coordinated Entry Assessors'])],
    });
    expect(workgroup.code).toBe('FORBIDDEN');
    expect(workgroup.message).toMatch(/ce\.assessment:write/);
    const role = await mina.error(UPDATE_USER, { id: sam, input: { accessRole: 'SYSTEM_ADMINISTRATOR' } });
    expect(role.code).toBe('FORBIDDEN');
    const { user } = await (
      await demo.as('admin')
    ).ok('query($id: ID!) { user(id: $id) { accessRole workgroups { name } } }', { id: sam });
    expect(user).toEqual({ accessRole: 'AGENCY_STAFF', workgroups: [{ name: 'HMIS Users' }] });
  });
});

describe('a victim service provider can never be the source of an MOU share', () => {
  const release = (
    number: number,
    shares: Array<{ fromOrganizationId: string; toOrganizationId: string; bidirectional?: boolean }>,
  ) => ({
    input: { number, name: `Test ${number}`, startDate: demo.ids.today, shares },
  });

  test('a share from Safe Harbor is refused with a clear error, and no release is created', async () => {
    const { ids } = demo;
    const admin = await demo.as('admin');
    const e = await admin.error(
      CREATE_RELEASE,
      release(2001, [{ fromOrganizationId: String(ids.orgs.SHD), toOrganizationId: String(ids.orgs.HSS) }]),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/Safe Harbor DV Services is a victim service provider/);
    const { informationReleases } = await admin.ok('{ informationReleases { number } }');
    expect(informationReleases.map((r: { number: number }) => r.number)).not.toContain(2001);
  });

  test('a bidirectional share with Safe Harbor is refused too (it would make Safe Harbor a source)', async () => {
    const { ids } = demo;
    const e = await (
      await demo.as('admin')
    ).error(
      CREATE_RELEASE,
      release(2002, [
        {
          fromOrganizationId: String(ids.orgs.HSS),
          toOrganizationId: String(ids.orgs.SHD),
          bidirectional: true,
        },
      ]),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/victim service provider/);
  });

  test('adding Safe Harbor as a source to an existing release is refused, and the release keeps its shares', async () => {
    const { ids } = demo;
    const admin = await demo.as('admin');
    const e = await admin.error(UPDATE_RELEASE, {
      id: String(ids.releases[1001]),
      input: {
        shares: [{ fromOrganizationId: String(ids.orgs.SHD), toOrganizationId: String(ids.orgs.NSO) }],
      },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(
      await (
        await demo.as('olga.outreach')
      ).ok('query($id: ID!) { client(id: $id) { id } }', { id: String(ids.clients['Alex Rivera']) }),
    ).toEqual({
      client: { id: String(ids.clients['Alex Rivera']) },
    });
  });
});
