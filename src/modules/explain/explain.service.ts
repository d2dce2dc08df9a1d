import type { RequestContext } from '../../graphql/context';
import { badInput, noSession } from '../../graphql/errors';
import { explainCreateClient, explainCreateEnrollment } from './explain-action';
import { explainer } from './explain-context';
import { explainEdit, explainRecord } from './explain-record';
import type { AccessExplanation, ExplainActionInput, ExplainRecordType } from './explain.types';

/**
 * explainAccess (access model §6): the decision for a record or an action, and the rule behind
 * it, for the caller's own session. Give either a record (recordType and id) or one action.
 */
export async function explainAccess(
  ctx: RequestContext,
  recordType: ExplainRecordType | null | undefined,
  id: string | null | undefined,
  action: ExplainActionInput | null | undefined,
): Promise<AccessExplanation> {
  if (!ctx.access) throw noSession(ctx.token);
  const actions = action
    ? Object.entries(action).filter(([, v]) => v !== null && v !== undefined && v !== false)
    : [];
  const record = recordType != null || id != null;
  if (record && (recordType == null || id == null))
    throw badInput(recordType == null ? 'recordType' : 'id', 'give both recordType and id');
  if (Number(record) + actions.length !== 1)
    throw badInput('action', 'give either recordType and id, or exactly one action');
  const x = await explainer(ctx.ds, ctx.access);
  if (record) return explainRecord(x, recordType as ExplainRecordType, String(id));
  const a = action as ExplainActionInput;
  if (a.createClient) return explainCreateClient(x);
  if (a.createEnrollmentInProgram != null) return explainCreateEnrollment(x, a.createEnrollmentInProgram);
  if (a.editRecord) return explainEdit(x, a.editRecord.type, a.editRecord.id, false);
  const del = a.deleteRecord as NonNullable<ExplainActionInput['deleteRecord']>;
  return explainEdit(x, del.type, del.id, true);
}
