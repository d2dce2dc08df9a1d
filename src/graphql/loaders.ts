/**
 * Per-request DataLoaders behind one typed factory, created with the request context and never
 * shared between requests or users. Every loader that returns client-level rows applies the
 * visibility predicates in its SQL, so a batch never fetches what the caller may not see.
 */
import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AccessContext } from '../access/access-context';
import { clientVisibility, transactionVisibility } from '../access/visibility';
import { hydrateAll, tableOf } from '../database/hydrate';
import { Client } from '../modules/client/client.entity';
import { Enrollment } from '../modules/enrollment/enrollment.entity';
import { Exit } from '../modules/enrollment/exit.entity';
import { Organization } from '../modules/organization/organization.entity';
import { Program } from '../modules/program/program.entity';
import { Service } from '../modules/transaction/service.entity';
import { type CursorValue } from './connection';
import { columnList, columnsKey } from './selection';

const idList = (ids: readonly number[]) => ids.map((id) => String(Math.trunc(Number(id)))).join(', ');

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export interface ServicePageKey {
  enrollmentId: number;
  /** Rows to fetch: the page size plus one. */
  limit: number;
  after: CursorValue[] | null;
  /** The service columns to read (`columnsOf`); null or absent: all. */
  columns?: string[] | null;
}

export type ChildEntity = ObjectLiteral & { enrollmentId: number; id: number };

export class Loaders {
  private readonly children = new Map<unknown, DataLoader<number, ChildEntity[]>>();

  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessContext | null,
    /** Where client reads are recorded for the audit log (access model §6). */
    private readonly reads?: { client(id: number): void },
  ) {}

  private get scope() {
    if (!this.access?.ready) throw new Error('loaders need a ready access context');
    return this.access.scope;
  }

  /** Setup rows by id (not client-level: reachable only through a visible parent or a scoped list). */
  readonly organization = new DataLoader<number, Organization | null>(async (ids) => {
    const rows = await this.ds
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where(`o.id IN (${idList(ids)})`)
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  readonly program = new DataLoader<number, Program | null>(async (ids) => {
    const rows = await this.ds
      .getRepository(Program)
      .createQueryBuilder('p')
      .where(`p.id IN (${idList(ids)})`)
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** Programs read with enrollments (primed above): answered without a promise per row. */
  private readonly programsRead = new Map<number, Program>();

  /**
   * The program of an enrollment: synchronously when it was read with the enrollments (the
   * usual case: a page of N clients has about 2.5 N enrollments, each otherwise a promise and a
   * loader call), else through the program loader.
   */
  programOf(id: number): Program | Promise<Program | null> {
    return this.programsRead.get(id) ?? this.program.load(id);
  }

  /** Visible clients by id. */
  readonly client = new DataLoader<number, Client | null>(async (ids) => {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.* FROM client c WHERE c.id IN (${idList(ids)}) AND ${clientVisibility('c', this.scope)}`,
    );
    const clients = hydrateAll(this.ds, Client, rows);
    for (const c of clients) this.reads?.client(c.id);
    const byId = new Map(clients.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  private readonly enrollmentLoaders = new Map<string, DataLoader<number, Enrollment[]>>();

  /**
   * Visible enrollments of each client, newest first, with their programs primed. `columns`:
   * the enrollment columns to read (`columnsOf`), null for all; one loader per list.
   */
  enrollmentsByClient(columns: string[] | null = null): DataLoader<number, Enrollment[]> {
    const key = columnsKey(columns);
    let loader = this.enrollmentLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, Enrollment[]>((clientIds) => this.enrollmentRows(clientIds, columns));
      this.enrollmentLoaders.set(key, loader);
    }
    return loader;
  }

  private async enrollmentRows(
    clientIds: readonly number[],
    columns: string[] | null,
  ): Promise<Enrollment[][]> {
    const programColumns = this.ds
      .getMetadata(Program)
      .columns.map((c) => `p.${c.databaseName} AS p__${c.databaseName}`)
      .join(', ');
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${columnList('e', columns)}, ${programColumns} FROM enrollment e JOIN program p ON p.id = e.program_id
        WHERE e.client_id IN (${idList(clientIds)}) AND ${transactionVisibility('e', this.scope)}
        ORDER BY e.entry_date DESC, e.id DESC`,
    );
    const enrollments = hydrateAll(this.ds, Enrollment, rows);
    // The program's columns are read in place (prefix p__), once per program, always all of them:
    // the program loader answers every selection.
    const seen = new Set<unknown>();
    const programRows = rows.filter((r) => !seen.has(r.p__id) && seen.add(r.p__id));
    for (const program of hydrateAll(this.ds, Program, programRows, 'p__')) {
      this.program.prime(program.id, program);
      if (!this.programsRead.has(program.id)) this.programsRead.set(program.id, program);
    }
    const byClient = groupBy(enrollments, (e) => e.clientId);
    return clientIds.map((id) => byClient.get(id) ?? []);
  }

  /** Visible enrollments by id. */
  readonly enrollment = new DataLoader<number, Enrollment | null>(async (ids) => {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT e.* FROM enrollment e WHERE e.id IN (${idList(ids)}) AND ${transactionVisibility('e', this.scope)}`,
    );
    const byId = new Map(hydrateAll(this.ds, Enrollment, rows).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** The visible exit of each enrollment. */
  readonly exitByEnrollment = new DataLoader<number, Exit | null>(async (enrollmentIds) => {
    const byEnrollment = groupBy(await this.childRows(Exit, enrollmentIds), (x) => x.enrollmentId);
    return enrollmentIds.map((id) => (byEnrollment.get(id)?.[0] as Exit | undefined) ?? null);
  });

  /**
   * One page of visible services per enrollment, newest first. Keys with the same page size and
   * cursor share one statement: a window function numbers each enrollment's rows.
   */
  readonly servicePage = new DataLoader<ServicePageKey, Service[], string>(
    async (keys) => {
      const results = new Map<string, Service[]>();
      const batches = new Map<string, ServicePageKey[]>();
      for (const k of keys) {
        const shape = `${k.limit}|${k.after ? JSON.stringify(k.after) : ''}|${columnsKey(k.columns)}`;
        const batch = batches.get(shape);
        if (batch) batch.push(k);
        else batches.set(shape, [k]);
      }
      for (const batch of batches.values()) {
        const { limit, after, columns } = batch[0];
        const params: unknown[] = [];
        let keyset = '';
        if (after) {
          keyset = ' AND (s.date_provided < ? OR (s.date_provided = ? AND s.id < ?))';
          params.push(after[0], after[0], after[1]);
        }
        const rows: Record<string, unknown>[] = await this.ds.query(
          `SELECT x.* FROM (
             SELECT ${columnList('s', columns ?? null)}, ROW_NUMBER() OVER (PARTITION BY s.enrollment_id ORDER BY s.date_provided DESC, s.id DESC) AS rn
               FROM service s
              WHERE s.enrollment_id IN (${idList(batch.map((k) => k.enrollmentId))}) AND ${transactionVisibility('s', this.scope)}${keyset}
           ) x WHERE x.rn <= ${Math.trunc(limit)} ORDER BY x.enrollment_id, x.rn`,
          params,
        );
        const byEnrollment = groupBy(hydrateAll(this.ds, Service, rows), (s) => s.enrollmentId);
        for (const k of batch) results.set(servicePageKey(k), byEnrollment.get(k.enrollmentId) ?? []);
      }
      return keys.map((k) => results.get(servicePageKey(k)) ?? []);
    },
    { cacheKeyFn: servicePageKey },
  );

  /** Number of visible services per enrollment. */
  readonly serviceCount = new DataLoader<number, number>(async (enrollmentIds) => {
    const rows: { enrollment_id: number; n: number }[] = await this.ds.query(
      `SELECT s.enrollment_id, COUNT(*) AS n FROM service s
        WHERE s.enrollment_id IN (${idList(enrollmentIds)}) AND ${transactionVisibility('s', this.scope)}
        GROUP BY s.enrollment_id`,
    );
    const byId = new Map(rows.map((r) => [Number(r.enrollment_id), Number(r.n)]));
    return enrollmentIds.map((id) => byId.get(id) ?? 0);
  });

  /** Visible child transactions (current living situations, assessments, ...) of each enrollment. */
  childrenOf<T extends ChildEntity>(target: EntityTarget<T>): DataLoader<number, T[]> {
    let loader = this.children.get(target);
    if (!loader) {
      loader = new DataLoader<number, ChildEntity[]>(async (enrollmentIds) => {
        const byEnrollment = groupBy(await this.childRows(target, enrollmentIds), (x) => x.enrollmentId);
        return enrollmentIds.map((id) => byEnrollment.get(id) ?? []);
      });
      this.children.set(target, loader);
    }
    return loader as unknown as DataLoader<number, T[]>;
  }

  /** Visible transactions of one type by id (lookups by id answer as for missing ids when not visible). */
  async transactionsById<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    ids: readonly number[],
  ): Promise<T[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT t.* FROM ${tableOf(this.ds, target)} t WHERE t.id IN (${idList(ids)}) AND ${transactionVisibility('t', this.scope)}`,
    );
    return hydrateAll(this.ds, target, rows);
  }

  private async childRows<T extends ChildEntity>(
    target: EntityTarget<T>,
    enrollmentIds: readonly number[],
  ): Promise<T[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT t.* FROM ${tableOf(this.ds, target)} t
        WHERE t.enrollment_id IN (${idList(enrollmentIds)}) AND ${transactionVisibility('t', this.scope)}
        ORDER BY t.id`,
    );
    return hydrateAll(this.ds, target, rows);
  }
}

function servicePageKey(k: ServicePageKey): string {
  return `${k.enrollmentId}|${k.limit}|${JSON.stringify(k.after)}|${columnsKey(k.columns)}`;
}
