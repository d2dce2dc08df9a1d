/**
 * Why a record is visible, editable or deletable (access model §3, §4). Visibility is decided
 * by the same SQL predicates as every list and lookup; a record that is not visible gets the
 * same answer as one that does not exist, so explaining never reveals a record.
 */
import { roleAllowsDelete } from '../../access/access-role';
import { recordTypeByKey, TRANSACTION_TYPES, type RecordType } from '../../access/record-types';
import { clientVisibility, programVisibility, transactionVisibility } from '../../access/visibility';
import { parseId } from '../../graphql/connection';
import { answer, article, preconditions, sharingReleases, type Explainer } from './explain-context';
import { AccessRuleCode, ExplainRecordType, type AccessExplanation } from './explain.types';

type RecordKind = RecordType;

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
    kind.kind === 'client'
      ? clientVisibility('r', scope)
      : kind.kind === 'setup'
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
      `no ${kind.words.one} with id ${id} is visible to you while ${org} is the active organization`,
      'either it does not exist, or its organization does not share it with yours',
    ],
    `If you work for another organization too, select it and ask again; otherwise ask the ${kind.words.one}'s organization.`,
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
  const restrictIntake = kind.kind === 'client' && Number(row.restrict_intake) === 1;
  if (kind.kind === 'setup' && releases.length) {
    reasons.push({
      rule: AccessRuleCode.SHARED_BY_INFORMATION_RELEASE,
      fact: `it belongs to ${owner}, which shares with ${active} through ${releases.join(' and ')} (read-only: new records are created for ${active}'s own programs)`,
    });
  } else if (
    kind.kind !== 'setup' &&
    releases.length &&
    (kind.kind === 'client' ? !restrictIntake : row.restriction === 'UNRESTRICTED')
  ) {
    const what = kind.kind === 'client' ? 'the client is not restrict-intake' : `it is UNRESTRICTED`;
    reasons.push({
      rule: AccessRuleCode.SHARED_BY_INFORMATION_RELEASE,
      fact: `it belongs to ${owner}, ${what}, and ${owner} shares with ${active} through ${releases.join(' and ')}`,
    });
  }
  if (kind.kind !== 'setup') {
    const clientId =
      kind.kind === 'client' ? row.id : Number((row as unknown as { client_id: number }).client_id);
    const exceptions: { valid_through: string }[] = await x.ds.query(
      'SELECT valid_through FROM release_exception WHERE client_id = ? AND organization_id = ? AND valid_through >= ? ORDER BY valid_through DESC',
      [clientId, a, x.today],
    );
    const through = exceptions[0] ? String(exceptions[0].valid_through).slice(0, 10) : null;
    if (through && (kind.kind === 'client' || row.restriction === 'UNRESTRICTED')) {
      reasons.push({
        rule: AccessRuleCode.RELEASE_EXCEPTION,
        fact: `a release exception releases this client to ${active} through ${through}`,
      });
    }
  }
  if (kind.kind === 'client') reasons.push(...(await clientTransactionReasons(x, row, restrictIntake)));
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
  for (const { table, words } of TRANSACTION_TYPES) {
    // Only transactions visible to A are looked at, so nothing here reveals a hidden record.
    const rows: { organization_id: number | string }[] = await x.ds.query(
      `SELECT DISTINCT r.organization_id FROM ${table} r WHERE r.client_id = ? AND ${transactionVisibility('r', x.access.scope)}`,
      [client.id],
    );
    for (const owner of rows.map((r) => Number(r.organization_id))) {
      if (owner === a) held.push(article(words.one));
      else if (!restrictIntake) shared.set(owner, [...(shared.get(owner) ?? []), article(words.one)]);
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
  const kind = recordTypeByKey(type);
  const question = `Can you see ${kind.words.one} ${id}?`;
  const refused = preconditions(x, question, kind.read, `see ${kind.words.many}`);
  if (refused) return refused;
  const row = await visibleRow(x, kind, parseId(id));
  if (!row) return notVisible(x, question, kind, id);
  const { rule, facts } = await visibilityReasons(x, kind, row);
  if (kind.kind !== 'setup') facts.push(...(await explainEdit(x, type, id, false)).facts);
  return answer(question, true, rule, facts);
}

/** "May you edit / delete it?" (§4): visible, the capability, canEdit on the owner, and for deletes the role. */
export async function explainEdit(
  x: Explainer,
  type: ExplainRecordType,
  id: string,
  del: boolean,
): Promise<AccessExplanation> {
  const kind = recordTypeByKey(type);
  const verb = del ? 'delete' : 'edit';
  const question = `Can you ${verb} ${kind.words.one} ${id}?`;
  const write = kind.write;
  if (!write) {
    return answer(question, false, AccessRuleCode.CAPABILITY_MISSING, [
      `${kind.words.many[0].toUpperCase()}${kind.words.many.slice(1)} are changed by administrators (setup:admin), not here`,
    ]);
  }
  const refused =
    preconditions(x, question, kind.read, `see ${kind.words.many}`) ??
    preconditions(x, question, write, `${verb} ${kind.words.many}`);
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
        `this ${kind.words.one} belongs to ${owner}`,
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
        `you may edit this ${kind.words.one} of ${owner}`,
        `but deleting needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR access role, and yours is ${x.access.effectiveRole}`,
      ],
      'Ask an agency manager to delete it.',
    );
  }
  return answer(question, true, AccessRuleCode.EDIT_ASSIGNMENT, [
    `this ${kind.words.one} belongs to ${owner}`,
    `your assignment to ${owner} allows editing, so you can ${verb} it`,
  ]);
}
