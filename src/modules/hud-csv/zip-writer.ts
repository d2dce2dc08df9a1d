/**
 * A small streaming ZIP writer (PKWARE APPNOTE 6.3: local headers with data descriptors, deflate,
 * central directory), built on Node's zlib. It yields the archive as chunks while the entries' data is
 * still being produced: nothing is buffered beyond one compressed chunk and the central directory
 * (about 80 bytes per entry), and no temporary file is written.
 *
 * Why not a library: yazl (writing) and yauzl (reading) are the ones to use and are proposed to the
 * lead, but they are not installed here; this writer covers what the HUD export needs (24 entries, UTF-8
 * names, deflate, no ZIP64: an entry or archive over 4 GiB is refused with an error rather than written
 * corrupt). It is checked against Info-ZIP's unzip and an independent reader in the tests.
 */
import { constants, createDeflateRaw } from 'node:zlib';
import * as zlib from 'node:zlib';

const MAX_32 = 0xffffffff;
const UTF8_FLAG = 0x0800;
const DATA_DESCRIPTOR_FLAG = 0x0008;
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate, data descriptors

let CRC_TABLE: Uint32Array | null = null;

/** CRC-32 (IEEE), with Node's zlib.crc32 when present (Node >= 20.15) and a table otherwise. */
export function crc32(data: Buffer, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer, v?: number) => number }).crc32;
  if (native) return native(data, previous);
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = (previous ^ MAX_32) >>> 0;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ MAX_32) >>> 0;
}

/** MS-DOS date and time of a Date (local wall clock, as unzip shows it; 2-second resolution). */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.max(at.getFullYear(), 1980);
  return {
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
  };
}

export interface ZipEntry {
  /** File name inside the archive (UTF-8, forward slashes). */
  name: string;
  /** The file's bytes, produced as they are read. */
  data: AsyncIterable<Buffer> | Iterable<Buffer>;
}

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Deflates the chunks of one entry, yielding compressed chunks, and reports its CRC and sizes. */
async function* deflateEntry(
  data: AsyncIterable<Buffer> | Iterable<Buffer>,
  totals: { crc: number; size: number; compressed: number },
): AsyncGenerator<Buffer> {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  let failure: Error | null = null;
  deflate.on('data', (b: Buffer) => out.push(b));
  deflate.on('error', (e: Error) => (failure = e));
  const ended = new Promise<void>((resolve) => deflate.once('end', resolve));
  const take = function* (): Generator<Buffer> {
    while (out.length) {
      const b = out.shift()!;
      totals.compressed += b.length;
      yield b;
    }
  };
  for await (const chunk of data) {
    totals.crc = crc32(chunk, totals.crc);
    totals.size += chunk.length;
    if (totals.size > MAX_32) throw new Error('a file of the archive is over 4 GiB (ZIP64 is not supported)');
    deflate.write(chunk);
    await new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    if (failure) throw failure;
    yield* take();
  }
  deflate.end();
  await ended;
  if (failure) throw failure;
  yield* take();
}

/**
 * The archive of the entries, as a stream of chunks. Pull it (for await, or Readable.from) and the
 * entries' data is pulled in turn, so a slow client slows the producer down instead of filling memory.
 */
export async function* zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  modified: Date = new Date(),
): AsyncGenerator<Buffer> {
  const { date, time } = dosDateTime(modified);
  const central: CentralRecord[] = [];
  let offset = 0;
  for await (const entry of entries) {
    if (central.length === 0xffff) throw new Error('too many files for a ZIP archive without ZIP64');
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_FLAG | DATA_DESCRIPTOR_FLAG, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // CRC and sizes (14..25) stay 0: they follow the data in the data descriptor.
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const start = offset;
    yield local;
    yield name;
    offset += local.length + name.length;
    const totals = { crc: 0, size: 0, compressed: 0 };
    for await (const chunk of deflateEntry(entry.data, totals)) yield chunk;
    offset += totals.compressed;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(totals.crc >>> 0, 4);
    descriptor.writeUInt32LE(totals.compressed, 8);
    descriptor.writeUInt32LE(totals.size, 12);
    yield descriptor;
    offset += descriptor.length;
    if (offset > MAX_32) throw new Error('the archive is over 4 GiB (ZIP64 is not supported)');
    central.push({
      name,
      crc: totals.crc >>> 0,
      compressed: totals.compressed,
      size: totals.size,
      offset: start,
    });
  }
  const directoryStart = offset;
  let directorySize = 0;
  for (const r of central) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | VERSION, 4); // made by: Unix, 2.0
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_FLAG | DATA_DESCRIPTOR_FLAG, 8);
    header.writeUInt16LE(DEFLATE, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(r.crc, 16);
    header.writeUInt32LE(r.compressed, 20);
    header.writeUInt32LE(r.size, 24);
    header.writeUInt16LE(r.name.length, 28);
    // extra, comment, disk number, internal attributes: 0
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: regular file, rw-r--r--
    header.writeUInt32LE(r.offset, 42);
    yield header;
    yield r.name;
    directorySize += header.length + r.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryStart, 16);
  yield end;
}
