import { AccountRequestResolver } from '../modules/stewardship/account-requests.resolver';
import { StewardshipResolver } from '../modules/stewardship/stewardship.resolver';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { fieldGuards } from '../access/field-guard';
import type { PageArgs } from './connection';
import type { RequestContext } from './context';
import { operationShield } from '../access/shield';
import {
  InformationReleaseSetupFields,
  OrganizationSetupFields,
  WorkgroupSetupFields,
} from '../modules/admin/admin-fields.resolver';
import { SetupResolver } from '../modules/admin/setup.resolver';
import { SharingResolver } from '../modules/admin/sharing.resolver';
import { AgreementResolver } from '../modules/agreement/agreement.resolver';
import { NavigationResolver } from '../modules/navigation/navigation.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { ExplainResolver } from '../modules/explain/explain.resolver';
import { UsersResolver } from '../modules/users/users.resolver';
import { ReportResolver } from '../modules/report/report.resolver';
import { Client } from '../modules/client/client.entity';
import { ClientResolver } from '../modules/client/client.resolver';
import { Enrollment } from '../modules/enrollment/enrollment.entity';
import { EnrollmentResolver } from '../modules/enrollment/enrollment.resolver';
import { Exit } from '../modules/enrollment/exit.entity';
import { OrganizationResolver, ProgramResolver } from '../modules/program/program.resolver';
import { ProjectSetupResolver } from '../modules/program/project-setup.resolver';
import { Assessment } from '../modules/transaction/assessment.entity';
import { CeEvent } from '../modules/transaction/ce-event.entity';
import { CurrentLivingSituation } from '../modules/transaction/current-living-situation.entity';
import { HealthAndDv } from '../modules/transaction/health-and-dv.entity';
import { Disabilities } from '../modules/transaction/disabilities.entity';
import { EmploymentEducation } from '../modules/transaction/employment-education.entity';
import { IncomeBenefits } from '../modules/transaction/income-benefits.entity';
import { YouthEducationStatus } from '../modules/transaction/youth-education-status.entity';
import { HudRecordsResolver } from '../modules/transaction/hud-records.resolver';
import { HudCsvResolver } from '../modules/hud-csv/hud-csv.resolver';
import { recordFieldsResolver } from '../modules/transaction/record-fields.resolver';
import { Service } from '../modules/transaction/service.entity';
import { TransactionResolver } from '../modules/transaction/transaction.resolver';
import { CoordinatedEntryResolver } from '../modules/ce/ce.resolver';
import { Reservation, Stay } from '../modules/housing/housing.entity';
import {
  HousingResolver,
  ReservationFieldsResolver,
  StayFieldsResolver,
} from '../modules/housing/housing.resolver';

const RESOLVERS = [
  AuthResolver,
  AgreementResolver,
  NavigationResolver,
  ClientResolver,
  EnrollmentResolver,
  TransactionResolver,
  CoordinatedEntryResolver,
  ProgramResolver,
  ProjectSetupResolver,
  OrganizationResolver,
  recordFieldsResolver(Enrollment, 'Enrollment'),
  recordFieldsResolver(Exit, 'Exit'),
  recordFieldsResolver(Service, 'Service'),
  recordFieldsResolver(CurrentLivingSituation, 'CurrentLivingSituation'),
  recordFieldsResolver(Assessment, 'Assessment'),
  recordFieldsResolver(CeEvent, 'CeEvent'),
  recordFieldsResolver(HealthAndDv, 'HealthAndDv'),
  HudRecordsResolver,
  HudCsvResolver,
  recordFieldsResolver(IncomeBenefits, 'IncomeBenefits'),
  recordFieldsResolver(Disabilities, 'Disabilities'),
  recordFieldsResolver(EmploymentEducation, 'EmploymentEducation'),
  recordFieldsResolver(YouthEducationStatus, 'YouthEducationStatus'),
  // Housing and reservations (issue 13)
  HousingResolver,
  StayFieldsResolver,
  ReservationFieldsResolver,
  recordFieldsResolver(Stay, 'Stay'),
  recordFieldsResolver(Reservation, 'Reservation'),
  // Administration and lifecycle (issue 4)
  SetupResolver,
  SharingResolver,
  OrganizationSetupFields,
  WorkgroupSetupFields,
  InformationReleaseSetupFields,
  UsersResolver,
  AuditResolver,
  ExplainResolver,
  StewardshipResolver,
  AccountRequestResolver,
  ReportResolver,
] as const;

// Client has its own access/organization resolvers in ClientResolver.
void Client;

type PerRowResolver = GraphQLFieldResolver<unknown, RequestContext>;

/** A resolver of a `Root` and arguments of known types, as the schema's untyped resolver. */
function perRow<R, A>(resolve: GraphQLFieldResolver<R, RequestContext, A>): PerRowResolver {
  return resolve as unknown as PerRowResolver;
}

const clientFields = new ClientResolver();
const enrollmentFields = new EnrollmentResolver();

/**
 * Relation fields resolved once per row of a page (a page of 500 clients: 500 enrollment lists,
 * about 1,250 programs and service pages), called directly instead of through type-graphql's
 * handler, which per call looks the resolver instance up, sorts and maps the parameter list and
 * converts the root and the arguments to class instances (measured: about 4 of 40 ms of server
 * CPU for Q1 at N=500). The same methods receive the same values: these resolvers have no
 * type-graphql middleware, roles or validation (`validate: false`), and read their root and
 * arguments as plain values. Installed before the field guard and the request deadline wrap
 * them, so those still run.
 */
const PER_ROW_FIELDS: Record<string, Record<string, PerRowResolver>> = {
  Client: {
    enrollments: perRow<Client, unknown>((client, _args, ctx, info) =>
      clientFields.enrollments(client, ctx, info),
    ),
  },
  Enrollment: {
    program: perRow<Enrollment, unknown>((e, _args, ctx) => enrollmentFields.program(e, ctx)),
    services: perRow<Enrollment, PageArgs>((e, args, ctx, info) =>
      enrollmentFields.services(e, args, ctx, info),
    ),
  },
};

function resolvePerRowFieldsDirectly(schema: GraphQLSchema): void {
  for (const [typeName, fields] of Object.entries(PER_ROW_FIELDS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    for (const [name, resolve] of Object.entries(fields)) {
      const field = type.getFields()[name];
      if (!field?.resolve) throw new Error(`${typeName}.${name} has no resolver to replace`);
      field.resolve = resolve;
    }
  }
}

/** The schema without any authorization middleware: the bench's baseline, never served. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS as never, validate: false });
  resolvePerRowFieldsDirectly(schema);
  // type-graphql has no option for root type descriptions; report builders read them too.
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query)
    query.description =
      'Reads. Everything but `me` needs a session with a selected context; what you see is scoped to the active organization.';
  if (mutation)
    mutation.description =
      'Changes. Every change is checked against the access model, written in one transaction and audited.';
  return schema;
}

/**
 * The production schema: root operations guarded by graphql-shield (deny by default), sensitive
 * fields by the synchronous field guard, rows by the SQL visibility predicates in the services.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  return applyMiddleware(schema, operationShield(schema), fieldGuards());
}
