/**
 * The whole of issue 4 as one story, through GraphQL alone: an administrator sets up a new
 * agency and its people; a new staff member goes from temporary password to a shared
 * enrollment; the partner organization sees it; the agency lead deactivates the staff member,
 * whose token stops working at once; and the audit log shows every step.
 */
import { GOOD_PASSWORD, startTestApp, type TestApp } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('admin_story');
});
afterAll(() => app?.close());

const ME = 'state activeOrganization { code } workgroups { id name } loginOrganizations { id code }';

test('a new agency, from setup to a shared enrollment to a deactivated account, all in the audit log', async () => {
  const { api, ids } = app;
  const admin = await api.login('admin');

  // 1. The administrator creates the agency: organization, programs, an MOU with Northside Outreach, a workgroup.
  const { createOrganization: org } = await api.ok(
    'mutation($i: OrganizationFieldsInput!) { createOrganization(input: $i) { id code name } }',
    { i: { name: 'Riverbend Family Services', city: 'Riverton', state: 'OR', contactName: 'Rita Banks' } },
    admin,
  );
  expect(org.code).toBe('RFS');
  const program = async (name: string, projectType: string) =>
    (
      await api.ok(
        'mutation($i: CreateProgramInput!) { createProgram(input: $i) { id name } }',
        {
          i: {
            organizationId: org.id,
            name,
            projectType,
            cocCode: 'XX-500',
            operatingStartDate: '2025-01-01',
          },
        },
        admin,
      )
    ).createProgram;
  const shelter = await program('Riverbend Family Shelter', 'EMERGENCY_SHELTER_ENTRY_EXIT');
  await program('Riverbend Rapid Rehousing', 'PH_RAPID_RE_HOUSING');
  const { createInformationRelease: mou } = await api.ok(
    'mutation($i: CreateInformationReleaseInput!) { createInformationRelease(input: $i) { id number activeToday shares { from { code } to { code } } } }',
    {
      i: {
        number: 3001,
        name: 'Riverbend–Northside Data Sharing',
        startDate: ids.today,
        shares: [{ fromOrganizationId: org.id, toOrganizationId: String(ids.orgs.NSO), bidirectional: true }],
      },
    },
    admin,
  );
  expect(mou.activeToday).toBe(true);
  expect(mou.shares).toHaveLength(2);
  const { createWorkgroup: caseManagers } = await api.ok(
    'mutation($i: CreateWorkgroupInput!) { createWorkgroup(input: $i) { id name capabilities } }',
    {
      i: {
        name: 'Riverbend Case Managers',
        capabilities: [
          'client:read',
          'client:write',
          'client.name:read',
          'client.dob:read',
          'client.demographics:read',
          'enrollment:read',
          'enrollment:write',
          'service:read',
          'service:write',
          'program:read',
        ],
      },
    },
    admin,
  );
  await api.ok(
    'mutation($w: ID!, $t: [RequiredTrainingInput!]!) { setWorkgroupRequiredTrainings(workgroupId: $w, trainings: $t) { id } }',
    { w: caseManagers.id, t: [{ course: 'HMIS Privacy and Security', kind: 'GENERAL' }] },
    admin,
  );

  // 2. ... and its people: an agency lead, and a staff member with two workgroups.
  const createUser = (input: Record<string, unknown>) =>
    api
      .ok(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { temporaryPassword user { id username mustChangePassword } } }',
        { i: input },
        admin,
      )
      .then((d) => d.createUser);
  const privacy = [{ course: 'HMIS Privacy and Security', completedOn: ids.today }];
  const lead = await createUser({
    username: 'rita.banks',
    displayName: 'Rita Banks',
    accessRole: 'AGENCY_MANAGER',
    workgroupIds: [caseManagers.id],
    assignments: [{ organizationId: org.id, canLogin: true, canEdit: true, agencyLead: true }],
    trainings: privacy,
  });
  const staff = await createUser({
    username: 'stan.rivers',
    displayName: 'Stan Rivers',
    workgroupIds: [caseManagers.id, String(ids.workgroups['HMIS Users'])],
    assignments: [{ organizationId: org.id, canLogin: true, canEdit: true }],
    trainings: privacy,
  });
  expect(staff.user.mustChangePassword).toBe(true);

  // 3. The staff member logs in, changes the temporary password, accepts the agreement, selects the context.
  const login = await api.ok(
    `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token me { ${ME} } } }`,
    { u: 'stan.rivers', p: staff.temporaryPassword },
  );
  const stan = login.login.token;
  expect(login.login.me.state).toBe('NEEDS_PASSWORD_CHANGE');
  expect(await api.codes('{ clients { totalCount } }', {}, stan)).toEqual(['PASSWORD_CHANGE_REQUIRED']);
  const changed = await api.ok(
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { state } }',
    { c: staff.temporaryPassword, n: GOOD_PASSWORD },
    stan,
  );
  expect(changed.changePassword.state).toBe('NEEDS_AGREEMENT');
  const accepted = await api.ok(`mutation { acceptEndUserAgreement { ${ME} } }`, {}, stan);
  expect(accepted.acceptEndUserAgreement.state).toBe('NEEDS_CONTEXT');
  const selected = await api.ok(
    `mutation($w: ID!, $o: ID!) { selectContext(workgroupId: $w, organizationId: $o) { ${ME} } }`,
    { w: caseManagers.id, o: org.id },
    stan,
  );
  expect(selected.selectContext).toMatchObject({ state: 'READY', activeOrganization: { code: 'RFS' } });

  // 4. ... and enrolls a client in the agency's shelter (UNRESTRICTED by default: shared through the MOU).
  const explained = await api.ok(
    'query($p: ID!) { explainAccess(action: { createEnrollmentInProgram: $p }) { allowed explanation } }',
    { p: shelter.id },
    stan,
  );
  expect(explained.explainAccess.allowed).toBe(true);
  const { createClient: client } = await api.ok(
    'mutation { createClient(input: { firstName: "Mara", lastName: "Quill", dob: "1990-04-12" }) { id } }',
    {},
    stan,
  );
  const { createEnrollment: enrollment } = await api.ok(
    'mutation($i: CreateEnrollmentInput!) { createEnrollment(input: $i) { id restriction program { name } } }',
    { i: { clientId: client.id, programId: shelter.id, entryDate: ids.today } },
    stan,
  );
  expect(enrollment).toMatchObject({
    restriction: 'UNRESTRICTED',
    program: { name: 'Riverbend Family Shelter' },
  });

  // 5. The partner organization sees the shared enrollment, and can say why.
  const olga = await api.login('olga.outreach');
  const seen = await api.ok(
    'query($id: ID!) { enrollment(id: $id) { id program { name organization { code } } client { firstName } } }',
    { id: enrollment.id },
    olga,
  );
  expect(seen.enrollment).toEqual({
    id: enrollment.id,
    program: { name: 'Riverbend Family Shelter', organization: { code: 'RFS' } },
    client: { firstName: 'Mara' },
  });
  const why = await api.ok(
    'query($id: ID!) { explainAccess(recordType: ENROLLMENT, id: $id) { rule explanation } }',
    { id: enrollment.id },
    olga,
  );
  expect(why.explainAccess.rule).toBe('SHARED_BY_INFORMATION_RELEASE');
  expect(why.explainAccess.explanation).toContain('information release 3001');

  // 6. The agency lead (temporary password first) deactivates the staff member; the token stops working on the next request.
  const leadLogin = await api.ok(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: 'rita.banks', p: lead.temporaryPassword },
  );
  const rita = leadLogin.login.token;
  await api.ok(
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { state } }',
    { c: lead.temporaryPassword, n: 'river-bend-lead-2025-orchid' },
    rita,
  );
  expect(
    (await api.ok('mutation { acceptEndUserAgreement { state } }', {}, rita)).acceptEndUserAgreement.state,
  ).toBe('READY');
  const { users } = await api.ok('{ users { edges { node { username } } } }', {}, rita);
  expect(users.edges.map((e: { node: { username: string } }) => e.node.username)).toEqual([
    'rita.banks',
    'stan.rivers',
  ]);
  expect(await api.codes('{ programs { id } }', {}, stan)).toEqual([]);
  const deactivated = await api.ok(
    'mutation($u: ID!) { deactivateUser(userId: $u, reason: "Left Riverbend Family Services") { status } }',
    { u: staff.user.id },
    rita,
  );
  expect(deactivated.deactivateUser.status).toBe('DEACTIVATED');
  expect(await api.codes('{ programs { id } }', {}, stan)).toEqual(['UNAUTHENTICATED']);

  // 7. The audit log shows each step.
  const events = async (filter: Record<string, unknown>) =>
    (
      await api.ok(
        'query($f: AuditEventFilter) { auditEvents(filter: $f, first: 100) { edges { node { action operation entityType userId organizationId clientIds before after } } } }',
        { f: filter },
        admin,
      )
    ).auditEvents.edges
      .map((e: { node: Record<string, any> }) => e.node)
      .reverse();
  const steps = (list: Record<string, any>[]) => list.map((e) => `${e.action} ${e.operation}`);

  expect(steps(await events({ userId: String(ids.users.admin), action: 'CREATE' }))).toEqual([
    'CREATE createOrganization',
    'CREATE createProgram',
    'CREATE createProgram',
    'CREATE createInformationRelease',
    'CREATE createWorkgroup',
    'CREATE createUser',
    'CREATE createUser',
  ]);
  const stanSteps = await events({ userId: staff.user.id });
  expect(steps(stanSteps)).toEqual([
    'LOGIN login',
    'UPDATE changePassword',
    'UPDATE acceptEndUserAgreement',
    'UPDATE selectContext',
    'CREATE createClient',
    'CREATE createEnrollment',
  ]);
  expect(stanSteps[5]).toMatchObject({
    entityType: 'Enrollment',
    organizationId: Number(org.id),
    clientIds: [Number(client.id)],
  });
  const reads = await events({
    clientId: client.id,
    userId: String(ids.users['olga.outreach']),
    action: 'READ',
  });
  expect(reads.length).toBeGreaterThanOrEqual(1);
  expect(reads[0]).toMatchObject({ organizationId: ids.orgs.NSO, clientIds: [Number(client.id)] });
  const [deactivation] = await events({ operation: 'deactivateUser' });
  expect(deactivation).toMatchObject({
    action: 'UPDATE',
    userId: Number(lead.user.id),
    before: { status: 'ACTIVE', deactivationReason: null },
    after: { status: 'DEACTIVATED', deactivationReason: 'Left Riverbend Family Services' },
  });
});
