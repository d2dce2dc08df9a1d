/**
 * Demo scenario, part 1: organizations, locations, programs (with funders and inventory),
 * restriction options, workgroups and information releases; users are in demo-users.ts
 * (see /work/shared/spec/demo-scenario.md; names, codes and usernames are fixed there).
 */
import type { EntityManager } from 'typeorm';
import { Restriction } from '../src/access/restriction';
import { addDays } from '../src/database/sql-time';
import {
  BedType,
  FunderSource,
  GeographyType,
  HmisParticipationType,
  HouseholdType,
  HousingType,
  InventoryAvailability,
  NoYes,
  ProjectType,
  RrhSubType,
  TargetPopulation,
} from '../src/hud';
import { CeParticipation } from '../src/modules/program/ce-participation.entity';
import { HmisParticipation } from '../src/modules/program/hmis-participation.entity';
import { ProjectCoc } from '../src/modules/program/project-coc.entity';
import { Location } from '../src/modules/organization/location.entity';
import { Organization } from '../src/modules/organization/organization.entity';
import { Funder } from '../src/modules/program/funder.entity';
import { Inventory } from '../src/modules/program/inventory.entity';
import { Program } from '../src/modules/program/program.entity';
import {
  InformationRelease,
  InformationReleaseShare,
  RestrictionOption,
} from '../src/modules/admin/information-release.entity';
import { insertId, type SeedClock } from './demo-common';
import { seedDemoUsers, type DemoUsername } from './demo-users';
import { ensureStandardWorkgroups, type WorkgroupName } from './workgroups';

export { DEMO_USERNAMES, type DemoUsername } from './demo-users';

export const COC_CODE = 'XX-500';

export const ORG_CODES = ['HSS', 'NSO', 'CCE', 'SHD', 'ADM'] as const;
export type OrgCode = (typeof ORG_CODES)[number];

const ORGANIZATIONS: Record<OrgCode, Omit<Partial<Organization>, 'id' | 'code'> & { name: string }> = {
  HSS: {
    name: 'Hope Street Shelter',
    address: '410 Hope Street',
    city: 'Riverton',
    state: 'OR',
    zip: '97301',
    contactName: 'Mina Haddad',
    contactPhone: '(503) 555-0141',
    contactEmail: 'intake@hopestreet.example.org',
    defaultRestriction: Restriction.UNRESTRICTED,
    displayRestrictionField: true,
  },
  NSO: {
    name: 'Northside Outreach',
    address: '2250 N Alder Avenue',
    city: 'Riverton',
    state: 'OR',
    zip: '97303',
    contactName: 'Olga Petrova',
    contactPhone: '(503) 555-0162',
    contactEmail: 'outreach@northside.example.org',
    defaultRestriction: Restriction.UNRESTRICTED,
    displayRestrictionField: false,
  },
  CCE: {
    name: 'County Coordinated Entry',
    address: '100 Civic Center Plaza, Suite 300',
    city: 'Riverton',
    state: 'OR',
    zip: '97301',
    contactName: 'Pat Okafor',
    contactPhone: '(503) 555-0117',
    contactEmail: 'coordinated.entry@county.example.gov',
    defaultRestriction: Restriction.RESTRICTED,
    displayRestrictionField: false,
  },
  SHD: {
    // A victim service provider publishes a mailing address only, never its shelter's.
    name: 'Safe Harbor DV Services',
    address: 'PO Box 1187',
    city: 'Riverton',
    state: 'OR',
    zip: '97308',
    contactName: 'Dana Kowalski',
    contactPhone: '(503) 555-0190',
    contactEmail: 'help@safeharbor.example.org',
    defaultRestriction: Restriction.RESTRICTED,
    displayRestrictionField: false,
    victimServiceProvider: true,
  },
  ADM: {
    name: 'HMIS Lead Agency',
    address: '100 Civic Center Plaza, Suite 410',
    city: 'Riverton',
    state: 'OR',
    zip: '97301',
    contactName: 'Adele Montoya',
    contactPhone: '(503) 555-0100',
    contactEmail: 'hmis.help@county.example.gov',
    defaultRestriction: Restriction.UNRESTRICTED,
    displayRestrictionField: false,
  },
};

const LOCATIONS: Record<OrgCode, { name: string; address: string | null; zip: string | null }> = {
  HSS: { name: 'Hope Street Shelter - Main Campus', address: '410 Hope Street', zip: '97301' },
  NSO: { name: 'Northside Drop-In Center', address: '2250 N Alder Avenue', zip: '97303' },
  CCE: {
    name: 'Coordinated Entry Access Point - Civic Center',
    address: '100 Civic Center Plaza',
    zip: '97301',
  },
  SHD: { name: 'Safe Harbor Shelter (confidential site)', address: null, zip: null },
  ADM: { name: 'HMIS Lead Agency Office', address: '100 Civic Center Plaza', zip: '97301' },
};

export const PROGRAM_KEYS = ['HSS_ES', 'HSS_RRH', 'NSO_SO', 'CCE_CE', 'SHD_ES'] as const;
/** Short program keys: owning org code and HUD project type abbreviation. */
export type ProgramKey = (typeof PROGRAM_KEYS)[number];

interface ProgramSeed {
  org: OrgCode;
  name: string;
  projectType: ProjectType;
  /** HUD 2.02 fields that depend on the project type. */
  descriptor?: Partial<Pick<Program, 'rrhSubType' | 'housingType' | 'targetPopulation'>>;
  operatingStartDate: string;
  funders: Array<{ funder: FunderSource; grantId: string; startDate: string; otherFunder?: string }>;
  inventory: Array<
    Pick<
      Inventory,
      'householdType' | 'bedType' | 'availability' | 'unitInventory' | 'bedInventory' | 'inventoryStartDate'
    >
  >;
}

const SHELTER_BEDS = { bedType: BedType.FACILITY_BASED, availability: InventoryAvailability.YEAR_ROUND };

const PROGRAMS: Record<ProgramKey, ProgramSeed> = {
  HSS_ES: {
    org: 'HSS',
    name: 'Hope Street Emergency Shelter',
    projectType: ProjectType.EMERGENCY_SHELTER_ENTRY_EXIT,
    descriptor: {
      housingType: HousingType.SITE_BASED_SINGLE_SITE,
      targetPopulation: TargetPopulation.NOT_APPLICABLE,
    },
    operatingStartDate: '2009-03-01',
    funders: [
      {
        funder: FunderSource.HUD_ESG_EMERGENCY_SHELTER_OPERATING_AND_OR_ESSENTIAL_SERVICES,
        grantId: 'E-23-UC-41-0004',
        startDate: '2023-07-01',
      },
      {
        funder: FunderSource.LOCAL_OR_OTHER_FUNDING_SOURCE,
        grantId: 'RIVERTON-GF-2023',
        otherFunder: 'City of Riverton General Fund',
        startDate: '2023-07-01',
      },
    ],
    // demo-scenario.md: the Main Building's 30 beds are this program's whole inventory.
    inventory: [
      {
        householdType: HouseholdType.HOUSEHOLDS_WITHOUT_CHILDREN,
        ...SHELTER_BEDS,
        unitInventory: 30,
        bedInventory: 30,
        inventoryStartDate: '2009-03-01',
      },
    ],
  },
  HSS_RRH: {
    org: 'HSS',
    name: 'Hope Street Rapid Rehousing',
    projectType: ProjectType.PH_RAPID_RE_HOUSING,
    descriptor: {
      rrhSubType: RrhSubType.RRH_HOUSING_WITH_OR_WITHOUT_SERVICES,
      housingType: HousingType.TENANT_BASED_SCATTERED_SITE,
      targetPopulation: TargetPopulation.NOT_APPLICABLE,
    },
    operatingStartDate: '2015-10-01',
    funders: [
      { funder: FunderSource.HUD_COC_RAPID_RE_HOUSING, grantId: 'OR0412L0E002315', startDate: '2024-01-01' },
    ],
    inventory: [
      {
        householdType: HouseholdType.HOUSEHOLDS_WITHOUT_CHILDREN,
        bedType: null,
        availability: null,
        unitInventory: 20,
        bedInventory: 20,
        inventoryStartDate: '2015-10-01',
      },
      {
        householdType: HouseholdType.HOUSEHOLDS_WITH_AT_LEAST_ONE_ADULT_AND_ONE_CHILD,
        bedType: null,
        availability: null,
        unitInventory: 12,
        bedInventory: 40,
        inventoryStartDate: '2015-10-01',
      },
    ],
  },
  NSO_SO: {
    org: 'NSO',
    name: 'Northside Street Outreach',
    projectType: ProjectType.STREET_OUTREACH,
    operatingStartDate: '2012-05-15',
    funders: [
      { funder: FunderSource.HUD_ESG_STREET_OUTREACH, grantId: 'E-23-UC-41-0009', startDate: '2023-07-01' },
    ],
    inventory: [],
  },
  CCE_CE: {
    org: 'CCE',
    name: 'County Coordinated Entry',
    projectType: ProjectType.COORDINATED_ENTRY,
    operatingStartDate: '2018-01-01',
    funders: [
      {
        funder: FunderSource.HUD_COC_SUPPORTIVE_SERVICES_ONLY,
        grantId: 'OR0588L0E002306',
        startDate: '2024-01-01',
      },
    ],
    inventory: [],
  },
  SHD_ES: {
    org: 'SHD',
    name: 'Safe Harbor Shelter',
    projectType: ProjectType.EMERGENCY_SHELTER_ENTRY_EXIT,
    descriptor: {
      housingType: HousingType.SITE_BASED_SINGLE_SITE,
      targetPopulation: TargetPopulation.DOMESTIC_VIOLENCE_VICTIMS,
    },
    operatingStartDate: '2004-09-01',
    funders: [
      {
        funder: FunderSource.HUD_ESG_EMERGENCY_SHELTER_OPERATING_AND_OR_ESSENTIAL_SERVICES,
        grantId: 'E-23-UC-41-0011',
        startDate: '2023-07-01',
      },
      {
        funder: FunderSource.LOCAL_OR_OTHER_FUNDING_SOURCE,
        grantId: 'VOCA-2024-117',
        otherFunder: 'Victims of Crime Act (VOCA) state grant',
        startDate: '2024-10-01',
      },
    ],
    inventory: [
      {
        householdType: HouseholdType.HOUSEHOLDS_WITH_AT_LEAST_ONE_ADULT_AND_ONE_CHILD,
        ...SHELTER_BEDS,
        unitInventory: 9,
        bedInventory: 24,
        inventoryStartDate: '2004-09-01',
      },
    ],
  },
};

export const RELEASE_NUMBERS = [1001, 1002, 1003, 1004] as const;
export type ReleaseNumber = (typeof RELEASE_NUMBERS)[number];

/** Information releases: start/end are days relative to today. */
const RELEASES: Record<
  ReleaseNumber,
  { name: string; comments: string; start: number; end: number | null; shares: Array<[OrgCode, OrgCode]> }
> = {
  1001: {
    name: 'Hope–Northside Data Sharing',
    comments: 'Bi-directional: shelter and outreach share UNRESTRICTED records.',
    start: -365,
    end: null,
    shares: [
      ['HSS', 'NSO'],
      ['NSO', 'HSS'],
    ],
  },
  1002: {
    name: 'Outreach to Coordinated Entry',
    comments: 'Outreach contacts flow to coordinated entry for prioritization.',
    start: -365,
    end: null,
    shares: [['NSO', 'CCE']],
  },
  1003: {
    name: 'Expired Pilot',
    comments: 'Shelter-to-CE pilot; ended, kept for history.',
    start: -400,
    end: -30,
    shares: [['HSS', 'CCE']],
  },
  // The HMIS Lead Agency holds releases from the participating agencies (never the victim
  // service provider), so its administrators resolve duplicates and merge what they can see.
  1004: {
    name: 'HMIS Lead data stewardship',
    comments: 'Participating agencies share UNRESTRICTED records with the HMIS Lead Agency (never SHD).',
    start: -365,
    end: null,
    shares: [
      ['HSS', 'ADM'],
      ['NSO', 'ADM'],
      ['CCE', 'ADM'],
    ],
  },
};

export interface DemoSetupIds {
  orgs: Record<OrgCode, number>;
  locations: Record<OrgCode, number>;
  programs: Record<ProgramKey, number>;
  workgroups: Record<WorkgroupName, number>;
  /** Information releases by number. */
  releases: Record<ReleaseNumber, number>;
  users: Record<DemoUsername, number>;
}

export async function seedDemoSetup(
  m: EntityManager,
  clock: SeedClock,
  passwordHash: string,
): Promise<DemoSetupIds> {
  const { today } = clock;
  const orgs = {} as Record<OrgCode, number>;
  const locations = {} as Record<OrgCode, number>;
  for (const code of ORG_CODES) {
    orgs[code] = await insertId(m, Organization, { code, ...ORGANIZATIONS[code] });
    const { city, state } = ORGANIZATIONS[code];
    locations[code] = await insertId(m, Location, {
      organizationId: orgs[code],
      ...LOCATIONS[code],
      city,
      state,
    });
  }
  await m.insert(RestrictionOption, [
    { organizationId: orgs.HSS, restriction: Restriction.RESTRICTED, enabled: true },
    { organizationId: orgs.HSS, restriction: Restriction.UNRESTRICTED, enabled: true },
  ]);

  const programs = {} as Record<ProgramKey, number>;
  for (const key of PROGRAM_KEYS) {
    const p = PROGRAMS[key];
    const id = await insertId(m, Program, {
      organizationId: orgs[p.org],
      name: p.name,
      projectType: p.projectType,
      cocCode: COC_CODE,
      operatingStartDate: p.operatingStartDate,
      ...p.descriptor,
    });
    programs[key] = id;
    await m.insert(
      Funder,
      p.funders.map((f) => ({ programId: id, otherFunder: null, ...f, endDate: null })),
    );
    if (p.inventory.length)
      await m.insert(
        Inventory,
        p.inventory.map((i) => ({
          programId: id,
          cocCode: COC_CODE,
          ...i,
          otherBedInventory: i.bedInventory,
        })),
      );
    await seedProjectDescriptors(m, key, id, p);
  }

  const workgroups = await ensureStandardWorkgroups(m);

  const releases = {} as Record<ReleaseNumber, number>;
  for (const number of RELEASE_NUMBERS) {
    const r = RELEASES[number];
    const id = await insertId(m, InformationRelease, {
      number,
      name: r.name,
      comments: r.comments,
      startDate: addDays(today, r.start),
      endDate: r.end === null ? null : addDays(today, r.end),
    });
    releases[number] = id;
    await m.insert(
      InformationReleaseShare,
      r.shares.map(([from, to]) => ({
        releaseId: id,
        fromOrganizationId: orgs[from],
        toOrganizationId: orgs[to],
      })),
    );
  }

  const users = await seedDemoUsers(m, { orgs, workgroups, clock, passwordHash });

  return { orgs, locations, programs, workgroups, releases, users };
}

/** HUD 2.03 site, 2.08 HMIS participation and 2.09 CE participation of each demo program. */
async function seedProjectDescriptors(m: EntityManager, key: ProgramKey, programId: number, p: ProgramSeed) {
  const org = ORGANIZATIONS[p.org];
  const site = LOCATIONS[p.org];
  await m.insert(ProjectCoc, {
    programId,
    cocCode: COC_CODE,
    geocode: '419001',
    // A victim service provider's site is confidential: no address leaves the HMIS.
    address1: site.address,
    city: site.address ? org.city : null,
    state: site.address ? org.state : null,
    zip: site.zip,
    geographyType: GeographyType.URBAN,
  });
  await m.insert(HmisParticipation, {
    programId,
    // Victim service providers enter their data in a comparable database, not the HMIS (VAWA).
    hmisParticipationType:
      p.org === 'SHD'
        ? HmisParticipationType.COMPARABLE_DATABASE_PARTICIPATING
        : HmisParticipationType.HMIS_PARTICIPATING,
    hmisParticipationStatusStartDate: p.operatingStartDate,
  });
  const ce = CE_PARTICIPATION[key];
  if (ce) await m.insert(CeParticipation, { programId, ...ce });
}

/** demo-scenario.md: County Coordinated Entry is the access point; Hope Street RRH takes CE referrals. */
const CE_PARTICIPATION: Partial<Record<ProgramKey, Partial<CeParticipation>>> = {
  CCE_CE: {
    accessPoint: NoYes.YES,
    preventionAssessment: NoYes.YES,
    crisisAssessment: NoYes.YES,
    housingAssessment: NoYes.YES,
    directServices: NoYes.NO,
    receivesReferrals: NoYes.NO,
    ceParticipationStatusStartDate: '2018-01-01',
  },
  HSS_RRH: {
    accessPoint: NoYes.NO,
    receivesReferrals: NoYes.YES,
    ceParticipationStatusStartDate: '2018-01-01',
  },
};
