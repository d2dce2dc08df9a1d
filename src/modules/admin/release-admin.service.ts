/**
 * Information releases (MOUs) and release exceptions (needs setup:admin; access model §1, §3).
 * A victim service provider can never be the source of a share (VAWA): such a share is refused
 * with an error naming the organization.
 */
import { In, type EntityManager } from 'typeorm';
import { storeVisibleCounts } from '../../access/reach';
import { localToday } from '../../database/sql-time';
import { parseId } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { alreadyExists, badInput } from '../../graphql/errors';
import { notBefore, optionalText, requiredId, requiredText } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { Client } from '../client/client.entity';
import { Organization } from '../organization/organization.entity';
import { InformationRelease, InformationReleaseShare, ReleaseException } from './information-release.entity';
import type {
  CreateInformationReleaseInput,
  CreateReleaseExceptionInput,
  ReleaseShareInput,
  UpdateInformationReleaseInput,
} from './release-admin.inputs';
import { writeTransaction } from '../../database/transactions';

/** Releases in which `organizationId` is the source of a share. */
export async function releasesSharingFrom(
  m: EntityManager,
  organizationId: number,
): Promise<InformationRelease[]> {
  const shares = await m
    .getRepository(InformationReleaseShare)
    .findBy({ fromOrganizationId: organizationId });
  const ids = [...new Set(shares.map((s) => s.releaseId))];
  return ids.length
    ? m.getRepository(InformationRelease).find({ where: { id: In(ids) }, order: { number: 'ASC' } })
    : [];
}

export async function listReleases(
  ctx: RequestContext,
  includeEnded: boolean,
): Promise<InformationRelease[]> {
  const qb = ctx.ds.getRepository(InformationRelease).createQueryBuilder('r');
  if (!includeEnded) qb.where('(r.endDate IS NULL OR r.endDate >= :today)', { today: localToday() });
  return qb.orderBy('r.number').getMany();
}

type Share = Pick<InformationReleaseShare, 'fromOrganizationId' | 'toOrganizationId'>;

/** Directed shares of the input, checked: known, active, distinct orgs, and never a VSP as source. */
async function checkedShares(
  m: EntityManager,
  input: readonly ReleaseShareInput[],
  field: string,
): Promise<Share[]> {
  if (input.length === 0) throw badInput(field, 'needs at least one share');
  const shares = new Map<string, Share>();
  const orgIds = new Set<number>();
  for (const [i, s] of input.entries()) {
    const from = requiredId(`${field}[${i}].fromOrganizationId`, s.fromOrganizationId);
    const to = requiredId(`${field}[${i}].toOrganizationId`, s.toOrganizationId);
    if (from === to) throw badInput(`${field}[${i}]`, 'an organization cannot share with itself');
    for (const [a, b] of s.bidirectional
      ? [
          [from, to],
          [to, from],
        ]
      : [[from, to]])
      shares.set(`${a}>${b}`, { fromOrganizationId: a, toOrganizationId: b });
    orgIds.add(from).add(to);
  }
  const orgs = await m.getRepository(Organization).findBy({ id: In([...orgIds]) });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  for (const id of orgIds) {
    const org = byId.get(id);
    if (!org) throw badInput(field, `no organization with id ${id}`);
    if (!org.active) throw badInput(field, `${org.name} is deactivated`);
  }
  for (const share of shares.values()) {
    const source = byId.get(share.fromOrganizationId) as Organization;
    if (source.victimServiceProvider) {
      throw badInput(
        field,
        `${source.name} is a victim service provider: under VAWA it can never be the source of an information release share (it may receive shares; a single client can be released with a dated release exception)`,
      );
    }
  }
  return [...shares.values()];
}

async function assertNumberFree(
  m: EntityManager,
  number: number,
  selfId: number | null,
  field: string,
): Promise<void> {
  if (!Number.isInteger(number) || number < 1) throw badInput(field, 'must be a positive whole number');
  const other = await m.getRepository(InformationRelease).findOneBy({ number });
  if (other && other.id !== selfId)
    throw alreadyExists(field, `${number} is already the number of "${other.name}"`);
}

async function withShares(m: EntityManager, release: InformationRelease): Promise<object> {
  const shares = await m.getRepository(InformationReleaseShare).findBy({ releaseId: release.id });
  return { ...release, shares: shares.map((s) => ({ from: s.fromOrganizationId, to: s.toOrganizationId })) };
}

export async function createRelease(
  ctx: RequestContext,
  input: CreateInformationReleaseInput,
): Promise<InformationRelease> {
  const name = requiredText('input.name', input.name, 200);
  const comments = optionalText('input.comments', input.comments, 2000);
  const endDate = input.endDate ?? null;
  if (endDate) notBefore('input.endDate', endDate, input.startDate, 'the start date');
  return writeTransaction(ctx.ds, async (m) => {
    await assertNumberFree(m, input.number, null, 'input.number');
    const shares = await checkedShares(m, input.shares, 'input.shares');
    const saved = await m
      .getRepository(InformationRelease)
      .save(
        m
          .getRepository(InformationRelease)
          .create({ number: input.number, name, comments, startDate: input.startDate, endDate }),
      );
    await m.insert(
      InformationReleaseShare,
      shares.map((s) => ({ ...s, releaseId: saved.id })),
    );
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createInformationRelease',
      entityType: 'InformationRelease',
      entityId: saved.id,
      clientId: null,
      before: null,
      after: await withShares(m, saved),
    });
    // Who shares with whom may have changed: store the counts list pages read (reach/counts.ts).
    await storeVisibleCounts(m, localToday());
    return saved;
  });
}

export async function updateRelease(
  ctx: RequestContext,
  id: string,
  input: UpdateInformationReleaseInput,
): Promise<InformationRelease> {
  const values: Partial<InformationRelease> = {};
  if (input.name !== undefined) values.name = requiredText('input.name', input.name, 200);
  if (input.comments !== undefined) values.comments = optionalText('input.comments', input.comments, 2000);
  if (input.startDate != null) values.startDate = input.startDate;
  if (input.endDate !== undefined) values.endDate = input.endDate;
  if (input.number != null) values.number = input.number;
  return writeTransaction(ctx.ds, async (m) => {
    const release = await m.getRepository(InformationRelease).findOneBy({ id: requiredId('id', id) });
    if (!release) throw badInput('id', 'no information release with this id');
    const before = await withShares(m, release);
    if (values.number !== undefined) await assertNumberFree(m, values.number, release.id, 'input.number');
    const merged = { ...release, ...values };
    if (merged.endDate) notBefore('input.endDate', merged.endDate, merged.startDate, 'the start date');
    if (Object.keys(values).length) await m.getRepository(InformationRelease).update(release.id, values);
    if (input.shares != null) {
      const shares = await checkedShares(m, input.shares, 'input.shares');
      await m.getRepository(InformationReleaseShare).delete({ releaseId: release.id });
      await m.insert(
        InformationReleaseShare,
        shares.map((s) => ({ ...s, releaseId: release.id })),
      );
    }
    const after = await m.getRepository(InformationRelease).findOneByOrFail({ id: release.id });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'updateInformationRelease',
      entityType: 'InformationRelease',
      entityId: release.id,
      clientId: null,
      before,
      after: await withShares(m, after),
    });
    await storeVisibleCounts(m, localToday());
    return after;
  });
}

export async function listReleaseExceptions(
  ctx: RequestContext,
  filter: { clientId?: string | null; organizationId?: string | null; activeOnly?: boolean | null },
): Promise<ReleaseException[]> {
  const qb = ctx.ds.getRepository(ReleaseException).createQueryBuilder('x');
  if (filter.clientId != null)
    qb.andWhere('x.clientId = :clientId', { clientId: parseId(filter.clientId) ?? -1 });
  if (filter.organizationId != null)
    qb.andWhere('x.organizationId = :org', { org: parseId(filter.organizationId) ?? -1 });
  if (filter.activeOnly) qb.andWhere('x.validThrough >= :today', { today: localToday() });
  return qb.orderBy('x.validThrough', 'DESC').addOrderBy('x.id', 'DESC').getMany();
}

/**
 * Releases one client to one more organization until a date. The client is named by id only
 * and nothing about it is returned: setting up a release needs no client data.
 */
export async function createReleaseException(
  ctx: RequestContext,
  input: CreateReleaseExceptionInput,
): Promise<ReleaseException> {
  notBefore('input.validThrough', input.validThrough, localToday(), 'today');
  return writeTransaction(ctx.ds, async (m) => {
    const clientId = requiredId('input.clientId', input.clientId);
    const client = await m.getRepository(Client).findOneBy({ id: clientId });
    if (!client || client.dateDeleted) throw badInput('input.clientId', 'no client with this id');
    const org = await m
      .getRepository(Organization)
      .findOneBy({ id: requiredId('input.organizationId', input.organizationId) });
    if (!org) throw badInput('input.organizationId', 'no organization with this id');
    if (org.id === client.organizationId)
      throw badInput('input.organizationId', `the client already belongs to ${org.name}`);
    const existing = await m.getRepository(ReleaseException).findOneBy({ clientId, organizationId: org.id });
    if (existing)
      throw alreadyExists(
        'input',
        `this client already has a release exception to ${org.name} (id ${existing.id}); change its date with updateReleaseException`,
      );
    const saved = await m
      .getRepository(ReleaseException)
      .save({ clientId, organizationId: org.id, validThrough: input.validThrough });
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'createReleaseException',
      entityType: 'ReleaseException',
      entityId: saved.id,
      clientId,
      before: null,
      after: saved,
    });
    return saved;
  });
}

/** Changes the last day of a release exception; a date in the past ends it. */
export async function updateReleaseException(
  ctx: RequestContext,
  id: string,
  validThrough: string,
): Promise<ReleaseException> {
  return writeTransaction(ctx.ds, async (m) => {
    const before = await m.getRepository(ReleaseException).findOneBy({ id: requiredId('id', id) });
    if (!before) throw badInput('id', 'no release exception with this id');
    await m.getRepository(ReleaseException).update(before.id, { validThrough });
    const after = await m.getRepository(ReleaseException).findOneByOrFail({ id: before.id });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'updateReleaseException',
      entityType: 'ReleaseException',
      entityId: before.id,
      clientId: before.clientId,
      before,
      after,
    });
    return after;
  });
}
