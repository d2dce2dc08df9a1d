/**
 * Fields the setup views add to shared types. They carry setup data only (never client data);
 * Organization.locations is guarded by setup:admin in permissions.ts FIELD_RULES, since a
 * victim service provider's sites are confidential.
 */
import { releaseActiveOn } from '../../access/sharing-rules';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Restriction } from '../../access/restriction';
import { localToday } from '../../database/sql-time';
import type { RequestContext } from '../../graphql/context';
import { Location } from '../organization/location.entity';
import { Organization } from '../organization/organization.entity';
import { InformationRelease } from './information-release.entity';
import { Workgroup } from './workgroup.entity';
import { adminLoaders } from './admin.loaders';
import { ReleaseShareView, RequiredTrainingView, RestrictionOptionView } from './admin.types';

@Resolver(() => Organization)
export class OrganizationSetupFields {
  @FieldResolver(() => [Location], {
    description: 'Locations of the organization (needs setup:admin; empty otherwise).',
  })
  async locations(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<Location[]> {
    return (await adminLoaders(ctx).locations.load(org.id)).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [RestrictionOptionView], {
    description:
      'Transaction Restriction Options: which restrictions users of this organization may choose (the default is always allowed).',
  })
  async restrictionOptions(
    @Root() org: Organization,
    @Ctx() ctx: RequestContext,
  ): Promise<RestrictionOptionView[]> {
    const rows = await adminLoaders(ctx).restrictionOptions.load(org.id);
    return [Restriction.RESTRICTED, Restriction.UNRESTRICTED].map((restriction) => ({
      restriction,
      // A VSP's records are always RESTRICTED, whatever rows exist.
      enabled:
        !(org.victimServiceProvider && restriction === Restriction.UNRESTRICTED) &&
        (restriction === org.defaultRestriction ||
          rows.some((r) => r.restriction === restriction && r.enabled)),
    }));
  }
}

@Resolver(() => Workgroup)
export class WorkgroupSetupFields {
  @FieldResolver(() => [String], {
    description: 'Capabilities the workgroup grants (data, editable with setWorkgroupCapabilities).',
  })
  async capabilities(@Root() w: Workgroup, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await adminLoaders(ctx).capabilities.load(w.id)).map((c) => c.capability).sort();
  }

  @FieldResolver(() => [RequiredTrainingView], {
    description: 'Trainings the workgroup requires of its members.',
  })
  async requiredTrainings(@Root() w: Workgroup, @Ctx() ctx: RequestContext): Promise<RequiredTrainingView[]> {
    return (await adminLoaders(ctx).requiredTrainings.load(w.id))
      .map((t) => ({ course: t.course, kind: t.kind }))
      .sort((a, b) => a.course.localeCompare(b.course));
  }
}

@Resolver(() => InformationRelease)
export class InformationReleaseSetupFields {
  @FieldResolver(() => [ReleaseShareView], {
    description: 'The directed shares of the release (a bi-directional share is two).',
  })
  async shares(@Root() r: InformationRelease, @Ctx() ctx: RequestContext): Promise<ReleaseShareView[]> {
    const shares = await adminLoaders(ctx).shares.load(r.id);
    const orgs = await ctx.loaders.organization.loadMany(
      shares.flatMap((s) => [s.fromOrganizationId, s.toOrganizationId]),
    );
    const byId = new Map(
      orgs.filter((o): o is Organization => o instanceof Organization).map((o) => [o.id, o]),
    );
    return shares
      .map((s) => ({
        from: byId.get(s.fromOrganizationId) as Organization,
        to: byId.get(s.toOrganizationId) as Organization,
      }))
      .sort((a, b) => a.from.code.localeCompare(b.from.code) || a.to.code.localeCompare(b.to.code));
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the release is active today (today within its start and end dates).',
  })
  activeToday(@Root() r: InformationRelease): boolean {
    return releaseActiveOn(r, localToday());
  }
}
