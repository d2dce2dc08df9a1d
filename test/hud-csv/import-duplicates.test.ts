/**
 * Issue 16: the HUD CSV import reports likely duplicates of existing clients with the duplicate
 * matcher (ids, score and reasons only), never points at a victim service provider's client from
 * another organization's row, imports them as new clients anyway, audits the count, and checks a
 * batch of incoming clients with the same SQL statements whatever its size.
 *
 * The zip: the demo's Hope Street programs exported, with Client.csv and Enrollment.csv replaced by
 * the people under test (one Hope Street enrollment each) under another vendor's source id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDuplicates, importHudCsv, type ImportOptions } from '../../src/modules/hud-csv/import';
import { addDays } from '../../src/database/sql-time';
import { StatementLog } from '../bench/statement-log';
import { startTestApp, type TestApp } from '../support/app';
import { parseCsv, unzip } from './independent-checker';
import { zipStream } from '../../src/modules/hud-csv/zip-writer';

const statements = new StatementLog();
let app: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-hud-dup-'));
let template: Buffer;

interface Person {
  first: string;
  last: string;
  dob: string;
  ssn: string;
}

const ALEX: Person = { first: 'Alex', last: 'Rivera', dob: '1987-03-14', ssn: '412558291' };
const ROBIN: Person = { first: 'Robin', last: 'Hayes', dob: '1990-06-17', ssn: '541906723' };
const NOBODY: Person = { first: 'Quentin', last: 'Zabriskie', dob: '1961-11-02', ssn: '287650413' };

const csvLine = (fields: string[]) =>
  fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');

/** Files kept from the export as they are (organizations, projects and their descriptors). */
const KEPT = new Set([
  'Export.csv',
  'Organization.csv',
  'User.csv',
  'Project.csv',
  'Funder.csv',
  'ProjectCoC.csv',
  'Inventory.csv',
  'Affiliation.csv',
  'HMISParticipation.csv',
  'CEParticipation.csv',
]);

/** The export with Client.csv/Enrollment.csv holding `people` (PersonalID P1, P2, ...), other files empty. */
async function zipOf(name: string, people: Person[], source = 'OTHER-VENDOR'): Promise<string> {
  const files = new Map<string, string[][]>();
  for (const e of unzip(template))
    files.set(
      e.name,
      parseCsv(e.data.toString('utf8')).rows.filter((r) => r.length > 1 || r[0] !== ''),
    );
  const out = new Map<string, string[][]>();
  for (const [file, rows] of files) out.set(file, KEPT.has(file) ? rows : [rows[0]]);
  const exp = files.get('Export.csv')!;
  out.set('Export.csv', [exp[0], exp[1].map((v, i) => (exp[0][i] === 'SourceID' ? source : v))]);

  const [ch, crow] = files.get('Client.csv')!;
  const col = (h: string[], c: string) => {
    const i = h.indexOf(c);
    if (i < 0) throw new Error(`no column ${c}`);
    return i;
  };
  const clients = people.map((p, n) => {
    const r = [...crow];
    r[col(ch, 'PersonalID')] = `P${n + 1}`;
    r[col(ch, 'FirstName')] = p.first;
    r[col(ch, 'MiddleName')] = '';
    r[col(ch, 'LastName')] = p.last;
    r[col(ch, 'NameSuffix')] = '';
    r[col(ch, 'NameDataQuality')] = '1';
    r[col(ch, 'SSN')] = p.ssn;
    r[col(ch, 'SSNDataQuality')] = '1';
    r[col(ch, 'DOB')] = p.dob;
    r[col(ch, 'DOBDataQuality')] = '1';
    return r;
  });
  out.set('Client.csv', [ch, ...clients]);
  const [eh, erow] = files.get('Enrollment.csv')!;
  const enrollments = people.map((_p, n) => {
    const r = [...erow];
    r[col(eh, 'EnrollmentID')] = `E${n + 1}`;
    r[col(eh, 'PersonalID')] = `P${n + 1}`;
    r[col(eh, 'HouseholdID')] = `H${n + 1}`;
    r[col(eh, 'RelationshipToHoH')] = '1';
    r[col(eh, 'MoveInDate')] = '';
    return r;
  });
  out.set('Enrollment.csv', [eh, ...enrollments]);

  const chunks: Buffer[] = [];
  for await (const c of zipStream(
    [...out].map(([n, rows]) => ({
      name: n,
      data: [Buffer.from(rows.map(csvLine).join('\r\n') + '\r\n', 'utf8')],
    })),
  ))
    chunks.push(c);
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  userId: app.ids.users.admin,
  organizationId: null,
  dryRun: true,
  ...over,
});
const count = async (table: string) =>
  Number((await app.db.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  app = await startTestApp('hud_import_dup', { logger: statements });
  const { ids } = app;
  await app.db.ds.query(
    'INSERT INTO org_assignment (user_id, organization_id, can_login, can_edit, agency_lead) VALUES (?, ?, 1, 1, 0)',
    [ids.users.admin, ids.orgs.HSS],
  );
  const token = await app.api.loginAs('admin', { workgroup: 'System Administrators', org: 'HSS' });
  const res = await fetch(
    `${app.api.url}/exports/hud-csv?start=${addDays(ids.today, -365)}&end=${ids.today}&programIds=${ids.programs.HSS_ES}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(res.status).toBe(200);
  template = Buffer.from(await res.arrayBuffer());
}, 120_000);

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("an incoming row with Alex Rivera's DOB and SSN under another source id is reported with his Waypoint id and the reasons", async () => {
  const file = await zipOf('alex.zip', [NOBODY, ALEX]);
  const before = await count('client');
  const result = await importHudCsv(app.db.ds, file, options());
  expect(result.report.issues).toEqual([]);
  expect(result.duplicates.map((d) => [d.line, d.personalId])).toEqual([[3, 'P2']]);
  const [alex] = result.duplicates;
  expect(alex.matches[0]).toEqual({
    clientId: app.ids.clients['Alex Rivera'],
    score: 100,
    reasons: ['SSN_EXACT', 'DOB_EXACT', 'LAST_NAME_EXACT', 'FIRST_NAME_EXACT'],
  });
  // Alexander Rivera (Northside, same DOB and SSN) is the other likely match.
  expect(alex.matches.map((m) => m.clientId)).toEqual(
    expect.arrayContaining([app.ids.clients['Alexander Rivera']]),
  );
  expect(alex.matches.find((m) => m.clientId === app.ids.clients['Alexander Rivera'])!.reasons).toContain(
    'FIRST_NAME_NICKNAME',
  );
  expect(await count('client')).toBe(before);
});

test('the printed report names ids, scores and reasons, never a name, SSN or date of birth', async () => {
  const file = await zipOf('alex-robin.zip', [ALEX, ROBIN]);
  const result = await importHudCsv(app.db.ds, file, options());
  const text = formatDuplicates(result.duplicates, true).join('\n');
  expect(text).toContain(`client ${app.ids.clients['Alex Rivera']} score 100 (SSN_EXACT`);
  expect(text).toMatch(/mergeClients/);
  expect(text).toMatch(/as new clients/);
  for (const secret of [
    'Rivera',
    'Alex',
    'Hayes',
    'Robyn',
    'Robin',
    '412558291',
    '5582',
    '1987',
    '1990',
    '541906',
  ])
    expect(text).not.toContain(secret);
});

test('a row matching Robin Hayes (Safe Harbor, a victim service provider) never points at her Safe Harbor record', async () => {
  const file = await zipOf('robin.zip', [ROBIN]);
  const result = await importHudCsv(app.db.ds, file, options());
  const reported = result.duplicates.flatMap((d) => d.matches.map((m) => m.clientId));
  expect(reported).not.toContain(app.ids.clients['Robin Hayes']);
  // Robyn Hayes at Hope Street (not a VSP client) is a fair match for a Hope Street row.
  expect(reported).toContain(app.ids.clients['Robyn Hayes']);
});

test("the same row imported for Safe Harbor itself (--org SHD) is matched with Safe Harbor's client", async () => {
  const file = await zipOf('robin-shd.zip', [ROBIN]);
  const result = await importHudCsv(app.db.ds, file, options({ organizationId: app.ids.orgs.SHD }));
  const reported = result.duplicates.flatMap((d) => d.matches.map((m) => m.clientId));
  expect(reported).toContain(app.ids.clients['Robin Hayes']);
});

test('the check sends the same SQL statements for 1 and for 50 incoming clients', async () => {
  const people = (n: number): Person[] =>
    Array.from({ length: n }, (_v, i) =>
      i % 5 === 0
        ? ALEX
        : {
            first: `Name${String.fromCharCode(97 + (i % 26))}`,
            last: `Family${String.fromCharCode(97 + ((i * 7) % 26))}`,
            dob: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
            ssn: `${300000000 + i * 7919}`,
          },
    );
  const measure = async (n: number) => {
    const file = await zipOf(`many-${n}.zip`, people(n));
    statements.start();
    try {
      const result = await importHudCsv(app.db.ds, file, options());
      expect(result.report.issues).toEqual([]);
      return { result, list: statements.stop() };
    } finally {
      statements.stop();
    }
  };
  const one = await measure(1);
  const fifty = await measure(50);
  expect(one.result.duplicates).toHaveLength(1);
  expect(fifty.result.duplicates).toHaveLength(10);
  expect(fifty.list.length).toBe(one.list.length);
  expect(one.list.some((s) => /FROM client_match_key/.test(s))).toBe(true);
});

test('the import writes them as new clients, files them for later checks, and audits the count', async () => {
  const file = await zipOf('real.zip', [ALEX, ROBIN, NOBODY]);
  const before = await count('client');
  const result = await importHudCsv(app.db.ds, file, options({ dryRun: false }));
  expect(result.written['Client.csv']).toMatchObject({ created: 3 });
  expect(await count('client')).toBe(before + 3);
  expect(result.duplicates.length).toBe(2);
  const [event] = await app.db.ds.query(
    "SELECT after FROM audit_event WHERE operation = 'importHudCsv' AND user_id = ? ORDER BY id DESC LIMIT 1",
    [app.ids.users.admin],
  );
  const after = typeof event.after === 'string' ? JSON.parse(event.after) : event.after;
  expect(after.likelyDuplicates).toBe(2);
  const [{ waypoint_id: newAlex }] = await app.db.ds.query(
    "SELECT waypoint_id FROM hud_import_mapping WHERE source = 'OTHER-VENDOR' AND hud_file = 'Client.csv' AND hud_id = 'P1'",
  );
  // Same source again: the rows are mapped to their Waypoint clients, so they are not checked.
  const again = await importHudCsv(app.db.ds, await zipOf('again.zip', [ALEX]), options());
  expect(again.duplicates).toEqual([]);
  // A third source: the Alex just imported is filed under his blocking keys and found as well.
  const third = await importHudCsv(app.db.ds, await zipOf('third.zip', [ALEX], 'THIRD-VENDOR'), options());
  expect(third.duplicates[0].matches.map((m) => m.clientId)).toEqual(
    expect.arrayContaining([app.ids.clients['Alex Rivera'], Number(newAlex)]),
  );
});
