import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ADMIN_CAPABILITIES, CAPABILITIES, ALL_CAPABILITIES } from '../../access/capabilities';
import type { RequestContext } from '../../graphql/context';
import { Location } from '../organization/location.entity';
import { Organization } from '../organization/organization.entity';
import { Program } from '../program/program.entity';
import { CapabilityInfo } from './admin.types';
import {
  CreateLocationInput,
  CreateProgramInput,
  LocationFieldsInput,
  OrganizationFieldsInput,
  ProgramFieldsInput,
  RestrictionOptionsInput,
} from './organization-admin.inputs';
import {
  createLocation,
  createOrganization,
  listOrganizations,
  setRestrictionOptions,
  updateLocation,
  updateOrganization,
} from './organization-admin.service';
import { createProgram, listPrograms, updateProgram } from './program-admin.service';

const INCLUDE_INACTIVE = {
  nullable: true,
  defaultValue: false,
  description: 'Also list deactivated ones.',
} as const;

/** Organizations, locations, programs and restriction options (setup:admin). */
@Resolver()
export class SetupResolver {
  @Query(() => [Organization], {
    description: 'Every Security Organization, by code, for administrators (setup:admin).',
  })
  adminOrganizations(
    @Arg('includeInactive', () => Boolean, INCLUDE_INACTIVE) includeInactive: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return listOrganizations(ctx, includeInactive);
  }

  @Query(() => [Program], {
    description: 'Every program, or those of one organization, for administrators (setup:admin).',
  })
  adminPrograms(
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only programs of this organization.' })
    organizationId: string | null,
    @Arg('includeInactive', () => Boolean, INCLUDE_INACTIVE) includeInactive: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return listPrograms(ctx, organizationId, includeInactive);
  }

  @Query(() => [CapabilityInfo], {
    description:
      'The capabilities Waypoint knows, with what each allows: the strings workgroups grant (setup:admin).',
  })
  capabilityCatalog(): CapabilityInfo[] {
    return ALL_CAPABILITIES.map((name) => ({
      name,
      description: CAPABILITIES[name],
      administrative: ADMIN_CAPABILITIES.includes(name),
    }));
  }

  @Mutation(() => Organization, {
    description:
      'Create a Security Organization; its three-character code is generated from the name when not given.',
  })
  createOrganization(
    @Arg('input', { description: 'The organization.' }) input: OrganizationFieldsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createOrganization(ctx, input);
  }

  @Mutation(() => Organization, {
    description: 'Change a Security Organization; `active: false` deactivates it.',
  })
  updateOrganization(
    @Arg('id', () => ID, { description: 'The organization.' }) id: string,
    @Arg('input', { description: 'The changes.' }) input: OrganizationFieldsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateOrganization(ctx, id, input);
  }

  @Mutation(() => Organization, {
    description: "Set an organization's Transaction Restriction Options and default restriction.",
  })
  setRestrictionOptions(
    @Arg('organizationId', () => ID, { description: 'The organization.' }) organizationId: string,
    @Arg('input', { description: 'The options.' }) input: RestrictionOptionsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return setRestrictionOptions(ctx, organizationId, input);
  }

  @Mutation(() => Location, { description: 'Create a location of an organization.' })
  createLocation(
    @Arg('input', { description: 'The location.' }) input: CreateLocationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createLocation(ctx, input.organizationId, input);
  }

  @Mutation(() => Location, { description: 'Change a location; `active: false` deactivates it.' })
  updateLocation(
    @Arg('id', () => ID, { description: 'The location.' }) id: string,
    @Arg('input', { description: 'The changes.' }) input: LocationFieldsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateLocation(ctx, id, input);
  }

  @Mutation(() => Program, { description: 'Create a program (HUD 2.02) owned by an organization.' })
  createProgram(
    @Arg('input', { description: 'The program.' }) input: CreateProgramInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createProgram(ctx, input);
  }

  @Mutation(() => Program, {
    description: 'Change a program; `active: false` deactivates it. Its owning organization never changes.',
  })
  updateProgram(
    @Arg('id', () => ID, { description: 'The program.' }) id: string,
    @Arg('input', { description: 'The changes.' }) input: ProgramFieldsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateProgram(ctx, id, input);
  }
}
