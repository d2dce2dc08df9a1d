import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { parseId } from '../../graphql/connection';
import { buildMe, login, logout, selectContext } from './auth.service';
import { LoginPayload, Me } from './me.types';
import { changePassword } from './password.service';

@Resolver()
export class AuthResolver {
  @Query(() => Me, {
    nullable: true,
    description: 'The session: user, active workgroup and organization, and the choices for selectContext.',
  })
  me(@Ctx() ctx: RequestContext): Promise<Me> | null {
    return ctx.access ? buildMe(ctx.ds, ctx.access) : null;
  }

  @Mutation(() => LoginPayload, {
    description: 'Log in. Failed attempts are counted; the answer never tells whether a username exists.',
  })
  login(
    @Arg('username', { description: 'Login name.' }) username: string,
    @Arg('password', { description: 'Password.' }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginPayload> {
    return login(ctx, username, password);
  }

  @Mutation(() => Boolean, { description: 'End this session now.' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return logout(ctx);
  }

  @Mutation(() => Me, {
    description:
      'Choose the workgroup and Security Organization to work in; every access decision is taken against this pair.',
  })
  selectContext(
    @Arg('workgroupId', () => ID, { description: 'One of me.workgroups.' }) workgroupId: string,
    @Arg('organizationId', () => ID, { description: 'One of me.loginOrganizations.' }) organizationId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Me> {
    return selectContext(ctx, parseId(workgroupId), parseId(organizationId));
  }

  @Mutation(() => Me, {
    description:
      'Change your password (allowed before anything else, e.g. with a temporary password). At least 12 characters, not containing the username, not a common password. Ends your other sessions.',
  })
  changePassword(
    @Arg('currentPassword', { description: 'Your current (or temporary) password.' }) currentPassword: string,
    @Arg('newPassword', { description: 'The new password.' }) newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Me> {
    return changePassword(ctx, currentPassword, newPassword);
  }
}
