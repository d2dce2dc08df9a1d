/**
 * Runs operations as one caller and collects what leaked: the forbidden texts and records of
 * world.ts / scan.ts in every response, and (§6) every client a response returned missing from
 * the request's read-audit event.
 */
import { randomUUID } from 'node:crypto';
import { isNonNullType, type GraphQLArgument, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { DemoApp } from '../helpers';
import { operationDocument } from './documents';
import { InputFactory, rng, type Pools, type Variant } from './inputs';
import type { OracleRecordType } from './record-types';
import { Scanner, type Finding } from './scan';
import { forbiddenFor, readSnapshot, type Snapshot } from './world';

export interface OracleCaller {
  label: string;
  token: string | null;
  /** The active organization (-1: none, e.g. anonymous). */
  orgId: number;
  capabilities: ReadonlySet<string>;
}

export interface OracleFinding extends Finding {
  caller: string;
  operation: string;
  variant: string;
}

/** Session operations: the oracle's callers keep their session and context while it runs. */
const SESSION_MUTATIONS = new Set([
  'login',
  'logout',
  'selectContext',
  'changePassword',
  'acceptEndUserAgreement',
]);

/**
 * Mutations that change every user's environment (capabilities, required trainings, an
 * organization's flags): run only with an unknown id, so the callers after them keep theirs.
 */
const ENVIRONMENT_MUTATIONS = new Set([
  'setWorkgroupCapabilities',
  'setWorkgroupRequiredTrainings',
  'updateWorkgroup',
  'updateOrganization',
]);

const QUERY_VARIANTS: Variant[] = [
  { ids: 'visible', dates: 'valid', optional: 0 },
  { ids: 'invisible', dates: 'valid', optional: 0.7 },
  { ids: 'otherOrg', dates: 'valid', optional: 0.7 },
  { ids: 'unknown', dates: 'valid', optional: 1 },
  { ids: 'visible', dates: 'valid', optional: 1 },
];

const MUTATION_VARIANTS: Variant[] = [
  { ids: 'visible', dates: 'valid', optional: 0.5 },
  // Required fields only: a random code in an optional field must not stop the date checks first.
  { ids: 'visible', dates: 'beforeBirth', optional: 0 },
  { ids: 'invisible', dates: 'valid', optional: 0.5 },
  { ids: 'otherOrg', dates: 'afterExit', optional: 0.5 },
  { ids: 'invisible', dates: 'beforeBirth', optional: 0.5 },
  { ids: 'unknown', dates: 'future', optional: 1 },
  { ids: 'visible', dates: 'afterExit', optional: 1 },
];

export interface OracleOptions {
  full: boolean;
  seed: number;
}

export interface RunStats {
  operations: number;
  values: number;
  records: number;
}

const describeVariant = (v: Variant) => `${v.ids}/${v.dates}`;

export class LeakOracle {
  private snapshot: Snapshot | null = null;
  readonly stats: RunStats = { operations: 0, values: 0, records: 0 };

  constructor(
    private readonly demo: DemoApp,
    private readonly schema: GraphQLSchema,
    private readonly types: OracleRecordType[],
    private readonly pools: () => Promise<Pools>,
    private readonly options: OracleOptions,
  ) {}

  private async world(): Promise<Snapshot> {
    this.snapshot ??= await readSnapshot(this.demo, this.types);
    return this.snapshot;
  }

  /** Runs the sample (or the full set) of operations as `caller`; returns what leaked. */
  async run(caller: OracleCaller, seed: number, withMutations = true): Promise<OracleFinding[]> {
    const findings: OracleFinding[] = [];
    const choose = rng(this.options.seed * 7919 + seed);
    const sample = <T>(items: readonly T[], n: number): T[] =>
      this.options.full ? [...items] : [...items].sort(() => choose() - 0.5).slice(0, n);
    const queryType = this.schema.getQueryType()!;
    for (const field of Object.values(queryType.getFields())) {
      const variants = this.options.full
        ? QUERY_VARIANTS
        : [QUERY_VARIANTS[0], ...sample(QUERY_VARIANTS.slice(1), 1)];
      for (const v of variants) await this.call(caller, 'query', field, v, seed, findings);
    }
    await this.explainEveryType(caller, seed, sample, findings);
    await this.auditOfClients(caller, sample, findings);
    if (!withMutations) return findings;
    for (const field of Object.values(this.schema.getMutationType()!.getFields())) {
      if (SESSION_MUTATIONS.has(field.name)) continue;
      const variants = ENVIRONMENT_MUTATIONS.has(field.name)
        ? [MUTATION_VARIANTS[5]]
        : this.options.full
          ? MUTATION_VARIANTS
          : [MUTATION_VARIANTS[0], MUTATION_VARIANTS[1], ...sample(MUTATION_VARIANTS.slice(2), 1)];
      for (const v of variants) await this.call(caller, 'mutation', field, v, seed, findings);
    }
    return findings;
  }

  /** explainAccess on a visible and an invisible record of each record type (a sample in CI). */
  private async explainEveryType(
    caller: OracleCaller,
    seed: number,
    sample: <T>(items: readonly T[], n: number) => T[],
    findings: OracleFinding[],
  ): Promise<void> {
    const field = this.schema.getQueryType()!.getFields().explainAccess;
    if (!field) return;
    const world = await this.world();
    const f = forbiddenFor(world, caller.orgId, caller.capabilities);
    const tables = ['client', ...this.types.map((t) => t.table)];
    const enumValue = (table: string) => (table === 'enrollment_exit' ? 'EXIT' : table.toUpperCase());
    for (const table of sample(tables, 3)) {
      const rows = table === 'client' ? world.clients : (world.records.get(table) ?? []);
      const seen = f.visible.get(table)!;
      for (const wanted of [true, false]) {
        const row = rows.find((r) => seen.has(Number(r.id)) === wanted);
        if (!row) continue;
        const args = field.args.filter((a) => a.name === 'recordType' || a.name === 'id');
        await this.send(
          caller,
          'query',
          field,
          args,
          { recordType: enumValue(table), id: String(row.id) },
          `explain ${table} ${wanted ? 'visible' : 'invisible'}`,
          findings,
        );
      }
    }
    void seed;
  }

  /**
   * auditEvents as a reviewer would read it: the newest page, and the events of clients other
   * users changed (visible and invisible to the caller), plus a sample of other clients.
   */
  private async auditOfClients(
    caller: OracleCaller,
    sample: <T>(items: readonly T[], n: number) => T[],
    findings: OracleFinding[],
  ): Promise<void> {
    const field = this.schema.getQueryType()!.getFields().auditEvents;
    if (!field) return;
    const world = await this.world();
    const args = field.args.filter((a) => a.name === 'first' || a.name === 'filter');
    await this.send(caller, 'query', field, args, { first: 100 }, 'audit newest 100', findings);
    const touched = await this.demo.sql(
      `SELECT DISTINCT c.client_id AS id FROM audit_event_client c JOIN audit_event e ON e.id = c.audit_event_id WHERE e.action IN ('CREATE', 'UPDATE', 'DELETE')`,
    );
    const ids = [...new Set([...touched.map((r) => Number(r.id))])].sort((a, b) => a - b);
    const others = world.clients.map((c) => Number(c.id)).filter((id) => !ids.includes(id));
    for (const id of [...sample(ids, 6), ...sample(others, 2)])
      await this.send(
        caller,
        'query',
        field,
        args,
        { first: 100, filter: { clientId: String(id) } },
        `audit of client ${id}`,
        findings,
      );
  }

  private async call(
    caller: OracleCaller,
    kind: 'query' | 'mutation',
    field: GraphQLField<unknown, unknown>,
    v: Variant,
    seed: number,
    findings: OracleFinding[],
  ): Promise<void> {
    const world = await this.world();
    const f = forbiddenFor(world, caller.orgId, caller.capabilities);
    const factory = new InputFactory(
      world,
      f,
      await this.pools(),
      this.options.seed + seed * 31 + this.stats.operations,
    );
    const variables = factory.variables(field.name, field.args, v);
    const args = field.args.filter((a) => a.name in variables || isNonNullType(a.type));
    await this.send(caller, kind, field, args, variables, describeVariant(v), findings);
  }

  private async send(
    caller: OracleCaller,
    kind: 'query' | 'mutation',
    field: GraphQLField<unknown, unknown>,
    args: readonly GraphQLArgument[],
    variables: Record<string, unknown>,
    variant: string,
    findings: OracleFinding[],
  ): Promise<void> {
    const query = operationDocument(kind, field, args);
    const requestId = `oracle-${randomUUID()}`;
    const res = await fetch(`${this.demo.app.server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.text();
    this.stats.operations++;
    if (process.env.LEAK_ORACLE_DEBUG === field.name)
      console.log(
        `${caller.label} ${variant}\n${query}\n${JSON.stringify(variables)}\n${body.slice(0, 3000)}`,
      );
    let parsed: { data?: unknown; errors?: unknown[] } = {};
    try {
      parsed = JSON.parse(body);
    } catch {
      /* a non-JSON answer is scanned as text */
    }
    const sent = JSON.stringify(variables);
    const judge = async () => {
      const world = await this.world();
      const f = forbiddenFor(world, caller.orgId, caller.capabilities);
      this.stats.values += f.texts.length;
      return new Scanner(this.types, world).scan(body, f, sent);
    };
    let found = await judge();
    // A mutation that did something changes what is visible. Its answer may show what the caller
    // could see before or can see after (an edit that restricts a client returns it once more).
    if (kind === 'mutation' && parsed.data && !parsed.errors) {
      this.snapshot = null;
      const after = new Set((await judge()).map((x) => `${x.kind} ${x.detail}`));
      found = found.filter((x) => after.has(`${x.kind} ${x.detail}`));
    }
    found.push(...(await this.auditCompleteness(parsed.data, requestId)));
    for (const x of found) findings.push({ ...x, caller: caller.label, operation: field.name, variant });
  }

  /** §6: every client a response returned is in the request's read-audit event, with its sensitive fields. */
  private async auditCompleteness(data: unknown, requestId: string): Promise<Finding[]> {
    const clients = new Map<number, Set<string>>();
    const walk = (n: unknown) => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if (o.__typename === 'Client' && o.id != null) {
        const fields = clients.get(Number(o.id)) ?? new Set<string>();
        for (const k of ['ssn', 'dob']) if (o[k] !== null && o[k] !== undefined) fields.add(`Client.${k}`);
        clients.set(Number(o.id), fields);
      }
      Object.values(o).forEach(walk);
    };
    walk(data);
    this.stats.records += clients.size;
    if (!clients.size) return [];
    const rows = await this.demo.sql(
      `SELECT client_ids, fields FROM audit_event WHERE request_id = ? AND action = 'READ'`,
      [requestId],
    );
    const list = (v: unknown): string[] =>
      v === null || v === undefined
        ? []
        : Array.isArray(v)
          ? v.map(String)
          : String(v).startsWith('[')
            ? (JSON.parse(String(v)) as unknown[]).map(String)
            : String(v).split(',');
    const logged = new Set(rows.flatMap((r) => list(r.client_ids)));
    const loggedFields = new Set(rows.flatMap((r) => list(r.fields)));
    const out: Finding[] = [];
    for (const [id, fields] of clients) {
      if (!logged.has(String(id)))
        out.push({
          kind: 'read-audit',
          detail: `client ${id} returned but missing from the read audit (§6)`,
        });
      for (const field of fields)
        if (!loggedFields.has(field))
          out.push({ kind: 'read-audit', detail: `${field} returned but missing from the read audit (§6)` });
    }
    return out;
  }
}
