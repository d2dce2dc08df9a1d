/**
 * Reads as one user, compared with the reference model: `clients(first: 500)` ids and
 * totalCount, `programs`, `client(id)` for every client of the world (with its sensitive fields,
 * `access`, and the enrollments, services, current living situations and assessments under
 * it), and `enrollment(id)` / `service(id)` for every transaction of the world.
 */
import { Checker, codesOf, post, sorted, type UserSession } from './checker';
import { CLIENT_VALUES } from './load-records';
import type { LoadEnv, LoadedWorld } from './load-world';
import {
  clientVisibleTo,
  fieldVisible,
  has,
  mayDelete,
  mayEdit,
  transactionVisibleTo,
  visibleClients,
  visiblePrograms,
} from './reference-model';
import type { TxKind, World } from './world';

/** Root fields per request: stays under common alias limits (e.g. graphql-armor's 15). */
const MAX_ALIASES = 15;
const CONNECTION = 'totalCount edges { node { id } }';
const ENROLLMENT = `id restriction access { canEdit canDelete } services(first: 500) { ${CONNECTION} } currentLivingSituations { id } assessments { id score }`;
const CLIENT = `id ssn ssnLast4 dob age firstName lastName restrictIntake access { canEdit canDelete hiddenFields } enrollments { ${ENROLLMENT} }`;
const HIDEABLE = ['firstName', 'lastName', 'ssn', 'dob', 'enrollments'];

interface Item {
  alias: string;
  field: string;
  /** The capability the root operation needs: without it the model expects FORBIDDEN and null. */
  capability: string;
  check: (value: any) => void;
}

type Ctx = { w: World; ids: LoadedWorld; s: UserSession; c: Checker; phase: string };

const A = (x: Ctx) => x.s.user.activeOrg;

/** World index of a transaction id of a kind (ids are per table). */
function txIndex(x: Ctx, kind: TxKind, id: string): number {
  const i = x.w.txs.findIndex((t, j) => t.kind === kind && x.ids.txIds[j] === Number(id));
  if (i < 0) x.c.fail(`${x.phase} ${x.s.label}: ${kind} id ${id} is not part of this world`);
  return i;
}

function idsOf(x: Ctx, kind: TxKind, list: Array<{ id: string }>): number[] {
  return sorted(list.map((r) => txIndex(x, kind, r.id)));
}

/** Visible children of enrollment j of a kind, if the field's capability is held. */
function expectedChildren(x: Ctx, j: number, kind: TxKind, coordinate: string): number[] {
  if (!fieldVisible(x.w, x.s.user, coordinate)) return [];
  return x.w.txs
    .map((_t, i) => i)
    .filter((i) => x.w.txs[i].parent === j && x.w.txs[i].kind === kind && transactionVisibleTo(x.w, i, A(x)));
}

function checkEnrollment(x: Ctx, j: number, e: any, where: string): void {
  const { w, c } = x;
  const user = x.s.user;
  const t = w.txs[j];
  const at = `${x.phase} ${x.s.label}: ${where} T${j}`;
  c.eq(`${at} restriction`, e.restriction, w.orgs[t.owner].vsp ? 'RESTRICTED' : t.restriction);
  c.eq(
    `${at} access {canEdit canDelete}`,
    [e.access.canEdit, e.access.canDelete],
    [mayEdit(w, user, { type: 'tx', index: j }), mayDelete(w, user, { type: 'tx', index: j })],
  );
  const services = expectedChildren(x, j, 'service', 'Enrollment.services');
  c.eq(
    `${at} services`,
    idsOf(
      x,
      'service',
      e.services.edges.map((edge: any) => edge.node),
    ),
    services,
  );
  c.eq(`${at} services.totalCount`, e.services.totalCount, services.length);
  c.eq(
    `${at} currentLivingSituations`,
    idsOf(x, 'cls', e.currentLivingSituations),
    expectedChildren(x, j, 'cls', 'Enrollment.currentLivingSituations'),
  );
  c.eq(
    `${at} assessments`,
    idsOf(x, 'assessment', e.assessments),
    expectedChildren(x, j, 'assessment', 'Enrollment.assessments'),
  );
  const score = fieldVisible(w, user, 'Assessment.score') ? CLIENT_VALUES.score : null;
  for (const a of e.assessments) c.eq(`${at} assessment ${a.id} score`, a.score, score);
  if ('client' in e) {
    c.eq(
      `${at} client`,
      e.client?.id ?? null,
      clientVisibleTo(w, t.client, A(x)) ? String(x.ids.clientIds[t.client]) : null,
    );
  }
}

function checkClient(x: Ctx, i: number, value: any): void {
  const { w, c } = x;
  const user = x.s.user;
  const at = `${x.phase} ${x.s.label}: client(C${i})`;
  const visible = clientVisibleTo(w, i, A(x));
  if (!c.eq(`${at} visible`, value !== null, visible) || !value) return;
  const field = (name: string, v: unknown) => (fieldVisible(w, user, `Client.${name}`) ? v : null);
  c.eq(
    `${at} fields [ssn ssnLast4 dob age? firstName lastName restrictIntake]`,
    [
      value.ssn,
      value.ssnLast4,
      value.dob,
      value.age !== null,
      value.firstName,
      value.lastName,
      value.restrictIntake,
    ],
    [
      field('ssn', CLIENT_VALUES.ssn),
      CLIENT_VALUES.ssnLast4,
      field('dob', CLIENT_VALUES.dob),
      true,
      field('firstName', CLIENT_VALUES.firstName),
      field('lastName', CLIENT_VALUES.lastName),
      w.clients[i].restrictIntake,
    ],
  );
  c.eq(
    `${at} access {canEdit canDelete}`,
    [value.access.canEdit, value.access.canDelete],
    [mayEdit(w, user, { type: 'client', index: i }), mayDelete(w, user, { type: 'client', index: i })],
  );
  c.eq(
    `${at} access.hiddenFields (of ${HIDEABLE.join(' ')})`,
    HIDEABLE.filter((f) => value.access.hiddenFields.includes(f)),
    HIDEABLE.filter((f) => !fieldVisible(w, user, `Client.${f}`)),
  );
  const expected = fieldVisible(w, user, 'Client.enrollments')
    ? w.txs
        .map((_t, j) => j)
        .filter(
          (j) => w.txs[j].kind === 'enrollment' && w.txs[j].client === i && transactionVisibleTo(w, j, A(x)),
        )
    : [];
  if (c.eq(`${at} enrollments`, idsOf(x, 'enrollment', value.enrollments), expected)) {
    for (const e of value.enrollments)
      checkEnrollment(x, txIndex(x, 'enrollment', e.id), e, `client(C${i}).enrollments`);
  }
}

function items(x: Ctx): Item[] {
  const { w, ids, c } = x;
  const user = x.s.user;
  const list: Item[] = [
    {
      alias: 'clients',
      field: `clients(first: 500) { ${CONNECTION} }`,
      capability: 'client:read',
      check: (v) => {
        const expected = visibleClients(w, user);
        c.eq(
          `${x.phase} ${x.s.label}: clients ids`,
          sorted(v.edges.map((e: any) => ids.clientIds.indexOf(Number(e.node.id)))),
          expected,
        );
        c.eq(`${x.phase} ${x.s.label}: clients.totalCount`, v.totalCount, expected.length);
      },
    },
    {
      alias: 'programs',
      field: 'programs { id }',
      capability: 'program:read',
      check: (v) =>
        c.eq(
          `${x.phase} ${x.s.label}: programs`,
          sorted(v.map((p: any) => ids.programIds.indexOf(Number(p.id)))),
          visiblePrograms(w, user),
        ),
    },
  ];
  w.clients.forEach((_cl, i) =>
    list.push({
      alias: `c${i}`,
      field: `client(id: "${ids.clientIds[i]}") { ${CLIENT} }`,
      capability: 'client:read',
      check: (v) => checkClient(x, i, v),
    }),
  );
  const withClient = has(w, user, 'client:read') ? ' client { id }' : '';
  w.txs.forEach((t, j) => {
    if (t.kind === 'enrollment') {
      list.push({
        alias: `e${j}`,
        field: `enrollment(id: "${ids.txIds[j]}") { ${ENROLLMENT}${withClient} }`,
        capability: 'enrollment:read',
        check: (v) => {
          const visible = transactionVisibleTo(w, j, A(x));
          if (c.eq(`${x.phase} ${x.s.label}: enrollment(T${j}) visible`, v !== null, visible) && v)
            checkEnrollment(x, j, v, 'enrollment(id)');
        },
      });
    } else if (t.kind === 'service') {
      list.push({
        alias: `s${j}`,
        field: `service(id: "${ids.txIds[j]}") { id }`,
        capability: 'service:read',
        check: (v) =>
          c.eq(
            `${x.phase} ${x.s.label}: service(T${j}) visible`,
            v !== null,
            transactionVisibleTo(w, j, A(x)),
          ),
      });
    }
  });
  return list;
}

/**
 * Root fields whose capability the model says is missing are still asked, alone: the answer
 * must be FORBIDDEN (a non-null list that is refused nulls the whole response, so they never
 * share a request with the others).
 */
export async function checkReads(
  env: LoadEnv,
  w: World,
  ids: LoadedWorld,
  s: UserSession,
  c: Checker,
  phase: string,
): Promise<void> {
  const x: Ctx = { w, ids, s, c, phase };
  const all = items(x);
  const allowed = all.filter((it) => has(w, s.user, it.capability));
  const refused = all.filter((it) => !has(w, s.user, it.capability));
  // One probe per missing capability: the first item needing it (the lists come first).
  const refusedProbes = [...new Map([...refused].reverse().map((it) => [it.capability, it])).values()];
  for (const it of refusedProbes) {
    const res = await post(env, c.stats, `{ ${it.alias}: ${it.field} }`, s.token);
    c.eq(
      `${phase} ${s.label}: ${it.alias} without ${it.capability}`,
      [res.data?.[it.alias] ?? null, codesOf(res)],
      [null, ['FORBIDDEN']],
    );
  }
  for (let start = 0; start < allowed.length; start += MAX_ALIASES) {
    const chunk = allowed.slice(start, start + MAX_ALIASES);
    const res = await post(
      env,
      c.stats,
      `{ ${chunk.map((it) => `${it.alias}: ${it.field}`).join('\n')} }`,
      s.token,
    );
    if (res.errors?.length || !res.data) {
      c.fail(`${phase} ${s.label}: errors ${JSON.stringify(res.errors)}`);
      continue;
    }
    for (const it of chunk) it.check(res.data[it.alias]);
  }
}
