import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { programVisibility } from '../../access/visibility';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { parseId } from '../../graphql/connection';
import { Organization } from '../organization/organization.entity';
import { Program } from './program.entity';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => [Program], {
    description:
      'Programs of the active organization, and (read-only) of organizations sharing with it through an active information release.',
  })
  programs(@Ctx() ctx: RequestContext): Promise<Program[]> {
    const access = readyAccess(ctx);
    return ctx.ds
      .getRepository(Program)
      .createQueryBuilder('p')
      .where(programVisibility('p', access.scope))
      .orderBy('p.name')
      .addOrderBy('p.id')
      .getMany();
  }

  @Query(() => Program, { nullable: true, description: 'A program visible to you, by id.' })
  async program(
    @Arg('id', () => ID, { description: 'Program id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Program | null> {
    const access = readyAccess(ctx);
    const programId = parseId(id);
    if (programId === null) return null;
    return ctx.ds
      .getRepository(Program)
      .createQueryBuilder('p')
      .where('p.id = :programId', { programId })
      .andWhere(programVisibility('p', access.scope))
      .getOne();
  }

  @FieldResolver(() => Organization, { description: 'The Security Organization that owns the program.' })
  organization(@Root() program: Program, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organization.load(program.organizationId);
  }

  @FieldResolver(() => Boolean, {
    description: 'The program belongs to the active organization: new records can be created for it.',
  })
  ownedByActiveOrganization(@Root() program: Program, @Ctx() ctx: RequestContext): boolean {
    return program.organizationId === readyAccess(ctx).organizationId;
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], {
    description: 'Active Security Organizations (setup data: names and codes of the agencies in the HMIS).',
  })
  organizations(@Ctx() ctx: RequestContext): Promise<Organization[]> {
    return ctx.ds.getRepository(Organization).find({ where: { active: true }, order: { code: 'ASC' } });
  }
}
