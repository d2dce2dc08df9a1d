import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** Per entity and column prefix, the columns to copy, computed once. */
const plans = new WeakMap<
  EntityMetadata,
  Map<string, Array<{ key: string; column: ColumnMetadata; direct: boolean }>>
>();

function planOf(meta: EntityMetadata, prefix: string) {
  let byPrefix = plans.get(meta);
  if (!byPrefix) plans.set(meta, (byPrefix = new Map()));
  let plan = byPrefix.get(prefix);
  if (!plan) {
    plan = meta.columns.map((column) => ({
      key: prefix + column.databaseName,
      column,
      direct: !column.embeddedMetadata,
    }));
    byPrefix.set(prefix, plan);
  }
  return plan;
}

/**
 * Turns a raw row (snake_case columns, engine-specific types) into an entity, using the
 * driver's own conversions, so hand-written SQL (window functions, visibility predicates)
 * returns the same objects as TypeORM's query builder. `prefix` reads columns aliased
 * `<prefix><column>` (a joined table's columns in the same row).
 */
export function hydrate<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix = '',
): T {
  return hydrateWith(ds, ds.getMetadata(target), planOf(ds.getMetadata(target), prefix), row);
}

function hydrateWith<T>(
  ds: DataSource,
  meta: EntityMetadata,
  plan: ReturnType<typeof planOf>,
  row: Record<string, unknown>,
): T {
  const entity = meta.create() as Record<string, unknown>;
  for (const { key, column, direct } of plan) {
    if (!(key in row)) continue;
    const value = ds.driver.prepareHydratedValue(row[key], column);
    if (direct) entity[column.propertyName] = value;
    else column.setEntityValue(entity, value);
  }
  return entity as T;
}

export function hydrateAll<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  rows: Record<string, unknown>[],
  prefix = '',
): T[] {
  const meta = ds.getMetadata(target);
  const plan = planOf(meta, prefix);
  return rows.map((row) => hydrateWith<T>(ds, meta, plan, row));
}

/** The table name of an entity, for hand-written SQL. */
export function tableOf(ds: DataSource, target: EntityTarget<ObjectLiteral>): string {
  return ds.getMetadata(target).tableName;
}
