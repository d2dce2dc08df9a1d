/**
 * The naive design, for comparison (target 3): what Waypoint would look like without its
 * performance choices. Same types and the same answers as production, but
 *
 * - graphql-shield wraps EVERY field of every type (its default with `fallbackRule: allow`):
 *   each field of each row resolves through an async rule and an awaited resolver;
 * - the sensitive fields have their own async rules (shield's default, no cache) instead of
 *   the synchronous field guard;
 * - a per-row async rule checks each Client row's visibility with its own query;
 * - no DataLoader: enrollments per client, program per enrollment and services per enrollment
 *   are each a query of their own (N+1).
 *
 * Built from the bare schema (the same type-graphql classes); the four resolvers that use
 * loaders in production are replaced on the freshly built schema object (it is this process's
 * own and never served).
 */
import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, rule, shield } from 'graphql-shield';
import type { Capability } from '../../../src/access/capabilities';
import { clientVisibility, transactionVisibility } from '../../../src/access/visibility';
import { hydrateAll } from '../../../src/database/hydrate';
import { decodeCursor, pageSize, toConnection } from '../../../src/graphql/connection';
import type { RequestContext } from '../../../src/graphql/context';
import { readyAccess } from '../../../src/graphql/context';
import { forbidden, unauthenticated } from '../../../src/graphql/errors';
import { buildBareSchema } from '../../../src/graphql/schema';
import type { Client } from '../../../src/modules/client/client.entity';
import { Enrollment } from '../../../src/modules/enrollment/enrollment.entity';
import { Program } from '../../../src/modules/program/program.entity';
import { Service } from '../../../src/modules/transaction/service.entity';

type Resolver = GraphQLFieldResolver<any, RequestContext, any>;

function replaceResolver(schema: GraphQLSchema, typeName: string, field: string, resolve: Resolver): void {
  const type = schema.getType(typeName) as GraphQLObjectType | undefined;
  const target = type?.getFields()[field];
  if (!target) throw new Error(`naive schema: no field ${typeName}.${field}`);
  target.resolve = resolve;
}

/** N+1: one query per client. */
const enrollmentsOfClient: Resolver = async (client: Client, _args, ctx) => {
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT e.* FROM enrollment e WHERE e.client_id = ? AND ${transactionVisibility('e', readyAccess(ctx).scope)}
      ORDER BY e.entry_date DESC, e.id DESC`,
    [client.id],
  );
  return hydrateAll(ctx.ds, Enrollment, rows);
};

/** N+1: one query per enrollment, through the repository. */
const programOfEnrollment: Resolver = (e: Enrollment, _args, ctx) =>
  ctx.ds.getRepository(Program).findOneBy({ id: e.programId });

/** N+1: one page query per enrollment (and one count per enrollment if asked). */
const servicesOfEnrollment: Resolver = async (
  e: Enrollment,
  args: { first?: number | null; after?: string | null },
  ctx,
) => {
  const scope = readyAccess(ctx).scope;
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'number']);
  const keyset = after ? ' AND (s.date_provided < ? OR (s.date_provided = ? AND s.id < ?))' : '';
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT s.* FROM service s WHERE s.enrollment_id = ? AND ${transactionVisibility('s', scope)}${keyset}
      ORDER BY s.date_provided DESC, s.id DESC LIMIT ${first + 1}`,
    after ? [e.id, after[0], after[0], after[1]] : [e.id],
  );
  return toConnection(
    hydrateAll(ctx.ds, Service, rows),
    first,
    (s) => [s.dateProvided, s.id],
    async () => {
      const [{ n }] = await ctx.ds.query(
        `SELECT COUNT(*) AS n FROM service s WHERE s.enrollment_id = ? AND ${transactionVisibility('s', scope)}`,
        [e.id],
      );
      return Number(n);
    },
  );
};

/** Shield's defaults: no cache, so every guarded field of every row runs its async rule. */
const can = (capability: Capability) =>
  rule()(async (_parent, _args, ctx: RequestContext) => {
    if (!ctx.access) return unauthenticated();
    return ctx.access.has(capability) ? true : forbidden();
  });

/** Per-row rule: each Client row of a page asks the database whether it is visible. */
const clientRowVisible = rule()(async (edge: { node: Client }, _args, ctx: RequestContext) => {
  const rows: unknown[] = await ctx.ds.query(
    `SELECT 1 AS ok FROM client c WHERE c.id = ? AND ${clientVisibility('c', readyAccess(ctx).scope)}`,
    [edge.node.id],
  );
  return rows.length > 0 ? true : forbidden();
});

export async function buildNaiveSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  replaceResolver(schema, 'Client', 'enrollments', enrollmentsOfClient);
  replaceResolver(schema, 'Enrollment', 'program', programOfEnrollment);
  replaceResolver(schema, 'Enrollment', 'services', servicesOfEnrollment);

  const readClients = can('client:read');
  const permissions = shield(
    {
      Query: { clients: readClients, client: readClients, '*': allow },
      ClientEdge: { node: clientRowVisible },
      Client: {
        firstName: can('client.name:read'),
        middleName: can('client.name:read'),
        lastName: can('client.name:read'),
        nameSuffix: can('client.name:read'),
        ssn: can('client.ssn:read'),
        dob: can('client.dob:read'),
        raceEthnicity: can('client.demographics:read'),
        sex: can('client.demographics:read'),
        veteranStatus: can('client.demographics:read'),
        enrollments: can('enrollment:read'),
      },
      Enrollment: {
        services: and(can('enrollment:read'), can('service:read')),
        currentLivingSituations: can('cls:read'),
        assessments: can('assessment:read'),
        ceEvents: can('ce.event:read'),
      },
    },
    { fallbackRule: allow, allowExternalErrors: true, debug: false },
  );
  return applyMiddleware(schema, permissions);
}
