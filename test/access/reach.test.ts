/**
 * Client reach (src/access/reach/): the stored answer to "which organizations hold this client,
 * and which can share it", from which lists are walked and totals counted. These specs change
 * data through the API in every way that moves a client's reach, and after each change compare
 * the stored reach with one recomputed from the rows (checkClientReach), and every context's
 * totalCount with the independent oracle of access model §3.
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../../src/access/restriction';
import { checkClientReach, rebuildClientReach, reachOf, refreshClientReach } from '../../src/access/reach';
import { addDays } from '../../src/database/sql-time';
import { writeTransaction } from '../../src/database/transactions';
import { RelationshipToHoH } from '../../src/hud';
import { Enrollment } from '../../src/modules/enrollment/enrollment.entity';
import {
  DemoApp,
  HOME,
  CREATE_CLIENT,
  CREATE_ENROLLMENT,
  CREATE_SERVICE,
  DELETE_ENROLLMENT,
  DELETE_SERVICE,
  PROGRAMS,
  UPDATE_CLIENT,
  UPDATE_ENROLLMENT,
  bedNight,
  listAllClients,
  type Caller,
  type Context,
  type HomeUser,
} from './helpers';
import { oracleVisibleClientIds } from './oracle';

const demo = new DemoApp('access_reach');

const CONTEXTS: Array<[HomeUser | 'morgan.multi', Context]> = [
  ...(Object.entries(HOME) as Array<[HomeUser, Context]>),
  ['morgan.multi', { workgroup: 'Coordinated Entry Assessors', org: 'NSO' }],
];

const COUNT = `{ clients(first: 1) { totalCount } }`;

/** The stored reach agrees with the rows, and every context counts what the oracle says it sees. */
async function expectReachCurrent(step: string): Promise<void> {
  expect([step, await checkClientReach(demo.app.db.ds.manager)]).toEqual([step, []]);
  for (const [user, context] of CONTEXTS) {
    const caller = await demo.as(user, context);
    const expected = await oracleVisibleClientIds(demo, demo.ids.orgs[context.org], demo.ids.today);
    const { clients } = await caller.ok<{ clients: { totalCount: number } }>(COUNT);
    expect([step, caller.label, clients.totalCount]).toEqual([step, caller.label, expected.length]);
  }
}

async function ownProgram(caller: Caller): Promise<string> {
  const { programs } = await caller.ok<{ programs: { id: string; ownedByActiveOrganization: boolean }[] }>(
    PROGRAMS,
  );
  return programs.find((p) => p.ownedByActiveOrganization)!.id;
}

const today = () => demo.ids.today;

describe('client reach', () => {
  test('reachOf: holders are the owner and every organization with a live record; sharers leave out restricted records and restrict-intake clients', () => {
    const facts = {
      clientId: 1,
      organizationId: 5,
      restrictIntake: false,
      deleted: false,
      records: new Map([
        [7, true],
        [9, false],
      ]),
    };
    expect(reachOf(facts)).toEqual({ holds: [5, 7, 9], shares: [5, 7] });
    expect(reachOf({ ...facts, restrictIntake: true })).toEqual({ holds: [5, 7, 9], shares: [] });
    expect(reachOf({ ...facts, deleted: true })).toBeNull();
  });

  test('every change that moves a client between organizations keeps the stored reach and every total exact', async () => {
    await expectReachCurrent('demo data as seeded');
    const sam = await demo.as('sam.shelter');
    const olga = await demo.as('olga.outreach');
    const mina = await demo.as('mina.manager');

    const { createClient: x } = await sam.ok(CREATE_CLIENT, {
      input: { firstName: 'Reach', lastName: 'Walker', dob: '1990-01-01' },
    });
    await expectReachCurrent('Hope Street creates a client');

    const { createEnrollment: hss } = await sam.ok(CREATE_ENROLLMENT, {
      input: { clientId: x.id, programId: await ownProgram(sam), entryDate: addDays(today(), -20) },
    });
    await expectReachCurrent('Hope Street enrolls it');

    const { createService: s0 } = await sam.ok(
      CREATE_SERVICE,
      bedNight(hss.id, addDays(today(), -15), 'UNRESTRICTED'),
    );
    await expectReachCurrent('Hope Street records a service');

    // Northside sees the client through MOU 1001 and enrolls it too.
    const { createEnrollment: nso } = await olga.ok(CREATE_ENROLLMENT, {
      input: { clientId: x.id, programId: await ownProgram(olga), entryDate: addDays(today(), -10) },
    });
    await expectReachCurrent('Northside enrolls the client');

    await olga.ok(CREATE_SERVICE, bedNight(nso.id, addDays(today(), -5)));
    await expectReachCurrent('Northside records a service');

    const restricted = await sam.ok(UPDATE_ENROLLMENT, {
      id: hss.id,
      input: { version: hss.version, restriction: 'RESTRICTED' },
    });
    await expectReachCurrent('Hope Street restricts its enrollment');

    const { updateClient: ri } = await sam.ok(UPDATE_CLIENT, {
      id: x.id,
      input: { version: x.version, restrictIntake: true },
    });
    await expectReachCurrent('Hope Street sets restrict intake');

    await sam.ok(UPDATE_CLIENT, { id: x.id, input: { version: ri.version, restrictIntake: false } });
    await expectReachCurrent('Hope Street clears restrict intake');

    expect(await mina.ok(DELETE_SERVICE, { input: { id: s0.id, version: s0.version } })).toEqual({
      deleteService: true,
    });
    await expectReachCurrent('Hope Street deletes its service');

    await mina.ok(DELETE_ENROLLMENT, {
      input: { id: hss.id, version: restricted.updateEnrollment.version },
    });
    await expectReachCurrent('Hope Street deletes its enrollment');
  });

  test('a client whose stored reach is out of date is left out of lists rather than shown, and a rebuild repairs it', async () => {
    const caller = await demo.as('olga.outreach');
    const nso = demo.ids.orgs.NSO;
    const expected = await oracleVisibleClientIds(demo, nso, today());
    // A client Northside may not see, given by hand a reach set that Northside holds.
    const [hidden] = await demo.sql<{ id: number }>(
      `SELECT c.id FROM client c WHERE c.date_deleted IS NULL AND c.id NOT IN (${expected.join(', ')}) ORDER BY c.id`,
    );
    const [held] = await demo.sql<{ reach_set_id: number }>(
      `SELECT reach_set_id FROM reach_set_organization WHERE organization_id = ? AND role = 'HOLDS'`,
      [nso],
    );
    await demo.exec('UPDATE client_reach SET reach_set_id = ? WHERE client_id = ?', [
      held.reach_set_id,
      hidden.id,
    ]);
    try {
      const { ids } = await listAllClients(caller);
      expect(ids).not.toContain(Number(hidden.id));
      expect(ids).toEqual(expected);
      expect((await checkClientReach(demo.app.db.ds.manager)).join('\n')).toContain(`client ${hidden.id}`);
    } finally {
      await rebuildClientReach(demo.app.db.ds.manager);
    }
    await expectReachCurrent('after the rebuild');
  });

  test('a new set of partners gets its own count when first needed, kept current afterwards', async () => {
    const admin = await demo.as('admin');
    const { ids } = demo;
    // Hope Street's release to CCE (1003) has expired; a new one starts today.
    const created = await admin.post(
      `mutation($input: CreateInformationReleaseInput!) { createInformationRelease(input: $input) { id } }`,
      {
        input: {
          number: 4242,
          name: 'Reach test release',
          startDate: today(),
          shares: [{ fromOrganizationId: String(ids.orgs.HSS), toOrganizationId: String(ids.orgs.CCE) }],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    await expectReachCurrent('a release from Hope Street to CCE starts');
    // CCE's count for its former partners made way for the one of today's.
    const counts = await demo.sql<{ partners: string }>(
      'SELECT partners FROM visible_client_count WHERE organization_id = ?',
      [ids.orgs.CCE],
    );
    expect(counts.map((c) => c.partners.split(',').map(Number))).toEqual([
      expect.arrayContaining([ids.orgs.HSS]),
    ]);

    const sam = await demo.as('sam.shelter');
    await sam.ok(CREATE_CLIENT, { input: { firstName: 'Newly', lastName: 'Shared' } });
    await expectReachCurrent('Hope Street creates a client CCE now sees');
  });

  test('concurrent changes to one client from two organizations leave its reach exact', async () => {
    const sam = await demo.as('sam.shelter');
    const olga = await demo.as('olga.outreach');
    const { createClient: x } = await sam.ok(CREATE_CLIENT, {
      input: { firstName: 'Busy', lastName: 'Client', dob: '1985-05-05' },
    });
    const [hssProgram, nsoProgram] = [await ownProgram(sam), await ownProgram(olga)];
    const enroll = (caller: Caller, programId: string, restriction?: string) =>
      caller.ok(CREATE_ENROLLMENT, {
        input: {
          clientId: x.id,
          programId,
          entryDate: addDays(today(), -30),
          ...(restriction ? { restriction } : {}),
        },
      });
    const { createEnrollment: e1 } = await enroll(sam, hssProgram, 'RESTRICTED');
    const { createEnrollment: e2 } = await enroll(olga, nsoProgram);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      work.push(
        sam.ok(
          CREATE_SERVICE,
          bedNight(e1.id, addDays(today(), -(i % 20) - 1), i % 2 ? 'UNRESTRICTED' : 'RESTRICTED'),
        ),
      );
      work.push(olga.ok(CREATE_SERVICE, bedNight(e2.id, addDays(today(), -(i % 20) - 1))));
      if (i % 4 === 0) work.push(enroll(sam, hssProgram, i % 8 ? 'UNRESTRICTED' : 'RESTRICTED'));
      if (i % 4 === 2) work.push(enroll(olga, nsoProgram));
    }
    await Promise.all(work);
    await expectReachCurrent('after concurrent changes');
  });

  // Deterministic interleaving of two transactions on MySQL/MariaDB (SQLite has one writer at a
  // time, so they cannot interleave there): the later refresh must see what the earlier one
  // committed after the later transaction had started reading.
  (process.env.DATABASE_URL ? test : test.skip)(
    'a refresh sees changes committed while its transaction was open (READ COMMITTED)',
    async () => {
      const ds = demo.app.db.ds;
      const sam = await demo.as('sam.shelter');
      const { createClient: x } = await sam.ok(CREATE_CLIENT, {
        input: { firstName: 'Late', lastName: 'Reader' },
      });
      const clientId = Number(x.id);
      const enroll = (m: EntityManager, org: 'NSO' | 'CCE', program: number) =>
        m.getRepository(Enrollment).insert({
          clientId,
          programId: program,
          organizationId: demo.ids.orgs[org],
          restriction: Restriction.UNRESTRICTED,
          entryDate: addDays(today(), -3),
          householdId: null,
          relationshipToHoH: RelationshipToHoH.SELF_HEAD_OF_HOUSEHOLD,
          dateDeleted: null,
        });
      const [nsoProgram] = await demo.sql<{ id: number }>(
        'SELECT id FROM program WHERE organization_id = ?',
        [demo.ids.orgs.NSO],
      );
      const [cceProgram] = await demo.sql<{ id: number }>(
        'SELECT id FROM program WHERE organization_id = ?',
        [demo.ids.orgs.CCE],
      );
      let started!: () => void;
      let resume!: () => void;
      const startedReading = new Promise<void>((r) => (started = r));
      const mayGoOn = new Promise<void>((r) => (resume = r));
      const later = writeTransaction(ds, async (m) => {
        await m.query('SELECT COUNT(*) AS n FROM enrollment WHERE client_id = ?', [clientId]);
        started();
        await mayGoOn;
        await enroll(m, 'CCE', Number(cceProgram.id));
        await refreshClientReach(m, [clientId]);
      });
      await startedReading;
      await writeTransaction(ds, async (m) => {
        await enroll(m, 'NSO', Number(nsoProgram.id));
        await refreshClientReach(m, [clientId]);
      });
      resume();
      await later;
      expect(await checkClientReach(ds.manager)).toEqual([]);
      await expectReachCurrent('after the interleaved transactions');
    },
  );
});
