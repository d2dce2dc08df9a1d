import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seedDemo } from '../../seeds/demo';
import {
  seedSynthetic,
  SYNTHETIC_DEFAULTS,
  type SyntheticOptions,
  type SyntheticSummary,
} from '../../seeds/synthetic';
import { freshMysql, freshSqlite, n, seedTestUrl } from './db-helpers';

const TODAY = '2025-06-15';
const SMALL: SyntheticOptions = {
  ...SYNTHETIC_DEFAULTS,
  seed: 7,
  organizations: 6,
  programsPerOrg: 3,
  mous: 8,
  users: 12,
  clients: 200,
  enrollmentsPerClient: 2.5,
  servicesPerEnrollment: 4,
  vspFraction: 0.25,
  password: 'synthetic-test',
  today: TODAY,
};
const TABLES = [
  'organization',
  'program',
  'information_release',
  'information_release_share',
  'app_user',
  'org_assignment',
  'client',
  'enrollment',
  'enrollment_exit',
  'service',
  'current_living_situation',
  'assessment',
  'ce_event',
  'health_and_dv',
];

async function counts(ds: DataSource): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = n((await ds.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c);
  return result;
}

/** SHA-256 of a table's rows, ordered by id. */
async function tableHash(ds: DataSource, table: string): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await ds.query(`SELECT * FROM ${table} ORDER BY id`)))
    .digest('hex');
}

async function generate(options: SyntheticOptions): Promise<{ ds: DataSource; summary: SyntheticSummary }> {
  const ds = await freshSqlite().open();
  const summary = await seedSynthetic(ds, options);
  return { ds, summary };
}

describe('synthetic seed', () => {
  const open: DataSource[] = [];
  afterAll(async () => {
    for (const ds of open) await ds.destroy();
  });

  it('gives the same rows for the same seed', async () => {
    const a = await generate(SMALL);
    const b = await generate(SMALL);
    open.push(a.ds, b.ds);
    expect(await counts(b.ds)).toEqual(await counts(a.ds));
    for (const table of [
      'client',
      'enrollment',
      'enrollment_exit',
      'service',
      'assessment',
      'information_release',
    ]) {
      expect({ table, hash: await tableHash(b.ds, table) }).toEqual({
        table,
        hash: await tableHash(a.ds, table),
      });
    }
    // Setup rows get their timestamps from the database clock: compare the generated columns.
    const setup = async (ds: DataSource) => [
      await ds.query(
        'SELECT id, code, name, default_restriction, display_restriction_field, victim_service_provider FROM organization ORDER BY id',
      ),
      await ds.query(
        'SELECT id, organization_id, name, project_type, operating_start_date FROM program ORDER BY id',
      ),
      await ds.query(
        'SELECT * FROM information_release_share ORDER BY release_id, from_organization_id, to_organization_id',
      ),
      await ds.query('SELECT id, username, display_name, last_login_at FROM app_user ORDER BY id'),
    ];
    expect(await setup(b.ds)).toEqual(await setup(a.ds));
    expect(a.summary.tables.map((t) => [t.table, t.rows])).toEqual(
      b.summary.tables.map((t) => [t.table, t.rows]),
    );
  });

  it('gives different rows for another seed', async () => {
    const a = await generate(SMALL);
    const b = await generate({ ...SMALL, seed: 8 });
    open.push(a.ds, b.ds);
    expect(await tableHash(b.ds, 'client')).not.toEqual(await tableHash(a.ds, 'client'));
  });

  it('hits the requested totals exactly and reports rows per table', async () => {
    const { ds, summary } = await generate(SMALL);
    open.push(ds);
    const c = await counts(ds);
    expect(c.organization).toBe(6);
    expect(c.program).toBe(18);
    expect(c.information_release).toBe(8);
    expect(c.app_user).toBe(12);
    expect(c.client).toBe(200);
    expect(c.enrollment).toBe(500);
    expect(c.service).toBe(2000);
    const reported = Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
    for (const table of TABLES) expect({ table, rows: reported[table] }).toEqual({ table, rows: c[table] });
  });

  it('respects the access model: VSPs never share, their records are restricted and their clients restrict-intake', async () => {
    const { ds } = await generate({ ...SMALL, vspFraction: 0.5, seed: 11 });
    open.push(ds);
    const vsps = (await ds.query('SELECT id FROM organization WHERE victim_service_provider = 1')).map(
      (r: { id: number }) => r.id,
    );
    expect(vsps.length).toBeGreaterThan(0);
    const list = vsps.join(', ');
    expect(
      await ds.query(`SELECT * FROM information_release_share WHERE from_organization_id IN (${list})`),
    ).toEqual([]);
    for (const table of ['enrollment', 'enrollment_exit', 'service', 'health_and_dv']) {
      const [{ c }] = await ds.query(
        `SELECT COUNT(*) AS c FROM ${table} WHERE organization_id IN (${list}) AND restriction <> 'RESTRICTED'`,
      );
      expect({ table, unrestricted: n(c) }).toEqual({ table, unrestricted: 0 });
    }
    const [{ c }] = await ds.query(
      `SELECT COUNT(*) AS c FROM client WHERE organization_id IN (${list}) AND restrict_intake = 0`,
    );
    expect(n(c)).toBe(0);
  });

  it('keeps children consistent with their enrollment and dates within the stay', async () => {
    const { ds } = await generate(SMALL);
    open.push(ds);
    expect(
      await ds.query(
        'SELECT e.id FROM enrollment e JOIN program p ON p.id = e.program_id WHERE p.organization_id <> e.organization_id',
      ),
    ).toEqual([]);
    for (const table of [
      'enrollment_exit',
      'service',
      'current_living_situation',
      'assessment',
      'ce_event',
      'health_and_dv',
    ]) {
      const bad = await ds.query(
        `SELECT t.id FROM ${table} t JOIN enrollment e ON e.id = t.enrollment_id WHERE e.organization_id <> t.organization_id OR e.client_id <> t.client_id OR e.restriction <> t.restriction`,
      );
      expect({ table, bad }).toEqual({ table, bad: [] });
    }
    const early = await ds.query(
      'SELECT s.id FROM service s JOIN enrollment e ON e.id = s.enrollment_id LEFT JOIN enrollment_exit x ON x.enrollment_id = e.id WHERE s.date_provided < e.entry_date OR s.date_provided > COALESCE(x.exit_date, ?)',
      [TODAY],
    );
    expect(early).toEqual([]);
  });

  it('adds to a database holding the demo scenario without touching it', async () => {
    const ds = await freshSqlite().open();
    open.push(ds);
    const ids = await seedDemo(ds, { password: 'x', today: TODAY });
    const before = await tableHash(ds, 'client');
    const summary = await seedSynthetic(ds, { ...SMALL, clients: 50 });
    expect(summary.organizationIds[0]).toBe(Math.max(...Object.values(ids.orgs)) + 1);
    const codes = (await ds.query('SELECT code FROM organization ORDER BY id')).map(
      (r: { code: string }) => r.code,
    );
    expect(codes.slice(0, 5)).toEqual(['HSS', 'NSO', 'CCE', 'SHD', 'ADM']);
    expect(new Set(codes).size).toBe(codes.length);
    const demoClients = await ds.query(
      `SELECT * FROM client WHERE id <= ${Math.max(...Object.values(ids.clients), ...Object.values(ids.filler).flat(), ...ids.housing.clients)} ORDER BY id`,
    );
    expect(createHash('sha256').update(JSON.stringify(demoClients)).digest('hex')).toBe(before);
    expect((await ds.query(`SELECT COUNT(*) AS c FROM workgroup`))[0].c).toBe(6);
    // A second run continues numbering instead of colliding.
    const again = await seedSynthetic(ds, { ...SMALL, clients: 10 });
    expect(again.userNumbers.first).toBe(summary.userNumbers.last + 1);
  });

  const url = process.env.DATABASE_URL;
  (url ? it : it.skip)('writes the same row counts to MySQL as to SQLite', async () => {
    const mysql = await freshMysql(seedTestUrl(url as string, 'synthtest')).open();
    open.push(mysql);
    const { ds: sqlite } = await generate(SMALL);
    open.push(sqlite);
    await seedSynthetic(mysql, SMALL);
    expect(await counts(mysql)).toEqual(await counts(sqlite));
    const names = async (ds: DataSource) =>
      (await ds.query('SELECT first_name, last_name, ssn FROM client ORDER BY id')).map(
        (r: any) => `${r.first_name} ${r.last_name} ${r.ssn}`,
      );
    expect(await names(mysql)).toEqual(await names(sqlite));
  });
});
