/**
 * Operation documents generated from the introspected schema, so a new root field or type is
 * covered without touching the oracle: every scalar field down to a bounded depth (connections'
 * edges and nodes do not count), `__typename` on every object for the structural checks, and the
 * document kept within the server's depth and token limits.
 */
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';

const TOKEN_BUDGET = 1800;
const DEPTH_BUDGET = 9;

const free = (t: GraphQLObjectType) => /(Connection|Edge)$/.test(t.name);

function selection(type: GraphQLObjectType, depth: number): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named)) {
      const next = free(named) ? depth : depth - 1;
      if (next >= 0) parts.push(`${field.name} ${selection(named, next)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

function tokens(doc: string): number {
  return doc.match(/[A-Za-z_][A-Za-z0-9_]*|[{}():$!,[\]]/g)?.length ?? 0;
}

function nesting(doc: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of doc) {
    if (ch === '{') max = Math.max(max, ++depth);
    else if (ch === '}') depth--;
  }
  return max;
}

/**
 * `kind { field(args) { ...every scalar... } }` with the given root arguments as variables, at
 * the deepest selection (at most `maxDepth` object levels) within the server's limits.
 */
export function operationDocument(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  args: readonly GraphQLArgument[],
  maxDepth = 3,
): string {
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  for (let depth = maxDepth; depth >= 0; depth--) {
    const sel = isObjectType(named) ? ` ${selection(named, depth)}` : '';
    const doc = `${kind} Oracle${decl} { ${field.name}${call}${sel} }`;
    if (tokens(doc) <= TOKEN_BUDGET && nesting(doc) <= DEPTH_BUDGET) return doc;
  }
  return `${kind} Oracle${decl} { ${field.name}${call}${isObjectType(named) ? ' { __typename }' : ''} }`;
}
