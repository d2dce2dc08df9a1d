import { Field, ObjectType } from 'type-graphql';
import type { AccessContext } from './access-context';
import { hiddenFields } from './permissions';
import { writeCapability } from './record-types';

@ObjectType({
  description:
    'What the caller may do with a record, so a user interface can explain itself instead of guessing.',
})
export class RecordAccess {
  @Field({
    description:
      'The caller may edit this record: they hold the capability and their assignment to the owning organization allows editing.',
  })
  canEdit: boolean;

  @Field({
    description:
      'The caller may (soft) delete this record: as canEdit, with the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR role.',
  })
  canDelete: boolean;

  @Field({ description: 'The record is owned by the active organization.' })
  ownedByActiveOrganization: boolean;

  @Field(() => [String], {
    description:
      'Fields of this record resolved as null (or empty) because the caller lacks their capability.',
  })
  hiddenFields: string[];
}

/** Synchronous: depends only on the request's access context and the row's owner. */
export function recordAccess(
  access: AccessContext,
  typeName: string,
  owningOrganizationId: number,
): RecordAccess {
  const write = writeCapability(typeName);
  const mayWrite = write !== undefined && access.has(write);
  return {
    canEdit: mayWrite && access.mayEditOwnedBy(owningOrganizationId),
    canDelete: mayWrite && access.mayDeleteOwnedBy(owningOrganizationId),
    ownedByActiveOrganization: access.organizationId === owningOrganizationId,
    hiddenFields: hiddenFields(typeName, (c) => access.has(c)),
  };
}
