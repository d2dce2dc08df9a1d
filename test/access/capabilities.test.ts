/**
 * Capabilities are data and access roles are ceilings (access model §1, §4, §5): a change an
 * administrator makes to a workgroup's grants, a workgroup or an org assignment takes effect on
 * the caller's next request; no workgroup grant lifts a user above the ceiling of their role.
 */
import { DemoApp, client, withChange, CREATE_CLIENT, ENROLLMENT } from './helpers';

const demo = new DemoApp('access_capabilities');

const ME = '{ me { state accessRole capabilities } }';
const CLIENT_NAMES = `query($id: ID!) { client(id: $id) { id firstName lastName enrollments { id } access { hiddenFields } } }`;

/** Removes one capability from a workgroup for the duration of `body`. */
function without(workgroup: string, capability: string, body: () => Promise<void>): Promise<void> {
  const id = () => demo.ids.workgroups[workgroup as keyof typeof demo.ids.workgroups];
  return withChange(
    () =>
      demo.exec('DELETE FROM workgroup_capability WHERE workgroup_id = ? AND capability = ?', [
        id(),
        capability,
      ]),
    () =>
      demo.exec('INSERT INTO workgroup_capability (workgroup_id, capability) VALUES (?, ?)', [
        id(),
        capability,
      ]),
    body,
  );
}

/** Grants one capability to a workgroup for the duration of `body`. */
function granting(workgroup: string, capabilities: string[], body: () => Promise<void>): Promise<void> {
  const id = () => demo.ids.workgroups[workgroup as keyof typeof demo.ids.workgroups];
  return withChange(
    async () => {
      for (const c of capabilities)
        await demo.exec('INSERT INTO workgroup_capability (workgroup_id, capability) VALUES (?, ?)', [
          id(),
          c,
        ]);
    },
    async () => {
      for (const c of capabilities)
        await demo.exec('DELETE FROM workgroup_capability WHERE workgroup_id = ? AND capability = ?', [
          id(),
          c,
        ]);
    },
    body,
  );
}

describe('workgroup grants are data', () => {
  test('creating a client needs client:write: without it (removed from the Shelter Reservation Team) createClient is FORBIDDEN on the next request', async () => {
    const riley = await demo.as('riley.reserve');
    await without('Shelter Reservation Team', 'client:write', async () => {
      expect((await riley.error(CREATE_CLIENT, { input: { firstName: 'Ana', lastName: 'Bell' } })).code).toBe(
        'FORBIDDEN',
      );
      expect((await client(riley, demo.ids.clients['Alex Rivera']))!.access.canEdit).toBe(false);
    });
    expect(
      (await riley.ok(CREATE_CLIENT, { input: { firstName: 'Ana', lastName: 'Bell' } })).createClient
        .organization,
    ).toEqual({ code: 'HSS' });
  });

  test('names need client.name:read: without it they resolve to null and are listed in hiddenFields, and a name search is refused', async () => {
    const riley = await demo.as('riley.reserve');
    const id = String(demo.ids.clients['Alex Rivera']);
    await without('Shelter Reservation Team', 'client.name:read', async () => {
      const { client: alex } = await riley.ok(CLIENT_NAMES, { id });
      expect(alex).toMatchObject({ id, firstName: null, lastName: null });
      expect(alex.access.hiddenFields).toEqual(
        expect.arrayContaining(['firstName', 'middleName', 'lastName', 'nameSuffix']),
      );
      expect((await riley.error('{ clients(search: "Rivera") { totalCount } }')).code).toBe('FORBIDDEN');
    });
    expect((await riley.ok(CLIENT_NAMES, { id })).client.firstName).toBe('Alex');
  });

  test('enrollments need enrollment:read: without it client.enrollments is empty and enrollment(id) is FORBIDDEN', async () => {
    const riley = await demo.as('riley.reserve');
    const id = String(demo.ids.clients['Alex Rivera']);
    await without('Shelter Reservation Team', 'enrollment:read', async () => {
      const { client: alex } = await riley.ok(CLIENT_NAMES, { id });
      expect(alex.enrollments).toEqual([]);
      expect(alex.access.hiddenFields).toContain('enrollments');
      expect(
        (await riley.error(ENROLLMENT, { id: String(demo.ids.enrollments['Alex Rivera/ES']) })).code,
      ).toBe('FORBIDDEN');
    });
    expect((await riley.ok(CLIENT_NAMES, { id })).client.enrollments.length).toBe(2);
  });

  test('a deactivated workgroup grants nothing: its only member is back to selecting a context', async () => {
    const olga = await demo.login('olga.outreach');
    const wg = demo.ids.workgroups['HMIS Users'];
    await withChange(
      () => demo.exec('UPDATE workgroup SET active = 0 WHERE id = ?', [wg]),
      () => demo.exec('UPDATE workgroup SET active = 1 WHERE id = ?', [wg]),
      async () => {
        expect((await olga.ok(ME)).me).toMatchObject({ state: 'NEEDS_CONTEXT', capabilities: [] });
        expect((await olga.error('{ clients { totalCount } }')).code).toBe('CONTEXT_REQUIRED');
      },
    );
    expect((await olga.ok(ME)).me.state).toBe('READY');
  });

  test('removing an org assignment ends the work in that organization on the next request', async () => {
    const olga = await demo.login('olga.outreach');
    const row = [demo.ids.users['olga.outreach'], demo.ids.orgs.NSO];
    await withChange(
      () => demo.exec('DELETE FROM org_assignment WHERE user_id = ? AND organization_id = ?', row),
      () =>
        demo.exec(
          'INSERT INTO org_assignment (user_id, organization_id, can_login, can_edit, agency_lead) VALUES (?, ?, 1, 1, 0)',
          row,
        ),
      async () => {
        expect((await olga.error('{ clients { totalCount } }')).code).toBe('CONTEXT_REQUIRED');
      },
    );
  });

  test('losing canEdit on the owning org ends editing at once: sam.shelter sees Alex Rivera but may no longer change him', async () => {
    const sam = await demo.as('sam.shelter');
    const row = [demo.ids.users['sam.shelter'], demo.ids.orgs.HSS];
    await withChange(
      () =>
        demo.exec('UPDATE org_assignment SET can_edit = 0 WHERE user_id = ? AND organization_id = ?', row),
      () =>
        demo.exec('UPDATE org_assignment SET can_edit = 1 WHERE user_id = ? AND organization_id = ?', row),
      async () => {
        const alex = (await client(sam, demo.ids.clients['Alex Rivera']))!;
        expect(alex.access.canEdit).toBe(false);
        const e = await sam.error(
          'mutation($id: ID!, $v: Int!) { updateClient(id: $id, input: { version: $v }) { id } }',
          { id: alex.id, v: alex.version },
        );
        expect(e.code).toBe('FORBIDDEN');
      },
    );
  });
});

describe('access roles are ceilings', () => {
  const ADMIN = ['setup:admin', 'users:manage', 'audit:read'];

  test('administration capabilities (setup:admin, users:manage, audit:read) are held only under SYSTEM_ADMINISTRATOR', async () => {
    const { me } = await (await demo.as('admin')).ok(ME);
    expect(me.capabilities).toEqual(expect.arrayContaining(ADMIN));
    for (const username of [
      'sam.shelter',
      'olga.outreach',
      'casey.assessor',
      'pat.priority',
      'riley.reserve',
      'mina.manager',
      'dana.dv',
    ] as const) {
      const caps: string[] = (await (await demo.as(username)).ok(ME)).me.capabilities;
      expect([username, caps.filter((c) => ADMIN.includes(c))]).toEqual([username, []]);
    }
  });

  test('granting them to HMIS Users as data lifts neither an AGENCY_STAFF (olga.outreach) nor an AGENCY_MANAGER (mina.manager) above the ceiling', async () => {
    await granting('HMIS Users', ADMIN, async () => {
      for (const username of ['olga.outreach', 'mina.manager'] as const) {
        const caps: string[] = (await (await demo.as(username)).ok(ME)).me.capabilities;
        expect(caps.filter((c) => ADMIN.includes(c))).toEqual([]);
      }
    });
  });

  // Spec §1 (issue 15): the manager ceiling lets report:run through too; HMIS Users holds it as data.
  test('report:run passes only the AGENCY_STAFF_DATA_ANALYSIS, AGENCY_MANAGER and SYSTEM_ADMINISTRATOR ceilings', async () => {
    expect((await (await demo.as('admin')).ok(ME)).me.capabilities).toContain('report:run');
    expect((await (await demo.as('mina.manager')).ok(ME)).me.capabilities).toContain('report:run');
    expect((await (await demo.as('dara.data')).ok(ME)).me.capabilities).toContain('report:run');
    expect((await (await demo.as('sam.shelter')).ok(ME)).me.capabilities).not.toContain('report:run');
    const user = demo.ids.users['olga.outreach'];
    {
      const olga = await demo.as('olga.outreach');
      expect((await olga.ok(ME)).me.capabilities).not.toContain('report:run');
      await withChange(
        () =>
          demo.exec("UPDATE app_user SET access_role = 'AGENCY_STAFF_DATA_ANALYSIS' WHERE id = ?", [user]),
        () => demo.exec("UPDATE app_user SET access_role = 'AGENCY_STAFF' WHERE id = ?", [user]),
        async () => {
          expect((await olga.ok(ME)).me).toMatchObject({
            accessRole: 'AGENCY_STAFF_DATA_ANALYSIS',
            capabilities: expect.arrayContaining(['report:run']),
          });
        },
      );
    }
  });

  test('an unknown capability string stored as data grants nothing', async () => {
    await granting('HMIS Users', ['client:everything'], async () => {
      expect((await (await demo.as('olga.outreach')).ok(ME)).me.capabilities).not.toContain(
        'client:everything',
      );
    });
  });
});
