/**
 * Issue 6, item 3 and the HTTP details: CSRF prevention, CORS from an allow-list, security
 * headers, batching refused unless configured, and logs that carry the request id but no token.
 */
import { auth, codesOf, extraServer, postJson, raw, startHardApp, type HardApp } from './support';

let app: HardApp;
let sam: string;

beforeAll(async () => {
  app = await startHardApp('security');
  sam = await app.api.login('sam.shelter');
});

afterAll(async () => {
  await app?.close();
});

const clientCount = async () => Number((await app.db.ds.query('SELECT COUNT(*) AS n FROM client'))[0].n);
const CREATE = JSON.stringify({
  query: 'mutation { createClient(input: { firstName: "Csrf", lastName: "Victim" }) { id } }',
});

describe('CSRF prevention', () => {
  test('a POST with a simple content type and no preflight header is refused and runs nothing', async () => {
    const before = await clientCount();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain;charset=UTF-8',
    ]) {
      const res = await raw(`${app.server.url}/graphql`, {
        headers: { 'content-type': type, ...auth(sam) },
        body: CREATE,
      });
      expect({ type, status: res.status, codes: codesOf(res) }).toEqual({
        type,
        status: 400,
        codes: ['BAD_REQUEST'],
      });
    }
    const none = await raw(`${app.server.url}/graphql`, { headers: auth(sam), body: CREATE });
    expect(none.status).toBe(400);
    expect(await clientCount()).toBe(before);
  });

  test('a GET without a preflight header is refused; with one a query runs and a mutation is 405', async () => {
    const url = `${app.server.url}/graphql?query=${encodeURIComponent('{ me { user { username } } }')}`;
    const plain = await raw(url, { method: 'GET', headers: auth(sam) });
    expect(plain.status).toBe(400);
    expect(codesOf(plain)).toEqual(['BAD_REQUEST']);
    const preflighted = await raw(url, {
      method: 'GET',
      headers: { ...auth(sam), 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.json.data.me.user.username).toBe('sam.shelter');
    const mutation = await raw(
      `${app.server.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`,
      {
        method: 'GET',
        headers: { ...auth(sam), 'apollo-require-preflight': 'true' },
      },
    );
    expect(mutation.status).toBe(405);
    expect(codesOf(mutation)).toEqual(['BAD_REQUEST']);
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    raw(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  test('by default no origin is allowed', async () => {
    const res = await preflight(app.server.url, 'https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await postJson(
      app.server.url,
      { query: '{ __typename }' },
      { origin: 'https://evil.example' },
    );
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('CORS_ORIGINS allows exactly the listed origins, with the Authorization header and no credentials', async () => {
    const other = await extraServer(app, {
      corsOrigins: ['https://reports.example.org', 'https://app.example.org'],
    });
    try {
      const ok = await preflight(other.server.url, 'https://reports.example.org');
      expect(ok.status).toBeLessThan(300);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://reports.example.org');
      expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
      const post = await postJson(
        other.server.url,
        { query: '{ __typename }' },
        { origin: 'https://app.example.org' },
      );
      expect(post.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      expect(post.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
      const evil = await preflight(other.server.url, 'https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await other.server.close();
    }
  });
});

describe('headers', () => {
  test('GraphQL answers, errors included, say nosniff and no-store and never x-powered-by', async () => {
    const answers = [
      await postJson(app.server.url, { query: '{ me { user { username } } }' }, auth(sam)),
      await postJson(app.server.url, '{not json'),
      await postJson(app.server.url, { query: '{ nope }' }),
      await raw(`${app.server.url}/healthz`, { method: 'GET' }),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    for (const res of answers.slice(0, 3)) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('batching', () => {
  const batch = (n: number) => Array.from({ length: n }, () => ({ query: '{ __typename }' }));

  test('array bodies are refused by default', async () => {
    const res = await postJson(app.server.url, batch(2));
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual(['BAD_REQUEST']);
  });

  test('GRAPHQL_MAX_BATCH allows batches up to its size', async () => {
    const batching = await extraServer(app, { maxBatch: 3 });
    try {
      const ok = await postJson(batching.server.url, batch(3));
      expect(ok.json).toEqual(Array(3).fill({ data: { __typename: 'Query' } }));
      for (const body of [batch(4), []]) {
        const res = await postJson(batching.server.url, body);
        expect(res.status).toBe(400);
        expect(codesOf(res)).toEqual(['BAD_REQUEST']);
      }
    } finally {
      await batching.server.close();
    }
  });
});

describe('logs', () => {
  test('every line of a request carries its id; the token, headers and query string are never logged', async () => {
    await postJson(
      app.server.url,
      { query: '{ me { user { username } } }' },
      { ...auth(sam), 'x-request-id': 'hard-log-1' },
    );
    await raw(
      `${app.server.url}/graphql?query=${encodeURIComponent('{ client(id: "1") { lastName } }')}&variables=%7B%22secret%22%3A1%7D`,
      {
        method: 'GET',
        headers: { ...auth(sam), 'apollo-require-preflight': 'true', 'x-request-id': 'hard-log-2' },
      },
    );
    const done = app.log.lines.filter((l) => l.msg === 'request completed');
    const first = done.find((l) => l.req?.id === 'hard-log-1');
    expect(first).toMatchObject({
      reqId: 'hard-log-1',
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(done.find((l) => l.req?.id === 'hard-log-2')?.req.path).toBe('/graphql');
    const all = JSON.stringify(app.log.lines);
    expect(all).not.toContain(sam);
    expect(all).not.toMatch(/authorization|secret/i);
  });

  test('an invalid x-request-id is replaced by a generated one', async () => {
    const res = await postJson(
      app.server.url,
      { query: '{ __typename }' },
      { 'x-request-id': 'bad id with spaces' },
    );
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
