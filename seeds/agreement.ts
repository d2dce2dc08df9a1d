import type { EntityManager } from 'typeorm';
import { EndUserAgreementVersion } from '../src/modules/agreement/end-user-agreement.entity';

/** Version 1 of the demo End User Agreement (Markdown). Demo users other than nora.new accepted it. */
export const DEMO_AGREEMENT = `# Waypoint HMIS End User Agreement (demo)

By using this HMIS you agree to:

1. Use client information only to provide or coordinate services, and only as your agency's policies and the client's consent allow.
2. Keep your password to yourself, lock your screen when you step away, and log out when you are done.
3. Never enter, export or share information about a client of a victim service provider outside what the law allows.
4. Report any suspected breach of client confidentiality to your agency lead and the HMIS Lead Agency at once.

Every read and change you make is recorded in the audit log.`;

export async function seedAgreement(m: EntityManager, now: Date): Promise<void> {
  await m.insert(EndUserAgreementVersion, {
    version: 1,
    text: DEMO_AGREEMENT,
    publishedAt: now,
    publishedByUserId: null,
  });
}
