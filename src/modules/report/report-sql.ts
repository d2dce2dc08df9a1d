/**
 * SQL pieces of the reports that differ between MySQL/MariaDB and SQLite (dates, ages), and the
 * HUD bands the reports group by. Everything here is an expression over validated aliases; no
 * caller value is inlined.
 */
import type { DataSource, EntityManager } from 'typeorm';

export interface Dialect {
  /** `YYYY-MM` of a date column. */
  month(date: string): string;
  /** Whole years from `dob` to `on` (NULL when dob is NULL). */
  age(dob: string, on: string): string;
  /** Whole days from date `from` to the date part of timestamp `created`. */
  daysToEntry(from: string, created: string): string;
}

export const MYSQL_DIALECT: Dialect = {
  month: (d) => `DATE_FORMAT(${d}, '%Y-%m')`,
  age: (dob, on) => `TIMESTAMPDIFF(YEAR, ${dob}, ${on})`,
  daysToEntry: (from, created) => `DATEDIFF(${created}, ${from})`,
};

const SQLITE: Dialect = {
  month: (d) => `substr(${d}, 1, 7)`,
  age: (dob, on) =>
    `(CAST(strftime('%Y', ${on}) AS INTEGER) - CAST(strftime('%Y', ${dob}) AS INTEGER) - (strftime('%m-%d', ${on}) < strftime('%m-%d', ${dob})))`,
  daysToEntry: (from, created) => `CAST(julianday(date(${created})) - julianday(${from}) AS INTEGER)`,
};

export function dialectOf(db: DataSource | EntityManager): Dialect {
  const type = 'connection' in db ? db.connection.options.type : db.options.type;
  return type === 'better-sqlite3' ? SQLITE : MYSQL_DIALECT;
}

/** HUD's age bands (APR Q11): under 5, 5-12, 13-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+. */
export const AGE_BANDS: ReadonlyArray<[max: number, code: string, label: string]> = [
  [4, 'UNDER_5', 'Under 5'],
  [12, 'AGE_5_12', '5-12'],
  [17, 'AGE_13_17', '13-17'],
  [24, 'AGE_18_24', '18-24'],
  [34, 'AGE_25_34', '25-34'],
  [44, 'AGE_35_44', '35-44'],
  [54, 'AGE_45_54', '45-54'],
  [64, 'AGE_55_64', '55-64'],
];

export function ageBandSql(age: string): string {
  const whens = AGE_BANDS.map(([max, code]) => `WHEN ${age} <= ${max} THEN '${code}'`).join(' ');
  return `(CASE WHEN ${age} IS NULL THEN 'UNKNOWN' ${whens} ELSE 'AGE_65_PLUS' END)`;
}

export const AGE_BAND_LABELS: Record<string, string> = {
  ...Object.fromEntries(AGE_BANDS.map(([, code, label]) => [code, label])),
  AGE_65_PLUS: '65+',
  UNKNOWN: 'Unknown (no date of birth)',
};

/** HUD destination classes by the hundreds of the FY2024+ living situation code (3.12). */
export function destinationClassSql(exitAlias: string): string {
  const d = `${exitAlias}.destination`;
  return `(CASE WHEN ${exitAlias}.id IS NULL THEN 'NOT_EXITED'
    WHEN ${d} BETWEEN 100 AND 199 THEN 'HOMELESS' WHEN ${d} BETWEEN 200 AND 299 THEN 'INSTITUTIONAL'
    WHEN ${d} BETWEEN 300 AND 399 THEN 'TEMPORARY' WHEN ${d} BETWEEN 400 AND 499 THEN 'PERMANENT'
    ELSE 'OTHER' END)`;
}

export const DESTINATION_CLASS_LABELS: Record<string, string> = {
  NOT_EXITED: 'Not exited',
  HOMELESS: 'Homeless situations',
  INSTITUTIONAL: 'Institutional situations',
  TEMPORARY: 'Temporary housing situations',
  PERMANENT: 'Permanent housing situations',
  OTHER: 'Other (deceased, no interview, does not know, ...)',
};

export const HOUSEHOLD_TYPE_LABELS: Record<string, string> = {
  '3': 'Adults and children',
  '2': 'Adults only',
  '1': 'Children only',
  '0': 'Unknown household type',
};

/** Timeliness bands (days from the start or exit date to the record's entry): 0, 1-3, 4-6, 7-10, 11+. */
export function timelinessBandSql(days: string): string {
  return `(CASE WHEN ${days} <= 0 THEN 'DAYS_0' WHEN ${days} <= 3 THEN 'DAYS_1_3' WHEN ${days} <= 6 THEN 'DAYS_4_6' WHEN ${days} <= 10 THEN 'DAYS_7_10' ELSE 'DAYS_11_PLUS' END)`;
}
