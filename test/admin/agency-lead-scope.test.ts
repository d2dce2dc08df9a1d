/**
 * Agency-lead scope (access model §4; issue 10, leak 4): a lead holds users:manage only for
 * users all of whose organization assignments are to organizations the lead leads; within
 * that, deactivation and reinstatement of anyone, and every change that hands access over
 * (password, unlock, trainings, assignments, workgroups, role) only for users whose workgroups
 * hold no capability the lead's own workgroups lack. Nobody gains a capability indirectly.
 */
import {
  asAdmin,
  CREATE_USER,
  DEMO_PASSWORD,
  loginRaw,
  refused,
  startTestApp,
  userId,
  type TestApp,
} from './support';

let app: TestApp;
let admin: string;
let mina: string;
/** A user mina fully manages: HMIS Users only (her own workgroup), assigned to HSS only. */
let plain: string;
beforeAll(async () => {
  app = await startTestApp('admin_agency_lead_scope');
  admin = await asAdmin(app);
  mina = await app.api.login('mina.manager');
  const { createUser } = await app.api.ok(
    CREATE_USER,
    {
      input: {
        username: 'hope.plain',
        workgroupIds: [String(app.ids.workgroups['HMIS Users'])],
        assignments: [{ organizationId: String(app.ids.orgs.HSS), canLogin: true, canEdit: true }],
        trainings: [{ course: 'HMIS Basics', completedOn: app.ids.today }],
      },
    },
    admin,
  );
  plain = createUser.user.id;
});
afterAll(() => app?.close());

const RESET = 'mutation($u: ID!) { resetUserPassword(userId: $u) { temporaryPassword } }';
const UNLOCK = 'mutation($u: ID!) { unlockUser(userId: $u) { id } }';
const RECORD_TRAINING =
  'mutation($u: ID!, $i: TrainingInput!) { recordUserTraining(userId: $u, input: $i) { trainings { course } } }';
const REMOVE_TRAINING =
  'mutation($u: ID!, $c: String!) { removeUserTraining(userId: $u, course: $c) { trainings { course } } }';
const ASSIGN =
  'mutation($u: ID!, $i: OrgAssignmentInput!) { assignUserToOrganization(userId: $u, input: $i) { assignments { canEdit } } }';
const UNASSIGN =
  'mutation($u: ID!, $o: ID!) { removeUserFromOrganization(userId: $u, organizationId: $o) { assignments { canEdit } } }';
const WORKGROUPS =
  'mutation($u: ID!, $w: [ID!]!) { setUserWorkgroups(userId: $u, workgroupIds: $w) { workgroups { name } } }';
const ROLE =
  'mutation($u: ID!, $i: UpdateUserInput!) { updateUser(userId: $u, input: $i) { accessRole displayName } }';
const DEACTIVATE = 'mutation($u: ID!) { deactivateUser(userId: $u, reason: "left") { status } }';
const REINSTATE = 'mutation($u: ID!) { reinstateUser(userId: $u) { status } }';

const hss = () => String(app.ids.orgs.HSS);

describe('a lead manages only users all of whose assignments are to the organizations the lead leads', () => {
  test('mina.manager (lead of HSS) cannot reset the password of morgan.multi (HSS, NSO, CCE): no takeover of another agency’s access', async () => {
    const morgan = String(await userId(app, 'morgan.multi'));
    const message = await refused(app, RESET, { u: morgan }, mina, 'FORBIDDEN');
    expect(message).toContain('Hope Street Shelter');
    for (const hidden of ['Northside', 'County Coordinated', 'NSO', 'CCE'])
      expect(message).not.toContain(hidden);
    expect((await loginRaw(app, 'morgan.multi', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  test('mina.manager cannot remove a training of morgan.multi, nor touch the account in any other way', async () => {
    const morgan = String(await userId(app, 'morgan.multi'));
    await refused(app, REMOVE_TRAINING, { u: morgan, c: 'VI-SPDAT' }, mina, 'FORBIDDEN');
    const [{ n }] = await app.db.ds.query(
      "SELECT COUNT(*) AS n FROM user_training WHERE user_id = ? AND course = 'VI-SPDAT'",
      [Number(morgan)],
    );
    expect(Number(n)).toBe(1);
    await refused(app, DEACTIVATE, { u: morgan }, mina, 'FORBIDDEN');
    await refused(app, UNLOCK, { u: morgan }, mina, 'FORBIDDEN');
    await refused(app, ROLE, { u: morgan, i: { displayName: 'M' } }, mina, 'FORBIDDEN');
    expect((await app.api.ok('query($u: ID!) { user(id: $u) { id } }', { u: morgan }, mina)).user).toBeNull();
    const { users } = await app.api.ok('{ users(first: 100) { edges { node { username } } } }', {}, mina);
    expect(users.edges.map((e: { node: { username: string } }) => e.node.username)).not.toContain(
      'morgan.multi',
    );
  });
});

describe('within scope, a lead hands access over only for users whose workgroups hold nothing the lead’s lack', () => {
  test('mina.manager deactivates and reinstates riley.reserve (Shelter Reservation Team), but cannot reset riley’s password, unlock, retrain, reassign, regroup or re-role riley', async () => {
    const riley = String(await userId(app, 'riley.reserve'));
    expect((await app.api.ok(DEACTIVATE, { u: riley }, mina)).deactivateUser.status).toBe('DEACTIVATED');
    expect((await app.api.ok(REINSTATE, { u: riley }, mina)).reinstateUser.status).toBe('ACTIVE');
    const message = await refused(app, RESET, { u: riley }, mina, 'FORBIDDEN');
    expect(message).toContain('reservation:manage');
    await refused(app, UNLOCK, { u: riley }, mina, 'FORBIDDEN');
    await refused(
      app,
      RECORD_TRAINING,
      { u: riley, i: { course: 'X', completedOn: app.ids.today } },
      mina,
      'FORBIDDEN',
    );
    await refused(
      app,
      ASSIGN,
      { u: riley, i: { organizationId: hss(), canLogin: true, canEdit: false } },
      mina,
      'FORBIDDEN',
    );
    await refused(app, UNASSIGN, { u: riley, o: hss() }, mina, 'FORBIDDEN');
    await refused(
      app,
      WORKGROUPS,
      { u: riley, w: [String(app.ids.workgroups['HMIS Users'])] },
      mina,
      'FORBIDDEN',
    );
    await refused(app, ROLE, { u: riley, i: { accessRole: 'AGENCY_STAFF' } }, mina, 'FORBIDDEN');
    expect((await loginRaw(app, 'riley.reserve', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  test('mina.manager resets the password of an HMIS Users member of HSS', async () => {
    expect((await app.api.ok(RESET, { u: plain }, mina)).resetUserPassword.temporaryPassword).toEqual(
      expect.any(String),
    );
  });

  test('mina.manager unlocks an HMIS Users member of HSS', async () => {
    expect((await app.api.ok(UNLOCK, { u: plain }, mina)).unlockUser.id).toBe(plain);
  });

  test('mina.manager records and removes a training of an HMIS Users member of HSS', async () => {
    const added = await app.api.ok(
      RECORD_TRAINING,
      { u: plain, i: { course: 'Privacy', completedOn: app.ids.today } },
      mina,
    );
    expect(added.recordUserTraining.trainings).toContainEqual({ course: 'Privacy' });
    const removed = await app.api.ok(REMOVE_TRAINING, { u: plain, c: 'Privacy' }, mina);
    expect(removed.removeUserTraining.trainings).not.toContainEqual({ course: 'Privacy' });
  });

  test('mina.manager sets the workgroups and the role of an HMIS Users member of HSS', async () => {
    const grouped = await app.api.ok(
      WORKGROUPS,
      { u: plain, w: [String(app.ids.workgroups['HMIS Users'])] },
      mina,
    );
    expect(grouped.setUserWorkgroups.workgroups).toEqual([{ name: 'HMIS Users' }]);
    expect(
      (await app.api.ok(ROLE, { u: plain, i: { accessRole: 'AGENCY_MANAGER' } }, mina)).updateUser.accessRole,
    ).toBe('AGENCY_MANAGER');
    await app.api.ok(ROLE, { u: plain, i: { accessRole: 'AGENCY_STAFF' } }, mina);
  });

  test('mina.manager changes and removes the HSS assignment of an HMIS Users member of HSS', async () => {
    const changed = await app.api.ok(
      ASSIGN,
      { u: plain, i: { organizationId: hss(), canLogin: true, canEdit: false } },
      mina,
    );
    expect(changed.assignUserToOrganization.assignments).toEqual([{ canEdit: false }]);
    const removed = await app.api.ok(UNASSIGN, { u: plain, o: hss() }, mina);
    expect(removed.removeUserFromOrganization.assignments).toEqual([]);
  });
});
