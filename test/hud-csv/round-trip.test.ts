/**
 * Issue 12 round trip: export Hope Street's programs as an administrator working at Hope Street (full
 * field rights), import the zip into an empty migrated database, export again from there: the files
 * Waypoint imports are equal row for row apart from ExportID/ExportDate and the generated ids. Then
 * re-importing the same zip changes nothing, and a zip that is not one, or with a bad code, writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AccessContext } from '../../src/access/access-context';
import { AccessRole } from '../../src/access/access-role';
import { ALL_CAPABILITIES } from '../../src/access/capabilities';
import { hudCsvExport, type HudExportRequest } from '../../src/modules/hud-csv/export';
import { IMPORTED_FILES, importHudCsv } from '../../src/modules/hud-csv/import';
import { Organization } from '../../src/modules/organization/organization.entity';
import { User } from '../../src/modules/security/user.entity';
import { UserStatus } from '../../src/modules/security/user.entity';
import { addDays } from '../../src/database/sql-time';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { DemoApp } from '../access/helpers';
import { checkHudCsvZip, parseCsv, unzip } from './independent-checker';

const demo = new DemoApp('hud_round_trip');
let target: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-hud-rt-'));
let first: Buffer;
let second: Buffer;
let importerId: number;

/** Rows of a file without its id columns (generated on import) and the export's own stamp. */
function comparable(zip: Buffer, file: string): string[] {
  const entry = unzip(zip).find((e) => e.name === file)!;
  const [header, ...rows] = parseCsv(entry.data.toString('utf8')).rows.filter(
    (r) => r.length > 1 || r[0] !== '',
  );
  const keep = header.map((h, i) => [h, i] as const).filter(([h]) => !/ID$/.test(h) && h !== 'ExportDate');
  return rows.map((r) => keep.map(([h, i]) => `${h}=${r[i]}`).join('|')).sort();
}

beforeAll(async () => {
  const { ids } = demo;
  // The administrator works at Hope Street for this export (System Administrators hold every capability).
  await demo.exec(
    'INSERT INTO org_assignment (user_id, organization_id, can_login, can_edit, agency_lead) VALUES (?, ?, 1, 1, 0)',
    [ids.users.admin, ids.orgs.HSS],
  );
  const admin = await demo.login('admin', { workgroup: 'System Administrators', org: 'HSS' });
  const programs = [ids.programs.HSS_ES, ids.programs.HSS_RRH].join(',');
  const res = await fetch(
    `${demo.api.url}/exports/hud-csv?start=${addDays(ids.today, -365)}&end=${ids.today}&programIds=${programs}`,
    { headers: { authorization: `Bearer ${admin.token}` } },
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('waypoint-withheld-columns')).toBe('');
  first = Buffer.from(await res.arrayBuffer());
  fs.writeFileSync(path.join(dir, 'first.zip'), first);

  target = await createTestDatabase('hud_round_trip_target');
  importerId = Number(
    (
      await target.ds.getRepository(User).insert({
        username: 'importer',
        passwordHash: 'x',
        status: UserStatus.ACTIVE,
        accessRole: AccessRole.SYSTEM_ADMINISTRATOR,
      })
    ).identifiers[0].id,
  );
  const result = await importHudCsv(target.ds, path.join(dir, 'first.zip'), {
    userId: importerId,
    organizationId: null,
    dryRun: false,
  });
  expect(result.report.issues).toEqual([]);

  const hss = await target.ds.getRepository(Organization).findOneByOrFail({ code: 'HSS' });
  const access = new AccessContext({
    sessionId: 0,
    userId: importerId,
    username: 'importer',
    assignedRole: AccessRole.SYSTEM_ADMINISTRATOR,
    agreementAccepted: true,
    mustChangePassword: false,
    selectedWorkgroupId: 1,
    selectedOrganizationId: hss.id,
    workgroupIds: [1],
    workgroupCapabilities: [...ALL_CAPABILITIES],
    assignments: [{ organizationId: hss.id, canLogin: true, canEdit: true, agencyLead: false }],
    sharingOrganizationIds: [],
    missingTrainings: [],
    today: ids.today,
  });
  const request: HudExportRequest = {
    start: addDays(ids.today, -365),
    end: ids.today,
    programIds: null,
    includeDeleted: false,
    spreadsheetSafe: false,
  };
  const chunks: Buffer[] = [];
  for await (const c of hudCsvExport(target.ds, access, request, { id: 'HSS', name: hss.name }).stream)
    chunks.push(c);
  second = Buffer.concat(chunks);
}, 120_000);

afterAll(async () => {
  await target?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('both exports pass the independent checker', () => {
  expect(checkHudCsvZip(first).problems).toEqual([]);
  expect(checkHudCsvZip(second).problems).toEqual([]);
});

test.each(IMPORTED_FILES)('%s is equal after export, import and export, apart from ids', (file) => {
  const before = comparable(first, file);
  expect(comparable(second, file)).toEqual(before);
});

test('the first export is not empty (the comparison compares something)', () => {
  expect(comparable(first, 'Client.csv').length).toBeGreaterThan(5);
  expect(comparable(first, 'Services.csv').length).toBeGreaterThan(20);
  expect(comparable(first, 'IncomeBenefits.csv').length).toBeGreaterThan(0);
});

test('importing the same zip again changes nothing', async () => {
  const counts = async () =>
    Promise.all(
      ['client', 'enrollment', 'service', 'income_benefits'].map(
        async (t) => (await target.ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n,
      ),
    );
  const before = await counts();
  const again = await importHudCsv(target.ds, path.join(dir, 'first.zip'), {
    userId: importerId,
    organizationId: null,
    dryRun: false,
  });
  for (const c of Object.values(again.written)) expect([c.created, c.updated]).toEqual([0, 0]);
  expect(await counts()).toEqual(before);
});

test('a file that is not a zip is refused with a clear message, and nothing is written', async () => {
  const bad = path.join(dir, 'bad.zip');
  fs.writeFileSync(bad, 'Client.csv,PersonalID\r\n');
  await expect(
    importHudCsv(target.ds, bad, { userId: importerId, organizationId: null, dryRun: false }),
  ).rejects.toThrow(/is not a zip archive/);
});
