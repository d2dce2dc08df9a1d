/**
 * GET /exports/hud-csv (issue 12, access model §10): who may export, what is withheld from whom, and
 * that an export passes the independent checker. riley.reserve is made a data analyst whose workgroup
 * may run reports, so the export runs as a Shelter Reservation Team member (no full SSN, no date of
 * birth, no health answers) at Hope Street.
 */
import { addDays } from '../../src/database/sql-time';
import { DemoApp } from '../access/helpers';
import { checkHudCsvZip } from './independent-checker';

const demo = new DemoApp('hud_csv_export');

interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
}

async function get(path: string, token: string | null): Promise<Answer> {
  const res = await fetch(`${demo.api.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

const period = () => `start=${addDays(demo.ids.today, -365)}&end=${demo.ids.today}`;
const json = (a: Answer) => JSON.parse(a.body.toString('utf8'));

beforeAll(async () => {
  // riley.reserve as a data analyst: every workgroup built on HMIS Users holds report:run, and
  // the data-analysis role ceiling lets it through.
  await demo.exec('UPDATE app_user SET access_role = ? WHERE username = ?', [
    'AGENCY_STAFF_DATA_ANALYSIS',
    'riley.reserve',
  ]);
});

test('without a session the export is refused with a coded JSON error, before any zip byte', async () => {
  const a = await get(`/exports/hud-csv?${period()}`, null);
  expect(a.status).toBe(401);
  expect(json(a).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

test('sam.shelter (no report:run) is refused with FORBIDDEN', async () => {
  const sam = await demo.as('sam.shelter');
  const a = await get(`/exports/hud-csv?${period()}`, sam.token);
  expect(a.status).toBe(403);
  expect(a.headers.get('content-type')).toContain('application/json');
  expect(json(a).errors[0].extensions.code).toBe('FORBIDDEN');
});

test('a period whose start is after its end, or a date that is not one, is BAD_USER_INPUT', async () => {
  const riley = await demo.login('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
  const reversed = await get(`/exports/hud-csv?start=${demo.ids.today}&end=2020-01-01`, riley.token);
  expect([reversed.status, json(reversed).errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
  const bad = await get(`/exports/hud-csv?start=2026-02-30&end=2026-03-01`, riley.token);
  expect([bad.status, json(bad).errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
});

describe('riley.reserve (Shelter Reservation Team at HSS, data analyst) exports', () => {
  let answer: Answer;
  let tables: Record<string, Array<Record<string, string>>>;
  let problems: string[];
  beforeAll(async () => {
    const riley = await demo.login('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
    answer = await get(`/exports/hud-csv?${period()}`, riley.token);
    ({ tables, problems } = checkHudCsvZip(answer.body));
  });

  test('a zip that passes the independent checker', () => {
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    expect(problems).toEqual([]);
  });

  test('SSN and DOB are withheld: empty in every row, data quality as stored, HashStatus 1, named in the header', () => {
    const withheld = (answer.headers.get('waypoint-withheld-columns') ?? '').split(',');
    expect(withheld).toEqual(
      expect.arrayContaining(['Client.csv:SSN', 'Client.csv:DOB', 'IncomeBenefits.csv:EarnedAmount']),
    );
    expect(withheld).not.toContain('Client.csv:FirstName');
    expect(tables['Client.csv'].length).toBeGreaterThan(0);
    for (const c of tables['Client.csv']) {
      expect([c.PersonalID, c.SSN, c.DOB]).toEqual([c.PersonalID, '', '']);
      expect(c.SSNDataQuality).not.toBe('');
      expect(c.FirstName).not.toBe('');
    }
    expect(tables['Export.csv'][0]).toMatchObject({
      HashStatus: '1',
      ExportPeriodType: '3',
      ExportDirective: '2',
      SoftwareName: 'Waypoint',
      CSVVersion: 'FY2026',
    });
  });

  test('income amounts and disability answers are withheld, the fact they were asked is not', () => {
    const alexIncome = tables['IncomeBenefits.csv'].find(
      (r) => r.IncomeBenefitsID === String(demo.ids.incomeBenefits['Alex Rivera/ES']),
    );
    expect(alexIncome).toMatchObject({
      IncomeFromAnySource: '1',
      Earned: '1',
      EarnedAmount: '',
      TotalMonthlyIncome: '',
    });
    for (const d of tables['Disabilities.csv']) expect(d.DisabilityResponse).toBe('');
  });

  test("Safe Harbor's client and records never appear", () => {
    const robin = String(demo.ids.clients['Robin Hayes']);
    for (const [file, rows] of Object.entries(tables))
      for (const row of rows)
        if ('PersonalID' in row) expect([file, row.PersonalID]).not.toEqual([file, robin]);
    expect(tables['Organization.csv'].map((o) => o.OrganizationID)).not.toContain(String(demo.ids.orgs.SHD));
  });

  test('the audit names the export, its period, the withheld columns and the rows per file', async () => {
    const events = await demo.sql("SELECT * FROM audit_event WHERE operation = 'exportHudCsv' ORDER BY id");
    const after = events.map((e) => (typeof e.after === 'string' ? JSON.parse(e.after) : e.after));
    const started = after.find((a) => a.phase === 'started');
    const completed = after.find((a) => a.phase === 'completed');
    expect(started.withheldColumns).toEqual(expect.arrayContaining(['Client.csv:SSN', 'Client.csv:DOB']));
    expect(completed.counts['Client.csv']).toBe(tables['Client.csv'].length);
    expect(completed.withheldColumns).toEqual(started.withheldColumns);
    const ids = events
      .filter((_e, i) => after[i].phase === 'completed')
      .flatMap((e) => (typeof e.client_ids === 'string' ? JSON.parse(e.client_ids) : e.client_ids));
    expect(ids.sort()).toEqual(tables['Client.csv'].map((c) => Number(c.PersonalID)).sort());
  });
});

test('a program filter exports only that program and its organization', async () => {
  const riley = await demo.login('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
  const a = await get(`/exports/hud-csv?${period()}&programIds=${demo.ids.programs.HSS_ES}`, riley.token);
  const { tables, problems } = checkHudCsvZip(a.body);
  expect(problems).toEqual([]);
  expect(tables['Project.csv'].map((p) => p.ProjectID)).toEqual([String(demo.ids.programs.HSS_ES)]);
  for (const e of tables['Enrollment.csv']) expect(e.ProjectID).toBe(String(demo.ids.programs.HSS_ES));
});

test('hudCsvExportInfo names the URL and the columns withheld from this session; without report:run it is FORBIDDEN', async () => {
  const riley = await demo.login('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
  const { hudCsvExportInfo } = await riley.ok('{ hudCsvExportInfo { url withheldColumns } }');
  expect(hudCsvExportInfo.url).toBe('/exports/hud-csv');
  expect(hudCsvExportInfo.withheldColumns).toEqual(
    expect.arrayContaining(['Client.csv:SSN', 'Client.csv:DOB']),
  );
  const err = await (await demo.as('sam.shelter')).error('{ hudCsvExportInfo { url } }');
  expect(err.code).toBe('FORBIDDEN');
});

test('a value starting with = is HUD data and written as stored; spreadsheetSafe=true prefixes it with a quote', async () => {
  const alex = demo.ids.clients['Alex Rivera'];
  await demo.exec('UPDATE client SET middle_name = ? WHERE id = ?', ['=HYPERLINK("http://x")', alex]);
  const riley = await demo.login('riley.reserve', { workgroup: 'Shelter Reservation Team', org: 'HSS' });
  const middle = async (extra: string) => {
    const { tables } = checkHudCsvZip((await get(`/exports/hud-csv?${period()}${extra}`, riley.token)).body);
    return tables['Client.csv'].find((c) => c.PersonalID === String(alex))!.MiddleName;
  };
  expect(await middle('')).toBe('=HYPERLINK("http://x")');
  expect(await middle('&spreadsheetSafe=true')).toBe('\'=HYPERLINK("http://x")');
  await demo.exec('UPDATE client SET middle_name = NULL WHERE id = ?', [alex]);
});

test("an enrollment is exported only with its client: a restrict-intake client's shared enrollment stays out", async () => {
  // Jordan Lee (Hope Street, restrict intake): her enrollment made UNRESTRICTED is visible to
  // Northside through release 1001, she herself is not; HUD's files must not name her PersonalID.
  const jordan = String(demo.ids.clients['Jordan Lee']);
  await demo.exec("UPDATE enrollment SET restriction = 'UNRESTRICTED' WHERE id = ?", [
    demo.ids.enrollments['Jordan Lee/ES'],
  ]);
  const dara = await demo.login('dara.data');
  const answer = await get(`/exports/hud-csv?${period()}`, dara.token);
  expect(answer.status).toBe(200);
  const { tables, problems } = checkHudCsvZip(answer.body);
  expect(problems).toEqual([]);
  expect(tables['Enrollment.csv'].length).toBeGreaterThan(0);
  for (const [file, rows] of Object.entries(tables))
    for (const row of rows)
      if ('PersonalID' in row) expect([file, row.PersonalID]).not.toEqual([file, jordan]);
});
