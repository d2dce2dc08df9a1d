/**
 * Setup data, part 1 (access model §4 "Administration", needs setup:admin): Security
 * Organizations, their locations and Transaction Restriction Options. Every change is audited
 * in its transaction with the values before and after.
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../../access/restriction';
import { readyAccess, type RequestContext } from '../../graphql/context';
import { appError, alreadyExists, badInput } from '../../graphql/errors';
import { optionalText, requiredId, requiredText } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { Location } from '../organization/location.entity';
import { Organization } from '../organization/organization.entity';
import { RestrictionOption } from './information-release.entity';
import { email, stateCode, zipCode } from './admin-validate';
import type {
  LocationFieldsInput,
  OrganizationFieldsInput,
  RestrictionOptionsInput,
} from './organization-admin.inputs';
import { generateOrgCode, isOrgCode } from './org-code';
import { releasesSharingFrom } from './release-admin.service';
import { applyVspRulesToHeldRecords } from './vsp-flag';
import { writeTransaction } from '../../database/transactions';

export async function listOrganizations(
  ctx: RequestContext,
  includeInactive: boolean,
): Promise<Organization[]> {
  return ctx.ds
    .getRepository(Organization)
    .find({ where: includeInactive ? {} : { active: true }, order: { code: 'ASC' } });
}

async function findOrg(m: EntityManager, id: string | number, field: string): Promise<Organization> {
  const org = await m
    .getRepository(Organization)
    .findOneBy({ id: typeof id === 'number' ? id : requiredId(field, id) });
  if (!org) throw badInput(field, 'no organization with this id');
  return org;
}

/** Checked values of the fields present in `input` (an explicit null clears an optional field). */
function organizationValues(input: OrganizationFieldsInput): Partial<Organization> {
  const v: Partial<Organization> = {};
  if (input.name !== undefined) v.name = requiredText('input.name', input.name, 200);
  if (input.address !== undefined) v.address = optionalText('input.address', input.address, 200);
  if (input.city !== undefined) v.city = optionalText('input.city', input.city, 100);
  if (input.state !== undefined) v.state = stateCode('input.state', input.state);
  if (input.zip !== undefined) v.zip = zipCode('input.zip', input.zip);
  if (input.contactName !== undefined)
    v.contactName = optionalText('input.contactName', input.contactName, 200);
  if (input.contactPhone !== undefined)
    v.contactPhone = optionalText('input.contactPhone', input.contactPhone, 40);
  if (input.contactEmail !== undefined) v.contactEmail = email('input.contactEmail', input.contactEmail);
  if (input.defaultRestriction != null) v.defaultRestriction = input.defaultRestriction;
  if (input.displayRestrictionField != null) v.displayRestrictionField = input.displayRestrictionField;
  if (input.victimServiceProvider != null) v.victimServiceProvider = input.victimServiceProvider;
  if (input.active != null) v.active = input.active;
  return v;
}

/** Code and name must be unique; the error names the organization that has them. */
async function assertUnique(
  m: EntityManager,
  values: Partial<Organization>,
  selfId: number | null,
): Promise<void> {
  const all = await m.getRepository(Organization).find();
  const other = all.filter((o) => o.id !== selfId);
  const byCode = values.code && other.find((o) => o.code === values.code);
  if (byCode) throw alreadyExists('input.code', `${values.code} is already the code of ${byCode.name}`);
  const byName = values.name && other.find((o) => o.name.toLowerCase() === values.name?.toLowerCase());
  if (byName) throw alreadyExists('input.name', `${byName.name} already exists (code ${byName.code})`);
}

/** A victim service provider shares nothing and keeps everything RESTRICTED (VAWA). */
async function assertVspRules(
  m: EntityManager,
  org: Partial<Organization> & { name: string },
  id: number | null,
): Promise<void> {
  if (!org.victimServiceProvider) return;
  if (org.defaultRestriction === Restriction.UNRESTRICTED) {
    throw badInput(
      'input.defaultRestriction',
      `${org.name} is a victim service provider: its records are always RESTRICTED`,
    );
  }
  if (id !== null) {
    const releases = await releasesSharingFrom(m, id);
    if (releases.length) {
      throw badInput(
        'input.victimServiceProvider',
        `${org.name} shares data through information release ${releases.map((r) => `${r.number} (${r.name})`).join(', ')}; a victim service provider can never be the source of a share: remove those shares first`,
      );
    }
    const unrestricted = await m
      .getRepository(RestrictionOption)
      .findOneBy({ organizationId: id, restriction: Restriction.UNRESTRICTED, enabled: true });
    if (unrestricted)
      await m
        .getRepository(RestrictionOption)
        .update({ organizationId: id, restriction: Restriction.UNRESTRICTED }, { enabled: false });
  }
}

export async function createOrganization(
  ctx: RequestContext,
  input: OrganizationFieldsInput,
): Promise<Organization> {
  const values = organizationValues(input);
  if (!values.name) throw badInput('input.name', 'must not be empty');
  const given = input.code == null ? null : input.code.trim().toUpperCase();
  if (given !== null && !isOrgCode(given)) throw badInput('input.code', 'must be three letters or digits');
  if (values.victimServiceProvider) values.defaultRestriction ??= Restriction.RESTRICTED;
  return writeTransaction(ctx.ds, async (m) => {
    await assertUnique(m, { ...values, code: given ?? undefined }, null);
    const taken = new Set(
      (await m.getRepository(Organization).find({ select: { code: true } })).map((o) => o.code),
    );
    const code = given ?? generateOrgCode(values.name as string, taken);
    await assertVspRules(m, { ...values, name: values.name as string }, null);
    const saved = await m
      .getRepository(Organization)
      .save(m.getRepository(Organization).create({ ...values, code }));
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createOrganization',
      entityType: 'Organization',
      entityId: saved.id,
      clientId: null,
      before: null,
      after: saved,
    });
    return saved;
  });
}

export async function updateOrganization(
  ctx: RequestContext,
  id: string,
  input: OrganizationFieldsInput,
): Promise<Organization> {
  const access = readyAccess(ctx);
  const values = organizationValues(input);
  if (input.code !== undefined) {
    const code = input.code?.trim().toUpperCase() ?? '';
    if (!isOrgCode(code)) throw badInput('input.code', 'must be three letters or digits');
    values.code = code;
  }
  // Becoming a victim service provider makes new records RESTRICTED unless told otherwise (and then refused).
  if (values.victimServiceProvider === true) values.defaultRestriction ??= Restriction.RESTRICTED;
  return writeTransaction(ctx.ds, async (m) => {
    const before = await findOrg(m, id, 'id');
    await assertUnique(m, values, before.id);
    const merged = { ...before, ...values };
    await assertVspRules(m, merged, before.id);
    if (values.active === false && before.id === access.organizationId) {
      throw appError(
        'FORBIDDEN',
        `You are working as ${before.name}: select another organization before deactivating it.`,
      );
    }
    if (Object.keys(values).length) await m.getRepository(Organization).update(before.id, values);
    // Becoming a VSP covers what the organization already holds; clearing the flag touches nothing.
    const vspApplied =
      values.victimServiceProvider === true && !before.victimServiceProvider
        ? await applyVspRulesToHeldRecords(m, before.id, access.userId)
        : null;
    const after = await m.getRepository(Organization).findOneByOrFail({ id: before.id });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'updateOrganization',
      entityType: 'Organization',
      entityId: before.id,
      clientId: null,
      before,
      after: vspApplied ? { ...after, vspRulesApplied: vspApplied } : after,
    });
    return after;
  });
}

/** Sets an organization's Transaction Restriction Options (§4 "Restriction on create"). */
export async function setRestrictionOptions(
  ctx: RequestContext,
  id: string,
  input: RestrictionOptionsInput,
): Promise<Organization> {
  return writeTransaction(ctx.ds, async (m) => {
    const org = await findOrg(m, id, 'organizationId');
    const options = m.getRepository(RestrictionOption);
    const beforeOptions = await options.findBy({ organizationId: org.id });
    const before = {
      ...org,
      restrictionOptions: beforeOptions.map((o) => ({ restriction: o.restriction, enabled: o.enabled })),
    };
    const changes: Partial<Organization> = {};
    if (input.defaultRestriction != null) changes.defaultRestriction = input.defaultRestriction;
    if (input.displayRestrictionField != null)
      changes.displayRestrictionField = input.displayRestrictionField;
    const enabled = input.enabled == null ? null : new Set(input.enabled);
    if (
      org.victimServiceProvider &&
      (changes.defaultRestriction === Restriction.UNRESTRICTED || enabled?.has(Restriction.UNRESTRICTED))
    ) {
      throw badInput('input', `${org.name} is a victim service provider: its records are always RESTRICTED`);
    }
    if (Object.keys(changes).length) await m.getRepository(Organization).update(org.id, changes);
    if (enabled) {
      for (const restriction of [Restriction.RESTRICTED, Restriction.UNRESTRICTED]) {
        await options.save({ organizationId: org.id, restriction, enabled: enabled.has(restriction) });
      }
    }
    const after = await m.getRepository(Organization).findOneByOrFail({ id: org.id });
    const afterOptions = await options.findBy({ organizationId: org.id });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'setRestrictionOptions',
      entityType: 'Organization',
      entityId: org.id,
      clientId: null,
      before,
      after: {
        ...after,
        restrictionOptions: afterOptions.map((o) => ({ restriction: o.restriction, enabled: o.enabled })),
      },
    });
    return after;
  });
}

function locationValues(input: LocationFieldsInput): Partial<Location> {
  const v: Partial<Location> = {};
  if (input.name !== undefined) v.name = requiredText('input.name', input.name, 200);
  if (input.address !== undefined) v.address = optionalText('input.address', input.address, 200);
  if (input.city !== undefined) v.city = optionalText('input.city', input.city, 100);
  if (input.state !== undefined) v.state = stateCode('input.state', input.state);
  if (input.zip !== undefined) v.zip = zipCode('input.zip', input.zip);
  if (input.active != null) v.active = input.active;
  return v;
}

export async function createLocation(
  ctx: RequestContext,
  organizationId: string,
  input: LocationFieldsInput,
): Promise<Location> {
  const values = locationValues(input);
  if (!values.name) throw badInput('input.name', 'must not be empty');
  return writeTransaction(ctx.ds, async (m) => {
    const org = await findOrg(m, organizationId, 'input.organizationId');
    const saved = await m
      .getRepository(Location)
      .save(m.getRepository(Location).create({ ...values, organizationId: org.id }));
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createLocation',
      entityType: 'Location',
      entityId: saved.id,
      clientId: null,
      before: null,
      after: saved,
    });
    return saved;
  });
}

export async function updateLocation(
  ctx: RequestContext,
  id: string,
  input: LocationFieldsInput,
): Promise<Location> {
  const values = locationValues(input);
  return writeTransaction(ctx.ds, async (m) => {
    const before = await m.getRepository(Location).findOneBy({ id: requiredId('id', id) });
    if (!before) throw badInput('id', 'no location with this id');
    if (Object.keys(values).length) await m.getRepository(Location).update(before.id, values);
    const after = await m.getRepository(Location).findOneByOrFail({ id: before.id });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'updateLocation',
      entityType: 'Location',
      entityId: before.id,
      clientId: null,
      before,
      after,
    });
    return after;
  });
}
