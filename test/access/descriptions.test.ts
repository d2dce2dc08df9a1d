/**
 * The schema's descriptions are user documentation (house style): report builders read them
 * through introspection. Every type, field, argument, enum value and input field must have one.
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const blank = (text: string | null | undefined) => !text || !text.trim();

/** Coordinates of the schema's own (non-introspection, non-built-in) elements without a description. */
function undocumented(s: GraphQLSchema): string[] {
  const missing: string[] = [];
  const args = (coordinate: string, list: readonly GraphQLArgument[]) => {
    for (const a of list) if (blank(a.description)) missing.push(`${coordinate}(${a.name}:)`);
  };
  for (const type of Object.values(s.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        args(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    } else if (isUnionType(type)) {
      // A union has no members to describe beyond its own description.
    }
  }
  for (const directive of s.getDirectives()) {
    if (['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf'].includes(directive.name)) continue;
    if (blank(directive.description)) missing.push(`@${directive.name}`);
    args(`@${directive.name}`, directive.args);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  test('every type, field, argument, enum value and input field has a non-empty description', () => {
    expect(undocumented(schema)).toEqual([]);
  });

  test('the check itself notices a missing description', async () => {
    const { buildSchema } = await import('graphql');
    const sample = buildSchema(`
      """Documented."""
      type Query { "Documented." a(x: Int): String, b: Color }
      enum Color { "Red." RED BLUE }
    `);
    expect(undocumented(sample)).toEqual(['Color', 'Color.BLUE', 'Query.a(x:)', 'Query.b']);
  });
});
