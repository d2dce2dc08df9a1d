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
