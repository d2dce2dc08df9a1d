import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns a raw row (snake_case columns, engine-specific types) into an entity, using the
 * driver's own conversions, so hand-written SQL (window functions, visibility predicates)
 * returns the same objects as TypeORM's query builder.
 */
export function hydrate<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const meta = ds.getMetadata(target);
  const entity = meta.create() as T;
  for (const column of meta.columns) {
    if (!(column.databaseName in row)) continue;
    column.setEntityValue(entity, ds.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

export function hydrateAll<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  rows: Record<string, unknown>[],
): T[] {
  return rows.map((row) => hydrate(ds, target, row));
}

/** The table name of an entity, for hand-written SQL. */
export function tableOf(ds: DataSource, target: EntityTarget<ObjectLiteral>): string {
  return ds.getMetadata(target).tableName;
}
