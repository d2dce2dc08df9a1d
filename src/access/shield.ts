import type { GraphQLSchema } from 'graphql';
import { allow, rule, shield } from 'graphql-shield';
import type { IMiddleware } from 'graphql-middleware';
import type { RequestContext } from '../graphql/context';
import { appError, forbidden, noSession } from '../graphql/errors';
import { MUTATION_RULES, QUERY_RULES, type RootRule } from './permissions';
import type { AccessContext } from './access-context';

/** Why a session that exists still may not act: each state has its own code and advice. */
function stateError(access: AccessContext) {
  switch (access.state) {
    case 'NEEDS_PASSWORD_CHANGE':
      return appError(
        'PASSWORD_CHANGE_REQUIRED',
        'Change your temporary password with changePassword first.',
      );
    case 'NEEDS_AGREEMENT':
      return appError(
        'AGREEMENT_REQUIRED',
        'Accept the End User Agreement with acceptEndUserAgreement first.',
      );
    case 'TRAINING_REQUIRED':
      return appError(
        'TRAINING_REQUIRED',
        'A training your workgroup requires is not recorded; ask your agency lead or HMIS administrator.',
      );
    case 'NEEDS_CONTEXT':
      return appError(
        'CONTEXT_REQUIRED',
        'Select a workgroup and organization with selectContext first (see me.workgroups and me.loginOrganizations).',
      );
    default:
      return null;
  }
}

// Every rule depends only on the request's access context: `contextual` caches each decision
// once per request, and no rule hashes `parent` (shield's `strict` cache cannot hash entities).
const isSession = rule({ cache: 'contextual' })((_p, _a, ctx: RequestContext) =>
  ctx.access ? true : noSession(ctx.token),
);

const isAgreed = rule({ cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
  if (!ctx.access) return noSession(ctx.token);
  const error = stateError(ctx.access);
  return error && ctx.access.state !== 'NEEDS_CONTEXT' ? error : true;
});

const isReady = rule({ cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
  if (!ctx.access) return noSession(ctx.token);
  return stateError(ctx.access) ?? true;
});

type ShieldRule = ReturnType<ReturnType<typeof rule>>;

const capabilityRules = new Map<string, ShieldRule>();
// User administration: users:manage, or the agency lead role of some organization (the users
// service then narrows a lead to the users of the lead's own organizations).
const isUserAdmin = rule('userAdmin', { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
  if (!ctx.access) return noSession(ctx.token);
  const error = stateError(ctx.access);
  if (error) return error;
  return ctx.access.has('users:manage') || ctx.access.facts.assignments.some((a) => a.agencyLead)
    ? true
    : forbidden();
});

// The audit log: audit:read, or the agency lead role (the audit query narrows a lead to the
// events of the lead's own organizations' records and users, §6).
const isAuditReader = rule('auditReader', { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
  if (!ctx.access) return noSession(ctx.token);
  const error = stateError(ctx.access);
  if (error) return error;
  return ctx.access.has('audit:read') || ctx.access.facts.assignments.some((a) => a.agencyLead)
    ? true
    : forbidden();
});

// The shelter desk (access model §8): the board and residents need bed:checkin or reservation:manage.
const isShelterDesk = rule('shelterDesk', { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
  if (!ctx.access) return noSession(ctx.token);
  const error = stateError(ctx.access);
  if (error) return error;
  return ctx.access.has('bed:checkin') || ctx.access.has('reservation:manage') ? true : forbidden();
});

function can(
  capability: Exclude<
    RootRule,
    'public' | 'session' | 'agreed' | 'ready' | 'userAdmin' | 'auditReader' | 'shelterDesk'
  >,
) {
  let r = capabilityRules.get(capability);
  if (!r) {
    r = rule(`can:${capability}`, { cache: 'contextual' })((_p, _a, ctx: RequestContext) => {
      if (!ctx.access) return noSession(ctx.token);
      const error = stateError(ctx.access);
      if (error) return error;
      return ctx.access.has(capability) ? true : forbidden();
    });
    capabilityRules.set(capability, r);
  }
  return r;
}

function toShieldRule(root: RootRule): ShieldRule | typeof allow {
  if (root === 'public') return allow;
  if (root === 'session') return isSession;
  if (root === 'agreed') return isAgreed;
  if (root === 'ready') return isReady;
  if (root === 'userAdmin') return isUserAdmin;
  if (root === 'auditReader') return isAuditReader;
  if (root === 'shelterDesk') return isShelterDesk;
  return can(root);
}

function ruleMap(rules: Record<string, RootRule>): Record<string, ShieldRule> {
  return Object.fromEntries(
    Object.entries(rules).map(([field, r]) => [field, toShieldRule(r) as ShieldRule]),
  );
}

/**
 * The shield middleware for the root operations only. Shield would otherwise wrap every field
 * of every type in an async resolver (see docs/architecture.md, "A request's path"); below the root, fields are guarded
 * by the synchronous field guard and rows by the SQL visibility predicates.
 */
export function operationShield(schema: GraphQLSchema): IMiddleware {
  const generator = shield(
    { Query: ruleMap(QUERY_RULES), Mutation: ruleMap(MUTATION_RULES) },
    {
      fallbackRule: rule('deny-unlisted', { cache: 'no_cache' })(() => forbidden()),
      fallbackError: forbidden(),
      // Errors a resolver throws (BAD_USER_INPUT "no client with this id", the FORBIDDEN that
      // names the program's organization, CONFLICT, ...) must reach the caller as thrown; with
      // `false` shield replaced every one of them with the generic fallbackError. Unexpected
      // errors are still masked as INTERNAL_SERVER_ERROR by the server's formatError.
      allowExternalErrors: true,
      debug: false,
    },
  );
  const full = generator.generate(schema) as Record<string, unknown>;
  return { Query: full.Query, Mutation: full.Mutation } as IMiddleware;
}
