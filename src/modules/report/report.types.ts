/**
 * GraphQL types of the reports (issue 15, access model §5 and §10): aggregate counts with
 * small-cell suppression, and the data-quality report.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../graphql/scalars';

/** What an aggregate may be grouped by (at most 3 at once). */
export enum ReportGroupBy {
  PROGRAM = 'PROGRAM',
  PROJECT_TYPE = 'PROJECT_TYPE',
  HOUSEHOLD_TYPE = 'HOUSEHOLD_TYPE',
  MONTH = 'MONTH',
  AGE_BAND = 'AGE_BAND',
  SEX = 'SEX',
  RACE_ETHNICITY = 'RACE_ETHNICITY',
  VETERAN_STATUS = 'VETERAN_STATUS',
  EXIT_DESTINATION_CLASS = 'EXIT_DESTINATION_CLASS',
}

registerEnumType(ReportGroupBy, {
  name: 'ReportGroupBy',
  description: 'A dimension an aggregate report is grouped by.',
  valuesConfig: {
    PROGRAM: { description: 'The program (HUD 2.02 Project) of the enrollment.' },
    PROJECT_TYPE: { description: 'HUD 2.02.6 Project Type of the program.' },
    HOUSEHOLD_TYPE: {
      description:
        'Household type (adults only, adults and children, children only, unknown) from the ages at project start of the household members visible to you (HUD 5.09 Household ID).',
    },
    MONTH: {
      description:
        'Month (YYYY-MM) of the project start date (HUD 3.10), or of the service date for services.',
    },
    AGE_BAND: {
      description:
        "HUD's age bands (under 5, 5-12, 13-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+) at project start, or at the service date for services (from HUD 3.03 Date of Birth).",
    },
    SEX: { description: 'HUD 3.06.1 Sex. Needs client.demographics:read.' },
    RACE_ETHNICITY: {
      description:
        'HUD 3.04.1 Race and Ethnicity (each combination reported). Needs client.demographics:read.',
    },
    VETERAN_STATUS: { description: 'HUD 3.07.1 Veteran Status. Needs client.demographics:read.' },
    EXIT_DESTINATION_CLASS: {
      description:
        'Class of the HUD 3.12 Destination of the exit (homeless, institutional, temporary, permanent, other) or not exited.',
    },
  },
});

@InputType({ description: 'What an aggregate report counts: a date range, programs, and grouping.' })
export class ReportInput {
  @Field(() => LocalDate, { description: 'First day of the period (inclusive).' })
  from: string;

  @Field(() => LocalDate, { description: 'Last day of the period (inclusive); at most 10 years after from.' })
  to: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only these programs (each must be visible to you); all visible records when omitted.',
  })
  programIds?: string[] | null;

  @Field(() => [ReportGroupBy], {
    nullable: true,
    description: 'Up to 3 dimensions to group by; one total cell when omitted.',
  })
  groupBy?: ReportGroupBy[] | null;
}

@ObjectType({ description: 'The value of one grouping dimension in a report cell.' })
export class ReportKey {
  @Field(() => ReportGroupBy, { description: 'The dimension.' })
  dimension: ReportGroupBy;

  @Field({ description: 'The value as a code (e.g. a program id, a month YYYY-MM, a HUD code).' })
  value: string;

  @Field({ description: 'The value in words.' })
  label: string;
}

@ObjectType({ description: 'One cell of an aggregate report.' })
export class ReportCell {
  @Field(() => [ReportKey], { description: 'The group this cell counts (empty for an ungrouped report).' })
  keys: ReportKey[];

  @Field(() => Int, {
    nullable: true,
    description: 'The count, or null when it is under the minimum cell size (then suppressed is true).',
  })
  count: number | null;

  @Field({
    description:
      'The count is under the minimum cell size (REPORT_MIN_CELL) and withheld (docs/access-model.md, "Reports").',
  })
  suppressed: boolean;
}

@ObjectType({
  description:
    'An aggregate report: counts over the records visible to your active organization, small cells suppressed.',
})
export class AggregateReport {
  @Field({ description: 'Which report: clientCounts, enrollmentCounts or serviceCounts.' })
  report: string;

  @Field(() => [ReportGroupBy], { description: 'The dimensions the cells are grouped by.' })
  groupBy: ReportGroupBy[];

  @Field(() => LocalDate, { description: 'First day of the period.' })
  from: string;

  @Field(() => LocalDate, { description: 'Last day of the period.' })
  to: string;

  @Field(() => Int, { description: 'Cells under this count are suppressed (0: suppression off).' })
  minCellSize: number;

  @Field(() => [ReportCell], { description: 'One cell per group with at least one record.' })
  cells: ReportCell[];

  @Field(() => Int, {
    description:
      'The sum of the cells shown; suppressed cells are not in it (see someSuppressed), so none can be recovered by subtraction.',
  })
  total: number;

  @Field({ description: 'Some cells are suppressed: the total leaves them out.' })
  someSuppressed: boolean;
}

/** The answer categories of the data-quality report. */
@ObjectType({ description: 'Counts of one data element in one program, by data-quality category.' })
export class DataQualityElement {
  @Field({ description: 'HUD data element number, e.g. 3.02.' })
  element: string;

  @Field({ description: 'HUD data element name, e.g. Social Security Number.' })
  name: string;

  @Field({ description: 'What is counted: clients, enrollments or exits.' })
  unit: string;

  @Field({
    description:
      'The element needs a field capability you do not hold: its counts are withheld (null) and its problems are not listed.',
  })
  withheld: boolean;

  @Field(() => Int, { nullable: true, description: 'Complete and valid. Null when suppressed or withheld.' })
  complete: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Client doesn't know or prefers not to answer (HUD 8, 9). Null when suppressed or withheld.",
  })
  doesNotKnowOrPrefersNot: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Data not collected (HUD 99). Null when suppressed or withheld.',
  })
  dataNotCollected: number | null;

  @Field(() => Int, { nullable: true, description: 'Missing (no value). Null when suppressed or withheld.' })
  missing: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Invalid (e.g. partial name/SSN/DOB, SSN failing SSA rules, DOB after project start, no or several heads of household). Null when suppressed or withheld.',
  })
  invalid: number | null;

  @Field(() => [String], {
    description: 'The categories whose counts are suppressed (under the minimum cell size).',
  })
  suppressed: string[];
}

@ObjectType({
  description: 'Timeliness: days from the start or exit date to the record entry, in HUD bands.',
})
export class TimelinessBands {
  @Field({
    description:
      'Which records: starts (HUD 3.10 to Enrollment DateCreated) or exits (3.11 to Exit DateCreated).',
  })
  kind: string;

  @Field(() => Int, { nullable: true, description: '0 days (same day). Null when suppressed.' })
  days0: number | null;

  @Field(() => Int, { nullable: true, description: '1-3 days. Null when suppressed.' })
  days1to3: number | null;

  @Field(() => Int, { nullable: true, description: '4-6 days. Null when suppressed.' })
  days4to6: number | null;

  @Field(() => Int, { nullable: true, description: '7-10 days. Null when suppressed.' })
  days7to10: number | null;

  @Field(() => Int, { nullable: true, description: '11 or more days. Null when suppressed.' })
  days11plus: number | null;

  @Field(() => [String], { description: 'The bands whose counts are suppressed.' })
  suppressed: string[];
}

@ObjectType({ description: 'The data-quality report of one program.' })
export class ProgramDataQuality {
  @Field(() => ID, { description: 'Program id.' })
  programId: string;

  @Field({ description: 'Program name (HUD 2.02.2 Project Name).' })
  programName: string;

  @Field(() => [DataQualityElement], { description: 'One row per universal data element.' })
  elements: DataQualityElement[];

  @Field(() => [TimelinessBands], { description: 'Timeliness of starts and exits.' })
  timeliness: TimelinessBands[];
}

@ObjectType({
  description: 'A record of your active organization that you may edit, with what is wrong with it.',
})
export class DataQualityProblem {
  @Field({ description: 'Record type: Client, Enrollment or Exit.' })
  recordType: string;

  @Field(() => ID, { description: 'Id of the record to fix.' })
  recordId: string;

  @Field(() => ID, { description: 'Id of the client the record is about.' })
  clientId: string;

  @Field(() => ID, { description: 'Program of the enrollment the problem was found in.' })
  programId: string;

  @Field({ description: 'HUD data element number, e.g. 3.03.' })
  element: string;

  @Field({ description: 'What is wrong, in words, e.g. "date of birth after the project start date".' })
  problem: string;
}

@ObjectType({
  description:
    'The data-quality report (HUD universal data elements and timeliness) over enrollments active in a period, visible to your active organization.',
})
export class DataQualityReport {
  @Field(() => LocalDate, { description: 'First day of the period.' })
  from: string;

  @Field(() => LocalDate, { description: 'Last day of the period.' })
  to: string;

  @Field(() => Int, { description: 'Counts under this are suppressed (0: suppression off).' })
  minCellSize: number;

  @Field(() => [ProgramDataQuality], { description: 'One entry per program with enrollments in the period.' })
  programs: ProgramDataQuality[];

  @Field(() => [DataQualityProblem], {
    description:
      'Records owned by your active organization that you may edit and that have a problem (first 500); others are only counted.',
  })
  problems: DataQualityProblem[];

  @Field(() => Int, {
    description: 'How many problems to fix there are in all (the list shows the first 500).',
  })
  problemCount: number;
}

@InputType({ description: 'What the data-quality report covers.' })
export class DataQualityInput {
  @Field(() => LocalDate, { description: 'First day of the period (inclusive).' })
  from: string;

  @Field(() => LocalDate, { description: 'Last day of the period (inclusive); at most 10 years after from.' })
  to: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only these programs (each must be visible to you); all visible programs when omitted.',
  })
  programIds?: string[] | null;
}
