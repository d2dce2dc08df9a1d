/**
 * Issue 6, item 2: every error has a code; no stack trace, SQL or internal path outside
 * development mode; an invisible record answers exactly like a missing one; a failure while
 * the context is created (the session lookup) answers cleanly with a code.
 */
import { timeoutError } from '../../src/http/errors';
import { TIMEOUT_MESSAGE } from '../../src/http/timeout';
import { auth, codesOf, extraServer, postJson, raw, startHardApp, type HardApp } from './support';

let app: HardApp;
let sam: string;

beforeAll(async () => {
  app = await startHardApp('errors');
  sam = await app.api.login('sam.shelter');
});

afterAll(async () => {
  await app?.close();
});

/** Text that must never reach a caller outside development mode. */
const LEAK =
  /\bat [\w.<>]+ \(|stacktrace|\.ts:\d|node_modules|\/work\/|SELECT |INSERT |UPDATE [a-z_]+ SET|SQLITE_|\bER_[A-Z_]+|QueryFailedError|TypeError|boom/;

/** Runs `fn` while `ds.query` fails for statements matching `pattern` with `error`. */
async function withFailingQuery<T>(pattern: RegExp, error: () => Error, fn: () => Promise<T>): Promise<T> {
  const ds = app.db.ds;
  const query = ds.query.bind(ds);
  ds.query = (async (sql: string, params?: unknown[]) => {
    if (pattern.test(sql)) throw error();
    return query(sql, params);
  }) as typeof ds.query;
  try {
    return await fn();
  } finally {
    ds.query = query;
  }
}

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', fatal: true });
const bug = () => new Error('boom: SELECT secret FROM app_user at /work/main/src/x.ts:12');
/** What MariaDB answers for a statement stopped by max_statement_time (MySQL: 3024, KILL QUERY: 1317). */
const interrupted = () =>
  Object.assign(new Error('Query execution was interrupted (max_statement_time exceeded)'), {
    code: 'ER_STATEMENT_TIMEOUT',
    errno: 1969,
  });

describe('an invisible record answers exactly like a missing one', () => {
  test('lookups by id: null, no error', async () => {
    const query = 'query($id: ID!) { client(id: $id) { id firstName } }';
    const invisible = await postJson(
      app.server.url,
      { query, variables: { id: String(app.ids.clients['Robin Hayes']) } },
      auth(sam),
    );
    const missing = await postJson(app.server.url, { query, variables: { id: '999999' } }, auth(sam));
    const malformed = await postJson(app.server.url, { query, variables: { id: 'not-an-id' } }, auth(sam));
    expect(invisible.json).toEqual({ data: { client: null } });
    expect(missing.json).toEqual(invisible.json);
    expect(malformed.json).toEqual(invisible.json);
  });

  test('updates and deletes: the same code and message', async () => {
    const update =
      'mutation($id: ID!) { updateClient(id: $id, input: { version: 1, firstName: "X" }) { id } }';
    const del = 'mutation($id: ID!) { deleteClient(input: { id: $id, version: 1 }) }';
    for (const query of [update, del]) {
      const invisible = await postJson(
        app.server.url,
        { query, variables: { id: String(app.ids.clients['Robin Hayes']) } },
        auth(sam),
      );
      const missing = await postJson(app.server.url, { query, variables: { id: '999999' } }, auth(sam));
      expect(invisible.json.errors.length).toBe(1);
      expect(missing.json).toEqual(invisible.json);
    }
  });
});

describe('unexpected errors', () => {
  test('are answered INTERNAL_SERVER_ERROR with the request id hint, nothing internal; the log has the details and the request id', async () => {
    const res = await withFailingQuery(/FROM client c JOIN client_reach cr/, bug, () =>
      postJson(
        app.server.url,
        { query: '{ clients { edges { node { id } } } }' },
        { ...auth(sam), 'x-request-id': 'hard-err-1' },
      ),
    );
    expect(codesOf(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(res.text).not.toMatch(LEAK);
    expect(res.headers.get('x-request-id')).toBe('hard-err-1');
    const line = app.log.lines.find((l) => l.msg === 'unexpected error' && l.reqId === 'hard-err-1');
    expect(line?.err?.message).toMatch(/boom/);
  });

  test('in development mode (NODE_ENV=development) the caller sees the detail', async () => {
    const dev = await extraServer(app, { development: true });
    try {
      const res = await withFailingQuery(/FROM client c JOIN client_reach cr/, bug, () =>
        postJson(dev.server.url, { query: '{ clients { edges { node { id } } } }' }, auth(sam)),
      );
      expect(codesOf(res)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(res.json.errors[0].extensions.detail).toMatch(/boom/);
    } finally {
      await dev.server.close();
    }
  });

  test('a statement the database interrupted is REQUEST_TIMEOUT with the timeout message, not a leak', async () => {
    const res = await withFailingQuery(/FROM client c JOIN client_reach cr/, interrupted, () =>
      postJson(app.server.url, { query: '{ clients { edges { node { id } } } }' }, auth(sam)),
    );
    // The whole answer (LEAK would match the message's own "at once ("): no SQL, code or trace.
    expect(res.json).toEqual({
      errors: [{ message: TIMEOUT_MESSAGE, path: ['clients'], extensions: { code: 'REQUEST_TIMEOUT' } }],
      data: null,
    });
  });

  test('a database failure inside a resolver is SERVICE_UNAVAILABLE, not a leak', async () => {
    const res = await withFailingQuery(/FROM client c JOIN client_reach cr/, refused, () =>
      postJson(app.server.url, { query: '{ clients { edges { node { id } } } }' }, auth(sam)),
    );
    expect(codesOf(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.text).not.toMatch(LEAK);
    expect(res.text).not.toMatch(/ECONNREFUSED|3306/);
  });
});

test('a read whose audit record cannot be written is not answered with the data (access model §6)', async () => {
  const ds = app.db.ds;
  await ds.query(
    app.db.kind === 'mysql'
      ? `CREATE TRIGGER hard_read_audit_fail BEFORE INSERT ON audit_event FOR EACH ROW
         BEGIN IF NEW.action = 'READ' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit store refused the row'; END IF; END`
      : `CREATE TRIGGER hard_read_audit_fail BEFORE INSERT ON audit_event WHEN NEW.action = 'READ'
         BEGIN SELECT RAISE(ABORT, 'audit store refused the row'); END`,
  );
  try {
    const res = await postJson(
      app.server.url,
      { query: '{ clients { edges { node { id firstName } } } }' },
      auth(sam),
    );
    expect(res.status).toBe(500);
    expect(res.json).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(res.text).not.toMatch(LEAK);
  } finally {
    await ds.query('DROP TRIGGER IF EXISTS hard_read_audit_fail');
  }
  expect(
    (await postJson(app.server.url, { query: '{ clients { totalCount } }' }, auth(sam))).json.errors,
  ).toBeUndefined();
});

describe('failures while the request context is created (session lookup)', () => {
  const SESSION_SQL = /FROM session/i;

  test('a database that is down answers 503 SERVICE_UNAVAILABLE', async () => {
    const res = await withFailingQuery(SESSION_SQL, refused, () =>
      postJson(app.server.url, { query: '{ me { user { username } } }' }, auth(sam)),
    );
    expect(res.status).toBe(503);
    expect(codesOf(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.text).not.toMatch(/ECONNREFUSED|3306|Context creation failed/);
  });

  test.each([
    ['a statement the database interrupted', interrupted],
    ["a statement refused because the request's time ran out", () => timeoutError()],
  ])('%s answers 503 REQUEST_TIMEOUT', async (_case, failure) => {
    const res = await withFailingQuery(SESSION_SQL, failure, () =>
      postJson(app.server.url, { query: '{ me { user { username } } }' }, auth(sam)),
    );
    expect(res.status).toBe(503);
    expect(res.json).toEqual({
      errors: [{ message: TIMEOUT_MESSAGE, extensions: { code: 'REQUEST_TIMEOUT' } }],
    });
    expect(res.text).not.toMatch(/max_statement_time|interrupted|Context creation failed/);
  });

  test('any other failure answers 500 INTERNAL_SERVER_ERROR without details', async () => {
    const res = await withFailingQuery(SESSION_SQL, bug, () =>
      postJson(app.server.url, { query: '{ me { user { username } } }' }, auth(sam)),
    );
    expect(res.status).toBe(500);
    expect(codesOf(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(res.text).not.toMatch(LEAK);
    expect(res.text).not.toMatch(/Context creation failed/);
  });

  test('a request without a token never touches the session table, and still answers', async () => {
    const res = await withFailingQuery(SESSION_SQL, refused, () =>
      postJson(app.server.url, { query: '{ __typename }' }),
    );
    expect(res.json).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('requests GraphQL never sees', () => {
  test('malformed JSON is 400 BAD_REQUEST in the GraphQL error shape', async () => {
    const res = await raw(`${app.server.url}/graphql`, {
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { user { username } } }"',
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(res.text).not.toMatch(LEAK);
  });

  test('an unknown path is 404 NOT_FOUND as JSON', async () => {
    const res = await raw(`${app.server.url}/nowhere`, { method: 'GET' });
    expect(res.status).toBe(404);
    expect(res.json.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
