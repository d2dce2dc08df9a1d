/**
 * The user lifecycle (access model §2.4-2.5): deactivation with a reason (every session ends
 * at once), reinstatement, temporary passwords and unlocking. Audited like every change.
 */
import { hashPassword } from '../../auth/passwords';
import { passwordProblem, temporaryPassword } from '../../auth/password-policy';
import { revokeUserSessions } from '../../auth/session-store';
import type { RequestContext } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { requiredText } from '../../graphql/validate';
import { User, UserStatus } from './user.entity';
import type { UserAccount, UserPasswordPayload } from './user-account.types';
import { changeUser } from './users.service';

/** Deactivates an account: a reason is required, and every session of the user ends now. */
export function deactivateUser(ctx: RequestContext, id: string, reason: string): Promise<UserAccount> {
  const text = requiredText('reason', reason, 500);
  return changeUser(
    ctx,
    id,
    'deactivateUser',
    async (m, auth, user) => {
      if (user.id === auth.access.userId)
        throw appError('FORBIDDEN', 'You cannot deactivate your own account; ask another administrator.');
      if (user.status === UserStatus.DEACTIVATED)
        throw badInput('userId', `${user.username} is already deactivated`);
      await m
        .getRepository(User)
        .update(user.id, { status: UserStatus.DEACTIVATED, deactivationReason: text });
      // Same transaction: the deactivation and the end of its sessions are one change.
      await revokeUserSessions(m, user.id);
    },
    'revoke',
  );
}

/**
 * Makes a DEACTIVATED or INACTIVE account ACTIVE again. The inactivity period restarts now
 * (activatedAt), or the next login would find the account idle again.
 */
export function reinstateUser(ctx: RequestContext, id: string): Promise<UserAccount> {
  return changeUser(
    ctx,
    id,
    'reinstateUser',
    async (m, _auth, user) => {
      if (user.status === UserStatus.ACTIVE) throw badInput('userId', `${user.username} is already active`);
      await m
        .getRepository(User)
        .update(user.id, { status: UserStatus.ACTIVE, deactivationReason: null, activatedAt: new Date() });
    },
    'revoke',
  );
}

/**
 * Gives a new temporary password (chosen or generated): the user must change it at the next
 * login, the lockout is cleared, and every session of the user ends (whoever forgot or leaked
 * the old password may still hold one).
 */
export async function resetUserPassword(
  ctx: RequestContext,
  id: string,
  chosen: string | null | undefined,
): Promise<UserPasswordPayload> {
  const generated = chosen == null ? temporaryPassword() : null;
  const password = chosen ?? (generated as string);
  const passwordHash = await hashPassword(password);
  const user = await changeUser(ctx, id, 'resetUserPassword', async (m, _auth, target) => {
    const problem = passwordProblem(password, target.username);
    if (problem) throw badInput('temporaryPassword', problem);
    await m.getRepository(User).update(target.id, {
      passwordHash,
      mustChangePassword: true,
      failedLoginCount: 0,
      firstFailedLoginAt: null,
      lockedUntil: null,
    });
    await revokeUserSessions(m, target.id);
  });
  return { user, temporaryPassword: generated };
}

/** Ends a lockout after failed logins before its time. */
export function unlockUser(ctx: RequestContext, id: string): Promise<UserAccount> {
  return changeUser(ctx, id, 'unlockUser', async (m, _auth, user) => {
    await m
      .getRepository(User)
      .update(user.id, { failedLoginCount: 0, firstFailedLoginAt: null, lockedUntil: null });
  });
}
