/**
 * Streaming RFC 4180 CSV reader for imports: UTF-8 (a byte order mark is skipped, invalid UTF-8 is an
 * error), comma separated, CRLF or LF line ends, double-quoted fields that may hold commas, quotes
 * (doubled) and line breaks. It yields one record at a time with the line it starts on, so memory stays
 * at one record; a record longer than `maxRecordChars` is refused instead of being buffered.
 */

export interface CsvRecord {
  /** 1-based physical line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface CsvReadOptions {
  /** Longest record accepted, in characters (default 1 MiB). */
  maxRecordChars?: number;
}

export async function* readCsv(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const maxChars = options.maxRecordChars ?? 1024 * 1024;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let fields: string[] = [];
  let field = '';
  let recordChars = 0;
  let inQuotes = false;
  let quoteSeen = false; // the previous char closed a quote (or is a doubled quote's first half)
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let pendingCR = false;
  let first = true;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
    quoteSeen = false;
  };

  function* consume(text: string): Generator<CsvRecord> {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (++recordChars > maxChars)
        throw new CsvSyntaxError(recordLine, `a record is longer than ${maxChars} characters`);
      if (inQuotes) {
        if (ch === '"') {
          inQuotes = false;
          quoteSeen = true;
        } else {
          // Line numbers count LF, so a CRLF split across two chunks is still one line.
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (quoteSeen) {
          // "" inside a quoted field: a literal quote, and the field goes on quoted.
          field += '"';
          inQuotes = true;
          quoteSeen = false;
        } else if (!fieldStarted) {
          inQuotes = true;
          fieldStarted = true;
        } else {
          throw new CsvSyntaxError(
            line,
            'a double quote inside an unquoted field (quote the field and double the quote)',
          );
        }
        continue;
      }
      if (ch === ',') {
        endField();
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        if (ch === '\r') pendingCR = true;
        endField();
        const record = { line: recordLine, fields };
        fields = [];
        line++;
        recordLine = line;
        recordChars = 0;
        yield record;
        continue;
      }
      if (quoteSeen) throw new CsvSyntaxError(line, 'text after a closing double quote');
      field += ch;
      fieldStarted = true;
    }
  }

  for await (const chunk of source) {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      throw new CsvSyntaxError(line, 'the file is not valid UTF-8');
    }
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    yield* consume(text);
  }
  try {
    yield* consume(decoder.decode());
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw e;
    throw new CsvSyntaxError(line, 'the file is not valid UTF-8');
  }
  if (inQuotes) throw new CsvSyntaxError(recordLine, 'a quoted field is not closed');
  if (fieldStarted || fields.length || field) {
    endField();
    yield { line: recordLine, fields };
  }
}
