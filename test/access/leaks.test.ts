/**
 * Access model §5 "nothing leaks around the field rules" and §6 (audit values, mutation
 * payloads): issue 10's leaks 1, 2, 3 and 6, each as the rule it breaks. Each test shows the
 * permitted caller getting the value and the other getting nothing.
 */
import { OrgAssignment } from '../../src/modules/users/user.entity';
import {
  Workgroup,
  WorkgroupCapability,
  WorkgroupMembership,
} from '../../src/modules/admin/workgroup.entity';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('access_leaks');
  const ds = app.db.ds;
  // A workgroup holding only audit:read and program:read (leak 3), and the administrator in it,
  // also allowed to log in at Northside and Safe Harbor (the permitted
  // readers of their records' audit values).
  const auditors = await ds.getRepository(Workgroup).save({ name: 'Auditors', description: null });
  await ds.getRepository(WorkgroupCapability).insert([
    { workgroupId: auditors.id, capability: 'audit:read' },
    { workgroupId: auditors.id, capability: 'program:read' },
  ]);
  await ds
    .getRepository(WorkgroupMembership)
    .insert({ userId: app.ids.users.admin, workgroupId: auditors.id });
  await ds.getRepository(OrgAssignment).insert(
    ['NSO', 'SHD'].map((code) => ({
      userId: app.ids.users.admin,
      organizationId: app.ids.orgs[code as 'NSO' | 'SHD'],
      canLogin: true,
      canEdit: false,
      agencyLead: false,
    })),
  );
});
afterAll(() => app?.close());

const CLIENT = 'query($id: ID!) { client(id: $id) { id version ssn dob } }';
const UPDATE = `mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id version firstName ssn dob } }`;
const EVENTS = `query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { edges { node { id action operation entityType entityId userId before after hiddenFields fields clientIds } } } }`;

type Event = Record<string, any>;

async function events(token: string, filter: Record<string, unknown>): Promise<Event[]> {
  const res = await app.api.ok(EVENTS, { f: filter }, token);
  return res.auditEvents.edges.map((e: { node: Event }) => e.node);
}

async function update(token: string, clientId: number, input: Record<string, unknown>) {
  const { client } = await app.api.ok(CLIENT, { id: String(clientId) }, token);
  return (
    await app.api.ok(UPDATE, { id: String(clientId), input: { version: client.version, ...input } }, token)
  ).updateClient;
}

describe('leak 1: error messages', () => {
  const CREATE_ENROLLMENT = `mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }`;
  const input = () => ({
    clientId: String(app.ids.clients['Taylor Brooks']),
    programId: String(app.ids.programs.HSS_ES),
    entryDate: '1998-10-01',
  });

  test('an error message never quotes a date of birth the caller may not read', async () => {
    const dob = (
      await app.db.ds.query('SELECT dob FROM client WHERE id = ?', [app.ids.clients['Taylor Brooks']])
    )[0].dob;
    const dobText = String(dob instanceof Date ? dob.toISOString() : dob).slice(0, 10);
    expect(dobText).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const riley = await app.api.login('riley.reserve'); // no client.dob:read
    const refused = await app.api.post(CREATE_ENROLLMENT, { input: input() }, riley);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain("before the client's date of birth");
    expect(JSON.stringify(refused)).not.toContain(dobText);

    const sam = await app.api.login('sam.shelter'); // holds client.dob:read
    const told = await app.api.post(CREATE_ENROLLMENT, { input: input() }, sam);
    expect(told.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(told.errors?.[0].message).toContain(dobText);
  });
});

describe('leaks 2 and 3: audit values', () => {
  test("the audit log shows before and after values only of records visible to the reader's active organization", async () => {
    const robin = app.ids.clients['Robin Hayes'];
    const dana = await app.api.login('dana.dv');
    await update(dana, robin, { firstName: 'Robyn' });
    const filter = { clientId: String(robin), action: 'UPDATE' };

    const admin = await app.api.loginAs('admin', { workgroup: 'System Administrators', org: 'ADM' }); // active organization ADM: sees no Safe Harbor client
    const hidden = (await events(admin, filter))[0];
    expect(hidden).toMatchObject({
      action: 'UPDATE',
      operation: 'updateClient',
      entityType: 'Client',
      entityId: robin,
    });
    const text = JSON.stringify(hidden);
    for (const secret of ['Robyn', 'Hayes', '541906723', '1990-06-17']) expect(text).not.toContain(secret);
    expect(hidden.hiddenFields).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'ssn', 'dob', 'raceEthnicity']),
    );
    expect(hidden.after.ssn).toBeNull();

    const adminAtShd = await app.api.loginAs('admin', { workgroup: 'System Administrators', org: 'SHD' });
    const shown = (await events(adminAtShd, filter))[0];
    expect(shown.after).toMatchObject({ firstName: 'Robyn', lastName: 'Hayes', ssn: '541906723' });
    expect(shown.hiddenFields).toEqual([]);
  });

  test('the audit log never shows a field value its reader may not read', async () => {
    const sam = app.ids.clients['Sam Carter'];
    const olga = await app.api.loginAs('olga.outreach', { workgroup: 'HMIS Users', org: 'NSO' });
    const before = (await app.api.ok(CLIENT, { id: String(sam) }, olga)).client;
    await update(olga, sam, { middleName: 'Q' });
    const filter = { clientId: String(sam), action: 'UPDATE', operation: 'updateClient' };

    const auditor = await app.api.loginAs('admin', { workgroup: 'Auditors', org: 'NSO' });
    const limited = (await events(auditor, filter))[0];
    expect(limited.entityId).toBe(sam);
    expect(JSON.stringify(limited)).not.toContain(before.ssn);
    expect(JSON.stringify(limited)).not.toContain(before.dob);
    expect(limited.after.ssn).toBeNull();
    expect(limited.after.middleName).toBeNull();
    expect(limited.hiddenFields).toEqual(
      expect.arrayContaining(['ssn', 'dob', 'firstName', 'middleName', 'sex']),
    );
    // Unguarded values of a visible record stay.
    expect(limited.after.organizationId).toBe(app.ids.orgs.NSO);

    const adminAtNso = await app.api.loginAs('admin', { workgroup: 'System Administrators', org: 'NSO' });
    const full = (await events(adminAtNso, filter))[0];
    expect(full.after).toMatchObject({ ssn: before.ssn, dob: before.dob, middleName: 'Q' });
    expect(full.hiddenFields).toEqual([]);
  });
});

describe('audit values of deleted records', () => {
  test("a deleted record's audit values stay readable by those who could read it, and only by them", async () => {
    const mina = await app.api.login('mina.manager'); // AGENCY_MANAGER and agency lead of Hope Street
    const { createClient } = await app.api.ok(
      // Restrict intake: the HMIS Lead Agency (release 1004) never saw this client, so it may not read its values.
      'mutation { createClient(input: { firstName: "Della", lastName: "Gone", ssn: "123456780", restrictIntake: true }) { id version } }',
      {},
      mina,
    );
    await app.api.ok(
      'mutation($input: DeleteInput!) { deleteClient(input: $input) }',
      { input: { id: createClient.id, version: createClient.version } },
      mina,
    );
    const filter = { clientId: createClient.id, action: 'DELETE' };
    const own = (await events(mina, filter))[0];
    expect(own.before).toMatchObject({ firstName: 'Della', lastName: 'Gone' });
    const admin = await app.api.loginAs('admin', { workgroup: 'System Administrators', org: 'ADM' });
    const other = (await events(admin, filter))[0];
    expect(other).toMatchObject({ action: 'DELETE', entityType: 'Client' });
    expect(JSON.stringify(other)).not.toContain('Della');
    expect(JSON.stringify(other)).not.toContain('123456780');
  });
});

describe('leak 6: mutation payloads', () => {
  test('clients whose sensitive fields a mutation returns are named in the read audit', async () => {
    const taylor = app.ids.clients['Taylor Brooks'];
    const olga = await app.api.loginAs('olga.outreach', { workgroup: 'HMIS Users', org: 'NSO' });
    const payload = await update(olga, taylor, { middleName: 'R' });
    expect(payload.ssn).not.toBeNull();
    const adminAtNso = await app.api.loginAs('admin', { workgroup: 'System Administrators', org: 'NSO' });
    const reads = (
      await events(adminAtNso, { action: 'READ', userId: String(app.ids.users['olga.outreach']) })
    )[0];
    expect(reads.fields).toEqual(expect.arrayContaining(['Client.dob', 'Client.ssn']));
    expect(reads.clientIds).toEqual([taylor]);
  });
});
