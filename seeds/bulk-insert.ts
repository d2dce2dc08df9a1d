/**
 * Fast multi-row INSERTs for the synthetic seed: rows are sent in batches of `batchRows` through
 * one connection, one transaction per `commitEvery` rows.
 */
import type { DataSource, QueryRunner } from 'typeorm';

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER (3.32+). */
const SQLITE_MAX_VARIABLES = 32766;

/** One row: column name (snake_case) -> value. Booleans go in as 0/1, datetimes as SQL text. */
export type Row = Record<string, unknown>;

export interface BulkInsertOptions {
  /** Rows per INSERT statement (capped by SQLite's variable limit). */
  batchRows?: number;
  /** Rows per transaction. */
  commitEvery?: number;
}

export class BulkWriter {
  private constructor(
    private readonly qr: QueryRunner,
    private readonly kind: 'mysql' | 'sqlite',
    private readonly options: Required<BulkInsertOptions>,
  ) {}

  /**
   * One connection for the whole load. On MySQL the session skips unique and foreign key checks
   * (the generator assigns every id itself and references only rows it has written).
   */
  static async open(ds: DataSource, options: BulkInsertOptions = {}): Promise<BulkWriter> {
    const kind = ds.options.type === 'mysql' || ds.options.type === 'mariadb' ? 'mysql' : 'sqlite';
    const qr = ds.createQueryRunner('master');
    await qr.connect();
    if (kind === 'mysql') await qr.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
    return new BulkWriter(qr, kind, {
      batchRows: options.batchRows ?? 5000,
      commitEvery: options.commitEvery ?? 200_000,
    });
  }

  async close(): Promise<void> {
    if (this.kind === 'mysql') await this.qr.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
    await this.qr.release();
  }

  /** Current MAX(id) of a table (0 when empty): generated ids start after it. */
  async maxId(table: string, column = 'id'): Promise<number> {
    const [row] = await this.qr.query(`SELECT COALESCE(MAX(${column}), 0) AS n FROM ${table}`);
    return Number(row.n);
  }

  query<T>(sql: string, params?: unknown[]): Promise<T> {
    return this.qr.query(sql, params);
  }

  /**
   * Inserts every row `rows` yields; the first row's keys name the columns (snake_case) and
   * every row has the same keys. While MySQL executes one batch the next one is built, so
   * generation and the server's work overlap. Returns the number of rows written.
   */
  async insert(table: string, rows: Iterable<Row>): Promise<number> {
    const iterator = rows[Symbol.iterator]();
    let next = iterator.next();
    if (next.done) return 0;
    const columns = Object.keys(next.value);
    const batchRows = Math.max(
      1,
      this.kind === 'sqlite'
        ? Math.min(this.options.batchRows, Math.floor(SQLITE_MAX_VARIABLES / columns.length))
        : this.options.batchRows,
    );
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const fullSql = head + Array(batchRows).fill(tuple).join(', ');
    let total = 0;
    let sinceCommit = 0;
    let pending: Promise<unknown> | null = null;
    let params: unknown[] = [];
    let count = 0;
    const flush = async () => {
      if (!count) return;
      const sql = count === batchRows ? fullSql : head + Array(count).fill(tuple).join(', ');
      if (pending) await pending;
      if (!this.qr.isTransactionActive) await this.qr.startTransaction();
      pending = this.qr.query(sql, params);
      total += count;
      sinceCommit += count;
      params = [];
      count = 0;
      if (sinceCommit >= this.options.commitEvery) {
        await pending;
        pending = null;
        await this.qr.commitTransaction();
        sinceCommit = 0;
      }
    };
    try {
      for (; !next.done; next = iterator.next()) {
        const row = next.value;
        for (const column of columns) params.push(row[column]);
        if (++count === batchRows) await flush();
      }
      await flush();
      if (pending) await pending;
      if (this.qr.isTransactionActive) await this.qr.commitTransaction();
    } catch (err) {
      await Promise.resolve(pending).catch(() => undefined);
      if (this.qr.isTransactionActive) await this.qr.rollbackTransaction();
      throw err;
    }
    return total;
  }
}
