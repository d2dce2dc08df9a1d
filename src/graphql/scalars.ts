/**
 * Scalars shared by the schema. Calendar dates (entry dates, dates of birth) are `LocalDate`
 * strings, never JavaScript Dates: HUD dates have no time zone, and a Date at midnight UTC
 * turns into the previous day for a front end west of Greenwich.
 */
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * graphql-scalars' LocalDate, but output values (DATE columns, read as
 * 'YYYY-MM-DD' strings) are sent after a format check instead of a round trip through Date;
 * input is validated in full as before.
 */
export const LocalDate = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  serialize: (value: unknown) =>
    typeof value === 'string' && LOCAL_DATE.test(value) ? value : GraphQLLocalDate.serialize(value),
});
export const DateTime = GraphQLDateTime;
