/**
 * Query limits (issue 6): what one GraphQL request may ask for. graphql-armor measures depth,
 * aliases, directives and cost during validation, the parser counts tokens, and the rule below
 * bounds the shape of introspection queries (which armor's depth and cost rules skip). A refused
 * query is told what kind of limit it hit, never the number: limits are tuning, not API.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  validate,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Config } from '../config';
import type { RequestContext } from '../graphql/context';
import { LIMIT_CODE } from './errors';

/** The refusal of a query over a limit; `what` names the kind of limit, never its value. */
export function limitError(what: string): GraphQLError {
  return new GraphQLError(
    `The query ${what}. Ask for less in one request, or split it into several requests.`,
    {
      extensions: { code: LIMIT_CODE },
    },
  );
}

const reportTo = (what: string) => (context: ValidationContext | null) =>
  context?.reportError(limitError(what));

/** Introspection fields that return lists: nesting them multiplies the size of the answer. */
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'inputFields',
  'args',
  'interfaces',
  'possibleTypes',
  'enumValues',
  'directives',
]);

/**
 * GraphiQL's introspection query nests at most three such lists (types > fields > args);
 * `__schema { types { fields { type { fields { type { fields ... } } } } } }` grows with the
 * schema to the power of its depth, and armor's depth and cost rules do not look inside
 * `__schema`.
 */
export const MAX_INTROSPECTION_LISTS = 3;

export function introspectionShapeRule(maxLists = MAX_INTROSPECTION_LISTS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    // Fragment results are memoized by (fragment, state): a fragment spread twice at every
    // level ("billion laughs") must cost linear, not exponential, time. In-progress entries
    // count as fine, which also ends fragment cycles (graphql-js reports those itself).
    const memo = new Map<string, boolean>();
    const walk = (set: SelectionSetNode, inIntrospection: boolean, lists: number): boolean => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          const inside = inIntrospection || name === '__schema' || name === '__type';
          const count = lists + (inside && INTROSPECTION_LISTS.has(name) ? 1 : 0);
          if (count > maxLists) return false;
          if (selection.selectionSet && !walk(selection.selectionSet, inside, count)) return false;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (!walk(selection.selectionSet, inIntrospection, lists)) return false;
        } else {
          const key = `${selection.name.value}|${inIntrospection}|${lists}`;
          let ok = memo.get(key);
          if (ok === undefined) {
            memo.set(key, true);
            const fragment = context.getFragment(selection.name.value);
            ok = !fragment || walk(fragment.selectionSet, inIntrospection, lists);
            memo.set(key, ok);
          }
          if (!ok) return false;
        }
      }
      return true;
    };
    return {
      OperationDefinition(operation) {
        if (!walk(operation.selectionSet, false, 0))
          context.reportError(limitError('nests introspection lists too deeply'));
        return false;
      },
    };
  };
}

/** Validation rules and parse options for the Apollo Server constructor. */
export function queryLimits(config: Config): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const common = { exposeLimits: false, propagateOnRejection: false } as const;
  const armor = new ApolloArmor({
    // errors.ts strips every "Did you mean" (also from variable errors, which armor misses).
    blockFieldSuggestion: { enabled: false },
    // The parser itself counts tokens (parseOptions below) and stops early; armor's token
    // plugin throws from a hook Apollo does not catch, which would answer 500.
    maxTokens: { enabled: false },
    maxDepth: {
      ...common,
      n: config.maxDepth,
      flattenFragments: true,
      onReject: [reportTo('nests fields too deeply')],
    },
    maxAliases: { ...common, n: config.maxAliases, onReject: [reportTo('uses too many aliases')] },
    maxDirectives: { ...common, n: config.maxDirectives, onReject: [reportTo('uses too many directives')] },
    costLimit: {
      ...common,
      maxCost: config.maxCost,
      flattenFragments: true,
      onReject: [reportTo('asks for too much data at once')],
    },
  });
  return {
    validationRules: [...armor.protect().validationRules, introspectionShapeRule()],
    parseOptions: { maxTokens: config.maxTokens },
  };
}

const MENTIONS_INTROSPECTION = /__schema|__type\b/;

/**
 * Introspection by policy: `on` for everyone, `session` (default) only with a valid session
 * (report builders and GraphiQL need the schema; anonymous scanners do not), `off` for nobody.
 * Checked after validation, where the request's session is known. `__typename` is always allowed.
 */
export function introspectionPolicyPlugin(
  policy: Config['introspection'],
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source, document, schema, contextValue }) {
          if (policy === 'on' || (policy === 'session' && contextValue.access)) return;
          if (
            (source !== undefined && !MENTIONS_INTROSPECTION.test(source)) ||
            validate(schema, document, [NoSchemaIntrospectionCustomRule]).length === 0
          )
            return;
          throw new GraphQLError(
            policy === 'off'
              ? 'Introspection is turned off on this server.'
              : contextValue.token
                ? 'Your session has ended: log in again with the login mutation to load the schema.'
                : 'Introspection needs a session: log in first and send "Authorization: Bearer <token>".',
            // 200 like every other UNAUTHENTICATED answer: GraphiQL loads the schema before the
            // login, and a 4xx there is a console error in every browser.
            {
              extensions: { code: policy === 'off' ? 'FORBIDDEN' : 'UNAUTHENTICATED', http: { status: 200 } },
            },
          );
        },
      };
    },
  };
}
