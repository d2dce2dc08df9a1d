/**
 * The End User Agreement as data: versioned Markdown text published by administrators. The
 * session state (NEEDS_AGREEMENT) is computed in src/access/load-access.ts's single statement;
 * this service reads, publishes and accepts.
 */
import type { EntityManager } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { writeTransaction } from '../../database/transactions';
import { readyAccess, type RequestContext } from '../../graphql/context';
import { appError, badInput } from '../../graphql/errors';
import { requiredText } from '../../graphql/validate';
import { recordChange } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { EndUserAgreement } from './agreement.types';
import { EndUserAgreementVersion } from './end-user-agreement.entity';

const NONE_PUBLISHED = 'No End User Agreement has been published yet.';

async function currentVersion(m: EntityManager): Promise<EndUserAgreementVersion | null> {
  return m.getRepository(EndUserAgreementVersion).findOne({ where: {}, order: { version: 'DESC' } });
}

/** What was accepted, with acceptances from before versions were kept counted as version 1. */
function acceptedVersionOf(user: User): number | null {
  if (!user.euaAcceptedAt) return null;
  return user.euaAcceptedVersion ?? 1;
}

export async function endUserAgreement(ctx: RequestContext): Promise<EndUserAgreement> {
  const access = ctx.access as AccessContext;
  const [current, user] = await Promise.all([
    currentVersion(ctx.ds.manager),
    ctx.ds.getRepository(User).findOneByOrFail({ id: access.userId }),
  ]);
  const acceptedVersion = acceptedVersionOf(user);
  const version = current?.version ?? 0;
  return {
    version,
    text: current?.text ?? NONE_PUBLISHED,
    publishedAt: current?.publishedAt ?? null,
    acceptedVersion,
    acceptedAt: user.euaAcceptedAt,
    accepted: acceptedVersion !== null && acceptedVersion >= version,
  };
}

/**
 * Accepts `version` (omitted: the current one). An older version than the current one is
 * refused: the user must read the current text. Accepting the accepted version again writes
 * nothing.
 */
export async function acceptEndUserAgreement(ctx: RequestContext, version: number | null): Promise<void> {
  const access = ctx.access as AccessContext;
  await writeTransaction(ctx.ds, async (m) => {
    const current = (await currentVersion(m))?.version ?? 0;
    const wanted = version ?? current;
    if (wanted > current || (wanted < 1 && current > 0))
      throw badInput(
        'version',
        `there is no End User Agreement version ${wanted}; the current one is ${current}`,
      );
    if (wanted < current)
      throw badInput(
        'version',
        `version ${wanted} is no longer current: read version ${current} with endUserAgreement and accept it`,
      );
    const user = await m.getRepository(User).findOneByOrFail({ id: access.userId });
    const before = acceptedVersionOf(user);
    if (before !== null && before >= current) return;
    const now = new Date();
    await m.getRepository(User).update(user.id, { euaAcceptedAt: now, euaAcceptedVersion: current });
    await recordChange(m, ctx, {
      action: 'UPDATE',
      operation: 'acceptEndUserAgreement',
      entityType: 'User',
      entityId: user.id,
      clientId: null,
      before: { agreementVersion: before, agreementAcceptedAt: user.euaAcceptedAt },
      after: { agreementVersion: current, agreementAcceptedAt: now },
    });
  });
}

/** Publishes a new version; every user must accept it at their next request. */
export async function publishEndUserAgreement(ctx: RequestContext, text: string): Promise<EndUserAgreement> {
  const access = readyAccess(ctx);
  const body = requiredText('text', text, 100_000);
  await writeTransaction(ctx.ds, async (m) => {
    const version = ((await currentVersion(m))?.version ?? 0) + 1;
    const row = { version, text: body, publishedAt: new Date(), publishedByUserId: access.userId };
    try {
      await m.insert(EndUserAgreementVersion, row);
    } catch {
      // Another administrator published the same version number first.
      throw appError(
        'CONFLICT',
        'Another End User Agreement was published at the same time; reload and try again.',
      );
    }
    await recordChange(m, ctx, {
      action: 'CREATE',
      operation: 'publishEndUserAgreement',
      entityType: 'EndUserAgreement',
      entityId: version,
      clientId: null,
      before: null,
      after: row,
    });
  });
  return endUserAgreement(ctx);
}
