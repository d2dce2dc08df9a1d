import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that records every statement the data source sends (TypeORM calls logQuery
 * for each one, whatever the logging option), while recording is on. Attach it with
 * `createDataSource(config, { logger })`.
 */
export class StatementLog implements Logger {
  private recording = false;
  private statements: string[] = [];

  start(): void {
    this.statements = [];
    this.recording = true;
  }

  /** Stops recording and returns the statements, whitespace collapsed. */
  stop(): string[] {
    this.recording = false;
    return this.statements;
  }

  logQuery(query: string): void {
    if (this.recording) this.statements.push(query.replace(/\s+/g, ' ').trim());
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** A statement shortened for a report: its verb and tables, e.g. `SELECT ... FROM client c WHERE ...`. */
export function describeStatement(sql: string, width = 110): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > width ? `${oneLine.slice(0, width - 3)}...` : oneLine;
}
