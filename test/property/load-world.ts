/**
 * Loads a generated world into the real database, next to every other world: each world gets
 * fresh organizations (3-character codes from a base-36 counter), programs, workgroups, users
 * and release numbers, and no information release or release exception ever crosses worlds, so
 * nothing of one world can become visible in another.
 *
 * Setup data (organizations, programs, workgroups and capabilities, users, assignments,
 * information releases, release exceptions, restriction options) is inserted with the TypeORM
 * repositories, as seeds/demo-setup.ts does. Client-level data goes through the GraphQL mutations
 * in about one world in four and is inserted with the repositories in the others (see
 * load-records.ts for why). When it goes through the API:
 * - while loading, every non-VSP organization shows the restriction field with both options
 *   enabled, so any generated restriction is allowed; afterwards the world's own
 *   displayRestrictionField and options are stored (they matter for the write checks);
 * - a transaction owned by another organization than the client's needs the client to be
 *   visible to that organization when it is created, so a release exception valid until
 *   9999-12-31 is inserted for the load and deleted afterwards (restrict-intake and VSP clients
 *   with records at other organizations arise in practice the same way: a release that has
 *   since ended);
 * - a child transaction (service, ...) is created in its enrollment's program, so it is owned
 *   by the enrollment's organization. Worlds never contain a service owned by another org than
 *   its enrollment, however they are loaded, because the API cannot create one.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { addDays } from '../../src/database/sql-time';
import { writeTransaction } from '../../src/database/transactions';
import { ProjectType } from '../../src/hud';
import { Organization } from '../../src/modules/organization/organization.entity';
import { Program } from '../../src/modules/program/program.entity';
import {
  InformationRelease,
  InformationReleaseShare,
  ReleaseException,
  RestrictionOption,
} from '../../src/modules/admin/information-release.entity';
import { OrgAssignment, User, UserTraining } from '../../src/modules/users/user.entity';
import {
  TrainingKind,
  Workgroup,
  WorkgroupCapability,
  WorkgroupMembership,
  WorkgroupRequiredTraining,
} from '../../src/modules/admin/workgroup.entity';
import type { Api } from '../support/api';
import { createRecordsViaApi, insertRecords } from './load-records';
import type { World } from './world';

export const ASSESSMENT_COURSE = 'VI-SPDAT';
const LOAD_VALID_THROUGH = '9999-12-31';

/** Shared by every world of a run. */
export interface LoadEnv {
  ds: DataSource;
  api: Api;
  password: string;
  /** One password hash, computed once, for every user. */
  passwordHash: string;
  /** A workgroup holding every capability the loader needs. */
  loaderWorkgroupId: number;
  today: string;
  counters: { world: number; org: number; release: number };
  /** A session of the run's HMIS administrator (setup:admin), for the later changes. */
  adminToken: string;
}

/** Database ids of a loaded world, by the world's indexes. */
export interface LoadedWorld {
  n: number;
  orgIds: number[];
  programIds: number[];
  workgroupIds: number[];
  usernames: string[];
  clientIds: number[];
  /** Current optimistic-locking version of each client (the write checks bump it). */
  clientVersions: number[];
  txIds: number[];
}

async function insertId<T extends object>(
  m: EntityManager,
  entity: new () => T,
  values: Partial<T>,
): Promise<number> {
  const { identifiers } = await m.insert(entity, values as never);
  return identifiers[0].id as number;
}

/** Next unique 3-character organization code: base 36, from "100" upwards. */
function nextOrgCode(env: LoadEnv): string {
  return (1296 + env.counters.org++).toString(36).toUpperCase();
}

async function insertSetup(m: EntityManager, env: LoadEnv, w: World, ids: LoadedWorld): Promise<string> {
  const now = new Date();
  const prefix = `w${ids.n}`;
  for (const [i, o] of w.orgs.entries()) {
    ids.orgIds.push(
      await insertId(m, Organization, {
        code: nextOrgCode(env),
        name: `World ${ids.n} org ${i}`,
        defaultRestriction: o.defaultRestriction as never,
        displayRestrictionField: !o.vsp,
        victimServiceProvider: o.vsp,
      }),
    );
  }
  const loadOptions = w.orgs.flatMap((o, i) =>
    o.vsp
      ? []
      : (['RESTRICTED', 'UNRESTRICTED'] as const).map((restriction) => ({
          organizationId: ids.orgIds[i],
          restriction: restriction as never,
          enabled: true,
        })),
  );
  if (loadOptions.length) await m.insert(RestrictionOption, loadOptions);
  for (const [i, p] of w.programs.entries()) {
    ids.programIds.push(
      await insertId(m, Program, {
        organizationId: ids.orgIds[p.org],
        name: `World ${ids.n} program ${i}`,
        projectType: ProjectType.EMERGENCY_SHELTER_ENTRY_EXIT,
        cocCode: 'XX-500',
        operatingStartDate: '2000-01-01',
      }),
    );
  }
  for (const [i, g] of w.workgroups.entries()) {
    const id = await insertId(m, Workgroup, { name: `${prefix}g${i}`, description: null });
    ids.workgroupIds.push(id);
    if (g.caps.length)
      await m.insert(
        WorkgroupCapability,
        g.caps.map((capability) => ({ workgroupId: id, capability })),
      );
    if (g.assessmentTraining)
      await m.insert(WorkgroupRequiredTraining, {
        workgroupId: id,
        course: ASSESSMENT_COURSE,
        kind: TrainingKind.ASSESSMENT,
      });
  }
  const userValues = {
    passwordHash: env.passwordHash,
    lastLoginAt: new Date(now.getTime() - 86_400_000),
    euaAcceptedAt: now,
  };
  for (const [i, u] of w.users.entries()) {
    const username = `${prefix}u${i}`;
    const id = await insertId(m, User, {
      username,
      displayName: `U${i}`,
      accessRole: u.role as never,
      ...userValues,
    });
    ids.usernames.push(username);
    await m.insert(
      WorkgroupMembership,
      u.workgroups.map((g) => ({ userId: id, workgroupId: ids.workgroupIds[g] })),
    );
    await m.insert(
      OrgAssignment,
      u.assignments.map((a) => ({
        userId: id,
        organizationId: ids.orgIds[a.org],
        canLogin: a.canLogin,
        canEdit: a.canEdit,
        agencyLead: u.leads.includes(a.org),
      })),
    );
    if (u.trained)
      await m.insert(UserTraining, {
        userId: id,
        course: ASSESSMENT_COURSE,
        completedOn: addDays(env.today, -90),
      });
  }
  const loader = `${prefix}load`;
  const loaderId = await insertId(m, User, { username: loader, displayName: 'loader', ...userValues });
  await m.insert(WorkgroupMembership, { userId: loaderId, workgroupId: env.loaderWorkgroupId });
  await m.insert(
    OrgAssignment,
    ids.orgIds.map((organizationId) => ({
      userId: loaderId,
      organizationId,
      canLogin: true,
      canEdit: true,
      agencyLead: false,
    })),
  );
  for (const [i, r] of w.mous.entries()) {
    const releaseId = await insertId(m, InformationRelease, {
      number: env.counters.release++,
      name: `World ${ids.n} release ${i}`,
      comments: null,
      startDate: addDays(env.today, r.start),
      endDate: r.end === null ? null : addDays(env.today, r.end),
    });
    await m.insert(
      InformationReleaseShare,
      r.shares.map(([f, t]) => ({
        releaseId,
        fromOrganizationId: ids.orgIds[f],
        toOrganizationId: ids.orgIds[t],
      })),
    );
  }
  return loader;
}

export async function loadWorld(env: LoadEnv, w: World): Promise<LoadedWorld> {
  const ids: LoadedWorld = {
    n: env.counters.world++,
    orgIds: [],
    programIds: [],
    workgroupIds: [],
    usernames: [],
    clientIds: [],
    clientVersions: [],
    txIds: [],
  };
  // As the server writes (READ COMMITTED on MySQL, run again after a deadlock): worlds load side by
  // side, and each refreshes the reach of its clients. A second run starts from empty id lists.
  const loader = await writeTransaction(env.ds, async (m) => {
    for (const list of [
      ids.orgIds,
      ids.programIds,
      ids.workgroupIds,
      ids.usernames,
      ids.clientIds,
      ids.clientVersions,
      ids.txIds,
    ])
      list.length = 0;
    const username = await insertSetup(m, env, w, ids);
    if (!w.loadViaApi) await insertRecords(m, w, ids, env.today);
    return username;
  });
  let loadExceptions = false;
  if (w.loadViaApi) {
    await createRecordsViaApi(env, w, ids, loader, async (pairs) => {
      if (!pairs.length) return;
      loadExceptions = true;
      await env.ds.getRepository(ReleaseException).insert(
        pairs.map(([client, org]) => ({
          clientId: ids.clientIds[client],
          organizationId: ids.orgIds[org],
          validThrough: LOAD_VALID_THROUGH,
        })),
      );
    });
  }

  // The world's own restriction settings and release exceptions replace the loading ones.
  await env.ds.transaction(async (m) => {
    if (loadExceptions)
      await m.delete(ReleaseException, { clientId: In(ids.clientIds), validThrough: LOAD_VALID_THROUGH });
    if (w.exceptions.length) {
      await m.insert(
        ReleaseException,
        w.exceptions.map((x) => ({
          clientId: ids.clientIds[x.client],
          organizationId: ids.orgIds[x.org],
          validThrough: addDays(env.today, x.validThrough),
        })),
      );
    }
    await m.delete(RestrictionOption, { organizationId: In(ids.orgIds) });
    for (const [i, o] of w.orgs.entries()) {
      if (o.vsp) continue;
      await m.update(Organization, ids.orgIds[i], { displayRestrictionField: o.displayRestrictionField });
      await m.insert(
        RestrictionOption,
        (['RESTRICTED', 'UNRESTRICTED'] as const).map((r) => ({
          organizationId: ids.orgIds[i],
          restriction: r as never,
          enabled: o.options.includes(r),
        })),
      );
    }
  });
  return ids;
}
