import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readyAccess } from '../../graphql/context';
import { withheldColumns } from './export';

@ObjectType({ description: 'How to download the HUD HMIS CSV FY2026 export of your active context.' })
export class HudCsvExportInfo {
  @Field({
    description:
      'The path to GET with your bearer token: /exports/hud-csv?start=YYYY-MM-DD&end=YYYY-MM-DD[&programIds=1,2][&includeDeleted=true][&spreadsheetSafe=true].',
  })
  url: string;

  @Field(() => [String], {
    description:
      'Columns written empty for you ("File.csv:Column"), because their data needs a capability your workgroup lacks (e.g. Client.csv:SSN).',
  })
  withheldColumns: string[];
}

@Resolver()
export class HudCsvResolver {
  @Query(() => HudCsvExportInfo, {
    description:
      'The HUD CSV export of your active context: where to download it and which columns it withholds from you. Needs report:run.',
  })
  hudCsvExportInfo(@Ctx() ctx: RequestContext): HudCsvExportInfo {
    return { url: '/exports/hud-csv', withheldColumns: withheldColumns(readyAccess(ctx)) };
  }
}
