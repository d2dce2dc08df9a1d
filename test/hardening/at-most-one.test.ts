/**
 * Issue 17, item 1: every "at most one" holds in the database, not only in a read before the
 * insert. 20 concurrent attempts at the same thing give exactly one success; the others get
 * CONFLICT with a message a case worker understands, and one row is stored. Both engines.
 */
import { startHardApp, type HardApp } from './support';

let app: HardApp;
let sam: string;
let admin: string;

const N = 20;
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startHardApp('at_most_one');
  sam = await app.api.login('sam.shelter');
  admin = await app.api.login('admin');
});

afterAll(async () => {
  await app?.close();
});

const count = async (sql: string, params: unknown[]) => Number((await app.db.ds.query(sql, params))[0].n);

/** Sends the same mutation N times at once; returns the successes and the error codes and messages. */
async function burst(query: string, variables: (i: number) => Record<string, unknown>, token: string) {
  const results = await Promise.all(
    Array.from({ length: N }, (_v, i) => app.api.post(query, variables(i), token)),
  );
  return {
    ok: results.filter((r) => !r.errors),
    codes: results.flatMap((r) => (r.errors ?? []).map((e) => String(e.extensions?.code))),
    messages: results.flatMap((r) => (r.errors ?? []).map((e) => e.message)),
  };
}

async function openEnrollment(householdId?: string): Promise<{ clientId: string; enrollmentId: string }> {
  const { createClient } = await app.api.ok<any>(
    'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
    { input: { firstName: 'Once', lastName: 'Only' } },
    sam,
  );
  const { createEnrollment } = await app.api.ok<any>(
    'mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }',
    {
      input: {
        clientId: createClient.id,
        programId: String(app.ids.programs.HSS_ES),
        entryDate: daysAgo(10),
        ...(householdId ? { householdId } : {}),
      },
    },
    sam,
  );
  return { clientId: createClient.id, enrollmentId: createEnrollment.id };
}

test('20 concurrent exits of one open enrollment: exactly one exit is stored, the others get CONFLICT', async () => {
  const { enrollmentId } = await openEnrollment();
  const result = await burst(
    'mutation($id: ID!, $input: ExitEnrollmentInput!) { exitEnrollment(id: $id, input: $input) { id exitDate } }',
    (i) => ({
      id: enrollmentId,
      input: { exitDate: daysAgo(1 + (i % 5)), destination: 'RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY' },
    }),
    sam,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  for (const message of result.messages) expect(message).toMatch(/already has an exit/);
  expect(
    await count(
      'SELECT COUNT(*) AS n FROM enrollment_exit WHERE enrollment_id = ? AND date_deleted IS NULL',
      [Number(enrollmentId)],
    ),
  ).toBe(1);
  expect(
    await count(
      "SELECT COUNT(*) AS n FROM audit_event WHERE operation = 'exitEnrollment' AND entity_type = 'Exit'",
      [],
    ),
  ).toBe(1);
});

test('20 concurrent heads of household for one household and project: exactly one is stored', async () => {
  const householdId = `HH-RACE-${Date.now()}`;
  const clients = await Promise.all(
    Array.from({ length: N }, async () => {
      const { createClient } = await app.api.ok<any>(
        'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
        { input: { firstName: 'Head', lastName: 'Household' } },
        sam,
      );
      return createClient.id as string;
    }),
  );
  const result = await burst(
    'mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }',
    (i) => ({
      input: {
        clientId: clients[i],
        programId: String(app.ids.programs.HSS_ES),
        entryDate: daysAgo(3),
        householdId,
        relationshipToHoH: 'SELF_HEAD_OF_HOUSEHOLD',
      },
    }),
    sam,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  for (const message of result.messages) expect(message).toMatch(/already has a head of household/);
  expect(
    await count(
      'SELECT COUNT(*) AS n FROM enrollment WHERE household_id = ? AND relationship_to_ho_h = 1 AND date_deleted IS NULL',
      [householdId],
    ),
  ).toBe(1);
});

test('20 concurrent organizations with one code: exactly one is stored, the others get CONFLICT', async () => {
  const result = await burst(
    'mutation($input: OrganizationFieldsInput!) { createOrganization(input: $input) { id } }',
    (i) => ({ input: { name: `Race Agency ${i}`, code: 'RAC' } }),
    admin,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  for (const message of result.messages) expect(message).toMatch(/code/);
  expect(await count("SELECT COUNT(*) AS n FROM organization WHERE code = 'RAC'", [])).toBe(1);
});

test('20 concurrent organizations with one name: exactly one is stored', async () => {
  const result = await burst(
    'mutation($input: OrganizationFieldsInput!) { createOrganization(input: $input) { id } }',
    () => ({ input: { name: 'Same Name Services' } }),
    admin,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  expect(await count("SELECT COUNT(*) AS n FROM organization WHERE name = 'Same Name Services'", [])).toBe(1);
});

test('20 concurrent information releases with one number: exactly one is stored', async () => {
  const result = await burst(
    'mutation($input: CreateInformationReleaseInput!) { createInformationRelease(input: $input) { id } }',
    (i) => ({
      input: {
        number: 4242,
        name: `Race release ${i}`,
        startDate: today,
        shares: [
          { fromOrganizationId: String(app.ids.orgs.HSS), toOrganizationId: String(app.ids.orgs.CCE) },
        ],
      },
    }),
    admin,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  expect(await count('SELECT COUNT(*) AS n FROM information_release WHERE number = 4242', [])).toBe(1);
});

test('20 concurrent users with one username: exactly one is stored', async () => {
  const result = await burst(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
    (i) => ({ input: { username: 'race.user', displayName: `Race ${i}` } }),
    admin,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  for (const message of result.messages) expect(message).toMatch(/already taken/);
  expect(await count("SELECT COUNT(*) AS n FROM app_user WHERE username = 'race.user'", [])).toBe(1);
});

test('20 concurrent workgroups with one name: exactly one is stored', async () => {
  const result = await burst(
    'mutation($input: CreateWorkgroupInput!) { createWorkgroup(input: $input) { id } }',
    () => ({ input: { name: 'Race Workgroup' } }),
    admin,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  expect(await count("SELECT COUNT(*) AS n FROM workgroup WHERE name = 'Race Workgroup'", [])).toBe(1);
});

test('20 concurrent release exceptions of one client to one organization: exactly one is stored', async () => {
  const { clientId } = await openEnrollment();
  const result = await burst(
    'mutation($input: CreateReleaseExceptionInput!) { createReleaseException(input: $input) { id } }',
    () => ({
      input: { clientId, organizationId: String(app.ids.orgs.NSO), validThrough: daysAgo(-30) },
    }),
    admin,
  );
  expect(result.ok).toHaveLength(1);
  expect(result.codes).toEqual(Array(N - 1).fill('CONFLICT'));
  expect(
    await count('SELECT COUNT(*) AS n FROM release_exception WHERE client_id = ? AND organization_id = ?', [
      Number(clientId),
      app.ids.orgs.NSO,
    ]),
  ).toBe(1);
});

test('a household member made head of household while the household has one is refused with CONFLICT', async () => {
  const householdId = `HH-UPD-${Date.now()}`;
  await openEnrollment(householdId);
  const { createClient } = await app.api.ok<any>(
    'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
    { input: { firstName: 'Child', lastName: 'Member' } },
    sam,
  );
  const { createEnrollment: member } = await app.api.ok<any>(
    'mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id version } }',
    {
      input: {
        clientId: createClient.id,
        programId: String(app.ids.programs.HSS_ES),
        entryDate: daysAgo(10),
        householdId,
        relationshipToHoH: 'CHILD',
      },
    },
    sam,
  );
  const res = await app.api.post(
    'mutation($id: ID!, $input: UpdateEnrollmentInput!) { updateEnrollment(id: $id, input: $input) { id } }',
    { id: member.id, input: { version: member.version, relationshipToHoH: 'SELF_HEAD_OF_HOUSEHOLD' } },
    sam,
  );
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
  expect(res.errors?.[0].message).toMatch(/already has a head of household/);
});
