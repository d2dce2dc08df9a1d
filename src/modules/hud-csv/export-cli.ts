/**
 * `npm run export:hud-csv -- --user NAME --workgroup NAME --org CODE --start YYYY-MM-DD --end YYYY-MM-DD
 *  --out file.zip [--programs 1,2] [--include-deleted] [--spreadsheet-safe]`
 *
 * For administrators on the server: the same export as GET /exports/hud-csv, as that user in that
 * context. It opens a real session for the user in the workgroup and organization (revoked when done),
 * so it is refused exactly when the user could not select them now: inactive, agreement not accepted,
 * a required training missing, not a member of the workgroup, not assigned to the organization, or
 * without report:run (or setup:admin) after the role ceiling. A progress bar shows rows per file on a
 * terminal (cli-progress). Audited as that user's read, like the HTTP export.
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import cliProgress from 'cli-progress';
import { createSession, accessForToken, revokeSession } from '../../auth/session-store';
import { loadConfig } from '../../config';
import { createDataSource } from '../../database/data-source';
import { Organization } from '../organization/organization.entity';
import { User } from '../users/user.entity';
import { Workgroup } from '../admin/workgroup.entity';
import { checkExportRequest, hudCsvExport, mayExportHudCsv, type HudExportRequest } from './export';
import { auditExportEnded, auditExportStarted } from './export-audit';

function args(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out.set(a.slice(2), true);
    else {
      out.set(a.slice(2), next);
      i++;
    }
  }
  return out;
}

const USAGE =
  'usage: npm run export:hud-csv -- --user NAME --workgroup NAME --org CODE --start YYYY-MM-DD --end YYYY-MM-DD --out file.zip [--programs 1,2] [--include-deleted] [--spreadsheet-safe]';

async function main(): Promise<number> {
  const a = args(process.argv.slice(2));
  const text = (k: string) => (typeof a.get(k) === 'string' ? (a.get(k) as string) : null);
  const [username, workgroupName, orgCode, out] = [text('user'), text('workgroup'), text('org'), text('out')];
  if (!username || !workgroupName || !orgCode || !out || !text('start') || !text('end')) {
    console.error(USAGE);
    return 2;
  }
  const request: HudExportRequest = {
    start: text('start')!,
    end: text('end')!,
    programIds: text('programs') ? text('programs')!.split(',').map(Number) : null,
    includeDeleted: a.get('include-deleted') === true,
    spreadsheetSafe: a.get('spreadsheet-safe') === true,
  };
  const problem = checkExportRequest(request);
  if (problem) {
    console.error(problem);
    return 2;
  }
  const config = loadConfig();
  const ds = await createDataSource(config).initialize();
  let token: string | null = null;
  try {
    const user = await ds.getRepository(User).findOneBy({ username });
    const workgroup = await ds.getRepository(Workgroup).findOneBy({ name: workgroupName });
    const org = await ds.getRepository(Organization).findOneBy({ code: orgCode });
    if (!user || !workgroup || !org) {
      console.error(
        `refused: ${!user ? `no user ${username}` : !workgroup ? `no workgroup ${workgroupName}` : `no organization ${orgCode}`}`,
      );
      return 1;
    }
    token = await createSession(ds.manager, user.id, config, {
      workgroupId: workgroup.id,
      organizationId: org.id,
    });
    const session = await accessForToken(ds, token, config);
    const access = session?.access;
    if (!access || access.state !== 'READY') {
      console.error(
        `refused: ${username} cannot work in ${workgroupName} at ${orgCode} now (${access?.state ?? 'inactive user'}).`,
      );
      return 1;
    }
    if (!mayExportHudCsv(access)) {
      console.error(
        `refused: ${username} may not run reports or administer setup in ${workgroupName} at ${orgCode}.`,
      );
      return 1;
    }
    const exp = hudCsvExport(ds, access, request, { id: org.code, name: org.name });
    await auditExportStarted(ds, access, null, exp.exportId, request, exp.withheld, 'cli');
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: 'HUD CSV {bar} {value}/{total} files | {file}: {rows} rows', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(24, 0, { file: 'Export.csv', rows: 0 });
    let files = 0;
    let lastFile = '';
    exp.onRows = (file, rows) => {
      if (file !== lastFile) {
        lastFile = file;
        files++;
      }
      bar?.update(files, { file, rows });
    };
    const sink = createWriteStream(out);
    let outcome: 'completed' | 'stopped' = 'stopped';
    try {
      for await (const chunk of exp.stream) if (!sink.write(chunk)) await once(sink, 'drain');
      sink.end();
      await once(sink, 'finish');
      outcome = 'completed';
    } finally {
      bar?.update(24);
      bar?.stop();
      await auditExportEnded(ds, access, null, request, exp.withheld, exp.result, outcome);
    }
    console.log(`wrote ${out} (export ${exp.exportId})`);
    for (const [file, n] of Object.entries(exp.result.counts)) if (n) console.log(`  ${file}: ${n} rows`);
    if (exp.withheld.length) console.log(`withheld columns (written empty): ${exp.withheld.join(', ')}`);
    return 0;
  } finally {
    if (token) await revokeSession(ds, token);
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`export failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
