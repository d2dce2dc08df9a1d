/**
 * Setup data, part 3 (needs setup:admin): the project descriptor records of a program (HUD 2.03
 * ProjectCoC, 2.06 Funder, 2.07 Inventory, 2.02 Affiliation, 2.08 HMISParticipation,
 * 2.09 CEParticipation). One kind table says how each is validated; one path creates, replaces and
 * soft-deletes them, audited like every setup change.
 */
import DataLoader from 'dataloader';
import { In, IsNull, type DeepPartial, type EntityManager } from 'typeorm';
import { writeTransaction } from '../../database/transactions';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { notBefore, optionalText, requiredId, requiredText } from '../../graphql/validate';
import { FunderSource, GeographyType, HmisParticipationType, NoYes, ProjectType } from '../../hud';
import { checkCocCode, checkCode } from '../../hud/validate';
import { recordChange } from '../audit/audit.service';
import { Affiliation } from './affiliation.entity';
import { CeParticipation } from './ce-participation.entity';
import { Funder } from './funder.entity';
import { HmisParticipation } from './hmis-participation.entity';
import { Inventory } from './inventory.entity';
import { Program } from './program.entity';
import { ProjectCoc } from './project-coc.entity';
import type { ProjectSetupRecord } from './project-setup.base';
import type {
  AffiliationInput,
  CeParticipationInput,
  FunderInput,
  HmisParticipationInput,
  InventoryInput,
  ProjectCocInput,
} from './project-setup.inputs';

/** How one kind of setup record is named and validated (`program` is the record's program). */
export interface SetupKind<E extends ProjectSetupRecord, I> {
  entity: new () => E;
  /** Audit entity type and the word used in messages. */
  type: string;
  noun: string;
  values(input: I, program: Program, m: EntityManager): Promise<Partial<E>> | Partial<E>;
}

function datesInOrder(field: string, start: string, end: string | null | undefined): void {
  if (end) notBefore(field, end, start, 'the start date');
}

function pattern(field: string, value: string | null, re: RegExp, what: string): string | null {
  if (value !== null && !re.test(value)) throw badInput(field, `must be ${what}`);
  return value;
}

export const PROJECT_COC: SetupKind<ProjectCoc, ProjectCocInput> = {
  entity: ProjectCoc,
  type: 'ProjectCoC',
  noun: 'project CoC record',
  values(input) {
    const cocCode = requiredText('input.cocCode', input.cocCode, 6).toUpperCase();
    checkCocCode('input.cocCode', cocCode);
    checkCode('input.geographyType', GeographyType, input.geographyType, 'geography type (2.03.4)');
    return {
      cocCode,
      geocode: pattern('input.geocode', input.geocode.trim(), /^[0-9]{6}$/, 'six digits')!,
      address1: optionalText('input.address1', input.address1, 100),
      address2: optionalText('input.address2', input.address2, 100),
      city: optionalText('input.city', input.city, 50),
      state: pattern(
        'input.state',
        optionalText('input.state', input.state, 2)?.toUpperCase() ?? null,
        /^[A-Z]{2}$/,
        'two letters',
      ),
      zip: pattern('input.zip', optionalText('input.zip', input.zip, 5), /^[0-9]{5}$/, 'five digits'),
      geographyType: input.geographyType ?? null,
    };
  },
};

export const FUNDER: SetupKind<Funder, FunderInput> = {
  entity: Funder,
  type: 'Funder',
  noun: 'funder',
  values(input) {
    checkCode('input.funder', FunderSource, input.funder, 'funding source (2.06.1)');
    const otherFunder = optionalText('input.otherFunder', input.otherFunder, 100);
    if (input.funder === FunderSource.LOCAL_OR_OTHER_FUNDING_SOURCE && !otherFunder)
      throw badInput('input.otherFunder', 'name the funder for a local or other funding source (46)');
    if (input.funder !== FunderSource.LOCAL_OR_OTHER_FUNDING_SOURCE && otherFunder)
      throw badInput('input.otherFunder', 'is recorded only for a local or other funding source (46)');
    datesInOrder('input.endDate', input.startDate, input.endDate);
    return {
      funder: input.funder,
      otherFunder,
      grantId: requiredText('input.grantId', input.grantId, 100),
      startDate: input.startDate,
      endDate: input.endDate ?? null,
    };
  },
};

const DEDICATED_BEDS = [
  'chVetBedInventory',
  'youthVetBedInventory',
  'vetBedInventory',
  'chYouthBedInventory',
  'youthBedInventory',
  'chBedInventory',
] as const;

function count(field: string, value: number | null | undefined): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 100000)
    throw badInput(field, 'must be a whole number from 0 to 100000');
  return n;
}

export const INVENTORY: SetupKind<Inventory, InventoryInput> = {
  entity: Inventory,
  type: 'Inventory',
  noun: 'inventory record',
  values(input, program) {
    const cocCode = requiredText('input.cocCode', input.cocCode, 6).toUpperCase();
    checkCocCode('input.cocCode', cocCode);
    const bedInventory = count('input.bedInventory', input.bedInventory);
    const dedicated = Object.fromEntries(
      DEDICATED_BEDS.map((f) => [f, count(`input.${f}`, input[f])]),
    ) as Record<(typeof DEDICATED_BEDS)[number], number>;
    const dedicatedSum = Object.values(dedicated).reduce((a, b) => a + b, 0);
    const otherBedInventory =
      input.otherBedInventory == null
        ? bedInventory - dedicatedSum
        : count('input.otherBedInventory', input.otherBedInventory);
    if (otherBedInventory < 0 || dedicatedSum + otherBedInventory !== bedInventory)
      throw badInput(
        'input.otherBedInventory',
        `the dedicated beds (${dedicatedSum}) and other beds must add up to the bed inventory (${bedInventory})`,
      );
    const shelter =
      program.projectType === ProjectType.EMERGENCY_SHELTER_ENTRY_EXIT ||
      program.projectType === ProjectType.EMERGENCY_SHELTER_NIGHT_BY_NIGHT;
    if (!shelter && input.bedType != null)
      throw badInput('input.bedType', 'is recorded only for an emergency shelter');
    if (!shelter && input.availability != null)
      throw badInput('input.availability', 'is recorded only for an emergency shelter');
    datesInOrder('input.inventoryEndDate', input.inventoryStartDate, input.inventoryEndDate);
    return {
      cocCode,
      householdType: input.householdType,
      bedType: input.bedType ?? null,
      availability: input.availability ?? null,
      unitInventory: count('input.unitInventory', input.unitInventory),
      bedInventory,
      ...dedicated,
      otherBedInventory,
      inventoryStartDate: input.inventoryStartDate,
      inventoryEndDate: input.inventoryEndDate ?? null,
    };
  },
};

export const AFFILIATION: SetupKind<Affiliation, AffiliationInput> = {
  entity: Affiliation,
  type: 'Affiliation',
  noun: 'affiliation',
  async values(input, program, m) {
    const resProgramId = requiredId('input.resProgramId', input.resProgramId);
    if (resProgramId === program.id)
      throw badInput('input.resProgramId', 'a program cannot be affiliated with itself');
    if (!(await m.getRepository(Program).existsBy({ id: resProgramId })))
      throw badInput('input.resProgramId', 'no program with this id');
    return { resProgramId };
  },
};

export const HMIS_PARTICIPATION: SetupKind<HmisParticipation, HmisParticipationInput> = {
  entity: HmisParticipation,
  type: 'HMISParticipation',
  noun: 'HMIS participation record',
  values(input) {
    checkCode(
      'input.hmisParticipationType',
      HmisParticipationType,
      input.hmisParticipationType,
      'HMIS participation type (2.08.1)',
    );
    datesInOrder(
      'input.hmisParticipationStatusEndDate',
      input.hmisParticipationStatusStartDate,
      input.hmisParticipationStatusEndDate,
    );
    return {
      hmisParticipationType: input.hmisParticipationType,
      hmisParticipationStatusStartDate: input.hmisParticipationStatusStartDate,
      hmisParticipationStatusEndDate: input.hmisParticipationStatusEndDate ?? null,
    };
  },
};

const ACCESS_POINT_ANSWERS = [
  'preventionAssessment',
  'crisisAssessment',
  'housingAssessment',
  'directServices',
] as const;

export const CE_PARTICIPATION: SetupKind<CeParticipation, CeParticipationInput> = {
  entity: CeParticipation,
  type: 'CEParticipation',
  noun: 'CE participation record',
  values(input) {
    checkCode('input.accessPoint', NoYes, input.accessPoint, 'no/yes');
    checkCode('input.receivesReferrals', NoYes, input.receivesReferrals, 'no/yes');
    const answers: Partial<CeParticipation> = {};
    for (const field of ACCESS_POINT_ANSWERS) {
      const value = input[field];
      checkCode(`input.${field}`, NoYes, value, 'no/yes');
      if (input.accessPoint === NoYes.YES && value == null)
        throw badInput(`input.${field}`, 'is required for an access point');
      if (input.accessPoint === NoYes.NO && value != null)
        throw badInput(`input.${field}`, 'is recorded only for an access point');
      answers[field] = value ?? null;
    }
    datesInOrder(
      'input.ceParticipationStatusEndDate',
      input.ceParticipationStatusStartDate,
      input.ceParticipationStatusEndDate,
    );
    return {
      accessPoint: input.accessPoint,
      ...answers,
      receivesReferrals: input.receivesReferrals,
      ceParticipationStatusStartDate: input.ceParticipationStatusStartDate,
      ceParticipationStatusEndDate: input.ceParticipationStatusEndDate ?? null,
    };
  },
};

async function liveRecord<E extends ProjectSetupRecord>(
  m: EntityManager,
  kind: SetupKind<E, unknown>,
  id: string,
): Promise<E> {
  const record = await m
    .getRepository(kind.entity)
    .findOneBy({ id: requiredId('id', id), dateDeleted: IsNull() } as never);
  if (!record) throw badInput('id', `no ${kind.noun} with this id`);
  return record;
}

export async function createSetupRecord<E extends ProjectSetupRecord, I>(
  ctx: RequestContext,
  kind: SetupKind<E, I>,
  operation: string,
  programId: string,
  input: I,
): Promise<E> {
  return writeTransaction(ctx.ds, async (m) => {
    const program = await m.getRepository(Program).findOneBy({ id: requiredId('programId', programId) });
    if (!program) throw badInput('programId', 'no program with this id');
    const values = await kind.values(input, program, m);
    const repo = m.getRepository(kind.entity);
    const saved = await repo.save(
      repo.create({
        ...values,
        programId: program.id,
        updatedById: ctx.access?.userId ?? null,
        dateDeleted: null,
      } as DeepPartial<E>),
    );
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation,
      entityType: kind.type,
      entityId: saved.id,
      clientId: null,
      before: null,
      after: saved,
    });
    return saved;
  });
}

export async function updateSetupRecord<E extends ProjectSetupRecord, I>(
  ctx: RequestContext,
  kind: SetupKind<E, I>,
  operation: string,
  id: string,
  input: I,
): Promise<E> {
  return writeTransaction(ctx.ds, async (m) => {
    const before = await liveRecord(m, kind as SetupKind<E, unknown>, id);
    const program = await m.getRepository(Program).findOneByOrFail({ id: before.programId });
    const values = await kind.values(input, program, m);
    await m
      .getRepository(kind.entity)
      .update(before.id, { ...values, updatedById: ctx.access?.userId ?? null } as never);
    const after = await m.getRepository(kind.entity).findOneByOrFail({ id: before.id } as never);
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation,
      entityType: kind.type,
      entityId: before.id,
      clientId: null,
      before,
      after,
    });
    return after;
  });
}

/** Soft delete (HUD DateDeleted): the record is left out everywhere from now on. */
export async function deleteSetupRecord<E extends ProjectSetupRecord>(
  ctx: RequestContext,
  kind: SetupKind<E, never>,
  operation: string,
  id: string,
): Promise<boolean> {
  return writeTransaction(ctx.ds, async (m) => {
    const before = await liveRecord(m, kind as SetupKind<E, unknown>, id);
    await m
      .getRepository(kind.entity)
      .update(before.id, { dateDeleted: new Date(), updatedById: ctx.access?.userId ?? null } as never);
    await recordChange(m, ctx, {
      action: 'DELETE',
      operation,
      entityType: kind.type,
      entityId: before.id,
      clientId: null,
      before,
      after: null,
    });
    return true;
  });
}

const LOADERS = new WeakMap<object, Map<unknown, DataLoader<number, ProjectSetupRecord[]>>>();

/** The live setup records of a kind for a program, batched per request (one query per kind). */
export function setupRecordsOf<E extends ProjectSetupRecord>(
  ctx: RequestContext,
  entity: new () => E,
  programId: number,
): Promise<E[]> {
  let byEntity = LOADERS.get(ctx.loaders);
  if (!byEntity) LOADERS.set(ctx.loaders, (byEntity = new Map()));
  let loader = byEntity.get(entity);
  if (!loader) {
    loader = new DataLoader<number, ProjectSetupRecord[]>(async (ids) => {
      const rows = await ctx.ds.getRepository(entity).find({
        where: { programId: In([...ids]), dateDeleted: IsNull() } as never,
        order: { id: 'ASC' } as never,
      });
      return ids.map((id) => rows.filter((r) => r.programId === id));
    });
    byEntity.set(entity, loader);
  }
  return loader.load(programId) as Promise<E[]>;
}
