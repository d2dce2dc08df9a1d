/**
 * Account requests (access model §2.4): an agency lead asks, the HMIS team verifies trainings
 * and approves or rejects, and a deactivation happens on its last day even if nobody acts.
 */
import 'reflect-metadata';
import { addDays } from '../../src/database/sql-time';
import { sweepDeactivationRequests } from '../../src/modules/stewardship/account-requests.service';
import { DemoApp } from '../access/helpers';

const demo = new DemoApp('account_requests');

const LIST = `query($s: AccountRequestStatus) { accountRequests(status: $s) { id kind status organizationId username userId lastDay reason decisionReason } }`;
const REQUEST = `mutation($input: AccountRequestInput!) { requestUserAccount(input: $input) { id kind status username } }`;
const DEACTIVATE = `mutation($u: ID!, $d: LocalDate!, $r: String!) { requestDeactivation(userId: $u, lastDay: $d, reason: $r) { id status lastDay } }`;
const APPROVE = `mutation($id: ID!, $t: [TrainingInput!]) { approveAccountRequest(id: $id, trainings: $t) {
  request { id status userId } user { id username accessRole status missingTrainings assignments { organization { code } canEdit } }
  temporaryPassword missingTrainings message } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectAccountRequest(id: $id, reason: $r) { id status decisionReason } }`;

describe('account requests', () => {
  test("mina.manager's requests go through to approval: she sees them pending, the administrator approves with verified trainings, she sees them approved", async () => {
    const mina = await demo.as('mina.manager');
    const pending = (await mina.ok(LIST, { s: 'PENDING' })).accountRequests;
    expect(pending.map((r: any) => [r.kind, r.username ?? r.userId])).toEqual([
      ['ACCOUNT', 'jules.new'],
      ['DEACTIVATION', String(demo.ids.users['lee.leaving'])],
    ]);
    expect((await mina.error(APPROVE, { id: pending[0].id })).code).toBe('FORBIDDEN');

    const admin = await demo.as('admin');
    const { approveAccountRequest: a } = await admin.ok(APPROVE, {
      id: pending[0].id,
      t: [{ course: 'HMIS Privacy and Security', completedOn: addDays(demo.ids.today, -3) }],
    });
    expect(a.request.status).toBe('APPROVED');
    expect(a.user).toMatchObject({ username: 'jules.new', status: 'ACTIVE', missingTrainings: [] });
    expect(a.user.assignments).toEqual([{ organization: { code: 'HSS' }, canEdit: true }]);
    expect(a.temporaryPassword).toBeTruthy();
    expect(a.message).toMatch(/every required training/);
    const again = await admin.error(APPROVE, { id: pending[0].id });
    expect(again.code).toBe('CONFLICT');
    expect(await demo.sql(`SELECT id FROM app_user WHERE username = 'jules.new'`)).toHaveLength(1);

    const { approveAccountRequest: d } = await admin.ok(APPROVE, { id: pending[1].id });
    expect(d.message).toMatch(/deactivated on its last day/);
    const [lee] = await demo.sql(`SELECT status FROM app_user WHERE id = ?`, [demo.ids.users['lee.leaving']]);
    expect(lee.status).toBe('ACTIVE');

    const mine = (await mina.ok(LIST, {})).accountRequests;
    expect(mine.map((r: any) => r.status)).toEqual(['APPROVED', 'APPROVED']);
    const audited = await demo.sql(
      `SELECT operation FROM audit_event WHERE entity_type = 'AccountRequest' ORDER BY id`,
    );
    expect(audited.map((r) => r.operation)).toEqual(['approveAccountRequest', 'approveAccountRequest']);
  });

  test('a required assessment training still missing gives the training-pending ceiling, and the answer says so', async () => {
    const mina = await demo.as('mina.manager');
    const { requestUserAccount: r } = await mina.ok(REQUEST, {
      input: {
        organizationId: String(demo.ids.orgs.HSS),
        username: 'ari.assessor',
        displayName: 'Ari Benoit',
        workgroupIds: [String(demo.ids.workgroups['Coordinated Entry Assessors'])],
      },
    });
    expect(r).toMatchObject({ kind: 'ACCOUNT', status: 'PENDING', username: 'ari.assessor' });
    const admin = await demo.as('admin');
    const { approveAccountRequest: a } = await admin.ok(APPROVE, { id: r.id, t: [] });
    expect(a.missingTrainings).toEqual(['VI-SPDAT']);
    expect(a.message).toMatch(/VI-SPDAT.*training-pending/);
  });

  test('a request for another organization is FORBIDDEN and writes nothing; a rejection keeps its reason', async () => {
    const mina = await demo.as('mina.manager');
    const before = await demo.sql('SELECT COUNT(*) AS n FROM account_request');
    const e = await mina.error(REQUEST, {
      input: {
        organizationId: String(demo.ids.orgs.NSO),
        username: 'not.mine',
        displayName: 'Not Mine',
        workgroupIds: [],
      },
    });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/input\.organizationId/);
    expect(
      (
        await mina.error(DEACTIVATE, {
          u: String(demo.ids.users['olga.outreach']),
          d: demo.ids.today,
          r: 'x',
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect(await demo.sql('SELECT COUNT(*) AS n FROM account_request')).toEqual(before);

    const { requestUserAccount: r } = await mina.ok(REQUEST, {
      input: {
        organizationId: String(demo.ids.orgs.HSS),
        username: 'maybe.later',
        displayName: 'Maybe Later',
        workgroupIds: [],
      },
    });
    const admin = await demo.as('admin');
    const { rejectAccountRequest: rej } = await admin.ok(REJECT, {
      id: r.id,
      r: 'Privacy training not scheduled yet',
    });
    expect(rej).toMatchObject({ status: 'REJECTED', decisionReason: 'Privacy training not scheduled yet' });
    expect((await admin.error(APPROVE, { id: r.id })).code).toBe('CONFLICT');
  });

  test('the sweep deactivates on the last day even if nobody acted (48-hour rule), and not before', async () => {
    const mina = await demo.as('mina.manager');
    const riley = demo.ids.users['riley.reserve'];
    await mina.ok(DEACTIVATE, { u: String(riley), d: addDays(demo.ids.today, 2), r: 'Moving away' });
    const dup = await mina.error(DEACTIVATE, { u: String(riley), d: addDays(demo.ids.today, 3), r: 'again' });
    expect(dup.code).toBe('CONFLICT');
    const at = (days: number) => new Date(`${addDays(demo.ids.today, days)}T12:00:00`);
    expect(await sweepDeactivationRequests(demo.app.db.ds, at(1))).toEqual([]);
    expect(await sweepDeactivationRequests(demo.app.db.ds, at(2))).toEqual(['riley.reserve']);
    expect(await sweepDeactivationRequests(demo.app.db.ds, at(6))).toEqual(['lee.leaving']);
    const rows = await demo.sql(
      `SELECT username, status, deactivation_reason FROM app_user WHERE id IN (?, ?) ORDER BY username`,
      [riley, demo.ids.users['lee.leaving']],
    );
    expect(rows.map((r) => r.status)).toEqual(['DEACTIVATED', 'DEACTIVATED']);
    expect(rows[1].deactivation_reason).toMatch(/Moving away/);
  });
});
