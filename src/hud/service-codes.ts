/**
 * HUD FY2026 service record types (HMIS CSV list 1.4 RecordType, Services.csv) for
 * 4.14 Bed-night Date, P1 Services Provided - PATH Funded, P2 Referrals Provided - PATH,
 * R14 RHY Service Connections, W1 Services Provided - HOPWA, W2 Financial Assistance - HOPWA,
 * V2 Services Provided - SSVF, V3 Financial Assistance - SSVF, V8 HUD-VASH Voucher Tracking and
 * C2 Moving On Assistance Provided.
 *
 * The service's TypeProvided stays a plain Int whose meaning depends on the record type;
 * {@link describeTypeProvided} turns the pair into HUD's label (lists P1.2, P2.2, R14.2, W1.2, W2.2,
 * V2.2, V3.3, V8.1 and C2.2).
 */
import { registerEnumType } from 'type-graphql';
import { hudValuesConfig } from './common-codes';

/** HMIS CSV list 1.4 RecordType: which element a Services.csv row records. */
export enum ServiceRecordType {
  PATH_SERVICE = 141,
  RHY_SERVICE_CONNECTIONS = 142,
  HOPWA_SERVICE = 143,
  SSVF_SERVICE = 144,
  HOPWA_FINANCIAL_ASSISTANCE = 151,
  SSVF_FINANCIAL_ASSISTANCE = 152,
  PATH_REFERRAL = 161,
  BED_NIGHT = 200,
  HUD_VASH_OTH_VOUCHER_TRACKING = 210,
  MOVING_ON_ASSISTANCE = 300,
}

registerEnumType(ServiceRecordType, {
  name: 'ServiceRecordType',
  description:
    'HMIS CSV list 1.4 RecordType: the data element a service record belongs to (4.14, P1, P2, R14, W1, W2, V2, V3, V8 or C2). The meaning of the service type provided depends on it.',
  valuesConfig: hudValuesConfig(ServiceRecordType, {
    PATH_SERVICE: 'PATH Service (P1 Services Provided - PATH Funded; type provided from list P1.2)',
    RHY_SERVICE_CONNECTIONS: 'RHY Service Connections (R14; type provided from list R14.2)',
    HOPWA_SERVICE: 'HOPWA Service (W1 Services Provided - HOPWA; type provided from list W1.2)',
    SSVF_SERVICE: 'SSVF Service (V2 Services Provided - SSVF; type provided from list V2.2)',
    HOPWA_FINANCIAL_ASSISTANCE:
      'HOPWA Financial Assistance (W2 Financial Assistance - HOPWA; type provided from list W2.2)',
    SSVF_FINANCIAL_ASSISTANCE:
      'SSVF Financial Assistance (V3 Financial Assistance - SSVF; type provided from list V3.3)',
    PATH_REFERRAL: 'PATH Referral (P2 Referrals Provided - PATH; type provided from list P2.2)',
    BED_NIGHT: 'Bed Night (4.14 Bed-night Date; type provided is always 200)',
    HUD_VASH_OTH_VOUCHER_TRACKING:
      'HUD-VASH OTH Voucher Tracking (V8 HUD-VASH Voucher Tracking; type provided from list V8.1)',
    MOVING_ON_ASSISTANCE:
      'Moving On Assistance (C2 Moving On Assistance Provided; type provided from list C2.2)',
  }),
});

type TypeProvidedLabels = Readonly<Record<number, string>>;

/** P1.2 Type of PATH funded service. */
const PATH_SERVICES: TypeProvidedLabels = {
  1: 'Re-engagement',
  2: 'Screening',
  3: 'Habilitation/rehabilitation',
  4: 'Community mental health',
  5: 'Substance use treatment',
  6: 'Case management',
  7: 'Residential supportive services',
  8: 'Housing minor renovation',
  9: 'Housing moving assistance',
  10: 'Housing eligibility determination',
  11: 'Security deposits',
  12: 'One-time rent for eviction prevention',
  14: 'Clinical assessment',
};

/** R14.2 RHY service connections. */
const RHY_SERVICES: TypeProvidedLabels = {
  2: 'Community service/service learning (CSL)',
  5: 'Education',
  6: 'Employment and training services',
  7: 'Criminal justice /legal services',
  8: 'Life skills training',
  10: 'Parenting education for youth with children',
  12: 'Post-natal care for client (person who gave birth)',
  13: 'Pre-natal care',
  14: 'Health/medical care',
  17: 'Substance use disorder treatment',
  18: 'Substance use disorder/Prevention Services',
  26: 'Home-based Services',
  27: 'Post-natal newborn care (wellness exams; immunizations)',
  28: 'STD Testing',
  29: 'Street-based Services',
};

/** W1.2 HOPWA services. */
const HOPWA_SERVICES: TypeProvidedLabels = {
  1: 'Adult day care and personal assistance',
  2: 'Case management',
  3: 'Child care',
  4: 'Criminal justice/legal services',
  5: 'Education',
  6: 'Employment and training services',
  7: 'Food/meals/nutritional services',
  8: 'Health/medical care',
  9: 'Life skills training',
  10: 'Mental health care/counseling',
  11: 'Outreach and/or engagement',
  12: 'Substance use services/treatment',
  13: 'Transportation',
  14: 'Other HOPWA funded service',
};

/** V2.2 SSVF services (10 Healthcare Navigation is new in FY2026). */
const SSVF_SERVICES: TypeProvidedLabels = {
  1: 'Outreach services',
  2: 'Case management services',
  3: 'Assistance obtaining VA benefits',
  4: 'Assistance obtaining/coordinating other public benefits',
  5: 'Direct provision of other public benefits',
  6: 'Other (non-TFA) supportive service approved by VA',
  7: 'Shallow Subsidy',
  8: 'Returning Home',
  9: 'Rapid Resolution',
  10: 'Healthcare Navigation',
};

/** W2.2 HOPWA financial assistance. */
const HOPWA_FINANCIAL_ASSISTANCE: TypeProvidedLabels = {
  1: 'Rental assistance',
  2: 'Security deposits',
  3: 'Utility deposits',
  4: 'Utility payments',
  7: 'Mortgage assistance',
};

/** V3.3 SSVF financial assistance. */
const SSVF_FINANCIAL_ASSISTANCE: TypeProvidedLabels = {
  1: 'Rental assistance',
  2: 'Security deposit',
  3: 'Utility deposit',
  4: 'Utility fee payment assistance',
  5: 'Moving costs',
  8: 'Transportation services: tokens/vouchers',
  9: 'Transportation services: vehicle repair/maintenance',
  10: 'Child care',
  12: 'General housing stability assistance',
  14: 'Emergency housing assistance',
  15: 'Shallow Subsidy - Financial Assistance',
  16: 'Food Assistance',
  17: 'Landlord Incentive',
  18: 'Tenant Incentive',
};

/** P2.2 PATH referrals. */
const PATH_REFERRALS: TypeProvidedLabels = {
  1: 'Community mental health',
  2: 'Substance use treatment',
  3: 'Primary health/dental care',
  4: 'Job training',
  5: 'Educational services',
  6: 'Housing services',
  7: 'Permanent housing',
  8: 'Income assistance',
  9: 'Employment assistance',
  10: 'Medical insurance',
  11: 'Temporary housing',
};

/** 4.14 Bed night: the type provided repeats the record type. */
const BED_NIGHT: TypeProvidedLabels = { 200: 'Bed Night' };

/** V8.1 HUD-VASH voucher tracking. */
const VOUCHER_TRACKING: TypeProvidedLabels = {
  1: 'Referral package forwarded to PHA',
  2: 'Voucher denied by PHA',
  3: 'Voucher issued by PHA',
  4: 'Voucher revoked or expired',
  5: 'Voucher in use - veteran moved into housing',
  6: 'Voucher was ported locally',
  7: 'Voucher was administratively absorbed by new PHA',
  8: 'Voucher was converted to Housing Choice Voucher',
  9: 'Veteran exited - voucher was returned',
  10: 'Veteran exited - family maintained the voucher',
  11: 'Veteran exited - prior to ever receiving a voucher',
  12: 'Other',
};

/** C2.2 Moving On assistance. */
const MOVING_ON_ASSISTANCE: TypeProvidedLabels = {
  1: 'Subsidized housing application assistance',
  2: 'Financial assistance for Moving On (e.g., security deposit, moving expenses)',
  3: 'Non-financial assistance for Moving On (e.g., housing navigation, transition support)',
  4: 'Housing referral/placement',
  5: 'Other',
};

/** HUD's TypeProvided list for each record type. */
export const TYPE_PROVIDED_LABELS: Readonly<Record<ServiceRecordType, TypeProvidedLabels>> = {
  [ServiceRecordType.PATH_SERVICE]: PATH_SERVICES,
  [ServiceRecordType.RHY_SERVICE_CONNECTIONS]: RHY_SERVICES,
  [ServiceRecordType.HOPWA_SERVICE]: HOPWA_SERVICES,
  [ServiceRecordType.SSVF_SERVICE]: SSVF_SERVICES,
  [ServiceRecordType.HOPWA_FINANCIAL_ASSISTANCE]: HOPWA_FINANCIAL_ASSISTANCE,
  [ServiceRecordType.SSVF_FINANCIAL_ASSISTANCE]: SSVF_FINANCIAL_ASSISTANCE,
  [ServiceRecordType.PATH_REFERRAL]: PATH_REFERRALS,
  [ServiceRecordType.BED_NIGHT]: BED_NIGHT,
  [ServiceRecordType.HUD_VASH_OTH_VOUCHER_TRACKING]: VOUCHER_TRACKING,
  [ServiceRecordType.MOVING_ON_ASSISTANCE]: MOVING_ON_ASSISTANCE,
};

/**
 * HUD's label for a service's TypeProvided under the given record type, e.g.
 * `describeTypeProvided(ServiceRecordType.SSVF_SERVICE, 2)` is `'Case management services'`.
 * Returns undefined for an unknown record type or a code not in that record type's list.
 */
export function describeTypeProvided(
  recordType: ServiceRecordType | number,
  typeProvided: number,
): string | undefined {
  const labels = (TYPE_PROVIDED_LABELS as Readonly<Record<number, TypeProvidedLabels | undefined>>)[
    recordType
  ];
  return labels === undefined ? undefined : labels[typeProvided];
}
