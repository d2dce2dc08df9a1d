/**
 * Generic root operations built from the schema: one valid call of every Query and Mutation field
 * with sample arguments, for the specs that check a rule across every operation (sessions, shield).
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

const SCALAR_SAMPLES: Record<string, string> = {
  ID: '"1"',
  String: '"x"',
  Int: '1',
  Float: '1',
  Boolean: 'false',
  LocalDate: '"2020-01-01"',
  DateTime: '"2020-01-01T00:00:00Z"',
  DateTimeISO: '"2020-01-01T00:00:00Z"',
};

/** A literal of `type` that passes validation: required input fields only, first enum value. */
export function sampleLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sampleLiteral(type.ofType);
  if (isListType(type)) return `[${sampleLiteral(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${fields.map((f) => `${f.name}: ${sampleLiteral(f.type)}`).join(', ')} }`;
  }
  const sample = SCALAR_SAMPLES[type.name];
  if (!sample) throw new Error(`no sample for scalar ${type.name}`);
  return sample;
}

/** A valid operation calling one root field with sample arguments, selecting only __typename. */
export function sampleOperation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${sampleLiteral(a.type)}`).join(', ')})` : '';
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

/** Every root field of the schema as [kind, name, sample operation]. */
export function rootOperations(schema: GraphQLSchema): Array<['query' | 'mutation', string, string]> {
  const out: Array<['query' | 'mutation', string, string]> = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {}))
      out.push([kind, field.name, sampleOperation(kind, field)]);
  }
  return out;
}
