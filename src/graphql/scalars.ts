/**
 * Scalars shared by the schema. Calendar dates (entry dates, dates of birth) are `LocalDate`
 * strings, never JavaScript Dates: HUD dates have no time zone, and a Date at midnight UTC
 * turns into the previous day for a front end west of Greenwich.
 */
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';

export const LocalDate = GraphQLLocalDate;
export const DateTime = GraphQLDateTime;
