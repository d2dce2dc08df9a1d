/**
 * Issue 6, item 1: query limits (depth, aliases, directives, tokens, cost), never revealing the
 * numbers; no schema suggestions; introspection only with a session; body size and time limits.
 */
import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../../src/config';
import { auth, codesOf, extraServer, HEAVY_QUERY, postJson, startHardApp, type HardApp } from './support';

let app: HardApp;
let token: string;

beforeAll(async () => {
  app = await startHardApp('limits');
  token = await app.api.login('sam.shelter');
});

afterAll(async () => {
  await app?.close();
});

/** Every refusal of a limit: 400, QUERY_TOO_COMPLEX, and no number in the message. */
async function expectRefusedByLimit(query: string, variables: Record<string, unknown> = {}) {
  const res = await postJson(app.server.url, { query, variables }, auth(token));
  expect(res.status).toBe(400);
  expect(codesOf(res)).toContain('QUERY_TOO_COMPLEX');
  for (const error of res.json.errors) expect(error.message).not.toMatch(/[0-9]/);
  return res;
}

const nest = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `enrollments { id client { id ${inner} } }`;
  return `query($id: ID!) { client(id: $id) { ${inner} } }`;
};

describe('query limits', () => {
  test('the heavy report query (500 clients with enrollments and services) passes every limit', async () => {
    const res = await postJson(app.server.url, { query: HEAVY_QUERY }, auth(token));
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.clients.edges.length).toBeGreaterThan(0);
  });

  test("GraphiQL's introspection query passes for a logged-in user", async () => {
    for (const query of [
      getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }),
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    ]) {
      const res = await postJson(app.server.url, { query, operationName: 'IntrospectionQuery' }, auth(token));
      expect(res.json.errors).toBeUndefined();
      expect(res.json.data.__schema.types.length).toBeGreaterThan(50);
    }
  });

  test('a query nested deeper than the limit is refused, through fragments too', async () => {
    expect(
      (await postJson(app.server.url, { query: nest(2), variables: { id: '1' } }, auth(token))).json.errors,
    ).toBeUndefined();
    await expectRefusedByLimit(nest(6), { id: '1' });
    await expectRefusedByLimit(
      `query($id: ID!) { client(id: $id) { ...A } }
      fragment A on Client { enrollments { client { ...B } } }
      fragment B on Client { enrollments { client { enrollments { client { enrollments { client { enrollments { client { id } } } } } } } } }`,
      { id: '1' },
    );
  });

  test('an alias bomb is refused', async () => {
    const aliases = Array.from({ length: 40 }, (_v, i) => `a${i}: me { state }`).join(' ');
    await expectRefusedByLimit(`{ ${aliases} }`);
  });

  test('too many directives are refused', async () => {
    await expectRefusedByLimit(`{ me { ${'state @include(if: true) '.repeat(60)} } }`);
    await expectRefusedByLimit(`{ me { ${'... on Me @skip(if: false) { state } '.repeat(60)} } }`);
  });

  test('a query over the token limit is refused before it is parsed in full', async () => {
    await expectRefusedByLimit(`{ me { ${'state '.repeat(5000)} } }`);
  });

  test('three heavy queries in one request cost too much', async () => {
    const body = HEAVY_QUERY.slice(1, -1);
    await expectRefusedByLimit(`{ a: ${body.trim()} b: ${body.trim()} c: ${body.trim()} }`);
  });

  test('introspection nested beyond what GraphiQL asks for is refused', async () => {
    await expectRefusedByLimit(
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    );
    await expectRefusedByLimit(
      '{ __type(name: "Client") { fields { type { fields { type { fields { type { fields { name } } } } } } } } }',
    );
  });
});

describe('schema details stay hidden from callers', () => {
  test('field, argument and enum suggestions are removed ("Did you mean")', async () => {
    const misspelled = [
      postJson(app.server.url, { query: '{ clents { totalCount } }' }),
      postJson(app.server.url, { query: '{ clients(frist: 1) { totalCount } }' }, auth(token)),
      postJson(
        app.server.url,
        {
          query: 'mutation($i: UpdateClientInput!) { updateClient(id: "1", input: $i) { id } }',
          variables: { i: { version: 1, sex: 'MAL' } },
        },
        auth(token),
      ),
      postJson(app.server.url, { query: '{ clients { edges { node { firstNme } } } }' }, auth(token)),
    ];
    for (const res of await Promise.all(misspelled)) {
      expect(res.status).toBe(400);
      expect(res.json.errors.length).toBeGreaterThan(0);
      for (const error of res.json.errors) {
        expect(error.message).not.toMatch(/did you mean/i);
        expect(error.extensions.code).toEqual(expect.any(String));
      }
    }
  });

  test('introspection without a session is refused with UNAUTHENTICATED; __typename still answers', async () => {
    for (const query of [
      getIntrospectionQuery(),
      '{ __type(name: "Client") { name } }',
      '{ ...F } fragment F on Query { __schema { queryType { name } } }',
    ]) {
      const res = await postJson(app.server.url, { query });
      expect(codesOf(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.json.data).toBeUndefined();
    }
    const typename = await postJson(app.server.url, { query: '{ __typename }' });
    expect(typename.json).toEqual({ data: { __typename: 'Query' } });
    const expired = await postJson(
      app.server.url,
      { query: '{ __schema { queryType { name } } }' },
      auth('x'.repeat(43)),
    );
    expect(codesOf(expired)).toEqual(['UNAUTHENTICATED']);
  });

  test('GRAPHQL_INTROSPECTION=off refuses everyone, =on allows everyone', async () => {
    const off = await extraServer(app, { introspection: 'off' });
    const on = await extraServer(app, { introspection: 'on' });
    try {
      expect(
        codesOf(
          await postJson(off.server.url, { query: '{ __schema { queryType { name } } }' }, auth(token)),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        (await postJson(on.server.url, { query: '{ __schema { queryType { name } } }' })).json.data.__schema
          .queryType.name,
      ).toBe('Query');
    } finally {
      await off.server.close();
      await on.server.close();
    }
  });
});

describe('request size and time', () => {
  test('a body over the limit is answered 413 PAYLOAD_TOO_LARGE as JSON, and the limit is configurable', async () => {
    const big = await postJson(app.server.url, {
      query: '{ __typename }',
      variables: { pad: 'x'.repeat(1_100_000) },
    });
    expect(big.status).toBe(413);
    expect(codesOf(big)).toEqual(['PAYLOAD_TOO_LARGE']);
    const small = await extraServer(app, { requestBodyLimit: '2kb' });
    try {
      const refused = await postJson(small.server.url, {
        query: '{ __typename }',
        variables: { pad: 'x'.repeat(3000) },
      });
      expect(refused.status).toBe(413);
      expect(codesOf(refused)).toEqual(['PAYLOAD_TOO_LARGE']);
      expect((await postJson(small.server.url, { query: '{ __typename }' })).status).toBe(200);
    } finally {
      await small.server.close();
    }
  });

  test('a request running past REQUEST_TIMEOUT_MS is answered REQUEST_TIMEOUT (503) at once, stops resolving, and the server carries on', async () => {
    const fast = await extraServer(app, { requestTimeoutMs: 400 });
    const ds = app.db.ds;
    const query = ds.query.bind(ds);
    const late: string[] = [];
    let answered = false;
    // A database that takes 2 s for the client list: the request must not wait for it, and
    // once answered it must not ask the database for the clients' enrollments.
    ds.query = (async (sql: string, params?: unknown[]) => {
      if (answered) late.push(sql);
      if (/FROM client c JOIN client_reach cr/.test(sql)) await new Promise((r) => setTimeout(r, 2000));
      return query(sql, params);
    }) as typeof ds.query;
    try {
      const started = Date.now();
      const res = await postJson(
        fast.server.url,
        { query: '{ clients(first: 5) { edges { node { id enrollments { id } } } } }' },
        auth(token),
      );
      answered = true;
      expect(Date.now() - started).toBeLessThan(1800);
      expect(res.status).toBe(503);
      expect(codesOf(res)).toEqual(['REQUEST_TIMEOUT']);
      await new Promise((r) => setTimeout(r, 2200)); // the abandoned request finishes in the background
    } finally {
      ds.query = query;
    }
    try {
      expect(late.filter((sql) => /enrollment/i.test(sql))).toEqual([]);
      const after = await postJson(
        fast.server.url,
        { query: '{ clients(first: 5) { edges { node { id enrollments { id } } } } }' },
        auth(token),
      );
      expect(after.json.errors).toBeUndefined();
      expect(fast.log.lines.filter((l) => l.msg === 'unexpected error')).toEqual([]);
      expect(fast.log.lines.some((l) => l.msg === 'request timed out' && typeof l.reqId === 'string')).toBe(
        true,
      );
    } finally {
      await fast.server.close();
    }
  });
});

test('the hardening settings are read from the environment, with safe defaults', () => {
  const defaults = loadConfig({});
  expect(defaults).toMatchObject({
    introspection: 'session',
    maxBatch: 0,
    requestBodyLimit: '1mb',
    corsOrigins: [],
    trustProxy: false,
  });
  const set = loadConfig({
    GRAPHQL_INTROSPECTION: 'off',
    GRAPHQL_MAX_DEPTH: '12',
    GRAPHQL_MAX_BATCH: '5',
    REQUEST_BODY_LIMIT: '200kb',
    REQUEST_TIMEOUT_MS: '5000',
    CORS_ORIGINS: 'https://reports.example.org, https://app.example.org',
    TRUST_PROXY: '1',
    LOGIN_IP_LIMIT: '7',
  });
  expect(set).toMatchObject({
    introspection: 'off',
    maxDepth: 12,
    maxBatch: 5,
    requestBodyLimit: '200kb',
    requestTimeoutMs: 5000,
    corsOrigins: ['https://reports.example.org', 'https://app.example.org'],
    trustProxy: 1,
    loginIpLimit: 7,
  });
  expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/GRAPHQL_INTROSPECTION/);
  expect(() => loadConfig({ REQUEST_BODY_LIMIT: 'lots' })).toThrow(/REQUEST_BODY_LIMIT/);
});
