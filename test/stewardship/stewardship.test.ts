/**
 * Data stewardship (access model §11, issue 16): the duplicate check at intake, merging and
 * unmerging clients, and the recycle bin, on the demo scenario ("Duplicates and requests").
 */
import 'reflect-metadata';
import { sqlTimestamp } from '../../src/database/sql-time';
import { StatementLog } from '../bench/statement-log';
import { startTestApp, type TestApp } from '../support/app';
import { Caller, HOME, type HomeUser } from '../access/helpers';
import { MOVED_TABLES } from '../../src/modules/stewardship/merge.service';

const statements = new StatementLog();
let app: TestApp;
const sessions = new Map<string, Promise<Caller>>();

beforeAll(async () => {
  app = await startTestApp('stewardship', { logger: statements });
});
afterAll(async () => {
  await app?.close();
});

function as(user: HomeUser): Promise<Caller> {
  let s = sessions.get(user);
  if (!s) {
    s = app.api.loginAs(user, HOME[user]).then((token) => new Caller(app.api, token, user));
    sessions.set(user, s);
  }
  return s;
}
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []): Promise<T[]> => app.db.ds.query(q, p);

const CHECK = `query($input: DuplicateCheckInput!) { possibleDuplicates(input: $input) {
  matches { score reasons client { id firstName lastName organization { code } } } hiddenMatches message } }`;
const MERGE = `mutation($input: MergeClientsInput!) { mergeClients(input: $input) { id survivorId duplicateIds movedRecords unmergedAt } }`;
const UNMERGE = `mutation($id: ID!) { unmergeClient(mergeId: $id) { id unmergedAt } }`;
const BIN = `query($t: ExplainRecordType!, $first: Int, $after: String) { deletedRecords(recordType: $t, first: $first, after: $after) {
  totalCount edges { node { recordType id clientId dateDeleted } } pageInfo { hasNextPage endCursor } } }`;
const RESTORE = `mutation($t: ExplainRecordType!, $id: ID!) { restoreRecord(recordType: $t, id: $id) }`;

const ALEX = { firstName: 'Alex', lastName: 'Rivera', dob: '1987-03-14', ssn: '412558291' };

describe('duplicate check (possibleDuplicates)', () => {
  test('Alex Rivera is found as a visible match for Hope Street staff, with Alexander Rivera at Northside by nickname, DOB and SSN', async () => {
    const mina = await as('mina.manager');
    const { possibleDuplicates: r } = await mina.ok(CHECK, { input: ALEX });
    const byId = new Map(r.matches.map((m: any) => [Number(m.client.id), m]));
    const alexander: any = byId.get(app.ids.clients['Alexander Rivera']);
    expect(alexander).toBeDefined();
    expect(alexander.client.organization.code).toBe('NSO');
    expect(alexander.reasons).toEqual(
      expect.arrayContaining(['SSN_EXACT', 'DOB_EXACT', 'LAST_NAME_EXACT', 'FIRST_NAME_NICKNAME']),
    );
    expect(alexander.score).toBeGreaterThanOrEqual(90);
    expect(byId.has(app.ids.clients['Alex Rivera'])).toBe(true);
    expect(r.hiddenMatches).toBe(0);
    expect(r.message).toBeNull();
  });

  test('a transposed day and month, other case, accents and hyphens still match', async () => {
    const mina = await as('mina.manager');
    const { possibleDuplicates: r } = await mina.ok(CHECK, {
      input: { firstName: 'ALÉXANDER', lastName: 'Ri-vera' },
    });
    const alexander: any = r.matches.find(
      (m: any) => Number(m.client.id) === app.ids.clients['Alexander Rivera'],
    );
    expect(alexander.reasons).toEqual(['LAST_NAME_EXACT', 'FIRST_NAME_EXACT']);
    const { possibleDuplicates: t } = await mina.ok(CHECK, {
      input: { firstName: 'Jamie', lastName: 'Fox', dob: '1983-05-09' },
    });
    const jamie: any = t.matches.find((m: any) => Number(m.client.id) === app.ids.clients['Jamie Fox']);
    expect(jamie.reasons).toContain('DOB_DAY_MONTH_TRANSPOSED');
  });

  test("Robin Hayes's Safe Harbor record is never hinted at: Hope Street sees its own Robyn Hayes and hiddenMatches is 0", async () => {
    const mina = await as('mina.manager');
    const { possibleDuplicates: r } = await mina.ok(CHECK, {
      input: { firstName: 'Robin', lastName: 'Hayes', dob: '1990-06-17', ssn: '541906723' },
    });
    const ids = r.matches.map((m: any) => Number(m.client.id));
    expect(ids).toContain(app.ids.clients['Robyn Hayes']);
    expect(ids).not.toContain(app.ids.clients['Robin Hayes']);
    expect(r.hiddenMatches).toBe(0);
    expect(r.message).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/SHD|Safe Harbor/);
  });

  test('matches the caller cannot see are only counted, with a message to contact the HMIS administrator', async () => {
    const dana = await as('dana.dv');
    const { possibleDuplicates: r } = await dana.ok(CHECK, { input: ALEX });
    expect(r.matches).toEqual([]);
    expect(r.hiddenMatches).toBe(2);
    expect(r.message).toMatch(/HMIS administrator/);
  });

  test('the check runs the same SQL statements whether or not hidden matches exist', async () => {
    const dana = await as('dana.dv');
    const run = async (input: Record<string, string>) => {
      statements.start();
      try {
        return await dana.ok(CHECK, { input });
      } finally {
        statements.stop();
      }
    };
    statements.start();
    const withHidden = await run(ALEX);
    const a = statements.stop();
    const withoutHidden = await run({
      firstName: 'Quentin',
      lastName: 'Zabriskie',
      dob: '1950-01-02',
      ssn: '987650123',
    });
    const b = statements.stop();
    expect(withHidden.possibleDuplicates.hiddenMatches).toBe(2);
    expect(withoutHidden.possibleDuplicates.hiddenMatches).toBe(0);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  test('each check is audited with the fields checked, never the hidden count', async () => {
    const mina = await as('mina.manager');
    await mina.ok(CHECK, { input: ALEX });
    const rows = await sql(
      `SELECT * FROM audit_event WHERE entity_type = 'DuplicateCheck' AND user_id = ? ORDER BY id DESC`,
      [app.ids.users['mina.manager']],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(String(rows[0].fields)).toMatch(/check\.ssn/);
    expect(rows[0].after).toBeNull();
  });

  test('checks are rate-limited per user (DUPLICATE_CHECKS_PER_MINUTE, counted in the database)', async () => {
    const casey = await as('casey.assessor');
    const limit = app.db.config.duplicateChecksPerMinute;
    // Earlier checks of this minute, as another server process would have recorded them.
    const now = new Date();
    for (let i = 0; i < limit; i++)
      await sql(
        `INSERT INTO audit_event (at, user_id, action, operation, entity_type, request_id) VALUES (?, ?, 'READ', 'possibleDuplicates', 'DuplicateCheck', 'fixture')`,
        [sqlTimestamp(now), app.ids.users['casey.assessor']],
      );
    const e = await casey.error(CHECK, { input: ALEX });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/wait a minute/);
  });

  test("a client's corrected name and date of birth are what the check matches from then on (updateClient refreshes its keys)", async () => {
    const mina = await as('mina.manager');
    const OLD = { firstName: 'Ottoline', lastName: 'Quarrington', dob: '1961-07-23' };
    const NEW = { firstName: 'Perpetua', lastName: 'Wolstenholme', dob: '1972-11-05' };
    const { createClient: created } = await mina.ok(
      'mutation($i: CreateClientInput!) { createClient(input: $i) { id version } }',
      { i: OLD },
    );
    const found = async (input: Record<string, string>) =>
      (await mina.ok(CHECK, { input })).possibleDuplicates.matches.some(
        (m: any) => m.client.id === created.id,
      );
    expect([await found(OLD), await found(NEW)]).toEqual([true, false]);
    await mina.ok('mutation($id: ID!, $i: UpdateClientInput!) { updateClient(id: $id, input: $i) { id } }', {
      id: created.id,
      i: { version: created.version, ...NEW },
    });
    expect([await found(OLD), await found(NEW)]).toEqual([false, true]);
  });

  test('an empty check is BAD_USER_INPUT', async () => {
    const mina = await as('mina.manager');
    expect((await mina.error(CHECK, { input: { firstName: 'Alex' } })).code).toBe('BAD_USER_INPUT');
  });
});

/** Every row of a client and its records, for comparing before and after (client_reach is derived). */
async function rowsOf(clientIds: number[]): Promise<Record<string, unknown[]>> {
  const marks = clientIds.map(() => '?').join(', ');
  const out: Record<string, unknown[]> = {
    client: await sql(`SELECT * FROM client WHERE id IN (${marks}) ORDER BY id`, clientIds),
  };
  for (const t of MOVED_TABLES.map((m) => m.table))
    out[t] = await sql(`SELECT * FROM ${t} WHERE client_id IN (${marks}) ORDER BY id`, clientIds);
  return out;
}

describe('merge and unmerge (client:merge)', () => {
  // The HMIS Lead Agency sees HSS and NSO through the data stewardship release (demo 1004).
  test('merge moves every record of the duplicate to the survivor; unmerge restores the database rows exactly', async () => {
    const admin = await as('admin');
    const survivor = app.ids.clients['Alexander Rivera'];
    const duplicate = app.ids.clients['Alex Rivera'];
    const before = await rowsOf([survivor, duplicate]);
    const moved = Object.entries(before)
      .filter(([t]) => t !== 'client')
      .reduce((n, [, rows]) => n + rows.length, 0);
    expect(moved).toBeGreaterThan(10);

    const { mergeClients: merge } = await admin.ok(MERGE, {
      input: {
        survivorId: String(survivor),
        duplicateIds: [String(duplicate)],
        keep: [
          { field: 'firstName', fromClientId: String(duplicate) },
          { field: 'middleName', fromClientId: String(duplicate) },
        ],
      },
    });
    expect(merge.movedRecords).toBe(moved);
    const [s] = await sql(`SELECT first_name, middle_name FROM client WHERE id = ?`, [survivor]);
    expect(s).toMatchObject({ first_name: 'Alex', middle_name: 'Jose' });
    const [{ n }] = await sql(`SELECT COUNT(*) AS n FROM enrollment WHERE client_id = ?`, [duplicate]);
    expect(Number(n)).toBe(0);
    const [d] = await sql(`SELECT date_deleted FROM client WHERE id = ?`, [duplicate]);
    expect(d.date_deleted).not.toBeNull();
    const audit = await sql(`SELECT * FROM audit_event WHERE operation = 'mergeClients'`);
    expect(audit).toHaveLength(1);

    // Already merged: CONFLICT naming the field, nothing written.
    const again = await admin.error(MERGE, {
      input: { survivorId: String(survivor), duplicateIds: [String(app.ids.clients['Drew Park'])] },
    });
    expect(again.code).toBe('CONFLICT');
    expect(again.extensions.field).toBe('input.survivorId');

    const { unmergeClient } = await admin.ok(UNMERGE, { id: merge.id });
    expect(unmergeClient.unmergedAt).toBeTruthy();
    expect(await rowsOf([survivor, duplicate])).toEqual(before);
    expect((await admin.error(UNMERGE, { id: merge.id })).code).toBe('CONFLICT');
  });

  test('the duplicate queue pairs Alex and Alexander Rivera for the HMIS Lead Agency, never Robin Hayes of Safe Harbor', async () => {
    const admin = await as('admin');
    const { duplicateCandidates: pairs } = await admin.ok(
      `{ duplicateCandidates(first: 50) { score reasons first { id } second { id } } }`,
    );
    const ids = pairs.map((p: any) => [Number(p.first.id), Number(p.second.id)]);
    expect(ids).toContainEqual([app.ids.clients['Alex Rivera'], app.ids.clients['Alexander Rivera']]);
    expect(ids.flat()).not.toContain(app.ids.clients['Robin Hayes']);
    expect(pairs[0].score).toBeGreaterThanOrEqual(90);
    const mina = await as('mina.manager');
    expect((await mina.error(`{ duplicateCandidates { score } }`)).code).toBe('FORBIDDEN');
  });

  test('a merge sends the same number of SQL statements whatever the number of records moved', async () => {
    const admin = await as('admin');
    const survivor = String(app.ids.clients['Drew Park']);
    const duplicate = app.ids.clients['Jamie Fox'];
    const mergeOnce = async () => {
      statements.start();
      let merged;
      try {
        merged = (
          await admin.ok(MERGE, { input: { survivorId: survivor, duplicateIds: [String(duplicate)] } })
        ).mergeClients;
      } finally {
        statements.stop();
      }
      const list = statements.stop();
      await admin.ok(UNMERGE, { id: merged.id });
      return { list, moved: merged.movedRecords as number };
    };
    const small = await mergeOnce();
    const [service] = await sql(`SELECT * FROM service WHERE client_id = ? ORDER BY id LIMIT 1`, [duplicate]);
    for (let i = 1; i <= 30; i++)
      await sql(
        `INSERT INTO service (organization_id, created_at, updated_at, created_by_id, updated_by_id, date_deleted, version, client_id, restriction, enrollment_id, date_provided, record_type, type_provided, other_type_provided)
         SELECT organization_id, created_at, updated_at, created_by_id, updated_by_id, date_deleted, version, client_id, restriction, enrollment_id, ?, record_type, type_provided, other_type_provided FROM service WHERE id = ?`,
        [`2000-01-${String(i).padStart(2, '0')}`, service.id],
      );
    const large = await mergeOnce();
    expect(large.moved).toBe(small.moved + 30);
    expect(large.list.length).toBe(small.list.length);
  });

  test('bad input names the field and writes nothing: self-merge, more than 10 duplicates', async () => {
    const admin = await as('admin');
    const alex = String(app.ids.clients['Alex Rivera']);
    const self = await admin.error(MERGE, { input: { survivorId: alex, duplicateIds: [alex] } });
    expect(self).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(self.message).toMatch(/input\.duplicateIds/);
    const many = await admin.error(MERGE, {
      input: { survivorId: alex, duplicateIds: Array.from({ length: 11 }, (_, i) => String(100000 + i)) },
    });
    expect(many.code).toBe('BAD_USER_INPUT');
    expect(many.message).toMatch(/at most 10/);
    expect(await sql(`SELECT * FROM client_merge WHERE unmerged_at IS NULL`)).toEqual([]);
  });

  test('a Safe Harbor client answers like one that does not exist, and a case worker may not merge', async () => {
    const admin = await as('admin');
    const e = await admin.error(MERGE, {
      input: {
        survivorId: String(app.ids.clients['Robyn Hayes']),
        duplicateIds: [String(app.ids.clients['Robin Hayes'])],
      },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/no client with id/);
    const mina = await as('mina.manager');
    expect(
      (
        await mina.error(MERGE, {
          input: {
            survivorId: String(app.ids.clients['Alex Rivera']),
            duplicateIds: [String(app.ids.clients['Robyn Hayes'])],
          },
        })
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('recycle bin (deletedRecords, restoreRecord)', () => {
  test('restoring a deleted enrollment restores the services its delete cascaded to; a service whose enrollment is still deleted is a CONFLICT', async () => {
    const mina = await as('mina.manager');
    const enrollmentId = app.ids.enrollments['Jamie Fox/ES'];
    const services: number[] = (
      await sql(`SELECT id FROM service WHERE enrollment_id = ? AND date_deleted IS NULL ORDER BY id`, [
        enrollmentId,
      ])
    ).map((r) => Number(r.id));
    const [e] = await sql(`SELECT version FROM enrollment WHERE id = ?`, [enrollmentId]);
    await mina.ok(`mutation($input: DeleteInput!) { deleteEnrollment(input: $input) }`, {
      input: { id: String(enrollmentId), version: e.version },
    });
    const bin = (await mina.ok(BIN, { t: 'ENROLLMENT', first: 10 })).deletedRecords;
    expect(bin.edges.map((x: any) => Number(x.node.id))).toContain(enrollmentId);
    const serviceBin = (await mina.ok(BIN, { t: 'SERVICE', first: 1 })).deletedRecords;
    expect(serviceBin.totalCount).toBe(services.length);
    expect(serviceBin.pageInfo.hasNextPage).toBe(services.length > 1);

    const orphan = await mina.error(RESTORE, { t: 'SERVICE', id: String(services[0]) });
    expect(orphan.code).toBe('CONFLICT');
    expect(orphan.message).toMatch(/enrollment is deleted/);

    const sam = await as('sam.shelter');
    expect((await sam.error(RESTORE, { t: 'ENROLLMENT', id: String(enrollmentId) })).code).toBe('FORBIDDEN');

    expect(await mina.ok(RESTORE, { t: 'ENROLLMENT', id: String(enrollmentId) })).toEqual({
      restoreRecord: true,
    });
    const live = await sql(
      `SELECT COUNT(*) AS n FROM service WHERE enrollment_id = ? AND date_deleted IS NULL`,
      [enrollmentId],
    );
    expect(Number(live[0].n)).toBe(services.length);
    expect((await mina.ok(BIN, { t: 'ENROLLMENT' })).deletedRecords.totalCount).toBe(0);
    const { enrollment } = await mina.ok(`query($id: ID!) { enrollment(id: $id) { id } }`, {
      id: String(enrollmentId),
    });
    expect(enrollment).not.toBeNull();
  });

  test("another organization's deleted record answers like an id that never existed", async () => {
    const olga = await as('olga.outreach');
    const e = await olga.error(RESTORE, { t: 'ENROLLMENT', id: String(app.ids.enrollments['Jamie Fox/ES']) });
    expect(e.code).toBe('BAD_USER_INPUT');
  });
});
