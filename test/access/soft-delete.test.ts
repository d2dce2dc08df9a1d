/**
 * Access model §4, delete: as edit, plus the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR ceiling.
 * Deletes are soft (HUD DateDeleted) and audited; a deleted record vanishes from lists,
 * totalCount and lookups, and answers like an id that never existed.
 */
import {
  DemoApp,
  client,
  enrollment,
  listAllClients,
  service,
  DELETE_CLIENT,
  DELETE_ENROLLMENT,
  DELETE_SERVICE,
  type Context,
} from './helpers';

const demo = new DemoApp('access_soft_delete');
const mina = () => demo.as('mina.manager');

async function auditDeletes(entityType: string, entityId: number): Promise<Record<string, any>[]> {
  return demo.sql("SELECT * FROM audit_event WHERE action = 'DELETE' AND entity_type = ? AND entity_id = ?", [
    entityType,
    entityId,
  ]);
}

describe('soft delete', () => {
  test('mina.manager (AGENCY_MANAGER) can delete an HSS service; it vanishes from its enrollment, the count and lookups, for everyone', async () => {
    const { ids } = demo;
    const [target] = ids.services['Alex Rivera/ES'];
    const caller = await mina();
    const found = (await service(caller, target))!;
    expect(found.access).toMatchObject({ canEdit: true, canDelete: true });
    expect(
      await caller.ok(DELETE_SERVICE, { input: { id: String(target), version: found.version } }),
    ).toEqual({ deleteService: true });

    for (const who of [caller, await demo.as('sam.shelter'), await demo.as('olga.outreach')]) {
      expect(await service(who, target)).toBeNull();
      const stay = (await enrollment(who, ids.enrollments['Alex Rivera/ES']))!;
      expect(stay.services.totalCount).toBe(ids.services['Alex Rivera/ES'].length - 1);
      expect(stay.services.edges.map((e: { node: { id: string } }) => Number(e.node.id))).not.toContain(
        target,
      );
    }
    const [row] = await demo.sql('SELECT date_deleted FROM service WHERE id = ?', [target]);
    expect(row.date_deleted).not.toBeNull();
    const [audit] = await auditDeletes('Service', target);
    expect(audit).toMatchObject({ user_id: ids.users['mina.manager'], operation: 'deleteService' });
    expect(audit.before).toBeTruthy();
  });

  test('sam.shelter (AGENCY_STAFF, may edit HSS) gets FORBIDDEN, and the service stays', async () => {
    const { ids } = demo;
    const target = ids.services['Alex Rivera/ES'][1];
    const sam = await demo.as('sam.shelter');
    const found = (await service(sam, target))!;
    expect(found.access).toMatchObject({ canEdit: true, canDelete: false });
    const e = await sam.error(DELETE_SERVICE, { input: { id: String(target), version: found.version } });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/AGENCY_MANAGER or SYSTEM_ADMINISTRATOR/);
    expect(await service(sam, target)).not.toBeNull();
    expect(await auditDeletes('Service', target)).toEqual([]);
  });

  test('the manager ceiling does not reach records of an organization she may not edit: Northside records seen through MOU 1001', async () => {
    const { ids } = demo;
    const caller = await mina();
    const carter = (await client(caller, ids.clients['Sam Carter']))!;
    expect(carter.access).toMatchObject({ canEdit: false, canDelete: false });
    expect(
      (await caller.error(DELETE_CLIENT, { input: { id: carter.id, version: carter.version } })).code,
    ).toBe('FORBIDDEN');
    const so = (await enrollment(caller, ids.enrollments['Sam Carter/SO']))!;
    expect((await caller.error(DELETE_ENROLLMENT, { input: { id: so.id, version: so.version } })).code).toBe(
      'FORBIDDEN',
    );
    expect(await client(await demo.as('olga.outreach'), ids.clients['Sam Carter'])).not.toBeNull();
  });

  test('a deleted client vanishes from clients, totalCount, search and client(id), at Hope Street and at Northside', async () => {
    const { ids } = demo;
    const target = ids.filler.HSS[4];
    const sam = await demo.as('sam.shelter');
    const olga = await demo.as('olga.outreach');
    const before = { hss: await listAllClients(sam), nso: await listAllClients(olga) };
    // A client with live records cannot be deleted: remove its enrollments first (they cascade).
    const { client: tree } = await (
      await mina()
    ).ok('query($id: ID!) { client(id: $id) { enrollments { id version } } }', { id: String(target) });
    for (const e of tree.enrollments as { id: string; version: number }[]) {
      await (await mina()).ok(DELETE_ENROLLMENT, { input: { id: e.id, version: e.version } });
    }
    const found = (await client(await mina(), target))!;
    const { lastName } = (await demo.sql('SELECT last_name FROM client WHERE id = ?', [target]))[0];
    expect(
      await (await mina()).ok(DELETE_CLIENT, { input: { id: String(target), version: found.version } }),
    ).toEqual({ deleteClient: true });

    for (const [who, was] of [
      [sam, before.hss],
      [olga, before.nso],
    ] as const) {
      const now = await listAllClients(who);
      expect(now.ids).toEqual(was.ids.filter((id) => id !== target));
      expect(now.totalCounts).toEqual([was.totalCounts[0] - 1]);
      expect(await client(who, target)).toBeNull();
      const { clients } = await who.ok(
        'query($s: String) { clients(search: $s, first: 500) { edges { node { id } } } }',
        { s: lastName },
      );
      expect(clients.edges.map((e: { node: { id: string } }) => Number(e.node.id))).not.toContain(target);
    }
    expect(await auditDeletes('Client', target)).toHaveLength(1);
  });

  test('a deleted enrollment vanishes from its client and from enrollment(id)', async () => {
    const { ids } = demo;
    const target = ids.enrollments['Drew Park/ES'];
    const caller = await mina();
    const found = (await enrollment(caller, target))!;
    expect(found.access.canDelete).toBe(true);
    expect(
      await caller.ok(DELETE_ENROLLMENT, { input: { id: String(target), version: found.version } }),
    ).toEqual({ deleteEnrollment: true });
    expect(await enrollment(caller, target)).toBeNull();
    expect((await client(caller, ids.clients['Drew Park']))!.enrollments).toEqual([]);
  });

  test('a deleted record answers like a missing one: lookups give null, a second delete the same error as an unknown id', async () => {
    const { ids } = demo;
    const caller = await mina();
    const [deleted] = ids.services['Alex Rivera/ES'];
    expect(await caller.post('query($id: ID!) { service(id: $id) { id } }', { id: String(deleted) })).toEqual(
      await caller.post('query($id: ID!) { service(id: $id) { id } }', { id: '987654321' }),
    );
    const again = await caller.error(DELETE_SERVICE, { input: { id: String(deleted), version: 2 } });
    const unknown = await caller.error(DELETE_SERVICE, { input: { id: '987654321', version: 2 } });
    expect(again).toEqual(unknown);
    expect(again.code).toBe('BAD_USER_INPUT');
  });

  test('morgan.multi, AGENCY_STAFF, may edit but not delete Hope Street records', async () => {
    const { ids } = demo;
    const morgan = await demo.as('morgan.multi', { workgroup: 'HMIS Users', org: 'HSS' } as Context);
    const alex = (await client(morgan, ids.clients['Alex Rivera']))!;
    expect(alex.access).toMatchObject({ canEdit: true, canDelete: false });
    expect((await morgan.error(DELETE_CLIENT, { input: { id: alex.id, version: alex.version } })).code).toBe(
      'FORBIDDEN',
    );
    expect(await client(morgan, ids.clients['Alex Rivera'])).not.toBeNull();
  });
});
