/** Why the caller may or may not create a record (access model §4 "Create"). */
import { programVisibility } from '../../access/visibility';
import { parseId } from '../../graphql/connection';
import { Program } from '../program/program.entity';
import { answer, preconditions, type Explainer } from './explain-context';
import { AccessRuleCode, type AccessExplanation } from './explain.types';

/**
 * A program the caller may hear about: visible to the active organization, or owned by an
 * organization the caller can log in as (selecting it would show it anyway). Anything else
 * answers as a program that does not exist.
 */
async function knownProgram(x: Explainer, id: number | null): Promise<Program | null> {
  if (id === null) return null;
  const logins = x.access.loginOrganizationIds.map(Number).filter(Number.isSafeInteger);
  const own = logins.length ? ` OR p.organization_id IN (${logins.join(', ')})` : '';
  return x.ds
    .getRepository(Program)
    .createQueryBuilder('p')
    .where('p.id = :id', { id })
    .andWhere(`(${programVisibility('p', x.access.scope)}${own})`)
    .getOne();
}

export async function explainCreateEnrollment(x: Explainer, programId: string): Promise<AccessExplanation> {
  const question = `Can you enroll a client in program ${programId}?`;
  const refused = preconditions(x, question, 'enrollment:write', 'create enrollments');
  if (refused) return refused;
  const program = await knownProgram(x, parseId(programId));
  const active = x.activeOrg?.name ?? 'the active organization';
  if (!program) {
    return answer(
      question,
      false,
      AccessRuleCode.NOT_VISIBLE,
      [`no program with id ${programId} is visible to you while ${active} is the active organization`],
      'Check the program id; see the programs query for the programs you can use.',
    );
  }
  const owner = await x.orgName(program.organizationId);
  if (program.organizationId === x.access.organizationId) {
    const restriction = x.activeOrg?.victimServiceProvider
      ? 'RESTRICTED (always, for a victim service provider)'
      : `${x.activeOrg?.defaultRestriction} unless you choose an enabled option`;
    return answer(question, true, AccessRuleCode.PROGRAM_OF_ACTIVE_ORGANIZATION, [
      `the active organization is ${active}`,
      `program ${program.name} belongs to ${owner}: you can enroll clients in it`,
      `new enrollments are owned by ${active} and ${restriction}`,
    ]);
  }
  const canLogin = x.access.loginOrganizationIds.includes(program.organizationId);
  return answer(
    question,
    false,
    AccessRuleCode.PROGRAM_OF_OTHER_ORGANIZATION,
    [
      `the active organization is ${active}`,
      `program ${program.name} belongs to ${owner}`,
      canLogin ? `you can log in there: select it` : `you cannot log in as ${owner}`,
    ],
    canLogin
      ? `Select ${owner} with selectContext, then enroll the client.`
      : `Ask a user of ${owner} to enroll the client, or ask your agency lead for an assignment to ${owner}.`,
  );
}

export function explainCreateClient(x: Explainer): AccessExplanation {
  const question = 'Can you create a client?';
  const refused = preconditions(x, question, 'client:write', 'create clients');
  if (refused) return refused;
  const active = x.activeOrg?.name ?? 'the active organization';
  const facts = [`the active organization is ${active}`, `new clients are owned by ${active}`];
  if (x.activeOrg?.victimServiceProvider)
    facts.push(`${active} is a victim service provider, so its clients are always restrict-intake`);
  return answer(question, true, AccessRuleCode.CREATED_FOR_ACTIVE_ORGANIZATION, facts);
}
