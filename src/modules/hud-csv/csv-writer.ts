/**
 * Streaming CSV writer for the HUD HMIS CSV files: UTF-8 (no byte order mark), comma separated,
 * CRLF line ends and RFC 4180 quoting (a field holding a comma, a double quote, CR or LF, or leading
 * or trailing spaces is enclosed in double quotes, its quotes doubled), dates as YYYY-MM-DD and
 * timestamps as YYYY-MM-DD HH:MM:SS. An empty value (null, undefined, '') is written as nothing.
 *
 * A value starting with =, +, - or @ is HUD data and written as it is by default (a negative amount,
 * a name like "-Ann" must survive a round trip). `spreadsheetSafe` is for files meant to be opened in a
 * spreadsheet: such a text value is prefixed with a single quote so no formula runs (OWASP CSV
 * injection); numbers are never changed.
 */

export interface CsvOptions {
  /** Prefix text starting with =, +, -, @ (or a tab/CR) with ' so a spreadsheet shows it as text. */
  spreadsheetSafe?: boolean;
}

export type CsvValue = string | number | boolean | Date | null | undefined;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** HUD date (YYYY-MM-DD) of a stored date string or a Date (its UTC calendar day for a Date). */
export function hudDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date)
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) throw new Error(`not a date: ${value}`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** HUD timestamp (YYYY-MM-DD HH:MM:SS, UTC, no fraction) of a Date or an SQL datetime string. */
export function hudDateTime(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(value);
    if (match) return `${match[1]} ${match[2]}`;
    return hudDateTime(new Date(value));
  }
  if (Number.isNaN(value.getTime())) throw new Error('not a timestamp');
  return `${hudDate(value)} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted when RFC 4180 needs it. */
export function csvField(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not a finite number');
    text = String(value);
  } else if (typeof value === 'boolean') {
    text = value ? '1' : '0';
  } else if (value instanceof Date) {
    text = hudDateTime(value)!;
  } else {
    text = value;
    if (options.spreadsheetSafe && FORMULA_START.test(text)) text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line with its CRLF. */
export function csvLine(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return `${values.map((v) => csvField(v, options)).join(',')}\r\n`;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * A whole CSV file as a stream of UTF-8 chunks of about 64 KiB: the header, then each row's values in
 * header order (a key missing from a row is written empty; a key that is not a column is an error, so a
 * mapper can never add a column HUD does not have). Memory stays at one chunk whatever the row count.
 */
export async function* csvFile(
  columns: readonly string[],
  rows: Iterable<Record<string, CsvValue>> | AsyncIterable<Record<string, CsvValue>>,
  options: CsvOptions = {},
): AsyncGenerator<Buffer> {
  const known = new Set(columns);
  let pending = csvLine(columns);
  for await (const row of rows) {
    for (const key of Object.keys(row))
      if (!known.has(key)) throw new Error(`${key} is not a column of this file`);
    pending += csvLine(
      columns.map((c) => row[c]),
      options,
    );
    if (pending.length >= CHUNK_BYTES) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}
