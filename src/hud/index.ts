/**
 * HUD FY2026 HMIS Data Standards code lists as TypeGraphQL enums (values are the stored HUD integers).
 * Covers 1.8/1.10 shared lists, 2.02.6, 2.06.1, 2.07.4-6, 3.01.5, 3.02.2, 3.03.2, 3.04.1, Sex, 3.12.1,
 * 3.12.A, 3.15.1, 3.917.1, 4.11.A, 4.12.2, service record types (1.4), 4.19, 4.20 and R7.1.
 */
export * from './common-codes';
export * from './client-codes';
export * from './project-codes';
export * from './living-situation-codes';
export * from './service-codes';
export * from './ce-codes';
export * from './health-codes';
export * from './veteran-codes';
export * from './prior-living-codes';
export * from './setup-codes';
export * from './income-codes';
