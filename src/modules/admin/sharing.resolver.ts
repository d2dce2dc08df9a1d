import { releaseExceptionInForce } from '../../access/sharing-rules';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { localToday } from '../../database/sql-time';
import { LocalDate } from '../../graphql/scalars';
import { InformationRelease, type ReleaseException } from './information-release.entity';
import { Workgroup } from './workgroup.entity';
import { ReleaseExceptionView } from './admin.types';
import {
  CreateInformationReleaseInput,
  CreateReleaseExceptionInput,
  UpdateInformationReleaseInput,
} from './release-admin.inputs';
import {
  createRelease,
  createReleaseException,
  listReleaseExceptions,
  listReleases,
  updateRelease,
  updateReleaseException,
} from './release-admin.service';
import { CreateWorkgroupInput, UpdateWorkgroupInput } from './workgroup-admin.inputs';
import {
  createWorkgroup,
  listWorkgroups,
  setWorkgroupCapabilities,
  updateWorkgroup,
} from './workgroup-admin.service';

async function exceptionView(ctx: RequestContext, x: ReleaseException): Promise<ReleaseExceptionView> {
  const organization = await ctx.loaders.organization.load(x.organizationId);
  return {
    id: x.id,
    clientId: x.clientId,
    organization: organization as NonNullable<typeof organization>,
    validThrough: x.validThrough,
    active: releaseExceptionInForce(x, localToday()),
  };
}

/** Workgroups, information releases (MOUs) and release exceptions. */
@Resolver()
export class SharingResolver {
  @Query(() => [Workgroup], {
    description:
      'Workgroups with their capabilities and required trainings (for user and setup administrators).',
  })
  workgroups(
    @Arg('includeInactive', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Also list deactivated ones.',
    })
    includeInactive: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return listWorkgroups(ctx, includeInactive);
  }

  @Mutation(() => Workgroup, {
    description: 'Create a workgroup; it can grant only capabilities you hold yourself.',
  })
  createWorkgroup(
    @Arg('input', { description: 'The workgroup.' }) input: CreateWorkgroupInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createWorkgroup(ctx, input);
  }

  @Mutation(() => Workgroup, { description: 'Rename, describe or (de)activate a workgroup.' })
  updateWorkgroup(
    @Arg('id', () => ID, { description: 'The workgroup.' }) id: string,
    @Arg('input', { description: 'The changes.' }) input: UpdateWorkgroupInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateWorkgroup(ctx, id, input);
  }

  @Mutation(() => Workgroup, {
    description:
      "Replace a workgroup's capabilities (validated against the capability catalog; you can add only ones you hold).",
  })
  setWorkgroupCapabilities(
    @Arg('workgroupId', () => ID, { description: 'The workgroup.' }) workgroupId: string,
    @Arg('capabilities', () => [String], { description: 'All the capabilities the workgroup should grant.' })
    capabilities: string[],
    @Ctx() ctx: RequestContext,
  ) {
    return setWorkgroupCapabilities(ctx, workgroupId, capabilities);
  }

  @Query(() => [InformationRelease], {
    description: 'Information releases (MOUs) with their shares, by number (setup:admin).',
  })
  informationReleases(
    @Arg('includeEnded', () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: 'Also list releases whose end date has passed.',
    })
    includeEnded: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return listReleases(ctx, includeEnded);
  }

  @Mutation(() => InformationRelease, {
    description:
      'Create an information release (MOU). A victim service provider can never be the source of a share.',
  })
  createInformationRelease(
    @Arg('input', { description: 'The release and its shares.' }) input: CreateInformationReleaseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createRelease(ctx, input);
  }

  @Mutation(() => InformationRelease, {
    description: 'Change an information release; set endDate to end it.',
  })
  updateInformationRelease(
    @Arg('id', () => ID, { description: 'The release.' }) id: string,
    @Arg('input', { description: 'The changes.' }) input: UpdateInformationReleaseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateRelease(ctx, id, input);
  }

  @Query(() => [ReleaseExceptionView], { description: 'Release exceptions, latest end first (setup:admin).' })
  async releaseExceptions(
    @Arg('clientId', () => ID, { nullable: true, description: 'Only exceptions of this client.' })
    clientId: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only exceptions to this organization.' })
    organizationId: string | null,
    @Arg('activeOnly', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Only exceptions in force today.',
    })
    activeOnly: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const rows = await listReleaseExceptions(ctx, { clientId, organizationId, activeOnly });
    return Promise.all(rows.map((x) => exceptionView(ctx, x)));
  }

  @Mutation(() => ReleaseExceptionView, {
    description:
      "Release one client's demographics and UNRESTRICTED transactions to one more organization until a date.",
  })
  async createReleaseException(
    @Arg('input', { description: 'The exception.' }) input: CreateReleaseExceptionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return exceptionView(ctx, await createReleaseException(ctx, input));
  }

  @Mutation(() => ReleaseExceptionView, {
    description: 'Change the last day of a release exception; a date in the past ends it.',
  })
  async updateReleaseException(
    @Arg('id', () => ID, { description: 'The exception.' }) id: string,
    @Arg('validThrough', () => LocalDate, { description: 'The new last day.' }) validThrough: string,
    @Ctx() ctx: RequestContext,
  ) {
    return exceptionView(ctx, await updateReleaseException(ctx, id, validThrough));
  }
}
