/**
 * Fixtures for the replica specs: a read-only "replica" of a test database (a second connection
 * pool that cannot write), and documents for every root query built from the schema.
 */
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { DataSource, type Logger } from 'typeorm';
import { createDataSource, dataSourceOptions } from '../../src/database/data-source';
import type { TestDatabase } from '../support/database';
import { sampleLiteral } from '../access/operations';

/** The raw mysql2 pool and connection calls used to make every connection read-only. */
interface RawConnection {
  query(sql: string, cb: (err: unknown) => void): void;
}
interface RawPool {
  on(event: 'connection', listener: (c: RawConnection) => void): void;
  _allConnections: { toArray(): RawConnection[] };
}

const readOnly = (c: RawConnection) =>
  new Promise<void>((resolve, reject) =>
    c.query('SET SESSION TRANSACTION READ ONLY', (err) => (err ? reject(err) : resolve())),
  );

/**
 * A second pool on the same database that can only read: on MariaDB every connection runs
 * `SET SESSION TRANSACTION READ ONLY` (an INSERT then fails with error 1792), on SQLite the file
 * is opened read-only. `logger` sees every statement sent through it.
 */
export async function readOnlyReplica(db: TestDatabase, logger: Logger): Promise<DataSource> {
  if (db.kind === 'sqlite') {
    const options = dataSourceOptions(db.config, { logger });
    return new DataSource({
      type: 'better-sqlite3',
      database: (options as { database: string }).database,
      readonly: true,
      entities: options.entities,
      namingStrategy: options.namingStrategy,
      logger,
    }).initialize();
  }
  const ds = await createDataSource(db.config, { logger, poolSize: 3 }).initialize();
  const pool = (ds.driver as unknown as { pool: RawPool }).pool;
  pool.on('connection', (c) => void readOnly(c).catch(() => undefined));
  await Promise.all(pool._allConnections.toArray().map(readOnly));
  return ds;
}

/** Counts the statements a data source runs, and keeps the ones that are not reads. */
export class StatementLog implements Logger {
  count = 0;
  readonly writes: string[] = [];
  logQuery(query: string): void {
    this.count++;
    if (!/^\s*(SELECT|SHOW|WITH|\(SELECT|SET SESSION TRANSACTION READ ONLY)/i.test(query))
      this.writes.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const MAX_DEPTH = 3;

function selection(type: ReturnType<typeof getNamedType>, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type) || !isObjectType(type) || depth >= MAX_DEPTH)
    return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    const args = fieldArgs(field);
    if (isLeafType(named) || isEnumType(named)) parts.push(`${field.name}${args}`);
    else if (depth + 1 < MAX_DEPTH) parts.push(`${field.name}${args} ${selection(named, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function fieldArgs(field: GraphQLField<unknown, unknown>, id?: string): string {
  const args = field.args
    .filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || a.name === 'first')
    .map((a) => {
      if (a.name === 'first') return `first: 5`;
      if (id && getNamedType(a.type).name === 'ID') return `${a.name}: ${JSON.stringify(id)}`;
      return `${a.name}: ${sampleLiteral(a.type)}`;
    });
  return args.length ? `(${args.join(', ')})` : '';
}

/**
 * Every root Query field with every field below it to depth 3 (lists, connections, nested
 * records), once per given id for fields that take an ID.
 */
export function everyQuery(schema: GraphQLSchema, ids: string[]): string[] {
  const out: string[] = [];
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const takesId = field.args.some((a) => getNamedType(a.type).name === 'ID');
    for (const id of takesId ? ids : [undefined])
      out.push(`query { ${field.name}${fieldArgs(field, id)} ${selection(getNamedType(field.type), 0)} }`);
  }
  return out;
}
