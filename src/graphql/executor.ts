/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter. graphql-js walks the
 * operation's selection set for every object of every list (a page of 500 clients with their
 * enrollments and services is about 60,000 field visits, each a few closures and a promise
 * check); graphql-jit compiles an operation once into a JavaScript function that reads the same
 * resolvers, so a field without a resolver costs one property read.
 *
 * The schema is the same object graphql-js would run: shield's root rules, the synchronous field
 * guard (graphql-middleware) and the request deadline are resolvers of that schema, so they run
 * as before. Plugged into Apollo Server through its executor interface (the `gateway` option,
 * which takes a schema and an executor and nothing of Apollo Federation): parsing, validation,
 * the query limits, plugins and error formatting stay Apollo's.
 *
 * Compiled operations are kept per operation text (Apollo's query hash) and operation name, at
 * most `MAX_COMPILED`, the least recently used dropped first: a plan of the operation, never a
 * value of a request.
 */
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import {
  getNamedType,
  getOperationAST,
  execute,
  GraphQLError,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  printSchema,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export const MAX_COMPILED = 500;

/** A compiled operation, and whether its variables may be left to graphql-jit alone. */
interface Compiled {
  query: CompiledQuery;
  variablesByJit: boolean;
}

/** A least-recently-used map of compiled operations. */
class CompiledCache {
  private readonly map = new Map<string, Compiled>();
  constructor(private readonly max: number) {}

  get(key: string): Compiled | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Compiled): void {
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  get size(): number {
    return this.map.size;
  }
}

export interface CompiledExecutor {
  execute(
    document: DocumentNode,
    key: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | undefined,
    context: unknown,
  ): Promise<ExecutionResult> | ExecutionResult;
  /** How many compiled operations are kept (tests). */
  readonly compiled: number;
}

/**
 * graphql-jit reads a field without a resolver as a plain property and does not wait for a
 * promise there (graphql-js does). The one such value Waypoint has is a connection's lazy
 * `totalCount` (counted only when asked for): give it a resolver, which jit awaits.
 */
function resolveLazyFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.name.endsWith('Connection')) continue;
    const field = type.getFields().totalCount;
    if (field && !field.resolve)
      field.resolve = (connection: { totalCount: unknown }) => connection.totalCount;
  }
  return schema;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown })?.then === 'function';
}

/**
 * graphql-jit's errors are look-alikes of graphql-js's without an `extensions` object, which
 * Apollo's error formatting reads (and then answers every error INTERNAL_SERVER_ERROR). Each
 * becomes a graphql-js GraphQLError with the same message, locations, path, cause and extensions.
 */
function withGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, {
      path: e.path,
      originalError: e.originalError ?? undefined,
      extensions: e.extensions,
    });
    (error as { locations?: unknown }).locations = e.locations;
    return error;
  });
  return { ...result, errors };
}

/**
 * Whether graphql-jit's coercion of the operation's variables refuses every value graphql-js's
 * refuses, so that a request's variables are coerced once, by the compiled query. It checks
 * scalars (the same tests, the same `parseValue`), enums, lists and missing or null values as
 * graphql-js does, or more strictly; but it takes an empty array for an input object with no
 * required field (graphql-js wants an object) and knows nothing of `@oneOf`.
 */
function jitRefusesAlike(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const seen = new Set<GraphQLInputObjectType>();
  const alike = (type: GraphQLType): boolean => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named)) return true;
    seen.add(named);
    const fields = Object.values(named.getFields());
    if (named.isOneOf || !fields.some((field) => isNonNullType(field.type))) return false;
    return fields.every((field) => alike(field.type));
  };
  return (operation.variableDefinitions ?? []).every((definition) => {
    const type = typeFromAST(schema, definition.type);
    return !type || alike(type);
  });
}

export function compiledExecutor(given: GraphQLSchema, max = MAX_COMPILED): CompiledExecutor {
  const schema = resolveLazyFields(given);
  const cache = new CompiledCache(max);
  return {
    execute(document, key, operationName, variables, context) {
      const operation = getOperationAST(document, operationName ?? undefined);
      if (!operation)
        return {
          errors: [
            new GraphQLError(
              operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name.',
            ),
          ],
        };
      const given = variables ?? {};
      // graphql-jit's words for bad variables are not graphql-js's, whose errors carry the
      // variable's node (Apollo answers them 400 BAD_USER_INPUT): whenever the compiled query
      // refuses the variables, graphql-js coerces them again to say why.
      const refused = (): ExecutionResult | null => {
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], given, {
          maxErrors: 50,
        });
        return coerced.errors ? { errors: coerced.errors } : null;
      };
      const cacheKey = `${operationName ?? ''}\u0000${key}`;
      let compiled = cache.get(cacheKey);
      if (!compiled) {
        // Waypoint has no subscriptions: graphql-js gives the word for one (Apollo answers it
        // BAD_REQUEST), after its own word for bad variables; graphql-jit would throw.
        if (operation.operation === 'subscription')
          return execute({
            schema,
            document,
            operationName,
            variableValues: variables,
            contextValue: context,
          });
        const result = compileQuery(schema, document, operationName ?? undefined);
        if (!isCompiledQuery(result)) return refused() ?? result;
        compiled = { query: result, variablesByJit: jitRefusesAlike(schema, operation) };
        cache.set(cacheKey, compiled);
      }
      // Where graphql-jit would take a value graphql-js refuses, graphql-js checks first.
      if (!compiled.variablesByJit) {
        const refusal = refused();
        if (refusal) return refusal;
      }
      const result = compiled.query.query(undefined, context, given);
      if (isPromise(result)) return result.then(withGraphqlJsErrors);
      // Variables refused: graphql-jit answers errors without data, which execution always has.
      if (!('data' in result)) return refused() ?? withGraphqlJsErrors(result);
      return withGraphqlJsErrors(result);
    },
    get compiled() {
      return cache.size;
    },
  };
}

/** The executor as Apollo Server's `gateway` option: this schema, run by `compiledExecutor`. */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  const run = compiledExecutor(schema);
  const executor: GatewayExecutor = async (request) =>
    (await run.execute(
      request.document,
      request.queryHash,
      // The name the caller sent (Apollo's `operationName` is that of the operation it found).
      request.request.operationName,
      request.request.variables,
      request.context,
    )) as GatewayExecutionResult;
  let sdl: string | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      // Apollo Server 5 reads the SDL in one place: the schema reporting plugin (Apollo Studio),
      // installed only with APOLLO_SCHEMA_REPORTING=true and an APOLLO_KEY. Printing it at every
      // start (about 30 ms) was for nothing otherwise: it is printed when first read, once.
      callback({
        apiSchema: schema,
        get coreSupergraphSdl() {
          return (sdl ??= printSchema(schema));
        },
      });
      return () => undefined;
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
