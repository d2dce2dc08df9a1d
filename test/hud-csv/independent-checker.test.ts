/**
 * The independent checker itself: a hand-written valid HUD CSV set passes, and each defect the export
 * could have is caught. (The zip container is made with Node's zlib through a minimal local writer so this
 * test does not trust src/ either.)
 */
import { deflateRawSync } from 'node:zlib';
import { checkHudCsvZip, specFiles } from './independent-checker';

/** A minimal zip (deflate, sizes in the local header) written here, not with src/. */
function zipOf(files: Array<{ name: string; text: string | Buffer }>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = typeof f.text === 'string' ? Buffer.from(f.text, 'utf8') : f.text;
    const packed = deflateRawSync(data);
    const name = Buffer.from(f.name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(head, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const T = { DateCreated: '2026-01-01 10:00:00', DateUpdated: '2026-01-01 10:00:00', ExportID: 'E1' };
const ROWS: Record<string, Array<Record<string, string>>> = {
  'Export.csv': [
    {
      ExportID: 'E1',
      SourceType: '1',
      ExportDate: '2026-02-01 00:00:00',
      ExportStartDate: '2025-01-01',
      ExportEndDate: '2025-12-31',
      SoftwareName: 'X',
      CSVVersion: 'FY2026',
      ExportPeriodType: '3',
      ExportDirective: '2',
      HashStatus: '1',
    },
  ],
  'Organization.csv': [
    { OrganizationID: 'O1', OrganizationName: 'Hope, Inc.', VictimServiceProvider: '0', ...T },
  ],
  'Project.csv': [
    {
      ProjectID: 'P1',
      OrganizationID: 'O1',
      ProjectName: 'ES',
      OperatingStartDate: '2020-01-01',
      ProjectType: '0',
      ...T,
    },
  ],
  'Client.csv': [
    {
      PersonalID: 'C1',
      FirstName: '=Ann',
      NameDataQuality: '1',
      SSNDataQuality: '99',
      DOBDataQuality: '99',
      Sex: '0',
      ...T,
    },
  ],
  'Enrollment.csv': [
    {
      EnrollmentID: 'N1',
      PersonalID: 'C1',
      ProjectID: 'P1',
      EntryDate: '2025-03-01',
      HouseholdID: 'H1',
      RelationshipToHoH: '1',
      LivingSituation: '435',
      RentalSubsidyType: '419',
      ...T,
    },
  ],
  'Exit.csv': [
    { ExitID: 'X1', EnrollmentID: 'N1', PersonalID: 'C1', ExitDate: '2025-04-01', Destination: '24', ...T },
  ],
  'Services.csv': [
    {
      ServicesID: 'S1',
      EnrollmentID: 'N1',
      PersonalID: 'C1',
      DateProvided: '2025-03-02',
      RecordType: '144',
      TypeProvided: '10',
      ...T,
    },
  ],
  'User.csv': [
    {
      UserID: 'U1',
      UserFirstName: 'Sam',
      DateCreated: T.DateCreated,
      DateUpdated: T.DateUpdated,
      ExportID: 'E1',
    },
  ],
};

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function build(edit: (files: Array<{ name: string; text: string | Buffer }>) => void = () => {}): Buffer {
  const files = specFiles().map((f) => ({
    name: f.name,
    text: [f.columns, ...(ROWS[f.name] ?? []).map((r) => f.columns.map((c) => r[c] ?? ''))]
      .map((values) => `${values.map(quote).join(',')}\r\n`)
      .join(''),
  }));
  edit(files);
  return zipOf(files);
}

const withRow =
  (name: string, row: Record<string, string>) => (files: Array<{ name: string; text: string | Buffer }>) => {
    const spec = specFiles().find((f) => f.name === name)!;
    const file = files.find((f) => f.name === name)!;
    file.text += `${spec.columns.map((c) => quote(row[c] ?? '')).join(',')}\r\n`;
  };

describe('the independent HUD CSV checker', () => {
  test('passes a valid hand-written set (and reads its quoted values)', () => {
    const { problems, tables } = checkHudCsvZip(build());
    expect(problems).toEqual([]);
    expect(tables['Organization.csv'][0].OrganizationName).toBe('Hope, Inc.');
    expect(tables['Client.csv'][0].FirstName).toBe('=Ann');
  });

  test.each([
    [
      'a missing file',
      (f: Array<{ name: string }>) =>
        f.splice(
          f.findIndex((x) => x.name === 'Funder.csv'),
          1,
        ),
      'Funder.csv is missing',
    ],
    ['Export.csv not first', (f: Array<{ name: string }>) => f.push(f.shift()!), 'not Export.csv'],
    [
      'an FY2024 header',
      (f: Array<{ name: string; text: string | Buffer }>) => {
        const c = f.find((x) => x.name === 'Client.csv')!;
        c.text = String(c.text).replace('HispanicLatinao', 'HispanicLatinaeo');
      },
      'Client.csv: header',
    ],
    [
      'LF line ends',
      (f: Array<{ name: string; text: string | Buffer }>) => {
        const c = f.find((x) => x.name === 'Project.csv')!;
        c.text = String(c.text).replace(/\r\n/g, '\n');
      },
      'Project.csv: a line does not end with CRLF',
    ],
    [
      'a byte order mark',
      (f: Array<{ name: string; text: string | Buffer }>) => {
        const c = f.find((x) => x.name === 'Project.csv')!;
        c.text = `\ufeff${String(c.text)}`;
      },
      'byte order mark',
    ],
  ])('catches %s', (_, edit, expected) => {
    expect(checkHudCsvZip(build(edit as never)).problems.join('\n')).toContain(expected);
  });

  test('catches a code outside its HUD list, and a TypeProvided outside its RecordType', () => {
    const { problems } = checkHudCsvZip(
      build((f) => {
        withRow('Services.csv', {
          ServicesID: 'S2',
          EnrollmentID: 'N1',
          PersonalID: 'C1',
          DateProvided: '2025-03-02',
          RecordType: '200',
          TypeProvided: '999',
          ...T,
        })(f);
        withRow('Client.csv', {
          PersonalID: 'C2',
          NameDataQuality: '3',
          SSNDataQuality: '99',
          DOBDataQuality: '99',
          ...T,
        })(f);
      }),
    );
    expect(problems).toEqual([
      'Client.csv line 3 NameDataQuality: 3 is not in the HUD list',
      'Services.csv line 3: TypeProvided 999 is not a type of RecordType 200',
    ]);
  });

  test('catches a subsidy type without 435, and formats of dates and timestamps', () => {
    const { problems } = checkHudCsvZip(
      build(
        withRow('Exit.csv', {
          ExitID: 'X2',
          EnrollmentID: 'N1',
          PersonalID: 'C1',
          ExitDate: '04/01/2025',
          Destination: '410',
          DestinationSubsidyType: '419',
          ...T,
          DateUpdated: '2026-01-01T10:00:00Z',
        }),
      ),
    );
    expect(problems).toEqual([
      'Exit.csv line 3 ExitDate: "04/01/2025" is not YYYY-MM-DD',
      'Exit.csv line 3 DateUpdated: "2026-01-01T10:00:00Z" is not YYYY-MM-DD HH:MM:SS',
      'Exit.csv line 3: DestinationSubsidyType without Destination 435',
    ]);
  });

  test("catches references to missing parents, a client that is not the enrollment's, and another ExportID", () => {
    const { problems } = checkHudCsvZip(
      build((f) => {
        withRow('Services.csv', {
          ServicesID: 'S3',
          EnrollmentID: 'N9',
          PersonalID: 'C1',
          DateProvided: '2025-03-02',
          RecordType: '200',
          TypeProvided: '200',
          ...T,
        })(f);
        withRow('Client.csv', {
          PersonalID: 'C2',
          NameDataQuality: '1',
          SSNDataQuality: '99',
          DOBDataQuality: '99',
          ...T,
        })(f);
        withRow('Exit.csv', {
          ExitID: 'X3',
          EnrollmentID: 'N1',
          PersonalID: 'C2',
          ExitDate: '2025-04-01',
          Destination: '24',
          ...T,
          ExportID: 'E2',
        })(f);
      }),
    );
    expect(problems).toEqual([
      "Exit.csv line 3: ExportID E2 is not the export's",
      'Services.csv line 3: EnrollmentID N9 is not in Enrollment.csv',
      "Exit.csv line 3: PersonalID C2 is not its enrollment's client C1",
    ]);
  });
});
