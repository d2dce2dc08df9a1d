/**
 * The C3 (YouthEducationStatus) and W4 (HIV/AIDS) code lists, pinned to their source: codes, labels and
 * the CSV columns that take each list.
 *
 * Source: the FY2026 HMIS CSV lists as generated from HUD's specification by Green River's hmis-warehouse,
 * https://github.com/greenriver/hmis-warehouse/blob/f276276d470e62e0f763e01fb5dc52aa0c20f186/lib/util/concerns/hud_lists_2026.rb
 * (sections "C3.2", "C3.A", "C3.B", "W4.3", "W4.B"). Which column takes which list: the same repository's
 * drivers/hmis/app/graphql/types/hmis_schema/disability_group.rb (T-cell/viral load/anti-retroviral fields)
 * and youth_education_status.rb. HUD's own FY2026 PDF was not available; the tables below are copied from
 * the generated file (a plain apostrophe where HUD prints ’).
 */
import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import * as hud from '../../src/hud';
import { checkDisability } from '../../src/hud/validate';
import { columnRule } from '../../src/modules/hud-csv/hud-schema';

/** code -> label, in the source's order. */
type List = ReadonlyArray<readonly [number, string]>;

const MISSING: List = [
  [8, "Client doesn't know"],
  [9, 'Client prefers not to answer'],
  [99, 'Data not collected'],
];

/** hud_lists_2026.rb "# C3.2" current_school_attendeds */
const C3_2: List = [
  [0, 'Not currently enrolled in any school or educational course'],
  [1, 'Currently enrolled but NOT attending regularly (when school or the course is in session)'],
  [2, 'Currently enrolled and attending regularly (when school or the course is in session)'],
  ...MISSING,
];

/** hud_lists_2026.rb "# C3.A" most_recent_ed_statuses */
const C3_A: List = [
  [0, 'K12: Graduated from high school'],
  [1, 'K12: Obtained GED'],
  [2, 'K12: Dropped out'],
  [3, 'K12: Suspended'],
  [4, 'K12: Expelled'],
  [5, 'Higher education: Pursuing a credential but not currently attending'],
  [6, 'Higher education: Dropped out'],
  [7, 'Higher education: Obtained a credential/degree'],
  ...MISSING,
];

/** hud_lists_2026.rb "# C3.B" current_ed_statuses */
const C3_B: List = [
  [0, 'Pursuing a high school diploma or GED'],
  [1, "Pursuing Associate's Degree"],
  [2, "Pursuing Bachelor's Degree"],
  [3, 'Pursuing Graduate Degree'],
  [4, 'Pursuing other post-secondary credential'],
  ...MISSING,
];

/** hud_lists_2026.rb "# W4.3" viral_load_availables */
const W4_3: List = [[0, 'Not available'], [1, 'Available'], [2, 'Undetectable'], ...MISSING];

/** hud_lists_2026.rb "# W4.B" t_cell_source_viral_load_sources */
const W4_B: List = [
  [1, 'Medical Report'],
  [2, 'Client Report'],
  [3, 'Other'],
];

/** hud_lists_2026.rb "# 1.8" no_yes_reasons_for_missing_data_options */
const LIST_1_8: List = [[0, 'No'], [1, 'Yes'], ...MISSING];

/** The code -> label pairs of a registered HUD enum, read from its GraphQL value descriptions. */
function listOf(enumObj: object): Array<[number, string]> {
  const meta = getMetadataStorage().enums.find((m) => m.enumObj === enumObj)!;
  return Object.keys(enumObj)
    .filter((key) => Number.isNaN(Number(key)))
    .map((key): [number, string] => {
      const code = (enumObj as Record<string, number>)[key];
      const description = meta.valuesConfig[key]?.description ?? '';
      return [code, description.replace(/^HUD code \d+: /, '')];
    })
    .sort((a, b) => a[0] - b[0]);
}

const sorted = (list: List): Array<[number, string]> =>
  [...list].map(([c, l]): [number, string] => [c, l]).sort((a, b) => a[0] - b[0]);
const codesOf = (list: List): number[] => list.map(([c]) => c).sort((a, b) => a - b);
const ruleCodes = (file: Parameters<typeof columnRule>[0], column: string): number[] =>
  [...(columnRule(file, column).codes ?? [])].sort((a, b) => a - b);

describe('C3 Youth Education Status lists match HUD FY2026', () => {
  test('C3.2 Current school enrollment and attendance (CurrentSchoolAttend)', () => {
    expect(listOf(hud.CurrentSchoolAttend)).toEqual(sorted(C3_2));
    expect(
      getMetadataStorage().enums.find((m) => m.enumObj === hud.CurrentSchoolAttend)!.description,
    ).toMatch(/^HMIS CSV list C3\.2 /);
    expect(ruleCodes('YouthEducationStatus.csv', 'CurrentSchoolAttend')).toEqual(codesOf(C3_2));
  });

  test('C3.A Most recent educational status (MostRecentEdStatus)', () => {
    expect(listOf(hud.MostRecentEdStatus)).toEqual(sorted(C3_A));
    expect(ruleCodes('YouthEducationStatus.csv', 'MostRecentEdStatus')).toEqual(codesOf(C3_A));
  });

  test('C3.B Current educational status (CurrentEdStatus)', () => {
    expect(listOf(hud.CurrentEdStatus)).toEqual(sorted(C3_B));
    expect(ruleCodes('YouthEducationStatus.csv', 'CurrentEdStatus')).toEqual(codesOf(C3_B));
  });
});

describe('W4 T-cell and viral load lists match HUD FY2026', () => {
  test('W4.3 Viral load information available (ViralLoadAvailable)', () => {
    expect(listOf(hud.ViralLoadAvailable)).toEqual(sorted(W4_3));
    expect(ruleCodes('Disabilities.csv', 'ViralLoadAvailable')).toEqual(codesOf(W4_3));
  });

  test('W4.B How the information was obtained, the one list of TCellSource and ViralLoadSource', () => {
    expect(listOf(hud.HivTestSource)).toEqual(sorted(W4_B));
    expect(getMetadataStorage().enums.find((m) => m.enumObj === hud.HivTestSource)!.description).toMatch(
      /^HMIS CSV list W4\.B /,
    );
    expect(ruleCodes('Disabilities.csv', 'TCellSource')).toEqual(codesOf(W4_B));
    expect(ruleCodes('Disabilities.csv', 'ViralLoadSource')).toEqual(codesOf(W4_B));
  });

  test('TCellCountAvailable and AntiRetroviral take list 1.8 No/Yes/Reasons for missing data', () => {
    expect(listOf(hud.NoYesMissing)).toEqual(sorted(LIST_1_8));
    expect(ruleCodes('Disabilities.csv', 'TCellCountAvailable')).toEqual(codesOf(LIST_1_8));
    expect(ruleCodes('Disabilities.csv', 'AntiRetroviral')).toEqual(codesOf(LIST_1_8));
  });

  test('the counts are numbers, not codes', () => {
    expect(columnRule('Disabilities.csv', 'TCellCount').codes).toBeUndefined();
    expect(columnRule('Disabilities.csv', 'ViralLoad').codes).toBeUndefined();
  });

  test.each(['tCellSource', 'viralLoadSource'] as const)(
    '%s (list W4.B) belongs to the HIV/AIDS row only',
    (field) => {
      expect(() =>
        checkDisability('input.', { disabilityType: hud.DisabilityType.HIV_AIDS, [field]: 1 }),
      ).not.toThrow();
      let refusal: { code?: unknown; field?: unknown } = {};
      try {
        checkDisability('input.', { disabilityType: hud.DisabilityType.PHYSICAL, [field]: 1 });
      } catch (e) {
        refusal = (e as { extensions: Record<string, unknown> }).extensions;
      }
      expect(refusal).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: `input.${field}` }));
    },
  );
});
