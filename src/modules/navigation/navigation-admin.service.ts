/**
 * Administration of workspaces, menu groups, menu options, forms and their grants to
 * workgroups (`setup:admin`, access model §7). Every check runs before anything is written;
 * every change is audited with its before and after values.
 */
import type { GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';
import { writeTransaction } from '../../database/transactions';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { optionalText, requiredId, requiredText } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { Workgroup, WorkgroupCapability } from '../admin/workgroup.entity';
import {
  Form,
  MenuGroup,
  MenuOption,
  NavigationKind,
  WorkgroupNavigation,
  Workspace,
  type FormSectionData,
} from './navigation.entity';
import type { FormInput, MenuGroupInput, MenuOptionInput, WorkspaceInput } from './navigation-admin.inputs';
import { NavigationItemKind } from './navigation-admin.inputs';
import {
  DATA_COLLECTION_STAGES,
  fieldExists,
  neededCapabilities,
  operationExists,
  unknownCapabilities,
} from './navigation-rules';

const CODE = /^[a-z][A-Za-z0-9._-]{0,63}$/;

function code(field: string, value: string | null | undefined): string {
  const text = requiredText(field, value, 64);
  if (!CODE.test(text))
    throw badInput(
      field,
      'must start with a lower-case letter and use only letters, digits, ".", "-" and "_"',
    );
  return text;
}

function order(field: string, value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000)
    throw badInput(field, 'must be 0 to 1000000');
  return value;
}

function capabilities(field: string, given: string[] | null | undefined): string[] {
  const list = [...new Set(given ?? [])];
  const unknown = unknownCapabilities(list);
  if (unknown.length)
    throw badInput(field, `unknown capability ${unknown.join(', ')} (see capabilityCatalog)`);
  return list.sort();
}

function operations(schema: GraphQLSchema, field: string, given: string[], mutationOnly = false): string[] {
  const list = [...new Set(given.map((o) => o.trim()))];
  for (const op of list) {
    if (!operationExists(schema, op) || (mutationOnly && !op.startsWith('Mutation.')))
      throw badInput(
        field,
        `${op} is not ${mutationOnly ? 'a mutation' : 'an operation'} of the schema (write it as "Query.clients" or "Mutation.createClient")`,
      );
  }
  return list;
}

async function byCode<T extends { code: string }>(
  m: EntityManager,
  entity: new () => T,
  field: string,
  value: string,
  what: string,
): Promise<T> {
  const found = await m.getRepository(entity).findOne({ where: { code: value } as never });
  if (!found) throw badInput(field, `no ${what} with code ${value}`);
  return found as T;
}

async function audited<T extends { id: number }>(
  m: EntityManager,
  ctx: RequestContext,
  entity: new () => T,
  entityType: string,
  operation: string,
  before: T | null,
  values: Partial<T>,
): Promise<T> {
  const repo = m.getRepository(entity);
  let id: number;
  if (before) {
    await repo.update(before.id, values as never);
    id = before.id;
  } else {
    id = (await repo.insert(values as never)).identifiers[0].id as number;
  }
  const after = await repo.findOneByOrFail({ id } as never);
  await recordChange(m, ctx, {
    action: before ? 'UPDATE' : 'CREATE',
    operation,
    entityType,
    entityId: id,
    clientId: null,
    before,
    after,
  });
  return after;
}

export async function saveWorkspace(ctx: RequestContext, input: WorkspaceInput): Promise<Workspace> {
  const values = {
    code: code('input.code', input.code),
    name: requiredText('input.name', input.name, 100),
    description: optionalText('input.description', input.description, 500),
    icon: optionalText('input.icon', input.icon, 64),
    sortOrder: order('input.order', input.order),
  };
  return writeTransaction(ctx.ds, async (m) => {
    const before = await m.getRepository(Workspace).findOneBy({ code: values.code });
    return audited(m, ctx, Workspace, 'Workspace', 'saveWorkspace', before, values);
  });
}

export async function saveMenuGroup(ctx: RequestContext, input: MenuGroupInput): Promise<MenuGroup> {
  const own = code('input.code', input.code);
  const workspaceCode = code('input.workspaceCode', input.workspaceCode);
  const parentCode = input.parentCode ? code('input.parentCode', input.parentCode) : null;
  const label = requiredText('input.label', input.label, 100);
  const sortOrder = order('input.order', input.order);
  return writeTransaction(ctx.ds, async (m) => {
    const workspace = await byCode(m, Workspace, 'input.workspaceCode', workspaceCode, 'workspace');
    let parentId: number | null = null;
    if (parentCode) {
      const parent = await byCode(m, MenuGroup, 'input.parentCode', parentCode, 'menu group');
      if (parent.workspaceId !== workspace.id)
        throw badInput('input.parentCode', `menu group ${parentCode} belongs to another workspace`);
      // Walk up from the parent: reaching this group again would make a cycle.
      const groups = await m.getRepository(MenuGroup).find();
      const seen = new Set<number>();
      for (let g: MenuGroup | undefined = parent; g; g = groups.find((x) => x.id === g?.parentId)) {
        if (g.code === own || seen.has(g.id))
          throw badInput(
            'input.parentCode',
            `${parentCode} is ${own} or one of its sub-groups: that would make a cycle`,
          );
        seen.add(g.id);
      }
      parentId = parent.id;
    }
    const before = await m.getRepository(MenuGroup).findOneBy({ code: own });
    return audited(m, ctx, MenuGroup, 'MenuGroup', 'saveMenuGroup', before, {
      code: own,
      workspaceId: workspace.id,
      parentId,
      label,
      sortOrder,
    });
  });
}

export async function saveMenuOption(
  ctx: RequestContext,
  schema: GraphQLSchema,
  input: MenuOptionInput,
): Promise<MenuOption> {
  const own = code('input.code', input.code);
  const workspaceCode = code('input.workspaceCode', input.workspaceCode);
  const groupCode = input.menuGroupCode ? code('input.menuGroupCode', input.menuGroupCode) : null;
  const formCode = input.formCode ? code('input.formCode', input.formCode) : null;
  const values = {
    code: own,
    label: requiredText('input.label', input.label, 100),
    description: optionalText('input.description', input.description, 500),
    operations: operations(schema, 'input.operations', input.operations),
    capabilities: capabilities('input.capabilities', input.capabilities),
    formCode,
    sortOrder: order('input.order', input.order),
  };
  return writeTransaction(ctx.ds, async (m) => {
    const workspace = await byCode(m, Workspace, 'input.workspaceCode', workspaceCode, 'workspace');
    let menuGroupId: number | null = null;
    if (groupCode) {
      const group = await byCode(m, MenuGroup, 'input.menuGroupCode', groupCode, 'menu group');
      if (group.workspaceId !== workspace.id)
        throw badInput('input.menuGroupCode', `menu group ${groupCode} belongs to another workspace`);
      menuGroupId = group.id;
    }
    if (formCode) await byCode(m, Form, 'input.formCode', formCode, 'form');
    const before = await m.getRepository(MenuOption).findOneBy({ code: own });
    return audited(m, ctx, MenuOption, 'MenuOption', 'saveMenuOption', before, {
      ...values,
      workspaceId: workspace.id,
      menuGroupId,
    });
  });
}

/** Checks a form's sections against the built schema; the error names the field at fault. */
export function formSections(schema: GraphQLSchema, input: FormInput): FormSectionData[] {
  if (!input.sections.length) throw badInput('input.sections', 'a form needs at least one section');
  return input.sections.map((s, i) => ({
    title: requiredText(`input.sections[${i}].title`, s.title, 100),
    fields: s.fields.map((f, j) => {
      const at = `input.sections[${i}].fields[${j}]`;
      const coordinate = requiredText(`${at}.coordinate`, f.coordinate, 128);
      if (!fieldExists(schema, coordinate))
        throw badInput(
          `${at}.coordinate`,
          `${coordinate} is not a field of the schema (write it as "Type.field")`,
        );
      const capability = f.capability ? capabilities(`${at}.capability`, [f.capability])[0] : null;
      return {
        coordinate,
        label: requiredText(`${at}.label`, f.label, 100),
        hudElement: optionalText(`${at}.hudElement`, f.hudElement, 100),
        capability,
        required: (f.required ?? []).map((r, k) => {
          if (!DATA_COLLECTION_STAGES.includes(r.stage))
            throw badInput(
              `${at}.required[${k}].stage`,
              `must be one of ${DATA_COLLECTION_STAGES.join(', ')}`,
            );
          const types = r.projectTypes ?? null;
          if (types?.some((t) => !Number.isInteger(t) || t < 0 || t > 15))
            throw badInput(
              `${at}.required[${k}].projectTypes`,
              'must be HUD 2.02.6 Project Type codes (0-15)',
            );
          return { stage: r.stage, projectTypes: types };
        }),
      };
    }),
  }));
}

export async function saveForm(ctx: RequestContext, schema: GraphQLSchema, input: FormInput): Promise<Form> {
  const recordType = requiredText('input.recordType', input.recordType, 64);
  if (!schema.getType(recordType))
    throw badInput('input.recordType', `${recordType} is not a type of the schema`);
  const values = {
    code: code('input.code', input.code),
    name: requiredText('input.name', input.name, 100),
    description: optionalText('input.description', input.description, 500),
    recordType,
    operation: operations(schema, 'input.operation', [input.operation], true)[0],
    capabilities: capabilities('input.capabilities', input.capabilities),
    sections: formSections(schema, input),
    sortOrder: order('input.order', input.order),
  };
  return writeTransaction(ctx.ds, async (m) => {
    const before = await m.getRepository(Form).findOneBy({ code: values.code });
    return audited(m, ctx, Form, 'Form', 'saveForm', before, values);
  });
}

const ORDERED = {
  [NavigationItemKind.WORKSPACE]: Workspace,
  [NavigationItemKind.MENU_GROUP]: MenuGroup,
  [NavigationItemKind.MENU_OPTION]: MenuOption,
  [NavigationItemKind.FORM]: Form,
} as const;

/** Numbers the given items 10, 20, 30, ... in the order given. */
export async function orderNavigation(
  ctx: RequestContext,
  kind: NavigationItemKind,
  codes: string[],
): Promise<boolean> {
  const entity = ORDERED[kind] as new () => Workspace;
  if (new Set(codes).size !== codes.length) throw badInput('codes', 'a code is listed twice');
  await writeTransaction(ctx.ds, async (m) => {
    const items = await Promise.all(
      codes.map((c) => byCode(m, entity, 'codes', c, kind.toLowerCase().replace('_', ' '))),
    );
    const before = items.map((i) => ({ code: i.code, order: i.sortOrder }));
    for (const [i, item] of items.entries())
      await m.getRepository(entity).update(item.id, { sortOrder: (i + 1) * 10 });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'orderNavigation',
      entityType: entity.name,
      entityId: items[0]?.id ?? 0,
      clientId: null,
      before: { items: before },
      after: { items: items.map((item, i) => ({ code: item.code, order: (i + 1) * 10 })) },
    });
  });
  return true;
}

export interface NavigationGrants {
  workgroupId: number;
  workspaces: string[];
  menuOptions: string[];
  forms: string[];
}

export async function grantsOf(m: EntityManager, workgroupId: number): Promise<NavigationGrants> {
  const rows = await m
    .getRepository(WorkgroupNavigation)
    .find({ where: { workgroupId }, order: { code: 'ASC' } });
  const of = (kind: NavigationKind) => rows.filter((r) => r.kind === kind).map((r) => r.code);
  return {
    workgroupId,
    workspaces: of(NavigationKind.WORKSPACE),
    menuOptions: of(NavigationKind.MENU_OPTION),
    forms: of(NavigationKind.FORM),
  };
}

/**
 * The refusal for a grant whose capabilities the workgroup lacks, or null. Used by the seeds
 * too, so the demo data obeys the rule administrators do.
 */
export function missingForGrant(held: ReadonlySet<string>, needs: readonly string[]): string[] {
  return needs.filter((c) => !held.has(c));
}

/** Replaces a workgroup's workspaces, menu options and forms. */
export async function setWorkgroupNavigation(
  ctx: RequestContext,
  workgroupIdArg: string,
  given: { workspaces: string[]; menuOptions: string[]; forms: string[] },
): Promise<NavigationGrants> {
  const workgroupId = requiredId('workgroupId', workgroupIdArg);
  return writeTransaction(ctx.ds, async (m) => {
    if (!(await m.getRepository(Workgroup).findOneBy({ id: workgroupId })))
      throw badInput('workgroupId', 'no workgroup with this id');
    const held = new Set(
      (await m.getRepository(WorkgroupCapability).findBy({ workgroupId })).map((c) => c.capability),
    );
    const workspaces = await Promise.all(
      [...new Set(given.workspaces)].map((c) => byCode(m, Workspace, 'workspaces', c, 'workspace')),
    );
    const wsIds = new Set(workspaces.map((w) => w.id));
    const options = await Promise.all(
      [...new Set(given.menuOptions)].map((c) => byCode(m, MenuOption, 'menuOptions', c, 'menu option')),
    );
    for (const o of options) {
      if (!wsIds.has(o.workspaceId))
        throw badInput('menuOptions', `${o.code} belongs to a workspace that is not in workspaces`);
      const missing = missingForGrant(held, neededCapabilities(o.operations, o.capabilities));
      if (missing.length)
        throw badInput(
          'menuOptions',
          `${o.label} (${o.code}) needs ${missing.join(', ')}, which the workgroup lacks`,
        );
    }
    const forms = await Promise.all(
      [...new Set(given.forms)].map((c) => byCode(m, Form, 'forms', c, 'form')),
    );
    for (const f of forms) {
      const missing = missingForGrant(held, neededCapabilities([f.operation], f.capabilities));
      if (missing.length)
        throw badInput(
          'forms',
          `${f.name} (${f.code}) needs ${missing.join(', ')}, which the workgroup lacks`,
        );
    }
    const before = await grantsOf(m, workgroupId);
    await m.getRepository(WorkgroupNavigation).delete({ workgroupId });
    const rows = [
      ...workspaces.map((w) => ({ workgroupId, kind: NavigationKind.WORKSPACE, code: w.code })),
      ...options.map((o) => ({ workgroupId, kind: NavigationKind.MENU_OPTION, code: o.code })),
      ...forms.map((f) => ({ workgroupId, kind: NavigationKind.FORM, code: f.code })),
    ];
    if (rows.length) await m.insert(WorkgroupNavigation, rows);
    const after = await grantsOf(m, workgroupId);
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'setWorkgroupNavigation',
      entityType: 'Workgroup',
      entityId: workgroupId,
      clientId: null,
      before,
      after,
    });
    return after;
  });
}
