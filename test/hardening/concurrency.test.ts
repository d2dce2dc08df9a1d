/**
 * Issue 6, item 5 (first half): optimistic locking under concurrency. Updates carry the version
 * they edit; a stale version gets CONFLICT and writes nothing; no update is lost silently.
 */
import { startHardApp, type HardApp } from './support';

let app: HardApp;
let token: string;

const UPDATE = `mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id version firstName } }`;

beforeAll(async () => {
  app = await startHardApp('concurrency');
  token = await app.api.login('sam.shelter');
});

afterAll(async () => {
  await app?.close();
});

async function newClient(firstName: string): Promise<{ id: string; version: number }> {
  const data = await app.api.ok<{ createClient: { id: string; version: number } }>(
    'mutation($input: CreateClientInput!) { createClient(input: $input) { id version } }',
    { input: { firstName, lastName: 'Concurrency' } },
    token,
  );
  return data.createClient;
}

async function stored(id: string): Promise<{ version: number; firstName: string; audits: number }> {
  const [row] = await app.db.ds.query('SELECT version, first_name FROM client WHERE id = ?', [Number(id)]);
  const [{ n }] = await app.db.ds.query(
    "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'UPDATE' AND entity_type = 'Client' AND entity_id = ?",
    [Number(id)],
  );
  return { version: Number(row.version), firstName: row.first_name, audits: Number(n) };
}

test('50 concurrent updates of one version: exactly one wins, 49 get CONFLICT, nothing is lost silently', async () => {
  const client = await newClient('Burst');
  const before = await stored(client.id);
  const results = await Promise.all(
    Array.from({ length: 50 }, (_v, i) =>
      app.api.post(
        UPDATE,
        { id: client.id, input: { version: client.version, firstName: `Burst${i}` } },
        token,
      ),
    ),
  );
  const winners = results.filter((r) => !r.errors);
  const codes = results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
  expect(winners).toHaveLength(1);
  expect(codes).toEqual(Array(49).fill('CONFLICT'));
  expect(results.find((r) => r.errors)?.errors?.[0].message).toMatch(
    /^This client was changed by someone else since you loaded it/,
  );
  const after = await stored(client.id);
  expect(after.version).toBe(before.version + 1);
  expect(after.audits).toBe(before.audits + 1);
  expect(after.firstName).toBe((winners[0].data as any).updateClient.firstName);
  expect((winners[0].data as any).updateClient.version).toBe(after.version);
});

test('10 writers retrying on CONFLICT: every version is won exactly once and every success is audited', async () => {
  const client = await newClient('Storm');
  const before = await stored(client.id);
  const wonVersions: number[] = [];
  const otherCodes: string[] = [];
  let conflicts = 0;
  const writer = async (w: number) => {
    for (let done = 0; done < 5;) {
      const current = await app.api.ok<{ client: { version: number } }>(
        'query($id: ID!) { client(id: $id) { version } }',
        { id: client.id },
        token,
      );
      const res = await app.api.post(
        UPDATE,
        { id: client.id, input: { version: current.client.version, firstName: `Storm${w}-${done}` } },
        token,
      );
      if (!res.errors) {
        wonVersions.push((res.data as any).updateClient.version);
        done++;
      } else {
        const code = String(res.errors[0].extensions?.code);
        if (code === 'CONFLICT') conflicts++;
        else otherCodes.push(code);
      }
    }
  };
  await Promise.all(Array.from({ length: 10 }, (_v, w) => writer(w)));
  const after = await stored(client.id);
  console.log(
    `optimistic locking: 50 successful updates, ${conflicts} CONFLICT answers, other codes: ${JSON.stringify(otherCodes)}`,
  );
  expect(otherCodes.filter((c) => c !== 'SERVICE_UNAVAILABLE')).toEqual([]);
  expect(wonVersions).toHaveLength(50);
  expect(new Set(wonVersions).size).toBe(50);
  expect(after.version).toBe(before.version + 50);
  expect(after.audits).toBe(before.audits + 50);
  expect(Math.max(...wonVersions)).toBe(after.version);
});

test('a stale version is refused with CONFLICT and changes nothing', async () => {
  const client = await newClient('Stale');
  await app.api.ok(UPDATE, { id: client.id, input: { version: client.version, firstName: 'Fresh' } }, token);
  const before = await stored(client.id);
  const res = await app.api.post(
    UPDATE,
    { id: client.id, input: { version: client.version, firstName: 'Overwritten' } },
    token,
  );
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
  expect(await stored(client.id)).toEqual(before);
});
