import 'reflect-metadata';
import { GraphQLEnumType, graphqlSync } from 'graphql';
import { Query, Resolver, buildSchemaSync, getMetadataStorage } from 'type-graphql';
import * as hud from '../../src/hud';

/** Every HUD enum src/hud must register, by its exact GraphQL name. */
const EXPECTED_ENUMS = [
  // 4.02–4.10, R4, R5/R6 and C3 (the client-level FY2026 records)
  'CurrentEdStatus',
  'CurrentSchoolAttend',
  'DisabilityType',
  'EmploymentType',
  'HivTestSource',
  'LastGradeCompleted',
  'MostRecentEdStatus',
  'NotEmployedReason',
  'ReasonNotInsured',
  'SchoolStatus',
  'ViralLoadAvailable',
  'NoYesMissing',
  'NoYes',
  'NameDataQuality',
  'SsnDataQuality',
  'DobDataQuality',
  'RaceEthnicity',
  'Sex',
  'RelationshipToHoH',
  'ProjectType',
  'FunderSource',
  'HouseholdType',
  'BedType',
  'InventoryAvailability',
  'LivingSituation',
  'RentalSubsidyType',
  'ServiceRecordType',
  'AssessmentType',
  'AssessmentLevel',
  'PrioritizationStatus',
  'CeEventType',
  'ReferralResult',
  'WhenDvOccurred',
  'HealthStatus',
  'MilitaryBranch',
  'DischargeStatus',
  'LengthOfStay',
  'TimesHomelessPastThreeYears',
  'MonthsHomelessPastThreeYears',
  'DataCollectionStage',
  'GeographyType',
  'HmisParticipationType',
  'HousingType',
  'RrhSubType',
  'TargetPopulation',
  'HopwaMedAssistedLivingFac',
];

type EnumObj = Record<string, string | number>;

const exported = new Set<unknown>(Object.values(hud));
const hudEnums = getMetadataStorage().enums.filter((meta) => exported.has(meta.enumObj));

/** The member names of a TS numeric enum (without the reverse number -> name mapping). */
function memberNames(enumObj: object): string[] {
  return Object.keys(enumObj).filter((key) => Number.isNaN(Number(key)));
}

// A throwaway resolver with one query per HUD enum, so the schema contains every enum type.
class HudEnumProbeResolver {}
for (const meta of hudEnums) {
  const field = `probe${meta.name}`;
  Object.defineProperty(HudEnumProbeResolver.prototype, field, {
    value: () => null,
    writable: true,
    configurable: true,
  });
  const descriptor = Object.getOwnPropertyDescriptor(HudEnumProbeResolver.prototype, field)!;
  Query(() => meta.enumObj, { nullable: true })(HudEnumProbeResolver.prototype, field, descriptor);
}
Resolver()(HudEnumProbeResolver);

describe('HUD code list enums', () => {
  it('registers exactly the expected enums, each exported from src/hud', () => {
    expect(hudEnums.map((meta) => meta.name).sort()).toEqual([...EXPECTED_ENUMS].sort());
    for (const meta of hudEnums) {
      expect((hud as Record<string, unknown>)[meta.name]).toBe(meta.enumObj);
    }
  });

  it.each(EXPECTED_ENUMS)('%s names its HUD data element or list', (name) => {
    const meta = hudEnums.find((m) => m.name === name)!;
    expect(meta.description?.trim()).toBeTruthy();
    // e.g. "3.15.1 Relationship ...", "4.20.D Referral Result", "R7.1 ...", "HMIS CSV list 1.8 ..."
    expect(meta.description).toMatch(/^(HMIS CSV list )?[A-Z]?\d+(\.\d+)*(\.[A-Z])?\b/);
  });

  it.each(EXPECTED_ENUMS)('%s has integer HUD codes, unique, each described with its code', (name) => {
    const meta = hudEnums.find((m) => m.name === name)!;
    const enumObj = meta.enumObj as EnumObj;
    const names = memberNames(enumObj);
    expect(names.length).toBeGreaterThan(0);

    const values = names.map((key) => enumObj[key]);
    for (const value of values) {
      expect(Number.isInteger(value)).toBe(true);
    }
    expect(new Set(values).size).toBe(values.length);

    // valuesConfig covers exactly the members, and every description starts with the stored code.
    expect(Object.keys(meta.valuesConfig).sort()).toEqual([...names].sort());
    for (const key of names) {
      const description = meta.valuesConfig[key]?.description ?? '';
      expect(description).toMatch(new RegExp(`^HUD code ${enumObj[key]}: \\S`));
    }
  });

  it('exposes every enum and value description through GraphQL introspection', () => {
    const schema = buildSchemaSync({ resolvers: [HudEnumProbeResolver] });
    const result = graphqlSync({
      schema,
      source: `{ __schema { types { kind name description
        enumValues(includeDeprecated: true) { name description isDeprecated } } } }`,
    });
    expect(result.errors).toBeUndefined();
    const types = (result.data as { __schema: { types: IntrospectedType[] } }).__schema.types;

    for (const name of EXPECTED_ENUMS) {
      const type = types.find((t) => t.name === name);
      expect(type?.kind).toBe('ENUM');
      expect(type?.description?.trim()).toBeTruthy();
      const enumObj = hudEnums.find((m) => m.name === name)!.enumObj as EnumObj;
      expect(type!.enumValues.map((v) => v.name).sort()).toEqual(memberNames(enumObj).sort());
      for (const value of type!.enumValues) {
        expect(value.description).toMatch(new RegExp(`^HUD code ${enumObj[value.name]}: \\S`));
      }
    }

    // Values serialize as names but are the HUD integers internally.
    const sex = schema.getType('Sex') as GraphQLEnumType;
    expect(sex.getValue('FEMALE')?.value).toBe(0);
    expect(sex.getValue('FEMALE')?.description).toBe('HUD code 0: Female');
  });

  it('keeps the spot-checked HUD codes', () => {
    expect(hud.Sex.FEMALE).toBe(0);
    expect(hud.Sex.MALE).toBe(1);
    expect(hud.NoYesMissing.DATA_NOT_COLLECTED).toBe(99);
    expect(hud.ProjectType.PH_RAPID_RE_HOUSING).toBe(13);
    expect(hud.FunderSource.HUD_COC_PERMANENT_SUPPORTIVE_HOUSING).toBe(2);
    expect(hud.FunderSource.HUD_COC_BUILDS).toBe(56);
    expect(hud.LivingSituation.PLACE_NOT_MEANT_FOR_HABITATION).toBe(116);
    expect(hud.LivingSituation.RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY).toBe(435);
    expect(hud.ServiceRecordType.BED_NIGHT).toBe(200);
    expect(hud.CeEventType.REFERRAL_TO_A_HOUSING_STABILITY_VOUCHER).toBe(18);
  });
});

describe('living situation code sets', () => {
  const L = hud.LivingSituation;
  const all = memberNames(L).map((key) => (L as unknown as EnumObj)[key] as hud.LivingSituation);

  it('together cover every LivingSituation value, and only those', () => {
    const union = new Set([
      ...hud.PRIOR_LIVING_SITUATION_CODES,
      ...hud.DESTINATION_CODES,
      ...hud.CURRENT_LIVING_SITUATION_CODES,
    ]);
    expect([...union].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
  });

  it('match the HUD element each code is valid for', () => {
    expect(hud.DESTINATION_CODES.has(L.DECEASED)).toBe(true);
    expect(hud.DESTINATION_CODES.has(L.NO_EXIT_INTERVIEW_COMPLETED)).toBe(true);
    expect(hud.DESTINATION_CODES.has(L.WORKER_UNABLE_TO_DETERMINE)).toBe(false);
    expect(hud.DESTINATION_CODES.has(L.STAYING_OR_LIVING_IN_A_FRIENDS_ROOM_APARTMENT_OR_HOUSE)).toBe(false);
    expect(hud.CURRENT_LIVING_SITUATION_CODES.has(L.WORKER_UNABLE_TO_DETERMINE)).toBe(true);
    expect(hud.CURRENT_LIVING_SITUATION_CODES.has(L.OTHER)).toBe(true);
    expect(hud.CURRENT_LIVING_SITUATION_CODES.has(L.DECEASED)).toBe(false);
    expect(hud.PRIOR_LIVING_SITUATION_CODES.has(L.OTHER)).toBe(false);
    expect(hud.PRIOR_LIVING_SITUATION_CODES.has(L.STAYING_OR_LIVING_WITH_FAMILY_PERMANENT_TENURE)).toBe(
      false,
    );
    expect(
      hud.PRIOR_LIVING_SITUATION_CODES.has(L.STAYING_OR_LIVING_IN_A_FAMILY_MEMBERS_ROOM_APARTMENT_OR_HOUSE),
    ).toBe(true);
    expect(hud.PRIOR_LIVING_SITUATION_CODES.size).toBe(22);
    expect(hud.DESTINATION_CODES.size).toBe(29);
    expect(hud.CURRENT_LIVING_SITUATION_CODES.size).toBe(24);
  });

  it('describe, in each value, the elements that accept it', () => {
    const meta = hudEnums.find((m) => m.name === 'LivingSituation')!;
    for (const key of memberNames(L)) {
      const code = (L as unknown as EnumObj)[key] as hud.LivingSituation;
      const description = meta.valuesConfig[key]!.description!;
      const inPrior = hud.PRIOR_LIVING_SITUATION_CODES.has(code);
      const inDest = hud.DESTINATION_CODES.has(code);
      const inCurrent = hud.CURRENT_LIVING_SITUATION_CODES.has(code);
      if (inPrior && inDest && inCurrent) {
        expect(description).toContain('Prior Living Situation, Destination and Current Living Situation');
      } else if (inDest && !inPrior && !inCurrent) {
        expect(description).toContain('Destination only');
      } else if (inCurrent && !inPrior && !inDest) {
        expect(description).toContain('Current Living Situation only');
      } else {
        expect(description).toMatch(/only/);
      }
    }
  });

  it('groups codes by HUD heading', () => {
    expect(hud.livingSituationGroup(L.SAFE_HAVEN)).toBe('HOMELESS');
    expect(hud.livingSituationGroup(L.JAIL_PRISON_OR_JUVENILE_DETENTION_FACILITY)).toBe('INSTITUTIONAL');
    expect(hud.livingSituationGroup(L.HOST_HOME_NON_CRISIS)).toBe('TEMPORARY');
    expect(hud.livingSituationGroup(L.RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY)).toBe('PERMANENT');
    expect(hud.livingSituationGroup(L.DECEASED)).toBe('OTHER');
  });
});

describe('service type provided', () => {
  it('labels a type provided through its record type', () => {
    expect(hud.describeTypeProvided(hud.ServiceRecordType.SSVF_SERVICE, 2)).toBe('Case management services');
    expect(hud.describeTypeProvided(hud.ServiceRecordType.BED_NIGHT, 200)).toBe('Bed Night');
    expect(hud.describeTypeProvided(hud.ServiceRecordType.PATH_SERVICE, 13)).toBeUndefined();
    expect(hud.describeTypeProvided(999, 1)).toBeUndefined();
  });

  it('has a type provided list for every record type', () => {
    for (const key of memberNames(hud.ServiceRecordType)) {
      const recordType = (hud.ServiceRecordType as unknown as EnumObj)[key] as hud.ServiceRecordType;
      expect(Object.keys(hud.TYPE_PROVIDED_LABELS[recordType]).length).toBeGreaterThan(0);
    }
  });
});

describe('isHudCode', () => {
  it('accepts only the integer codes of the enum', () => {
    expect(hud.isHudCode(hud.Sex, 0)).toBe(true);
    expect(hud.isHudCode(hud.Sex, 99)).toBe(true);
    expect(hud.isHudCode(hud.Sex, 2)).toBe(false);
    expect(hud.isHudCode(hud.Sex, 'FEMALE')).toBe(false);
  });
});

interface IntrospectedType {
  kind: string;
  name: string;
  description: string | null;
  enumValues: Array<{ name: string; description: string | null; isDeprecated: boolean }>;
}
