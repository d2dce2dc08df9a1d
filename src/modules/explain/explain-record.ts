/**
 * Why a record is visible, editable or deletable (access model §3, §4). Visibility is decided
 * by the same SQL predicates as every list and lookup; a record that is not visible gets the
 * same answer as one that does not exist, so explaining never reveals a record.
 */
import { roleAllowsDelete } from '../../access/access-role';
import type { Capability } from '../../access/capabilities';
import { WRITE_CAPABILITY } from '../../access/record-access';
import {
  clientVisibility,
  programVisibility,
  TRANSACTION_TABLES,
  transactionVisibility,
} from '../../access/visibility';
import { parseId } from '../../graphql/connection';
import { answer, article, preconditions, sharingReleases, type Explainer } from './explain-context';
import { AccessRuleCode, ExplainRecordType, type AccessExplanation } from './explain.types';

interface RecordKind {
  table: string;
  typeName: string;
  words: string;
  read: Capability;
}

export const RECORD_KINDS: Record<ExplainRecordType, RecordKind> = {
  CLIENT: { table: 'client', typeName: 'Client', words: 'client', read: 'client:read' },
  ENROLLMENT: { table: 'enrollment', typeName: 'Enrollment', words: 'enrollment', read: 'enrollment:read' },
  EXIT: { table: 'enrollment_exit', typeName: 'Exit', words: 'exit', read: 'enrollment:read' },
  SERVICE: { table: 'service', typeName: 'Service', words: 'service', read: 'service:read' },
  CURRENT_LIVING_SITUATION: {
    table: 'current_living_situation',
    typeName: 'CurrentLivingSituation',
    words: 'current living situation',
    read: 'cls:read',
  },
  ASSESSMENT: { table: 'assessment', typeName: 'Assessment', words: 'assessment', read: 'assessment:read' },
  CE_EVENT: {
    table: 'ce_event',
    typeName: 'CeEvent',
    words: 'coordinated entry event',
    read: 'ce.event:read',
  },
  HEALTH_AND_DV: {
    table: 'health_and_dv',
    typeName: 'HealthAndDv',
    words: 'health and DV record',
    read: 'enrollment:read',
  },
  PROGRAM: { table: 'program', typeName: 'Program', words: 'program', read: 'program:read' },
};

const TABLE_WORDS: Record<string, string> = {
  enrollment: 'enrollment',
  enrollment_exit: 'exit',
  service: 'service',
  current_living_situation: 'current living situation contact',
  assessment: 'assessment',
  ce_event: 'coordinated entry event',
  health_and_dv: 'health and DV record',
};

interface Row {
  id: number;
  organization_id: number;
  restriction?: string;
  restrict_intake?: number | string | boolean;
  name?: string;
}

/** The record, if visible to the active organization; null otherwise (missing and invisible alike). */
async function visibleRow(x: Explainer, kind: RecordKind, id: number | null): Promise<Row | null> {
  if (id === null) return null;
  const scope = x.access.scope;
  const predicate =
    kind.table === 'client'
      ? clientVisibility('r', scope)
      : kind.table === 'program'
        ? programVisibility('r', scope)
        : transactionVisibility('r', scope);
  const rows: Row[] = await x.ds.query(`SELECT r.* FROM ${kind.table} r WHERE r.id = ? AND ${predicate}`, [
    id,
  ]);
  return rows[0]
    ? { ...rows[0], id: Number(rows[0].id), organization_id: Number(rows[0].organization_id) }
    : null;
}

function notVisible(x: Explainer, question: string, kind: RecordKind, id: string): AccessExplanation {
  const org = x.activeOrg?.name ?? 'the active organization';
  return answer(
    question,
    false,
    AccessRuleCode.NOT_VISIBLE,
    [
      `no ${kind.words} with id ${id} is visible to you while ${org} is the active organization`,
      'either it does not exist, or its organization does not share it with yours',
    ],
    `If you work for another organization too, select it and ask again; otherwise ask the ${kind.words}'s organization.`,
  );
}

/** Every rule that makes a visible record visible, the first one named as the rule. */
async function visibilityReasons(
  x: Explainer,
  kind: RecordKind,
  row: Row,
): Promise<{ rule: AccessRuleCode; facts: string[] }> {
  const a = x.access.organizationId as number;
  const active = x.activeOrg?.name ?? 'the active organization';
  const owner = await x.orgName(row.organization_id);
  const reasons: { rule: AccessRuleCode; fact: string }[] = [];
  if (row.organization_id === a)
    reasons.push({
      rule: AccessRuleCode.OWNED_BY_ACTIVE_ORGANIZATION,
      fact: `it belongs to ${active}, the active organization`,
    });
  const releases = row.organization_id === a ? [] : await sharingReleases(x, row.organization_id);
  const restrictIntake = kind.table === 'client' && Number(row.restrict_intake) === 1;
  if (kind.table === 'program' && releases.length) {
    reasons.push({
      rule: AccessRuleCode.SHARED_BY_INFORMATION_RELEASE,
      fact: `it belongs to ${owner}, which shares with ${active} through ${releases.join(' and ')} (read-only: new records are created for ${active}'s own programs)`,
    });
  } else if (
    kind.table !== 'program' &&
    releases.length &&
    (kind.table === 'client' ? !restrictIntake : row.restriction === 'UNRESTRICTED')
  ) {
    const what = kind.table === 'client' ? 'the client is not restrict-intake' : `it is UNRESTRICTED`;
    reasons.push({
      rule: AccessRuleCode.SHARED_BY_INFORMATION_RELEASE,
      fact: `it belongs to ${owner}, ${what}, and ${owner} shares with ${active} through ${releases.join(' and ')}`,
    });
  }
  if (kind.table !== 'program') {
    const clientId =
      kind.table === 'client' ? row.id : Number((row as unknown as { client_id: number }).client_id);
    const exceptions: { valid_through: string }[] = await x.ds.query(
      'SELECT valid_through FROM release_exception WHERE client_id = ? AND organization_id = ? AND valid_through >= ? ORDER BY valid_through DESC',
      [clientId, a, x.today],
    );
    const through = exceptions[0] ? String(exceptions[0].valid_through).slice(0, 10) : null;
    if (through && (kind.table === 'client' || row.restriction === 'UNRESTRICTED')) {
      reasons.push({
        rule: AccessRuleCode.RELEASE_EXCEPTION,
        fact: `a release exception releases this client to ${active} through ${through}`,
      });
    }
  }
  if (kind.table === 'client') reasons.push(...(await clientTransactionReasons(x, row, restrictIntake)));
  return reasons.length
    ? { rule: reasons[0].rule, facts: reasons.map((r) => r.fact) }
    : { rule: AccessRuleCode.OWNED_BY_ACTIVE_ORGANIZATION, facts: [`it is visible to ${active}`] };
}

/** A client is also visible through transactions: those A owns, and (unless restrict-intake) those shared with A. */
async function clientTransactionReasons(
  x: Explainer,
  client: Row,
  restrictIntake: boolean,
): Promise<{ rule: AccessRuleCode; fact: string }[]> {
  const a = x.access.organizationId as number;
  const active = x.activeOrg?.name ?? 'the active organization';
  const held: string[] = [];
  const shared = new Map<number, string[]>();
  for (const table of TRANSACTION_TABLES) {
    // Only transactions visible to A are looked at, so nothing here reveals a hidden record.
    const rows: { organization_id: number | string }[] = await x.ds.query(
      `SELECT DISTINCT r.organization_id FROM ${table} r WHERE r.client_id = ? AND ${transactionVisibility('r', x.access.scope)}`,
      [client.id],
    );
    for (const owner of rows.map((r) => Number(r.organization_id))) {
      if (owner === a) held.push(article(TABLE_WORDS[table]));
      else if (!restrictIntake)
        shared.set(owner, [...(shared.get(owner) ?? []), article(TABLE_WORDS[table])]);
    }
  }
  const out: { rule: AccessRuleCode; fact: string }[] = [];
  if (held.length)
    out.push({
      rule: AccessRuleCode.HOLDS_TRANSACTION_OF_CLIENT,
      fact: `${active} holds ${listing(held)} of this client`,
    });
  for (const [owner, kinds] of shared) {
    out.push({
      rule: AccessRuleCode.SHARED_TRANSACTION_OF_CLIENT,
      fact: `${listing(kinds)} of this client at ${await x.orgName(owner)} ${kinds.length > 1 ? 'are' : 'is'} shared with ${active}`,
    });
  }
  return out;
}

/** "a, b and c". */
function listing(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];
}

/** "Can you see it?": visibility, plus what the caller could do with it. */
export async function explainRecord(
  x: Explainer,
  type: ExplainRecordType,
  id: string,
): Promise<AccessExplanation> {
  const kind = RECORD_KINDS[type];
  const question = `Can you see ${kind.words} ${id}?`;
  const refused = preconditions(x, question, kind.read, `see ${kind.words}s`);
  if (refused) return refused;
  const row = await visibleRow(x, kind, parseId(id));
  if (!row) return notVisible(x, question, kind, id);
  const { rule, facts } = await visibilityReasons(x, kind, row);
  if (kind.table !== 'program') facts.push(...(await explainEdit(x, type, id, false)).facts);
  return answer(question, true, rule, facts);
}

/** "May you edit / delete it?" (§4): visible, the capability, canEdit on the owner, and for deletes the role. */
export async function explainEdit(
  x: Explainer,
  type: ExplainRecordType,
  id: string,
  del: boolean,
): Promise<AccessExplanation> {
  const kind = RECORD_KINDS[type];
  const verb = del ? 'delete' : 'edit';
  const question = `Can you ${verb} ${kind.words} ${id}?`;
  const write = WRITE_CAPABILITY[kind.typeName];
  if (!write) {
    return answer(question, false, AccessRuleCode.CAPABILITY_MISSING, [
      `${kind.words[0].toUpperCase()}${kind.words.slice(1)}s are changed by administrators (setup:admin), not here`,
    ]);
  }
  const refused =
    preconditions(x, question, kind.read, `see ${kind.words}s`) ??
    preconditions(x, question, write, `${verb} ${kind.words}s`);
  if (refused) return refused;
  const row = await visibleRow(x, kind, parseId(id));
  if (!row) return notVisible(x, question, kind, id);
  const owner = await x.orgName(row.organization_id);
  if (!x.access.mayEditOwnedBy(row.organization_id)) {
    const assigned = x.access.facts.assignments.some((asg) => asg.organizationId === row.organization_id);
    return answer(
      question,
      false,
      AccessRuleCode.NO_EDIT_ASSIGNMENT,
      [
        `this ${kind.words} belongs to ${owner}`,
        assigned
          ? `your assignment to ${owner} does not allow editing, so you cannot ${verb} it`
          : `you are not assigned to ${owner}, so you cannot ${verb} it`,
      ],
      `Ask a user of ${owner}, or your agency lead for edit rights there.`,
    );
  }
  if (del && !roleAllowsDelete(x.access.effectiveRole)) {
    return answer(
      question,
      false,
      AccessRuleCode.DELETE_NEEDS_MANAGER_ROLE,
      [
        `you may edit this ${kind.words} of ${owner}`,
        `but deleting needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR access role, and yours is ${x.access.effectiveRole}`,
      ],
      'Ask an agency manager to delete it.',
    );
  }
  return answer(question, true, AccessRuleCode.EDIT_ASSIGNMENT, [
    `this ${kind.words} belongs to ${owner}`,
    `your assignment to ${owner} allows editing, so you can ${verb} it`,
  ]);
}
