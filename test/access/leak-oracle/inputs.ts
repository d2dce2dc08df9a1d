/**
 * Arguments for generated operations, valid and deliberately wrong: ids of visible records,
 * of invisible ones, of other organizations' records and unknown ids; dates that are valid,
 * before the client's birth, after an exit, or in the future. Filled by walking the argument's
 * input type, so a new input field is filled without touching the oracle.
 */
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { day, type Forbidden, type Row, type Snapshot } from './world';

export type IdStrategy = 'visible' | 'invisible' | 'otherOrg' | 'unknown';
export type DateStrategy = 'valid' | 'beforeBirth' | 'afterExit' | 'future';

export interface Variant {
  ids: IdStrategy;
  dates: DateStrategy;
  /** Probability of filling an optional input field. */
  optional: number;
}

export const UNKNOWN_ID = '987654';

/** Deterministic pseudo-random numbers (mulberry32), so a CI sample is the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase());

const VERBS =
  /^(create|update|delete|exit|set|remove|record|reset|unlock|reinstate|deactivate|assign|explain)/;

const TABLE_ALIASES: Record<string, string> = {
  user: 'app_user',
  release: 'information_release',
  from_organization: 'organization',
  to_organization: 'organization',
  exit: 'enrollment_exit',
};

/** The table an operation's `id` or an `xxxId` argument names, by its words. */
export function tableFor(name: string): string {
  const t = snake(name.replace(VERBS, '').replace(/Ids?$/, ''));
  return TABLE_ALIASES[t] ?? t;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

export interface Pools {
  /** Users the oracle may change (created for it), never a demo user. */
  users: number[];
  workgroups: number[];
  programs: Row[];
  orgs: number[];
  /** Any other table's ids by table. */
  other: Map<string, number[]>;
}

export class InputFactory {
  private counter = 0;
  private readonly next: () => number;

  constructor(
    private readonly s: Snapshot,
    private readonly f: Forbidden,
    private readonly pools: Pools,
    seed: number,
  ) {
    this.next = rng(seed);
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length ? items[Math.floor(this.next() * items.length)] : undefined;
  }

  /** The client the variant is about: one with a date of birth where possible. */
  private target(v: Variant): Row | undefined {
    const seen = this.f.visible.get('client')!;
    const live = this.s.clients.filter((c) => c.date_deleted === null || c.date_deleted === undefined);
    const pool =
      v.ids === 'visible'
        ? live.filter((c) => seen.has(Number(c.id)))
        : v.ids === 'otherOrg'
          ? live.filter((c) => seen.has(Number(c.id)) && Number(c.organization_id) !== this.f.orgId)
          : live.filter((c) => !seen.has(Number(c.id)));
    // A date before birth is checked only after the earliest HMIS date (1998-10-01): prefer clients
    // born later, so that the check a message could quote the date of birth in is reached.
    const withDob = pool.filter(
      (c) => c.dob && (v.dates !== 'beforeBirth' || String(day(c.dob)) > '1998-10-02'),
    );
    return this.pick(withDob.length ? withDob : pool) ?? this.pick(live);
  }

  /** Variables for a root field's arguments (required ones always, optional ones by chance). */
  variables(field: string, args: readonly GraphQLArgument[], v: Variant): Record<string, unknown> {
    const client = this.target(v);
    const state = { field, v, client, row: undefined as Row | undefined };
    const out: Record<string, unknown> = {};
    for (const a of this.ordered(args)) {
      if (!isNonNullType(a.type) && this.next() >= v.optional) continue;
      out[a.name] = this.value(a.type, a.name, state);
    }
    return out;
  }

  /** Ids before versions, record types before ids: a version belongs to the row the id picked. */
  private ordered<T extends { name: string }>(fields: readonly T[]): T[] {
    const rank = (n: string) => (n === 'recordType' ? 0 : n === 'id' ? 1 : n === 'version' ? 3 : 2);
    return [...fields].sort((a, b) => rank(a.name) - rank(b.name));
  }

  private value(
    type: GraphQLInputType,
    name: string,
    state: { field: string; v: Variant; client?: Row; row?: Row; table?: string },
  ): unknown {
    const t = getNullableType(type) as GraphQLInputType;
    if (isListType(t)) return [this.value(t.ofType, name.replace(/s$/, ''), state)];
    if (isEnumType(t)) {
      const value = this.pick(t.getValues().map((e) => e.name))!;
      if (name === 'recordType') state.table = value === 'EXIT' ? 'enrollment_exit' : value.toLowerCase();
      return value;
    }
    if (isInputObjectType(t)) {
      const obj: Record<string, unknown> = {};
      for (const f of this.ordered(Object.values(t.getFields()))) {
        if (!isNonNullType(f.type) && this.next() >= state.v.optional) continue;
        obj[f.name] = this.value(f.type, f.name, state);
      }
      return obj;
    }
    switch (t.name) {
      case 'ID':
        return this.id(name, state);
      case 'Int':
        if (name === 'version') return state.row ? Number(state.row.version) : 1;
        if (name === 'first') return 5;
        if (name === 'number') return 9000 + ++this.counter;
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return this.next() < 0.5;
      case 'LocalDate':
        return this.date(name, state);
      case 'DateTime':
      case 'DateTimeISO':
        return new Date().toISOString();
      case 'JSONObject':
        return {};
      default:
        return this.text(name);
    }
  }

  private date(name: string, state: { v: Variant; client?: Row }): string {
    const today = this.s.today;
    if (name === 'dob') return '1990-01-01';
    const dob = day(state.client?.dob);
    const clientId = Number(state.client?.id);
    switch (state.v.dates) {
      case 'valid':
        return today;
      case 'beforeBirth':
        return dob ? addDays(dob, -1) : '1900-01-02';
      case 'afterExit': {
        const exit = (this.s.records.get('enrollment_exit') ?? []).find(
          (x) => Number(x.client_id) === clientId,
        );
        return addDays(day(exit?.exit_date) ?? today, 1);
      }
      case 'future':
        return addDays(today, 400);
    }
  }

  private text(name: string): string {
    const n = ++this.counter;
    if (/password/i.test(name)) return 'lantern-orchard-47-quietly';
    if (name === 'username') return `oracle.probe${n}`;
    if (name === 'ssn') return '517629384';
    if (name === 'code') return `Q${String(n % 100).padStart(2, '0')}`;
    if (/email/i.test(name)) return 'oracle@example.org';
    if (name === 'zip') return '97301';
    if (name === 'state') return 'OR';
    if (/capabilit/i.test(name)) return 'client:read';
    if (name === 'firstName') return 'Oracle';
    if (name === 'lastName') return `Probe${n}`;
    return `Oracle text ${n}`;
  }

  private id(
    name: string,
    state: { field: string; v: Variant; client?: Row; row?: Row; table?: string },
  ): string {
    const { v } = state;
    if (v.ids === 'unknown') return UNKNOWN_ID;
    const table = name === 'id' ? (state.table ?? tableFor(state.field)) : tableFor(name);
    if (table === 'client') return state.client ? String(state.client.id) : UNKNOWN_ID;
    const records = this.s.records.get(table);
    if (records) {
      const seen = this.f.visible.get(table)!;
      const live = records.filter((r) => r.date_deleted === null || r.date_deleted === undefined);
      const fits = (r: Row) =>
        v.ids === 'visible'
          ? seen.has(Number(r.id))
          : v.ids === 'otherOrg'
            ? seen.has(Number(r.id)) && Number(r.organization_id) !== this.f.orgId
            : !seen.has(Number(r.id));
      const mine = live.filter((r) => Number(r.client_id) === Number(state.client?.id) && fits(r));
      const row = this.pick(mine) ?? this.pick(live.filter(fits));
      if (name === 'id') state.row = row;
      return row ? String(row.id) : UNKNOWN_ID;
    }
    if (table === 'program') {
      const own = this.pools.programs.filter((p) => Number(p.organization_id) === this.f.orgId);
      const others = this.pools.programs.filter((p) => Number(p.organization_id) !== this.f.orgId);
      const p = v.ids === 'visible' ? (this.pick(own) ?? this.pick(others)) : this.pick(others);
      return p ? String(p.id) : UNKNOWN_ID;
    }
    if (table === 'organization') {
      const id =
        v.ids === 'visible' ? this.f.orgId : this.pick(this.pools.orgs.filter((o) => o !== this.f.orgId));
      return String(id ?? UNKNOWN_ID);
    }
    if (table === 'app_user')
      return String((v.ids === 'visible' ? this.pick(this.pools.users) : undefined) ?? UNKNOWN_ID);
    if (table === 'workgroup') return String(this.pick(this.pools.workgroups) ?? UNKNOWN_ID);
    return String(this.pick(this.pools.other.get(table) ?? []) ?? UNKNOWN_ID);
  }
}
