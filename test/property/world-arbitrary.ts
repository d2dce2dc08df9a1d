/**
 * Random small worlds (2-4 orgs, 0-4 releases, 1-6 clients, 0-8 transactions, 0-3 release
 * exceptions, 1-2 workgroups, 1-4 users), normalized to what the system guarantees.
 */
import fc from 'fast-check';
import {
  POOL,
  ROLES,
  worldToString,
  type OrgW,
  type ProgramW,
  type Restriction,
  type TxKind,
  type TxW,
  type World,
} from './world';

// Cross references are drawn as small naturals and reduced modulo the number of targets in
// `normalize`, so fast-check shrinks them towards "the first one" without chained arbitraries.

const ref = fc.nat(11);
const restriction = fc.constantFrom<Restriction>('UNRESTRICTED', 'RESTRICTED');
/** Dates around today, edges included: yesterday, today, tomorrow. */
const offset = fc.constantFrom(0, -1, 1, -30, 30, -400);
/** Releases: mostly started (3:1), mostly not ended (open-ended or ending today or later, 4:1). */
const releaseStart = fc.oneof(
  { arbitrary: fc.constantFrom(0, -1, -30, -400), weight: 3 },
  { arbitrary: fc.constantFrom(1, 30), weight: 1 },
);
const releaseEnd = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.constantFrom(0, 1, 30), weight: 2 },
  { arbitrary: fc.constantFrom(-1, -30), weight: 1 },
);

const rawWorld = fc.record({
  loadViaApi: fc.nat(3).map((n) => n === 3),
  orgs: fc.array(
    fc.record({
      vsp: fc.nat(3).map((n) => n === 3),
      defaultRestriction: restriction,
      displayRestrictionField: fc.boolean(),
      options: fc.subarray<Restriction>(['RESTRICTED', 'UNRESTRICTED']),
    }),
    { minLength: 2, maxLength: 4 },
  ),
  extraPrograms: fc.array(ref, { maxLength: 2 }),
  mous: fc.array(
    fc.record({
      start: releaseStart,
      end: releaseEnd,
      shares: fc.array(fc.tuple(ref, ref), { minLength: 1, maxLength: 6 }),
    }),
    { maxLength: 4 },
  ),
  clients: fc.array(fc.record({ owner: ref, restrictIntake: fc.nat(3).map((n) => n === 3) }), {
    minLength: 1,
    maxLength: 6,
  }),
  enrollments: fc.array(fc.record({ client: ref, program: ref, restriction }), { maxLength: 4 }),
  children: fc.array(
    fc.record({
      kind: fc.constantFrom<TxKind>('service', 'service', 'cls', 'assessment'),
      parent: ref,
      restriction,
    }),
    { maxLength: 4 },
  ),
  exceptions: fc.array(fc.record({ client: ref, org: ref, validThrough: offset }), { maxLength: 3 }),
  workgroups: fc.array(
    fc.record({
      // Mostly everything, minus a few capabilities: shrinks towards a workgroup that has all.
      missing: fc.array(fc.constantFrom(...POOL), { maxLength: 4 }),
      assessmentTraining: fc.boolean(),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  users: fc.array(
    fc.record({
      role: fc.constantFrom(...ROLES),
      workgroups: fc.array(ref, { minLength: 1, maxLength: 2 }),
      activeWorkgroup: ref,
      assignments: fc.array(fc.record({ org: ref, canLogin: fc.boolean(), canEdit: fc.boolean() }), {
        minLength: 1,
        maxLength: 3,
      }),
      activeOrg: ref,
      trained: fc.boolean(),
      enroll: fc.array(ref, { minLength: 1, maxLength: 3 }),
      assess: ref,
      // 0-3: no lead; 4: lead of the first assigned organization; 5: of every assigned one.
      lead: fc.nat(5),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  later: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('vsp' as const), org: ref }),
      fc.record({ kind: fc.constant('restrictIntake' as const), client: ref, value: fc.boolean() }),
      fc.record({ kind: fc.constant('restriction' as const), tx: ref, value: restriction }),
    ),
    { maxLength: 3 },
  ),
});

/** A world as drawn, before `normalize`: cross references are any naturals. */
export type RawWorld = typeof rawWorld extends fc.Arbitrary<infer T> ? T : never;

const unique = <T>(xs: T[], key: (x: T) => unknown = (x) => x): T[] =>
  xs.filter((x, i) => xs.findIndex((y) => key(y) === key(x)) === i);

/** Applies the invariants the system guarantees (VAWA rules, owners via programs, a login org). */
export function normalize(raw: RawWorld): World {
  const n = raw.orgs.length;
  const orgs: OrgW[] = raw.orgs.map((o) => (o.vsp ? { ...o, defaultRestriction: 'RESTRICTED' } : o));
  const vsp = (i: number) => orgs[i].vsp;
  const programs: ProgramW[] = [
    ...orgs.map((_o, i) => ({ org: i })),
    ...raw.extraPrograms.map((r) => ({ org: r % n })),
  ];
  const mous = raw.mous
    .map((m) => ({
      ...m,
      shares: unique(
        m.shares.map(([f, t]): [number, number] => [f % n, t % n]).filter(([f, t]) => f !== t && !vsp(f)),
        (s) => s.join('>'),
      ),
    }))
    .filter((m) => m.shares.length > 0);
  const clients = raw.clients.map((c) => ({
    owner: c.owner % n,
    restrictIntake: c.restrictIntake || vsp(c.owner % n),
  }));
  const txs: TxW[] = raw.enrollments.map((e) => {
    const program = e.program % programs.length;
    const owner = programs[program].org;
    return {
      kind: 'enrollment',
      client: e.client % clients.length,
      owner,
      program,
      parent: null,
      restriction: vsp(owner) ? 'RESTRICTED' : e.restriction,
    };
  });
  const enrollments = txs.length;
  if (enrollments > 0) {
    for (const c of raw.children) {
      const parent = c.parent % enrollments;
      const { client, owner, program } = txs[parent];
      txs.push({
        kind: c.kind,
        client,
        owner,
        program,
        parent,
        restriction: vsp(owner) ? 'RESTRICTED' : c.restriction,
      });
    }
  }
  // At most one release exception per client and organization (a unique index since issue 17).
  const exceptions = raw.exceptions
    .map((x) => ({ client: x.client % clients.length, org: x.org % n, validThrough: x.validThrough }))
    .filter((x, i, all) => all.findIndex((y) => y.client === x.client && y.org === x.org) === i);
  const workgroups = raw.workgroups.map((g) => ({
    caps: POOL.filter((c) => !g.missing.includes(c)),
    assessmentTraining: g.assessmentTraining,
  }));
  const users = raw.users.map((u) => {
    const wgs = unique(u.workgroups.map((g) => g % workgroups.length));
    const assignments = unique(
      u.assignments.map((a) => ({ ...a, org: a.org % n })),
      (a) => a.org,
    );
    if (!assignments.some((a) => a.canLogin)) assignments[0] = { ...assignments[0], canLogin: true };
    const logins = assignments.filter((a) => a.canLogin).map((a) => a.org);
    const activeOrg = logins[u.activeOrg % logins.length];
    const enrollClients = programs.map((_p, i) => u.enroll[i % u.enroll.length] % clients.length);
    const all = txs.flatMap((t, i) => (t.kind === 'enrollment' ? [i] : []));
    const own = all.filter((i) => txs[i].owner === activeOrg);
    const pool = own.length ? own : all;
    const assessIn = pool.length ? pool[u.assess % pool.length] : null;
    return {
      role: u.role,
      workgroups: wgs,
      activeWorkgroup: wgs[u.activeWorkgroup % wgs.length],
      assignments,
      activeOrg,
      trained: u.trained,
      enrollClients,
      assessIn,
      leads: u.lead === 5 ? assignments.map((a) => a.org) : u.lead === 4 ? [assignments[0].org] : [],
    };
  });
  const enrollmentIndexes = txs.flatMap((t, i) => (t.kind === 'enrollment' ? [i] : []));
  const later = raw.later.flatMap((l): World['later'] => {
    if (l.kind === 'vsp') return [{ kind: 'vsp', org: l.org % n }];
    if (l.kind === 'restrictIntake')
      return [{ kind: 'restrictIntake', client: l.client % clients.length, value: l.value }];
    return enrollmentIndexes.length
      ? [{ kind: 'restriction', tx: enrollmentIndexes[l.tx % enrollmentIndexes.length], value: l.value }]
      : [];
  });
  return {
    loadViaApi: raw.loadViaApi,
    orgs,
    programs,
    mous,
    clients,
    txs,
    exceptions,
    workgroups,
    users,
    later,
  };
}

/** A normalized world that prints itself compactly in fast-check's counterexample report. */
export function makeWorld(raw: RawWorld): World {
  const world = normalize(raw);
  Object.defineProperty(world, fc.toStringMethod, {
    value: () => `\n${worldToString(world)}\n`,
    enumerable: false,
  });
  return world;
}

export const worldArbitrary: fc.Arbitrary<World> = rawWorld.map(makeWorld);
