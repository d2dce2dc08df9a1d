/**
 * Reports (issue 15, access model §5, §10): aggregates count only what the caller can list,
 * small cells are suppressed and the total never lets one be recovered, bad input names its
 * field, callers without report:run are refused with the reason, every run is audited, and
 * the CSV export answers with the same numbers.
 */
import { addDays, localToday } from '../../src/database/sql-time';
import { DemoApp, type Caller } from '../access/helpers';
import { DIMENSIONS, cellMap, listAll, reference, rng } from './reference';

const demo = new DemoApp('reports');
const today = localToday();
const FROM = addDays(today, -3 * 365);

const COUNTS = (report: string) => `query($input: ReportInput!) { ${report}(input: $input) {
  report groupBy minCellSize total someSuppressed cells { count suppressed keys { dimension value label } } } }`;

const DQ = `query($input: DataQualityInput!) { dataQuality(input: $input) {
  minCellSize problemCount
  programs { programId programName
    elements { element withheld complete doesNotKnowOrPrefersNot dataNotCollected missing invalid suppressed }
    timeliness { kind days0 days1to3 days4to6 days7to10 days11plus suppressed } }
  problems { recordType recordId clientId programId element problem } } }`;

describe('aggregate reports', () => {
  beforeEach(() => {
    demo.app.server.config.reportMinCell = 0;
  });

  test.each(['dara.data', 'mina.manager'] as const)(
    'every aggregate of %s equals a count over what the same user can list (seeded random parameters)',
    async (username) => {
      const caller = await demo.as(username);
      const listed = await listAll(caller);
      const programs: string[] = (await caller.ok<any>('{ programs { id } }')).programs.map((p: any) => p.id);
      const seed = Number(process.env.REPORT_SEED ?? 15);
      const random = rng(seed + username.length);
      let nonEmpty = 0;
      for (let i = 0; i < 12; i++) {
        const report = (['clientCounts', 'enrollmentCounts', 'serviceCounts'] as const)[i % 3];
        const n = Math.floor(random() * 4);
        const groupBy = [...DIMENSIONS].sort(() => random() - 0.5).slice(0, n);
        const from = addDays(today, -Math.floor(random() * 1500));
        const to = addDays(from, Math.floor(random() * 1500));
        const programIds =
          random() < 0.3 && programs.length ? [programs[Math.floor(random() * programs.length)]] : undefined;
        const input = { from, to, groupBy, ...(programIds ? { programIds } : {}) };
        const got = (await caller.ok<any>(COUNTS(report), { input }))[report];
        const want = reference(listed, report, input);
        expect({ input, report, cells: cellMap(got) }).toEqual({ input, report, cells: want });
        expect(got.total).toBe([...want.values()].reduce((a, b) => a + b, 0));
        if (want.size) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(0);
    },
  );

  test('household type splits every enrollment into exactly one cell', async () => {
    const dara = await demo.as('dara.data');
    const input = { from: FROM, to: today };
    const all = (await dara.ok<any>(COUNTS('enrollmentCounts'), { input })).enrollmentCounts;
    const byHousehold = (
      await dara.ok<any>(COUNTS('enrollmentCounts'), { input: { ...input, groupBy: ['HOUSEHOLD_TYPE'] } })
    ).enrollmentCounts;
    expect(all.total).toBeGreaterThan(0);
    expect(byHousehold.total).toBe(all.total);
  });

  test('an aggregate never counts what the caller cannot see: NSO (dara.data) and HSS (mina.manager) count different worlds', async () => {
    const input = { from: FROM, to: today, groupBy: ['PROGRAM'] };
    const dara = (await (await demo.as('dara.data')).ok<any>(COUNTS('enrollmentCounts'), { input }))
      .enrollmentCounts;
    const labels = dara.cells.map((c: any) => c.keys[0].label);
    // Safe Harbor (a VSP) never shares; dara sees no enrollment of it.
    expect(labels).not.toContain('Safe Harbor Shelter');
  });

  test('with the default minimum cell size, small cells are suppressed and the total is the sum of the cells shown', async () => {
    demo.app.server.config.reportMinCell = 11;
    const dara = await demo.as('dara.data');
    const r = (
      await dara.ok<any>(COUNTS('clientCounts'), {
        input: { from: FROM, to: today, groupBy: ['PROGRAM', 'MONTH'] },
      })
    ).clientCounts;
    expect(r.minCellSize).toBe(11);
    const suppressed = r.cells.filter((c: any) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const c of suppressed) expect(c.count).toBeNull();
    for (const c of r.cells.filter((x: any) => !x.suppressed)) expect(c.count).toBeGreaterThanOrEqual(11);
    expect(r.someSuppressed).toBe(true);
    expect(r.total).toBe(r.cells.reduce((s: number, c: any) => s + (c.count ?? 0), 0));
  });

  test('a caller whose role ceiling stops report:run (sam.shelter, AGENCY_STAFF) is refused with FORBIDDEN', async () => {
    const sam = await demo.as('sam.shelter');
    const e = await sam.error(COUNTS('clientCounts'), { input: { from: FROM, to: today } });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/report:run|permission/);
  });

  test.each([
    ['groupBy', { groupBy: ['PROGRAM', 'MONTH', 'SEX', 'AGE_BAND'] }],
    ['to', { from: '2010-01-01', to: '2020-01-02' }],
    ['to', { from: '2020-01-02', to: '2020-01-01' }],
    ['programIds', { programIds: ['999999'] }],
  ])('bad input names the field %s (BAD_USER_INPUT)', async (field, extra) => {
    const dara = await demo.as('dara.data');
    const e = await dara.error(COUNTS('clientCounts'), { input: { from: FROM, to: today, ...extra } });
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(e.message).toContain(field);
  });

  test('an unknown grouping key is BAD_USER_INPUT naming groupBy', async () => {
    const dara = await demo.as('dara.data');
    const e = await dara.error(COUNTS('clientCounts'), {
      input: { from: FROM, to: today, groupBy: ['ZODIAC'] },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toContain('groupBy');
  });

  test('a program the caller cannot see answers as one that does not exist', async () => {
    const dara = await demo.as('dara.data');
    const [shd] = await demo.sql<{ id: number }>(
      "SELECT p.id FROM program p JOIN organization o ON o.id = p.organization_id WHERE o.code = 'SHD'",
    );
    const hidden = await dara.error(COUNTS('clientCounts'), {
      input: { from: FROM, to: today, programIds: [String(shd.id)] },
    });
    const none = await dara.error(COUNTS('clientCounts'), {
      input: { from: FROM, to: today, programIds: ['999999'] },
    });
    expect(hidden.code).toBe('BAD_USER_INPUT');
    expect(hidden.message.replace(String(shd.id), 'N')).toBe(none.message.replace('999999', 'N'));
  });

  test('every run is audited: who, context, parameters and cells returned', async () => {
    const dara = await demo.as('dara.data');
    const input = { from: FROM, to: today, groupBy: ['PROGRAM'] };
    const r = (await dara.ok<any>(COUNTS('serviceCounts'), { input })).serviceCounts;
    const rows = await demo.sql<any>(
      "SELECT user_id, organization_id, workgroup_id, action, operation, after FROM audit_event WHERE operation = 'report:serviceCounts' ORDER BY id DESC",
    );
    expect(rows.length).toBeGreaterThan(0);
    const after = typeof rows[0].after === 'string' ? JSON.parse(rows[0].after) : rows[0].after;
    expect(Number(rows[0].user_id)).toBe(demo.ids.users['dara.data']);
    expect(rows[0].action).toBe('READ');
    expect(Number(rows[0].workgroup_id)).toBeGreaterThan(0);
    expect(after).toMatchObject({
      parameters: { from: FROM, to: today, groupBy: ['PROGRAM'] },
      cells: r.cells.length,
    });
  });
});

describe('data quality', () => {
  beforeEach(() => {
    demo.app.server.config.reportMinCell = 0;
  });

  test('mina.manager gets a row per universal data element per program and problems only of HSS records she may edit', async () => {
    const mina = await demo.as('mina.manager');
    const r = (await mina.ok<any>(DQ, { input: { from: FROM, to: today } })).dataQuality;
    expect(r.programs.length).toBeGreaterThan(0);
    for (const p of r.programs)
      expect(p.elements.map((e: any) => e.element)).toEqual([
        '3.01',
        '3.02',
        '3.03',
        '3.04',
        '3.06',
        '3.07',
        '3.08',
        '3.10',
        '3.11',
        '3.12',
        '3.15',
        '3.16',
        '3.917',
      ]);
    const hss = demo.ids.orgs.HSS;
    for (const p of r.problems) {
      const table =
        p.recordType === 'Client' ? 'client' : p.recordType === 'Exit' ? 'enrollment_exit' : 'enrollment';
      const [row] = await demo.sql<any>(`SELECT organization_id FROM ${table} WHERE id = ?`, [
        Number(p.recordId),
      ]);
      expect(Number(row.organization_id)).toBe(hss);
    }
    expect(r.problemCount).toBeGreaterThanOrEqual(r.problems.length);
  });

  test('3.08 counts the enrollments of each program, and timeliness counts no more starts than that', async () => {
    const dara = await demo.as('dara.data');
    const r = (await dara.ok<any>(DQ, { input: { from: FROM, to: today } })).dataQuality;
    for (const p of r.programs) {
      const e = p.elements.find((x: any) => x.element === '3.08');
      const sum = e.complete + e.doesNotKnowOrPrefersNot + e.dataNotCollected + e.missing + e.invalid;
      expect(sum).toBeGreaterThan(0);
      const starts = p.timeliness.find((t: any) => t.kind === 'starts');
      expect(
        starts.days0 + starts.days1to3 + starts.days4to6 + starts.days7to10 + starts.days11plus,
      ).toBeLessThanOrEqual(sum);
    }
  });

  test.each(['dara.data', 'mina.manager'] as const)(
    '%s: 3.08 and 3.06 counts equal a count over the enrollments and clients the same user can list',
    async (username) => {
      const caller = await demo.as(username);
      const listed = await listAll(caller);
      const from = addDays(today, -400);
      const r = (await caller.ok<any>(DQ, { input: { from, to: today } })).dataQuality;
      const sevOf = (v: string | null) =>
        v === null
          ? 'missing'
          : v === 'DATA_NOT_COLLECTED'
            ? 'dataNotCollected'
            : v === 'CLIENT_DOESNT_KNOW' || v === 'CLIENT_PREFERS_NOT_TO_ANSWER'
              ? 'doesNotKnowOrPrefersNot'
              : 'complete';
      const want = new Map<string, Record<string, number>>();
      const clientsWant = new Map<string, Map<string, string>>();
      for (const c of listed)
        for (const e of c.enrollments) {
          if (e.entryDate > today || (e.exit && e.exit.exitDate < from)) continue;
          const row = want.get(e.program.id) ?? {};
          const k = sevOf(e.disablingCondition);
          row[k] = (row[k] ?? 0) + 1;
          want.set(e.program.id, row);
          const cl = clientsWant.get(e.program.id) ?? new Map<string, string>();
          cl.set(c.id, sevOf(c.sex));
          clientsWant.set(e.program.id, cl);
        }
      const cats = ['complete', 'doesNotKnowOrPrefersNot', 'dataNotCollected', 'missing', 'invalid'];
      const got = new Map<string, Record<string, number>>();
      const gotSex = new Map<string, Record<string, number>>();
      for (const p of r.programs) {
        const el = (n: string) => p.elements.find((e: any) => e.element === n);
        got.set(
          p.programId,
          Object.fromEntries(cats.filter((c) => el('3.08')[c] > 0).map((c) => [c, el('3.08')[c]])),
        );
        gotSex.set(
          p.programId,
          Object.fromEntries(cats.filter((c) => el('3.06')[c] > 0).map((c) => [c, el('3.06')[c]])),
        );
      }
      expect(got).toEqual(want);
      const sexWant = new Map(
        [...clientsWant].map(([pid, m]) => {
          const row: Record<string, number> = {};
          for (const v of m.values()) row[v] = (row[v] ?? 0) + 1;
          return [pid, row];
        }),
      );
      expect(gotSex).toEqual(sexWant);
    },
  );

  test('with the default minimum cell size no suppressed data-quality cell can be recovered from its row and the unit total', async () => {
    demo.app.server.config.reportMinCell = 11;
    const mina = await demo.as('mina.manager');
    const r = (await mina.ok<any>(DQ, { input: { from: FROM, to: today } })).dataQuality;
    const cats = ['complete', 'doesNotKnowOrPrefersNot', 'dataNotCollected', 'missing', 'invalid'];
    let rowsWithSuppression = 0;
    for (const p of r.programs)
      for (const e of p.elements) {
        if (!e.suppressed.length) continue;
        rowsWithSuppression++;
        for (const c of e.suppressed) expect(e[c]).toBeNull();
        // A single suppressed cell beside a shown non-zero one would equal the unit total minus the rest.
        const shownNonZero = cats.filter((c) => !e.suppressed.includes(c) && e[c] > 0);
        expect(e.suppressed.length >= 2 || shownNonZero.length === 0).toBe(true);
        for (const c of shownNonZero) expect(e[c]).toBeGreaterThanOrEqual(11);
      }
    expect(rowsWithSuppression).toBeGreaterThan(0);
  });

  test('sam.shelter is refused with FORBIDDEN', async () => {
    const sam = await demo.as('sam.shelter');
    expect((await sam.error(DQ, { input: { from: FROM, to: today } })).code).toBe('FORBIDDEN');
  });
});

describe('CSV export', () => {
  beforeEach(() => {
    demo.app.server.config.reportMinCell = 11;
  });

  async function csv(caller: Caller | null, path: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${demo.app.server.url}${path}`, {
      headers: caller?.token ? { authorization: `Bearer ${caller.token}` } : {},
    });
    return { status: res.status, body: await res.text() };
  }

  test('clientCounts as CSV carries the same cells, suppressed ones as "suppressed", and the total of the cells shown', async () => {
    const dara = await demo.as('dara.data');
    const input = { from: FROM, to: today, groupBy: ['PROGRAM', 'MONTH'] };
    const api = (await dara.ok<any>(COUNTS('clientCounts'), { input })).clientCounts;
    const res = await csv(dara, `/reports/clientCounts.csv?from=${FROM}&to=${today}&groupBy=PROGRAM,MONTH`);
    expect(res.status).toBe(200);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('program,program_label,month,month_label,count');
    const cells = lines.slice(1, -1).map((l) => l.split(',').pop());
    expect(cells).toEqual(api.cells.map((c: any) => (c.suppressed ? 'suppressed' : String(c.count))));
    expect(lines.at(-1)!.split(',').pop()).toBe(String(api.total));
  });

  test('without report:run the CSV is refused with 403 FORBIDDEN; bad input is 400 naming the field', async () => {
    const sam = await demo.as('sam.shelter');
    const refused = await csv(sam, `/reports/clientCounts.csv?from=${FROM}&to=${today}`);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('FORBIDDEN');
    const dara = await demo.as('dara.data');
    const bad = await csv(dara, `/reports/clientCounts.csv?from=${FROM}&to=${today}&groupBy=ZODIAC`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'groupBy',
    });
    expect((await csv(null, `/reports/clientCounts.csv?from=${FROM}&to=${today}`)).status).toBe(401);
  });

  test('a CSV export is audited like the GraphQL report, with its format', async () => {
    const dara = await demo.as('dara.data');
    const res = await csv(dara, `/reports/enrollmentCounts.csv?from=${FROM}&to=${today}&groupBy=SEX`);
    expect(res.status).toBe(200);
    const [row] = await demo.sql<any>(
      "SELECT user_id, action, after FROM audit_event WHERE operation = 'report:enrollmentCounts' ORDER BY id DESC",
    );
    const after = typeof row.after === 'string' ? JSON.parse(row.after) : row.after;
    expect(Number(row.user_id)).toBe(demo.ids.users['dara.data']);
    expect(after).toMatchObject({ format: 'csv', parameters: { groupBy: ['SEX'] } });
    expect(after.cells).toBe(res.body.trim().split('\r\n').length - 2);
  });

  test('the data-quality CSV lists the elements of each program', async () => {
    const mina = await demo.as('mina.manager');
    const res = await csv(mina, `/reports/dataQuality.csv?from=${FROM}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('3.917');
  });
});
