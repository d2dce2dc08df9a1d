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
import { checkClientReach } from '../../src/access/reach';
import { hudCsvExport, type HudExportRequest } from '../../src/modules/hud-csv/export';
import { IMPORTED_FILES, importHudCsv } from '../../src/modules/hud-csv/import';
import { zipStream } from '../../src/modules/hud-csv/zip-writer';
import { Organization } from '../../src/modules/organization/organization.entity';
import { User } from '../../src/modules/users/user.entity';
import { UserStatus } from '../../src/modules/users/user.entity';
import { addDays } from '../../src/database/sql-time';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { DemoApp } from '../access/helpers';
import { StatementLog } from '../bench/statement-log';
import { checkHudCsvZip, parseCsv, unzip } from './independent-checker';

const demo = new DemoApp('hud_round_trip');
let target: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-hud-rt-'));
let first: Buffer;
let second: Buffer;
let importerId: number;
/** The statements of the first import. */
const statements = new StatementLog();
let firstImport: string[] = [];

/** The header and rows of a file of a zip. */
function csvOf(zip: Buffer, file: string): { header: string[]; rows: string[][] } {
  const entry = unzip(zip).find((e) => e.name === file)!;
  const [header, ...rows] = parseCsv(entry.data.toString('utf8')).rows.filter(
    (r) => r.length > 1 || r[0] !== '',
  );
  return { header, rows };
}

/** Rows of a file without its id columns (generated on import) and the export's own stamp. */
function comparable(zip: Buffer, file: string): string[] {
  const { header, rows } = csvOf(zip, file);
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

  target = await createTestDatabase('hud_round_trip_target', { logger: statements });
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
  statements.start();
  const result = await importHudCsv(target.ds, path.join(dir, 'first.zip'), {
    userId: importerId,
    organizationId: null,
    dryRun: false,
  });
  firstImport = statements.stop();
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

test('each imported record is the one its row describes, under the records its row names', async () => {
  // The comparison above leaves ids out; here they count: a record inserted together with the
  // other new rows of its batch must be mapped to its own row, and its parent to its parent's.
  const mapped = new Map<string, number>();
  for (const r of await target.ds.query('SELECT hud_file, hud_id, waypoint_id FROM hud_import_mapping'))
    mapped.set(`${r.hud_file}|${r.hud_id}`, Number(r.waypoint_id));
  const checks = [
    { file: 'Client.csv', table: 'client', id: 'PersonalID', column: 'first_name', field: 'FirstName' },
    {
      file: 'Enrollment.csv',
      table: 'enrollment',
      id: 'EnrollmentID',
      column: 'entry_date',
      field: 'EntryDate',
      parent: { column: 'client_id', file: 'Client.csv', id: 'PersonalID' },
    },
    {
      file: 'Services.csv',
      table: 'service',
      id: 'ServicesID',
      column: 'date_provided',
      field: 'DateProvided',
      parent: { column: 'enrollment_id', file: 'Enrollment.csv', id: 'EnrollmentID' },
    },
    {
      // The widest record: its batch is split over several INSERTs when large.
      file: 'IncomeBenefits.csv',
      table: 'income_benefits',
      id: 'IncomeBenefitsID',
      column: 'information_date',
      field: 'InformationDate',
      parent: { column: 'enrollment_id', file: 'Enrollment.csv', id: 'EnrollmentID' },
    },
  ];
  for (const c of checks) {
    const { header, rows } = csvOf(first, c.file);
    expect(rows.length).toBeGreaterThan(0);
    const at = (name: string) => header.indexOf(name);
    const records = new Map<number, { v: unknown; p: unknown }>(
      (
        await target.ds.query(
          `SELECT id, ${c.column} AS v${c.parent ? `, ${c.parent.column} AS p` : ''} FROM ${c.table}`,
        )
      ).map((r: { id: number; v: unknown; p: unknown }) => [Number(r.id), r]),
    );
    for (const row of rows) {
      const record = records.get(mapped.get(`${c.file}|${row[at(c.id)]}`)!);
      expect({ file: c.file, id: row[at(c.id)], value: String(record?.v ?? '').slice(0, 10) }).toEqual({
        file: c.file,
        id: row[at(c.id)],
        value: row[at(c.field)],
      });
      if (c.parent) expect(Number(record!.p)).toBe(mapped.get(`${c.parent.file}|${row[at(c.parent.id)]}`));
    }
  }
});

test('every imported client has the reach its records give it, and each reach set counts its clients', async () => {
  const [{ n }] = await target.ds.query('SELECT COUNT(*) AS n FROM client_reach');
  expect(Number(n)).toBe(csvOf(first, 'Client.csv').rows.length);
  expect(await checkClientReach(target.ds.manager)).toEqual([]);
});

test("a batch's new records are written by one INSERT per table, and their mappings by one more", () => {
  const inserts = (table: string) =>
    firstImport.filter((s) => new RegExp(`^INSERT INTO [\`"]${table}[\`"]`).test(s)).length;
  const services = csvOf(first, 'Services.csv').rows.length;
  expect(services).toBeGreaterThan(20);
  expect(services).toBeLessThanOrEqual(500);
  // MySQL (a mysql:// URL) does not say which ids a multi-row INSERT took: a row an INSERT there.
  const perRow = target.ds.options.type === 'mysql';
  expect([inserts('service'), inserts('enrollment')]).toEqual(
    perRow ? [services, csvOf(first, 'Enrollment.csv').rows.length] : [1, 1],
  );
  // Organizations and projects are written one by one (a few of each); other files once a batch.
  const oneByOne = csvOf(first, 'Organization.csv').rows.length + csvOf(first, 'Project.csv').rows.length;
  expect(inserts('hud_import_mapping')).toBeLessThanOrEqual(oneByOne + IMPORTED_FILES.length);
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

describe('a bad zip: a report by file, line and column, and nothing written', () => {
  /** The first export with `edit` applied to one file's text, re-zipped. */
  async function variant(name: string, edit: (files: Map<string, string>) => void): Promise<string> {
    const files = new Map(unzip(first).map((e) => [e.name, e.data.toString('utf8')]));
    edit(files);
    const chunks: Buffer[] = [];
    for await (const c of zipStream(
      [...files].map(([n, text]) => ({ name: n, data: [Buffer.from(text, 'utf8')] })),
    ))
      chunks.push(c);
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.concat(chunks));
    return file;
  }
  const counts = async () =>
    Promise.all(
      ['client', 'enrollment', 'service', 'hud_import_mapping'].map(
        async (t) => (await target.ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n,
      ),
    );
  const run = (file: string) =>
    importHudCsv(target.ds, file, { userId: importerId, organizationId: null, dryRun: false });

  test('a bad code in Client.csv (Sex 7), a missing file and a wrong header are each named', async () => {
    const before = await counts();
    const file = await variant('bad.zip', (files) => {
      const lines = files.get('Client.csv')!.split('\r\n');
      const header = lines[0].split(',');
      const sex = header.indexOf('Sex');
      // Also turn one client's first row into a brand-new client, so a write would show in the counts.
      const row = lines[1].split(',');
      row[0] = '999999';
      row[sex] = '7';
      lines.splice(2, 0, row.join(','));
      files.set('Client.csv', lines.join('\r\n'));
      files.delete('Funder.csv');
      files.set('Exit.csv', files.get('Exit.csv')!.replace(/^ExitID,EnrollmentID/, 'ExitID,EnrolmentID'));
    });
    const result = await run(file);
    const issues = result.report.issues.map((i) => `${i.file}:${i.line}:${i.column ?? ''}`);
    expect(issues).toEqual(expect.arrayContaining(['Client.csv:3:Sex', 'Funder.csv:0:', 'Exit.csv:1:']));
    expect(result.written).toEqual({});
    expect(await counts()).toEqual(before);
  });

  test('an enrollment of a client missing from Client.csv is refused as a reference problem', async () => {
    const before = await counts();
    const file = await variant('orphan.zip', (files) => {
      const lines = files.get('Enrollment.csv')!.split('\r\n');
      const row = lines[1].split(',');
      row[0] = '888888';
      row[1] = '777777';
      lines.splice(2, 0, row.join(','));
      files.set('Enrollment.csv', lines.join('\r\n'));
    });
    const result = await run(file);
    expect(
      result.report.issues.some(
        (i) => i.file === 'Enrollment.csv' && i.line === 3 && i.column === 'PersonalID',
      ),
    ).toBe(true);
    expect(await counts()).toEqual(before);
  });

  test('a row with a newer DateUpdated updates its record; older rows stay unchanged', async () => {
    const file = await variant('newer.zip', (files) => {
      const lines = files.get('Client.csv')!.split('\r\n');
      const header = lines[0].split(',');
      const row = lines[1].split(',');
      row[header.indexOf('FirstName')] = 'Renamed';
      row[header.indexOf('DateUpdated')] = '2099-01-01 00:00:00';
      lines[1] = row.join(',');
      files.set('Client.csv', lines.join('\r\n'));
    });
    const before = await counts();
    const result = await run(file);
    expect(result.written['Client.csv']).toMatchObject({ created: 0, updated: 1 });
    expect(result.written['Enrollment.csv']).toMatchObject({ created: 0, updated: 0 });
    expect(await counts()).toEqual(before);
    const [{ n }] = await target.ds.query("SELECT COUNT(*) AS n FROM client WHERE first_name = 'Renamed'");
    expect(Number(n)).toBe(1);
  });

  test('an archive whose files declare more than the limit is refused before anything is read', async () => {
    const big = Buffer.from(first);
    // Declare 3 GB uncompressed for the first entry of the central directory.
    const at = big.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    big.writeUInt32LE(3_000_000_000, at + 24);
    const file = path.join(dir, 'big.zip');
    fs.writeFileSync(file, big);
    await expect(run(file)).rejects.toThrow(/declare more than/);
  });
});

test('the import is audited as the administrator, naming the clients it wrote', async () => {
  const [event] = await target.ds.query(
    "SELECT * FROM audit_event WHERE operation = 'importHudCsv' AND user_id = ? ORDER BY id LIMIT 1",
    [importerId],
  );
  expect(event).toBeDefined();
  const ids = typeof event.client_ids === 'string' ? JSON.parse(event.client_ids) : event.client_ids;
  expect(ids.length).toBe(comparable(first, 'Client.csv').length);
});
