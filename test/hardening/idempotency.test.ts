/**
 * Issue 17, item 2: an Idempotency-Key on a mutation. A retry by the same user with the same key
 * and request does not run the change again and answers from the stored record ids under the
 * retrying session; a different request with the key is refused; keys are per user; concurrent
 * duplicates run once; a key costs its lookup and its insert, no key costs nothing. Both engines.
 */
import { IdempotencyKey } from '../../src/modules/idempotency/idempotency-key.entity';
import { sweepIdempotencyKeys } from '../../src/modules/idempotency/idempotency.service';
import { post as benchPost } from '../bench/client';
import { idempotencyHeader, Q3 } from '../bench/queries';
import { StatementLog } from '../bench/statement-log';
import { startTestApp, type TestApp } from '../support/app';
import { auth, codesOf, postJson } from './support';

const statements = new StatementLog();
let app: TestApp;
let sam: string;
let olga: string;
let enrollmentId: string;

const CREATE_CLIENT =
  'mutation($input: CreateClientInput!) { createClient(input: $input) { id firstName lastName } }';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp('idempotency', { logger: statements });
  sam = await app.api.login('sam.shelter');
  olga = await app.api.login('olga.outreach');
  const { createClient } = await app.api.ok<any>(
    CREATE_CLIENT,
    { input: { firstName: 'Key', lastName: 'Holder' } },
    sam,
  );
  const { createEnrollment } = await app.api.ok<any>(
    'mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }',
    {
      input: {
        clientId: createClient.id,
        programId: String(app.ids.programs.HSS_ES),
        entryDate: daysAgo(20),
      },
    },
    sam,
  );
  enrollmentId = createEnrollment.id;
});

afterAll(async () => {
  await app?.close();
});

const send = (token: string | null, key: string | null, query: string, variables: Record<string, unknown>) =>
  postJson(
    app.server.url,
    { query, variables },
    { ...(token ? auth(token) : {}), ...(key === null ? {} : { 'idempotency-key': key }) },
  );

const count = async (sql: string, params: unknown[] = []) =>
  Number((await app.db.ds.query(sql, params))[0].n);
const clientsNamed = (lastName: string) =>
  count('SELECT COUNT(*) AS n FROM client WHERE last_name = ?', [lastName]);
const keysStored = () => count('SELECT COUNT(*) AS n FROM idempotency_key');

test('a retry with the same key and request creates nothing more and answers with the same record', async () => {
  const variables = { input: { firstName: 'Retry', lastName: 'Once' } };
  const first = await send(sam, 'action-1', CREATE_CLIENT, variables);
  const again = await send(sam, 'action-1', CREATE_CLIENT, variables);
  expect(first.json.errors).toBeUndefined();
  expect(again.json.errors).toBeUndefined();
  expect(again.json.data.createClient).toEqual(first.json.data.createClient);
  expect(again.headers.get('idempotency-replayed')).toBe('true');
  expect(first.headers.get('idempotency-replayed')).toBeNull();
  expect(await clientsNamed('Once')).toBe(1);
  expect(
    await count("SELECT COUNT(*) AS n FROM audit_event WHERE operation = 'createClient' AND entity_id = ?", [
      Number(first.json.data.createClient.id),
    ]),
  ).toBe(1);
  const [stored] = await app.db.ds.getRepository(IdempotencyKey).findBy({ key: 'action-1' });
  expect(stored.records).toEqual([{ type: 'Client', id: Number(first.json.data.createClient.id) }]);
});

test('the same key with a different request is refused with BAD_USER_INPUT naming the header, and writes nothing', async () => {
  await send(sam, 'action-2', CREATE_CLIENT, { input: { firstName: 'First', lastName: 'Different' } });
  const keys = await keysStored();
  const res = await send(sam, 'action-2', CREATE_CLIENT, {
    input: { firstName: 'Second', lastName: 'Different' },
  });
  expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.json.errors[0].message).toMatch(/^Idempotency-Key: /);
  expect(await clientsNamed('Different')).toBe(1);
  expect(await keysStored()).toBe(keys);
});

test('keys are per user: the same key sent by another user is a new action', async () => {
  const variables = { input: { firstName: 'Two', lastName: 'Users' } };
  const bySam = await send(sam, 'shared-key', CREATE_CLIENT, variables);
  const byOlga = await send(olga, 'shared-key', CREATE_CLIENT, variables);
  expect(bySam.json.errors).toBeUndefined();
  expect(byOlga.json.errors).toBeUndefined();
  expect(byOlga.json.data.createClient.id).not.toBe(bySam.json.data.createClient.id);
  expect(await clientsNamed('Users')).toBe(2);
});

test('a retried exit answers with the enrollment, not "already has an exit"', async () => {
  const exit =
    'mutation($id: ID!, $input: ExitEnrollmentInput!) { exitEnrollment(id: $id, input: $input) { id exitDate } }';
  const variables = {
    id: enrollmentId,
    input: { exitDate: daysAgo(1), destination: 'RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY' },
  };
  const first = await send(sam, 'exit-1', exit, variables);
  const again = await send(sam, 'exit-1', exit, variables);
  expect(first.json.errors).toBeUndefined();
  expect(again.json).toEqual(first.json);
  const withoutKey = await send(sam, null, exit, variables);
  expect(codesOf(withoutKey)).toEqual(['CONFLICT']);
});

test('20 concurrent requests with one key: the change runs once and every answer names the same record', async () => {
  const variables = { input: { firstName: 'Burst', lastName: 'Keyed' } };
  const results = await Promise.all(
    Array.from({ length: 20 }, () => send(sam, 'burst-key', CREATE_CLIENT, variables)),
  );
  const ids = results.map((r) => r.json.data?.createClient?.id ?? JSON.stringify(r.json.errors));
  expect(new Set(ids).size).toBe(1);
  expect(await clientsNamed('Keyed')).toBe(1);
  expect(await count("SELECT COUNT(*) AS n FROM idempotency_key WHERE request_key = 'burst-key'")).toBe(1);
});

test('a retry answers under the retrying session: a record deleted since is not sent again', async () => {
  const variables = { input: { firstName: 'Gone', lastName: 'Since' } };
  const first = await send(sam, 'deleted-since', CREATE_CLIENT, variables);
  const id = Number(first.json.data.createClient.id);
  await app.db.ds.query('UPDATE client SET date_deleted = created_at WHERE id = ?', [id]);
  const again = await send(sam, 'deleted-since', CREATE_CLIENT, variables);
  expect(codesOf(again)).toEqual(['CONFLICT']);
  expect(again.text).not.toContain('Gone');
  expect(await clientsNamed('Since')).toBe(1);
});

test('a key longer than 200 characters is refused with BAD_USER_INPUT and writes nothing', async () => {
  const keys = await keysStored();
  const res = await send(sam, 'k'.repeat(201), CREATE_CLIENT, {
    input: { firstName: 'Too', lastName: 'Long' },
  });
  expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.json.errors[0].message).toMatch(/Idempotency-Key/);
  expect(await clientsNamed('Long')).toBe(0);
  expect(await keysStored()).toBe(keys);
  const ok = await send(sam, 'k'.repeat(200), CREATE_CLIENT, {
    input: { firstName: 'Just', lastName: 'Fits' },
  });
  expect(ok.json.errors).toBeUndefined();
});

test('a key with several mutation fields in one request is refused and writes nothing', async () => {
  const res = await send(
    sam,
    'two-fields',
    'mutation { a: createClient(input: { firstName: "A", lastName: "Twice" }) { id } b: createClient(input: { firstName: "B", lastName: "Twice" }) { id } }',
    {},
  );
  expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
  expect(await clientsNamed('Twice')).toBe(0);
});

test('a key on a query is ignored, and without a session a keyed mutation is UNAUTHENTICATED as usual; nothing is stored', async () => {
  const keys = await keysStored();
  const query = await send(sam, 'k'.repeat(300), '{ me { state } }', {});
  expect(query.json.errors).toBeUndefined();
  const anonymous = await send(null, 'anon-key', CREATE_CLIENT, {
    input: { firstName: 'No', lastName: 'Session' },
  });
  expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
  expect(await clientsNamed('Session')).toBe(0);
  expect(await keysStored()).toBe(keys);
});

test('an expired key is a new action, and the sweep deletes expired keys', async () => {
  const variables = { input: { firstName: 'Old', lastName: 'Key' } };
  await send(sam, 'old-key', CREATE_CLIENT, variables);
  const longAgo = new Date(Date.now() - 25 * 3_600_000);
  await app.db.ds.getRepository(IdempotencyKey).update({ key: 'old-key' }, { createdAt: longAgo });
  const again = await send(sam, 'old-key', CREATE_CLIENT, variables);
  expect(again.json.errors).toBeUndefined();
  expect(await clientsNamed('Key')).toBe(2);
  await app.db.ds.getRepository(IdempotencyKey).update({ key: 'old-key' }, { createdAt: longAgo });
  expect(await sweepIdempotencyKeys(app.db.ds, 24)).toBe(1);
  expect(await count("SELECT COUNT(*) AS n FROM idempotency_key WHERE request_key = 'old-key'")).toBe(0);
});

test('Q3 (createService): no key adds no statement, a key adds its lookup and its insert', async () => {
  const input = () => ({
    enrollmentId: enrollmentId,
    dateProvided: daysAgo(2),
    recordType: 'BED_NIGHT',
    typeProvided: 200,
  });
  // The enrollment above was exited yesterday; a new one for the services.
  const { createEnrollment } = await app.api.ok<any>(
    'mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id } }',
    {
      input: {
        clientId: String(app.ids.clients['Alex Rivera']),
        programId: String(app.ids.programs.HSS_ES),
        entryDate: daysAgo(10),
      },
    },
    sam,
  );
  enrollmentId = createEnrollment.id;
  const measure = async (headers: Record<string, string>) => {
    statements.start();
    const res = await benchPost(app.server.url, Q3, { input: input() }, sam, headers);
    const list = statements.stop();
    expect(res.body.errors).toBeUndefined();
    return list;
  };
  await measure({}); // warm: the session's last-activity touch is not part of the comparison
  const without = await measure({});
  const withKey = await measure(idempotencyHeader());
  const added = withKey.filter((s) => /idempotency_key/.test(s));
  console.log(
    `Q3 statements: ${without.length} without a key, ${withKey.length} with one:\n  ${added.join('\n  ')}`,
  );
  expect(without.some((s) => /idempotency_key/.test(s))).toBe(false);
  expect(withKey.length).toBe(without.length + 2);
  expect(added).toHaveLength(2);
  expect(added[0]).toMatch(/^SELECT/);
  expect(added[1]).toMatch(/^INSERT/);
});
