/** The whole navigation catalogue, unfiltered, for administrators (Query.navigationSetup). */
import { Field, ID, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Form, MenuGroup, MenuOption, WorkgroupNavigation, Workspace } from './navigation.entity';
import { FormView, NavigationMenuGroup, NavigationMenuOption, NavigationWorkspace } from './navigation.types';
import { formView } from './navigation.service';
import { type NavigationGrants } from './navigation-admin.service';

@ObjectType({ description: 'The workspaces, menu options and forms granted to one workgroup, by code.' })
export class WorkgroupNavigationGrants implements NavigationGrants {
  @Field(() => ID, { description: 'The workgroup.' })
  workgroupId: number;

  @Field(() => [String], { description: 'Codes of the granted workspaces.' })
  workspaces: string[];

  @Field(() => [String], { description: 'Codes of the granted menu options.' })
  menuOptions: string[];

  @Field(() => [String], { description: 'Codes of the granted forms.' })
  forms: string[];
}

@ObjectType({
  description: 'Every workspace, menu group, menu option and form, and the grants to workgroups.',
})
export class NavigationSetup {
  @Field(() => [NavigationWorkspace], {
    description: 'All workspaces with all their groups and options, in order.',
  })
  workspaces: NavigationWorkspace[];

  @Field(() => [FormView], { description: 'All forms, in order.' })
  forms: FormView[];

  @Field(() => [WorkgroupNavigationGrants], {
    description: 'Grants per workgroup (workgroups with none left out).',
  })
  grants: WorkgroupNavigationGrants[];
}

const sorted = <T extends { sortOrder: number; code: string }>(items: T[]) =>
  [...items].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));

export async function navigationSetup(ctx: RequestContext): Promise<NavigationSetup> {
  const m = ctx.ds.manager;
  const [workspaces, groups, options, forms, grants] = await Promise.all([
    m.find(Workspace),
    m.find(MenuGroup),
    m.find(MenuOption),
    m.find(Form),
    m.find(WorkgroupNavigation),
  ]);
  const option = (o: MenuOption): NavigationMenuOption => ({
    id: o.id,
    code: o.code,
    label: o.label,
    description: o.description,
    operations: o.operations,
    capabilities: o.capabilities,
    formCode: o.formCode,
    order: o.sortOrder,
  });
  const group = (g: MenuGroup, depth: number): NavigationMenuGroup => ({
    id: g.id,
    code: g.code,
    label: g.label,
    order: g.sortOrder,
    menuGroups:
      depth > 20 ? [] : sorted(groups.filter((c) => c.parentId === g.id)).map((c) => group(c, depth + 1)),
    menuOptions: sorted(options.filter((o) => o.menuGroupId === g.id)).map(option),
  });
  const byWorkgroup = new Map<number, WorkgroupNavigationGrants>();
  for (const g of sorted(grants.map((x) => ({ ...x, sortOrder: 0 })))) {
    let entry = byWorkgroup.get(g.workgroupId);
    if (!entry)
      byWorkgroup.set(
        g.workgroupId,
        (entry = { workgroupId: g.workgroupId, workspaces: [], menuOptions: [], forms: [] }),
      );
    (g.kind === 'WORKSPACE'
      ? entry.workspaces
      : g.kind === 'MENU_OPTION'
        ? entry.menuOptions
        : entry.forms
    ).push(g.code);
  }
  return {
    workspaces: sorted(workspaces).map((w) => ({
      id: w.id,
      code: w.code,
      name: w.name,
      description: w.description,
      icon: w.icon,
      order: w.sortOrder,
      menuGroups: sorted(groups.filter((g) => g.workspaceId === w.id && g.parentId === null)).map((g) =>
        group(g, 0),
      ),
      menuOptions: sorted(options.filter((o) => o.workspaceId === w.id && o.menuGroupId === null)).map(
        option,
      ),
    })),
    forms: sorted(forms).map(formView),
    grants: [...byWorkgroup.values()].sort((a, b) => a.workgroupId - b.workgroupId),
  };
}
