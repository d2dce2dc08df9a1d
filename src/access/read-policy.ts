/**
 * The read policy: what a caller may see of rows read outside the GraphQL field guard (audit
 * values, error messages, exports, reports), decided from the record-type registry and the
 * visibility predicates, and recorded for the read audit of access model §6. The synchronous
 * field guard (field-guard.ts) asks `mayReadField` too, so both paths make the same decision.
 *
 * See docs/architecture.md, "Add an export or report", for how a new reader uses it.
 */
import type { EntityManager, DataSource } from 'typeorm';
import type { AccessContext } from './access-context';
import { recordType, type FieldRule, type RecordType } from './record-types';
import { clientVisibility, transactionVisibility } from './visibility';

/** What a hidden value is replaced by; the field is listed in `hiddenFields` beside it. */
export const HIDDEN = null;

/** Where reads are recorded for the audit log (the request's ReadLog). */
export interface ReadRecorder {
  client(id: number): void;
  field(coordinate: string): void;
}

/** The field guard's decision, in one place: the caller holds the field's capability. */
export function mayReadField(access: AccessContext | null | undefined, rule: FieldRule): boolean {
  return access?.has(rule.capability) === true;
}

/** The client a row of `type` is about (the client itself, or its client_id), if known. */
export function clientIdOf(type: RecordType, row: Record<string, unknown>): number | null {
  const raw = type.kind === 'client' ? row.id : type.kind === 'transaction' ? row.clientId : undefined;
  const id = Number(raw);
  return raw === undefined || raw === null || !Number.isSafeInteger(id) ? null : id;
}

/**
 * A stored value of a guarded field, for quoting outside GraphQL (e.g. in an error message):
 * the value when the caller may read it (and the read is recorded), null otherwise. Unguarded
 * fields are returned as they are: the caller reached the record through a visibility check.
 */
export function quoteField<V>(
  access: AccessContext,
  reads: ReadRecorder | null,
  typeName: string,
  field: string,
  clientId: number | null,
  value: V,
): V | null {
  const rule = recordType(typeName)?.fields[field];
  if (!rule) return value;
  if (!mayReadField(access, rule)) return HIDDEN;
  if (reads) {
    if (rule.sensitive) reads.field(`${typeName}.${field}`);
    if (clientId !== null) reads.client(clientId);
  }
  return value;
}

/**
 * The ids among `ids` of records of `type` visible to the caller's active organization now.
 * With `includeDeleted`, a soft-deleted record counts as visible when it would be visible were
 * it not deleted (its audit history stays readable by those who could read it).
 */
export async function visibleIds(
  db: DataSource | EntityManager,
  access: AccessContext,
  type: RecordType,
  ids: readonly number[],
  options: { includeDeleted?: boolean } = {},
): Promise<Set<number>> {
  const unique = [...new Set(ids.filter((id) => Number.isSafeInteger(id)))];
  if (!unique.length) return new Set();
  if (type.kind === 'setup') return new Set(unique);
  if (!access.ready || access.organizationId === null) return new Set();
  let predicate =
    type.kind === 'client' ? clientVisibility('r', access.scope) : transactionVisibility('r', access.scope);
  // The predicates open with the row's own "not deleted" test; everything else stays.
  if (options.includeDeleted) {
    const live = /^\(r\.date_deleted IS NULL AND /;
    if (!live.test(predicate)) throw new Error('visibility predicate no longer opens with its deleted test');
    predicate = predicate.replace(live, '(');
  }
  const rows: { id: number | string }[] = await db.query(
    `SELECT r.id FROM ${type.table} r WHERE r.id IN (${unique.join(', ')}) AND ${predicate}`,
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Values of one row as the caller may see them. */
export interface PolicedValues {
  values: Record<string, unknown> | null;
  /** Fields whose values were replaced by HIDDEN. */
  hiddenFields: string[];
}

/**
 * One record's values (e.g. an audit before/after snapshot) as the caller may see them: all
 * hidden when the record is not visible, otherwise the guarded fields the caller may not read.
 * A field is never left out: it stays, as HIDDEN, and is named in `hiddenFields`.
 */
export function policeValues(
  access: AccessContext,
  type: RecordType | undefined,
  values: Record<string, unknown> | null,
  visible: boolean,
  reads: ReadRecorder | null = null,
): PolicedValues {
  if (!values) return { values, hiddenFields: [] };
  const out: Record<string, unknown> = {};
  const hidden: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const rule = type?.fields[key];
    if (!visible || (rule && !mayReadField(access, rule))) {
      out[key] = HIDDEN;
      hidden.push(key);
    } else {
      out[key] = value;
      if (rule?.sensitive && reads && value !== null && value !== undefined)
        reads.field(`${type!.typeName}.${key}`);
    }
  }
  if (visible && type && reads) {
    const clientId = clientIdOf(type, values);
    if (clientId !== null) reads.client(clientId);
  }
  return { values: out, hiddenFields: hidden };
}

/**
 * Rows of `type` as the caller may see them: invisible rows dropped, guarded fields replaced by
 * HIDDEN (and listed), and the clients and sensitive fields read recorded. For exports and
 * reports that load rows themselves; `visible` comes from `visibleIds` or the query's own
 * visibility predicate.
 */
export function readRows<T extends Record<string, unknown>>(
  access: AccessContext,
  type: RecordType,
  rows: readonly T[],
  visible: ReadonlySet<number>,
  reads: ReadRecorder | null,
): { rows: T[]; hiddenFields: string[] } {
  const hiddenFields = Object.entries(type.fields)
    .filter(([, rule]) => !mayReadField(access, rule))
    .map(([field]) => field);
  const out: T[] = [];
  for (const row of rows) {
    if (!visible.has(Number(row.id))) continue;
    out.push(policeValues(access, type, row, true, reads).values as T);
  }
  return { rows: out, hiddenFields };
}
