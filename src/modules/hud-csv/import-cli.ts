/**
 * `npm run import:hud-csv -- --as ADMIN_USERNAME [--org CODE] file.zip [--dry-run]`
 *
 * Imports a HUD HMIS CSV FY2026 zip (import.ts) as an active system administrator: prints the
 * validation report by file and line and imports nothing while any row is invalid; with --dry-run
 * only validates. Rows written per file are printed (and shown on a progress bar on a terminal), and
 * so are the incoming clients that likely duplicate existing ones (Waypoint ids, score, reasons).
 */
import 'reflect-metadata';
import cliProgress from 'cli-progress';
import { AccessRole } from '../../access/access-role';
import { loadConfig } from '../../config';
import { createDataSource } from '../../database/data-source';
import { Organization } from '../organization/organization.entity';
import { User } from '../users/user.entity';
import { formatDuplicates, formatReport, HudImportError, importHudCsv } from './import';

const USAGE = 'usage: npm run import:hud-csv -- --as ADMIN_USERNAME [--org CODE] file.zip [--dry-run]';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let as: string | null = null;
  let orgCode: string | null = null;
  let dryRun = false;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--as') as = argv[++i] ?? null;
    else if (argv[i] === '--org') orgCode = argv[++i] ?? null;
    else if (argv[i] === '--dry-run') dryRun = true;
    else if (!argv[i].startsWith('--') && !file) file = argv[i];
    else {
      console.error(USAGE);
      return 2;
    }
  }
  if (!as || !file) {
    console.error(USAGE);
    return 2;
  }
  const ds = await createDataSource(loadConfig()).initialize();
  try {
    const user = await ds.getRepository(User).findOneBy({ username: as });
    if (!user || user.status !== 'ACTIVE' || user.accessRole !== AccessRole.SYSTEM_ADMINISTRATOR) {
      console.error(`refused: ${as} is not an active system administrator`);
      return 1;
    }
    let organizationId: number | null = null;
    if (orgCode) {
      const org = await ds.getRepository(Organization).findOneBy({ code: orgCode });
      if (!org) {
        console.error(`refused: no organization ${orgCode}`);
        return 1;
      }
      organizationId = org.id;
    }
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: 'import {file}: {value} rows', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
    let started = false;
    const started_at = Date.now();
    const result = await importHudCsv(ds, file, {
      userId: user.id,
      organizationId,
      dryRun,
      onRows: (f, rows) => {
        if (!started) bar?.start(0, 0, { file: f });
        started = true;
        bar?.update(rows, { file: f });
      },
    });
    bar?.stop();
    const problems = formatReport(result.report);
    for (const [f, n] of Object.entries(result.report.rows)) console.log(`${f}: ${n} rows read`);
    if (problems.length) {
      console.error(`${problems.length} problem(s); nothing was imported:`);
      for (const p of problems) console.error(`  ${p}`);
      return 1;
    }
    for (const line of formatDuplicates(result.duplicates, dryRun)) console.log(line);
    if (dryRun) {
      console.log('dry run: every file is valid; nothing was imported');
      return 0;
    }
    let rows = 0;
    for (const [f, c] of Object.entries(result.written)) {
      rows += c.created + c.updated + c.unchanged;
      console.log(`${f}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`);
    }
    for (const [f, n] of Object.entries(result.notImported))
      console.log(`${f}: ${n} rows validated, not imported by Waypoint`);
    const seconds = (Date.now() - started_at) / 1000;
    console.log(
      `imported from source ${result.source}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`,
    );
    return 0;
  } catch (err) {
    if (err instanceof HudImportError) {
      console.error(`refused: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
