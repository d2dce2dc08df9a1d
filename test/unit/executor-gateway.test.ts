/**
 * The compiled executor's gateway hands Apollo Server the schema; the printed SDL it must also
 * offer is read only by Apollo's schema reporting plugin, so it is printed when read, never at
 * start, and then the same text as before.
 */
import { buildSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { compiledGateway } from '../../src/graphql/executor';

type SchemaContext = Parameters<GatewaySchemaLoadOrUpdateCallback>[0];

function loaded(schema: GraphQLSchema): SchemaContext {
  let given: SchemaContext | undefined;
  compiledGateway(schema).onSchemaLoadOrUpdate!((context) => {
    given = context;
  });
  return given!;
}

test('the gateway gives Apollo the schema at once and prints its SDL only when it is read, once', () => {
  const schema = buildSchema('type Query { clients(first: Int): [String!]! }');
  // printSchema starts from the schema's directives: a call there is a print.
  const prints = jest.spyOn(schema, 'getDirectives');
  const context = loaded(schema);
  expect(context.apiSchema).toBe(schema);
  expect(prints).not.toHaveBeenCalled();

  const sdl = context.coreSupergraphSdl;
  expect(prints).toHaveBeenCalledTimes(1);
  prints.mockRestore();
  expect(sdl).toBe(printSchema(schema));
  expect(sdl).toContain('clients(first: Int): [String!]!');

  const again = jest.spyOn(schema, 'getDirectives');
  expect(context.coreSupergraphSdl).toBe(sdl);
  expect(again).not.toHaveBeenCalled();
});
