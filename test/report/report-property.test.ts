/**
 * Property (issue 15): in random synthetic worlds (organizations, MOUs, VSPs, restricted records,
 * restrict-intake clients, from seeds/synthetic.ts), every aggregate a user
 * runs equals a count over the records the same user can list through `clients`. Several users
 * of different organizations, seeded random parameters; both engines (DATABASE_URL). CI runs a
 * fixed sample of world seeds; REPORT_WORLD_SEEDS=1,2,3 runs others.
 */
import 'reflect-metadata';
import { seedSynthetic, SYNTHETIC_DEFAULTS } from '../../seeds/synthetic';
import { addDays, localToday } from '../../src/database/sql-time';
import { startTestApp, type TestApp } from '../support/app';
import { DIMENSIONS, cellMap, listAll, reference, rng, type Lister } from './reference';

jest.setTimeout(300_000);

const SEEDS = (process.env.REPORT_WORLD_SEEDS ?? '15').split(',').map(Number);
const PASSWORD = 'report-property-test';
const today = localToday();
const REPORTS = ['clientCounts', 'enrollmentCounts', 'serviceCounts'] as const;
const COUNTS = (report: string) => `query($input: ReportInput!) { ${report}(input: $input) {
  total cells { count suppressed keys { value } } } }`;

describe.each(SEEDS)('random world %i', (seed) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(`report_property_${seed}`);
    app.server.config.reportMinCell = 0;
    await seedSynthetic(app.db.ds, {
      ...SYNTHETIC_DEFAULTS,
      seed,
      organizations: 5,
      mous: 6,
      users: 10,
      clients: 150,
      password: PASSWORD,
    });
    // Reports need a ceiling that lets report:run through; the synthetic workgroups hold it.
    await app.db.ds.query(
      "UPDATE app_user SET access_role = 'AGENCY_STAFF_DATA_ANALYSIS' WHERE username LIKE 'synth.user.%'",
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  test('every aggregate of several users equals a count over what each can list', async () => {
    const users: { username: string }[] = await app.db.ds.query(
      "SELECT u.username FROM app_user u WHERE u.username LIKE 'synth.user.%' ORDER BY u.id",
    );
    const random = rng(seed);
    let checked = 0;
    let nonEmpty = 0;
    for (const { username } of users.slice(0, 4)) {
      let token: string;
      try {
        token = await app.api.login(username, PASSWORD);
      } catch {
        continue; // a user that must pick a context (several orgs) is covered by the others
      }
      const caller: Lister = { ok: (q, v) => app.api.ok(q, v ?? {}, token) };
      const me = await caller.ok<any>('{ me { state capabilities } }');
      if (me.me.state !== 'READY' || !me.me.capabilities.includes('report:run')) continue;
      const listed = await listAll(caller);
      const programs: string[] = (await caller.ok<any>('{ programs { id } }')).programs.map((p: any) => p.id);
      for (let i = 0; i < 6; i++) {
        const report = REPORTS[i % 3];
        const groupBy = [...DIMENSIONS].sort(() => random() - 0.5).slice(0, Math.floor(random() * 4));
        const from = addDays(today, -Math.floor(random() * 1200) - 30);
        const to = addDays(from, Math.floor(random() * 1200) + 30);
        const programIds =
          random() < 0.3 && programs.length ? [programs[Math.floor(random() * programs.length)]] : undefined;
        const input = { from, to, groupBy, ...(programIds ? { programIds } : {}) };
        const got = (await caller.ok<any>(COUNTS(report), { input }))[report];
        const want = reference(listed, report, input);
        expect({ username, report, input, cells: cellMap(got) }).toEqual({
          username,
          report,
          input,
          cells: want,
        });
        checked++;
        if (want.size) nonEmpty++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
    expect(nonEmpty).toBeGreaterThan(0);
  });
});
