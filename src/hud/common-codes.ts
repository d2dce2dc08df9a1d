/**
 * Shared HUD response lists (HMIS CSV Format Specifications, Appendix B) used by many data elements:
 * - list 1.8 No/Yes/Reasons for Missing Data (e.g. 3.07 Veteran Status, 3.08 Disabling Condition, 4.11 Domestic Violence),
 * - list 1.10 No/Yes (plain yes/no fields without missing-data reasons).
 *
 * Also holds the small helper every file in src/hud uses to build TypeGraphQL `valuesConfig` objects whose
 * descriptions always start with the stored HUD integer code (`HUD code 0: Female`).
 */
import { registerEnumType } from 'type-graphql';

/** One value's label, or a label plus a GraphQL deprecation reason for retired HUD codes. */
export type HudCodeLabel = string | { readonly label: string; readonly deprecationReason: string };

/** A label for EVERY key of a numeric enum (a missing key is a compile error). */
export type HudCodeLabels<E extends object> = { readonly [K in keyof E]: HudCodeLabel };

/** TypeGraphQL-compatible `valuesConfig` with a description on every value. */
export type HudValuesConfig<E extends object> = {
  [K in keyof E]: { description: string; deprecationReason?: string };
};

/**
 * Builds the `valuesConfig` for `registerEnumType`: each value's description is `HUD code <n>: <label>`,
 * where `<n>` is read from the enum itself so the description can never drift from the stored integer.
 */
export function hudValuesConfig<E extends object>(enumObj: E, labels: HudCodeLabels<E>): HudValuesConfig<E> {
  const config = {} as HudValuesConfig<E>;
  for (const key of Object.keys(labels) as Array<keyof E>) {
    const entry = labels[key];
    const label = typeof entry === 'string' ? entry : entry.label;
    const description = `HUD code ${String(enumObj[key])}: ${label}`;
    config[key] =
      typeof entry === 'string'
        ? { description }
        : { description, deprecationReason: entry.deprecationReason };
  }
  return config;
}

/** True when `value` is one of the HUD integer codes of the given numeric enum. */
export function isHudCode<E extends object>(enumObj: E, value: unknown): value is E[keyof E] {
  return typeof value === 'number' && (Object.values(enumObj) as unknown[]).includes(value);
}

/** Labels shared by every list that carries HUD's reasons for missing data (8, 9, 99). */
export const MISSING_DATA_LABELS = {
  CLIENT_DOESNT_KNOW: "Client doesn't know",
  CLIENT_PREFERS_NOT_TO_ANSWER: 'Client prefers not to answer',
  DATA_NOT_COLLECTED: 'Data not collected',
} as const;

/** HMIS CSV list 1.8 No/Yes/Reasons for Missing Data. */
export enum NoYesMissing {
  NO = 0,
  YES = 1,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(NoYesMissing, {
  name: 'NoYesMissing',
  description:
    'HMIS CSV list 1.8 No/Yes/Reasons for Missing Data: shared by yes/no data elements that accept the reasons for missing data (e.g. 3.07 Veteran Status, 3.08 Disabling Condition, 4.11 Domestic Violence).',
  valuesConfig: hudValuesConfig(NoYesMissing, {
    NO: 'No',
    YES: 'Yes',
    ...MISSING_DATA_LABELS,
  }),
});

/** HMIS CSV list 1.10 No/Yes. */
export enum NoYes {
  NO = 0,
  YES = 1,
}

registerEnumType(NoYes, {
  name: 'NoYes',
  description:
    'HMIS CSV list 1.10 No/Yes: plain yes/no fields that do not accept the reasons for missing data.',
  valuesConfig: hudValuesConfig(NoYes, {
    NO: 'No',
    YES: 'Yes',
  }),
});
