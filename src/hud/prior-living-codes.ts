/**
 * HUD FY2026 HMIS Data Standards code lists for the parts of 3.917 Prior Living Situation after the
 * living situation itself (Enrollment.csv): 3.917.2 Length of Stay in Prior Living Situation,
 * 3.917.4 Number of times homeless in the past three years and 3.917.5 Number of months homeless in
 * the past three years; plus 5.03.1 Data Collection Stage (DataCollectionStage of the assessment files).
 */
import { registerEnumType } from 'type-graphql';
import { MISSING_DATA_LABELS, hudValuesConfig } from './common-codes';

/** 3.917.2 Length of Stay in Prior Living Situation (HMIS CSV Enrollment.LengthOfStay). */
export enum LengthOfStay {
  ONE_WEEK_OR_MORE_BUT_LESS_THAN_ONE_MONTH = 2,
  ONE_MONTH_OR_MORE_BUT_LESS_THAN_90_DAYS = 3,
  NINETY_DAYS_OR_MORE_BUT_LESS_THAN_ONE_YEAR = 4,
  ONE_YEAR_OR_LONGER = 5,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  ONE_NIGHT_OR_LESS = 10,
  TWO_TO_SIX_NIGHTS = 11,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(LengthOfStay, {
  name: 'LengthOfStay',
  description: '3.917.2 Length of Stay in Prior Living Situation (HMIS CSV Enrollment.LengthOfStay).',
  valuesConfig: hudValuesConfig(LengthOfStay, {
    ONE_WEEK_OR_MORE_BUT_LESS_THAN_ONE_MONTH: 'One week or more, but less than one month',
    ONE_MONTH_OR_MORE_BUT_LESS_THAN_90_DAYS: 'One month or more, but less than 90 days',
    NINETY_DAYS_OR_MORE_BUT_LESS_THAN_ONE_YEAR: '90 days or more, but less than one year',
    ONE_YEAR_OR_LONGER: 'One year or longer',
    ONE_NIGHT_OR_LESS: 'One night or less',
    TWO_TO_SIX_NIGHTS: 'Two to six nights',
    ...MISSING_DATA_LABELS,
  }),
});

/** 3.917.4 Number of times the client has been on the streets, in ES, or SH in the past three years. */
export enum TimesHomelessPastThreeYears {
  ONE_TIME = 1,
  TWO_TIMES = 2,
  THREE_TIMES = 3,
  FOUR_OR_MORE_TIMES = 4,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(TimesHomelessPastThreeYears, {
  name: 'TimesHomelessPastThreeYears',
  description:
    '3.917.4 Number of times the client has been on the streets, in ES, or SH in the past three years including today (HMIS CSV Enrollment.TimesHomelessPastThreeYears).',
  valuesConfig: hudValuesConfig(TimesHomelessPastThreeYears, {
    ONE_TIME: 'One time',
    TWO_TIMES: 'Two times',
    THREE_TIMES: 'Three times',
    FOUR_OR_MORE_TIMES: 'Four or more times',
    ...MISSING_DATA_LABELS,
  }),
});

/** 3.917.5 Total number of months homeless on the street, in ES, or SH in the past three years. */
export enum MonthsHomelessPastThreeYears {
  ONE_MONTH = 101,
  TWO_MONTHS = 102,
  THREE_MONTHS = 103,
  FOUR_MONTHS = 104,
  FIVE_MONTHS = 105,
  SIX_MONTHS = 106,
  SEVEN_MONTHS = 107,
  EIGHT_MONTHS = 108,
  NINE_MONTHS = 109,
  TEN_MONTHS = 110,
  ELEVEN_MONTHS = 111,
  TWELVE_MONTHS = 112,
  MORE_THAN_12_MONTHS = 113,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(MonthsHomelessPastThreeYears, {
  name: 'MonthsHomelessPastThreeYears',
  description:
    '3.917.5 Total number of months homeless on the street, in ES, or SH in the past three years (HMIS CSV Enrollment.MonthsHomelessPastThreeYears).',
  valuesConfig: hudValuesConfig(MonthsHomelessPastThreeYears, {
    ONE_MONTH: 'One month (this time is the first month)',
    TWO_MONTHS: '2',
    THREE_MONTHS: '3',
    FOUR_MONTHS: '4',
    FIVE_MONTHS: '5',
    SIX_MONTHS: '6',
    SEVEN_MONTHS: '7',
    EIGHT_MONTHS: '8',
    NINE_MONTHS: '9',
    TEN_MONTHS: '10',
    ELEVEN_MONTHS: '11',
    TWELVE_MONTHS: '12',
    MORE_THAN_12_MONTHS: 'More than 12 months',
    ...MISSING_DATA_LABELS,
  }),
});

/** 5.03.1 Data Collection Stage. Code 4 is unused by HUD. */
export enum DataCollectionStage {
  PROJECT_START = 1,
  UPDATE = 2,
  PROJECT_EXIT = 3,
  ANNUAL_ASSESSMENT = 5,
  POST_EXIT = 6,
}

registerEnumType(DataCollectionStage, {
  name: 'DataCollectionStage',
  description:
    '5.03.1 Data Collection Stage: when an information-date record was collected (HMIS CSV DataCollectionStage).',
  valuesConfig: hudValuesConfig(DataCollectionStage, {
    PROJECT_START: 'Project start',
    UPDATE: 'Update',
    PROJECT_EXIT: 'Project exit',
    ANNUAL_ASSESSMENT: 'Annual assessment',
    POST_EXIT: 'Post-exit',
  }),
});
