/**
 * Access model §4 (issue 10, leak 7): flagging an organization as a victim service provider
 * applies the VSP rules to what it already holds, in the same audited change; it is refused, with
 * the MOU named, while the organization is the source of a share; clearing the flag changes no
 * record.
 */
import { checkClientReach } from '../../src/access/reach';
import { client, CLIENT, CREATE_CLIENT, CREATE_ENROLLMENT, DemoApp, ENROLLMENT } from '../access/helpers';

const demo = new DemoApp('admin_vsp_flag');

const UPDATE_ORG = `mutation($id: ID!, $input: OrganizationFieldsInput!) { updateOrganization(id: $id, input: $input) { code victimServiceProvider defaultRestriction } }`;
const OPTIONS = `mutation($id: ID!, $input: RestrictionOptionsInput!) { setRestrictionOptions(organizationId: $id, input: $input) { code } }`;
const UPDATE_RELEASE = `mutation($id: ID!, $input: UpdateInformationReleaseInput!) { updateInformationRelease(id: $id, input: $input) { number } }`;
const EXCEPTION = `mutation($input: CreateReleaseExceptionInput!) { createReleaseException(input: $input) { id } }`;
const CLIENTS = `query($s: String) { clients(first: 500, search: $s) { totalCount edges { node { id } } } }`;

const inDays = (n: number) =>
  new Date(Date.parse(`${demo.ids.today}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

async function heldByCce(): Promise<{ restricted: number; shared: number; open: number; intake: number }> {
  const cce = demo.ids.orgs.CCE;
  const count = async (sql: string) => Number((await demo.sql(sql, [cce]))[0].n);
  return {
    restricted: await count(
      `SELECT COUNT(*) AS n FROM enrollment WHERE organization_id = ? AND restriction = 'RESTRICTED'`,
    ),
    shared: await count(
      `SELECT COUNT(*) AS n FROM enrollment WHERE organization_id = ? AND restriction = 'UNRESTRICTED'`,
    ),
    open: await count(`SELECT COUNT(*) AS n FROM client WHERE organization_id = ? AND restrict_intake = 0`),
    intake: await count(`SELECT COUNT(*) AS n FROM client WHERE organization_id = ? AND restrict_intake = 1`),
  };
}

describe('flagging an organization as a victim service provider after the fact', () => {
  test('refused with the MOU named while the organization is the source of a share (Northside, 1001 and 1002), and nothing changes', async () => {
    const admin = await demo.as('admin');
    const before = await demo.sql(
      `SELECT id, restriction FROM enrollment WHERE organization_id = ? ORDER BY id`,
      [demo.ids.orgs.NSO],
    );
    const e = await admin.error(UPDATE_ORG, {
      id: String(demo.ids.orgs.NSO),
      input: { victimServiceProvider: true },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/1001/);
    expect(e.message).toMatch(/1002/);
    expect(
      await demo.sql(`SELECT id, restriction FROM enrollment WHERE organization_id = ? ORDER BY id`, [
        demo.ids.orgs.NSO,
      ]),
    ).toEqual(before);
    const [org] = await demo.sql(`SELECT victim_service_provider AS v FROM organization WHERE id = ?`, [
      demo.ids.orgs.NSO,
    ]);
    expect(Number(org.v)).toBe(0);
  });

  test('once County Coordinated Entry is flagged, Hope Street no longer sees its records: through clients, client(id), enrollments and counts', async () => {
    const { ids } = demo;
    const admin = await demo.as('admin');
    const casey = await demo.as('casey.assessor');
    const olga = await demo.as('olga.outreach');
    const mina = await demo.as('mina.manager');
    await admin.ok(OPTIONS, {
      id: String(ids.orgs.CCE),
      input: { defaultRestriction: 'UNRESTRICTED', enabled: ['RESTRICTED', 'UNRESTRICTED'] },
    });
    // X: a CCE client with an UNRESTRICTED CCE enrollment, released to Hope Street by exception.
    const x = (await casey.ok(CREATE_CLIENT, { input: { firstName: 'Vera', lastName: 'Exception' } }))
      .createClient;
    const xEnrollment = (
      await casey.ok(CREATE_ENROLLMENT, {
        input: { clientId: x.id, programId: String(ids.programs.CCE_CE), entryDate: ids.today },
      })
    ).createEnrollment;
    expect(xEnrollment.restriction).toBe('UNRESTRICTED');
    await admin.ok(EXCEPTION, {
      input: { clientId: x.id, organizationId: String(ids.orgs.HSS), validThrough: inDays(20) },
    });
    // Y: a CCE client Hope Street sees through Northside's UNRESTRICTED enrollment (MOU 1001).
    const y = (await casey.ok(CREATE_CLIENT, { input: { firstName: 'Yuri', lastName: 'Throughnorth' } }))
      .createClient;
    await admin.ok(EXCEPTION, {
      input: { clientId: y.id, organizationId: String(ids.orgs.NSO), validThrough: inDays(20) },
    });
    await olga.ok(CREATE_ENROLLMENT, {
      input: { clientId: y.id, programId: String(ids.programs.NSO_SO), entryDate: ids.today },
    });

    const seenX = (await client(mina, x.id))!;
    expect(seenX.enrollments.map((e: { id: string }) => e.id)).toEqual([xEnrollment.id]);
    expect((await mina.ok(ENROLLMENT, { id: xEnrollment.id })).enrollment).not.toBeNull();
    expect(await client(mina, y.id)).not.toBeNull();
    const listed = (await mina.ok(CLIENTS, { s: 'Throughnorth' })).clients;
    expect(listed.totalCount).toBe(1);
    const total = (await mina.ok(CLIENTS, {})).clients.totalCount;
    const { shared, open: openBefore } = await heldByCce();
    expect(shared).toBe(1);
    expect(openBefore).toBeGreaterThanOrEqual(2);

    // A victim service provider can never be a source of a share: CCE first leaves the data
    // stewardship release 1004 (HSS and NSO stay in it).
    const toAdm = (from: 'HSS' | 'NSO') => ({
      fromOrganizationId: String(ids.orgs[from]),
      toOrganizationId: String(ids.orgs.ADM),
    });
    await admin.ok(UPDATE_RELEASE, {
      id: String(ids.releases[1004]),
      input: { shares: [toAdm('HSS'), toAdm('NSO')] },
    });
    const flagged = await admin.ok(UPDATE_ORG, {
      id: String(ids.orgs.CCE),
      input: { victimServiceProvider: true },
    });
    expect(flagged.updateOrganization).toEqual({
      code: 'CCE',
      victimServiceProvider: true,
      defaultRestriction: 'RESTRICTED',
    });

    const held = await heldByCce();
    expect([held.shared, held.open]).toEqual([0, 0]);
    expect(held.intake).toBeGreaterThanOrEqual(3);
    // The release exception still releases X (VAWA allows a dated exception), but not its records.
    expect((await client(mina, x.id))!.enrollments).toEqual([]);
    expect((await mina.ok(ENROLLMENT, { id: xEnrollment.id })).enrollment).toBeNull();
    expect(await client(mina, y.id)).toBeNull();
    expect((await mina.ok(CLIENTS, { s: 'Throughnorth' })).clients).toEqual({ totalCount: 0, edges: [] });
    expect((await mina.ok(CLIENTS, {})).clients.totalCount).toBe(total - 1);
    // CCE itself still sees all it holds, and the stored reach matches the records.
    expect((await casey.ok(CLIENT, { id: y.id })).client).toMatchObject({ restrictIntake: true });
    expect(await checkClientReach(demo.app.db.ds.manager)).toEqual([]);
    const [event] = await demo.sql(
      `SELECT after FROM audit_event WHERE operation = 'updateOrganization' AND entity_id = ? ORDER BY id DESC`,
      [ids.orgs.CCE],
    );
    const after = typeof event.after === 'string' ? JSON.parse(event.after) : event.after;
    expect(after.vspRulesApplied).toEqual({ restrictedRecords: 1, restrictIntakeClients: openBefore });
  });

  test('clearing the flag later changes no record', async () => {
    const admin = await demo.as('admin');
    const before = await heldByCce();
    const cleared = await admin.ok(UPDATE_ORG, {
      id: String(demo.ids.orgs.CCE),
      input: { victimServiceProvider: false },
    });
    expect(cleared.updateOrganization.victimServiceProvider).toBe(false);
    expect(await heldByCce()).toEqual(before);
  });
});
