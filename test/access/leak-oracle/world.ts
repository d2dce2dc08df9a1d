/**
 * What the leak oracle knows of the database: every client and client-level record, read raw,
 * and, per (active organization, capabilities), the values and records that caller must never
 * receive, computed by the words of access model §3 and §5 (an independent reference: none of
 * the server's visibility code is used).
 */
import type { DemoApp } from '../helpers';
import type { OracleRecordType } from './record-types';

export type Row = Record<string, unknown>;

export interface Snapshot {
  today: string;
  clients: Row[];
  /** Rows per record-type table. */
  records: Map<string, Row[]>;
  orgs: Row[];
  shares: Row[];
  exceptions: Row[];
  /** Every value of a date column outside `client.dob` (a DOB equal to one is not distinctive). */
  otherDates: Set<string>;
}

/** `YYYY-MM-DD` of a DATE or DATETIME value as either engine returns it. */
export function day(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

export async function readSnapshot(demo: DemoApp, types: OracleRecordType[]): Promise<Snapshot> {
  const records = new Map<string, Row[]>();
  const otherDates = new Set<string>();
  for (const t of types) {
    const rows = await demo.sql(`SELECT * FROM ${t.table}`);
    records.set(t.table, rows);
    for (const r of rows)
      for (const [k, v] of Object.entries(r))
        if (/_date$|^date_/.test(k) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
          otherDates.add(v);
  }
  const [clients, orgs, shares, exceptions] = await Promise.all([
    demo.sql('SELECT * FROM client'),
    demo.sql('SELECT id, victim_service_provider FROM organization'),
    demo.sql(
      'SELECT sh.from_organization_id AS f, sh.to_organization_id AS t, r.start_date AS s, r.end_date AS e FROM information_release_share sh JOIN information_release r ON r.id = sh.release_id',
    ),
    demo.sql('SELECT client_id, organization_id, valid_through FROM release_exception'),
  ]);
  for (const r of await demo.sql('SELECT start_date AS a, end_date AS b FROM information_release'))
    for (const v of [day(r.a), day(r.b)]) if (v) otherDates.add(v);
  for (const r of exceptions) otherDates.add(day(r.valid_through)!);
  return { today: demo.ids.today, clients, records, orgs, shares, exceptions, otherDates };
}

/** Ids of what an organization may see (§3), per table (`client` included). */
export function visibleTo(s: Snapshot, orgId: number): Map<string, Set<number>> {
  const vsp = new Set(s.orgs.filter((o) => Number(o.victim_service_provider) === 1).map((o) => Number(o.id)));
  const sharesWithA = new Set(
    s.shares
      .filter(
        (x) =>
          Number(x.t) === orgId &&
          !vsp.has(Number(x.f)) &&
          day(x.s)! <= s.today &&
          (day(x.e) === null || day(x.e)! >= s.today),
      )
      .map((x) => Number(x.f)),
  );
  const released = new Set(
    s.exceptions
      .filter((x) => Number(x.organization_id) === orgId && day(x.valid_through)! >= s.today)
      .map((x) => Number(x.client_id)),
  );
  const out = new Map<string, Set<number>>();
  const ownsRecord = new Set<number>();
  const seesRecord = new Set<number>();
  for (const [table, rows] of s.records) {
    const ids = new Set<number>();
    for (const t of rows) {
      if (t.date_deleted !== null && t.date_deleted !== undefined) continue;
      const owner = Number(t.organization_id);
      const clientId = Number(t.client_id);
      if (owner === orgId) ownsRecord.add(clientId);
      if (
        owner === orgId ||
        (t.restriction === 'UNRESTRICTED' && (sharesWithA.has(owner) || released.has(clientId)))
      ) {
        ids.add(Number(t.id));
        seesRecord.add(clientId);
      } else if (table === 'referral' && Number(t.receiving_organization_id) === orgId) {
        // §9: a referral is visible to the organization of the receiving program too, whatever
        // its restriction; that alone does not make its client visible.
        ids.add(Number(t.id));
      }
    }
    out.set(table, ids);
  }
  const clients = new Set<number>();
  for (const c of s.clients) {
    if (c.date_deleted !== null && c.date_deleted !== undefined) continue;
    const id = Number(c.id);
    const open = Number(c.restrict_intake) !== 1;
    if (
      Number(c.organization_id) === orgId ||
      ownsRecord.has(id) ||
      released.has(id) ||
      (open && sharesWithA.has(Number(c.organization_id))) ||
      (open && seesRecord.has(id))
    )
      clients.add(id);
  }
  out.set('client', clients);
  return out;
}

/** A value that must not appear in a response, and why. */
export interface ForbiddenText {
  text: string;
  why: string;
}

export interface Forbidden {
  orgId: number;
  capabilities: ReadonlySet<string>;
  visible: Map<string, Set<number>>;
  texts: ForbiddenText[];
  /** Distinctive values left out because they also appear where the caller may read them. */
  skipped: number;
}

const ssnForms = (ssn: string) => [ssn, `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`];
const dobForms = (dob: string) => [dob, `${dob.slice(5, 7)}/${dob.slice(8, 10)}/${dob.slice(0, 4)}`];
const json = (key: string, value: string) => `"${key}":${JSON.stringify(value)}`;

/**
 * The texts a caller working as `orgId` with `capabilities` must never receive (§3, §5): every
 * distinctive value of a client invisible to the org (names, SSN, DOB), and full SSNs and DOBs of
 * every client without client.ssn:read / client.dob:read. Ids and the other field values are
 * checked structurally (scan.ts), since a number or a code is not distinctive as text.
 */
export function forbiddenFor(s: Snapshot, orgId: number, capabilities: ReadonlySet<string>): Forbidden {
  const visible = visibleTo(s, orgId);
  const texts = new Map<string, string>();
  const readableNames = new Set<string>();
  let skipped = 0;
  const add = (text: string, why: string) => {
    if (!texts.has(text)) texts.set(text, why);
  };
  // Values the caller may read on some client: the same value on another client is not a leak
  // (the demo's likely duplicates share a date of birth, for one).
  const readable = new Set<string>();
  for (const c of s.clients) {
    if (!visible.get('client')!.has(Number(c.id))) continue;
    for (const k of ['first_name', 'middle_name', 'last_name', 'name_suffix'])
      if (c[k]) readableNames.add(String(c[k]));
    if (c.ssn && capabilities.has('client.ssn:read')) readable.add(String(c.ssn));
    if (c.dob && capabilities.has('client.dob:read')) readable.add(day(c.dob)!);
  }
  for (const c of s.clients) {
    const id = Number(c.id);
    const seen = visible.get('client')!.has(id);
    const who = `client ${id}`;
    const ssn = c.ssn ? String(c.ssn) : null;
    const dob = day(c.dob);
    if (ssn && readable.has(ssn)) skipped++;
    else if (ssn && (!seen || !capabilities.has('client.ssn:read')))
      for (const f of ssnForms(ssn)) add(f, `${who} SSN (${seen ? 'no client.ssn:read' : 'invisible'})`);
    if (dob && (!seen || !capabilities.has('client.dob:read'))) {
      if (s.otherDates.has(dob) || readable.has(dob)) skipped++;
      else for (const f of dobForms(dob)) add(f, `${who} DOB (${seen ? 'no client.dob:read' : 'invisible'})`);
    }
    if (!seen) {
      const names: Array<[string, string]> = [
        ['firstName', 'first_name'],
        ['middleName', 'middle_name'],
        ['lastName', 'last_name'],
        ['nameSuffix', 'name_suffix'],
      ];
      for (const [key, column] of names) {
        const v = c[column] ? String(c[column]) : null;
        if (!v) continue;
        // The same name on a client the caller may see is not this client's leak.
        if (readableNames.has(v)) {
          skipped++;
          continue;
        }
        add(json(key, v), `${who} ${key} (invisible)`);
      }
      if (
        c.first_name &&
        c.last_name &&
        !(readableNames.has(String(c.first_name)) && readableNames.has(String(c.last_name)))
      )
        add(`${c.first_name} ${c.last_name}`, `${who} name (invisible)`);
    }
  }
  return {
    orgId,
    capabilities,
    visible,
    texts: [...texts].map(([text, why]) => ({ text, why })),
    skipped,
  };
}
