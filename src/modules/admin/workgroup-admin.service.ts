/**
 * Workgroups and their capabilities (needs setup:admin). Capabilities are data; only ones in
 * src/access/capabilities.ts are accepted, and nobody grants a capability they do not hold
 * (access model §4). Removing a capability is always allowed.
 */
import type { EntityManager } from 'typeorm';
import { readyAccess, type RequestContext } from '../../graphql/context';
import { alreadyExists, badInput } from '../../graphql/errors';
import { optionalText, requiredId, requiredText } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { Workgroup, WorkgroupCapability } from './workgroup.entity';
import { assertMayGrant, grantableCapabilities, validCapabilities } from '../users/grants';
import type { CreateWorkgroupInput, UpdateWorkgroupInput } from './workgroup-admin.inputs';
import { writeTransaction } from '../../database/transactions';

export async function listWorkgroups(ctx: RequestContext, includeInactive: boolean): Promise<Workgroup[]> {
  return ctx.ds
    .getRepository(Workgroup)
    .find({ where: includeInactive ? {} : { active: true }, order: { name: 'ASC' } });
}

async function assertNameFree(m: EntityManager, name: string, selfId: number | null): Promise<void> {
  const rows: { id: number | string }[] = await m.query('SELECT id FROM workgroup WHERE LOWER(name) = ?', [
    name.toLowerCase(),
  ]);
  if (rows.some((r) => Number(r.id) !== selfId))
    throw alreadyExists('input.name', `a workgroup named ${name} already exists`);
}

async function capabilitiesOf(m: EntityManager, workgroupId: number): Promise<string[]> {
  return (await m.getRepository(WorkgroupCapability).findBy({ workgroupId })).map((c) => c.capability).sort();
}

export async function createWorkgroup(ctx: RequestContext, input: CreateWorkgroupInput): Promise<Workgroup> {
  const access = readyAccess(ctx);
  const name = requiredText('input.name', input.name, 100);
  const description = optionalText('input.description', input.description, 500);
  const capabilities = validCapabilities('input.capabilities', input.capabilities ?? []);
  return writeTransaction(ctx.ds, async (m) => {
    await assertNameFree(m, name, null);
    assertMayGrant(await grantableCapabilities(m, access), capabilities, 'the capabilities');
    const saved = await m
      .getRepository(Workgroup)
      .save(m.getRepository(Workgroup).create({ name, description, active: true }));
    if (capabilities.length)
      await m.insert(
        WorkgroupCapability,
        capabilities.map((capability) => ({ workgroupId: saved.id, capability })),
      );
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createWorkgroup',
      entityType: 'Workgroup',
      entityId: saved.id,
      clientId: null,
      before: null,
      after: { ...saved, capabilities },
    });
    return saved;
  });
}

export async function updateWorkgroup(
  ctx: RequestContext,
  id: string,
  input: UpdateWorkgroupInput,
): Promise<Workgroup> {
  const values: Partial<Workgroup> = {};
  if (input.name !== undefined) values.name = requiredText('input.name', input.name, 100);
  if (input.description !== undefined)
    values.description = optionalText('input.description', input.description, 500);
  if (input.active != null) values.active = input.active;
  return writeTransaction(ctx.ds, async (m) => {
    const before = await m.getRepository(Workgroup).findOneBy({ id: requiredId('id', id) });
    if (!before) throw badInput('id', 'no workgroup with this id');
    if (values.name) await assertNameFree(m, values.name, before.id);
    if (Object.keys(values).length) await m.getRepository(Workgroup).update(before.id, values);
    const after = await m.getRepository(Workgroup).findOneByOrFail({ id: before.id });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'updateWorkgroup',
      entityType: 'Workgroup',
      entityId: before.id,
      clientId: null,
      before,
      after,
    });
    return after;
  });
}

/** Replaces a workgroup's capabilities; members get the new set at their next request. */
export async function setWorkgroupCapabilities(
  ctx: RequestContext,
  id: string,
  given: string[],
): Promise<Workgroup> {
  const access = readyAccess(ctx);
  const capabilities = validCapabilities('capabilities', given);
  return writeTransaction(ctx.ds, async (m) => {
    const workgroup = await m.getRepository(Workgroup).findOneBy({ id: requiredId('workgroupId', id) });
    if (!workgroup) throw badInput('workgroupId', 'no workgroup with this id');
    const before = await capabilitiesOf(m, workgroup.id);
    const added = capabilities.filter((c) => !before.includes(c));
    assertMayGrant(await grantableCapabilities(m, access), added, 'the capabilities');
    await m.getRepository(WorkgroupCapability).delete({ workgroupId: workgroup.id });
    if (capabilities.length)
      await m.insert(
        WorkgroupCapability,
        capabilities.map((capability) => ({ workgroupId: workgroup.id, capability })),
      );
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'setWorkgroupCapabilities',
      entityType: 'Workgroup',
      entityId: workgroup.id,
      clientId: null,
      before: { capabilities: before },
      after: { capabilities },
    });
    return workgroup;
  });
}
