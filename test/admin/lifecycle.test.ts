/**
 * The user lifecycle (access model §2.4-2.5; issue 4 §3): password policy, changePassword
 * clearing a temporary password, the End User Agreement gate, and inactivity (at login and
 * by the `npm run users:sweep` job).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { isCommonPassword, passwordProblem, temporaryPassword } from '../../src/auth/password-policy';
import {
  asAdmin,
  CREATE_USER,
  DEMO_PASSWORD,
  GOOD_PASSWORD,
  loginRaw,
  refused,
  startTestApp,
  userId,
  type TestApp,
} from './support';

const CHANGE =
  'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { state } }';

describe('password policy', () => {
  test('a password needs at least 12 characters', () => {
    expect(passwordProblem('quiet-lamp7', 'someone')).toMatch(/at least 12/);
    expect(passwordProblem('quiet-lamp-7', 'someone')).toBeNull();
  });

  test('a password must not contain the username', () => {
    expect(passwordProblem('my-name-is-sam.shelter', 'sam.shelter')).toMatch(/username/);
    expect(passwordProblem('SAM.SHELTER-2024', 'sam.shelter')).toMatch(/username/);
  });

  test('a common password is refused, also dressed up with digits and symbols', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(passwordProblem('qwertyuiop123', 'someone')).toMatch(/common/);
    expect(passwordProblem('Sunshine2024!!', 'someone')).toMatch(/common/);
    expect(passwordProblem('1234567890123', 'someone')).toMatch(/common|different/);
    expect(passwordProblem(GOOD_PASSWORD, 'someone')).toBeNull();
  });

  test('generated temporary passwords satisfy the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblem(temporaryPassword(), 'any.user')).toBeNull();
  });
});

describe('through the API', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp('admin_lifecycle');
    admin = await asAdmin(app);
  });
  afterAll(() => app?.close());

  test('changePassword clears a temporary password, and the new one works', async () => {
    const { createUser } = await app.api.ok(
      CREATE_USER,
      {
        input: {
          username: 'temp.user',
          workgroupIds: [String(app.ids.workgroups['HMIS Users'])],
          assignments: [{ organizationId: String(app.ids.orgs.NSO), canLogin: true, canEdit: true }],
        },
      },
      admin,
    );
    const token = (await loginRaw(app, 'temp.user', createUser.temporaryPassword)).data?.login
      .token as string;
    // changePassword is allowed in the NEEDS_PASSWORD_CHANGE state (shield rule 'session').
    const res = await app.api.ok(CHANGE, { c: createUser.temporaryPassword, n: GOOD_PASSWORD }, token);
    expect(res.changePassword.state).toBe('NEEDS_AGREEMENT');
    const account = await app.api.ok(
      'query($u: ID!) { user(id: $u) { mustChangePassword } }',
      { u: createUser.user.id },
      admin,
    );
    expect(account.user.mustChangePassword).toBe(false);
    expect(
      (await loginRaw(app, 'temp.user', createUser.temporaryPassword)).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await loginRaw(app, 'temp.user', GOOD_PASSWORD)).data?.login.me.state).toBe('NEEDS_AGREEMENT');
  });

  test('changePassword refuses a wrong current password and a new password that breaks the policy', async () => {
    const token = await app.api.login('casey.assessor');
    expect(
      await refused(app, CHANGE, { c: 'not-my-password', n: GOOD_PASSWORD }, token, 'BAD_USER_INPUT'),
    ).toContain('currentPassword');
    expect(await refused(app, CHANGE, { c: DEMO_PASSWORD, n: 'short' }, token, 'BAD_USER_INPUT')).toContain(
      '12',
    );
    expect(
      await refused(app, CHANGE, { c: DEMO_PASSWORD, n: 'casey.assessor-2025' }, token, 'BAD_USER_INPUT'),
    ).toContain('username');
    expect(
      await refused(app, CHANGE, { c: DEMO_PASSWORD, n: 'password123456' }, token, 'BAD_USER_INPUT'),
    ).toContain('common');
    expect(
      await refused(app, CHANGE, { c: DEMO_PASSWORD, n: DEMO_PASSWORD }, token, 'BAD_USER_INPUT'),
    ).toContain('differ');
  });

  test('changing the password ends the user’s other sessions, not this one', async () => {
    const other = await app.api.login('pat.priority');
    const current = await app.api.login('pat.priority');
    await app.api.ok(CHANGE, { c: DEMO_PASSWORD, n: GOOD_PASSWORD }, current);
    expect(await app.api.codes('{ programs { id } }', {}, other)).toEqual(['UNAUTHENTICATED']);
    expect(await app.api.codes('{ programs { id } }', {}, current)).toEqual([]);
  });

  test('until the End User Agreement is accepted only me, acceptEndUserAgreement, changePassword and logout answer', async () => {
    const nora = await app.api.login('nora.new');
    expect((await app.api.ok('{ me { state } }', {}, nora)).me.state).toBe('NEEDS_AGREEMENT');
    expect(await app.api.codes('{ clients { totalCount } }', {}, nora)).toEqual(['AGREEMENT_REQUIRED']);
    expect(
      await app.api.codes('{ explainAccess(action: { createClient: true }) { allowed } }', {}, nora),
    ).toEqual(['AGREEMENT_REQUIRED']);
    const accepted = await app.api.ok('mutation { acceptEndUserAgreement { state } }', {}, nora);
    expect(accepted.acceptEndUserAgreement.state).toBe('READY');
    expect(await app.api.codes('{ clients { totalCount } }', {}, nora)).toEqual([]);
  });

  test('a user idle past INACTIVITY_DAYS becomes INACTIVE at the next login attempt, with advice whom to contact', async () => {
    const res = await loginRaw(app, 'ivan.idle', DEMO_PASSWORD);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/inactive.*agency lead or the HMIS administrator/);
    const account = await app.api.ok(
      'query($u: ID!) { user(id: $u) { status } }',
      { u: String(await userId(app, 'ivan.idle')) },
      admin,
    );
    expect(account.user.status).toBe('INACTIVE');
  });

  test('`npm run users:sweep` marks users idle past INACTIVITY_DAYS INACTIVE and prints how many', async () => {
    // Olga last logged in 70 days ago; everyone else logged in recently (in this file, or per the seeds).
    await app.db.ds.query('UPDATE app_user SET last_login_at = ? WHERE username = ?', [
      new Date(Date.now() - 70 * 86_400_000).toISOString().replace('T', ' ').replace('Z', ''),
      'olga.outreach',
    ]);
    const root = path.join(__dirname, '..', '..');
    const env = {
      ...process.env,
      DATABASE_URL: app.db.config.databaseUrl ?? '',
      DATA_DIR: app.db.config.dataDir,
      INACTIVITY_DAYS: '60',
    };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'src/modules/users/sweep.cli.ts'],
      { cwd: root, env },
    );
    expect(stdout).toMatch(/^1 user\(s\) marked INACTIVE after 60 days without login: olga\.outreach/m);
    const account = await app.api.ok(
      'query($u: ID!) { user(id: $u) { status } }',
      { u: String(await userId(app, 'olga.outreach')) },
      admin,
    );
    expect(account.user.status).toBe('INACTIVE');
    const again = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'src/modules/users/sweep.cli.ts'],
      { cwd: root, env },
    );
    expect(again.stdout).toMatch(/^0 user\(s\) marked INACTIVE/m);
    const { auditEvents } = await app.api.ok(
      '{ auditEvents(filter: { operation: "users:sweep" }) { edges { node { userId entityId before after } } } }',
      {},
      admin,
    );
    expect(auditEvents.edges).toHaveLength(1);
    expect(auditEvents.edges[0].node).toMatchObject({
      userId: null,
      before: { status: 'ACTIVE' },
      after: { status: 'INACTIVE' },
    });
  });

  test('a new account that never logs in is swept after INACTIVITY_DAYS from its creation', async () => {
    const { sweepInactiveUsers } = await import('../../src/modules/users/inactivity');
    const { createUser } = await app.api.ok(CREATE_USER, { input: { username: 'never.logs.in' } }, admin);
    expect(await sweepInactiveUsers(app.db.ds, { inactivityDays: 60 })).toEqual([]);
    const longAgo = new Date(Date.now() - 61 * 86_400_000).toISOString().replace('T', ' ').replace('Z', '');
    await app.db.ds.query('UPDATE app_user SET created_at = ?, activated_at = ? WHERE username = ?', [
      longAgo,
      longAgo,
      'never.logs.in',
    ]);
    expect(await sweepInactiveUsers(app.db.ds, { inactivityDays: 60 })).toEqual(['never.logs.in']);
    const account = await app.api.ok(
      'query($u: ID!) { user(id: $u) { status } }',
      { u: createUser.user.id },
      admin,
    );
    expect(account.user.status).toBe('INACTIVE');
  });
});
