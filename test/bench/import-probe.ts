/**
 * `node -r @swc-node/register test/bench/import-probe.ts --db NAME [--clients N] [--zip FILE] [--export-only] [--count]`
 *
 * The bench's HUD CSV import row on a data set small enough to run in minutes, with what the bench
 * does not show: where the time goes. Loads the synthetic data set (`--clients`, default the small
 * scale's 2,000) into `<db>`, exports it as the bench does (a user of an organization with MOU
 * partners, given report:run and the data-analysis ceiling) into a zip, then imports the zip into
 * an empty `<db>_hudimport` and prints rows/s, the phases (validation, duplicate check, writes,
 * reach and match keys) and, with `--count`, the statements and commits per imported row by kind.
 * `--zip FILE` imports that zip instead of exporting (so two source trees import the same file).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { Logger } from 'typeorm';
import { activeSharesJoin } from '../../src/access/visibility';
import { accessForToken, createSession, revokeSession } from '../../src/auth/session-store';
import { createDataSource } from '../../src/database/data-source';
import { ensureMysqlDatabase } from '../../src/database/mysql-admin';
import { localToday } from '../../src/database/sql-time';
import { hudCsvExport, mayExportHudCsv } from '../../src/modules/hud-csv/export';
import { formatReport, importHudCsv, type ImportResult } from '../../src/modules/hud-csv/import';
import { cpuDuring, databasePid } from './cpu';
import { benchConfig, ensureDataset } from './dataset';
import { databaseUrl, SCALES } from './options';

/** Every statement with the time it was sent (ms since start()). */
class TimedLog implements Logger {
  statements: Array<{ at: number; sql: string; params?: unknown[] }> = [];
  private t0 = 0;
  private on = false;
  start(): void {
    this.statements = [];
    this.t0 = performance.now();
    this.on = true;
  }
  stop(): void {
    this.on = false;
  }
  logQuery(query: string, params?: unknown[]): void {
    if (this.on)
      this.statements.push({
        at: performance.now() - this.t0,
        sql: query.replace(/\s+/g, ' ').trim(),
        params,
      });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** A statement's kind: verb and first table, e.g. `INSERT client`, `SELECT hud_import_mapping`. */
function kind(sql: string): string {
  const verb = sql.split(' ')[0].toUpperCase();
  const table =
    /^(?:INSERT INTO|UPDATE|DELETE FROM|SELECT .*? FROM|REPLACE INTO)\s+[`"]?(\w+)/i.exec(sql)?.[1] ?? '';
  return `${verb} ${table}`.trim();
}

async function exportZip(url: string, zip: string): Promise<void> {
  const config = benchConfig(url);
  const ds = await createDataSource(config).initialize();
  try {
    const today = localToday();
    // The bench's actor (setup.ts chooseActor): an organization with two MOU partners, a trained assessor.
    const orgs: Array<{ id: number; code: string; name: string; partners: string }> = await ds.query(
      `SELECT o.id, o.code, o.name, GROUP_CONCAT(DISTINCT sh.from_organization_id) AS partners
         FROM organization o ${activeSharesJoin('o.id')}
        WHERE o.victim_service_provider = 0 AND o.code LIKE 'S%' GROUP BY o.id, o.code, o.name`,
      [today, today],
    );
    const n = (o: { partners: string }) => o.partners.split(',').length;
    orgs.sort((a, b) => Math.abs(n(a) - 2) - Math.abs(n(b) - 2) || a.id - b.id);
    const [user]: Array<{ id: number; organization_id: number; workgroup_id: number }> = await ds.query(
      `SELECT u.id, a.organization_id, w.id AS workgroup_id
         FROM app_user u JOIN org_assignment a ON a.user_id = u.id AND a.can_login = 1 AND a.can_edit = 1
         JOIN workgroup_membership m ON m.user_id = u.id JOIN workgroup w ON w.id = m.workgroup_id
        WHERE u.username LIKE 'synth.user.%' AND u.status = 'ACTIVE' AND a.organization_id = ?
          AND NOT EXISTS (SELECT 1 FROM workgroup_required_training t LEFT JOIN user_training ut
                           ON ut.user_id = u.id AND ut.course = t.course
                           WHERE t.workgroup_id = w.id AND ut.course IS NULL)
        ORDER BY w.name = 'Coordinated Entry Assessors' DESC, u.id LIMIT 1`,
      [orgs[0].id],
    );
    // As the bench does: report:run and the data-analysis ceiling for the export, restored after.
    const [{ access_role: role }] = await ds.query('SELECT access_role FROM app_user WHERE id = ?', [
      user.id,
    ]);
    const granted: unknown[] = await ds.query(
      "SELECT 1 FROM workgroup_capability WHERE workgroup_id = ? AND capability = 'report:run'",
      [user.workgroup_id],
    );
    await ds.query("UPDATE app_user SET access_role = 'AGENCY_STAFF_DATA_ANALYSIS' WHERE id = ?", [user.id]);
    if (!granted.length)
      await ds.query("INSERT INTO workgroup_capability (workgroup_id, capability) VALUES (?, 'report:run')", [
        user.workgroup_id,
      ]);
    const token = await createSession(ds.manager, user.id, config, {
      workgroupId: user.workgroup_id,
      organizationId: user.organization_id,
    });
    try {
      const access = (await accessForToken(ds, token, config))?.access;
      if (!access || !mayExportHudCsv(access)) throw new Error('the actor may not export');
      const org = orgs[0];
      const exp = hudCsvExport(
        ds,
        access,
        {
          start: '1900-01-01',
          end: '2100-12-31',
          programIds: null,
          includeDeleted: false,
          spreadsheetSafe: false,
        },
        { id: org.code, name: org.name },
      );
      const out = fs.createWriteStream(zip);
      for await (const chunk of exp.stream) out.write(chunk);
      await new Promise<void>((resolve) => out.end(resolve));
      const total = Object.values(exp.result.counts).reduce((a, b) => a + b, 0);
      console.log(`exported ${total} rows as user ${user.id} at ${org.code} to ${zip}`);
    } finally {
      await revokeSession(ds, token);
      await ds.query('UPDATE app_user SET access_role = ? WHERE id = ?', [role, user.id]);
      if (!granted.length)
        await ds.query(
          "DELETE FROM workgroup_capability WHERE workgroup_id = ? AND capability = 'report:run'",
          [user.workgroup_id],
        );
    }
  } finally {
    await ds.destroy();
  }
}

async function importZip(url: string, zip: string, count: boolean): Promise<void> {
  const importUrl = url.replace(/\/([A-Za-z0-9_]+)$/, '/$1_hudimport');
  await ensureMysqlDatabase(importUrl, { recreate: true });
  const log = new TimedLog();
  const ds = await createDataSource(benchConfig(importUrl), count ? { logger: log } : {}).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await ds.query(
      "INSERT INTO app_user (username, password_hash, status, access_role) VALUES ('bench.importer', 'x', 'ACTIVE', 'SYSTEM_ADMINISTRATOR')",
    );
    const [{ id }] = await ds.query("SELECT id FROM app_user WHERE username = 'bench.importer'");
    const [settings] = await ds.query(
      'SELECT @@innodb_flush_log_at_trx_commit AS flush, @@innodb_buffer_pool_size AS pool, @@sync_binlog AS sync_binlog, @@log_bin AS log_bin',
    );
    const STATUS = [
      'Innodb_lsn_current',
      'Innodb_data_fsyncs',
      'Innodb_buffer_pool_pages_flushed',
      'Innodb_log_waits',
      'Innodb_checkpoint_max_age',
    ];
    const status = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (
          (await ds.query(
            `SHOW GLOBAL STATUS WHERE Variable_name IN (${STATUS.map((v) => `'${v}'`).join(', ')})`,
          )) as Array<{ Variable_name: string; Value: string }>
        ).map((r) => [r.Variable_name, Number(r.Value)]),
      );
    const status0 = await status();
    let maxAge = 0;
    const ageTimer = setInterval(() => {
      void ds
        .query("SHOW GLOBAL STATUS LIKE 'Innodb_checkpoint_age'")
        .then(([r]: Array<{ Value: string }>) => (maxAge = Math.max(maxAge, Number(r.Value))))
        .catch(() => undefined);
    }, 250);
    log.start();
    const started = performance.now();
    const usage0 = process.cpuUsage();
    const done: { result?: ImportResult } = {};
    const cpu = await cpuDuring({ database: databasePid('127.0.0.1') }, async () => {
      done.result = await importHudCsv(ds, zip, { userId: Number(id), organizationId: null, dryRun: false });
    });
    const ms = performance.now() - started;
    const usage = process.cpuUsage(usage0);
    clearInterval(ageTimer);
    const status1 = await status();
    log.stop();
    const result = done.result!;
    if (result.report.issues.length) {
      for (const line of formatReport(result.report).slice(0, 12)) console.log(`refused: ${line}`);
      return;
    }
    const rows = Object.values(result.written).reduce((t, c) => t + c.created + c.updated + c.unchanged, 0);
    console.log(
      `settings: innodb_flush_log_at_trx_commit=${settings.flush} buffer pool ${Number(settings.pool) / 2 ** 30} GiB sync_binlog=${settings.sync_binlog} log_bin=${settings.log_bin}`,
    );
    console.log(
      `import: ${rows} rows in ${(ms / 1000).toFixed(2)} s, ${Math.round(rows / (ms / 1000))} rows/s (not imported: ${JSON.stringify(result.notImported)})`,
    );
    console.log(
      `CPU during the import: this process ${Math.round(cpu['load generator'] ?? 0)} ms (${(((cpu['load generator'] ?? 0) / rows) * 1000).toFixed(0)} µs a row; user ${Math.round(usage.user / 1000)} ms, system ${Math.round(usage.system / 1000)} ms), mariadbd (all its clients) ${Math.round(cpu.database ?? 0)} ms`,
    );
    console.log(
      `server, all clients, during the import: redo ${((status1.Innodb_lsn_current - status0.Innodb_lsn_current) / 2 ** 20).toFixed(1)} MiB (${Math.round((status1.Innodb_lsn_current - status0.Innodb_lsn_current) / rows)} bytes a row), checkpoint age peak ${(maxAge / 2 ** 20).toFixed(1)} MiB of ${(status1.Innodb_checkpoint_max_age / 2 ** 20).toFixed(1)}, ${status1.Innodb_data_fsyncs - status0.Innodb_data_fsyncs} fsyncs, ${status1.Innodb_buffer_pool_pages_flushed - status0.Innodb_buffer_pool_pages_flushed} pages flushed, ${status1.Innodb_log_waits - status0.Innodb_log_waits} log waits`,
    );
    if (!count) return;
    // The checkpoint-age sampler's SHOW statements are not the import's.
    const s = log.statements.filter((x) => !/^SHOW /i.test(x.sql));
    if (process.env.PROBE_DUMP) fs.writeFileSync(process.env.PROBE_DUMP, JSON.stringify(s));
    const by = new Map<string, number>();
    for (const x of s) by.set(kind(x.sql), (by.get(kind(x.sql)) ?? 0) + 1);
    const commits = s.filter((x) => /^COMMIT\b/i.test(x.sql)).length;
    const starts = s.filter((x) => /^(START TRANSACTION|BEGIN)\b/i.test(x.sql)).length;
    console.log(
      `statements: ${s.length} (${(s.length / rows).toFixed(2)} per row); START TRANSACTION ${starts}, COMMIT ${commits} (${(commits / rows).toFixed(4)} per row), SAVEPOINT ${s.filter((x) => /^SAVEPOINT/i.test(x.sql)).length}`,
    );
    for (const [k, n] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${String(n).padStart(8)} ${(n / rows).toFixed(3).padStart(7)}/row  ${k}`);
    // Phases, from the statements' times: before the first write, writes, after the last record insert.
    const firstWrite = s.find((x) => /^INSERT/i.test(x.sql))?.at ?? 0;
    const firstReach =
      s.find((x) => /client_reach|client_match_key/i.test(x.sql) && !/^SELECT k\.kind/i.test(x.sql))?.at ??
      ms;
    console.log(
      `phases: validation + duplicate check ${(firstWrite / 1000).toFixed(2)} s, record writes ${((firstReach - firstWrite) / 1000).toFixed(2)} s, reach + match keys + audit + commit ${((ms - firstReach) / 1000).toFixed(2)} s`,
    );
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const db = flag('--db');
  if (!db) throw new Error('--db NAME is required');
  const url = databaseUrl(process.env.DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/x', db);
  let zip = flag('--zip');
  if (!zip) {
    const clients = Number(flag('--clients') ?? SCALES.small.clients);
    await ensureDataset(url, { ...SCALES.small, clients }, false, (l) => console.log(l));
    zip = `/tmp/${db}-export.zip`;
    await exportZip(url, zip);
    if (process.argv.includes('--export-only')) return;
  }
  await importZip(url, zip, process.argv.includes('--count'));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
