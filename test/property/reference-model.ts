/**
 * A small, independent reference model of access model §2.2, §3, §4 and §5
 * (/work/shared/spec/access-model.md), written from the spec alone: it imports nothing from
 * src/ and shares no code with the implementation. Pure functions over a `World` (see
 * world.ts); "today" is day 0.
 */
import type { Restriction, Role, TxKind, TxW, UserW, World } from './world';

const TODAY = 0;

// ---- §3 visibility ---------------------------------------------------------------------------

/** "Active when today is within its dates." */
function releaseActive(m: World['mous'][number]): boolean {
  return m.start <= TODAY && (m.end === null || m.end >= TODAY);
}

/** An MOU active at t has a share from -> to. A victim service provider is never a source. */
export function sharesWith(w: World, from: number, to: number): boolean {
  if (w.orgs[from].vsp) return false;
  return w.mous.some((m) => releaseActive(m) && m.shares.some(([f, t]) => f === from && t === to));
}

/** A release exception (C, A) with validThrough >= t. */
export function releasedTo(w: World, client: number, org: number): boolean {
  return w.exceptions.some((x) => x.client === client && x.org === org && x.validThrough >= TODAY);
}

/** VSP transactions are always RESTRICTED, whatever was stored. */
function restrictionOf(w: World, t: TxW): Restriction {
  return w.orgs[t.owner].vsp ? 'RESTRICTED' : t.restriction;
}

/** Transaction T of C owned by O: O = A, or UNRESTRICTED and (share O -> A, or exception (C, A)). */
export function transactionVisibleTo(w: World, tx: number, org: number): boolean {
  const t = w.txs[tx];
  if (t.owner === org) return true;
  return (
    restrictionOf(w, t) === 'UNRESTRICTED' && (sharesWith(w, t.owner, org) || releasedTo(w, t.client, org))
  );
}

/** VSP clients are always restrict-intake. */
function restrictsIntake(w: World, client: number): boolean {
  const c = w.clients[client];
  return c.restrictIntake || w.orgs[c.owner].vsp;
}

/** Client C owned by O: the five alternatives of §3. */
export function clientVisibleTo(w: World, client: number, org: number): boolean {
  const c = w.clients[client];
  const txsOfC = w.txs.map((t, i) => ({ t, i })).filter(({ t }) => t.client === client);
  if (c.owner === org) return true;
  if (txsOfC.some(({ t }) => t.owner === org)) return true;
  if (releasedTo(w, client, org)) return true;
  if (restrictsIntake(w, client)) return false;
  return sharesWith(w, c.owner, org) || txsOfC.some(({ i }) => transactionVisibleTo(w, i, org));
}

export function visibleClients(w: World, user: UserW): number[] {
  return w.clients.map((_c, i) => i).filter((i) => clientVisibleTo(w, i, user.activeOrg));
}

export function visibleTransactions(w: World, user: UserW, kind?: TxKind): number[] {
  return w.txs
    .map((_t, i) => i)
    .filter((i) => (!kind || w.txs[i].kind === kind) && transactionVisibleTo(w, i, user.activeOrg));
}

/** "A's own programs, and the programs of orgs that share with A through an active MOU." */
export function visiblePrograms(w: World, user: UserW): number[] {
  const a = user.activeOrg;
  return w.programs
    .map((_p, i) => i)
    .filter((i) => w.programs[i].org === a || sharesWith(w, w.programs[i].org, a));
}

// ---- capabilities (§1 access roles, §2.4 trainings) -----------------------------------------------

/**
 * §2.4: "a missing assessment training turns the user's access role into the training-pending
 * ceiling automatically, rather than locking them out", and §1: under that ceiling "assessments
 * become read-only". The project reads this (docs/access-model.md) as: for every user,
 * assessments become read-only; staff show the training-pending role, while a manager or an
 * administrator keeps the rest of their own ceiling.
 */
export function assessmentTrainingPending(w: World, user: UserW): boolean {
  return !user.trained && user.workgroups.some((g) => w.workgroups[g].assessmentTraining);
}

export function effectiveRole(w: World, user: UserW): Role {
  return assessmentTrainingPending(w, user) && user.role === 'AGENCY_STAFF'
    ? 'AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING'
    : user.role;
}

/** The active workgroup's grants under the role's ceiling ("assessments become read-only"). */
export function has(w: World, user: UserW, capability: string): boolean {
  if (!w.workgroups[user.activeWorkgroup].caps.includes(capability)) return false;
  if (
    capability === 'ce.assessment:write' &&
    effectiveRole(w, user) === 'AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING'
  )
    return false;
  if (capability === 'ce.assessment:write' && assessmentTrainingPending(w, user)) return false;
  return true;
}

// ---- §2.2 context at login -------------------------------------------------------------------------

/** "Exactly one workgroup and one org with canLogin: that pair is selected at login." */
export function contextSelectedAtLogin(user: UserW): boolean {
  return user.workgroups.length === 1 && user.assignments.filter((a) => a.canLogin).length === 1;
}

// ---- §4 what may be done --------------------------------------------------------------------------

export type RecordRef = { type: 'client'; index: number } | { type: 'tx'; index: number };

const WRITE: Record<TxKind | 'client', string> = {
  client: 'client:write',
  enrollment: 'enrollment:write',
  service: 'service:write',
  cls: 'cls:write',
  assessment: 'ce.assessment:write',
};

function ownerOf(w: World, r: RecordRef): number {
  return r.type === 'client' ? w.clients[r.index].owner : w.txs[r.index].owner;
}

/** Edit: the record is visible, the capability is held, and the assignment to the owner has canEdit. */
export function mayEdit(w: World, user: UserW, r: RecordRef): boolean {
  const visible =
    r.type === 'client'
      ? clientVisibleTo(w, r.index, user.activeOrg)
      : transactionVisibleTo(w, r.index, user.activeOrg);
  const capability = WRITE[r.type === 'client' ? 'client' : w.txs[r.index].kind];
  const owner = ownerOf(w, r);
  return visible && has(w, user, capability) && user.assignments.some((a) => a.org === owner && a.canEdit);
}

/** Delete: as edit, plus the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR ceiling. */
export function mayDelete(w: World, user: UserW, r: RecordRef): boolean {
  const role = effectiveRole(w, user);
  return mayEdit(w, user, r) && (role === 'AGENCY_MANAGER' || role === 'SYSTEM_ADMINISTRATOR');
}

/**
 * Create a transaction for a client in a program: the capability, a visible client (for an
 * enrollment) or a visible enrollment (for a child), and the program belongs to the active org.
 */
export function mayCreate(
  w: World,
  user: UserW,
  kind: TxKind,
  target: { client: number; program: number } | { enrollment: number },
): boolean {
  if (!has(w, user, WRITE[kind])) return false;
  if ('client' in target)
    return (
      clientVisibleTo(w, target.client, user.activeOrg) && w.programs[target.program].org === user.activeOrg
    );
  const e = w.txs[target.enrollment];
  return (
    transactionVisibleTo(w, target.enrollment, user.activeOrg) && w.programs[e.program].org === user.activeOrg
  );
}

/** "A's defaultRestriction, unless A shows the restriction field and the chosen option is enabled; a VSP always RESTRICTED." */
export function restrictionOnCreate(w: World, org: number, chosen?: Restriction): Restriction {
  const o = w.orgs[org];
  if (o.vsp) return 'RESTRICTED';
  if (chosen && o.displayRestrictionField && o.options.includes(chosen)) return chosen;
  return o.defaultRestriction;
}

// ---- §5 fields -------------------------------------------------------------------------------------

/**
 * Sensitive fields and their capabilities: §5 names `client.ssn:read` for the full SSN and says
 * DOB and names are guarded too; the capability names for those, and for the nested lists,
 * are the ones the brief and the capability list give.
 */
export const FIELD_CAPABILITY: Record<string, string> = {
  'Client.firstName': 'client.name:read',
  'Client.lastName': 'client.name:read',
  'Client.ssn': 'client.ssn:read',
  'Client.dob': 'client.dob:read',
  'Client.enrollments': 'enrollment:read',
  'Enrollment.services': 'service:read',
  'Enrollment.currentLivingSituations': 'cls:read',
  'Enrollment.assessments': 'assessment:read',
  'Assessment.score': 'assessment.score:read',
};

/** Without the capability the field resolves to null (or an empty list); ssnLast4 and age are always there. */
export function fieldVisible(w: World, user: UserW, coordinate: string): boolean {
  const capability = FIELD_CAPABILITY[coordinate];
  return capability === undefined || has(w, user, capability);
}
