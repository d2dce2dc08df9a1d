import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** Column types both drivers return unchanged (no transformer): copied without a call. */
const AS_IS = new Set(['varchar', 'char', 'text', 'int', 'integer', 'smallint', 'bigint']);

type Hydrator = (row: Record<string, unknown>) => unknown;

/** Per data source, entity and column prefix, the compiled hydrator. */
const hydrators = new WeakMap<DataSource, Map<EntityMetadata, Map<string, Hydrator>>>();

/**
 * Compiles a row-to-entity function for one entity and prefix: straight-line code with one
 * property read per column, the way mysql2 compiles its row parsers. A generic loop over the
 * columns reads rows of every shape at the same sites, which V8 cannot keep fast (measured: 19 of
 * about 135 ms of server CPU for a 500-client page, 8 ms compiled). The code is generated from entity
 * metadata only, never from data.
 */
function compile(ds: DataSource, meta: EntityMetadata, prefix: string): Hydrator {
  const lines = meta.columns.map((column, i) => {
    const key = JSON.stringify(prefix + column.databaseName);
    const asIs = !column.transformer && typeof column.type === 'string' && AS_IS.has(column.type);
    const value = asIs ? `row[${key}]` : `prepare(row[${key}], columns[${i}])`;
    const assign = column.embeddedMetadata
      ? `columns[${i}].setEntityValue(e, ${value});`
      : `e[${JSON.stringify(column.propertyName)}] = ${value};`;
    return `  if (${key} in row) ${assign}`;
  });
  const factory = new Function(
    'create',
    'prepare',
    'columns',
    `return function hydrate${meta.name.replace(/\W/g, '')}(row) {\n  const e = create();\n${lines.join('\n')}\n  return e;\n};`,
  ) as (
    create: () => unknown,
    prepare: (value: unknown, column: ColumnMetadata) => unknown,
    columns: ColumnMetadata[],
  ) => Hydrator;
  return factory(
    () => meta.create(),
    (value, column) => ds.driver.prepareHydratedValue(value, column),
    meta.columns,
  );
}

function hydratorOf(ds: DataSource, meta: EntityMetadata, prefix: string): Hydrator {
  let byMeta = hydrators.get(ds);
  if (!byMeta) hydrators.set(ds, (byMeta = new Map()));
  let byPrefix = byMeta.get(meta);
  if (!byPrefix) byMeta.set(meta, (byPrefix = new Map()));
  let hydrator = byPrefix.get(prefix);
  if (!hydrator) byPrefix.set(prefix, (hydrator = compile(ds, meta, prefix)));
  return hydrator;
}

/**
 * Turns a raw row (snake_case columns, engine-specific types) into an entity, using the
 * driver's own conversions, so hand-written SQL (window functions, visibility predicates)
 * returns the same objects as TypeORM's query builder. `prefix` reads columns aliased
 * `<prefix><column>` (a joined table's columns in the same row); columns missing from the row
 * are left out.
 */
export function hydrate<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix = '',
): T {
  return hydratorOf(ds, ds.getMetadata(target), prefix)(row) as T;
}

export function hydrateAll<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  rows: Record<string, unknown>[],
  prefix = '',
): T[] {
  const hydrator = hydratorOf(ds, ds.getMetadata(target), prefix);
  return rows.map((row) => hydrator(row) as T);
}

/** The table name of an entity, for hand-written SQL. */
export function tableOf(ds: DataSource, target: EntityTarget<ObjectLiteral>): string {
  return ds.getMetadata(target).tableName;
}
