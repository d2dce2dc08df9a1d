/**
 * Setup data, part 2 (issue 4 §1; access model §1, §3, §4): workgroups and their capabilities
 * (nobody grants what they do not hold), information releases (never from a victim service
 * provider) and release exceptions.
 */
import { asAdmin, refused, startTestApp, type TestApp } from './support';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp('admin_sharing');
  admin = await asAdmin(app);
});
afterAll(() => app?.close());

const CREATE_RELEASE =
  'mutation($input: CreateInformationReleaseInput!) { createInformationRelease(input: $input) { id number name activeToday shares { from { code } to { code } } } }';

describe('workgroups and capabilities', () => {
  test('an administrator creates a workgroup with capabilities they hold, and lists it with them', async () => {
    const res = await app.api.ok(
      'mutation($input: CreateWorkgroupInput!) { createWorkgroup(input: $input) { id name capabilities } }',
      {
        input: {
          name: 'Intake Desk',
          description: 'Front desk intake',
          capabilities: ['client:read', 'client:write', 'client.name:read', 'program:read'],
        },
      },
      admin,
    );
    expect(res.createWorkgroup.capabilities).toEqual(
      ['client.name:read', 'client:read', 'client:write', 'program:read'].sort(),
    );
    const { workgroups } = await app.api.ok(
      '{ workgroups { name capabilities requiredTrainings { course kind } } }',
      {},
      admin,
    );
    expect(
      workgroups.find((w: { name: string }) => w.name === 'Coordinated Entry Assessors').requiredTrainings,
    ).toEqual([{ course: 'VI-SPDAT', kind: 'ASSESSMENT' }]);
  });

  test('unknown capabilities are refused with BAD_USER_INPUT naming them', async () => {
    const message = await refused(
      app,
      'mutation($input: CreateWorkgroupInput!) { createWorkgroup(input: $input) { id } }',
      { input: { name: 'Typos', capabilities: ['client:read', 'clients:raed'] } },
      admin,
      'BAD_USER_INPUT',
    );
    expect(message).toContain('clients:raed');
  });

  test('nobody grants a capability they do not hold themselves', async () => {
    // The standard System Administrators workgroup holds every capability; take two away first.
    await app.db.ds.query(
      `DELETE FROM workgroup_capability WHERE workgroup_id = ? AND capability IN ('bed:checkin', 'priorityList:manage')`,
      [app.ids.workgroups['System Administrators']],
    );
    const message = await refused(
      app,
      'mutation($input: CreateWorkgroupInput!) { createWorkgroup(input: $input) { id } }',
      { input: { name: 'Bed Desk', capabilities: ['bed:checkin'] } },
      admin,
      'FORBIDDEN',
    );
    expect(message).toContain('bed:checkin');
    await refused(
      app,
      'mutation($w: ID!, $c: [String!]!) { setWorkgroupCapabilities(workgroupId: $w, capabilities: $c) { id } }',
      { w: String(app.ids.workgroups['HMIS Users']), c: ['client:read', 'priorityList:manage'] },
      admin,
      'FORBIDDEN',
    );
  });

  test('removing a capability is allowed even when the administrator does not hold it', async () => {
    const wg = String(app.ids.workgroups['Shelter Reservation Team']);
    const { workgroups } = await app.api.ok('{ workgroups { id capabilities } }', {}, admin);
    const current: string[] = workgroups.find((w: { id: string }) => w.id === wg).capabilities;
    const res = await app.api.ok(
      'mutation($w: ID!, $c: [String!]!) { setWorkgroupCapabilities(workgroupId: $w, capabilities: $c) { capabilities } }',
      { w: wg, c: current.filter((c) => c !== 'reservation:manage') },
      admin,
    );
    expect(res.setWorkgroupCapabilities.capabilities).not.toContain('reservation:manage');
  });

  test("a workgroup's new capabilities reach its members at their next request", async () => {
    const olga = await app.api.login('olga.outreach');
    const hmis = String(app.ids.workgroups['HMIS Users']);
    const { workgroups } = await app.api.ok('{ workgroups { id capabilities } }', {}, admin);
    const current: string[] = workgroups.find((w: { id: string }) => w.id === hmis).capabilities;
    await app.api.ok(
      'mutation($w: ID!, $c: [String!]!) { setWorkgroupCapabilities(workgroupId: $w, capabilities: $c) { id } }',
      { w: hmis, c: current.filter((c) => c !== 'client.ssn:read') },
      admin,
    );
    const me = await app.api.ok('{ me { capabilities } }', {}, olga);
    expect(me.me.capabilities).not.toContain('client.ssn:read');
    await app.api.ok(
      'mutation($w: ID!, $c: [String!]!) { setWorkgroupCapabilities(workgroupId: $w, capabilities: $c) { id } }',
      { w: hmis, c: current },
      admin,
    );
  });
});

describe('information releases (MOUs) and release exceptions', () => {
  test('an administrator creates a bi-directional MOU; it is listed with both directed shares', async () => {
    const { createInformationRelease: r } = await app.api.ok(
      CREATE_RELEASE,
      {
        input: {
          number: 2001,
          name: 'Shelter to CE',
          comments: 'pilot',
          startDate: app.ids.today,
          shares: [
            {
              fromOrganizationId: String(app.ids.orgs.HSS),
              toOrganizationId: String(app.ids.orgs.CCE),
              bidirectional: true,
            },
          ],
        },
      },
      admin,
    );
    expect(r).toMatchObject({
      number: 2001,
      activeToday: true,
      shares: [
        { from: { code: 'CCE' }, to: { code: 'HSS' } },
        { from: { code: 'HSS' }, to: { code: 'CCE' } },
      ],
    });
    const { informationReleases } = await app.api.ok(
      '{ informationReleases { number activeToday } }',
      {},
      admin,
    );
    expect(informationReleases).toEqual(
      expect.arrayContaining([
        { number: 1003, activeToday: false },
        { number: 2001, activeToday: true },
      ]),
    );
  });

  test('a duplicate release number is refused with CONFLICT', async () => {
    const message = await refused(
      app,
      CREATE_RELEASE,
      {
        input: {
          number: 1001,
          name: 'Again',
          startDate: app.ids.today,
          shares: [
            { fromOrganizationId: String(app.ids.orgs.NSO), toOrganizationId: String(app.ids.orgs.HSS) },
          ],
        },
      },
      admin,
      'CONFLICT',
    );
    expect(message).toContain('Hope–Northside Data Sharing');
  });

  test('a victim service provider as the source of a share is refused with an error naming it', async () => {
    const message = await refused(
      app,
      CREATE_RELEASE,
      {
        input: {
          number: 2002,
          name: 'DV sharing',
          startDate: app.ids.today,
          shares: [
            { fromOrganizationId: String(app.ids.orgs.SHD), toOrganizationId: String(app.ids.orgs.CCE) },
          ],
        },
      },
      admin,
      'BAD_USER_INPUT',
    );
    expect(message).toContain('Safe Harbor DV Services is a victim service provider');
  });

  test('a bi-directional share with a victim service provider is refused too (it would be a source)', async () => {
    await refused(
      app,
      CREATE_RELEASE,
      {
        input: {
          number: 2003,
          name: 'Both ways',
          startDate: app.ids.today,
          shares: [
            {
              fromOrganizationId: String(app.ids.orgs.CCE),
              toOrganizationId: String(app.ids.orgs.SHD),
              bidirectional: true,
            },
          ],
        },
      },
      admin,
      'BAD_USER_INPUT',
    );
  });

  test('ending an MOU stops the sharing at once', async () => {
    const cce = await app.api.login('casey.assessor');
    const before = await app.api.ok('{ me { capabilities } programs { name } }', {}, cce);
    expect(before.programs.map((p: { name: string }) => p.name)).toContain('Northside Street Outreach');
    const yesterday = new Date(Date.parse(`${app.ids.today}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await app.api.ok(
      'mutation($id: ID!, $input: UpdateInformationReleaseInput!) { updateInformationRelease(id: $id, input: $input) { activeToday } }',
      { id: String(app.ids.releases[1002]), input: { startDate: '2020-01-01', endDate: yesterday } },
      admin,
    );
    const after = await app.api.ok('{ programs { name } }', {}, cce);
    expect(after.programs.map((p: { name: string }) => p.name)).not.toContain('Northside Street Outreach');
    await app.api.ok(
      'mutation($id: ID!, $input: UpdateInformationReleaseInput!) { updateInformationRelease(id: $id, input: $input) { id } }',
      { id: String(app.ids.releases[1002]), input: { endDate: null } },
      admin,
    );
  });

  test('an administrator releases one client to one more organization until a date, and ends it', async () => {
    // Casey Morgan belongs to County Coordinated Entry, which shares nothing with Northside Outreach.
    const clientId = String(app.ids.clients['Casey Morgan']);
    const olga = await app.api.login('olga.outreach');
    const lookup = 'query($id: ID!) { client(id: $id) { id } }';
    expect((await app.api.ok(lookup, { id: clientId }, olga)).client).toBeNull();
    const until = new Date(Date.parse(`${app.ids.today}T00:00:00Z`) + 10 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const { createReleaseException: x } = await app.api.ok(
      'mutation($input: CreateReleaseExceptionInput!) { createReleaseException(input: $input) { id clientId organization { code } validThrough active } }',
      { input: { clientId, organizationId: String(app.ids.orgs.NSO), validThrough: until } },
      admin,
    );
    expect(x).toMatchObject({ clientId, organization: { code: 'NSO' }, validThrough: until, active: true });
    expect((await app.api.ok(lookup, { id: clientId }, olga)).client).toEqual({ id: clientId });
    await app.api.ok(
      'mutation($id: ID!, $d: LocalDate!) { updateReleaseException(id: $id, validThrough: $d) { active } }',
      { id: x.id, d: '2020-01-01' },
      admin,
    );
    expect((await app.api.ok(lookup, { id: clientId }, olga)).client).toBeNull();
    const { releaseExceptions } = await app.api.ok(
      'query($c: ID) { releaseExceptions(clientId: $c) { id active } }',
      { c: clientId },
      admin,
    );
    // (Other exceptions of the client, such as a referral's consent release, are not this one.)
    expect(releaseExceptions.filter((r: { id: string }) => r.id === x.id)).toEqual([
      { id: x.id, active: false },
    ]);
  });

  test('a release exception to the client’s own organization is refused', async () => {
    await refused(
      app,
      'mutation($input: CreateReleaseExceptionInput!) { createReleaseException(input: $input) { id } }',
      {
        input: {
          clientId: String(app.ids.clients['Alex Rivera']),
          organizationId: String(app.ids.orgs.HSS),
          validThrough: app.ids.today,
        },
      },
      admin,
      'BAD_USER_INPUT',
    );
  });
});
