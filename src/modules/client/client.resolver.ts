import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { recordAccess, RecordAccess } from '../../access/record-access';
import { ConnectionType, PageArgs } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { localToday } from '../../database/sql-time';
import { columnsOf } from '../../graphql/selection';
import { LocalDate } from '../../graphql/scalars';
import { Enrollment } from '../enrollment/enrollment.entity';
import { Organization } from '../organization/organization.entity';
import { Client } from './client.entity';
import { CreateClientInput, DeleteInput, UpdateClientInput } from './client.inputs';
import { createClient, deleteClient, getClient, listClients, updateClient } from './client.service';

export const ClientConnection = ConnectionType(Client, 'Client', 'client');

const clientColumns = columnsOf(Client, ['edges', 'node']);
const enrollmentColumns = columnsOf(Enrollment);

@ArgsType()
class ClientsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words matching the start of the first or last name, or a date of birth as YYYY-MM-DD.',
  })
  search?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only clients with an enrollment (visible to you) in this program.',
  })
  programId?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Only clients with an enrollment (visible to you; in programId when given) not exited before this date (HUD 3.11.1 Project Exit Date).',
  })
  enrolledFrom?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Only clients with an enrollment (visible to you; in programId when given) started on or before this date (HUD 3.10.1 Project Start Date).',
  })
  enrolledTo?: string | null;
}

/** Completed years between two ISO dates. */
export function ageOn(dob: string, today: string): number {
  const [y, m, d] = dob.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

@Resolver(() => Client)
export class ClientResolver {
  @Query(() => ClientConnection, { description: 'Clients visible to the active organization, oldest first.' })
  clients(@Args() args: ClientsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return listClients(ctx, args, clientColumns(ctx.ds, info));
  }

  @Query(() => Client, {
    nullable: true,
    description:
      'A client by id; null when it does not exist or is not visible to you (the two are indistinguishable).',
  })
  client(@Arg('id', () => ID, { description: 'Client id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getClient(ctx, id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Last four digits of the SSN (HUD 3.02.1), for callers who may not read the full number.',
  })
  @Extensions({ columns: ['ssn'] })
  ssnLast4(@Root() client: Client): string | null {
    return client.ssn && /[0-9]{4}$/.test(client.ssn) ? client.ssn.slice(-4) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Age in years today, from HUD 3.03.1 Date of Birth.',
  })
  @Extensions({ columns: ['dob'] })
  age(@Root() client: Client): number | null {
    return client.dob ? ageOn(client.dob, localToday()) : null;
  }

  @FieldResolver(() => Organization, {
    description: 'The Security Organization that owns the client record.',
  })
  @Extensions({ columns: ['organization_id'] })
  organization(@Root() client: Client, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organization.load(client.organizationId);
  }

  @FieldResolver(() => [Enrollment], {
    description: 'Enrollments of the client visible to you, newest first. Needs enrollment:read.',
  })
  @Extensions({ columns: ['id'] })
  enrollments(@Root() client: Client, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.enrollmentsByClient(enrollmentColumns(ctx.ds, info)).load(client.id);
  }

  @FieldResolver(() => RecordAccess, {
    description: 'What you may do with this client, and which of its fields are hidden from you.',
  })
  @Extensions({ columns: ['organization_id'] })
  access(@Root() client: Client, @Ctx() ctx: RequestContext): RecordAccess {
    return recordAccess(readyAccess(ctx), 'Client', client.organizationId);
  }

  @Mutation(() => Client, { description: 'Create a client owned by the active organization.' })
  createClient(
    @Arg('input', { description: 'The client.' }) input: CreateClientInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createClient(ctx, input);
  }

  @Mutation(() => Client, {
    description: 'Change a client you may edit (canEdit on its owning organization).',
  })
  updateClient(
    @Arg('id', () => ID, { description: 'Client id.' }) id: string,
    @Arg('input', { description: 'The changes and the version you read.' }) input: UpdateClientInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateClient(ctx, id, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Soft-delete a client (HUD DateDeleted); needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR role. Audited and restorable by administrators.',
  })
  deleteClient(
    @Arg('input', { description: 'Which client, and the version you read.' }) input: DeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteClient(ctx, input.id, input.version);
  }
}
