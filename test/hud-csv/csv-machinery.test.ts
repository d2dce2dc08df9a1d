/**
 * The HUD CSV machinery of src/modules/hud-csv (no authorization yet): the CSV writer, the zip writer,
 * the CSV reader and the import validator, each rule a test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUD_CSV_FILES, hudColumns } from '../../src/modules/hud-csv/columns';
import { csvField, csvFile, csvLine, hudDate, hudDateTime } from '../../src/modules/hud-csv/csv-writer';
import { readCsv } from '../../src/modules/hud-csv/csv-reader';
import { HudCsvValidator, VALIDATION_ORDER } from '../../src/modules/hud-csv/csv-validator';
import { zipStream } from '../../src/modules/hud-csv/zip-writer';
import { specFiles, unzip } from './independent-checker';

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

async function records(text: string | Buffer[], maxRecordChars?: number) {
  const out = [];
  for await (const r of readCsv(typeof text === 'string' ? [text] : text, { maxRecordChars })) out.push(r);
  return out;
}

describe('the 24 files and their headers', () => {
  test('are the shared columns file, in order, column for column', () => {
    expect(HUD_CSV_FILES.map((f) => ({ name: f.name, columns: [...f.columns] }))).toEqual(
      specFiles().map((f) => ({ name: f.name, columns: f.columns })),
    );
    expect(HUD_CSV_FILES[0].name).toBe('Export.csv');
    expect(hudColumns('Client.csv')).toContain('HispanicLatinao');
  });
});

describe('CSV writer', () => {
  test('dates are YYYY-MM-DD and timestamps YYYY-MM-DD HH:MM:SS', () => {
    expect(hudDate('2026-03-04')).toBe('2026-03-04');
    expect(hudDate(new Date(Date.UTC(2026, 2, 4, 23, 59)))).toBe('2026-03-04');
    expect(hudDateTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe('2026-01-02 03:04:05');
    expect(hudDateTime('2026-01-02 03:04:05.123456')).toBe('2026-01-02 03:04:05');
    expect(hudDate(null)).toBeNull();
  });

  test('lines end with CRLF; empty values are written as nothing', () => {
    expect(csvLine(['a', 1, null, undefined, ''])).toBe('a,1,,,\r\n');
  });

  test('a value with a comma, a quote, a line break or edge spaces is quoted, its quotes doubled', () => {
    expect(csvField('Smith, Jr.')).toBe('"Smith, Jr."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField("O'Brien")).toBe("O'Brien");
    expect(csvField('Zoë')).toBe('Zoë');
  });

  test('values starting with =, +, -, @ are HUD data by default, written as they are', () => {
    expect(['=1+1', '+5', '-Ann', '@home'].map((v) => csvField(v))).toEqual(['=1+1', '+5', '-Ann', '@home']);
    expect(csvField(-12.5)).toBe('-12.5');
  });

  test('spreadsheet-safe mode writes such text so no formula runs; numbers stay numbers', () => {
    const safe = { spreadsheetSafe: true };
    expect(['=HYPERLINK("x")', '+5', '-Ann', '@SUM(A1)', 'plain'].map((v) => csvField(v, safe))).toEqual([
      `"'=HYPERLINK(""x"")"`,
      "'+5",
      "'-Ann",
      "'@SUM(A1)",
      'plain',
    ]);
    expect(csvField(-12.5, safe)).toBe('-12.5');
  });

  test('a file is its header then one line per row in header order, in UTF-8 chunks', async () => {
    const out = await collect(csvFile(['A', 'B'], [{ B: 'é', A: 1 }, { A: 2 }]));
    expect(out.toString('utf8')).toBe('A,B\r\n1,é\r\n2,\r\n');
    expect(out[0]).toBe(0x41); // no byte order mark
  });

  test('a key that is not a column of the file is refused', async () => {
    await expect(collect(csvFile(['A'], [{ A: 1, SSN: '123' }]))).rejects.toThrow('SSN is not a column');
  });

  test('memory stays at one chunk: 300,000 rows come out in many chunks of about 64 KiB', async () => {
    let chunks = 0;
    let largest = 0;
    function* rows() {
      for (let i = 0; i < 300_000; i++) yield { A: i, B: 'some text here' };
    }
    for await (const c of csvFile(['A', 'B'], rows())) {
      chunks++;
      largest = Math.max(largest, c.length);
    }
    expect(chunks).toBeGreaterThan(50);
    expect(largest).toBeLessThan(70 * 1024);
  });
});

describe('zip writer', () => {
  const entries = () => [
    { name: 'Export.csv', data: csvFile(['ExportID'], [{ ExportID: 'E1' }]) },
    {
      name: 'Client.csv',
      data: csvFile(['PersonalID', 'FirstName'], [{ PersonalID: '1', FirstName: 'Zoë, "Z"' }]),
    },
    { name: 'Empty.csv', data: [] as Buffer[] },
  ];

  test('an independent reader finds the files, in order, with their bytes', async () => {
    const zip = await collect(zipStream(entries()));
    const files = unzip(zip);
    expect(files.map((f) => f.name)).toEqual(['Export.csv', 'Client.csv', 'Empty.csv']);
    expect(files[1].data.toString('utf8')).toBe('PersonalID,FirstName\r\n1,"Zoë, ""Z"""\r\n');
    expect(files[2].data.length).toBe(0);
  });

  const unzipTool = existsSync('/usr/bin/unzip');
  (unzipTool ? test : test.skip)(
    "Info-ZIP's unzip tests the archive without errors (CRC, sizes, directory)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hudzip-'));
      const file = join(dir, 'export.zip');
      writeFileSync(file, await collect(zipStream(entries())));
      expect(execFileSync('/usr/bin/unzip', ['-t', file]).toString()).toContain('No errors detected');
      expect(execFileSync('/usr/bin/unzip', ['-p', file, 'Export.csv']).toString()).toBe(
        'ExportID\r\nE1\r\n',
      );
    },
  );

  test('it is produced while the data is read: the first bytes come before the last row is made', async () => {
    let made = 0;
    async function* rows() {
      for (let i = 0; i < 100_000; i++) {
        made++;
        yield { A: i, B: `row ${i} with some text to fill the chunk` };
      }
    }
    const stream = zipStream([{ name: 'Big.csv', data: csvFile(['A', 'B'], rows()) }]);
    await stream.next();
    await stream.next();
    await stream.next(); // the first compressed chunk
    expect(made).toBeLessThan(100_000);
    await stream.return(undefined);
  });
});

describe('CSV reader', () => {
  test('reads quoted fields with commas, doubled quotes and line breaks, and counts lines', async () => {
    const text = 'A,B\r\n1,"x, ""y"""\r\n2,"two\r\nlines"\r\n3,\r\n';
    expect(await records(text)).toEqual([
      { line: 1, fields: ['A', 'B'] },
      { line: 2, fields: ['1', 'x, "y"'] },
      { line: 3, fields: ['2', 'two\r\nlines'] },
      { line: 5, fields: ['3', ''] },
    ]);
  });

  test('a record split across chunks anywhere is read the same', async () => {
    const bytes = Buffer.from('A,B\r\n1,"Zoë, ""x"""\r\n', 'utf8');
    const whole = await records([bytes]);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await records([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
  });

  test('LF line ends and a byte order mark are accepted', async () => {
    expect(await records('\ufeffA\n1\n')).toEqual([
      { line: 1, fields: ['A'] },
      { line: 2, fields: ['1'] },
    ]);
  });

  test('a stray quote, an open quote, invalid UTF-8 and an overlong record are syntax errors with a line', async () => {
    await expect(records('A\r\nx"y\r\n')).rejects.toThrow('line 2');
    await expect(records('A\r\n"open\r\n')).rejects.toThrow('not closed');
    await expect(records([Buffer.from([0x41, 0x0d, 0x0a, 0xff, 0x0d, 0x0a])])).rejects.toThrow(
      'not valid UTF-8',
    );
    await expect(records(`A\r\n${'x'.repeat(200)}\r\n`, 100)).rejects.toThrow('longer than 100');
  });
});

describe('import validator', () => {
  const header = (name: (typeof HUD_CSV_FILES)[number]['name']) =>
    (hudColumns(name) as readonly string[]).join(',');
  const row = (name: (typeof HUD_CSV_FILES)[number]['name'], values: Record<string, string>) =>
    (hudColumns(name) as readonly string[]).map((c) => values[c] ?? '').join(',');
  const stamp = { DateCreated: '2026-01-01 10:00:00', DateUpdated: '2026-01-01 10:00:00', ExportID: 'E1' };
  const FILES: Partial<Record<(typeof HUD_CSV_FILES)[number]['name'], string[]>> = {
    'Export.csv': [
      row('Export.csv', {
        ExportID: 'E1',
        SourceType: '1',
        ExportDate: '2026-02-01 00:00:00',
        ExportStartDate: '2025-01-01',
        ExportEndDate: '2025-12-31',
        SoftwareName: 'Waypoint',
        CSVVersion: 'FY2026',
        ExportPeriodType: '3',
        ExportDirective: '2',
        HashStatus: '1',
      }),
    ],
    'Organization.csv': [
      row('Organization.csv', {
        OrganizationID: 'O1',
        OrganizationName: 'Hope',
        VictimServiceProvider: '0',
        ...stamp,
      }),
    ],
    'Project.csv': [
      row('Project.csv', {
        ProjectID: 'P1',
        OrganizationID: 'O1',
        ProjectName: 'ES',
        OperatingStartDate: '2020-01-01',
        ProjectType: '0',
        ...stamp,
      }),
    ],
    'Client.csv': [
      row('Client.csv', {
        PersonalID: 'C1',
        NameDataQuality: '1',
        SSNDataQuality: '99',
        DOBDataQuality: '99',
        ...stamp,
      }),
    ],
    'Enrollment.csv': [
      row('Enrollment.csv', {
        EnrollmentID: 'N1',
        PersonalID: 'C1',
        ProjectID: 'P1',
        EntryDate: '2025-03-01',
        HouseholdID: 'H1',
        RelationshipToHoH: '1',
        ...stamp,
      }),
    ],
    'Exit.csv': [
      row('Exit.csv', {
        ExitID: 'X1',
        EnrollmentID: 'N1',
        PersonalID: 'C1',
        ExitDate: '2025-04-01',
        Destination: '435',
        DestinationSubsidyType: '419',
        ...stamp,
      }),
    ],
    'Services.csv': [
      row('Services.csv', {
        ServicesID: 'S1',
        EnrollmentID: 'N1',
        PersonalID: 'C1',
        DateProvided: '2025-03-02',
        RecordType: '200',
        TypeProvided: '200',
        ...stamp,
      }),
    ],
  };

  async function validate(changes: Partial<Record<string, string[] | null>> = {}) {
    const v = new HudCsvValidator();
    for (const name of VALIDATION_ORDER) {
      const lines = name in changes ? changes[name] : [header(name), ...(FILES[name] ?? [])];
      if (lines === null) {
        v.missingFile(name);
        continue;
      }
      await v.validateFile(name, [lines!.map((l) => `${l}\r\n`).join('')]);
    }
    return v;
  }

  test('a valid set has no issues', async () => {
    const v = await validate();
    expect(v.report.issues).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.report.rows['Services.csv']).toBe(1);
  });

  test('a missing file is reported by name', async () => {
    expect((await validate({ 'Client.csv': null })).report.issues[0]).toMatchObject({
      file: 'Client.csv',
      line: 0,
    });
  });

  test('a wrong header names the first column that differs', async () => {
    const bad = header('Client.csv').replace('HispanicLatinao', 'HispanicLatinaeo');
    const issue = (await validate({ 'Client.csv': [bad] })).report.issues[0];
    expect(issue).toMatchObject({ file: 'Client.csv', line: 1 });
    expect(issue.message).toContain('should be HispanicLatinao, found HispanicLatinaeo');
  });

  const withRow = (name: (typeof HUD_CSV_FILES)[number]['name'], values: Record<string, string>) => ({
    [name]: [header(name), ...(FILES[name] ?? []), row(name, values)],
  });

  test('a bad code is reported by file, line and column', async () => {
    const v = await validate(
      withRow('Client.csv', {
        PersonalID: 'C2',
        NameDataQuality: '7',
        SSNDataQuality: '99',
        DOBDataQuality: '99',
        ...stamp,
      }),
    );
    expect(v.report.issues).toEqual([
      {
        file: 'Client.csv',
        line: 3,
        column: 'NameDataQuality',
        message: '7 is not in the HUD code list of this column',
      },
    ]);
  });

  test('a TypeProvided outside its RecordType list is refused (BED_NIGHT 999)', async () => {
    const v = await validate(
      withRow('Services.csv', {
        ServicesID: 'S2',
        EnrollmentID: 'N1',
        PersonalID: 'C1',
        DateProvided: '2025-03-02',
        RecordType: '200',
        TypeProvided: '999',
        ...stamp,
      }),
    );
    expect(v.report.issues.map((i) => [i.file, i.line, i.column])).toEqual([
      ['Services.csv', 3, 'TypeProvided'],
    ]);
  });

  test('a subsidy type without living situation 435 is refused', async () => {
    const v = await validate({
      'Exit.csv': [
        header('Exit.csv'),
        row('Exit.csv', {
          ExitID: 'X1',
          EnrollmentID: 'N1',
          PersonalID: 'C1',
          ExitDate: '2025-04-01',
          Destination: '410',
          DestinationSubsidyType: '419',
          ...stamp,
        }),
      ],
    });
    expect(v.report.issues.map((i) => i.column)).toEqual(['DestinationSubsidyType']);
  });

  test('an impossible date, a bad timestamp and a missing required value are each named', async () => {
    const v = await validate(
      withRow('Enrollment.csv', {
        EnrollmentID: 'N2',
        PersonalID: 'C1',
        ProjectID: 'P1',
        EntryDate: '2025-02-30',
        HouseholdID: '',
        RelationshipToHoH: '1',
        ...stamp,
        DateUpdated: '2025-01-01T10:00:00',
      }),
    );
    expect(v.report.issues.map((i) => i.column).sort()).toEqual(['DateUpdated', 'EntryDate', 'HouseholdID']);
  });

  test('a row referring to a missing parent is refused', async () => {
    const v = await validate(
      withRow('Services.csv', {
        ServicesID: 'S3',
        EnrollmentID: 'N9',
        PersonalID: 'C1',
        DateProvided: '2025-03-02',
        RecordType: '200',
        TypeProvided: '200',
        ...stamp,
      }),
    );
    expect(v.report.issues).toEqual([
      { file: 'Services.csv', line: 3, column: 'EnrollmentID', message: 'N9 is not in Enrollment.csv' },
    ]);
  });

  test('an exit before its entry is refused', async () => {
    const v = await validate({
      'Exit.csv': [
        header('Exit.csv'),
        row('Exit.csv', {
          ExitID: 'X1',
          EnrollmentID: 'N1',
          PersonalID: 'C1',
          ExitDate: '2025-02-01',
          Destination: '410',
          ...stamp,
        }),
      ],
    });
    expect(v.report.issues.map((i) => [i.column, i.message])).toEqual([
      ['ExitDate', '2025-02-01 is before the EntryDate 2025-03-01'],
    ]);
  });

  test('a row with the wrong number of values, and a duplicate id, are reported', async () => {
    const v = await validate({
      'Client.csv': [header('Client.csv'), ...FILES['Client.csv']!, FILES['Client.csv']![0], 'C3,only'],
    });
    expect(v.report.issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'PersonalID'],
      [4, null],
    ]);
  });

  test('a file that is not CSV is reported, not thrown', async () => {
    const v = new HudCsvValidator();
    await v.validateFile('Export.csv', [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe])]);
    expect(v.report.issues[0]).toMatchObject({ file: 'Export.csv', message: 'the file is not valid UTF-8' });
  });

  test('the report keeps the first issues and counts the rest (bounded memory)', async () => {
    const v = new HudCsvValidator(5);
    const bad = Array.from({ length: 50 }, (_, i) =>
      row('Organization.csv', {
        OrganizationID: `O${i}`,
        OrganizationName: 'x',
        VictimServiceProvider: '7',
        ...stamp,
      }),
    );
    await v.validateFile('Export.csv', [
      [header('Export.csv'), ...FILES['Export.csv']!].map((l) => `${l}\r\n`).join(''),
    ]);
    await v.validateFile('Organization.csv', [
      [header('Organization.csv'), ...bad].map((l) => `${l}\r\n`).join(''),
    ]);
    expect(v.report.issues).toHaveLength(5);
    expect(v.report.moreIssues).toBe(45);
  });
});
