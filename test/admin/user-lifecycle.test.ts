/**
 * Account lifecycle by administrators and agency leads (issue 4 §2; access model §2.4-2.5):
 * deactivation with a reason ends every session at once; reinstatement; temporary passwords
 * on reset; unlocking after failed logins.
 */
import { asAdmin, loginRaw, refused, startTestApp, userId, type TestApp } from './support';

let app: TestApp;
let admin: string;
let mina: string;
beforeAll(async () => {
  app = await startTestApp('admin_user_lifecycle');
  admin = await asAdmin(app);
  mina = await app.api.login('mina.manager');
});
afterAll(() => app?.close());

describe('deactivation, reinstatement, password resets and lockouts', () => {
  test('deactivation needs a reason, and every session of the user ends at once', async () => {
    const riley = String(await userId(app, 'riley.reserve'));
    const first = await app.api.login('riley.reserve');
    const second = await app.api.login('riley.reserve');
    await refused(
      app,
      'mutation($u: ID!) { deactivateUser(userId: $u, reason: "  ") { id } }',
      { u: riley },
      mina,
      'BAD_USER_INPUT',
    );
    const res = await app.api.ok(
      'mutation($u: ID!) { deactivateUser(userId: $u, reason: "moved to another agency") { status deactivationReason } }',
      { u: riley },
      mina,
    );
    expect(res.deactivateUser).toEqual({
      status: 'DEACTIVATED',
      deactivationReason: 'moved to another agency',
    });
    for (const token of [first, second]) {
      expect(await app.api.codes('{ clients { totalCount } }', {}, token)).toEqual(['UNAUTHENTICATED']);
      expect(await app.api.codes('{ me { state } }', {}, token)).toEqual(['UNAUTHENTICATED']);
    }
    const login = await loginRaw(app, 'riley.reserve', process.env.SEED_PASSWORD || 'waypoint-demo');
    expect(login.errors?.[0].message).toContain('deactivated');
  });

  test('a deactivated user is reinstated by the agency lead and can log in again', async () => {
    const riley = String(await userId(app, 'riley.reserve'));
    const res = await app.api.ok(
      'mutation($u: ID!) { reinstateUser(userId: $u) { status deactivationReason } }',
      { u: riley },
      mina,
    );
    expect(res.reinstateUser).toEqual({ status: 'ACTIVE', deactivationReason: null });
    await app.api.login('riley.reserve');
  });

  test('nobody deactivates their own account', async () => {
    await refused(
      app,
      'mutation($u: ID!) { deactivateUser(userId: $u, reason: "oops") { id } }',
      { u: String(await userId(app, 'admin')) },
      admin,
      'FORBIDDEN',
    );
  });

  test('an INACTIVE user is reinstated and the inactivity period restarts', async () => {
    const password = process.env.SEED_PASSWORD || 'waypoint-demo';
    const first = await loginRaw(app, 'ivan.idle', password);
    expect(first.errors?.[0].message).toContain('inactive');
    await app.api.ok(
      'mutation($u: ID!) { reinstateUser(userId: $u) { status } }',
      { u: String(await userId(app, 'ivan.idle')) },
      mina,
    );
    const again = await loginRaw(app, 'ivan.idle', password);
    expect(again.errors).toBeUndefined();
  });

  test('a password reset gives a temporary password again and ends the user’s sessions', async () => {
    const olgaToken = await app.api.login('olga.outreach');
    const res = await app.api.ok(
      'mutation($u: ID!) { resetUserPassword(userId: $u) { temporaryPassword user { mustChangePassword } } }',
      { u: String(await userId(app, 'olga.outreach')) },
      admin,
    );
    expect(res.resetUserPassword.user.mustChangePassword).toBe(true);
    expect(await app.api.codes('{ me { state } }', {}, olgaToken)).toEqual(['UNAUTHENTICATED']);
    const login = await loginRaw(app, 'olga.outreach', res.resetUserPassword.temporaryPassword);
    expect(login.data?.login.me.state).toBe('NEEDS_PASSWORD_CHANGE');
  });

  test('a locked account is unlocked by an administrator; the lockout message never tells whether the user exists', async () => {
    const password = process.env.SEED_PASSWORD || 'waypoint-demo';
    const messages = new Set<string>();
    for (let i = 0; i < 5; i++)
      messages.add(String((await loginRaw(app, 'pat.priority', 'wrong-password-123')).errors?.[0].message));
    messages.add(String((await loginRaw(app, 'nobody.here', 'wrong-password-123')).errors?.[0].message));
    expect(messages.size).toBe(1);
    const locked = await loginRaw(app, 'pat.priority', password);
    expect(locked.errors?.[0].message).toBe([...messages][0]);
    const pat = String(await userId(app, 'pat.priority'));
    const before = await app.api.ok(
      'query($u: ID!) { user(id: $u) { lockedUntil failedLoginCount } }',
      { u: pat },
      admin,
    );
    expect(before.user.lockedUntil).not.toBeNull();
    const res = await app.api.ok(
      'mutation($u: ID!) { unlockUser(userId: $u) { lockedUntil failedLoginCount } }',
      { u: pat },
      admin,
    );
    expect(res.unlockUser).toEqual({ lockedUntil: null, failedLoginCount: 0 });
    await app.api.login('pat.priority');
  });
});
