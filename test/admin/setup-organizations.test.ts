/**
 * Setup data, part 1 (issue 4 §1; access model §4 "Administration"): organizations, locations,
 * programs and restriction options need setup:admin, are validated, and are audited.
 */
import { asAdmin, refused, startTestApp, type TestApp } from './support';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp('admin_setup');
  admin = await asAdmin(app);
});
afterAll(() => app?.close());

const CREATE_ORG =
  'mutation($input: OrganizationFieldsInput!) { createOrganization(input: $input) { id code name defaultRestriction victimServiceProvider active } }';
const UPDATE_ORG =
  'mutation($id: ID!, $input: OrganizationFieldsInput!) { updateOrganization(id: $id, input: $input) { id code name active victimServiceProvider defaultRestriction } }';

describe('organizations', () => {
  test('an administrator creates an organization; its 3-character code is generated from the name', async () => {
    const { createOrganization: org } = await app.api.ok(
      CREATE_ORG,
      { input: { name: 'Riverside Youth Services', city: 'Riverton', state: 'or', zip: '97301' } },
      admin,
    );
    expect(org).toMatchObject({
      code: 'RYS',
      name: 'Riverside Youth Services',
      defaultRestriction: 'UNRESTRICTED',
      active: true,
    });
  });

  test('a generated code never repeats an existing one', async () => {
    const { createOrganization: org } = await app.api.ok(
      CREATE_ORG,
      { input: { name: 'Hope Street Services' } },
      admin,
    );
    expect(org.code).toMatch(/^[A-Z0-9]{3}$/);
    expect(org.code).not.toBe('HSS');
  });

  test('a duplicate code is refused with CONFLICT naming the organization that has it', async () => {
    const message = await refused(
      app,
      CREATE_ORG,
      { input: { name: 'Another Shelter', code: 'HSS' } },
      admin,
      'CONFLICT',
    );
    expect(message).toContain('Hope Street Shelter');
  });

  test('a duplicate name is refused', async () => {
    await refused(app, CREATE_ORG, { input: { name: 'northside outreach' } }, admin, 'CONFLICT');
  });

  test('a malformed code is refused', async () => {
    await refused(
      app,
      CREATE_ORG,
      { input: { name: 'Four Letter Org', code: 'ABCD' } },
      admin,
      'BAD_USER_INPUT',
    );
  });

  test('a victim service provider is created RESTRICTED and cannot be made UNRESTRICTED', async () => {
    const { createOrganization: org } = await app.api.ok(
      CREATE_ORG,
      { input: { name: 'Second Harbor', victimServiceProvider: true } },
      admin,
    );
    expect(org.defaultRestriction).toBe('RESTRICTED');
    await refused(
      app,
      UPDATE_ORG,
      { id: org.id, input: { defaultRestriction: 'UNRESTRICTED' } },
      admin,
      'BAD_USER_INPUT',
    );
  });

  test('an organization that shares through an MOU cannot become a victim service provider', async () => {
    const message = await refused(
      app,
      UPDATE_ORG,
      { id: String(app.ids.orgs.NSO), input: { victimServiceProvider: true } },
      admin,
      'BAD_USER_INPUT',
    );
    expect(message).toContain('1001');
  });

  test('an administrator deactivates an organization; nobody can select it afterwards', async () => {
    const { createOrganization: org } = await app.api.ok(
      CREATE_ORG,
      { input: { name: 'Short Lived Agency' } },
      admin,
    );
    const { updateOrganization } = await app.api.ok(
      UPDATE_ORG,
      { id: org.id, input: { active: false } },
      admin,
    );
    expect(updateOrganization.active).toBe(false);
    const { adminOrganizations } = await app.api.ok('{ adminOrganizations { code } }', {}, admin);
    expect(adminOrganizations.map((o: { code: string }) => o.code)).not.toContain(org.code);
    const all = await app.api.ok('{ adminOrganizations(includeInactive: true) { code active } }', {}, admin);
    expect(all.adminOrganizations).toContainEqual({ code: org.code, active: false });
  });

  test('an administrator cannot deactivate the organization they are working as', async () => {
    await refused(
      app,
      UPDATE_ORG,
      { id: String(app.ids.orgs.ADM), input: { active: false } },
      admin,
      'FORBIDDEN',
    );
  });

  test('a user without setup:admin cannot create organizations', async () => {
    const sam = await app.api.login('sam.shelter');
    await refused(app, CREATE_ORG, { input: { name: 'Sneaky Agency' } }, sam, 'FORBIDDEN');
  });
});

describe('locations, programs and restriction options', () => {
  test('an administrator adds a location and a program to an organization, and lists them', async () => {
    const orgId = String(app.ids.orgs.NSO);
    const loc = await app.api.ok(
      'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id name active } }',
      { input: { organizationId: orgId, name: 'Northside Van', zip: '97303' } },
      admin,
    );
    expect(loc.createLocation).toMatchObject({ name: 'Northside Van', active: true });
    const program = await app.api.ok(
      'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id name projectType cocCode organization { code } } }',
      {
        input: {
          organizationId: orgId,
          name: 'Northside Day Center',
          projectType: 'DAY_SHELTER',
          cocCode: 'xx-500',
          operatingStartDate: '2024-01-01',
        },
      },
      admin,
    );
    expect(program.createProgram).toMatchObject({
      name: 'Northside Day Center',
      cocCode: 'XX-500',
      organization: { code: 'NSO' },
    });
    const { adminOrganizations } = await app.api.ok(
      '{ adminOrganizations { code locations { name } } }',
      {},
      admin,
    );
    expect(
      adminOrganizations
        .find((o: { code: string }) => o.code === 'NSO')
        .locations.map((l: { name: string }) => l.name),
    ).toContain('Northside Van');
    const { adminPrograms } = await app.api.ok(
      'query($o: ID) { adminPrograms(organizationId: $o) { name } }',
      { o: orgId },
      admin,
    );
    expect(adminPrograms.map((p: { name: string }) => p.name)).toEqual([
      'Northside Day Center',
      'Northside Street Outreach',
    ]);
  });

  test('a program ending before it starts is refused', async () => {
    await refused(
      app,
      'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
      {
        input: {
          organizationId: String(app.ids.orgs.NSO),
          name: 'Backwards',
          projectType: 'STREET_OUTREACH',
          operatingStartDate: '2024-01-01',
          operatingEndDate: '2023-01-01',
        },
      },
      admin,
      'BAD_USER_INPUT',
    );
  });

  test("locations are setup data: other users see an organization's locations as an empty list", async () => {
    const sam = await app.api.login('sam.shelter');
    const { organizations } = await app.api.ok('{ organizations { code locations { name } } }', {}, sam);
    expect(organizations.every((o: { locations: unknown[] }) => o.locations.length === 0)).toBe(true);
  });

  test("an administrator sets an organization's transaction restriction options", async () => {
    const res = await app.api.ok(
      'mutation($o: ID!, $input: RestrictionOptionsInput!) { setRestrictionOptions(organizationId: $o, input: $input) { displayRestrictionField defaultRestriction restrictionOptions { restriction enabled } } }',
      {
        o: String(app.ids.orgs.NSO),
        input: { displayRestrictionField: true, enabled: ['RESTRICTED', 'UNRESTRICTED'] },
      },
      admin,
    );
    expect(res.setRestrictionOptions.displayRestrictionField).toBe(true);
    expect(res.setRestrictionOptions.restrictionOptions).toEqual([
      { restriction: 'RESTRICTED', enabled: true },
      { restriction: 'UNRESTRICTED', enabled: true },
    ]);
  });

  test('a victim service provider cannot enable UNRESTRICTED', async () => {
    await refused(
      app,
      'mutation($o: ID!, $input: RestrictionOptionsInput!) { setRestrictionOptions(organizationId: $o, input: $input) { id } }',
      { o: String(app.ids.orgs.SHD), input: { enabled: ['UNRESTRICTED'] } },
      admin,
      'BAD_USER_INPUT',
    );
  });
});

describe('audit of setup changes', () => {
  test('every setup change is in the audit log with its values before and after', async () => {
    const { createOrganization: org } = await app.api.ok(
      CREATE_ORG,
      { input: { name: 'Audited Agency', code: 'AUD' } },
      admin,
    );
    await app.api.ok(UPDATE_ORG, { id: org.id, input: { contactName: 'Ada Auditor' } }, admin);
    const { auditEvents } = await app.api.ok(
      'query($f: AuditEventFilter) { auditEvents(filter: $f) { edges { node { action operation before after } } } }',
      { f: { entityType: 'Organization', entityId: org.id } },
      admin,
    );
    const [update, create] = auditEvents.edges.map((e: { node: unknown }) => e.node);
    expect(create).toMatchObject({
      action: 'CREATE',
      operation: 'createOrganization',
      before: null,
      after: { code: 'AUD', name: 'Audited Agency' },
    });
    expect(update).toMatchObject({
      action: 'UPDATE',
      operation: 'updateOrganization',
      before: { contactName: null },
      after: { contactName: 'Ada Auditor' },
    });
  });
});
