/**
 * `myPermissions` and `mySchema`: what the session may do, computed from its access context and
 * the built schema, without SQL. Root rules come from src/access/operation-rules.ts (the rules
 * of permissions.ts), field rules through the exported `hiddenFields`.
 */
import {
  type DefinitionNode,
  type GraphQLSchema,
  Kind,
  type NamedTypeNode,
  isObjectType,
  parse,
  print,
  printSchema,
  visit,
} from 'graphql';
import type { AccessContext } from '../../access/access-context';
import { rootRuleAllows } from '../../access/operation-rules';
import { hiddenFields, MUTATION_RULES, QUERY_RULES } from '../../access/permissions';
import { RECORD_TYPES } from '../../access/record-types';
import type { Permissions } from './navigation.types';

function allowedOperations(access: AccessContext | null): string[] {
  return [
    ...Object.entries(QUERY_RULES)
      .filter(([, r]) => rootRuleAllows(r, access))
      .map(([f]) => `Query.${f}`),
    ...Object.entries(MUTATION_RULES)
      .filter(([, r]) => rootRuleAllows(r, access))
      .map(([f]) => `Mutation.${f}`),
  ].sort();
}

/** Guarded field coordinates of the schema's object types, split by whether the session may read them. */
function fieldsByReadability(
  schema: GraphQLSchema,
  access: AccessContext,
): { hidden: string[]; readable: string[] } {
  const has = (c: Parameters<AccessContext['has']>[0]) => access.has(c);
  const none = () => false;
  const hidden: string[] = [];
  const readable: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const guarded = hiddenFields(type.name, none);
    const hiddenHere = new Set(hiddenFields(type.name, has));
    for (const field of guarded) (hiddenHere.has(field) ? hidden : readable).push(`${type.name}.${field}`);
  }
  return { hidden: hidden.sort(), readable: readable.sort() };
}

export function myPermissions(schema: GraphQLSchema, access: AccessContext): Permissions {
  const { hidden, readable } = fieldsByReadability(schema, access);
  const activeOrg = access.organizationId;
  return {
    operations: allowedOperations(access),
    readableFields: readable,
    hiddenFields: hidden,
    capabilities: [...access.capabilities].sort(),
    recordTypes: RECORD_TYPES.filter((t) => t.write !== null).map(({ typeName: recordType, write }) => {
      const capability = write as NonNullable<typeof write>;
      const may = access.has(capability) && activeOrg !== null;
      return {
        recordType,
        canCreate: may,
        canEdit: may && access.mayEditOwnedBy(activeOrg as number),
        canDelete: may && access.mayDeleteOwnedBy(activeOrg as number),
      };
    }),
  };
}

/**
 * The SDL restricted to the session: root fields it may not call and guarded fields it may not
 * read are dropped, then every type no longer reachable from the roots. Memoized per schema and
 * per decision key (state, capabilities, agency lead); the cache holds SDL only, no user data.
 */
const sdlCache = new WeakMap<GraphQLSchema, Map<string, string>>();

function decisionKey(access: AccessContext): string {
  const lead = access.facts.assignments.some((a) => a.agencyLead);
  return `${access.state}|${lead ? 1 : 0}|${[...access.capabilities].sort().join(',')}`;
}

export function mySchema(schema: GraphQLSchema, access: AccessContext): string {
  let perSchema = sdlCache.get(schema);
  if (!perSchema) sdlCache.set(schema, (perSchema = new Map()));
  const key = decisionKey(access);
  const cached = perSchema.get(key);
  if (cached !== undefined) return cached;
  const sdl = restrictSdl(schema, access);
  // A handful of distinct keys exist in practice (one per workgroup x ceiling); bound it anyway.
  if (perSchema.size > 500) perSchema.clear();
  perSchema.set(key, sdl);
  return sdl;
}

function restrictSdl(schema: GraphQLSchema, access: AccessContext): string {
  const operations = new Set(allowedOperations(access));
  const has = (c: Parameters<AccessContext['has']>[0]) => access.has(c);
  const filtered = visit(parse(printSchema(schema)), {
    ObjectTypeDefinition(node) {
      const name = node.name.value;
      const root = name === 'Query' || name === 'Mutation';
      const hidden = new Set(root ? [] : hiddenFields(name, has));
      const fields = (node.fields ?? []).filter((f) =>
        root ? operations.has(`${name}.${f.name.value}`) : !hidden.has(f.name.value),
      );
      if (root && fields.length === 0) return null;
      return { ...node, fields };
    },
  });
  // Keep only what the remaining root fields reach (scalars, enums and inputs included).
  const byName = new Map<string, DefinitionNode>();
  for (const d of filtered.definitions)
    if ('name' in d && d.name && d.kind !== Kind.DIRECTIVE_DEFINITION) byName.set(d.name.value, d);
  const reached = new Set<string>();
  const queue = ['Query', 'Mutation'].filter((n) => byName.has(n));
  while (queue.length) {
    const name = queue.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    const def = byName.get(name);
    if (!def) continue;
    visit(def, {
      NamedType(n: NamedTypeNode) {
        if (!reached.has(n.name.value)) queue.push(n.name.value);
      },
    });
  }
  const definitions = filtered.definitions.filter(
    (d) =>
      d.kind === Kind.DIRECTIVE_DEFINITION ||
      d.kind === Kind.SCHEMA_DEFINITION ||
      ('name' in d && d.name && reached.has(d.name.value)),
  );
  // A schema definition naming a dropped Mutation type would not build.
  const cleaned = definitions.map((d) =>
    d.kind === Kind.SCHEMA_DEFINITION
      ? { ...d, operationTypes: d.operationTypes.filter((o) => reached.has(o.type.name.value)) }
      : d,
  );
  return print({ kind: Kind.DOCUMENT, definitions: cleaned });
}
