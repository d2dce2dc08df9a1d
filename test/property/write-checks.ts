/**
 * Writes as one user, compared with the reference model (§4): `updateClient` on every visible
 * client of the world (and on one invisible client, whose refusal must be the one for an id that
 * does not exist), `createEnrollment` into every program (the generated client for the active
 * org's programs, a visible one for the others) and one `createAssessment` (the
 * training-pending ceiling). Each success is applied to the world, so the model predicts what
 * later reads and writes see; a created record's restriction must be the one §4 prescribes.
 * The attempts are a generated plan, not every combination: each request costs ~5-10 ms.
 */
import { addDays } from '../../src/database/sql-time';
import { Checker, codesOf, post, type UserSession } from './checker';
import { CLIENT_VALUES } from './load-records';
import type { LoadEnv, LoadedWorld } from './load-world';
import {
  clientVisibleTo,
  has,
  mayCreate,
  mayEdit,
  restrictionOnCreate,
  visibleClients,
} from './reference-model';
import type { World } from './world';

type Answer = [string[], string | null];

/** The answer to the same operation on an id that does not exist, per operation (same for everyone). */
const notFound = new Map<string, Answer>();

function answerOf(res: Awaited<ReturnType<typeof post>>): Answer {
  return [codesOf(res), res.errors?.[0]?.message ?? null];
}

async function notFoundAnswer(
  env: LoadEnv,
  c: Checker,
  s: UserSession,
  key: string,
  query: string,
): Promise<Answer> {
  let answer = notFound.get(key);
  if (!answer) {
    answer = answerOf(await post(env, c.stats, query, s.token));
    notFound.set(key, answer);
  }
  return answer;
}

const MISSING_ID = 2147483646;

async function updateClients(
  env: LoadEnv,
  w: World,
  ids: LoadedWorld,
  s: UserSession,
  c: Checker,
  clients: number,
): Promise<void> {
  const user = s.user;
  const invisible = [...Array(clients).keys()].filter((i) => !clientVisibleTo(w, i, user.activeOrg));
  for (let i = 0; i < clients; i++) {
    if (!clientVisibleTo(w, i, user.activeOrg) && i !== invisible[0]) continue;
    const at = `writes ${s.label}: updateClient(C${i})`;
    const expected = mayEdit(w, user, { type: 'client', index: i });
    const res = await post(
      env,
      c.stats,
      `mutation { updateClient(id: "${ids.clientIds[i]}", input: {version: ${ids.clientVersions[i]}}) { id version } }`,
      s.token,
    );
    const done = res.data?.updateClient;
    if (done) ids.clientVersions[i] = done.version;
    if (!c.eq(`${at} succeeds`, !!done, expected) || done) continue;
    if (!has(w, user, 'client:write')) {
      c.eq(`${at} refusal`, codesOf(res), ['FORBIDDEN']);
    } else if (!clientVisibleTo(w, i, user.activeOrg)) {
      const missing = await notFoundAnswer(
        env,
        c,
        s,
        'updateClient',
        `mutation { updateClient(id: "${MISSING_ID}", input: {version: 1}) { id } }`,
      );
      c.eq(`${at} refusal is the one for a client id that does not exist`, answerOf(res), missing);
    } else {
      c.eq(`${at} refusal`, codesOf(res), ['FORBIDDEN']);
    }
  }
}

async function createEnrollments(
  env: LoadEnv,
  w: World,
  ids: LoadedWorld,
  s: UserSession,
  c: Checker,
  clients: number,
): Promise<void> {
  const user = s.user;
  const A = user.activeOrg;
  const entryDate = addDays(env.today, -5);
  const mutation = (client: number, program: number) =>
    `mutation { createEnrollment(input: {clientId: "${client}", programId: "${program}", entryDate: "${entryDate}"}) { id restriction } }`;
  for (let p = 0; p < w.programs.length; p++) {
    const own = w.programs[p].org === A;
    // Another org's program: a visible client, so only the program decides.
    const i = own ? user.enrollClients[p] : (visibleClients(w, user).find((v) => v < clients) ?? 0);
    const at = `writes ${s.label}: createEnrollment(C${i} in P${p})`;
    const expected = mayCreate(w, user, 'enrollment', { client: i, program: p });
    const res = await post(env, c.stats, mutation(ids.clientIds[i], ids.programIds[p]), s.token);
    const done = res.data?.createEnrollment;
    if (done) {
      // Recorded even when the model did not expect it, so later checks stay meaningful.
      const restriction = restrictionOnCreate(w, A);
      w.txs.push({ kind: 'enrollment', client: i, owner: A, program: p, parent: null, restriction });
      ids.txIds.push(Number(done.id));
      c.eq(`${at} restriction`, done.restriction, restriction);
    }
    if (!c.eq(`${at} succeeds`, !!done, expected) || done) continue;
    if (own && has(w, user, 'enrollment:write') && !clientVisibleTo(w, i, A)) {
      const missing = await notFoundAnswer(
        env,
        c,
        s,
        'createEnrollment',
        mutation(MISSING_ID, ids.programIds[p]),
      );
      c.eq(`${at} refusal is the one for a client id that does not exist`, answerOf(res), missing);
    } else {
      const unexpected = codesOf(res).filter((code) => code !== 'FORBIDDEN' && code !== 'BAD_USER_INPUT');
      c.eq(`${at} refusal code`, unexpected, []);
    }
  }
}

async function createAssessment(
  env: LoadEnv,
  w: World,
  ids: LoadedWorld,
  s: UserSession,
  c: Checker,
): Promise<void> {
  const user = s.user;
  const A = user.activeOrg;
  const j = user.assessIn;
  if (j === null) return;
  const t = w.txs[j];
  const at = `writes ${s.label}: createAssessment(in T${j})`;
  const expected = mayCreate(w, user, 'assessment', { enrollment: j });
  const input = `enrollmentId: "${ids.txIds[j]}", assessmentDate: "${addDays(env.today, -1)}", assessmentLocation: "Office", assessmentType: IN_PERSON, assessmentLevel: CRISIS_NEEDS_ASSESSMENT, instrument: "VI-SPDAT", score: ${CLIENT_VALUES.score}`;
  const res = await post(
    env,
    c.stats,
    `mutation { createAssessment(input: {${input}}) { id restriction } }`,
    s.token,
  );
  const done = res.data?.createAssessment;
  if (done) {
    const restriction = restrictionOnCreate(w, A);
    w.txs.push({
      kind: 'assessment',
      client: t.client,
      owner: A,
      program: t.program,
      parent: j,
      restriction,
    });
    ids.txIds.push(Number(done.id));
    c.eq(`${at} restriction`, done.restriction, restriction);
  }
  if (!c.eq(`${at} succeeds`, !!done, expected) || done) return;
  const unexpected = codesOf(res).filter((code) => code !== 'FORBIDDEN' && code !== 'BAD_USER_INPUT');
  c.eq(`${at} refusal code`, unexpected, []);
}

/** `original` bounds the attempts to the generated records (created ones are not retried). */
export async function checkWrites(
  env: LoadEnv,
  w: World,
  original: World,
  ids: LoadedWorld,
  s: UserSession,
  c: Checker,
): Promise<void> {
  await updateClients(env, w, ids, s, c, original.clients.length);
  await createEnrollments(env, w, ids, s, c, original.clients.length);
  await createAssessment(env, w, ids, s, c);
}
