/**
 * Client-level data of a world (clients, enrollments, services, current living situations,
 * assessments), loaded one of two ways (the world says which, see `World.loadViaApi`):
 *
 * - through the GraphQL mutations over HTTP, as a loader user of the owning organization with
 *   an explicit `restriction` (the way the data arises in production). About ten requests
 *   per world, each its own database transaction: on this 2-core machine that is a third of
 *   the property's time, so only about one world in four is loaded this way;
 * - with repository inserts inside the setup transaction, the same rows the mutations would
 *   write (owner, restriction, client, program, enrollment), without the audit trail.
 *
 * The mutations also check the rows they create: each answer must carry the restriction and
 * restrict-intake flag that were asked for.
 */
import type { EntityManager } from 'typeorm';
import { refreshClientReach } from '../../src/access/reach';
import { addDays } from '../../src/database/sql-time';
import { AssessmentLevel, AssessmentType, LivingSituation, ServiceRecordType } from '../../src/hud';
import { Client } from '../../src/modules/client/client.entity';
import { Enrollment } from '../../src/modules/enrollment/enrollment.entity';
import { Assessment } from '../../src/modules/transaction/assessment.entity';
import { CurrentLivingSituation } from '../../src/modules/transaction/current-living-situation.entity';
import { Service } from '../../src/modules/transaction/service.entity';
import type { Api } from '../support/api';
import { send } from './checker';
import type { LoadEnv, LoadedWorld } from './load-world';
import type { Restriction, TxW, World } from './world';

/** Every client gets these, so the field checks can tell "hidden" (null) from "empty". */
export const CLIENT_VALUES = {
  firstName: 'Alex',
  lastName: 'Rivera',
  ssn: '123456789',
  ssnLast4: '6789',
  dob: '1980-02-03',
  score: 7,
};

export async function gql(
  api: Api,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const res = await send(api, query, variables, token);
  if (res.errors?.length || !res.data)
    throw new Error(`GraphQL errors while loading a world: ${JSON.stringify(res.errors)}\n${query}`);
  return res.data;
}

const entryDate = (today: string) => addDays(today, -60);
const childDate = (today: string) => addDays(today, -10);

// ---- through the API --------------------------------------------------------------------------

function childMutation(t: TxW, enrollmentId: number, today: string): string {
  const base = `enrollmentId: "${enrollmentId}", restriction: ${t.restriction}`;
  const date = childDate(today);
  if (t.kind === 'service')
    return `createService(input: {${base}, dateProvided: "${date}", recordType: BED_NIGHT, typeProvided: 200}) { id restriction }`;
  if (t.kind === 'cls')
    return `createCurrentLivingSituation(input: {${base}, informationDate: "${date}", currentLivingSituation: EMERGENCY_SHELTER}) { id restriction }`;
  return `createAssessment(input: {${base}, assessmentDate: "${date}", assessmentLocation: "Office", assessmentType: IN_PERSON, assessmentLevel: CRISIS_NEEDS_ASSESSMENT, instrument: "VI-SPDAT", score: ${CLIENT_VALUES.score}}) { id restriction }`;
}

/** One mutation document per organization, as the loader with that organization active. */
async function asEachOrg(
  env: LoadEnv,
  token: string,
  ids: LoadedWorld,
  items: Array<{ org: number; alias: string; field: string }>,
): Promise<Record<string, any>> {
  const results: Record<string, any> = {};
  for (const org of [...new Set(items.map((x) => x.org))]) {
    await gql(
      env.api,
      token,
      `mutation { selectContext(workgroupId: "${env.loaderWorkgroupId}", organizationId: "${ids.orgIds[org]}") { state } }`,
    );
    const fields = items.filter((x) => x.org === org).map((x) => `${x.alias}: ${x.field}`);
    Object.assign(results, await gql(env.api, token, `mutation { ${fields.join('\n')} }`));
  }
  return results;
}

/**
 * `makeVisible(pairs)` is called before the transactions are created: each (client, org) pair
 * must be able to see the client (the loader inserts temporary release exceptions).
 */
export async function createRecordsViaApi(
  env: LoadEnv,
  w: World,
  ids: LoadedWorld,
  loader: string,
  makeVisible: (pairs: Array<[number, number]>) => Promise<void>,
): Promise<void> {
  const login = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
  const { token } = (await gql(env.api, null, login, { u: loader, p: env.password })).login as {
    token: string;
  };
  const { firstName, lastName, ssn, dob } = CLIENT_VALUES;
  const clients = await asEachOrg(
    env,
    token,
    ids,
    w.clients.map((c, i) => ({
      org: c.owner,
      alias: `c${i}`,
      field: `createClient(input: {firstName: "${firstName}", lastName: "${lastName}", ssn: "${ssn}", dob: "${dob}", restrictIntake: ${c.restrictIntake}}) { id version restrictIntake }`,
    })),
  );
  w.clients.forEach((c, i) => {
    if (clients[`c${i}`].restrictIntake !== c.restrictIntake)
      throw new Error(`C${i} was stored with restrictIntake ${clients[`c${i}`].restrictIntake}`);
    ids.clientIds.push(Number(clients[`c${i}`].id));
    ids.clientVersions.push(clients[`c${i}`].version);
  });

  const foreign = new Set(
    w.txs.filter((t) => t.owner !== w.clients[t.client].owner).map((t) => `${t.client}:${t.owner}`),
  );
  await makeVisible([...foreign].map((k) => k.split(':').map(Number) as [number, number]));

  const enrollments = w.txs.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'enrollment');
  const created: Record<string, { id: string; restriction: Restriction }> = await asEachOrg(
    env,
    token,
    ids,
    enrollments.map(({ t, i }) => ({
      org: t.owner,
      alias: `t${i}`,
      field: `createEnrollment(input: {clientId: "${ids.clientIds[t.client]}", programId: "${ids.programIds[t.program]}", entryDate: "${entryDate(env.today)}", restriction: ${t.restriction}}) { id restriction }`,
    })),
  );
  const children = w.txs.map((t, i) => ({ t, i })).filter(({ t }) => t.parent !== null);
  const items = children.map(({ t, i }) => ({
    org: t.owner,
    alias: `t${i}`,
    field: childMutation(t, Number(created[`t${t.parent}`].id), env.today),
  }));
  Object.assign(created, await asEachOrg(env, token, ids, items));
  w.txs.forEach((t, i) => {
    if (created[`t${i}`].restriction !== t.restriction)
      throw new Error(`T${i} was stored as ${created[`t${i}`].restriction}`);
    ids.txIds.push(Number(created[`t${i}`].id));
  });
}

// ---- with repository inserts -------------------------------------------------------------------

async function insertId<T extends object>(
  m: EntityManager,
  entity: new () => T,
  values: Partial<T>,
): Promise<number> {
  const { identifiers } = await m.insert(entity, values as never);
  return identifiers[0].id as number;
}

/** The rows the mutations would write, in the caller's transaction. */
export async function insertRecords(
  m: EntityManager,
  w: World,
  ids: LoadedWorld,
  today: string,
): Promise<void> {
  const { firstName, lastName, ssn, dob } = CLIENT_VALUES;
  for (const c of w.clients) {
    ids.clientIds.push(
      await insertId(m, Client, {
        organizationId: ids.orgIds[c.owner],
        firstName,
        lastName,
        ssn,
        dob,
        restrictIntake: c.restrictIntake,
        dateDeleted: null,
      }),
    );
    ids.clientVersions.push(1);
  }
  for (const t of w.txs) {
    const owned = {
      clientId: ids.clientIds[t.client],
      organizationId: ids.orgIds[t.owner],
      restriction: t.restriction as never,
      dateDeleted: null,
    };
    if (t.parent === null) {
      ids.txIds.push(
        await insertId(m, Enrollment, {
          ...owned,
          programId: ids.programIds[t.program],
          entryDate: entryDate(today),
          householdId: null,
        }),
      );
      continue;
    }
    const child = { ...owned, enrollmentId: ids.txIds[t.parent] };
    const date = childDate(today);
    if (t.kind === 'service')
      ids.txIds.push(
        await insertId(m, Service, {
          ...child,
          dateProvided: date,
          recordType: ServiceRecordType.BED_NIGHT,
          typeProvided: 200,
        }),
      );
    else if (t.kind === 'cls')
      ids.txIds.push(
        await insertId(m, CurrentLivingSituation, {
          ...child,
          informationDate: date,
          currentLivingSituation: LivingSituation.EMERGENCY_SHELTER,
        }),
      );
    else {
      ids.txIds.push(
        await insertId(m, Assessment, {
          ...child,
          assessmentDate: date,
          assessmentLocation: 'Office',
          assessmentType: AssessmentType.IN_PERSON,
          assessmentLevel: AssessmentLevel.CRISIS_NEEDS_ASSESSMENT,
          instrument: 'VI-SPDAT',
          score: CLIENT_VALUES.score,
        }),
      );
    }
  }
  // Repository inserts bypass the services that keep each client's reach current.
  await refreshClientReach(m, ids.clientIds);
}
