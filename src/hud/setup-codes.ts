/**
 * HUD FY2026 HMIS Data Standards code lists for the project descriptor setup records:
 * 2.03.4 Geography Type (ProjectCoC.csv) and 2.08.1 HMIS Participation Type (HMISParticipation.csv).
 * The 2.09 CE Participation answers use list 1.10 {@link NoYes}.
 */
import { registerEnumType } from 'type-graphql';
import { hudValuesConfig } from './common-codes';

/** 2.03.4 Geography Type. */
export enum GeographyType {
  URBAN = 1,
  SUBURBAN = 2,
  RURAL = 3,
  UNKNOWN_DATA_NOT_COLLECTED = 99,
}

registerEnumType(GeographyType, {
  name: 'GeographyType',
  description: '2.03.4 Geography Type of a project site (HMIS CSV ProjectCoC.GeographyType).',
  valuesConfig: hudValuesConfig(GeographyType, {
    URBAN: 'Urban',
    SUBURBAN: 'Suburban',
    RURAL: 'Rural',
    UNKNOWN_DATA_NOT_COLLECTED: 'Unknown / data not collected',
  }),
});

/** 2.08.1 HMIS Participation Type. */
export enum HmisParticipationType {
  NOT_PARTICIPATING = 0,
  HMIS_PARTICIPATING = 1,
  COMPARABLE_DATABASE_PARTICIPATING = 2,
}

registerEnumType(HmisParticipationType, {
  name: 'HmisParticipationType',
  description:
    '2.08.1 HMIS Participation Type: whether the project enters its data in the HMIS, in a comparable database (victim service providers), or not at all (HMIS CSV HMISParticipation.HMISParticipationType).',
  valuesConfig: hudValuesConfig(HmisParticipationType, {
    NOT_PARTICIPATING: 'Not participating',
    HMIS_PARTICIPATING: 'HMIS participating',
    COMPARABLE_DATABASE_PARTICIPATING: 'Comparable database participating',
  }),
});

/** HUD 2.02 Project Information: Housing Type (HMIS CSV Project.HousingType), for residential projects. */
export enum HousingType {
  SITE_BASED_SINGLE_SITE = 1,
  SITE_BASED_CLUSTERED_MULTIPLE_SITES = 2,
  TENANT_BASED_SCATTERED_SITE = 3,
}

registerEnumType(HousingType, {
  name: 'HousingType',
  description:
    '2.02 Project Information: Housing Type of a residential project (HMIS CSV Project.HousingType).',
  valuesConfig: hudValuesConfig(HousingType, {
    SITE_BASED_SINGLE_SITE: 'Site-based - single site',
    SITE_BASED_CLUSTERED_MULTIPLE_SITES: 'Site-based - clustered / multiple sites',
    TENANT_BASED_SCATTERED_SITE: 'Tenant-based - scattered site',
  }),
});

/** HUD 2.02 Project Information: RRH Subtype (HMIS CSV Project.RRHSubType), for project type 13 only. */
export enum RrhSubType {
  RRH_SERVICES_ONLY = 1,
  RRH_HOUSING_WITH_OR_WITHOUT_SERVICES = 2,
}

registerEnumType(RrhSubType, {
  name: 'RrhSubType',
  description:
    '2.02 Project Information: RRH Subtype of a rapid re-housing project (HMIS CSV Project.RRHSubType).',
  valuesConfig: hudValuesConfig(RrhSubType, {
    RRH_SERVICES_ONLY: 'RRH: Services Only',
    RRH_HOUSING_WITH_OR_WITHOUT_SERVICES: 'RRH: Housing with or without services',
  }),
});

/** HUD 2.02 Project Information: Target Population (HMIS CSV Project.TargetPopulation). Code 2 is unused. */
export enum TargetPopulation {
  DOMESTIC_VIOLENCE_VICTIMS = 1,
  PERSONS_WITH_HIV_AIDS = 3,
  NOT_APPLICABLE = 4,
}

registerEnumType(TargetPopulation, {
  name: 'TargetPopulation',
  description: '2.02 Project Information: Target Population (HMIS CSV Project.TargetPopulation).',
  valuesConfig: hudValuesConfig(TargetPopulation, {
    DOMESTIC_VIOLENCE_VICTIMS: 'Domestic violence victims',
    PERSONS_WITH_HIV_AIDS: 'Persons with HIV/AIDS',
    NOT_APPLICABLE: 'Not applicable',
  }),
});

/** HUD 2.02 Project Information: HOPWA Medically Assisted Living Facility (Project.HOPWAMedAssistedLivingFac). */
export enum HopwaMedAssistedLivingFac {
  NO = 0,
  YES = 1,
  NON_HOPWA_FUNDED_PROJECT = 2,
}

registerEnumType(HopwaMedAssistedLivingFac, {
  name: 'HopwaMedAssistedLivingFac',
  description:
    '2.02 Project Information: whether a HOPWA-funded project is a medically assisted living facility (HMIS CSV Project.HOPWAMedAssistedLivingFac).',
  valuesConfig: hudValuesConfig(HopwaMedAssistedLivingFac, {
    NO: 'No',
    YES: 'Yes',
    NON_HOPWA_FUNDED_PROJECT: 'Non-HOPWA funded project',
  }),
});
