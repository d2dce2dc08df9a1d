/**
 * Scans one response for what its caller must never receive: the forbidden texts anywhere in it
 * (data, errors, explanations, audit values), and, structurally, records of invisible clients or
 * invisible records, guarded answers without their capability, and audit values of records the
 * caller cannot see.
 */
import type { OracleRecordType } from './record-types';
import { day, type Forbidden, type Row, type Snapshot } from './world';

export interface Finding {
  kind: 'text' | 'record' | 'guarded' | 'audit-value' | 'read-audit';
  detail: string;
}

/** A hidden marker (the read policy's replacement of a value: a word or an object) is not the value. */
const isValue = (v: unknown) =>
  v !== null &&
  v !== undefined &&
  typeof v !== 'object' &&
  !(typeof v === 'string' && /hidden|redacted|\*\*\*/i.test(v));

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Columns whose value is who/when bookkeeping, shown for every audit event (§6). */
const BOOKKEEPING = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by_id',
  'updated_by_id',
  'date_deleted',
]);

function same(db: unknown, leaf: unknown): boolean {
  if (db === null || db === undefined || typeof leaf === 'object') return false;
  if (typeof db === 'boolean' || typeof leaf === 'boolean') return false;
  if (db instanceof Date) return false;
  const a = /^\d{4}-\d{2}-\d{2}/.test(String(db)) ? day(db) : String(db);
  return a !== '' && a === String(leaf);
}

export class Scanner {
  private readonly byType = new Map<string, OracleRecordType>();
  private readonly rows = new Map<string, Map<number, Row>>();

  constructor(
    readonly types: OracleRecordType[],
    private readonly snapshot: Snapshot,
  ) {
    for (const t of types) this.byType.set(t.typeName, t);
    this.rows.set('client', new Map(snapshot.clients.map((r) => [Number(r.id), r])));
    for (const [table, rows] of snapshot.records)
      this.rows.set(table, new Map(rows.map((r) => [Number(r.id), r])));
  }

  /** Findings in `body` (the raw response text) for a caller bound by `f`; `sent` is the request text. */
  scan(body: string, f: Forbidden, sent: string): Finding[] {
    const out: Finding[] = [];
    for (const { text, why } of f.texts)
      if (body.includes(text) && !sent.includes(text))
        out.push({ kind: 'text', detail: `${why}: "${text}"` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return out;
    }
    this.walk((parsed as { data?: unknown })?.data, f, out);
    return out;
  }

  private walk(node: unknown, f: Forbidden, out: Finding[]): void {
    if (Array.isArray(node)) {
      for (const n of node) this.walk(n, f, out);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const typename = o.__typename as string | undefined;
    if (typename === 'Client' && o.id != null && !f.visible.get('client')!.has(Number(o.id)))
      out.push({ kind: 'record', detail: `Client ${o.id} is invisible to the active organization` });
    const type = typename ? this.byType.get(typename) : undefined;
    if (type && o.id != null) {
      if (!f.visible.get(type.table)!.has(Number(o.id)))
        out.push({ kind: 'record', detail: `${typename} ${o.id} is invisible to the active organization` });
      for (const [column, capability] of Object.entries(type.guarded))
        if (!f.capabilities.has(capability) && isValue(o[camel(column)]))
          out.push({ kind: 'guarded', detail: `${typename}.${camel(column)} without ${capability}` });
    }
    if (typename === 'AuditEvent') this.auditValues(o, f, out);
    for (const v of Object.values(o)) this.walk(v, f, out);
  }

  /** Before/after values of an event about a record the caller cannot see, or guarded ones (§6). */
  private auditValues(e: Record<string, unknown>, f: Forbidden, out: Finding[]): void {
    const entityType = String(e.entityType ?? '');
    const table = entityType === 'Client' ? 'client' : this.byType.get(entityType)?.table;
    const type = this.byType.get(entityType);
    for (const side of ['before', 'after'] as const) {
      const values = e[side];
      if (!values || typeof values !== 'object') continue;
      const v = values as Record<string, unknown>;
      if (type)
        for (const [column, capability] of Object.entries(type.guarded))
          if (!f.capabilities.has(capability) && isValue(v[camel(column)]))
            out.push({
              kind: 'guarded',
              detail: `audit ${side} ${entityType}.${camel(column)} without ${capability}`,
            });
      if (!table || e.entityId == null || f.visible.get(table)!.has(Number(e.entityId))) continue;
      const row = this.rows.get(table)?.get(Number(e.entityId));
      // A deleted record's history is its former owner's business; the read policy decides it.
      if (!row || (row.date_deleted !== null && row.date_deleted !== undefined)) continue;
      const shown = Object.entries(row)
        .filter(([column, dbValue]) => !BOOKKEEPING.has(column) && same(dbValue, v[camel(column)]))
        .map(([column]) => camel(column));
      if (shown.length)
        out.push({
          kind: 'audit-value',
          detail: `audit ${side} of invisible ${entityType} ${e.entityId}: ${shown.join(', ')}`,
        });
    }
  }
}
