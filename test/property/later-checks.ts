/**
 * The later-changes phase of a world: agency leads manage the world's users (multi-organization
 * ones included), then flags change after the records exist (an organization becomes a victim
 * service provider, a client's restrict intake is toggled, an enrollment's restriction changes),
 * each through the API and each compared with reference-later.ts; the caller then reads again.
 */
import { post, send, type Checker, type UserSession } from './checker';
import type { LoadEnv, LoadedWorld } from './load-world';
import { applyVspFlag, leadMay, leadScopes, vspFlagAllowed } from './reference-later';
import type { World } from './world';

const outcome = (res: {
  data?: Record<string, any> | null;
  errors?: Array<{ extensions?: { code?: unknown } }>;
}) => (res.errors?.length ? String(res.errors[0].extensions?.code) : 'ok');

/** Every lead's answers for every user of the world: visibility, a revoke change, a hand-over. */
export async function checkLeads(
  env: LoadEnv,
  w: World,
  ids: LoadedWorld,
  sessions: UserSession[],
  c: Checker,
): Promise<void> {
  const leads = sessions.filter((s) => s.user.leads.length > 0);
  if (!leads.length) return;
  const userIds: number[] = [];
  for (const name of ids.usernames)
    userIds.push(Number((await env.ds.query('SELECT id FROM app_user WHERE username = ?', [name]))[0].id));
  for (const s of leads) {
    for (const [t, id] of userIds.entries()) {
      const seen = await post(env, c.stats, `{ user(id: "${id}") { id } }`, s.token);
      c.eq(
        `${s.label}: lead sees U${t}`,
        seen.data?.user?.id ?? null,
        leadScopes(w, s.index, t) ? String(id) : null,
      );
      const renamed = await post(
        env,
        c.stats,
        `mutation { updateUser(userId: "${id}", input: { displayName: "U${t}" }) { id } }`,
        s.token,
      );
      c.eq(
        `${s.label}: lead renames U${t}`,
        outcome(renamed),
        leadMay(w, s.index, t, 'revoke') ? 'ok' : 'FORBIDDEN',
      );
      const unlocked = await post(env, c.stats, `mutation { unlockUser(userId: "${id}") { id } }`, s.token);
      c.eq(
        `${s.label}: lead unlocks U${t}`,
        outcome(unlocked),
        leadMay(w, s.index, t, 'handOver') ? 'ok' : 'FORBIDDEN',
      );
    }
  }
}

async function loaderAt(
  env: LoadEnv,
  ids: LoadedWorld,
  token: string,
  org: number,
  c: Checker,
): Promise<void> {
  const res = await post(
    env,
    c.stats,
    `mutation { selectContext(workgroupId: "${env.loaderWorkgroupId}", organizationId: "${ids.orgIds[org]}") { state } }`,
    token,
  );
  if (outcome(res) !== 'ok') c.fail(`loader cannot work as O${org}: ${JSON.stringify(res.errors)}`);
}

/** Applies the world's later changes through the API, updating the model `w` as the spec says. */
export async function applyLaterChanges(env: LoadEnv, w: World, ids: LoadedWorld, c: Checker): Promise<void> {
  if (!w.later.length) return;
  const login = await send(
    env.api,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: `w${ids.n}load`, p: env.password },
    null,
  );
  const loader = login.data?.login?.token as string;
  for (const l of w.later) {
    if (l.kind === 'vsp') {
      if (w.orgs[l.org].vsp) continue;
      const res = await post(
        env,
        c.stats,
        `mutation { updateOrganization(id: "${ids.orgIds[l.org]}", input: { victimServiceProvider: true }) { victimServiceProvider } }`,
        env.adminToken,
      );
      const allowed = vspFlagAllowed(w, l.org);
      if (c.eq(`later: O${l.org} becomes a VSP`, outcome(res), allowed ? 'ok' : 'BAD_USER_INPUT') && allowed)
        applyVspFlag(w, l.org);
      continue;
    }
    if (l.kind === 'restrictIntake') {
      const client = w.clients[l.client];
      // A VSP's clients always restrict intake; lifting it is not this phase's question.
      if (w.orgs[client.owner].vsp && !l.value) continue;
      await loaderAt(env, ids, loader, client.owner, c);
      const id = ids.clientIds[l.client];
      const found = await post(env, c.stats, `{ client(id: "${id}") { version } }`, loader);
      const res = await post(
        env,
        c.stats,
        `mutation { updateClient(id: "${id}", input: { version: ${found.data?.client?.version}, restrictIntake: ${l.value} }) { restrictIntake } }`,
        loader,
      );
      if (c.eq(`later: C${l.client} restrict intake ${l.value}`, outcome(res), 'ok'))
        client.restrictIntake = l.value;
      continue;
    }
    const tx = w.txs[l.tx];
    await loaderAt(env, ids, loader, tx.owner, c);
    const id = ids.txIds[l.tx];
    const found = await post(env, c.stats, `{ enrollment(id: "${id}") { version } }`, loader);
    const res = await post(
      env,
      c.stats,
      `mutation { updateEnrollment(id: "${id}", input: { version: ${found.data?.enrollment?.version}, restriction: ${l.value} }) { restriction } }`,
      loader,
    );
    // The organization's restriction options decide whether the change is offered; a VSP never shares.
    if (w.orgs[tx.owner].vsp && l.value === 'UNRESTRICTED')
      c.eq(`later: T${l.tx} of a VSP unrestricted`, outcome(res) === 'ok', false);
    if (outcome(res) === 'ok') tx.restriction = res.data?.updateEnrollment?.restriction;
  }
}
