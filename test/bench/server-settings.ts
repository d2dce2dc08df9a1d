/**
 * The MariaDB/MySQL settings the bench runs with, printed with its results. A server straight from
 * the package has a 128 MB buffer pool, which holds a fraction of even the 100k data set (about
 * 300 MB; the 1m one is about 3 GB): every run would then measure the disk, not Waypoint. Like any
 * production server, the bench's gets a pool sized to the data (`SET GLOBAL`, lasting until the
 * server restarts; `--keep-db-settings` leaves it alone).
 */
import os from 'node:os';
import type { Pool, RowDataPacket } from 'mysql2/promise';

const GIB = 1024 ** 3;

export interface ServerSettings {
  version: string;
  bufferPoolBytes: number;
  flushLogAtTrxCommit: number;
  changed: string | null;
}

async function read(pool: Pool): Promise<Omit<ServerSettings, 'changed'>> {
  const [[row]] = await pool.query<RowDataPacket[]>(
    'SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool, @@innodb_flush_log_at_trx_commit AS flush',
  );
  return {
    version: String(row.v),
    bufferPoolBytes: Number(row.pool),
    flushLogAtTrxCommit: Number(row.flush),
  };
}

/** Grows the buffer pool to hold `dataBytes` (plus room), within half the machine's memory. */
export async function prepareServer(pool: Pool, dataBytes: number, keep: boolean): Promise<ServerSettings> {
  const before = await read(pool);
  const wanted = Math.min(
    Math.max(2 * GIB, Math.ceil((dataBytes * 1.5) / GIB) * GIB),
    Math.floor(os.totalmem() / 2 / GIB) * GIB,
  );
  if (keep || before.bufferPoolBytes >= wanted) return { ...before, changed: null };
  await pool.query(`SET GLOBAL innodb_buffer_pool_size = ${wanted}`);
  // The resize runs in the background; wait until the server reports the new size.
  for (let i = 0; i < 120; i++) {
    const now = await read(pool);
    if (now.bufferPoolBytes >= wanted) {
      return {
        ...now,
        changed: `innodb_buffer_pool_size ${fmtGiB(before.bufferPoolBytes)} -> ${fmtGiB(now.bufferPoolBytes)}`,
      };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the buffer pool did not grow to ${fmtGiB(wanted)}`);
}

/** Bytes of data and indexes in a database. */
export async function databaseBytes(pool: Pool, database: string): Promise<number> {
  const [[row]] = await pool.query<RowDataPacket[]>(
    'SELECT COALESCE(SUM(data_length + index_length), 0) AS n FROM information_schema.tables WHERE table_schema = ?',
    [database],
  );
  return Number(row.n);
}

export const fmtGiB = (bytes: number) => `${(bytes / GIB).toFixed(bytes < GIB ? 2 : 1)} GiB`;
