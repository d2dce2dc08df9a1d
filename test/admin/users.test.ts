/**
 * User management (issue 4 §2; access model §4): users:manage manages everyone; an agency lead
 * manages only the users of the lead's own organization, even without the capability, and
 * never grants capabilities or roles above the lead's own.
 */
import {
  asAdmin,
  CREATE_USER,
  GOOD_PASSWORD,
  loginRaw,
  refused,
  startTestApp,
  userId,
  USER_FIELDS,
  type TestApp,
} from './support';

let app: TestApp;
let admin: string;
let mina: string;
beforeAll(async () => {
  app = await startTestApp('admin_users');
  admin = await asAdmin(app);
  mina = await app.api.login('mina.manager');
});
afterAll(() => app?.close());

const hss = () => String(app.ids.orgs.HSS);
const nso = () => String(app.ids.orgs.NSO);
const wg = (name: keyof TestApp['ids']['workgroups']) => String(app.ids.workgroups[name]);

describe('creating users', () => {
  test('an administrator creates a user with a generated temporary password that must be changed at first login', async () => {
    const { createUser } = await app.api.ok(
      CREATE_USER,
      {
        input: {
          username: 'Quinn.Case',
          displayName: 'Quinn Case',
          workgroupIds: [wg('HMIS Users')],
          assignments: [{ organizationId: nso(), canLogin: true, canEdit: true }],
          trainings: [{ course: 'HMIS Basics', completedOn: app.ids.today }],
        },
      },
      admin,
    );
    expect(createUser.user).toMatchObject({
      username: 'quinn.case',
      status: 'ACTIVE',
      accessRole: 'AGENCY_STAFF',
      mustChangePassword: true,
      workgroups: [{ name: 'HMIS Users' }],
      assignments: [{ organization: { code: 'NSO' }, canLogin: true, canEdit: true, agencyLead: false }],
      trainings: [{ course: 'HMIS Basics', completedOn: app.ids.today }],
    });
    expect(createUser.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const login = await loginRaw(app, 'quinn.case', createUser.temporaryPassword);
    expect(login.data?.login.me.state).toBe('NEEDS_PASSWORD_CHANGE');
    const token = login.data?.login.token as string;
    expect(await app.api.codes('{ clients { totalCount } }', {}, token)).toEqual([
      'PASSWORD_CHANGE_REQUIRED',
    ]);
  });

  test('a temporary password the administrator chooses is checked against the policy and not echoed back', async () => {
    await refused(
      app,
      CREATE_USER,
      { input: { username: 'weak.one', temporaryPassword: 'short' } },
      admin,
      'BAD_USER_INPUT',
    );
    const { createUser } = await app.api.ok(
      CREATE_USER,
      { input: { username: 'chosen.one', temporaryPassword: GOOD_PASSWORD } },
      admin,
    );
    expect(createUser.temporaryPassword).toBeNull();
  });

  test('a username already taken is refused', async () => {
    const message = await refused(
      app,
      CREATE_USER,
      { input: { username: 'sam.shelter' } },
      admin,
      'CONFLICT',
    );
    expect(message).toContain('already taken');
  });

  test('a user without users:manage who is no agency lead cannot manage users', async () => {
    const sam = await app.api.login('sam.shelter');
    await refused(app, CREATE_USER, { input: { username: 'by.sam' } }, sam, 'FORBIDDEN');
    await refused(app, '{ users { totalCount } }', {}, sam, 'FORBIDDEN');
  });
});

describe('agency leads', () => {
  test('an agency lead lists only the users all of whose assignments are to the lead’s own organization', async () => {
    const { users } = await app.api.ok(
      '{ users(first: 100) { totalCount edges { node { username assignments { organization { code } } } } } }',
      {},
      mina,
    );
    const names = users.edges.map((e: { node: { username: string } }) => e.node.username);
    expect(names).toEqual(
      expect.arrayContaining(['sam.shelter', 'riley.reserve', 'mina.manager', 'ivan.idle']),
    );
    // morgan.multi is also assigned to NSO and CCE (access model §4, issue 10 leak 4).
    expect(names).not.toContain('morgan.multi');
    expect(names).not.toContain('olga.outreach');
    expect(names).not.toContain('admin');
    for (const e of users.edges)
      expect(
        e.node.assignments.map((a: { organization: { code: string } }) => a.organization.code),
      ).toContain('HSS');
  });

  test('an agency lead creates a user for the lead’s organization without holding users:manage', async () => {
    const { createUser } = await app.api.ok(
      CREATE_USER,
      {
        input: {
          username: 'hope.newhire',
          workgroupIds: [wg('HMIS Users')],
          assignments: [{ organizationId: hss(), canLogin: true, canEdit: true }],
        },
      },
      mina,
    );
    expect(createUser.user.assignments).toEqual([
      { organization: { id: hss(), code: 'HSS' }, canLogin: true, canEdit: true, agencyLead: false },
    ]);
  });

  test('an agency lead cannot manage users of another organization', async () => {
    const olga = String(await userId(app, 'olga.outreach'));
    const message = await refused(
      app,
      'mutation($u: ID!) { deactivateUser(userId: $u, reason: "x") { id } }',
      { u: olga },
      mina,
      'FORBIDDEN',
    );
    expect(message).toContain('Hope Street Shelter');
    expect((await app.api.ok('query($u: ID!) { user(id: $u) { id } }', { u: olga }, mina)).user).toBeNull();
    await refused(
      app,
      'mutation($u: ID!) { resetUserPassword(userId: $u) { temporaryPassword } }',
      { u: olga },
      mina,
      'FORBIDDEN',
    );
  });

  test('an agency lead gets the same refusal for a user id that does not exist', async () => {
    const other = await refused(
      app,
      'mutation($u: ID!) { unlockUser(userId: $u) { id } }',
      { u: String(await userId(app, 'olga.outreach')) },
      mina,
      'FORBIDDEN',
    );
    const missing = await refused(
      app,
      'mutation($u: ID!) { unlockUser(userId: $u) { id } }',
      { u: '999999' },
      mina,
      'FORBIDDEN',
    );
    expect(missing).toBe(other);
  });

  test('an agency lead cannot assign users to another organization', async () => {
    await refused(
      app,
      CREATE_USER,
      {
        input: {
          username: 'cross.org',
          assignments: [
            { organizationId: hss(), canLogin: true, canEdit: true },
            { organizationId: nso(), canLogin: true, canEdit: false },
          ],
        },
      },
      mina,
      'FORBIDDEN',
    );
    const sam = String(await userId(app, 'sam.shelter'));
    await refused(
      app,
      'mutation($u: ID!, $i: OrgAssignmentInput!) { assignUserToOrganization(userId: $u, input: $i) { id } }',
      { u: sam, i: { organizationId: nso(), canLogin: true, canEdit: true } },
      mina,
      'FORBIDDEN',
    );
  });

  test('an agency lead must give a new user an assignment to the lead’s own organization', async () => {
    await refused(app, CREATE_USER, { input: { username: 'nowhere.user' } }, mina, 'FORBIDDEN');
  });

  test('an agency lead cannot grant a workgroup with capabilities above the lead’s own', async () => {
    const message = await refused(
      app,
      CREATE_USER,
      {
        input: {
          username: 'too.strong',
          workgroupIds: [wg('Coordinated Entry Assessors')],
          assignments: [{ organizationId: hss(), canLogin: true, canEdit: true }],
        },
      },
      mina,
      'FORBIDDEN',
    );
    expect(message).toContain('ce.assessment:write');
    const riley = String(await userId(app, 'riley.reserve'));
    await refused(
      app,
      'mutation($u: ID!, $w: [ID!]!) { setUserWorkgroups(userId: $u, workgroupIds: $w) { id } }',
      { u: riley, w: [wg('System Administrators')] },
      mina,
      'FORBIDDEN',
    );
  });

  test('an agency lead cannot grant an access role above the lead’s own', async () => {
    // ivan.idle's workgroups hold nothing mina's lack, so his role is hers to change (§4).
    const riley = String(await userId(app, 'ivan.idle'));
    const update =
      'mutation($u: ID!, $i: UpdateUserInput!) { updateUser(userId: $u, input: $i) { accessRole } }';
    await refused(app, update, { u: riley, i: { accessRole: 'SYSTEM_ADMINISTRATOR' } }, mina, 'FORBIDDEN');
    // The data-analysis role allows nothing a manager's does not (both let report:run through).
    expect(
      (await app.api.ok(update, { u: riley, i: { accessRole: 'AGENCY_STAFF_DATA_ANALYSIS' } }, mina))
        .updateUser.accessRole,
    ).toBe('AGENCY_STAFF_DATA_ANALYSIS');
    expect(
      (await app.api.ok(update, { u: riley, i: { accessRole: 'AGENCY_MANAGER' } }, mina)).updateUser
        .accessRole,
    ).toBe('AGENCY_MANAGER');
    await app.api.ok(update, { u: riley, i: { accessRole: 'AGENCY_STAFF' } }, mina);
  });

  test('an agency lead cannot appoint another agency lead', async () => {
    await refused(
      app,
      CREATE_USER,
      {
        input: {
          username: 'second.lead',
          assignments: [{ organizationId: hss(), canLogin: true, canEdit: true, agencyLead: true }],
        },
      },
      mina,
      'FORBIDDEN',
    );
  });

  test('an agency lead cannot manage a user whose role is above the lead’s own', async () => {
    // morgan.multi is made a system administrator by the HMIS administrator; mina (agency manager) may no longer touch the account.
    const morgan = String(await userId(app, 'morgan.multi'));
    const update =
      'mutation($u: ID!, $i: UpdateUserInput!) { updateUser(userId: $u, input: $i) { accessRole } }';
    await app.api.ok(update, { u: morgan, i: { accessRole: 'SYSTEM_ADMINISTRATOR' } }, admin);
    await refused(
      app,
      'mutation($u: ID!) { resetUserPassword(userId: $u) { temporaryPassword } }',
      { u: morgan },
      mina,
      'FORBIDDEN',
    );
    await app.api.ok(update, { u: morgan, i: { accessRole: 'AGENCY_STAFF' } }, admin);
  });
});

describe('workgroups, assignments and trainings', () => {
  test('an administrator replaces workgroups and changes organization assignments', async () => {
    const { createUser } = await app.api.ok(
      CREATE_USER,
      { input: { username: 'flex.worker', workgroupIds: [wg('HMIS Users')] } },
      admin,
    );
    const id = createUser.user.id;
    const assigned = await app.api.ok(
      `mutation($u: ID!, $i: OrgAssignmentInput!) { assignUserToOrganization(userId: $u, input: $i) { ${USER_FIELDS} } }`,
      { u: id, i: { organizationId: nso(), canLogin: true, canEdit: false, agencyLead: true } },
      admin,
    );
    expect(assigned.assignUserToOrganization.assignments).toEqual([
      { organization: { id: nso(), code: 'NSO' }, canLogin: true, canEdit: false, agencyLead: true },
    ]);
    const removed = await app.api.ok(
      'mutation($u: ID!, $o: ID!) { removeUserFromOrganization(userId: $u, organizationId: $o) { assignments { canLogin } } }',
      { u: id, o: nso() },
      admin,
    );
    expect(removed.removeUserFromOrganization.assignments).toEqual([]);
    const none = await app.api.ok(
      'mutation($u: ID!, $w: [ID!]!) { setUserWorkgroups(userId: $u, workgroupIds: $w) { workgroups { name } } }',
      { u: id, w: [] },
      admin,
    );
    expect(none.setUserWorkgroups.workgroups).toEqual([]);
  });

  test('a required GENERAL training keeps members from client data until it is recorded', async () => {
    const set =
      'mutation($w: ID!, $t: [RequiredTrainingInput!]!) { setWorkgroupRequiredTrainings(workgroupId: $w, trainings: $t) { requiredTrainings { course kind } } }';
    const res = await app.api.ok(
      set,
      { w: wg('Emergency Shelter Staff'), t: [{ course: 'Bed Safety', kind: 'GENERAL' }] },
      admin,
    );
    expect(res.setWorkgroupRequiredTrainings.requiredTrainings).toEqual([
      { course: 'Bed Safety', kind: 'GENERAL' },
    ]);
    const sam = await app.api.login('sam.shelter');
    expect(await app.api.codes('{ clients { totalCount } }', {}, sam)).toEqual(['TRAINING_REQUIRED']);
    const samId = String(await userId(app, 'sam.shelter'));
    const recorded = await app.api.ok(
      'mutation($u: ID!, $i: TrainingInput!) { recordUserTraining(userId: $u, input: $i) { missingTrainings } }',
      { u: samId, i: { course: 'Bed Safety', completedOn: app.ids.today } },
      admin,
    );
    expect(recorded.recordUserTraining.missingTrainings).toEqual([]);
    expect(await app.api.codes('{ clients { totalCount } }', {}, sam)).toEqual([]);
    await app.api.ok(set, { w: wg('Emergency Shelter Staff'), t: [] }, admin);
  });

  test('recording a missing assessment training lifts the training-pending ceiling', async () => {
    const tara = await app.api.login('tara.trainee');
    expect((await app.api.ok('{ me { accessRole } }', {}, tara)).me.accessRole).toBe(
      'AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING',
    );
    await app.api.ok(
      'mutation($u: ID!, $i: TrainingInput!) { recordUserTraining(userId: $u, input: $i) { id } }',
      { u: String(await userId(app, 'tara.trainee')), i: { course: 'VI-SPDAT', completedOn: app.ids.today } },
      admin,
    );
    expect((await app.api.ok('{ me { accessRole } }', {}, tara)).me.accessRole).toBe('AGENCY_STAFF');
  });

  test('only holders of users:manage set the trainings a workgroup requires (not agency leads)', async () => {
    await refused(
      app,
      'mutation($w: ID!, $t: [RequiredTrainingInput!]!) { setWorkgroupRequiredTrainings(workgroupId: $w, trainings: $t) { name } }',
      { w: wg('HMIS Users'), t: [{ course: 'Anything' }] },
      mina,
      'FORBIDDEN',
    );
  });

  test('a training completed in the future is refused', async () => {
    await refused(
      app,
      'mutation($u: ID!, $i: TrainingInput!) { recordUserTraining(userId: $u, input: $i) { id } }',
      {
        u: String(await userId(app, 'sam.shelter')),
        i: { course: 'Time Travel', completedOn: '2999-01-01' },
      },
      admin,
      'BAD_USER_INPUT',
    );
  });
});
