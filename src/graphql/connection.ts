/**
 * Relay-style connections with keyset cursors. A cursor is the sort key of the last row seen,
 * so a page costs an index range scan however deep the caller pages, and rows inserted
 * meanwhile never shift a page.
 */
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage: boolean;

  @Field({ description: 'Always false: pages are read forward with `after`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge: pass it as `after` for the next page.',
  })
  endCursor: string | null;
}

/** `first` / `after` of every connection field; extend it for list-specific filters. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 500 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionValue<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Read lazily: the count query runs only when a caller asks for totalCount. */
  readonly totalCount: number | Promise<number>;
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, nodeName: string, what: string) {
  @ObjectType(`${nodeName}Edge`, {
    simpleResolvers: true,
    description: `One ${what} in a page, with its cursor.`,
  })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor: string;

    @Field(() => node, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${nodeName}Connection`, {
    simpleResolvers: true,
    description: `A page of ${what}s the caller may see.`,
  })
  class Connection {
    @Field(() => [EdgeType], { description: 'The rows of this page.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: `How many ${what}s the caller may see in all (every page, this filter).`,
    })
    totalCount: number;
  }
  return Connection;
}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 20;

/** Validates `first` (1..500). */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw badInput(field, `must be between 1 and ${MAX_PAGE}`);
  return first;
}

export type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with the given shape, or answers BAD_USER_INPUT. */
export function decodeCursor(
  cursor: string | null | undefined,
  shape: ('string' | 'number')[],
  field = 'after',
): CursorValue[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    if (cursor.length > 200) throw new Error('too long');
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) =>
        shape[i] === 'number' ? Number.isSafeInteger(v) : typeof v === 'string' && v.length <= 64,
      )
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw badInput(field, 'is not a cursor from this list');
}

class LazyEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => CursorValue[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.node));
  }
}

/** Builds a connection from up to `first + 1` rows (the extra one tells whether a next page exists). */
export function toConnection<T>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => CursorValue[],
  count: () => Promise<number>,
): ConnectionValue<T> {
  const page = rows.length > first ? rows.slice(0, first) : rows;
  // Cursors are encoded only when a caller asks for one (nested pages rarely do). An edge is a
  // class instance with the getter on its prototype: no closure per row (a 500-client page has
  // about 12,000 service edges).
  const edges = page.map((node) => new LazyEdge(node, cursorOf));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: false,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    get totalCount() {
      counted ??= count();
      return counted;
    },
  };
}

/** Parses a GraphQL ID argument as a Waypoint integer id; anything else matches no record. */
export function parseId(id: string | number): number | null {
  const text = String(id);
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= 2147483647 ? n : null;
}
