/**
 * The worlds of the access-model property: organizations, information releases, clients,
 * transactions, release exceptions, workgroups and users, all referring to each other by index
 * (O0, C1, T2...). Dates are day offsets from today (0), so the reference model never needs a
 * clock. Nothing here imports from src/: a world is plain data. world-arbitrary.ts draws them.
 */

export type Restriction = 'RESTRICTED' | 'UNRESTRICTED';
export type Role =
  | 'AGENCY_STAFF'
  | 'AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING'
  | 'AGENCY_STAFF_DATA_ANALYSIS'
  | 'AGENCY_MANAGER'
  | 'SYSTEM_ADMINISTRATOR';
export const ROLES: readonly Role[] = [
  'AGENCY_STAFF',
  'AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING',
  'AGENCY_STAFF_DATA_ANALYSIS',
  'AGENCY_MANAGER',
  'SYSTEM_ADMINISTRATOR',
];

export interface OrgW {
  vsp: boolean;
  defaultRestriction: Restriction;
  displayRestrictionField: boolean;
  /** Transaction Restriction Options enabled for the org's users. */
  options: Restriction[];
}
export interface ProgramW {
  org: number;
}
/** An information release: active when start <= 0 <= end (end null: open-ended). */
export interface MouW {
  start: number;
  end: number | null;
  /** Directed shares [from, to]. */
  shares: Array<[number, number]>;
}
export interface ClientW {
  owner: number;
  restrictIntake: boolean;
}
export type TxKind = 'enrollment' | 'service' | 'cls' | 'assessment';
/** A transaction. Children (service, cls, assessment) hang off an enrollment (`parent`). */
export interface TxW {
  kind: TxKind;
  client: number;
  owner: number;
  program: number;
  parent: number | null;
  restriction: Restriction;
}
export interface ExceptionW {
  client: number;
  org: number;
  validThrough: number;
}
export interface WorkgroupW {
  caps: string[];
  /** Members must have completed an ASSESSMENT-kind training. */
  assessmentTraining: boolean;
}
export interface AssignmentW {
  org: number;
  canLogin: boolean;
  canEdit: boolean;
}
export interface UserW {
  role: Role;
  workgroups: number[];
  activeWorkgroup: number;
  assignments: AssignmentW[];
  activeOrg: number;
  /** Has completed the assessment training. */
  trained: boolean;
  /** Write plan: the client to enroll into each program (by program index). */
  enrollClients: number[];
  /** Write plan: the enrollment to record an assessment in (one of the active org's if any). */
  assessIn: number | null;
  /** Organizations the user is agency lead of (a subset of the assigned ones). */
  leads: number[];
}

/**
 * A change of a flag after the records exist (access model §4): an organization flagged as a
 * victim service provider, a client's restrict intake toggled, an enrollment's restriction
 * changed. Applied through the API after the write checks, then every user reads again.
 */
export type LaterChangeW =
  | { kind: 'vsp'; org: number }
  | { kind: 'restrictIntake'; client: number; value: boolean }
  | { kind: 'restriction'; tx: number; value: Restriction };
export interface World {
  /** Client-level data through the GraphQL mutations (else repository inserts); see load-records.ts. */
  loadViaApi: boolean;
  orgs: OrgW[];
  programs: ProgramW[];
  mous: MouW[];
  clients: ClientW[];
  txs: TxW[];
  exceptions: ExceptionW[];
  workgroups: WorkgroupW[];
  users: UserW[];
  later: LaterChangeW[];
}

/** The capabilities workgroups are drawn from, with short names for printing. */
export const CAPABILITY_POOL: Record<string, string> = {
  'client:read': 'cR',
  'client:write': 'cW',
  'client.name:read': 'name',
  'client.ssn:read': 'ssn',
  'client.dob:read': 'dob',
  'enrollment:read': 'eR',
  'enrollment:write': 'eW',
  'service:read': 'sR',
  'service:write': 'sW',
  'cls:read': 'clsR',
  'assessment:read': 'aR',
  'assessment.score:read': 'score',
  'ce.assessment:write': 'aW',
  'program:read': 'pR',
};
export const POOL = Object.keys(CAPABILITY_POOL);

const R = (r: Restriction) => (r === 'RESTRICTED' ? 'R' : 'U');
const day = (d: number) => (d === 0 ? 't' : d > 0 ? `t+${d}` : `t${d}`);

/** A compact, readable rendering: one line per kind of thing. */
export function worldToString(w: World): string {
  const orgs = w.orgs.map((o, i) => {
    const opts = o.displayRestrictionField ? ` field:${o.options.map(R).join('') || '-'}` : '';
    return `O${i}(${o.vsp ? 'VSP' : `default ${R(o.defaultRestriction)}${opts}`})`;
  });
  const mous = w.mous.map(
    (m, i) =>
      `M${i}[${day(m.start)}..${m.end === null ? '' : day(m.end)}] ${m.shares.map(([f, t]) => `O${f}>O${t}`).join(' ')}`,
  );
  const txs = w.txs.map((t, i) => {
    const where = t.parent === null ? `C${t.client} P${t.program}` : `in T${t.parent}`;
    return `T${i}=${t.kind}(${where} by O${t.owner} ${R(t.restriction)})`;
  });
  const users = w.users.map((u, i) => {
    const orgs = u.assignments.map(
      (a) => `O${a.org}${a.org === u.activeOrg ? '*' : ''}${a.canLogin ? 'L' : ''}${a.canEdit ? 'E' : ''}`,
    );
    const wgs = u.workgroups.map((g) => `G${g}${g === u.activeWorkgroup ? '*' : ''}`);
    const plan = `enroll ${u.enrollClients.map((c, p) => `C${c}>P${p}`).join(',')}${u.assessIn === null ? '' : ` assess T${u.assessIn}`}`;
    const leads = u.leads.length ? ` lead of ${u.leads.map((o) => `O${o}`).join(',')}` : '';
    return `U${i}(${u.role.replace('AGENCY_STAFF_', 'STAFF_')} ${wgs.join(',')} ${orgs.join(',')}${u.trained ? ' trained' : ''}${leads}; ${plan})`;
  });
  return [
    `loaded:     ${w.loadViaApi ? 'clients and transactions through the GraphQL mutations' : 'with repository inserts'}`,
    `orgs:       ${orgs.join(' ')}`,
    `programs:   ${w.programs.map((p, i) => `P${i}@O${p.org}`).join(' ')}`,
    `releases:   ${mous.join(' ; ') || '-'}`,
    `clients:    ${w.clients.map((c, i) => `C${i}@O${c.owner}${c.restrictIntake ? '(restrict intake)' : ''}`).join(' ')}`,
    `txs:        ${txs.join(' ') || '-'}`,
    `exceptions: ${w.exceptions.map((x) => `C${x.client}>O${x.org} thru ${day(x.validThrough)}`).join(' ') || '-'}`,
    `workgroups: ${w.workgroups
      .map(
        (g, i) =>
          `G${i}{${
            g.caps.length === POOL.length
              ? 'all'
              : `all-${POOL.filter((c) => !g.caps.includes(c))
                  .map((c) => CAPABILITY_POOL[c])
                  .join('-')}`
          }}${g.assessmentTraining ? '(needs training)' : ''}`,
      )
      .join(' ')}`,
    `users:      ${users.join(' ')}`,
    `later:      ${
      w.later
        .map((l) =>
          l.kind === 'vsp'
            ? `O${l.org} becomes VSP`
            : l.kind === 'restrictIntake'
              ? `C${l.client} restrict intake ${l.value}`
              : `T${l.tx} ${R(l.value)}`,
        )
        .join(' ; ') || '-'
    }`,
  ].join('\n');
}

/** A deep copy the checks may extend (records created during the write phase). */
export function cloneWorld(w: World): World {
  return JSON.parse(JSON.stringify(w)) as World;
}
