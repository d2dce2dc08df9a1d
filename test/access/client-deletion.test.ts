/**
 * Access model §4, deleting a client (issue 10, leak 5): live records the caller can see block
 * it (CONFLICT naming them); records the caller cannot see never show through: when only such
 * records remain, the client passes to the organization holding the oldest of them and becomes
 * restrict-intake, and the caller gets the same answer as for a deletion.
 */
import { DemoApp, client, CLIENT, CREATE_CLIENT, CREATE_ENROLLMENT, DELETE_CLIENT } from './helpers';

const demo = new DemoApp('access_client_deletion');

const CREATE_EXCEPTION = `mutation($input: CreateReleaseExceptionInput!) { createReleaseException(input: $input) { id } }`;

async function newHopeClient(lastName: string): Promise<{ id: string; version: number }> {
  const mina = await demo.as('mina.manager');
  const { createClient } = await mina.ok(CREATE_CLIENT, {
    input: { firstName: 'Quinn', lastName, dob: '1990-04-02', ssn: '512-44-9187' },
  });
  return { id: createClient.id, version: createClient.version };
}

describe('deleting a client', () => {
  test('a client enrolled RESTRICTED at CCE after a release exception: mina.manager sees no records, and deleteClient answers exactly as for a client with none; the client passes to CCE, restrict-intake', async () => {
    const { ids } = demo;
    const released = await newHopeClient('Released');
    const control = await newHopeClient('Control');
    const admin = await demo.as('admin');
    const validThrough = new Date(Date.parse(`${ids.today}T00:00:00Z`) + 30 * 86400000)
      .toISOString()
      .slice(0, 10);
    await admin.ok(CREATE_EXCEPTION, {
      input: { clientId: released.id, organizationId: String(ids.orgs.CCE), validThrough },
    });
    const casey = await demo.as('casey.assessor');
    const { createEnrollment } = await casey.ok(CREATE_ENROLLMENT, {
      input: { clientId: released.id, programId: String(ids.programs.CCE_CE), entryDate: ids.today },
    });
    expect(createEnrollment).toMatchObject({ restriction: 'RESTRICTED', organization: { code: 'CCE' } });

    const mina = await demo.as('mina.manager');
    const seen = (await client(mina, released.id))!;
    expect(seen.enrollments).toEqual([]);
    const answer = await mina.post(DELETE_CLIENT, { input: { id: released.id, version: seen.version } });
    const controlAnswer = await mina.post(DELETE_CLIENT, {
      input: { id: control.id, version: control.version },
    });
    expect(answer).toEqual(controlAnswer);
    expect(answer).toMatchObject({ data: { deleteClient: true } });

    expect(await client(mina, released.id)).toBeNull();
    expect(await client(mina, control.id)).toBeNull();
    const [row] = await demo.sql(
      'SELECT organization_id, restrict_intake, date_deleted FROM client WHERE id = ?',
      [Number(released.id)],
    );
    expect([Number(row.organization_id), Number(row.restrict_intake), row.date_deleted]).toEqual([
      ids.orgs.CCE,
      1,
      null,
    ]);
    const [controlRow] = await demo.sql('SELECT date_deleted FROM client WHERE id = ?', [Number(control.id)]);
    expect(controlRow.date_deleted).not.toBeNull();
    // CCE keeps its client and its record; Hope Street's MOU partners do not get it through the transfer.
    const kept = (await casey.ok(CLIENT, { id: released.id })).client;
    expect(kept).toMatchObject({ restrictIntake: true, organization: { code: 'CCE' } });
    expect(kept.enrollments.map((e: { id: string }) => e.id)).toEqual([createEnrollment.id]);
    expect(await client(await demo.as('olga.outreach'), released.id)).toBeNull();
    const events = await demo.sql(
      "SELECT action FROM audit_event WHERE entity_type = 'Client' AND entity_id = ? AND operation = 'deleteClient'",
      [Number(released.id)],
    );
    expect(events.map((e) => e.action)).toEqual(['UPDATE']);
    const reach = await demo.sql(
      `SELECT o.code FROM client_reach cr JOIN reach_set_organization m ON m.reach_set_id = cr.reach_set_id
        JOIN organization o ON o.id = m.organization_id WHERE cr.client_id = ? AND m.role = 'HOLDS'`,
      [Number(released.id)],
    );
    expect(reach.map((r) => r.code)).toEqual(['CCE']);
  });

  test('a release exception to the caller’s own organization does not keep a transferred client in sight', async () => {
    const { ids } = demo;
    const kept = await newHopeClient('Excepted');
    const admin = await demo.as('admin');
    const validThrough = new Date(Date.parse(`${ids.today}T00:00:00Z`) + 30 * 86400000)
      .toISOString()
      .slice(0, 10);
    await admin.ok(CREATE_EXCEPTION, {
      input: { clientId: kept.id, organizationId: String(ids.orgs.CCE), validThrough },
    });
    await (
      await demo.as('casey.assessor')
    ).ok(CREATE_ENROLLMENT, {
      input: { clientId: kept.id, programId: String(ids.programs.CCE_CE), entryDate: ids.today },
    });
    // An exception releasing the client to Hope Street itself (a fixture: the API may refuse one to the owner).
    await demo.exec(
      'INSERT INTO release_exception (client_id, organization_id, valid_through) VALUES (?, ?, ?)',
      [Number(kept.id), ids.orgs.HSS, validThrough],
    );
    const mina = await demo.as('mina.manager');
    const seen = (await client(mina, kept.id))!;
    expect(await mina.post(DELETE_CLIENT, { input: { id: kept.id, version: seen.version } })).toMatchObject({
      data: { deleteClient: true },
    });
    expect(await client(mina, kept.id)).toBeNull();
  });

  test('live records the caller can see block the deletion, with a CONFLICT naming them', async () => {
    const { ids } = demo;
    const blocked = await newHopeClient('Blocked');
    const mina = await demo.as('mina.manager');
    await mina.ok(CREATE_ENROLLMENT, {
      input: { clientId: blocked.id, programId: String(ids.programs.HSS_ES), entryDate: ids.today },
    });
    const seen = (await client(mina, blocked.id))!;
    const e = await mina.error(DELETE_CLIENT, { input: { id: blocked.id, version: seen.version } });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe('This client still has 1 enrollment; delete those first.');
    expect(await client(mina, blocked.id)).not.toBeNull();
  });
});
