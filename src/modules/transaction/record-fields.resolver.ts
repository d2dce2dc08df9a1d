import { Ctx, Extensions, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { recordAccess, RecordAccess } from '../../access/record-access';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { Organization } from '../organization/organization.entity';
import type { OwnedRecord } from './owned-record.base';

/**
 * `organization` and `access` for a record type: every client-level type carries them, so a
 * user interface can show who owns a record and what the caller may do with it.
 */
export function recordFieldsResolver<T extends OwnedRecord>(type: ClassType<T>, typeName: string): ClassType {
  @Resolver(() => type)
  class RecordFieldsResolver {
    @FieldResolver(() => Organization, { description: 'The Security Organization that owns this record.' })
    @Extensions({ columns: ['organization_id'] })
    organization(@Root() record: T, @Ctx() ctx: RequestContext) {
      return ctx.loaders.organization.load(record.organizationId);
    }

    @FieldResolver(() => RecordAccess, {
      description: 'What you may do with this record, and which of its fields are hidden from you.',
    })
    @Extensions({ columns: ['organization_id'] })
    access(@Root() record: T, @Ctx() ctx: RequestContext): RecordAccess {
      return recordAccess(readyAccess(ctx), typeName, record.organizationId);
    }
  }
  Object.defineProperty(RecordFieldsResolver, 'name', { value: `${typeName}RecordFieldsResolver` });
  return RecordFieldsResolver;
}
