/**
 * HUD CSV row mappers (pure, no authorization): each maps Waypoint's fields to HUD's columns, and the
 * whole demo database mapped and zipped passes the independent checker. This is NOT the export: it
 * reads every row without the read policy, to test the mappers and the machinery together.
 */
import { DemoApp } from '../access/helpers';
import { FIELD_RULES } from '../../src/access/permissions';
import { DataCollectionStage, LivingSituation, RaceEthnicity, RentalSubsidyType } from '../../src/hud';
import { HUD_CSV_FILES, hudColumns } from '../../src/modules/hud-csv/columns';
import { csvFile } from '../../src/modules/hud-csv/csv-writer';
import {
  ROW_MAPPERS,
  clientRow,
  exitRow,
  exportRow,
  healthAndDvRow,
  userRow,
} from '../../src/modules/hud-csv/row-mappers';
import { zipStream } from '../../src/modules/hud-csv/zip-writer';
import type { Client } from '../../src/modules/client/client.entity';
import type { Exit } from '../../src/modules/enrollment/exit.entity';
import type { HealthAndDv } from '../../src/modules/transaction/health-and-dv.entity';
import type { User } from '../../src/modules/users/user.entity';
import { Organization } from '../../src/modules/organization/organization.entity';
import { Program } from '../../src/modules/program/program.entity';
import { Client as ClientEntity } from '../../src/modules/client/client.entity';
import { Enrollment } from '../../src/modules/enrollment/enrollment.entity';
import { Exit as ExitEntity } from '../../src/modules/enrollment/exit.entity';
import { Service } from '../../src/modules/transaction/service.entity';
import { CurrentLivingSituation } from '../../src/modules/transaction/current-living-situation.entity';
import { Assessment } from '../../src/modules/transaction/assessment.entity';
import { CeEvent } from '../../src/modules/transaction/ce-event.entity';
import { HealthAndDv as HealthAndDvEntity } from '../../src/modules/transaction/health-and-dv.entity';
import { Funder } from '../../src/modules/program/funder.entity';
import { Inventory } from '../../src/modules/program/inventory.entity';
import { ProjectCoc } from '../../src/modules/program/project-coc.entity';
import { Affiliation } from '../../src/modules/program/affiliation.entity';
import { HmisParticipation } from '../../src/modules/program/hmis-participation.entity';
import { CeParticipation } from '../../src/modules/program/ce-participation.entity';
import { User as UserEntity } from '../../src/modules/users/user.entity';
import { checkHudCsvZip, unzip } from './independent-checker';
import { HudCsvValidator, VALIDATION_ORDER } from '../../src/modules/hud-csv/csv-validator';

const ctx = { exportId: 'EXP1' };
const stamps = {
  createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  updatedAt: new Date(Date.UTC(2026, 1, 3, 4, 5, 6)),
  dateDeleted: null,
  createdById: 7,
  updatedById: 8,
};

describe('Client.csv', () => {
  const client = {
    id: 42,
    firstName: '=Ann',
    middleName: null,
    lastName: 'Lee',
    nameSuffix: null,
    nameDataQuality: 1,
    ssn: '123456789',
    ssnDataQuality: 1,
    dob: '1980-05-06',
    dobDataQuality: 1,
    sex: 0,
    raceEthnicity: [RaceEthnicity.WHITE, RaceEthnicity.HISPANIC_LATINA_E_O],
    veteranStatus: 1,
    yearEnteredService: 1999,
    yearSeparated: 2004,
    worldWarII: 0,
    koreanWar: 0,
    vietnamWar: 0,
    desertStorm: 0,
    afghanistanOEF: 1,
    iraqOIF: 1,
    iraqOND: 0,
    otherTheater: null,
    militaryBranch: 1,
    dischargeStatus: 1,
    ...stamps,
  } as unknown as Client;

  test('maps names, SSN, DOB, Sex, each race to its 0/1 column and V1 to its columns', () => {
    expect(clientRow.map(client, ctx)).toMatchObject({
      PersonalID: '42',
      FirstName: '=Ann',
      LastName: 'Lee',
      SSN: '123456789',
      DOB: '1980-05-06',
      Sex: 0,
      White: 1,
      HispanicLatinao: 1,
      Asian: 0,
      RaceNone: null,
      VeteranStatus: 1,
      YearEnteredService: 1999,
      YearSeparated: 2004,
      AfghanistanOEF: 1,
      IraqOIF: 1,
      OtherTheater: null,
      MilitaryBranch: 1,
      DischargeStatus: 1,
      DateCreated: '2026-01-02 03:04:05',
      DateUpdated: '2026-02-03 04:05:06',
      UserID: '8',
      DateDeleted: null,
      ExportID: 'EXP1',
    });
  });

  test('a reason for missing race goes to RaceNone with every race 0; none recorded is 99', () => {
    const refused = clientRow.map(
      { ...client, raceEthnicity: [RaceEthnicity.CLIENT_PREFERS_NOT_TO_ANSWER] } as Client,
      ctx,
    );
    expect([refused.RaceNone, refused.White, refused.Asian]).toEqual([9, 0, 0]);
    expect(clientRow.map({ ...client, raceEthnicity: null } as Client, ctx).RaceNone).toBe(99);
  });

  test('every Client field guarded by a field rule is the source of the columns it fills', () => {
    const guarded = Object.keys(FIELD_RULES.Client).filter((f) => f !== 'enrollments');
    const sources = new Set(Object.values(clientRow.sources));
    expect(guarded.filter((f) => !sources.has(f))).toEqual([]);
    for (const column of Object.keys(clientRow.sources)) expect(hudColumns('Client.csv')).toContain(column);
  });
});

test('Exit.csv carries the destination subsidy type', () => {
  const exit = {
    id: 5,
    enrollmentId: 9,
    clientId: 42,
    exitDate: '2026-03-01',
    destination: LivingSituation.RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY,
    destinationSubsidyType: RentalSubsidyType.RRH_OR_EQUIVALENT_SUBSIDY,
    ...stamps,
  } as unknown as Exit;
  expect(exitRow.map(exit, ctx)).toMatchObject({
    ExitID: '5',
    EnrollmentID: '9',
    PersonalID: '42',
    ExitDate: '2026-03-01',
    Destination: 435,
    DestinationSubsidyType: 431,
  });
});

test('HealthAndDV.csv: every answer guarded by health:read is a source, and the stage is written', () => {
  const h = {
    id: 1,
    enrollmentId: 2,
    clientId: 3,
    informationDate: '2026-01-01',
    domesticViolenceSurvivor: 1,
    whenOccurred: 1,
    currentlyFleeing: 0,
    generalHealthStatus: 3,
    dataCollectionStage: DataCollectionStage.PROJECT_START,
    ...stamps,
  } as unknown as HealthAndDv;
  expect(healthAndDvRow.map(h, ctx)).toMatchObject({ DomesticViolenceSurvivor: 1, DataCollectionStage: 1 });
  expect(Object.values(healthAndDvRow.sources).sort()).toEqual(Object.keys(FIELD_RULES.HealthAndDv).sort());
});

test('User.csv splits the display name into first and last name', () => {
  const u = { id: 3, username: 'sam.shelter', displayName: 'Sam van Whitaker', ...stamps } as unknown as User;
  expect(userRow.map(u, ctx)).toEqual({
    UserID: '3',
    UserFirstName: 'Sam',
    UserLastName: 'van Whitaker',
    DateCreated: '2026-01-02 03:04:05',
    DateUpdated: '2026-02-03 04:05:06',
    ExportID: 'EXP1',
  });
});

describe('the demo database, mapped and zipped', () => {
  const demo = new DemoApp('hud-csv-mappers');

  test('passes the independent checker (24 files, headers, formats, code lists, references)', async () => {
    const ds = demo.app.db.ds;
    const load = (entity: new () => object) =>
      ds.getRepository(entity).find({ order: { id: 'ASC' } as never });
    const tables: Record<string, object[]> = {
      'Organization.csv': await load(Organization),
      'Project.csv': await load(Program),
      'Client.csv': await load(ClientEntity),
      'Enrollment.csv': await load(Enrollment),
      'Exit.csv': await load(ExitEntity),
      'Services.csv': await load(Service),
      'CurrentLivingSituation.csv': await load(CurrentLivingSituation),
      'Assessment.csv': await load(Assessment),
      'Event.csv': await load(CeEvent),
      'HealthAndDV.csv': await load(HealthAndDvEntity),
      'Funder.csv': await load(Funder),
      'Inventory.csv': await load(Inventory),
      'ProjectCoC.csv': await load(ProjectCoc),
      'Affiliation.csv': await load(Affiliation),
      'HMISParticipation.csv': await load(HmisParticipation),
      'CEParticipation.csv': await load(CeParticipation),
      'User.csv': await load(UserEntity),
    };
    const info = {
      exportId: 'EXP1',
      sourceType: 1 as const,
      sourceId: 'XX-500',
      sourceName: 'Waypoint demo',
      exportDate: new Date(),
      exportStartDate: '2025-01-01',
      exportEndDate: '2026-12-31',
      softwareName: 'Waypoint',
      softwareVersion: '0.1.0',
      csvVersion: 'FY2026',
      exportPeriodType: 3 as const,
      exportDirective: 2 as const,
      hashStatus: 1 as const,
      implementationId: null,
    };
    const entries = HUD_CSV_FILES.map((f) => {
      const mapper = (ROW_MAPPERS as Record<string, { map(r: object, c: typeof ctx): object }>)[f.name];
      const rows =
        f.name === 'Export.csv'
          ? [exportRow(info)]
          : mapper
            ? (tables[f.name] ?? []).map((r) => mapper.map(r, ctx))
            : [];
      return { name: f.name, data: csvFile(f.columns, rows as never) };
    });
    const parts: Buffer[] = [];
    for await (const chunk of zipStream(entries)) parts.push(chunk);
    // The import validator accepts what the mappers write (the round trip's first half).
    const files = new Map(unzip(Buffer.concat(parts)).map((e) => [e.name, e.data]));
    const validator = new HudCsvValidator();
    for (const name of VALIDATION_ORDER) await validator.validateFile(name, [files.get(name)!]);
    expect(validator.report.issues).toEqual([]);
    const { problems, tables: read } = checkHudCsvZip(Buffer.concat(parts));
    expect(problems).toEqual([]);
    expect(read['Client.csv'].length).toBe(tables['Client.csv'].length);
    expect(read['Services.csv'].length).toBeGreaterThan(0);
    expect(
      read['Inventory.csv']
        .filter((r) => r.ProjectID === String(demo.ids.programs.HSS_ES))
        .map((r) => r.BedInventory),
    ).toEqual(['30']);
  });
});
