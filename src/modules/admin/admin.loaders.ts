/**
 * Per-request loaders for the setup views' nested fields (capabilities of each workgroup,
 * shares of each release, ...): created with the request context, so a list of workgroups
 * costs one query per field, not one per row. Never shared between requests.
 */
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { Location } from '../organization/location.entity';
import { InformationReleaseShare, RestrictionOption } from './information-release.entity';
import { WorkgroupCapability, WorkgroupRequiredTraining } from './workgroup.entity';

function grouped<T extends object>(ds: DataSource, entity: new () => T, key: keyof T & string) {
  return new DataLoader<number, T[]>(async (ids) => {
    const rows = (await ds.getRepository(entity).findBy({ [key]: In([...ids]) } as never)) as T[];
    return ids.map((id) => rows.filter((r) => (r[key] as unknown as number) === id));
  });
}

function create(ds: DataSource) {
  return {
    capabilities: grouped(ds, WorkgroupCapability, 'workgroupId'),
    requiredTrainings: grouped(ds, WorkgroupRequiredTraining, 'workgroupId'),
    shares: grouped(ds, InformationReleaseShare, 'releaseId'),
    locations: grouped(ds, Location, 'organizationId'),
    restrictionOptions: grouped(ds, RestrictionOption, 'organizationId'),
  };
}

const perRequest = new WeakMap<RequestContext, ReturnType<typeof create>>();

export function adminLoaders(ctx: RequestContext): ReturnType<typeof create> {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = create(ctx.ds);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
