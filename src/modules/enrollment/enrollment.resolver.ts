import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ConnectionType, PageArgs, decodeCursor, pageSize, toConnection } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { LocalDate } from '../../graphql/scalars';
import { columnsOf } from '../../graphql/selection';
import { Client } from '../client/client.entity';
import { DeleteInput } from '../client/client.inputs';
import { Program } from '../program/program.entity';
import { Assessment } from '../transaction/assessment.entity';
import { CeEvent } from '../transaction/ce-event.entity';
import { CurrentLivingSituation } from '../transaction/current-living-situation.entity';
import { HealthAndDv } from '../transaction/health-and-dv.entity';
import { Disabilities } from '../transaction/disabilities.entity';
import { EmploymentEducation } from '../transaction/employment-education.entity';
import { IncomeBenefits } from '../transaction/income-benefits.entity';
import { YouthEducationStatus } from '../transaction/youth-education-status.entity';
import { Service } from '../transaction/service.entity';
import { Enrollment } from './enrollment.entity';
import { CreateEnrollmentInput, ExitEnrollmentInput, UpdateEnrollmentInput } from './enrollment.inputs';
import {
  createEnrollment,
  deleteEnrollment,
  exitEnrollment,
  getEnrollment,
  updateEnrollment,
} from './enrollment.service';
import { Exit } from './exit.entity';

export const ServiceConnection = ConnectionType(Service, 'Service', 'service');

// The cursor is (dateProvided, id): read whatever the caller selects.
const serviceColumns = columnsOf(Service, ['edges', 'node'], ['date_provided']);

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Query(() => Enrollment, {
    nullable: true,
    description: 'An enrollment by id; null when it does not exist or is not visible to you.',
  })
  enrollment(@Arg('id', () => ID, { description: 'Enrollment id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getEnrollment(ctx, id);
  }

  @FieldResolver(() => Client, {
    nullable: true,
    description: 'The client (null if the client record itself is not visible to you, e.g. restrict intake).',
  })
  @Extensions({ columns: ['client_id'] })
  client(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.client.load(e.clientId);
  }

  @FieldResolver(() => Program, { description: 'The program (HUD 2.02) the client is enrolled in.' })
  @Extensions({ columns: ['program_id'] })
  program(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.programOf(e.programId);
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: 'HUD 3.11.1 Project Exit Date, once exited (and the exit is visible to you).',
  })
  @Extensions({ columns: ['id'] })
  async exitDate(@Root() e: Enrollment, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.exitByEnrollment.load(e.id))?.exitDate ?? null;
  }

  @FieldResolver(() => Exit, {
    nullable: true,
    description: 'The exit record (HUD 3.11, 3.12), once exited.',
  })
  @Extensions({ columns: ['id'] })
  exit(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.exitByEnrollment.load(e.id);
  }

  @FieldResolver(() => ServiceConnection, {
    description: 'Services of this enrollment visible to you, newest first. Needs service:read.',
  })
  @Extensions({ columns: ['id'] })
  async services(
    @Root() e: Enrollment,
    @Args() args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const first = pageSize(args.first);
    const after = decodeCursor(args.after, ['string', 'number']);
    const columns = serviceColumns(ctx.ds, info);
    const rows = await ctx.loaders.servicePage.load({ enrollmentId: e.id, limit: first + 1, after, columns });
    return toConnection(
      rows,
      first,
      (s) => [s.dateProvided, s.id],
      () => ctx.loaders.serviceCount.load(e.id),
    );
  }

  @FieldResolver(() => [CurrentLivingSituation], {
    description: 'Current living situation contacts (HUD 4.12) visible to you. Needs cls:read.',
  })
  @Extensions({ columns: ['id'] })
  currentLivingSituations(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(CurrentLivingSituation).load(e.id);
  }

  @FieldResolver(() => [Assessment], {
    description:
      'Coordinated entry assessments (HUD 4.19) visible to you. Needs assessment:read; scores need assessment.score:read.',
  })
  @Extensions({ columns: ['id'] })
  assessments(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(Assessment).load(e.id);
  }

  @FieldResolver(() => [CeEvent], {
    description: 'Coordinated entry events (HUD 4.20) visible to you. Needs ce.event:read.',
  })
  @Extensions({ columns: ['id'] })
  ceEvents(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(CeEvent).load(e.id);
  }

  @FieldResolver(() => [HealthAndDv], {
    description:
      'Health and domestic violence records (HUD 4.11, R7) visible to you; the answers need health:read.',
  })
  @Extensions({ columns: ['id'] })
  healthAndDv(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(HealthAndDv).load(e.id);
  }

  @FieldResolver(() => [IncomeBenefits], {
    description:
      'Income, non-cash benefits and health insurance records (HUD 4.02-4.04) visible to you; amounts need health:read.',
  })
  @Extensions({ columns: ['id'] })
  incomeBenefits(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(IncomeBenefits).load(e.id);
  }

  @FieldResolver(() => [Disabilities], {
    description: 'Disability records (HUD 4.05-4.10) visible to you; the answers need health:read.',
  })
  @Extensions({ columns: ['id'] })
  disabilities(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(Disabilities).load(e.id);
  }

  @FieldResolver(() => [EmploymentEducation], {
    description: 'Employment and education records (HUD R4, R5, R6) visible to you.',
  })
  @Extensions({ columns: ['id'] })
  employmentEducation(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(EmploymentEducation).load(e.id);
  }

  @FieldResolver(() => [YouthEducationStatus], {
    description: 'Youth education status records (HUD C3) visible to you.',
  })
  @Extensions({ columns: ['id'] })
  youthEducationStatus(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(YouthEducationStatus).load(e.id);
  }

  @Mutation(() => Enrollment, { description: 'Enroll a client in a program of the active organization.' })
  createEnrollment(
    @Arg('input', { description: 'The enrollment.' }) input: CreateEnrollmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createEnrollment(ctx, input);
  }

  @Mutation(() => Enrollment, {
    description: 'Change an enrollment you may edit, including its restriction.',
  })
  updateEnrollment(
    @Arg('id', () => ID, { description: 'Enrollment id.' }) id: string,
    @Arg('input', { description: 'The changes and the version you read.' }) input: UpdateEnrollmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateEnrollment(ctx, id, input);
  }

  @Mutation(() => Enrollment, {
    description: 'Record the exit (HUD 3.11, 3.12) of an enrollment in a program of the active organization.',
  })
  exitEnrollment(
    @Arg('id', () => ID, { description: 'Enrollment id.' }) id: string,
    @Arg('input', { description: 'Exit date and destination.' }) input: ExitEnrollmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return exitEnrollment(ctx, id, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Soft-delete an enrollment (HUD DateDeleted); needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR role.',
  })
  deleteEnrollment(
    @Arg('input', { description: 'Which enrollment, and the version you read.' }) input: DeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteEnrollment(ctx, input.id, input.version);
  }
}
