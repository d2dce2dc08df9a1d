/**
 * Hostile inputs for test/hardening/fuzz.test.ts, and a generator that reaches every String
 * and ID position (argument or input field, at any depth) of every root field of the schema,
 * filling the other required positions with plausible values.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** SQL injection (both engines), LIKE wildcards, blind-timing probes, encodings and oddities. */
export const INJECTIONS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE client; --",
  '1; DELETE FROM session; --',
  '" OR ""="',
  "') OR ('a'='a",
  "admin'--",
  "' UNION SELECT username, password_hash FROM app_user --",
  "' AND SLEEP(3) --",
  "1' AND (SELECT 1 FROM (SELECT SLEEP(3))x) --",
  "' || (SELECT sqlite_version()) || '",
  "%' OR '%'='",
  '%',
  '_',
  '!%',
  '\\',
  "\\'",
  '`id`',
  '1 OR 1=1',
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  'NaN',
  '\u0000',
  '\u202e\u0000\uffff',
  '😀🔥',
  '${jndi:ldap://127.0.0.1/x}',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  '__proto__',
  '   ',
  '',
];

/** Cursors that were never issued by a list. */
export const BAD_CURSORS = [
  'x',
  '!!!',
  Buffer.from('[1,2]').toString('base64url'),
  Buffer.from('["1 OR 1=1"]').toString('base64url'),
  Buffer.from('[1e400]').toString('base64url'),
  Buffer.from('{"__proto__":{"x":1}}').toString('base64url'),
  Buffer.from('[-1]').toString('base64url'),
  Buffer.from('["\' OR 1=1 --"]').toString('base64url'),
  'A'.repeat(10_000),
];

/** Bodies that are not a GraphQL request, sent as application/json. */
export const MALFORMED_BODIES = [
  '{',
  '{"query": "{ __typename }"',
  '}',
  'null',
  'true',
  '123',
  '"{ __typename }"',
  '{"query": 1}',
  '{"query": null}',
  '{"query": ["{ __typename }"]}',
  '{"query": {"a": 1}}',
  '{"query": ""}',
  '{}',
  '{"query": "{ __typename }", "variables": "not an object"}',
  '{"query": "{ __typename }", "variables": [1, 2]}',
  '{"query": "{ __typename }", "operationName": 5}',
  '{"query": "{ __typename }", "extensions": "x"}',
  '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
  '{"query": "query A { __typename } query B { __typename }"}',
  '{"query": "query A { __typename }", "operationName": "Nope"}',
  '{"query": "{ __typename }" "x"}',
  '\ufeff{"query": "{ __typename }"}',
  '{"query": "{ __typename }"}\u0000',
  '{"query": "\\ud800"}',
  '{"__proto__": {"query": "{ __typename }"}}',
  '{"query": "{ __typename }", "variables": {"__proto__": {"admin": true}}}',
  `{"query": "{ __typename }", "variables": {"deep": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"query": "{ __typename }", "variables": {"wide": {${Array.from({ length: 20_000 }, (_v, i) => `"k${i}":${i}`).join(',')}}}}`,
];

/** Documents that are attacks by their shape. */
export function shapeAttacks(): string[] {
  const laughs = ['fragment F0 on Query { __typename }'];
  for (let i = 1; i <= 25; i++) laughs.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return [
    `{ ${Array.from({ length: 2000 }, (_v, i) => `a${i}: __typename`).join(' ')} }`,
    `{ ${Array.from({ length: 200 }, (_v, i) => `a${i}: clients(first: 500) { totalCount }`).join(' ')} }`,
    `{ ${'me { user { username } } '.repeat(300)}}`,
    `query { ...F25 } ${laughs.join(' ')}`,
    'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    `{ ${'__typename @include(if: true) '.repeat(500)}}`,
    `{ ${'{'.repeat(5000)}${'}'.repeat(5000)} }`,
    `{ clients(search: ${'['.repeat(3000)}"x"${']'.repeat(3000)}) { totalCount } }`,
    `{ client(id: "1") { ${'enrollments { client { '.repeat(60)}id${' } }'.repeat(60)} } }`,
    `${'#'.repeat(500_000)}\n{ __typename }`,
    `{ __typename } ${'query Q { __typename } '.repeat(100)}`,
    'subscription { __typename }',
    '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }',
    'mutation { a: login(username: "sam.shelter", password: "x") { token } b: login(username: "sam.shelter", password: "y") { token } }',
    `{ clients(search: "${'x'.repeat(200_000)}") { totalCount } }`,
    '{ clients(first: 100000) { totalCount } }',
    '{ clients(first: -1) { totalCount } }',
    '{ clients(first: 2147483648) { totalCount } }',
  ];
}

/** A String or ID position: the path from the argument down through input objects. */
export interface Position {
  path: string[];
  scalar: 'String' | 'ID';
  list: boolean;
}

export interface RootField {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  return [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({
      operation: 'query' as const,
      field,
    })),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({
      operation: 'mutation' as const,
      field,
    })),
  ];
}

/** Every String/ID position reachable from the field's arguments (input objects at most 3 deep). */
export function positions(field: GraphQLField<unknown, unknown>): Position[] {
  const found: Position[] = [];
  const walk = (type: GraphQLInputType, path: string[], list: boolean) => {
    if (path.length > 4) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return walk(inner.ofType, path, true);
    if (isInputObjectType(inner)) {
      for (const f of Object.values(inner.getFields())) walk(f.type, [...path, f.name], list);
      return;
    }
    const named = getNamedType(inner).name;
    if (named === 'String' || named === 'ID') found.push({ path, scalar: named, list });
  };
  for (const arg of field.args) walk(arg.type, [arg.name], false);
  return found;
}

/** Plausible values for required positions: real ids by name, valid enums, dates, numbers. */
export function defaultValue(type: GraphQLInputType, name: string, ids: Record<string, string>): unknown {
  if (isNonNullType(type)) return defaultValue(type.ofType, name, ids);
  if (isListType(type)) return [defaultValue(type.ofType, name, ids)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, defaultValue(f.type, f.name, ids)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  switch (type.name) {
    case 'ID':
      return ids[name] ?? ids.id ?? '1';
    case 'Int':
      return name === 'typeProvided' ? 200 : name === 'version' ? 1 : name === 'first' ? 5 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return ids.date;
    case 'DateTime':
      return new Date().toISOString();
    default:
      return 'fuzz';
  }
}

const typeString = (arg: GraphQLArgument) => String(arg.type);

/** A request calling `root` with defaults everywhere but `at`, which holds `value`. */
export function request(
  root: RootField,
  ids: Record<string, string>,
  at?: Position,
  value?: unknown,
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  for (const arg of root.field.args) {
    const required = isNonNullType(arg.type);
    if (required || at?.path[0] === arg.name) variables[arg.name] = defaultValue(arg.type, arg.name, ids);
  }
  if (at) {
    let holder = variables as Record<string, unknown>;
    for (const key of at.path.slice(0, -1)) {
      holder[key] = (holder[key] as Record<string, unknown> | undefined) ?? {};
      holder = holder[key] as Record<string, unknown>;
    }
    holder[at.path[at.path.length - 1]] = at.list ? [value] : value;
  }
  const used = root.field.args.filter((a) => a.name in variables);
  const signature = used.map((a) => `$${a.name}: ${typeString(a)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(root.field.type);
  const selection = isObjectType(returned) ? ` { __typename${returned.getFields().id ? ' id' : ''} }` : '';
  const query = `${root.operation}${signature ? `(${signature})` : ''} { ${root.field.name}${call ? `(${call})` : ''}${selection} }`;
  return { query, variables };
}
