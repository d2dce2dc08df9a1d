import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { programVisibility } from '../../access/visibility';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { ProjectCoc } from './project-coc.entity';
import { Funder } from './funder.entity';
import { Inventory } from './inventory.entity';
import { Affiliation } from './affiliation.entity';
import { HmisParticipation } from './hmis-participation.entity';
import { CeParticipation } from './ce-participation.entity';
import { Program } from './program.entity';
import {
  ProjectCocInput,
  FunderInput,
  InventoryInput,
  AffiliationInput,
  HmisParticipationInput,
  CeParticipationInput,
} from './project-setup.inputs';
import {
  PROJECT_COC,
  FUNDER,
  INVENTORY,
  AFFILIATION,
  HMIS_PARTICIPATION,
  CE_PARTICIPATION,
  createSetupRecord,
  deleteSetupRecord,
  setupRecordsOf,
  updateSetupRecord,
} from './project-setup.service';

/**
 * The project descriptor records of a program: read as fields of a program you may see (access
 * model §3), changed by administrators (setup:admin). Thin resolvers over project-setup.service.ts.
 */
@Resolver(() => Program)
export class ProjectSetupResolver {
  @FieldResolver(() => [ProjectCoc], {
    description: 'HUD 2.03 Continuum of Care Information (ProjectCoC.csv) of this program.',
  })
  projectCocs(@Root() program: Program, @Ctx() ctx: RequestContext) {
    return setupRecordsOf(ctx, ProjectCoc, program.id);
  }

  @Mutation(() => ProjectCoc, {
    description: 'Add a project CoC record to a program (HUD 2.03 Continuum of Care Information).',
  })
  createProjectCoc(
    @Arg('programId', () => ID, { description: 'The program.' }) programId: string,
    @Arg('input', { description: 'The project CoC record.' }) input: ProjectCocInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createSetupRecord(ctx, PROJECT_COC, 'createProjectCoc', programId, input);
  }

  @Mutation(() => ProjectCoc, { description: 'Replace the fields of a project CoC record.' })
  updateProjectCoc(
    @Arg('id', () => ID, { description: 'The project CoC record.' }) id: string,
    @Arg('input', { description: 'All its fields.' }) input: ProjectCocInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateSetupRecord(ctx, PROJECT_COC, 'updateProjectCoc', id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a project CoC record (HUD DateDeleted).' })
  deleteProjectCoc(
    @Arg('id', () => ID, { description: 'The project CoC record.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteSetupRecord(ctx, PROJECT_COC, 'deleteProjectCoc', id);
  }

  @FieldResolver(() => [Funder], { description: 'HUD 2.06 Funding Sources (Funder.csv) of this program.' })
  funders(@Root() program: Program, @Ctx() ctx: RequestContext) {
    return setupRecordsOf(ctx, Funder, program.id);
  }

  @Mutation(() => Funder, { description: 'Add a funding source to a program (HUD 2.06 Funding Sources).' })
  createFunder(
    @Arg('programId', () => ID, { description: 'The program.' }) programId: string,
    @Arg('input', { description: 'The funding source.' }) input: FunderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createSetupRecord(ctx, FUNDER, 'createFunder', programId, input);
  }

  @Mutation(() => Funder, { description: 'Replace the fields of a funding source.' })
  updateFunder(
    @Arg('id', () => ID, { description: 'The funding source.' }) id: string,
    @Arg('input', { description: 'All its fields.' }) input: FunderInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateSetupRecord(ctx, FUNDER, 'updateFunder', id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a funding source (HUD DateDeleted).' })
  deleteFunder(
    @Arg('id', () => ID, { description: 'The funding source.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteSetupRecord(ctx, FUNDER, 'deleteFunder', id);
  }

  @FieldResolver(() => [Inventory], {
    description: 'HUD 2.07 Bed and Unit Inventory (Inventory.csv) of this program.',
  })
  inventories(@Root() program: Program, @Ctx() ctx: RequestContext) {
    return setupRecordsOf(ctx, Inventory, program.id);
  }

  @Mutation(() => Inventory, {
    description: 'Add a inventory record to a program (HUD 2.07 Bed and Unit Inventory).',
  })
  createInventory(
    @Arg('programId', () => ID, { description: 'The program.' }) programId: string,
    @Arg('input', { description: 'The inventory record.' }) input: InventoryInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createSetupRecord(ctx, INVENTORY, 'createInventory', programId, input);
  }

  @Mutation(() => Inventory, { description: 'Replace the fields of a inventory record.' })
  updateInventory(
    @Arg('id', () => ID, { description: 'The inventory record.' }) id: string,
    @Arg('input', { description: 'All its fields.' }) input: InventoryInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateSetupRecord(ctx, INVENTORY, 'updateInventory', id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a inventory record (HUD DateDeleted).' })
  deleteInventory(
    @Arg('id', () => ID, { description: 'The inventory record.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteSetupRecord(ctx, INVENTORY, 'deleteInventory', id);
  }

  @FieldResolver(() => [Affiliation], {
    description:
      'HUD 2.02 residential affiliations (Affiliation.csv) of this program: those with a residential program you may see (all of them for administrators).',
  })
  async affiliations(@Root() program: Program, @Ctx() ctx: RequestContext) {
    const all = await setupRecordsOf(ctx, Affiliation, program.id);
    const access = readyAccess(ctx);
    if (all.length === 0 || access.has('setup:admin')) return all;
    // A residential program the active organization cannot see does not exist for it (§3), not even its id.
    const visible = await ctx.ds
      .getRepository(Program)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.id IN (:...ids)', { ids: all.map((a) => a.resProgramId) })
      .andWhere(programVisibility('p', access.scope))
      .getRawMany<{ id: number }>();
    const ids = new Set(visible.map((r) => Number(r.id)));
    return all.filter((a) => ids.has(a.resProgramId));
  }

  @Mutation(() => Affiliation, {
    description: 'Add a affiliation to a program (HUD 2.02 residential affiliations).',
  })
  createAffiliation(
    @Arg('programId', () => ID, { description: 'The program.' }) programId: string,
    @Arg('input', { description: 'The affiliation.' }) input: AffiliationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createSetupRecord(ctx, AFFILIATION, 'createAffiliation', programId, input);
  }

  @Mutation(() => Affiliation, { description: 'Replace the fields of a affiliation.' })
  updateAffiliation(
    @Arg('id', () => ID, { description: 'The affiliation.' }) id: string,
    @Arg('input', { description: 'All its fields.' }) input: AffiliationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateSetupRecord(ctx, AFFILIATION, 'updateAffiliation', id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a affiliation (HUD DateDeleted).' })
  deleteAffiliation(
    @Arg('id', () => ID, { description: 'The affiliation.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteSetupRecord(ctx, AFFILIATION, 'deleteAffiliation', id);
  }

  @FieldResolver(() => [HmisParticipation], {
    description: 'HUD 2.08 HMIS Participation Status (HMISParticipation.csv) of this program.',
  })
  hmisParticipations(@Root() program: Program, @Ctx() ctx: RequestContext) {
    return setupRecordsOf(ctx, HmisParticipation, program.id);
  }

  @Mutation(() => HmisParticipation, {
    description: 'Add a HMIS participation record to a program (HUD 2.08 HMIS Participation Status).',
  })
  createHmisParticipation(
    @Arg('programId', () => ID, { description: 'The program.' }) programId: string,
    @Arg('input', { description: 'The HMIS participation record.' }) input: HmisParticipationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createSetupRecord(ctx, HMIS_PARTICIPATION, 'createHmisParticipation', programId, input);
  }

  @Mutation(() => HmisParticipation, { description: 'Replace the fields of a HMIS participation record.' })
  updateHmisParticipation(
    @Arg('id', () => ID, { description: 'The HMIS participation record.' }) id: string,
    @Arg('input', { description: 'All its fields.' }) input: HmisParticipationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateSetupRecord(ctx, HMIS_PARTICIPATION, 'updateHmisParticipation', id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a HMIS participation record (HUD DateDeleted).' })
  deleteHmisParticipation(
    @Arg('id', () => ID, { description: 'The HMIS participation record.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteSetupRecord(ctx, HMIS_PARTICIPATION, 'deleteHmisParticipation', id);
  }

  @FieldResolver(() => [CeParticipation], {
    description: 'HUD 2.09 CE Participation Status (CEParticipation.csv) of this program.',
  })
  ceParticipations(@Root() program: Program, @Ctx() ctx: RequestContext) {
    return setupRecordsOf(ctx, CeParticipation, program.id);
  }

  @Mutation(() => CeParticipation, {
    description: 'Add a CE participation record to a program (HUD 2.09 CE Participation Status).',
  })
  createCeParticipation(
    @Arg('programId', () => ID, { description: 'The program.' }) programId: string,
    @Arg('input', { description: 'The CE participation record.' }) input: CeParticipationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createSetupRecord(ctx, CE_PARTICIPATION, 'createCeParticipation', programId, input);
  }

  @Mutation(() => CeParticipation, { description: 'Replace the fields of a CE participation record.' })
  updateCeParticipation(
    @Arg('id', () => ID, { description: 'The CE participation record.' }) id: string,
    @Arg('input', { description: 'All its fields.' }) input: CeParticipationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateSetupRecord(ctx, CE_PARTICIPATION, 'updateCeParticipation', id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a CE participation record (HUD DateDeleted).' })
  deleteCeParticipation(
    @Arg('id', () => ID, { description: 'The CE participation record.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteSetupRecord(ctx, CE_PARTICIPATION, 'deleteCeParticipation', id);
  }
}
