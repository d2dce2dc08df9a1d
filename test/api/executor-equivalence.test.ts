/**
 * The compiled executor (graphql-jit, the default) answers exactly as graphql-js's interpreter:
 * every root query of the schema, generated with every scalar field down to three object levels,
 * as every demo user in their usual context and as an anonymous caller, against two servers over
 * the same database, one per executor. Data, error messages, codes and paths must be equal; so
 * must the answers to bad variables, an unknown operation name and a subscription.
 */
import { isNonNullType, type GraphQLSchema } from 'graphql';
import { startServer, type RunningServer } from '../../src/http/server';
import { buildAppSchema } from '../../src/graphql/schema';
import { Api } from '../support/api';
import { operationDocument } from '../access/leak-oracle/documents';
import { sampleLiteral } from '../access/operations';
import { DemoApp, HOME, type HomeUser } from '../access/helpers';
import { sweepUsers } from '../support/sweep';

const demo = new DemoApp('executor_equivalence');
let interpreted: RunningServer;

beforeAll(async () => {
  const app = demo.app;
  expect(app.server.config.executor).toBe('jit');
  interpreted = await startServer({
    config: { ...app.server.config, executor: 'graphql-js' },
    dataSource: app.db.ds,
    port: 0,
    logLevel: 'silent',
    prepare: false,
  });
});
afterAll(async () => {
  await interpreted?.close();
});

/**
 * Answers that legitimately differ between two calls made one after the other: the audit log
 * (the first call's READ rows are there for the second) and the session's own activity time.
 */
const MOVING = new Set(['auditEvents', 'me', 'mySession']);

/** Every root query as a document: required arguments as literals, the rest left out. */
function queries(schema: GraphQLSchema): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (MOVING.has(field.name)) continue;
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    let doc = operationDocument('query', field, []);
    if (required.length) {
      const literal = required.map((a) => `${a.name}: ${sampleLiteral(a.type)}`).join(', ');
      doc = doc.replace(`{ ${field.name}`, `{ ${field.name}(${literal})`);
    }
    out.push([field.name, doc]);
  }
  return out;
}

function shape(res: { data?: unknown; errors?: Array<Record<string, any>> }) {
  return {
    data: res.data,
    errors: res.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })),
  };
}

test('every root query answers the same under both executors, for every demo user (CI: a sample) and anonymous', async () => {
  const schema = await buildAppSchema();
  const docs = queries(schema);
  expect(docs.length).toBeGreaterThanOrEqual(40);
  const other = new Api(interpreted.url);
  const callers: Array<[string, string | null]> = [['anonymous', null]];
  for (const username of sweepUsers(Object.keys(HOME) as HomeUser[]))
    callers.push([username, (await demo.as(username)).token]);
  let compared = 0;
  let withData = 0;
  const differences: string[] = [];
  for (const [label, token] of callers) {
    for (const [name, doc] of docs) {
      const jit = shape(await demo.api.post(doc, {}, token));
      const js = shape(await other.post(doc, {}, token));
      compared++;
      if (jit.data && Object.values(jit.data as object).some((v) => v !== null)) withData++;
      try {
        expect(jit).toEqual(js);
      } catch {
        differences.push(
          `${label} ${name}: jit ${JSON.stringify(jit).slice(0, 300)} / graphql-js ${JSON.stringify(js).slice(0, 300)}`,
        );
      }
    }
  }
  expect(differences).toEqual([]);
  // The comparison saw real answers, not only refusals.
  expect(withData).toBeGreaterThan(callers.length * 10);
  expect(compared).toBe(callers.length * docs.length);
}, 240_000);

test('bad variables, an unknown operation and a subscription are answered alike', async () => {
  const token = (await demo.as('sam.shelter')).token;
  const cases: Array<[string, Record<string, unknown>, string?]> = [
    ['query($id: ID!) { client(id: $id) { id firstName } }', {}],
    ['query($id: ID!) { client(id: $id) { id firstName } }', { id: { nested: true } }],
    ['query($first: Int) { clients(first: $first) { totalCount } }', { first: 'ten' }],
    ['query($first: Int) { clients(first: $first) { totalCount } }', { first: 100000 }],
    ['query A { __typename } query B { __typename }', {}, 'Nope'],
    ['subscription { __typename }', {}],
  ];
  for (const [query, variables, operationName] of cases) {
    const body = JSON.stringify({ query, variables, operationName });
    const send = (url: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const [jit, js] = [await send(demo.app.server.url), await send(interpreted.url)];
    expect(jit).toEqual(js);
    expect(jit.body.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+$/);
  }
});
