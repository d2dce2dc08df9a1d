/**
 * What explanations are built from: the caller's access context with names (organizations,
 * workgroup) looked up once, and the checks that come before any record is looked at.
 */
import { In, type DataSource } from 'typeorm';
import type { AccessContext } from '../../access/access-context';
import { roleAllows } from '../../access/access-role';
import type { Capability } from '../../access/capabilities';
import { activeShare } from '../../access/sharing-rules';
import { Organization } from '../organization/organization.entity';
import { InformationRelease, InformationReleaseShare } from '../admin/information-release.entity';
import { Workgroup } from '../admin/workgroup.entity';
import { AccessRuleCode, type AccessExplanation } from './explain.types';

export interface Explainer {
  ds: DataSource;
  access: AccessContext;
  today: string;
  activeOrg: Organization | null;
  workgroupName: string | null;
  orgName(id: number): Promise<string>;
}

export async function explainer(ds: DataSource, access: AccessContext): Promise<Explainer> {
  const names = new Map<number, Organization>();
  const [org, workgroup] = await Promise.all([
    access.organizationId === null
      ? null
      : ds.getRepository(Organization).findOneBy({ id: access.organizationId }),
    access.workgroupId === null ? null : ds.getRepository(Workgroup).findOneBy({ id: access.workgroupId }),
  ]);
  if (org) names.set(org.id, org);
  return {
    ds,
    access,
    today: access.facts.today,
    activeOrg: org,
    workgroupName: workgroup?.name ?? null,
    async orgName(id) {
      if (!names.has(id)) {
        const found = await ds.getRepository(Organization).findOneBy({ id });
        if (found) names.set(id, found);
      }
      return names.get(id)?.name ?? 'another organization';
    },
  };
}

/**
 * An explanation: the facts joined into one sentence a help desk can read out ("the active
 * organization is ...; program ... belongs to ...; you can log in there: select it").
 */
export function answer(
  question: string,
  allowed: boolean,
  rule: AccessRuleCode,
  facts: string[],
  advice: string | null = null,
): AccessExplanation {
  const text = facts.join('; ');
  return {
    question,
    allowed,
    rule,
    explanation: `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
    facts,
    advice,
  };
}

/** "a" or "an" before a word. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

const STATE_WORDS: Record<string, [string, string]> = {
  NEEDS_PASSWORD_CHANGE: ['you are still using a temporary password', 'change it with changePassword'],
  NEEDS_AGREEMENT: [
    'you have not accepted the End User Agreement yet',
    'accept it with acceptEndUserAgreement',
  ],
  TRAINING_REQUIRED: [
    'a training your workgroup requires is not recorded',
    'ask your agency lead or the HMIS administrator to record it',
  ],
  NEEDS_CONTEXT: [
    'you have not selected a workgroup and organization to work in',
    'select them with selectContext',
  ],
};

/** Refusals that come before any record: the session state, then the capability and role ceiling. */
export function preconditions(
  x: Explainer,
  question: string,
  capability: Capability,
  doing: string,
): AccessExplanation | null {
  const { access } = x;
  if (!access.ready) {
    const [why, todo] = STATE_WORDS[access.state] ?? ['your session is not ready', 'log in again'];
    return answer(
      question,
      false,
      AccessRuleCode.SESSION_NOT_READY,
      [`you cannot ${doing} yet: ${why}`],
      `${todo[0].toUpperCase()}${todo.slice(1)}.`,
    );
  }
  if (access.has(capability)) return null;
  const workgroup = x.workgroupName ?? 'your active workgroup';
  if (
    access.facts.workgroupCapabilities.includes(capability) &&
    !roleAllows(access.effectiveRole, capability)
  ) {
    const pending = access.facts.missingTrainings.filter((t) => t.kind === 'ASSESSMENT').map((t) => t.course);
    const why = pending.length
      ? `your access role is ${access.effectiveRole} until your ${pending.join(', ')} training is recorded`
      : `your access role ${access.effectiveRole} does not allow ${capability}`;
    return answer(
      question,
      false,
      AccessRuleCode.ROLE_CEILING,
      [`workgroup ${workgroup} grants ${capability}`, `but ${why}, so you cannot ${doing}`],
      pending.length
        ? 'Ask your agency lead or the HMIS administrator to record the training.'
        : 'Ask the HMIS administrator about your access role.',
    );
  }
  return answer(
    question,
    false,
    AccessRuleCode.CAPABILITY_MISSING,
    [`your active workgroup ${workgroup} does not grant ${capability}, which is needed to ${doing}`],
    'If another of your workgroups grants it, select that workgroup; otherwise ask the HMIS administrator.',
  );
}

/**
 * Releases active today with a share from `fromOrg` to the active organization, as "release 1001
 * "name"": none when `fromOrg` is a victim service provider, whose releases never share (§3).
 */
export async function sharingReleases(x: Explainer, fromOrg: number): Promise<string[]> {
  if (x.access.organizationId === null) return [];
  const from = await x.ds.getRepository(Organization).findOneBy({ id: fromOrg });
  if (!from) return [];
  const shares = await x.ds
    .getRepository(InformationReleaseShare)
    .findBy({ fromOrganizationId: fromOrg, toOrganizationId: x.access.organizationId });
  if (!shares.length) return [];
  const releases = await x.ds
    .getRepository(InformationRelease)
    .findBy({ id: In(shares.map((s) => s.releaseId)) });
  return releases
    .filter((r) => activeShare(r, from, x.today))
    .sort((a, b) => a.number - b.number)
    .map((r) => `information release ${r.number} "${r.name}"${r.endDate ? ` (through ${r.endDate})` : ''}`);
}
