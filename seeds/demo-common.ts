/** Helpers shared by the demo scenario loaders. */
import type { EntityManager } from 'typeorm';
import { addDays } from '../src/database/sql-time';
import { DobDataQuality, NameDataQuality, ServiceRecordType, SsnDataQuality } from '../src/hud';
import type { DemoUsername, OrgCode } from './demo-setup';

export interface SeedClock {
  /** `YYYY-MM-DD` every relative date is computed from. */
  today: string;
  /** The moment used for timestamps (EUA acceptance, last login). */
  now: Date;
}

/** Inserts rows through their entity and returns their ids, in order. */
export async function insertIds<T extends object>(
  m: EntityManager,
  entity: new () => T,
  rows: Array<Partial<T>>,
): Promise<number[]> {
  if (!rows.length) return [];
  const { identifiers } = await m.insert(entity, rows as never);
  return identifiers.map((i) => i.id as number);
}

export async function insertId<T extends object>(
  m: EntityManager,
  entity: new () => T,
  row: Partial<T>,
): Promise<number> {
  return (await insertIds(m, entity, [row]))[0];
}

/** Organizations with programs, hence with clients. */
export type FillerOrg = 'HSS' | 'NSO' | 'CCE' | 'SHD';

/** The staff member who records each organization's data. */
export const STAFF: Record<Exclude<OrgCode, 'ADM'>, DemoUsername> = {
  HSS: 'sam.shelter',
  NSO: 'olga.outreach',
  CCE: 'casey.assessor',
  SHD: 'dana.dv',
};

/** Data quality of a fully reported name, SSN and date of birth. */
export const FULL_REPORTED = {
  nameDataQuality: NameDataQuality.FULL_NAME_REPORTED,
  ssnDataQuality: SsnDataQuality.FULL_SSN_REPORTED,
  dobDataQuality: DobDataQuality.FULL_DOB_REPORTED,
};

/** HUD 4.14 bed night: record type 200, type provided 200. */
export const BED_NIGHT = { recordType: ServiceRecordType.BED_NIGHT, typeProvided: 200 };

/** Days `from`..`to` inclusive, as ISO dates. */
export function dayRange(today: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => addDays(today, from + i));
}
