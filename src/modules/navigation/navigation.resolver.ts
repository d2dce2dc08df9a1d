import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { AccessContext } from '../../access/access-context';
import type { RequestContext } from '../../graphql/context';
import {
  FormInput,
  MenuGroupInput,
  MenuOptionInput,
  NavigationItemKind,
  WorkspaceInput,
} from './navigation-admin.inputs';
import {
  orderNavigation,
  saveForm,
  saveMenuGroup,
  saveMenuOption,
  saveWorkspace,
  setWorkgroupNavigation,
} from './navigation-admin.service';
import { navigationSetup, NavigationSetup, WorkgroupNavigationGrants } from './navigation-setup';
import { navigation, sessionForm } from './navigation.service';
import { FormView, Navigation, Permissions } from './navigation.types';
import { myPermissions, mySchema } from './session-view';

@Resolver()
export class NavigationResolver {
  @Query(() => Navigation, {
    description:
      "The active workgroup's workspaces, menu groups and menu options that this session may use: what a front end renders. Every operation an option names is one the API then allows.",
  })
  navigation(@Ctx() ctx: RequestContext): Promise<Navigation> {
    return navigation(ctx);
  }

  @Query(() => FormView, {
    nullable: true,
    description:
      'A form granted to the active workgroup, with the fields this session may fill; null when the session may not use it.',
  })
  form(
    @Arg('code', { description: 'Form code, e.g. "enrollment" (see MenuOption.formCode).' }) code: string,
    @Ctx() ctx: RequestContext,
  ) {
    return sessionForm(ctx, code);
  }

  @Query(() => Permissions, {
    description:
      'What this session may do: the operations it may call, the guarded fields it may read, and the record types it may create, edit and delete in the active organization.',
  })
  myPermissions(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Permissions {
    return myPermissions(info.schema, ctx.access as AccessContext);
  }

  @Query(() => String, {
    description:
      'The schema (SDL, descriptions kept) restricted to what this session may use: operations it may not call and fields it may not read are left out. For report builders.',
  })
  mySchema(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): string {
    return mySchema(info.schema, ctx.access as AccessContext);
  }

  @Query(() => NavigationSetup, {
    description:
      'Every workspace, menu group, menu option and form, and the grants per workgroup (administrators).',
  })
  navigationSetup(@Ctx() ctx: RequestContext): Promise<NavigationSetup> {
    return navigationSetup(ctx);
  }

  @Mutation(() => NavigationSetup, {
    description: 'Create a workspace, or update the one with this code. Answers the whole catalogue.',
  })
  async saveWorkspace(
    @Arg('input', { description: 'The workspace.' }) input: WorkspaceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NavigationSetup> {
    await saveWorkspace(ctx, input);
    return navigationSetup(ctx);
  }

  @Mutation(() => NavigationSetup, {
    description: 'Create a menu group, or update the one with this code. Cycles are refused.',
  })
  async saveMenuGroup(
    @Arg('input', { description: 'The menu group.' }) input: MenuGroupInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NavigationSetup> {
    await saveMenuGroup(ctx, input);
    return navigationSetup(ctx);
  }

  @Mutation(() => NavigationSetup, {
    description:
      'Create a menu option, or update the one with this code. Its operations must exist in the schema, its capabilities in capabilityCatalog.',
  })
  async saveMenuOption(
    @Arg('input', { description: 'The menu option.' }) input: MenuOptionInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NavigationSetup> {
    await saveMenuOption(ctx, info.schema, input);
    return navigationSetup(ctx);
  }

  @Mutation(() => NavigationSetup, {
    description:
      'Create a form, or update the one with this code. Every field must be a field of the schema (checked against the built schema).',
  })
  async saveForm(
    @Arg('input', { description: 'The form.' }) input: FormInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NavigationSetup> {
    await saveForm(ctx, info.schema, input);
    return navigationSetup(ctx);
  }

  @Mutation(() => NavigationSetup, {
    description: 'Order items of one kind: the codes given are numbered 10, 20, 30, ... in that order.',
  })
  async orderNavigation(
    @Arg('kind', () => NavigationItemKind, { description: 'What is ordered.' }) kind: NavigationItemKind,
    @Arg('codes', () => [String], { description: 'Codes in the new order.' }) codes: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<NavigationSetup> {
    await orderNavigation(ctx, kind, codes);
    return navigationSetup(ctx);
  }

  @Mutation(() => WorkgroupNavigationGrants, {
    description:
      "Replace a workgroup's workspaces, menu options and forms. A menu option or form needing a capability the workgroup lacks is refused, naming it.",
  })
  setWorkgroupNavigation(
    @Arg('workgroupId', () => ID, { description: 'The workgroup.' }) workgroupId: string,
    @Arg('workspaces', () => [String], { description: 'Workspace codes.' }) workspaces: string[],
    @Arg('menuOptions', () => [String], { description: 'Menu option codes (of those workspaces).' })
    menuOptions: string[],
    @Arg('forms', () => [String], { description: 'Form codes.' }) forms: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<WorkgroupNavigationGrants> {
    return setWorkgroupNavigation(ctx, workgroupId, { workspaces, menuOptions, forms });
  }
}
