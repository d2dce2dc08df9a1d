/**
 * The client list, its enrollments and their service pages read only the columns a query asks
 * for (src/graphql/selection.ts, issue 18). Whatever subset of fields a caller selects, each
 * value is the one the query of every field answers; field resolvers that read other columns
 * (`age` reads `dob`, a service cursor reads `date_provided`) still get them; a field that
 * declares nothing reads every column; and the SQL names the columns instead of `*`.
 */
import 'reflect-metadata';
import {
  getNamedType,
  graphql,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isLeafType,
  isObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { columnsOf } from '../../src/graphql/selection';
import { Client } from '../../src/modules/client/client.entity';
import { startTestApp, type TestApp } from '../support/app';
import { Q1_COLUMNS } from '../bench/floor';
import { Q1 } from '../bench/queries';
import { StatementLog } from '../bench/statement-log';

const statements = new StatementLog();
let app: TestApp;
let leaves: Record<'Client' | 'Enrollment' | 'Service', string[]>;

beforeAll(async () => {
  app = await startTestApp('selected_columns', { logger: statements });
  const schema = await buildAppSchema();
  const leafFields = (name: string) => {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
    return Object.values(type.getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => a.type.toString().endsWith('!')))
      .map((f) => f.name);
  };
  leaves = {
    Client: leafFields('Client'),
    Enrollment: leafFields('Enrollment'),
    Service: leafFields('Service'),
  };
});
afterAll(async () => {
  await app?.close();
});

/** A Q1-like query with the given client, enrollment and service selections. */
function listQuery(client: string, enrollment: string | null, service: string | null): string {
  const services = service ? `services(first: 3) { edges { cursor node { ${service} } } }` : '';
  const enrollments = enrollment !== null ? `enrollments { ${enrollment} ${services} }` : '';
  return `{ clients(first: 50) { edges { node { ${client} ${enrollments} } } } }`;
}

type Row = Record<string, any>;

/** The reference answer's values for a subset: the same tree, keeping only the keys asked for. */
function project(full: Row, client: string[], enrollment: string[] | null, service: string[] | null): Row {
  const pick = (row: Row, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
  return {
    clients: {
      edges: full.clients.edges.map((edge: Row) => ({
        node: {
          ...pick(edge.node, client),
          ...(enrollment !== null && {
            enrollments: edge.node.enrollments.map((e: Row) => ({
              ...pick(e, enrollment),
              ...(service && {
                services: {
                  edges: e.services.edges.map((s: Row) => ({
                    cursor: s.cursor,
                    node: pick(s.node, service),
                  })),
                },
              }),
            })),
          }),
        },
      })),
    },
  };
}

for (const username of ['olga.outreach', 'riley.reserve'] as const) {
  test(`${username}: each field of the list, asked for alone, answers what the query of every field answers`, async () => {
    const token = await app.api.login(username);
    const all = {
      Client: [...leaves.Client, 'organization { id code }'],
      Enrollment: [...leaves.Enrollment, 'program { id name }', 'exit { id exitDate }'],
    };
    const full = await app.api.ok(
      listQuery(all.Client.join(' '), all.Enrollment.join(' '), leaves.Service.join(' ')),
      {},
      token,
    );
    const serviceCount = full.clients.edges
      .flatMap((c: Row) => c.node.enrollments)
      .reduce((n: number, e: Row) => n + e.services.edges.length, 0);
    expect(full.clients.edges.length).toBeGreaterThan(1);
    expect(serviceCount).toBeGreaterThan(1);

    const asked: Array<[string[], string[] | null, string[] | null]> = [
      ...leaves.Client.map((f): [string[], null, null] => [[f], null, null]),
      ...leaves.Enrollment.map((f): [string[], string[], null] => [['id'], [f], null]),
      ...leaves.Service.map((f): [string[], string[], string[]] => [['id'], ['id'], [f]]),
      // Field resolvers and the cursor read columns of their own.
      [['age', 'ssnLast4'], ['exitDate'], ['typeProvided']],
    ];
    for (const [client, enrollment, service] of asked) {
      const got = await app.api.ok(
        listQuery(client.join(' '), enrollment?.join(' ') ?? null, service?.join(' ') ?? null),
        {},
        token,
      );
      expect([client, enrollment, service, got]).toEqual([
        client,
        enrollment,
        service,
        project(full, client, enrollment, service),
      ]);
    }
    // Object fields and fragments.
    const objects = await app.api.ok(
      `{ clients(first: 50) { edges { node { ...C } } } }
       fragment C on Client { organization { id code } enrollments { ... on Enrollment { program { id name } exit { id exitDate } } } }`,
      {},
      token,
    );
    expect(objects).toEqual(project(full, ['organization'], ['program', 'exit'], null));
  });
}

test('Q1 names the columns it reads: no *, no column it does not need', async () => {
  const token = await app.api.login('olga.outreach');
  statements.start();
  await app.api.ok(listQuery('id firstName dob', 'entryDate', 'typeProvided'), {}, token);
  const sent = statements.stop();
  const page = sent.find((s) => s.includes('FROM client c JOIN client_reach'));
  const enrollments = sent.find((s) => s.includes('FROM enrollment e JOIN program p'));
  const services = sent.find((s) => s.includes('FROM service s'));
  expect(page).toMatch(/^SELECT c\.id, c\.organization_id, c\.first_name, c\.dob, CASE /);
  expect(enrollments).toMatch(
    /^SELECT e\.id, e\.organization_id, e\.client_id, e\.entry_date, p\.id AS p__id/,
  );
  expect(services).toMatch(
    /SELECT s\.id, s\.organization_id, s\.client_id, s\.enrollment_id, s\.date_provided, s\.type_provided, ROW_NUMBER/,
  );
});

test("the bench's floor reads the columns the server reads for Q1", async () => {
  const token = await app.api.login('olga.outreach');
  statements.start();
  await app.api.ok(Q1, { n: 10 }, token);
  const sent = statements.stop();
  const cols = (alias: string, names: string[]) => names.map((c) => `${alias}.${c}`).join(', ');
  const sql = (from: string) => sent.find((s) => s.includes(from));
  expect(sql('FROM client c JOIN client_reach')).toMatch(
    new RegExp(`^SELECT ${cols('c', Q1_COLUMNS.client)}, CASE `),
  );
  expect(sql('FROM enrollment e JOIN program p')).toMatch(
    new RegExp(`^SELECT ${cols('e', Q1_COLUMNS.enrollment)}, p\\.id AS p__id`),
  );
  expect(sql('FROM service s')).toMatch(new RegExp(`SELECT ${cols('s', Q1_COLUMNS.service)}, ROW_NUMBER`));
});

test('a field that declares no columns reads every column; declared ones, fragments and the path are followed', async () => {
  let seen: GraphQLResolveInfo | undefined;
  const node = new GraphQLObjectType({
    name: 'Client',
    fields: {
      firstName: { type: GraphQLString },
      age: { type: GraphQLInt, extensions: { columns: ['dob'] } },
      mystery: { type: GraphQLString, resolve: () => 'anything' },
    },
  });
  const page = new GraphQLObjectType({ name: 'Page', fields: { nodes: { type: new GraphQLList(node) } } });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        page: {
          type: page,
          resolve: (_root, _args, _ctx, info) => {
            seen = info;
            return { nodes: [] };
          },
        },
      },
    }),
  });
  const columns = async (query: string, path: string[]) => {
    const res = await graphql({ schema, source: query });
    expect(res.errors).toBeUndefined();
    return columnsOf(Client, path)(app.db.ds, seen);
  };
  expect(await columns('{ page { nodes { firstName } } }', ['nodes'])).toEqual([
    'id',
    'organization_id',
    'first_name',
  ]);
  expect(
    await columns('{ page { ...P } } fragment P on Page { nodes { ... on Client { age __typename } } }', [
      'nodes',
    ]),
  ).toEqual(['id', 'organization_id', 'dob']);
  expect(await columns('{ page { nodes { firstName mystery } } }', ['nodes'])).toBeNull();
  expect(columnsOf(Client)(app.db.ds, undefined)).toBeNull();
});
