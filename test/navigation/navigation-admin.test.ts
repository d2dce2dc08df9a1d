/**
 * Administration of workspaces, menu options, forms and their grants (issue 11): bad input is
 * BAD_USER_INPUT naming the field with nothing written, a grant needing a capability the
 * workgroup lacks is refused naming it, changes are audited and reach navigation at once.
 */
import { DemoApp } from '../access/helpers';

const demo = new DemoApp('navigation_admin');

const SETUP = `{ navigationSetup { workspaces { code menuGroups { code menuGroups { code } menuOptions { code } } menuOptions { code } } forms { code } grants { workgroupId workspaces menuOptions forms } } }`;

async function admin() {
  return demo.as('admin');
}

async function snapshot() {
  return JSON.stringify((await (await admin()).ok(SETUP)).navigationSetup);
}

const SAVE_OPTION = `mutation($input: MenuOptionInput!) { saveMenuOption(input: $input) { workspaces { code } } }`;
const SAVE_GROUP = `mutation($input: MenuGroupInput!) { saveMenuGroup(input: $input) { workspaces { code } } }`;
const SAVE_FORM = `mutation($input: FormInput!) { saveForm(input: $input) { forms { code } } }`;
const GRANT = `mutation($w: ID!, $ws: [String!]!, $mo: [String!]!, $f: [String!]!) {
  setWorkgroupNavigation(workgroupId: $w, workspaces: $ws, menuOptions: $mo, forms: $f) { workspaces menuOptions forms } }`;

const option = (over: Record<string, unknown> = {}) => ({
  code: 'clients.extra',
  workspaceCode: 'clients',
  label: 'Extra',
  operations: ['Query.clients'],
  ...over,
});

describe('bad input is refused naming the field, and nothing is written', () => {
  test.each([
    ['an unknown workspace', option({ workspaceCode: 'nowhere' }), 'input.workspaceCode'],
    ['a menu option without a workspace', option({ workspaceCode: '' }), 'input.workspaceCode'],
    ['an unknown operation', option({ operations: ['Query.noSuchThing'] }), 'input.operations'],
    ['an unknown capability', option({ capabilities: ['client:teleport'] }), 'input.capabilities'],
    ['an unknown menu group', option({ menuGroupCode: 'no.group' }), 'input.menuGroupCode'],
    ['an unknown form', option({ formCode: 'no.form' }), 'input.formCode'],
  ])('a menu option with %s', async (_what, input, field) => {
    const before = await snapshot();
    const e = await (await admin()).error(SAVE_OPTION, { input });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message.startsWith(`${field}:`)).toBe(true);
    expect(await snapshot()).toBe(before);
  });

  test('a form field that is not in the schema', async () => {
    const before = await snapshot();
    const e = await (
      await admin()
    ).error(SAVE_FORM, {
      input: {
        code: 'broken',
        name: 'Broken',
        recordType: 'Enrollment',
        operation: 'Mutation.createEnrollment',
        sections: [
          {
            title: 'A',
            fields: [
              { coordinate: 'CreateEnrollmentInput.entryDate', label: 'ok' },
              { coordinate: 'CreateEnrollmentInput.favouriteColour', label: 'no' },
            ],
          },
        ],
      },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(
      /^input\.sections\[0\]\.fields\[1\]\.coordinate: CreateEnrollmentInput\.favouriteColour/,
    );
    expect(await snapshot()).toBe(before);
  });

  test('a cycle of menu groups', async () => {
    const a = await admin();
    await a.ok(SAVE_GROUP, { input: { code: 'cyc.a', workspaceCode: 'clients', label: 'A' } });
    await a.ok(SAVE_GROUP, {
      input: { code: 'cyc.b', workspaceCode: 'clients', parentCode: 'cyc.a', label: 'B' },
    });
    const before = await snapshot();
    const e = await a.error(SAVE_GROUP, {
      input: { code: 'cyc.a', workspaceCode: 'clients', parentCode: 'cyc.b', label: 'A' },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/^input\.parentCode: .*cycle/);
    const self = await a.error(SAVE_GROUP, {
      input: { code: 'cyc.a', workspaceCode: 'clients', parentCode: 'cyc.a', label: 'A' },
    });
    expect(self.message).toMatch(/cycle/);
    expect(await snapshot()).toBe(before);
  });

  test('a grant of an unknown code', async () => {
    const before = await snapshot();
    const e = await (
      await admin()
    ).error(GRANT, { w: demo.ids.workgroups['HMIS Users'], ws: ['clients', 'atlantis'], mo: [], f: [] });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/^workspaces: no workspace with code atlantis/);
    expect(await snapshot()).toBe(before);
  });
});

test('granting HMIS Users the CE Assessment option is refused, naming the capability the workgroup lacks', async () => {
  const before = await snapshot();
  const e = await (
    await admin()
  ).error(GRANT, {
    w: demo.ids.workgroups['HMIS Users'],
    ws: ['clients', 'coordinatedEntry'],
    mo: ['clients.search', 'ce.assessment'],
    f: [],
  });
  expect(e.code).toBe('BAD_USER_INPUT');
  expect(e.message).toMatch(
    /^menuOptions: CE Assessment \(ce\.assessment\) needs .*ce\.assessment:write.*which the workgroup lacks/,
  );
  expect(e.message).not.toMatch(/client:read/);
  expect(await snapshot()).toBe(before);
});

test('only setup:admin may change navigation', async () => {
  const sam = await demo.as('sam.shelter');
  expect((await sam.error(SAVE_OPTION, { input: option() })).code).toBe('FORBIDDEN');
  expect((await sam.error(SETUP)).code).toBe('FORBIDDEN');
});

test("a new menu option granted to a workgroup shows in its members' navigation at their next request, and the change is audited", async () => {
  const a = await admin();
  const olga = await demo.as('olga.outreach');
  const nav = '{ navigation { workspaces { code menuOptions { code } } } }';
  const before = (await olga.ok(nav)).navigation.workspaces.find((w: any) => w.code === 'clients');
  expect(before.menuOptions.map((o: any) => o.code)).not.toContain('clients.extra');
  await a.ok(SAVE_OPTION, { input: option({ label: 'Extra search', order: 1 }) });
  const current = (await a.ok(SETUP)).navigationSetup.grants.find(
    (g: any) => String(g.workgroupId) === String(demo.ids.workgroups['HMIS Users']),
  );
  await a.ok(GRANT, {
    w: demo.ids.workgroups['HMIS Users'],
    ws: current.workspaces,
    mo: [...current.menuOptions, 'clients.extra'],
    f: current.forms,
  });
  const after = (await olga.ok(nav)).navigation.workspaces.find((w: any) => w.code === 'clients');
  expect(after.menuOptions.map((o: any) => o.code)).toContain('clients.extra');
  const audit = await a.ok(
    `{ auditEvents(filter: { operation: "saveMenuOption" }) { edges { node { entityType after } } } }`,
  );
  expect(audit.auditEvents.edges[0].node).toMatchObject({
    entityType: 'MenuOption',
    after: { code: 'clients.extra', label: 'Extra search' },
  });
  const grants = await a.ok(
    `{ auditEvents(filter: { operation: "setWorkgroupNavigation" }) { totalCount } }`,
  );
  expect(grants.auditEvents.totalCount).toBe(1);
});

test('orderNavigation numbers the given items in order', async () => {
  const a = await admin();
  const res = await a.ok(
    'mutation { orderNavigation(kind: WORKSPACE, codes: ["administration", "reports"]) { workspaces { code order } } }',
  );
  const order = Object.fromEntries(res.orderNavigation.workspaces.map((w: any) => [w.code, w.order]));
  expect(order.administration).toBeLessThan(order.reports);
  const nav = (await a.ok('{ navigation { workspaces { code } } }')).navigation.workspaces.map(
    (w: any) => w.code,
  );
  expect(nav).toEqual(['administration', 'reports']);
});
