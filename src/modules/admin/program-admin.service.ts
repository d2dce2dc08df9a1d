/** Setup data, part 2 (needs setup:admin): programs, each owned by one organization for good. */
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { parseId } from '../../graphql/connection';
import { notBefore, optionalText, requiredId, requiredText } from '../../graphql/validate';
import { checkProjectDescriptor } from '../../hud/validate';
import { recordChange } from '../audit/audit.service';
import { Organization } from '../organization/organization.entity';
import { Program } from '../program/program.entity';
import type { CreateProgramInput, ProgramFieldsInput } from './organization-admin.inputs';
import { writeTransaction } from '../../database/transactions';

/** Every program (or those of one organization), active ones only unless asked. */
export async function listPrograms(
  ctx: RequestContext,
  organizationId: string | null | undefined,
  includeInactive: boolean,
): Promise<Program[]> {
  const qb = ctx.ds.getRepository(Program).createQueryBuilder('p');
  if (organizationId != null) qb.andWhere('p.organizationId = :org', { org: parseId(organizationId) ?? -1 });
  if (!includeInactive) qb.andWhere('p.active = :active', { active: true });
  return qb.orderBy('p.name').addOrderBy('p.id').getMany();
}

function programValues(input: ProgramFieldsInput): Partial<Program> {
  const v: Partial<Program> = {};
  if (input.name !== undefined) v.name = requiredText('input.name', input.name, 200);
  if (input.projectType != null) v.projectType = input.projectType;
  for (const field of [
    'rrhSubType',
    'residentialAffiliation',
    'housingType',
    'targetPopulation',
    'hopwaMedAssistedLivingFac',
  ] as const)
    if (input[field] !== undefined) (v as Record<string, unknown>)[field] = input[field];
  if (input.cocCode !== undefined) {
    const coc = optionalText('input.cocCode', input.cocCode, 6)?.toUpperCase() ?? null;
    if (coc !== null && !/^[A-Z]{2}-[0-9]{3}$/.test(coc))
      throw badInput('input.cocCode', 'must look like XX-500 (state and three digits)');
    v.cocCode = coc;
  }
  if (input.operatingStartDate != null) v.operatingStartDate = input.operatingStartDate;
  if (input.operatingEndDate !== undefined) v.operatingEndDate = input.operatingEndDate;
  if (input.active != null) v.active = input.active;
  return v;
}

/** Dates in order, and the 2.02 fields that depend on the project type (create: the input; update: stored + changes). */
function checkDates(p: Partial<Program>): void {
  if (p.projectType != null)
    checkProjectDescriptor('input', {
      projectType: p.projectType,
      rrhSubType: p.rrhSubType,
      residentialAffiliation: p.residentialAffiliation,
      housingType: p.housingType,
    });
  if (p.operatingStartDate && p.operatingEndDate)
    notBefore('input.operatingEndDate', p.operatingEndDate, p.operatingStartDate, 'the operating start date');
}

export async function createProgram(ctx: RequestContext, input: CreateProgramInput): Promise<Program> {
  const values = programValues(input);
  if (!values.name) throw badInput('input.name', 'must not be empty');
  if (values.projectType == null) throw badInput('input.projectType', 'is required');
  if (!values.operatingStartDate) throw badInput('input.operatingStartDate', 'is required');
  checkDates(values);
  return writeTransaction(ctx.ds, async (m: EntityManager) => {
    const org = await m
      .getRepository(Organization)
      .findOneBy({ id: requiredId('input.organizationId', input.organizationId) });
    if (!org) throw badInput('input.organizationId', 'no organization with this id');
    if (!org.active) throw badInput('input.organizationId', `${org.name} is deactivated`);
    const saved = await m
      .getRepository(Program)
      .save(m.getRepository(Program).create({ ...values, organizationId: org.id }));
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createProgram',
      entityType: 'Program',
      entityId: saved.id,
      clientId: null,
      before: null,
      after: saved,
    });
    return saved;
  });
}

export async function updateProgram(
  ctx: RequestContext,
  id: string,
  input: ProgramFieldsInput,
): Promise<Program> {
  const values = programValues(input);
  return writeTransaction(ctx.ds, async (m) => {
    const before = await m.getRepository(Program).findOneBy({ id: requiredId('id', id) });
    if (!before) throw badInput('id', 'no program with this id');
    checkDates({ ...before, ...values });
    if (Object.keys(values).length) await m.getRepository(Program).update(before.id, values);
    const after = await m.getRepository(Program).findOneByOrFail({ id: before.id });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'updateProgram',
      entityType: 'Program',
      entityId: before.id,
      clientId: null,
      before,
      after,
    });
    return after;
  });
}
