/**
 * HUD FY2026 health and domestic violence code lists:
 * 4.11.A When Experience Occurred (4.11 Domestic Violence) and R7.1 General Health Status (RHY).
 */
import { registerEnumType } from 'type-graphql';
import { MISSING_DATA_LABELS, hudValuesConfig } from './common-codes';

/** 4.11.A When Experience Occurred (domestic violence). */
export enum WhenDvOccurred {
  WITHIN_THE_PAST_THREE_MONTHS = 1,
  THREE_TO_SIX_MONTHS_AGO = 2,
  SIX_MONTHS_TO_ONE_YEAR = 3,
  ONE_YEAR_OR_MORE = 4,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(WhenDvOccurred, {
  name: 'WhenDvOccurred',
  description:
    '4.11.A When Experience Occurred: how long ago a survivor of domestic violence (4.11 Domestic Violence) had the experience.',
  valuesConfig: hudValuesConfig(WhenDvOccurred, {
    WITHIN_THE_PAST_THREE_MONTHS: 'Within the past three months',
    THREE_TO_SIX_MONTHS_AGO: 'Three to six months ago (excluding six months exactly)',
    SIX_MONTHS_TO_ONE_YEAR: 'Six months to one year ago (excluding one year exactly)',
    ONE_YEAR_OR_MORE: 'One year or more',
    ...MISSING_DATA_LABELS,
  }),
});

/** R7.1 General Health Status (RHY). */
export enum HealthStatus {
  EXCELLENT = 1,
  VERY_GOOD = 2,
  GOOD = 3,
  FAIR = 4,
  POOR = 5,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(HealthStatus, {
  name: 'HealthStatus',
  description:
    'R7.1 General Health Status (RHY R7 General Health Status; the same list is used by the RHY dental and mental health status questions).',
  valuesConfig: hudValuesConfig(HealthStatus, {
    EXCELLENT: 'Excellent',
    VERY_GOOD: 'Very good',
    GOOD: 'Good',
    FAIR: 'Fair',
    POOR: 'Poor',
    ...MISSING_DATA_LABELS,
  }),
});
