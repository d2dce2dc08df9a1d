/**
 * HUD FY2026 HMIS Data Standards code lists for V1 Veteran's Information (Client.csv columns
 * YearEnteredService ... DischargeStatus): V1.11 Branch of the Military and V1.12 Discharge Status.
 * The theater-of-operations columns (V1.3-V1.10: WorldWarII ... OtherTheater) use list 1.8 {@link NoYesMissing}.
 */
import { registerEnumType } from 'type-graphql';
import { MISSING_DATA_LABELS, hudValuesConfig } from './common-codes';

/** V1.11 Branch of the Military (HMIS CSV Client.MilitaryBranch). */
export enum MilitaryBranch {
  ARMY = 1,
  AIR_FORCE = 2,
  NAVY = 3,
  MARINES = 4,
  COAST_GUARD = 6,
  SPACE_FORCE = 7,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(MilitaryBranch, {
  name: 'MilitaryBranch',
  description: "V1.11 Branch of the Military (V1 Veteran's Information; HMIS CSV Client.MilitaryBranch).",
  valuesConfig: hudValuesConfig(MilitaryBranch, {
    ARMY: 'Army',
    AIR_FORCE: 'Air Force',
    NAVY: 'Navy',
    MARINES: 'Marines',
    COAST_GUARD: 'Coast Guard',
    SPACE_FORCE: 'Space Force',
    ...MISSING_DATA_LABELS,
  }),
});

/** V1.12 Discharge Status (HMIS CSV Client.DischargeStatus). Code 3 is unused by HUD. */
export enum DischargeStatus {
  HONORABLE = 1,
  GENERAL_UNDER_HONORABLE_CONDITIONS = 2,
  BAD_CONDUCT = 4,
  DISHONORABLE = 5,
  UNDER_OTHER_THAN_HONORABLE_CONDITIONS = 6,
  UNCHARACTERIZED = 7,
  CLIENT_DOESNT_KNOW = 8,
  CLIENT_PREFERS_NOT_TO_ANSWER = 9,
  DATA_NOT_COLLECTED = 99,
}

registerEnumType(DischargeStatus, {
  name: 'DischargeStatus',
  description: "V1.12 Discharge Status (V1 Veteran's Information; HMIS CSV Client.DischargeStatus).",
  valuesConfig: hudValuesConfig(DischargeStatus, {
    HONORABLE: 'Honorable',
    GENERAL_UNDER_HONORABLE_CONDITIONS: 'General under honorable conditions',
    BAD_CONDUCT: 'Bad conduct',
    DISHONORABLE: 'Dishonorable',
    UNDER_OTHER_THAN_HONORABLE_CONDITIONS: 'Under other than honorable conditions (OTH)',
    UNCHARACTERIZED: 'Uncharacterized',
    ...MISSING_DATA_LABELS,
  }),
});
