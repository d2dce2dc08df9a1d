/**
 * The columns a list needs for the fields a query asks for (issue 18): a page of 500 clients
 * with their enrollments and latest services is about 6,000 rows, and reading every column of
 * each (created_at, updated_at, every HUD element) costs parsing, hydration and garbage on the
 * server for values no one asked for. A list reads:
 *
 * - the entity's primary key and its ownership keys (`organization_id`, `client_id`,
 *   `enrollment_id`): what grouping, loaders, the field guard and the read audit need;
 * - the column of each selected field whose name is an entity property;
 * - the columns a field resolver declares with `@Extensions({ columns: [...] })` next to it
 *   (e.g. `Client.age` reads `dob`);
 * - every column (`null`) as soon as one selected field is neither: a field resolver that
 *   declares nothing may read anything. A field resolver that shares its name with a column
 *   but reads other columns must declare them too.
 *
 * Visibility stays in the SQL and guarded fields are still decided by the field guard: which
 * columns are read never decides what a caller may see. An entity read this way is partial, so
 * it must never be primed into a loader that answers other selections (`Loaders.client`).
 */
import {
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** Columns every partial read includes: keys the server itself reads. */
const KEY_COLUMNS = new Set(['organization_id', 'client_id', 'enrollment_id']);

/** The field extension naming the columns a field resolver reads. */
export interface ColumnsExtension {
  columns: string[];
}

/** The fields of `set` (through fragments and inline fragments) named `name`, or all of them. */
function collect(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  into: FieldNode[],
  seen = new Set<string>(),
): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(info, selection.selectionSet, into, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info, info.fragments[selection.name.value]?.selectionSet, into, seen);
    }
  }
  return into;
}

function compute(
  info: GraphQLResolveInfo,
  columns: { databaseName: string; propertyName: string; isPrimary: boolean; embedded: boolean }[],
  path: string[],
  also: string[],
): string[] | null {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let type: GraphQLNamedType = getNamedType(info.returnType);
  for (const step of path) {
    if (!isObjectType(type)) return null;
    const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[step];
    if (!field) return null;
    nodes = nodes.flatMap((n) => collect(info, n.selectionSet, []).filter((f) => f.name.value === step));
    type = getNamedType(field.type) as GraphQLNamedType;
  }
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const byProperty = new Map(columns.filter((c) => !c.embedded).map((c) => [c.propertyName, c.databaseName]));
  const wanted = new Set(
    columns.filter((c) => c.isPrimary || KEY_COLUMNS.has(c.databaseName)).map((c) => c.databaseName),
  );
  for (const c of also) wanted.add(c);
  for (const node of nodes.flatMap((n) => collect(info, n.selectionSet, []))) {
    const name = node.name.value;
    if (name === '__typename') continue;
    const declared = (fields[name]?.extensions as Partial<ColumnsExtension> | undefined)?.columns;
    const column = byProperty.get(name);
    if (declared) for (const c of declared) wanted.add(c);
    else if (column) wanted.add(column);
    else return null;
  }
  // In the entity's column order, so one selection always gives the same statement text.
  return columns.map((c) => c.databaseName).filter((c) => wanted.has(c));
}

/** The columns to read for one list field of a request (see `columnsOf`); null for every column. */
export type ColumnReader = (ds: DataSource, info: GraphQLResolveInfo | undefined) => string[] | null;

/**
 * A reader of the columns of `target` to read for the objects at `path` below the resolving field
 * (e.g. `['edges', 'node']` for a connection, `[]` for a list). `also`: columns the caller reads
 * itself (a connection's cursor key). Made once per resolver: a list field is resolved once per
 * parent row (1,250 service pages for 500 clients), so each call is one lookup by field node (the
 * same operation text reuses its parsed nodes) and answers the same array for the same node.
 */
export function columnsOf<T extends ObjectLiteral>(
  target: EntityTarget<T>,
  path: string[] = [],
  also: string[] = [],
): ColumnReader {
  const cache = new WeakMap<FieldNode, string[] | null>();
  return (ds, info) => {
    if (!info) return null;
    let columns = cache.get(info.fieldNodes[0]);
    if (columns === undefined) {
      columns = compute(
        info,
        ds.getMetadata(target).columns.map((c) => ({
          databaseName: c.databaseName,
          propertyName: c.propertyName,
          isPrimary: c.isPrimary,
          embedded: Boolean(c.embeddedMetadata),
        })),
        path,
        also,
      );
      cache.set(info.fieldNodes[0], columns);
    }
    return columns;
  };
}

const keys = new WeakMap<string[], string>();

/** A loader key for a column list (computed once per list). */
export function columnsKey(columns: string[] | null | undefined): string {
  if (!columns) return '*';
  let key = keys.get(columns);
  if (key === undefined) keys.set(columns, (key = columns.join(',')));
  return key;
}

/** `alias.col1, alias.col2, ...` for a column list, `alias.*` for every column. */
export function columnList(alias: string, columns: string[] | null): string {
  return columns ? columns.map((c) => `${alias}.${c}`).join(', ') : `${alias}.*`;
}
