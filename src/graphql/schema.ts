import { AccountRequestResolver } from '../modules/stewardship/account-requests.resolver';
import { StewardshipResolver } from '../modules/stewardship/stewardship.resolver';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { fieldGuards } from '../access/field-guard';
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

/** The schema without any authorization middleware: the bench's baseline, never served. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS as never, validate: false });
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
