/**
 * The session's view of navigation (access model §7): the active workgroup's workspaces, menu
 * groups and menu options, filtered by the session's capabilities after its role ceiling and by
 * the root rules of the operations each option opens, so it never offers what the API refuses.
 * One SQL statement per request, cached on the request context.
 */
import type { AccessContext } from '../../access/access-context';
import { isCapability } from '../../access/capabilities';
import { operationAllowed } from '../../access/operation-rules';
import { readyAccess, type RequestContext } from '../../graphql/context';
import { Form, NavigationKind, type FormSectionData } from './navigation.entity';
import {
  FormView,
  Navigation,
  NavigationMenuGroup,
  NavigationMenuOption,
  NavigationWorkspace,
} from './navigation.types';

interface NavRow {
  k: 'ws' | 'grp' | 'opt';
  id: number | string;
  code: string;
  label: string;
  description: string | null;
  icon: string | null;
  sort_order: number | string;
  workspace_id: number | string | null;
  parent_id: number | string | null;
  operations: string | null;
  capabilities: string | null;
  form_code: string | null;
}

const cache = new WeakMap<RequestContext, Promise<NavRow[]>>();

/** The granted workspaces, all their groups and the granted options: one statement, once per request. */
function loadRows(ctx: RequestContext, workgroupId: number): Promise<NavRow[]> {
  let rows = cache.get(ctx);
  if (!rows) {
    const grant = (kind: NavigationKind, code: string) =>
      `JOIN workgroup_navigation g ON g.workgroup_id = ? AND g.kind = '${kind}' AND g.code = ${code}`;
    rows = ctx.ds.query(
      `SELECT 'ws' AS k, w.id, w.code, w.name AS label, w.description, w.icon, w.sort_order,
              NULL AS workspace_id, NULL AS parent_id, NULL AS operations, NULL AS capabilities, NULL AS form_code
         FROM workspace w ${grant(NavigationKind.WORKSPACE, 'w.code')}
       UNION ALL
       SELECT 'grp', mg.id, mg.code, mg.label, NULL, NULL, mg.sort_order, mg.workspace_id, mg.parent_id, NULL, NULL, NULL
         FROM menu_group mg JOIN workspace w ON w.id = mg.workspace_id ${grant(NavigationKind.WORKSPACE, 'w.code')}
       UNION ALL
       SELECT 'opt', o.id, o.code, o.label, o.description, NULL, o.sort_order, o.workspace_id, o.menu_group_id,
              o.operations, o.capabilities, o.form_code
         FROM menu_option o ${grant(NavigationKind.MENU_OPTION, 'o.code')}`,
      [workgroupId, workgroupId, workgroupId],
    ) as Promise<NavRow[]>;
    cache.set(ctx, rows);
  }
  return rows;
}

function json(value: string | null): string[] {
  if (!value) return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/** Whether the session holds every capability named (unknown names are never held). */
export function holdsAll(access: AccessContext, capabilities: readonly string[]): boolean {
  return capabilities.every((c) => isCapability(c) && access.has(c));
}

/** A menu option the session may use: its capabilities are held and every operation is allowed. */
export function optionUsable(
  access: AccessContext,
  operations: readonly string[],
  capabilities: readonly string[],
) {
  return holdsAll(access, capabilities) && operations.every((op) => operationAllowed(op, access));
}

const byOrder = <T extends { order: number; code: string }>(a: T, b: T) =>
  a.order - b.order || a.code.localeCompare(b.code);

export async function navigation(ctx: RequestContext): Promise<Navigation> {
  const access = readyAccess(ctx);
  const rows = await loadRows(ctx, access.workgroupId as number);
  const options: (NavigationMenuOption & { workspaceId: number; groupId: number | null })[] = rows
    .filter((r) => r.k === 'opt')
    .map((r) => ({
      id: Number(r.id),
      code: r.code,
      label: r.label,
      description: r.description,
      operations: json(r.operations),
      capabilities: json(r.capabilities),
      formCode: r.form_code,
      order: Number(r.sort_order),
      workspaceId: Number(r.workspace_id),
      groupId: r.parent_id === null ? null : Number(r.parent_id),
    }))
    .filter((o) => optionUsable(access, o.operations, o.capabilities));
  const groups = rows
    .filter((r) => r.k === 'grp')
    .map((r) => ({
      id: Number(r.id),
      code: r.code,
      label: r.label,
      order: Number(r.sort_order),
      workspaceId: Number(r.workspace_id),
      parentId: r.parent_id === null ? null : Number(r.parent_id),
    }));
  const strip = ({ workspaceId: _w, groupId: _g, ...o }: (typeof options)[number]): NavigationMenuOption => o;
  // Groups are built bottom-up; a group with nothing usable under it is left out.
  const buildGroups = (workspaceId: number, parentId: number | null, depth: number): NavigationMenuGroup[] =>
    depth > 20
      ? []
      : groups
          .filter((g) => g.workspaceId === workspaceId && g.parentId === parentId)
          .map((g) => ({
            id: g.id,
            code: g.code,
            label: g.label,
            order: g.order,
            menuGroups: buildGroups(workspaceId, g.id, depth + 1),
            menuOptions: options
              .filter((o) => o.groupId === g.id)
              .map(strip)
              .sort(byOrder),
          }))
          .filter((g) => g.menuGroups.length > 0 || g.menuOptions.length > 0)
          .sort(byOrder);
  const groupIds = new Set(groups.map((g) => g.id));
  const workspaces: NavigationWorkspace[] = rows
    .filter((r) => r.k === 'ws')
    .map((r) => {
      const id = Number(r.id);
      return {
        id,
        code: r.code,
        name: r.label,
        description: r.description,
        icon: r.icon,
        order: Number(r.sort_order),
        menuGroups: buildGroups(id, null, 0),
        // An option whose group is gone is shown at the top level rather than lost.
        menuOptions: options
          .filter((o) => o.workspaceId === id && (o.groupId === null || !groupIds.has(o.groupId)))
          .map(strip)
          .sort(byOrder),
      };
    })
    .filter((w) => w.menuGroups.length > 0 || w.menuOptions.length > 0)
    .sort(byOrder);
  return { workspaces };
}

export function formView(form: Form): FormView {
  return {
    id: form.id,
    code: form.code,
    name: form.name,
    description: form.description,
    recordType: form.recordType,
    operation: form.operation,
    capabilities: form.capabilities,
    sections: form.sections.map((s) => ({
      title: s.title,
      fields: s.fields.map((f) => ({ ...f, required: f.required.map((r) => ({ ...r })) })),
    })),
    order: form.sortOrder,
  };
}

/** A form granted to the active workgroup that the session may use, with the fields it may fill; else null. */
export async function sessionForm(ctx: RequestContext, code: string): Promise<FormView | null> {
  const access = readyAccess(ctx);
  const rows: { id: number | string }[] = await ctx.ds.query(
    `SELECT f.id FROM form f JOIN workgroup_navigation g
        ON g.workgroup_id = ? AND g.kind = 'FORM' AND g.code = f.code
      WHERE f.code = ?`,
    [access.workgroupId, code],
  );
  if (!rows.length) return null;
  const form = await ctx.ds.getRepository(Form).findOneByOrFail({ id: Number(rows[0].id) });
  if (!optionUsable(access, [form.operation], form.capabilities)) return null;
  const sections: FormSectionData[] = form.sections
    .map((s) => ({
      ...s,
      fields: s.fields.filter((f) => f.capability === null || holdsAll(access, [f.capability])),
    }))
    .filter((s) => s.fields.length > 0);
  return formView({ ...form, sections });
}
