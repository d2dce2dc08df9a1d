/**
 * The compiled executor coerces a request's variables once, and answers bad ones exactly as
 * graphql-js does: the same messages, on the variable's node (which Apollo answers 400
 * BAD_USER_INPUT), including the values graphql-jit alone would take (an empty array for an
 * input object with no required field).
 */
import {
  buildSchema,
  execute,
  GraphQLError,
  GraphQLScalarType,
  Kind,
  parse,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compiledExecutor } from '../../src/graphql/executor';

function testSchema(): { schema: GraphQLSchema; parsed: () => number } {
  const schema = buildSchema(`
    scalar Counted
    enum Color { RED GREEN }
    input Optional { a: String, n: Int }
    input Required { id: ID!, optional: Optional, colors: [Color!] }
    input Record { id: ID!, counted: Counted, colors: [Color!] }
    type Query {
      echo(counted: Counted, n: Int, f: Float, id: ID, color: Color, optional: Optional, required: Required, record: Record): String
    }
  `);
  let calls = 0;
  Object.assign(schema.getType('Counted') as GraphQLScalarType, {
    parseValue: (value: unknown) => {
      calls++;
      if (typeof value !== 'string') throw new TypeError('Counted is a string');
      return value;
    },
  });
  schema.getQueryType()!.getFields().echo.resolve = (_source, args) => JSON.stringify(args);
  return { schema, parsed: () => calls };
}

const QUERY = `query Echo($counted: Counted, $n: Int, $f: Float, $id: ID, $color: Color, $optional: Optional, $required: Required) {
  echo(counted: $counted, n: $n, f: $f, id: $id, color: $color, optional: $optional, required: $required)
}`;

async function both(variables: Record<string, unknown>) {
  const { schema } = testSchema();
  const document = parse(QUERY);
  const compiled = await compiledExecutor(schema).execute(document, QUERY, 'Echo', variables, {});
  const interpreted = (await execute({ schema, document, variableValues: variables })) as ExecutionResult;
  return { compiled, interpreted };
}

const shape = (result: ExecutionResult) => ({
  data: result.data,
  errors: result.errors?.map((e) => ({ message: e.message, locations: e.locations })),
});

test('good variables are coerced once per request, to the answer graphql-js gives', async () => {
  const query = `query Once($counted: Counted, $n: Int, $f: Float, $id: ID, $color: Color, $record: Record!) {
    echo(counted: $counted, n: $n, f: $f, id: $id, color: $color, record: $record)
  }`;
  const document = parse(query);
  const variables = { counted: 'c', n: 3, f: 1.5, id: 7, color: 'RED', record: { id: '9', counted: 'd' } };
  const interpreted = await execute({ schema: testSchema().schema, document, variableValues: variables });
  const { schema, parsed } = testSchema();
  const run = compiledExecutor(schema);
  for (let request = 1; request <= 3; request++) {
    const result = await run.execute(document, query, 'Once', variables, {});
    expect(result).toEqual(interpreted);
    // Two Counted values a request, each parsed once.
    expect(parsed()).toBe(2 * request);
  }
  expect(interpreted.errors).toBeUndefined();
});

test('variables graphql-jit alone would take are still checked by graphql-js, then coerced once more', async () => {
  const { compiled, interpreted } = await both({
    counted: 'c',
    optional: { a: 'x' },
    required: { id: '9', optional: {}, colors: 'GREEN' },
  });
  expect(compiled.errors).toBeUndefined();
  expect(compiled).toEqual(interpreted);
});

test.each<[string, Record<string, unknown>]>([
  ['a string for an Int', { n: 'ten' }],
  ['a fraction for an Int', { n: 1.5 }],
  ['an Int past 32 bits', { n: 2 ** 31 }],
  ['a string for a Float', { f: '1.5' }],
  ['an object for an ID', { id: { nested: true } }],
  ['an unknown enum value', { color: 'BLUE' }],
  ['a custom scalar that refuses', { counted: 5 }],
  ['a number for an input object', { optional: 5 }],
  ['an empty array for an input object without required fields', { optional: [] }],
  ['an empty array for an input object inside another', { required: { id: '1', optional: [] } }],
  ['an empty array for an input object with a required field', { required: [] }],
  ['a required field missing', { required: {} }],
  ['a required field null', { required: { id: null } }],
  ['an unknown field', { optional: { b: 1 } }],
  ['a bad list item', { required: { id: '1', colors: ['RED', null] } }],
  ['several at once', { n: 'ten', color: 'BLUE', optional: [] }],
])('%s: refused with graphql-js words on the variable', async (_case, variables) => {
  const { compiled, interpreted } = await both(variables);
  expect(interpreted.errors?.length).toBeGreaterThan(0);
  expect(shape(compiled)).toEqual(shape(interpreted));
  for (const error of compiled.errors!) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.nodes?.[0]?.kind).toBe(Kind.VARIABLE_DEFINITION);
  }
});
