/**
 * The write rules of access model §4 that need the database: which program a new transaction
 * may use, which restriction it gets, and whether a record may be edited or deleted. Each
 * refusal says why in words a help desk can read to a user.
 */
import type { EntityManager } from 'typeorm';
import { appError, badInput } from '../graphql/errors';
import { Organization } from '../modules/organization/organization.entity';
import type { Program } from '../modules/program/program.entity';
import { RestrictionOption } from '../modules/admin/information-release.entity';
import type { AccessContext } from './access-context';
import { Restriction } from './restriction';
import { writeCapability } from './record-types';

/** New transactions are created for a program of the active organization (§4). */
export async function assertProgramOfActiveOrg(
  m: EntityManager,
  access: AccessContext,
  program: Program,
): Promise<Organization> {
  const orgs = await m
    .getRepository(Organization)
    .findBy([{ id: program.organizationId }, { id: access.organizationId ?? -1 }]);
  const owner = orgs.find((o) => o.id === program.organizationId) as Organization;
  if (program.organizationId === access.organizationId) return owner;
  const active = orgs.find((o) => o.id === access.organizationId);
  const advice = access.loginOrganizationIds.includes(owner.id)
    ? `You can log in as ${owner.name}: select it with selectContext.`
    : `Ask a user of ${owner.name} to record it.`;
  throw appError(
    'FORBIDDEN',
    `The active organization is ${active?.name ?? 'not set'}; program ${program.name} belongs to ${owner.name}. ${advice}`,
    { programOrganizationCode: owner.code },
  );
}

/**
 * The restriction of a new transaction (§4): the organization's default, unless it shows the
 * restriction field and the chosen option is enabled; a victim service provider's records are
 * always RESTRICTED.
 */
export async function decideRestriction(
  m: EntityManager,
  org: Organization,
  requested: Restriction | null | undefined,
  field = 'input.restriction',
): Promise<Restriction> {
  if (org.victimServiceProvider) {
    if (requested === Restriction.UNRESTRICTED) {
      throw badInput(field, `${org.name} is a victim service provider: its records are always RESTRICTED`);
    }
    return Restriction.RESTRICTED;
  }
  if (requested === null || requested === undefined || requested === org.defaultRestriction)
    return org.defaultRestriction;
  if (!org.displayRestrictionField) {
    throw badInput(
      field,
      `${org.name} does not offer a choice of restriction; its records are ${org.defaultRestriction}`,
    );
  }
  const option = await m
    .getRepository(RestrictionOption)
    .findOneBy({ organizationId: org.id, restriction: requested });
  if (!option?.enabled)
    throw badInput(field, `${requested} is not an enabled restriction option of ${org.name}`);
  return requested;
}

/** Editing a record needs the capability and canEdit on the owning organization, whatever the active one (§4). */
export async function assertMayEdit(
  m: EntityManager,
  access: AccessContext,
  typeName: string,
  owningOrganizationId: number,
  del = false,
): Promise<void> {
  const capability = writeCapability(typeName);
  if (capability && !access.has(capability))
    throw appError('FORBIDDEN', `Your workgroup does not allow changing ${typeName} records.`);
  if (!access.mayEditOwnedBy(owningOrganizationId)) {
    const owner = await m.getRepository(Organization).findOneBy({ id: owningOrganizationId });
    throw appError(
      'FORBIDDEN',
      `This ${typeName} belongs to ${owner?.name ?? 'another organization'}, and your assignment there does not allow editing.`,
    );
  }
  if (del && !access.mayDeleteOwnedBy(owningOrganizationId)) {
    throw appError(
      'FORBIDDEN',
      'Deleting records needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR access role.',
    );
  }
}
