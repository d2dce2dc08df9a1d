/**
 * The root rules of permissions.ts answered synchronously for an access context: what
 * `navigation`, `form`, `myPermissions` and `mySchema` tell a session it may call. It decides
 * exactly as shield.ts does, so a menu never offers what the API then refuses.
 */
import type { AccessContext } from './access-context';
import { isCapability, type Capability } from './capabilities';
import { MUTATION_RULES, QUERY_RULES, type RootRule } from './permissions';

/** The rule of a root operation given as a schema coordinate (`Query.clients`), or null. */
export function operationRule(coordinate: string): RootRule | null {
  const [type, field, extra] = coordinate.split('.');
  if (!field || extra !== undefined) return null;
  const rules = type === 'Query' ? QUERY_RULES : type === 'Mutation' ? MUTATION_RULES : null;
  if (!rules || !Object.prototype.hasOwnProperty.call(rules, field)) return null;
  return rules[field];
}

/** Whether shield lets this session through a root rule (same decision as src/access/shield.ts). */
export function rootRuleAllows(rule: RootRule, access: AccessContext | null): boolean {
  if (rule === 'public') return true;
  if (!access) return false;
  if (rule === 'session') return true;
  if (rule === 'agreed') return access.state === 'READY' || access.state === 'NEEDS_CONTEXT';
  if (access.state !== 'READY') return false;
  if (rule === 'ready') return true;
  if (rule === 'userAdmin')
    return access.has('users:manage') || access.facts.assignments.some((a) => a.agencyLead);
  if (rule === 'auditReader')
    return access.has('audit:read') || access.facts.assignments.some((a) => a.agencyLead);
  if (rule === 'shelterDesk') return access.has('bed:checkin') || access.has('reservation:manage');
  return access.has(rule);
}

/** Whether the session may call the operation named by a coordinate; unknown operations: no. */
export function operationAllowed(coordinate: string, access: AccessContext | null): boolean {
  const rule = operationRule(coordinate);
  return rule !== null && rootRuleAllows(rule, access);
}

/**
 * The workgroup capabilities an operation's rule needs (for navigation grants): a capability
 * rule needs itself, user administration `users:manage`, the session rules nothing.
 */
export function capabilitiesForOperation(coordinate: string): Capability[] {
  const rule = operationRule(coordinate);
  if (rule === null || rule === 'public' || rule === 'session' || rule === 'agreed') return [];
  if (rule === 'userAdmin') return ['users:manage'];
  if (rule === 'auditReader') return ['audit:read'];
  // Either capability will do; a grant check cannot name one of them as missing.
  if (rule === 'shelterDesk') return [];
  return isCapability(rule) ? [rule] : [];
}
