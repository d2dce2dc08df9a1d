/**
 * Deny by default, visibly (house style; access model §1 "every schema coordinate that is not
 * public is guarded by one"). This test fails when the permission map (src/access/permissions.ts)
 * and the schema drift apart: a root field without a rule, a rule for a field that does not
 * exist, a field rule that cannot be honoured, or a sensitive-looking field without a rule.
 */
import {
  buildSchema,
  execute,
  getNullableType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { AccessContext, type AccessFacts } from '../../src/access/access-context';
import { AccessRole } from '../../src/access/access-role';
import { ALL_CAPABILITIES, isCapability } from '../../src/access/capabilities';
import { fieldGuards } from '../../src/access/field-guard';
import { FIELD_RULES, MUTATION_RULES, QUERY_RULES } from '../../src/access/permissions';
import { operationShield } from '../../src/access/shield';
import { ReadLog } from '../../src/graphql/context';
import { buildAppSchema, buildBareSchema } from '../../src/graphql/schema';

/** Field names that hold sensitive client data (§5) and must always have a field rule. */
const SENSITIVE = [
  /ssn/i,
  /dob|birth/i,
  /^(first|middle|last)Name$|nameSuffix/,
  /score/i,
  /prioritization/i,
  /domesticViolence|whenOccurred|currentlyFleeing|healthStatus/i,
  /^(sex|gender|raceEthnicity|veteranStatus)$/,
];

/** Contact details are sensitive on client-level records (the types carrying `access`). */
const CONTACT = /phone|email|address|contact/i;

/** Sensitive-looking names that are deliberately readable with the parent's capability, and why. */
const DELIBERATELY_OPEN: Record<string, string> = {
  'Client.ssnLast4':
    'the documented substitute for the full SSN (§5: without client.ssn:read, only ssnLast4)',
  'Client.age': 'the documented substitute for the date of birth (§5: without it, only age)',
  'Client.ssnDataQuality': 'HUD 3.02.2 data quality code, not the number',
  'Client.dobDataQuality': 'HUD 3.03.2 data quality code, not the date',
  'DuplicateMatch.score': 'how alike two visible clients are (duplicate check), not an assessment score',
  'DuplicatePair.score': 'how alike two visible clients are (duplicate queue), not an assessment score',
};

let bare: GraphQLSchema;
let app: GraphQLSchema;
beforeAll(async () => {
  bare = await buildBareSchema();
  app = await buildAppSchema();
});

const objectTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'),
  );

/** Coordinates of sensitive-looking fields with neither a field rule nor a deliberate exception. */
function unguardedSensitiveFields(schema: GraphQLSchema, rules: typeof FIELD_RULES): string[] {
  const unguarded: string[] = [];
  for (const type of objectTypes(schema)) {
    const clientLevel = 'access' in type.getFields();
    for (const name of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${name}`;
      const looksSensitive = SENSITIVE.some((p) => p.test(name)) || (clientLevel && CONTACT.test(name));
      if (looksSensitive && !rules[type.name]?.[name] && !DELIBERATELY_OPEN[coordinate])
        unguarded.push(coordinate);
    }
  }
  return unguarded.sort();
}

describe('root operations', () => {
  test('every Query field has an entry in QUERY_RULES', () => {
    const missing = Object.keys(bare.getQueryType()!.getFields()).filter((f) => !(f in QUERY_RULES));
    expect(missing).toEqual([]);
  });

  test('every Mutation field has an entry in MUTATION_RULES', () => {
    const missing = Object.keys(bare.getMutationType()!.getFields()).filter((f) => !(f in MUTATION_RULES));
    expect(missing).toEqual([]);
  });

  test('no rule names a root field that does not exist', () => {
    const stale = [
      ...Object.keys(QUERY_RULES)
        .filter((f) => !bare.getQueryType()!.getFields()[f])
        .map((f) => `Query.${f}`),
      ...Object.keys(MUTATION_RULES)
        .filter((f) => !bare.getMutationType()!.getFields()[f])
        .map((f) => `Mutation.${f}`),
    ];
    expect(stale).toEqual([]);
  });

  test('every root rule is public, session, agreed, userAdmin, auditReader, shelterDesk or a known capability; only login is public', () => {
    const rules = { ...QUERY_RULES, ...MUTATION_RULES };
    const unknown = Object.entries(rules).filter(
      ([, r]) =>
        !['public', 'session', 'agreed', 'ready', 'userAdmin', 'auditReader', 'shelterDesk'].includes(r) &&
        !isCapability(r),
    );
    expect(unknown).toEqual([]);
    expect(
      Object.entries(rules)
        .filter(([, r]) => r === 'public')
        .map(([f]) => f),
    ).toEqual(['login']);
  });
});

describe('field rules', () => {
  test('every FIELD_RULES field exists, and its denied value fits its type (null only on nullable fields)', () => {
    const problems: string[] = [];
    for (const [typeName, fields] of Object.entries(FIELD_RULES)) {
      const type = bare.getType(typeName);
      if (!isObjectType(type)) {
        problems.push(`${typeName} is not an object type of the schema`);
        continue;
      }
      for (const [name, rule] of Object.entries(fields)) {
        const field = type.getFields()[name];
        if (!field) {
          problems.push(`${typeName}.${name} does not exist`);
          continue;
        }
        if (!isCapability(rule.capability))
          problems.push(`${typeName}.${name} names unknown capability ${rule.capability}`);
        const inner = getNullableType(field.type);
        if (rule.denied === 'null' && isNonNullType(field.type))
          problems.push(`${typeName}.${name} is non-null but denied 'null'`);
        if (rule.denied === 'emptyList' && !isListType(inner))
          problems.push(`${typeName}.${name} is not a list but denied 'emptyList'`);
        if (
          rule.denied === 'emptyConnection' &&
          !(isObjectType(inner) && inner.name.endsWith('Connection'))
        ) {
          problems.push(`${typeName}.${name} is not a connection but denied 'emptyConnection'`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every field whose name looks sensitive has a field rule (or is listed, with its reason, as deliberately open)', () => {
    expect(unguardedSensitiveFields(bare, FIELD_RULES)).toEqual([]);
  });

  test('the sensitive-name check itself notices an unguarded field', () => {
    const sample = buildSchema(`
      type Query { client: Client }
      type Client { access: Boolean, ssn: String, ssnLast4: String, phone: String, assessmentScore: Int, note: String }
      type Organization { contactPhone: String }
    `);
    expect(unguardedSensitiveFields(sample, { Client: { ssn: FIELD_RULES.Client.ssn } })).toEqual([
      'Client.assessmentScore',
      'Client.phone',
    ]);
  });

  test('the deliberately open list names only fields that exist', () => {
    expect(
      Object.keys(DELIBERATELY_OPEN).filter((c) => {
        const [t, f] = c.split('.');
        return !(bare.getType(t) as GraphQLObjectType | undefined)?.getFields()[f];
      }),
    ).toEqual([]);
  });

  test('field rules are synchronous: a guarded field returns a plain value, never a promise, allowed or denied', () => {
    const guards = fieldGuards();
    const ctx = (caps: string[]) => ({
      access: { has: (c: string) => caps.includes(c) },
      reads: new ReadLog(),
    });
    const resolve = () => '123456789';
    const ssn = guards.Client.ssn as unknown as (...a: unknown[]) => unknown;
    expect(ssn(resolve, {}, {}, ctx(['client.ssn:read']), {})).toBe('123456789');
    expect(ssn(resolve, {}, {}, ctx([]), {})).toBeNull();
  });

  test('graphql-shield wraps the root types only (no async rule below the root)', () => {
    expect(Object.keys(operationShield(bare)).sort()).toEqual(['Mutation', 'Query']);
  });
});

describe('an unlisted root field is denied at runtime', () => {
  /** The real schema plus one Query and one Mutation field that have no rule. */
  function withUnlistedFields(schema: GraphQLSchema): GraphQLSchema {
    const config = schema.toConfig();
    const extend = (type: GraphQLObjectType, name: string) =>
      new GraphQLObjectType({
        ...type.toConfig(),
        fields: {
          ...type.toConfig().fields,
          [name]: { type: GraphQLString, resolve: () => 'leaked' },
        } as GraphQLFieldConfigMap<unknown, unknown>,
      });
    const query = extend(schema.getQueryType()!, 'unlistedQuery');
    const mutation = extend(schema.getMutationType()!, 'unlistedMutation');
    return new GraphQLSchema({
      ...config,
      query,
      mutation,
      types: config.types.filter((t) => t.name !== 'Query' && t.name !== 'Mutation'),
    });
  }

  /** A READY system administrator holding every capability: the strongest caller there is. */
  function administrator(): AccessContext {
    const facts: AccessFacts = {
      sessionId: 1,
      userId: 1,
      username: 'admin',
      assignedRole: AccessRole.SYSTEM_ADMINISTRATOR,
      agreementAccepted: true,
      mustChangePassword: false,
      selectedWorkgroupId: 1,
      selectedOrganizationId: 1,
      workgroupIds: [1],
      workgroupCapabilities: [...ALL_CAPABILITIES],
      assignments: [{ organizationId: 1, canLogin: true, canEdit: true, agencyLead: false }],
      sharingOrganizationIds: [],
      missingTrainings: [],
      today: '2026-01-01',
    };
    return new AccessContext(facts);
  }

  test.each([
    ['query', 'unlistedQuery'],
    ['mutation', 'unlistedMutation'],
  ])('%s %s answers FORBIDDEN, even for an administrator', async (kind, field) => {
    const schema = withUnlistedFields(bare);
    const guarded = applyMiddleware(schema, operationShield(schema), fieldGuards());
    const contextValue = { access: administrator(), reads: new ReadLog() };
    const result = await execute({ schema: guarded, document: parse(`${kind} { ${field} }`), contextValue });
    expect(result.data).toEqual({ [field]: null });
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[[field], 'FORBIDDEN']]);
    // The same caller passes a listed operation's rule (the denial is about the missing rule).
    const listed = await execute({ schema: guarded, document: parse(`query { __typename }`), contextValue });
    expect(listed.errors).toBeUndefined();
  });

  test('the served schema is the one checked here: it has exactly the root fields of the bare schema', () => {
    expect(Object.keys(app.getQueryType()!.getFields()).sort()).toEqual(
      Object.keys(bare.getQueryType()!.getFields()).sort(),
    );
    expect(Object.keys(app.getMutationType()!.getFields()).sort()).toEqual(
      Object.keys(bare.getMutationType()!.getFields()).sort(),
    );
  });
});
