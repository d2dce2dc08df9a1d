/**
 * Issue 12 bench rows: the HUD CSV export of the data set as the bench actor (a user of an
 * organization with two partners) through GET /exports/hud-csv, side by side with a floor that streams
 * the same tables from mysql2 into CSV without authorization (no visibility predicate, no read
 * policy, no zip), and the import of the exported zip into an empty database.
 * Reported, never asserted. `--skip-hud-csv` leaves them out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'mysql2/promise';
import { csvLine } from '../../src/modules/hud-csv/csv-writer';
import { formatReport, importHudCsv } from '../../src/modules/hud-csv/import';
import { createDataSource } from '../../src/database/data-source';
import { ensureMysqlDatabase } from '../../src/database/mysql-admin';
import { benchConfig } from './dataset';
import type { ServerProcess } from './servers';
import type { BenchActor } from './setup';

export interface HudCsvBench {
  exportMs: number;
  exportRows: number;
  exportBytes: number;
  exportRssPeak: number;
  exportStatements: number;
  floorMs: number;
  floorRows: number;
  importMs: number | null;
  importRows: number | null;
}

/** The tables the floor streams: the export's client-level files. */
const FLOOR_TABLES = [
  'client',
  'enrollment',
  'enrollment_exit',
  'service',
  'current_living_situation',
  'assessment',
  'ce_event',
  'health_and_dv',
  'income_benefits',
  'disabilities',
  'employment_education',
  'youth_education_status',
];

/** The floor: every row of the tables, streamed through mysql2 into CSV lines, counted, discarded. */
async function floor(pool: Pool): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  let rows = 0;
  const conn = await pool.getConnection();
  try {
    for (const table of FLOOR_TABLES) {
      // The callback API's query().stream(): rows arrive one by one, memory stays flat.
      const raw = (
        conn as unknown as {
          connection: { query(sql: string): { stream(): AsyncIterable<Record<string, unknown>> } };
        }
      ).connection;
      for await (const row of raw.query(`SELECT * FROM ${table} ORDER BY id`).stream()) {
        csvLine(Object.values(row) as never);
        rows++;
      }
    }
  } finally {
    conn.release();
  }
  return { ms: performance.now() - started, rows };
}

/**
 * Grants the actor's workgroup report:run and the data-analyst ceiling for the run (restored after),
 * exports a wide period, then imports the zip into `<database>_hudimport`.
 */
export async function benchHudCsv(
  pool: Pool,
  server: ServerProcess,
  actor: BenchActor,
  databaseUrl: string,
  log: (line: string) => void,
): Promise<HudCsvBench> {
  const [[user]] = (await pool.query('SELECT access_role FROM app_user WHERE id = ?', [
    actor.userId,
  ])) as unknown as [Array<{ access_role: string }>];
  const [[wg]] = (await pool.query('SELECT id FROM workgroup WHERE name = ?', [
    actor.workgroup,
  ])) as unknown as [Array<{ id: number }>];
  const [granted] = (await pool.query(
    "SELECT 1 FROM workgroup_capability WHERE workgroup_id = ? AND capability = 'report:run'",
    [wg.id],
  )) as unknown as [unknown[]];
  await pool.query("UPDATE app_user SET access_role = 'AGENCY_STAFF_DATA_ANALYSIS' WHERE id = ?", [
    actor.userId,
  ]);
  if (!granted.length)
    await pool.query("INSERT INTO workgroup_capability (workgroup_id, capability) VALUES (?, 'report:run')", [
      wg.id,
    ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-bench-hud-'));
  const zipPath = path.join(dir, 'export.zip');
  try {
    log('HUD CSV: export of the data set as the bench actor');
    let exportMs = 0;
    let bytes = 0;
    let exportId = '';
    let rss: number[] = [];
    const statements = await server.statements(async () => {
      rss = await server.rss(async () => {
        const started = performance.now();
        const res = await fetch(`${server.url}/exports/hud-csv?start=1900-01-01&end=2100-12-31`, {
          headers: { authorization: `Bearer ${actor.token}` },
        });
        if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
        exportId = res.headers.get('waypoint-export-id') ?? '';
        const out = fs.createWriteStream(zipPath);
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          out.write(chunk);
        }
        await new Promise<void>((resolve) => out.end(resolve));
        exportMs = performance.now() - started;
      });
    });
    const [events] = (await pool.query(
      "SELECT after FROM audit_event WHERE operation = 'exportHudCsv' AND after LIKE ? ORDER BY id",
      [`%${exportId}%`],
    )) as unknown as [Array<{ after: string }>];
    const done = events.map((e) => JSON.parse(e.after)).find((a) => a.phase === 'completed');
    const exportRows = done
      ? Object.values(done.counts as Record<string, number>).reduce((a, b) => a + b, 0)
      : 0;

    log('HUD CSV: floor (mysql2 stream into CSV, no authorization)');
    const f = await floor(pool);

    log('HUD CSV: import of the export into an empty database');
    const importUrl = databaseUrl.replace(/\/([A-Za-z0-9_]+)$/, '/$1_hudimport');
    await ensureMysqlDatabase(importUrl, { recreate: true });
    const ds = await createDataSource(benchConfig(importUrl)).initialize();
    let importMs: number | null = null;
    let importRows: number | null = null;
    try {
      await ds.runMigrations({ transaction: 'each' });
      await ds.query(
        "INSERT INTO app_user (username, password_hash, status, access_role) VALUES ('bench.importer', 'x', 'ACTIVE', 'SYSTEM_ADMINISTRATOR')",
      );
      const [{ id }] = await ds.query("SELECT id FROM app_user WHERE username = 'bench.importer'");
      const started = performance.now();
      const result = await importHudCsv(ds, zipPath, {
        userId: Number(id),
        organizationId: null,
        dryRun: false,
      });
      importMs = performance.now() - started;
      importRows = Object.values(result.written).reduce((t, c) => t + c.created + c.updated + c.unchanged, 0);
      // An import refuses the whole file on any invalid row: say why, not just "0 rows".
      if (result.report.issues.length)
        for (const line of formatReport(result.report).slice(0, 12)) log(`  import refused: ${line}`);
    } finally {
      await ds.destroy();
    }
    return {
      exportMs,
      exportRows,
      exportBytes: bytes,
      exportRssPeak: rss.length ? Math.max(...rss) : 0,
      exportStatements: statements.length,
      floorMs: f.ms,
      floorRows: f.rows,
      importMs,
      importRows,
    };
  } finally {
    await pool.query('UPDATE app_user SET access_role = ? WHERE id = ?', [user.access_role, actor.userId]);
    if (!granted.length)
      await pool.query(
        "DELETE FROM workgroup_capability WHERE workgroup_id = ? AND capability = 'report:run'",
        [wg.id],
      );
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The report rows: target | measured | limit | pass. */
export function hudCsvRows(b: HudCsvBench, fmtMb: (bytes: number) => string): string[][] {
  const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000))} rows/s`;
  const ratio = b.exportMs / b.floorMs;
  return [
    [
      'HUD CSV export / floor (wall time)',
      `${(b.exportMs / 1000).toFixed(1)} s, ${rate(b.exportRows, b.exportMs)} (${b.exportRows} rows, ${fmtMb(b.exportBytes)} zip) vs floor ${(b.floorMs / 1000).toFixed(1)} s, ${rate(b.floorRows, b.floorMs)}: ${ratio.toFixed(2)}x`,
      '<= 2x',
      ratio <= 2 ? 'PASS' : 'FAIL',
    ],
    [
      'HUD CSV export: server RSS peak',
      fmtMb(b.exportRssPeak),
      '<= 300 MB',
      b.exportRssPeak <= 300 * 1024 * 1024 ? 'PASS' : 'FAIL',
    ],
    [
      'HUD CSV export: SQL statements',
      `${b.exportStatements} for ${b.exportRows} rows (one per batch of 2,000 and file)`,
      'constant in rows per batch',
      b.exportStatements < b.exportRows / 100 ? 'PASS' : 'FAIL',
    ],
    [
      'HUD CSV import into an empty database',
      b.importMs === null || b.importRows === null
        ? 'not run'
        : `${b.importRows} rows in ${(b.importMs / 1000).toFixed(1)} s, ${rate(b.importRows, b.importMs)}`,
      'reported',
      'n/a',
    ],
  ];
}
