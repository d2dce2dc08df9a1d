/**
 * Workspaces, menu options and forms as data (issue 11, access model §7): every demo user's
 * navigation matches the demo scenario, and everything it shows is exactly what the API then
 * allows (the walk test), on whichever database the suite runs.
 */
import 'reflect-metadata';
import {
  buildSchema as buildSdl,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isObjectType,
  isInterfaceType,
  isUnionType,
} from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { StatementLog } from '../bench/statement-log';
import { startTestApp, type TestApp } from '../support/app';

const statements = new StatementLog();
let app: TestApp;
let schema: GraphQLSchema;

beforeAll(async () => {
  app = await startTestApp('navigation', { logger: statements });
  schema = await buildAppSchema();
});
afterAll(async () => {
  await app?.close();
});

interface Ctx {
  workgroup: string;
  org: string;
}

/** Every demo user who can work, in every (workgroup, login org) context they can select. */
const CONTEXTS: [string, Ctx][] = [
  ['admin', { workgroup: 'System Administrators', org: 'ADM' }],
  ['sam.shelter', { workgroup: 'Emergency Shelter Staff', org: 'HSS' }],
  ['olga.outreach', { workgroup: 'HMIS Users', org: 'NSO' }],
  ['morgan.multi', { workgroup: 'HMIS Users', org: 'HSS' }],
  ['morgan.multi', { workgroup: 'HMIS Users', org: 'NSO' }],
  ['morgan.multi', { workgroup: 'Coordinated Entry Assessors', org: 'HSS' }],
  ['morgan.multi', { workgroup: 'Coordinated Entry Assessors', org: 'NSO' }],
  ['casey.assessor', { workgroup: 'Coordinated Entry Assessors', org: 'CCE' }],
  ['tara.trainee', { workgroup: 'Coordinated Entry Assessors', org: 'CCE' }],
  ['pat.priority', { workgroup: 'Priority List Managers', org: 'CCE' }],
  ['riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' }],
  ['mina.manager', { workgroup: 'HMIS Users', org: 'HSS' }],
  ['dana.dv', { workgroup: 'HMIS Users', org: 'SHD' }],
  ['dara.data', { workgroup: 'HMIS Users', org: 'NSO' }],
];

/**
 * The demo scenario's workspace table, less the workspaces that have no menu option yet
 * (a workspace with no usable option is left out) and with
 * Reports only where report:run passes the session's role ceiling (admin, mina.manager, dara.data).
 */
const REPORT_USERS = ['admin', 'mina.manager', 'dara.data'];
const EXPECTED_WORKSPACES: Record<string, string[]> = {
  'System Administrators': ['Reports', 'Administration'],
  'Emergency Shelter Staff': ['Clients', 'Housing'],
  'HMIS Users': ['Clients'],
  'Coordinated Entry Assessors': ['Clients', 'Coordinated Entry'],
  'Priority List Managers': ['Clients', 'Coordinated Entry', 'Priority List'],
  'Shelter Reservation Team': ['Clients', 'Reservations'],
};

const NAVIGATION = `{ navigation { workspaces { code name
  menuGroups { code menuOptions { code operations formCode } menuGroups { code menuOptions { code operations formCode } } }
  menuOptions { code operations formCode } } } }`;

interface Option {
  code: string;
  operations: string[];
  formCode: string | null;
}

function optionsOf(nav: any): Option[] {
  const out: Option[] = [];
  const walk = (g: any) => {
    out.push(...g.menuOptions);
    for (const c of g.menuGroups ?? []) walk(c);
  };
  for (const w of nav.navigation.workspaces) walk(w);
  return out;
}

const tokens = new Map<string, string>();
async function tokenFor(user: string, ctx: Ctx): Promise<string> {
  const key = `${user}|${ctx.workgroup}|${ctx.org}`;
  let token = tokens.get(key);
  if (!token) tokens.set(key, (token = await app.api.loginAs(user, ctx)));
  return token;
}

/** A document calling a root field with placeholder arguments that GraphQL accepts and resolvers refuse. */
function placeholder(type: GraphQLInputType, depth = 0): string {
  if (isNonNullType(type)) return placeholder(type.ofType, depth);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${placeholder(f.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return '-1';
    if (type.name === 'Boolean') return 'false';
    if (type.name === 'ID') return '"0"';
    if (type.name === 'LocalDate') return '"1900-01-01"';
    if (type.name === 'DateTime') return '"1900-01-01T00:00:00Z"';
    return '""';
  }
  return 'null';
}

function documentFor(coordinate: string): string {
  const [root, name] = coordinate.split('.');
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  const field = type!.getFields()[name] as GraphQLField<unknown, unknown>;
  const args = field.args.filter((a) => isNonNullType(a.type));
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${placeholder(a.type)}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection =
    isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
  return `${root === 'Query' ? 'query' : 'mutation'} { ${name}${argText}${selection} }`;
}

async function codeOf(coordinate: string, token: string): Promise<string | null> {
  const res = await app.api.post(documentFor(coordinate), {}, token);
  return res.errors?.length ? String(res.errors[0].extensions?.code) : null;
}

describe('navigation', () => {
  test.each(CONTEXTS)("%s's navigation in %o shows the demo scenario's workspaces", async (user, ctx) => {
    const nav = await app.api.ok<any>(NAVIGATION, {}, await tokenFor(user, ctx));
    const expected = EXPECTED_WORKSPACES[ctx.workgroup].filter((w) => w !== 'Reports');
    if (REPORT_USERS.includes(user))
      expected.splice(ctx.workgroup === 'System Administrators' ? 0 : 1, 0, 'Reports');
    expect(nav.navigation.workspaces.map((w: any) => w.name)).toEqual(expected);
  });

  test('Housing shows the six shelter desk options, Reservations its three (issue 13)', async () => {
    const codes = async (user: string, ctx: Ctx, workspace: string) => {
      const nav = await app.api.ok<any>(NAVIGATION, {}, await tokenFor(user, ctx));
      const ws = nav.navigation.workspaces.find((w: any) => w.code === workspace);
      return [...ws.menuOptions, ...ws.menuGroups.flatMap((g: any) => g.menuOptions)].map((o: any) => o.code);
    };
    const sam = CONTEXTS.find(([u]) => u === 'sam.shelter')!;
    const riley = CONTEXTS.find(([u]) => u === 'riley.reserve')!;
    expect(await codes(sam[0], sam[1], 'housing')).toEqual([
      'housing.bedBoard',
      'housing.checkIn',
      'housing.reservationCheckIn',
      'housing.checkOut',
      'housing.rollCall',
      'housing.residents',
    ]);
    expect(await codes(riley[0], riley[1], 'reservations')).toEqual([
      'reservations.reserve',
      'reservations.list',
      'reservations.bedBoard',
    ]);
  });

  // The walk test: what a menu shows the API allows; a sample of what it hides the API refuses.
  test.each(CONTEXTS)(
    '%s in %o may call every operation of the menu options shown, and is refused a sample of the others',
    async (user, ctx) => {
      const token = await tokenFor(user, ctx);
      const seen = optionsOf(await app.api.ok<any>(NAVIGATION, {}, token));
      const shown = new Set(seen.flatMap((o) => o.operations));
      expect(shown.size).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const op of shown) {
        const code = await codeOf(op, token);
        if (code !== null && code !== 'BAD_USER_INPUT' && code !== 'CONFLICT')
          problems.push(`${op} answered ${code}`);
      }
      // Operations of the seeded catalogue that no option shown to this session names and that
      // its permissions do not list: the menu hides them and the API must refuse them.
      const setup = await app.api.ok<any>(
        '{ navigationSetup { workspaces { menuGroups { menuOptions { operations } } menuOptions { operations } } } }',
        {},
        await tokenFor('admin', CONTEXTS[0][1]),
      );
      const all = new Set<string>(
        optionsOf({ navigation: setup.navigationSetup }).flatMap((o) => o.operations),
      );
      const perms = await app.api.ok<any>('{ myPermissions { operations } }', {}, token);
      const allowed = new Set<string>(perms.myPermissions.operations);
      for (const op of shown) expect(allowed).toContain(op);
      const hidden = [...all].filter((op) => !shown.has(op) && !allowed.has(op));
      const sample = hidden.filter((_, i) => i % 3 === 0);
      for (const op of sample) {
        const code = await codeOf(op, token);
        if (code !== 'FORBIDDEN') problems.push(`${op} (hidden) answered ${code}`);
      }
      if (user !== 'admin') expect(sample.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
  );

  test('the data stewardship options are in the menus the walk test walks: administrators get the duplicate queue, merge, recycle bin and account requests; case workers the duplicate check and recycle bin', async () => {
    const codes = async (user: string, ctx: Ctx) =>
      optionsOf(await app.api.ok<any>(NAVIGATION, {}, await tokenFor(user, ctx))).map((o) => o.code);
    expect(await codes(...CONTEXTS[0])).toEqual(
      expect.arrayContaining([
        'admin.duplicates',
        'admin.merge',
        'admin.recycleBin',
        'admin.accountRequests',
      ]),
    );
    const mina = await codes('mina.manager', { workgroup: 'HMIS Users', org: 'HSS' });
    expect(mina).toEqual(expect.arrayContaining(['clients.duplicateCheck', 'clients.recycleBin']));
    expect(mina).not.toContain('admin.merge');
  });

  test('Shelter Reservation Team sees neither the Health & DV option nor the SSN and DOB fields of the profile form', async () => {
    const token = await tokenFor('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
    const codes = optionsOf(await app.api.ok<any>(NAVIGATION, {}, token)).map((o) => o.code);
    expect(codes).toContain('clients.profile');
    expect(codes).not.toContain('clients.healthDv');
    const { form } = await app.api.ok<any>(
      '{ form(code: "client.profile") { sections { fields { coordinate } } } }',
      {},
      token,
    );
    const fields = form.sections.flatMap((s: any) => s.fields.map((f: any) => f.coordinate));
    expect(fields).toContain('CreateClientInput.firstName');
    expect(fields).not.toContain('CreateClientInput.ssn');
    expect(fields).not.toContain('CreateClientInput.dob');
    expect((await app.api.ok<any>('{ form(code: "healthAndDv") { code } }', {}, token)).form).toBeNull();
  });

  test('a form names its fields with HUD data elements and required-ness by stage and project type', async () => {
    const token = await tokenFor('sam.shelter', CONTEXTS[1][1]);
    const { form } = await app.api.ok<any>(
      '{ form(code: "enrollment") { operation recordType sections { fields { coordinate hudElement required { stage projectTypes } } } } }',
      {},
      token,
    );
    expect(form.operation).toBe('Mutation.createEnrollment');
    const fields = form.sections.flatMap((s: any) => s.fields);
    expect(fields.find((f: any) => f.coordinate === 'CreateEnrollmentInput.disablingCondition')).toEqual({
      coordinate: 'CreateEnrollmentInput.disablingCondition',
      hudElement: '3.08 Disabling Condition',
      required: [{ stage: 'PROJECT_START', projectTypes: null }],
    });
    expect(
      fields.find((f: any) => f.coordinate === 'CreateEnrollmentInput.moveInDate').required[0].projectTypes,
    ).toEqual([3, 9, 10, 13]);
    // A form of a workspace the workgroup does not have is not there for it.
    expect((await app.api.ok<any>('{ form(code: "ce.assessment") { code } }', {}, token)).form).toBeNull();
  });

  test('navigation and myPermissions add at most one SQL statement to a request, mySchema none', async () => {
    const token = await tokenFor('olga.outreach', CONTEXTS[2][1]);
    const count = async (query: string) => {
      statements.start();
      const res = await app.api.post(query, {}, token);
      const list = statements.stop();
      expect(res.errors).toBeUndefined();
      return list.length;
    };
    await count('{ me { state } }');
    const base = await count('{ me { state } }');
    expect(
      await count(
        `{ me { state } ${NAVIGATION.slice(1, -1)} myPermissions { operations hiddenFields recordTypes { recordType canEdit } } }`,
      ),
    ).toBeLessThanOrEqual(base + 1);
    expect(await count('{ me { state } mySchema }')).toBe(base);
  });
});

describe('myPermissions and mySchema', () => {
  test('mySchema is SDL that buildSchema accepts and leaves out what the session may not use', async () => {
    const riley = await tokenFor('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
    const sdl = (await app.api.ok<any>('{ mySchema }', {}, riley)).mySchema as string;
    const built = buildSdl(sdl);
    const client = built.getType('Client');
    expect(isObjectType(client)).toBe(true);
    const fields = Object.keys((client as any).getFields());
    expect(fields).toContain('ssnLast4');
    expect(fields).not.toContain('ssn');
    expect(fields).not.toContain('dob');
    expect(Object.keys(built.getQueryType()!.getFields())).not.toContain('auditEvents');
    expect(Object.keys(built.getMutationType()!.getFields())).not.toContain('createWorkgroup');
    expect(built.getType('AuditEvent')).toBeUndefined();
    expect(sdl).toContain('HUD 3.02');
    const admin = (await app.api.ok<any>('{ mySchema }', {}, await tokenFor('admin', CONTEXTS[0][1])))
      .mySchema;
    expect(Object.keys(buildSdl(admin).getQueryType()!.getFields())).toContain('auditEvents');
  });

  test("myPermissions lists the session's operations, hidden fields and record types", async () => {
    const riley = await tokenFor('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
    const { myPermissions: p } = await app.api.ok<any>(
      '{ myPermissions { operations readableFields hiddenFields capabilities recordTypes { recordType canCreate canEdit canDelete } } }',
      {},
      riley,
    );
    expect(p.operations).toContain('Query.clients');
    expect(p.operations).not.toContain('Mutation.createHealthAndDv');
    expect(p.hiddenFields).toEqual(
      expect.arrayContaining(['Client.ssn', 'Client.dob', 'HealthAndDv.generalHealthStatus']),
    );
    expect(p.readableFields).toContain('Client.firstName');
    expect(p.recordTypes.find((r: any) => r.recordType === 'Enrollment')).toEqual({
      recordType: 'Enrollment',
      canCreate: true,
      canEdit: true,
      canDelete: false,
    });
    expect(p.recordTypes.find((r: any) => r.recordType === 'HealthAndDv').canCreate).toBe(false);
    const mina = await tokenFor('mina.manager', { workgroup: 'HMIS Users', org: 'HSS' });
    const m = (await app.api.ok<any>('{ myPermissions { recordTypes { recordType canDelete } } }', {}, mina))
      .myPermissions;
    expect(m.recordTypes.find((r: any) => r.recordType === 'Enrollment').canDelete).toBe(true);
  });
});
