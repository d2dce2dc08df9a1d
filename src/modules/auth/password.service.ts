/**
 * changePassword (access model §2.4; issue 4): allowed in any session state, since a user with
 * a temporary password can do nothing else first. Clears mustChangePassword and ends the
 * user's other sessions: whoever knew the old password may hold one.
 */
import type { AccessContext } from '../../access/access-context';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { passwordProblem, PASSWORD_MAX_LENGTH } from '../../auth/password-policy';
import { sqlTimestamp } from '../../database/sql-time';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { recordChange } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { reloadMe } from './auth.service';
import type { Me } from './me.types';
import { writeTransaction } from '../../database/transactions';

export async function changePassword(
  ctx: RequestContext,
  currentPassword: string,
  newPassword: string,
): Promise<Me> {
  const access = ctx.access as AccessContext;
  const user = await ctx.ds.getRepository(User).findOneByOrFail({ id: access.userId });
  if (
    currentPassword.length > PASSWORD_MAX_LENGTH ||
    !(await verifyPassword(user.passwordHash, currentPassword))
  ) {
    throw badInput('currentPassword', 'is not your current password');
  }
  if (newPassword === currentPassword) throw badInput('newPassword', 'must differ from the current password');
  const problem = passwordProblem(newPassword, user.username);
  if (problem) throw badInput('newPassword', problem);
  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(ctx.ds, async (m) => {
    const now = new Date();
    await m.getRepository(User).update(user.id, { passwordHash, mustChangePassword: false });
    await m.query('UPDATE session SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL', [
      sqlTimestamp(now),
      user.id,
      access.facts.sessionId,
    ]);
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'changePassword',
      entityType: 'User',
      entityId: user.id,
      clientId: null,
      // The log says that the password changed, never what it was or became.
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, passwordChangedAt: now },
    });
  });
  return reloadMe(ctx);
}
