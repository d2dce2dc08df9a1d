import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { runDataQuality } from './data-quality.service';
import { runCountReport } from './report.service';
import { AggregateReport, DataQualityInput, DataQualityReport, ReportInput } from './report.types';

/** Reports (issue 15): thin, operation -> service. Shield lets only report:run through. */
@Resolver()
export class ReportResolver {
  @Query(() => AggregateReport, {
    description:
      'Clients with an enrollment starting in the period (visible to your active organization), counted per group; a client counts once per cell. Needs report:run and client:read.',
  })
  clientCounts(
    @Arg('input', () => ReportInput, { description: 'Period, programs and grouping.' }) input: ReportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AggregateReport> {
    return runCountReport(ctx, 'clientCounts', input);
  }

  @Query(() => AggregateReport, {
    description:
      'Enrollments starting in the period (visible to your active organization), counted per group. Needs report:run and enrollment:read.',
  })
  enrollmentCounts(
    @Arg('input', () => ReportInput, { description: 'Period, programs and grouping.' }) input: ReportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AggregateReport> {
    return runCountReport(ctx, 'enrollmentCounts', input);
  }

  @Query(() => AggregateReport, {
    description:
      'Services (HUD 4.14, Services.csv) provided in the period within enrollments visible to your active organization, counted per group. Needs report:run and service:read.',
  })
  serviceCounts(
    @Arg('input', () => ReportInput, { description: 'Period, programs and grouping.' }) input: ReportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AggregateReport> {
    return runCountReport(ctx, 'serviceCounts', input);
  }

  @Query(() => DataQualityReport, {
    description:
      'Data quality of the HUD universal data elements and timeliness, per program, over enrollments active in the period, with the records of your organization to fix. Needs report:run.',
  })
  dataQuality(
    @Arg('input', () => DataQualityInput, { description: 'Period and programs.' }) input: DataQualityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DataQualityReport> {
    return runDataQuality(ctx, input);
  }
}
