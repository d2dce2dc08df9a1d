import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { isCapability } from '../../src/access/capabilities';
import { verifyPassword } from '../../src/auth/passwords';
import { addDays, localToday } from '../../src/database/sql-time';
import { seedDemo, type DemoIds } from '../../seeds/demo';
import { DEMO_USERNAMES } from '../../seeds/demo-setup';
import { WORKGROUP_CAPABILITIES, WORKGROUP_NAMES, capabilityMatrixTable } from '../../seeds/workgroups';
import { asDate, n, seedTestEngines } from './db-helpers';

const TODAY = '2025-06-15';
const PASSWORD = 'demo-test-password';
const DAY_MS = 86_400_000;

describe.each(seedTestEngines('seedtest'))('demo seed on $name', (engine) => {
  let ds: DataSource;
  let ids: DemoIds;
  const q = (sql: string, params: unknown[] = []): Promise<any[]> => ds.query(sql, params);
  const one = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0];
  const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
    n((await one(`SELECT COUNT(*) AS c FROM ${table} WHERE ${where}`, params)).c);
  const orgCode = (id: number) => (Object.entries(ids.orgs).find(([, v]) => v === id) ?? ['?'])[0];

  beforeAll(async () => {
    ds = await engine.open();
    ids = await seedDemo(ds, { password: PASSWORD, today: TODAY });
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  describe('workgroups', () => {
    it('creates the six standard workgroups', async () => {
      const rows = await q('SELECT id, name FROM workgroup ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(WORKGROUP_NAMES);
      expect(Object.keys(ids.workgroups)).toEqual(WORKGROUP_NAMES);
    });

    it('stores the capability matrix as data, using only known capabilities', async () => {
      const rows = await q(
        'SELECT w.name, c.capability FROM workgroup_capability c JOIN workgroup w ON w.id = c.workgroup_id',
      );
      for (const name of WORKGROUP_NAMES) {
        const stored = rows
          .filter((r) => r.name === name)
          .map((r) => r.capability)
          .sort();
        expect(stored).toEqual([...WORKGROUP_CAPABILITIES[name]].sort());
      }
      expect(rows.every((r) => isCapability(r.capability))).toBe(true);
      expect(capabilityMatrixTable()).toContain('reservation:manage');
    });

    it('keeps the full SSN, date of birth and health answers from the Shelter Reservation Team', async () => {
      const caps = (
        await q('SELECT capability FROM workgroup_capability WHERE workgroup_id = ?', [
          ids.workgroups['Shelter Reservation Team'],
        ])
      ).map((r) => r.capability);
      expect(caps).toEqual(expect.arrayContaining(['client.name:read', 'client:read', 'reservation:manage']));
      for (const hidden of ['client.ssn:read', 'client.dob:read', 'health:read', 'health:write'])
        expect(caps).not.toContain(hidden);
    });

    it('lets only CE Assessors, Priority List Managers and System Administrators read assessment scores', async () => {
      const rows = await q(
        `SELECT w.name FROM workgroup_capability c JOIN workgroup w ON w.id = c.workgroup_id WHERE c.capability = 'assessment.score:read' ORDER BY w.name`,
      );
      expect(rows.map((r) => r.name)).toEqual([
        'Coordinated Entry Assessors',
        'Priority List Managers',
        'System Administrators',
      ]);
    });

    it('requires VI-SPDAT assessment training of Coordinated Entry Assessors only', async () => {
      const rows = await q('SELECT workgroup_id, course, kind FROM workgroup_required_training');
      expect(rows).toEqual([
        {
          workgroup_id: ids.workgroups['Coordinated Entry Assessors'],
          course: 'VI-SPDAT',
          kind: 'ASSESSMENT',
        },
      ]);
    });
  });

  describe('organizations, programs and releases', () => {
    it('creates the five organizations with their restriction settings', async () => {
      const rows = await q('SELECT * FROM organization ORDER BY id');
      const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
      expect(rows.map((r) => r.code)).toEqual(['HSS', 'NSO', 'CCE', 'SHD', 'ADM']);
      expect(byCode.HSS).toMatchObject({ name: 'Hope Street Shelter', default_restriction: 'UNRESTRICTED' });
      expect(n(byCode.HSS.display_restriction_field)).toBe(1);
      expect(byCode.NSO).toMatchObject({ name: 'Northside Outreach', default_restriction: 'UNRESTRICTED' });
      expect(n(byCode.NSO.display_restriction_field)).toBe(0);
      expect(byCode.CCE).toMatchObject({
        name: 'County Coordinated Entry',
        default_restriction: 'RESTRICTED',
      });
      expect(byCode.SHD).toMatchObject({
        name: 'Safe Harbor DV Services',
        default_restriction: 'RESTRICTED',
      });
      expect(byCode.ADM.name).toBe('HMIS Lead Agency');
      expect(rows.filter((r) => n(r.victim_service_provider) === 1).map((r) => r.code)).toEqual(['SHD']);
      for (const r of rows)
        for (const col of [
          'address',
          'city',
          'state',
          'zip',
          'contact_name',
          'contact_phone',
          'contact_email',
        ])
          expect(r[col]).toBeTruthy();
      // One location per organization, and Hope Street's two shelter facilities (Housing and reservations).
      expect(await count('location')).toBe(7);
    });

    it('enables both restriction options for Hope Street Shelter', async () => {
      const rows = await q(
        'SELECT organization_id, restriction, enabled FROM restriction_option ORDER BY restriction',
      );
      expect(rows.map((r) => [r.organization_id, r.restriction, n(r.enabled)])).toEqual([
        [ids.orgs.HSS, 'RESTRICTED', 1],
        [ids.orgs.HSS, 'UNRESTRICTED', 1],
      ]);
    });

    it('creates the five programs with their HUD project types', async () => {
      const rows = await q(
        'SELECT id, organization_id, name, project_type, coc_code, operating_start_date FROM program ORDER BY id',
      );
      expect(rows.map((r) => [orgCode(r.organization_id), r.name, n(r.project_type)])).toEqual([
        ['HSS', 'Hope Street Emergency Shelter', 0],
        ['HSS', 'Hope Street Rapid Rehousing', 13],
        ['NSO', 'Northside Street Outreach', 4],
        ['CCE', 'County Coordinated Entry', 14],
        ['SHD', 'Safe Harbor Shelter', 0],
        ['HSS', 'Hope Street Overflow', 1],
      ]);
      expect(rows.map((r) => r.id)).toEqual([...Object.values(ids.programs), ids.housing.overflowProgram]);
      for (const r of rows) {
        expect(r.coc_code).toBe('XX-500');
        expect(String(r.operating_start_date) < addDays(TODAY, -365)).toBe(true);
      }
      expect(
        await count('inventory', 'program_id IN (?, ?)', [ids.programs.HSS_ES, ids.programs.SHD_ES]),
      ).toBeGreaterThanOrEqual(2);
      expect(
        await count('funder', 'program_id IN (?, ?)', [ids.programs.HSS_ES, ids.programs.SHD_ES]),
      ).toBeGreaterThanOrEqual(2);
    });

    it('creates releases 1001-1004 with their shares and dates', async () => {
      const releases = await q(
        'SELECT id, number, name, start_date, end_date FROM information_release ORDER BY number',
      );
      expect(
        releases.map((r) => [r.number, r.name, String(r.start_date), r.end_date && String(r.end_date)]),
      ).toEqual([
        [1001, 'Hope–Northside Data Sharing', addDays(TODAY, -365), null],
        [1002, 'Outreach to Coordinated Entry', addDays(TODAY, -365), null],
        [1003, 'Expired Pilot', addDays(TODAY, -400), addDays(TODAY, -30)],
        [1004, 'HMIS Lead data stewardship', addDays(TODAY, -365), null],
      ]);
      const shares = await q(
        'SELECT release_id, from_organization_id, to_organization_id FROM information_release_share',
      );
      const byRelease = (id: number) =>
        shares
          .filter((s) => s.release_id === id)
          .map((s) => `${orgCode(s.from_organization_id)}->${orgCode(s.to_organization_id)}`)
          .sort();
      expect(byRelease(ids.releases[1001])).toEqual(['HSS->NSO', 'NSO->HSS']);
      expect(byRelease(ids.releases[1002])).toEqual(['NSO->CCE']);
      expect(byRelease(ids.releases[1003])).toEqual(['HSS->CCE']);
      expect(byRelease(ids.releases[1004])).toEqual(['CCE->ADM', 'HSS->ADM', 'NSO->ADM']);
      expect(shares.some((s) => s.from_organization_id === ids.orgs.SHD)).toBe(false);
    });
  });

  describe('users', () => {
    let users: Record<string, any>;
    beforeAll(async () => {
      users = Object.fromEntries((await q('SELECT * FROM app_user')).map((u) => [u.username, u]));
    });

    it('creates the fifteen demo users (lee.leaving and dara.data with the stewardship scenario)', () => {
      expect(Object.keys(users).sort()).toEqual([...DEMO_USERNAMES].sort());
      expect(Object.keys(users)).toHaveLength(15);
      for (const u of Object.values(users)) expect(u.display_name).toBeTruthy();
    });

    it('gives every user the seed password, hashed once', async () => {
      expect(new Set(Object.values(users).map((u) => u.password_hash)).size).toBe(1);
      expect(await verifyPassword(users.admin.password_hash, PASSWORD)).toBe(true);
    });

    it('assigns access roles: administrator, agency manager, data analyst, staff', () => {
      expect(users.admin.access_role).toBe('SYSTEM_ADMINISTRATOR');
      expect(users['mina.manager'].access_role).toBe('AGENCY_MANAGER');
      expect(users['dara.data'].access_role).toBe('AGENCY_STAFF_DATA_ANALYSIS');
      const staff = Object.values(users).filter(
        (u) => !['admin', 'mina.manager', 'dara.data'].includes(u.username),
      );
      expect(staff.every((u) => u.access_role === 'AGENCY_STAFF')).toBe(true);
    });

    it('records the lifecycle states of the table', () => {
      const seededAt = new Date(`${TODAY}T12:00:00`).getTime();
      expect(users['nora.new'].eua_accepted_at).toBeNull();
      expect(
        Object.values(users)
          .filter((u) => u.eua_accepted_at === null)
          .map((u) => u.username),
      ).toEqual(['nora.new']);
      expect(Math.round((seededAt - asDate(users['ivan.idle'].last_login_at).getTime()) / DAY_MS)).toBe(61);
      for (const u of Object.values(users).filter((u) => u.username !== 'ivan.idle')) {
        expect(Math.round((seededAt - asDate(u.last_login_at).getTime()) / DAY_MS)).toBe(1);
      }
      expect(users['devon.departed']).toMatchObject({
        status: 'DEACTIVATED',
        deactivation_reason: 'left the agency',
      });
      expect(
        Object.values(users)
          .filter((u) => u.status !== 'ACTIVE')
          .map((u) => u.username),
      ).toEqual(['devon.departed']);
    });

    it('puts users in their workgroups', async () => {
      const rows = await q(
        'SELECT u.username, w.name FROM workgroup_membership m JOIN app_user u ON u.id = m.user_id JOIN workgroup w ON w.id = m.workgroup_id',
      );
      const of = (username: string) =>
        rows
          .filter((r) => r.username === username)
          .map((r) => r.name)
          .sort();
      expect(of('admin')).toEqual(['System Administrators']);
      expect(of('sam.shelter')).toEqual(['Emergency Shelter Staff']);
      expect(of('morgan.multi')).toEqual(['Coordinated Entry Assessors', 'HMIS Users']);
      expect(of('casey.assessor')).toEqual(['Coordinated Entry Assessors']);
      expect(of('tara.trainee')).toEqual(['Coordinated Entry Assessors']);
      expect(of('pat.priority')).toEqual(['Priority List Managers']);
      expect(of('riley.reserve')).toEqual(['Shelter Reservation Team']);
      for (const u of [
        'olga.outreach',
        'mina.manager',
        'dana.dv',
        'nora.new',
        'ivan.idle',
        'devon.departed',
        'lee.leaving',
        'dara.data',
      ])
        expect(of(u)).toEqual(['HMIS Users']);
    });

    it("records mina.manager's pending requests: a new Hope Street account and lee.leaving's deactivation in six days", async () => {
      const rows = await q('SELECT * FROM account_request ORDER BY id');
      expect(rows.map((r) => [r.kind, r.status, orgCode(r.organization_id), r.requested_by_id])).toEqual([
        ['ACCOUNT', 'PENDING', 'HSS', ids.users['mina.manager']],
        ['DEACTIVATION', 'PENDING', 'HSS', ids.users['mina.manager']],
      ]);
      expect(JSON.parse(rows[0].account)).toMatchObject({
        username: 'jules.new',
        accessRole: 'AGENCY_STAFF',
      });
      expect(rows[1]).toMatchObject({ user_id: ids.users['lee.leaving'], last_day: addDays(TODAY, 6) });
    });

    it('assigns organizations with independent login and edit rights', async () => {
      const rows = await q(
        'SELECT user_id, organization_id, can_login, can_edit, agency_lead FROM org_assignment',
      );
      const of = (username: keyof DemoIds['users']) =>
        rows
          .filter((r) => r.user_id === ids.users[username])
          .map(
            (r) =>
              `${orgCode(r.organization_id)}:${n(r.can_login) ? 'login' : '-'}/${n(r.can_edit) ? 'edit' : '-'}${n(r.agency_lead) ? '/lead' : ''}`,
          )
          .sort();
      expect(of('morgan.multi')).toEqual(['CCE:-/edit', 'HSS:login/edit', 'NSO:login/-']);
      expect(of('admin')).toEqual(['ADM:login/edit']);
      expect(of('mina.manager')).toEqual(['HSS:login/edit/lead']);
      expect(of('dana.dv')).toEqual(['SHD:login/edit']);
      expect(of('devon.departed')).toEqual(['NSO:login/edit']);
      expect(rows.filter((r) => n(r.agency_lead)).length).toBe(1);
    });

    it('records VI-SPDAT for morgan.multi and casey.assessor, not tara.trainee', async () => {
      const rows = await q('SELECT user_id, course FROM user_training');
      expect(rows.map((r) => [r.user_id, r.course]).sort()).toEqual(
        [
          [ids.users['morgan.multi'], 'VI-SPDAT'],
          [ids.users['casey.assessor'], 'VI-SPDAT'],
        ].sort(),
      );
    });
  });

  describe('clients and transactions', () => {
    const TRANSACTION_TABLES = [
      'enrollment',
      'enrollment_exit',
      'service',
      'current_living_situation',
      'assessment',
      'ce_event',
      'health_and_dv',
    ];
    const enrollment = (key: keyof DemoIds['enrollments']) =>
      one('SELECT * FROM enrollment WHERE id = ?', [ids.enrollments[key]]);

    it('creates the named clients with realistic, fully reported identifying data', async () => {
      const rows = await q('SELECT * FROM client');
      // 8 scenario clients, 2 likely duplicates (demo scenario, "Duplicates and requests"), 40
      // filler, and the shelter's guests (demo scenario, "Housing and reservations").
      expect(rows).toHaveLength(10 + 40 + ids.housing.clients.length);
      for (const c of rows) {
        expect(c.ssn).toMatch(/^(?!000|666|9)\d{3}(?!00)\d{2}(?!0000)\d{4}$/);
        expect([n(c.name_data_quality), n(c.ssn_data_quality), n(c.dob_data_quality)]).toEqual([1, 1, 1]);
        expect(String(c.dob)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect([0, 1]).toContain(n(c.sex));
        expect([0, 1]).toContain(n(c.veteran_status));
        expect(JSON.parse(c.race_ethnicity).length).toBeGreaterThan(0);
      }
      const named = rows.filter((c) => `${c.first_name} ${c.last_name}` in ids.clients);
      expect(named.map((c) => `${c.first_name} ${c.last_name}`).sort()).toEqual(
        Object.keys(ids.clients).sort(),
      );
      const owner = Object.fromEntries(
        named.map((c) => [`${c.first_name} ${c.last_name}`, orgCode(c.organization_id)]),
      );
      expect(owner).toEqual({
        'Alex Rivera': 'HSS',
        'Jordan Lee': 'HSS',
        'Sam Carter': 'NSO',
        'Taylor Brooks': 'NSO',
        'Casey Morgan': 'CCE',
        'Robin Hayes': 'SHD',
        'Jamie Fox': 'HSS',
        'Drew Park': 'HSS',
        // Duplicates and requests: Alex Rivera again at Northside, Robin Hayes again at Hope Street.
        'Alexander Rivera': 'NSO',
        'Robyn Hayes': 'HSS',
      });
    });

    it('marks Jordan Lee and every Safe Harbor client restrict-intake, and nobody else', async () => {
      const rows = await q('SELECT id, organization_id FROM client WHERE restrict_intake = 1');
      const shd = await q('SELECT id FROM client WHERE organization_id = ?', [ids.orgs.SHD]);
      expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
        [ids.clients['Jordan Lee'], ...shd.map((r) => r.id)].sort((a, b) => a - b),
      );
    });

    it('has every client created by a user of its owning organization', async () => {
      const orphans = await q(
        'SELECT c.id FROM client c LEFT JOIN org_assignment a ON a.user_id = c.created_by_id AND a.organization_id = c.organization_id WHERE a.user_id IS NULL',
      );
      expect(orphans).toEqual([]);
    });

    it('keeps every transaction consistent with its program and enrollment', async () => {
      expect(
        await q(
          'SELECT e.id FROM enrollment e JOIN program p ON p.id = e.program_id WHERE p.organization_id <> e.organization_id',
        ),
      ).toEqual([]);
      for (const table of TRANSACTION_TABLES.slice(1)) {
        const bad = await q(
          `SELECT t.id FROM ${table} t JOIN enrollment e ON e.id = t.enrollment_id WHERE e.organization_id <> t.organization_id OR e.client_id <> t.client_id`,
        );
        expect({ table, bad }).toEqual({ table, bad: [] });
      }
      for (const table of TRANSACTION_TABLES) {
        expect(
          await count(table, `organization_id = ? AND restriction <> 'RESTRICTED'`, [ids.orgs.SHD]),
        ).toBe(0);
        expect(await count(table, `created_by_id IS NULL`)).toBe(0);
      }
    });

    it('gives Alex Rivera a shelter stay with bed nights, an exit and a rapid rehousing enrollment', async () => {
      const es = await enrollment('Alex Rivera/ES');
      expect(es).toMatchObject({
        organization_id: ids.orgs.HSS,
        program_id: ids.programs.HSS_ES,
        restriction: 'UNRESTRICTED',
        entry_date: addDays(TODAY, -60),
      });
      const nights = await q('SELECT * FROM service WHERE enrollment_id = ? ORDER BY date_provided', [es.id]);
      expect(nights.length).toBeGreaterThanOrEqual(5);
      expect(nights.map((s) => s.id).sort((a, b) => a - b)).toEqual(ids.services['Alex Rivera/ES']);
      for (const s of nights) {
        expect([n(s.record_type), n(s.type_provided), s.restriction]).toEqual([200, 200, 'UNRESTRICTED']);
        expect(s.date_provided >= addDays(TODAY, -60) && s.date_provided < addDays(TODAY, -20)).toBe(true);
      }
      const exit = await one('SELECT * FROM enrollment_exit WHERE enrollment_id = ?', [es.id]);
      expect(exit).toMatchObject({
        id: ids.exits['Alex Rivera/ES'],
        exit_date: addDays(TODAY, -20),
        restriction: 'UNRESTRICTED',
      });
      expect(Math.floor(n(exit.destination) / 100)).toBe(4); // a permanent destination
      const rrh = await enrollment('Alex Rivera/RRH');
      expect(rrh).toMatchObject({
        program_id: ids.programs.HSS_RRH,
        restriction: 'UNRESTRICTED',
        entry_date: addDays(TODAY, -20),
      });
      expect(rrh.move_in_date).toBeTruthy();
      const health = await one('SELECT * FROM health_and_dv WHERE id = ?', [
        ids.healthAndDv['Alex Rivera/ES'],
      ]);
      expect(health).toMatchObject({
        organization_id: ids.orgs.HSS,
        restriction: 'UNRESTRICTED',
        client_id: ids.clients['Alex Rivera'],
      });
    });

    it("restricts Jordan Lee's shelter stay and its services", async () => {
      expect(await enrollment('Jordan Lee/ES')).toMatchObject({
        program_id: ids.programs.HSS_ES,
        restriction: 'RESTRICTED',
      });
      const services = await q('SELECT restriction FROM service WHERE enrollment_id = ?', [
        ids.enrollments['Jordan Lee/ES'],
      ]);
      expect(services.length).toBeGreaterThanOrEqual(2);
      expect(services.every((s) => s.restriction === 'RESTRICTED')).toBe(true);
    });

    it('gives Sam Carter shared outreach contacts and a restricted CE enrollment with a VI-SPDAT', async () => {
      expect(await enrollment('Sam Carter/SO')).toMatchObject({
        organization_id: ids.orgs.NSO,
        program_id: ids.programs.NSO_SO,
        restriction: 'UNRESTRICTED',
      });
      const contacts = await q('SELECT * FROM current_living_situation WHERE enrollment_id = ?', [
        ids.enrollments['Sam Carter/SO'],
      ]);
      expect(contacts).toHaveLength(3);
      expect(
        contacts.every((c) => c.restriction === 'UNRESTRICTED' && n(c.current_living_situation) === 116),
      ).toBe(true);
      expect(await enrollment('Sam Carter/CE')).toMatchObject({
        organization_id: ids.orgs.CCE,
        program_id: ids.programs.CCE_CE,
        restriction: 'RESTRICTED',
      });
      const assessment = await one('SELECT * FROM assessment WHERE id = ?', [
        ids.assessments['Sam Carter/CE'],
      ]);
      expect(assessment).toMatchObject({
        enrollment_id: ids.enrollments['Sam Carter/CE'],
        organization_id: ids.orgs.CCE,
        restriction: 'RESTRICTED',
        instrument: 'VI-SPDAT',
      });
      expect([
        n(assessment.score),
        n(assessment.prioritization_status),
        n(assessment.assessment_level),
        n(assessment.assessment_type),
      ]).toEqual([11, 1, 2, 3]);
    });

    it("restricts Taylor Brooks's outreach enrollment and contact", async () => {
      expect(await enrollment('Taylor Brooks/SO')).toMatchObject({
        organization_id: ids.orgs.NSO,
        restriction: 'RESTRICTED',
      });
      const contacts = await q('SELECT restriction FROM current_living_situation WHERE enrollment_id = ?', [
        ids.enrollments['Taylor Brooks/SO'],
      ]);
      expect(contacts.map((c) => c.restriction)).toEqual(['RESTRICTED']);
    });

    it('gives Casey Morgan a CE enrollment with an assessment and a referral event', async () => {
      expect(await enrollment('Casey Morgan/CE')).toMatchObject({
        organization_id: ids.orgs.CCE,
        restriction: 'RESTRICTED',
      });
      expect(
        await one('SELECT enrollment_id, restriction FROM assessment WHERE id = ?', [
          ids.assessments['Casey Morgan/CE'],
        ]),
      ).toEqual({ enrollment_id: ids.enrollments['Casey Morgan/CE'], restriction: 'RESTRICTED' });
      const event = await one('SELECT * FROM ce_event WHERE id = ?', [ids.ceEvents['Casey Morgan/CE']]);
      expect(event).toMatchObject({
        enrollment_id: ids.enrollments['Casey Morgan/CE'],
        organization_id: ids.orgs.CCE,
        restriction: 'RESTRICTED',
      });
      expect(n(event.event)).toBeGreaterThanOrEqual(10); // a referral to a housing opening
    });

    it("keeps Robin Hayes's Safe Harbor stay and DV answers restricted", async () => {
      expect(await enrollment('Robin Hayes/ES')).toMatchObject({
        organization_id: ids.orgs.SHD,
        program_id: ids.programs.SHD_ES,
        restriction: 'RESTRICTED',
      });
      const dv = await one('SELECT * FROM health_and_dv WHERE id = ?', [ids.healthAndDv['Robin Hayes/ES']]);
      expect(dv).toMatchObject({
        organization_id: ids.orgs.SHD,
        restriction: 'RESTRICTED',
        enrollment_id: ids.enrollments['Robin Hayes/ES'],
      });
      expect([n(dv.domestic_violence_survivor), n(dv.currently_fleeing)]).toEqual([1, 1]);
    });

    it("releases Jamie Fox to CCE for 30 more days; Drew Park's exception expired 10 days ago; Casey Morgan's referral releases her to HSS", async () => {
      const rows = await q(
        'SELECT id, client_id, organization_id, valid_through FROM release_exception ORDER BY id',
      );
      expect(rows.map((r) => [r.id, r.client_id, r.organization_id, String(r.valid_through)])).toEqual([
        [ids.releaseExceptions['Jamie Fox/CCE'], ids.clients['Jamie Fox'], ids.orgs.CCE, addDays(TODAY, 30)],
        [ids.releaseExceptions['Drew Park/CCE'], ids.clients['Drew Park'], ids.orgs.CCE, addDays(TODAY, -10)],
        // Casey Morgan's consent to her pending referral releases her to Hope Street until it closes.
        [ids.consentReleases['Casey Morgan/HSS'], ids.clients['Casey Morgan'], ids.orgs.HSS, '9999-12-31'],
      ]);
      for (const key of ['Jamie Fox/ES', 'Drew Park/ES'] as const)
        expect(await enrollment(key)).toMatchObject({
          organization_id: ids.orgs.HSS,
          restriction: 'UNRESTRICTED',
        });
    });

    it('adds ten filler clients per organization with programs, none named like a scenario client', async () => {
      for (const org of ['HSS', 'NSO', 'CCE', 'SHD'] as const) {
        expect(ids.filler[org]).toHaveLength(10);
        const enrolled = await count('enrollment', `client_id IN (${ids.filler[org].join(', ')})`);
        expect(enrolled).toBe(10);
      }
      const lastNames = ['Rivera', 'Lee', 'Carter', 'Brooks', 'Morgan', 'Hayes', 'Fox', 'Park'];
      // The 8 scenario clients and the duplicates Alexander Rivera and Robyn Hayes; no filler.
      expect(await count('client', `last_name IN (${lastNames.map(() => '?').join(', ')})`, lastNames)).toBe(
        10,
      );
    });
  });

  it('refuses to load twice and leaves the data unchanged', async () => {
    const before = await Promise.all(
      ['organization', 'app_user', 'client', 'enrollment', 'service'].map((t) => count(t)),
    );
    await expect(seedDemo(ds, { password: PASSWORD, today: TODAY })).rejects.toThrow();
    expect(
      await Promise.all(['organization', 'app_user', 'client', 'enrollment', 'service'].map((t) => count(t))),
    ).toEqual(before);
  });
});

describe.each(seedTestEngines('seedtest'))('a failed demo seed on $name', (engine) => {
  it('leaves nothing behind: the scenario loads in one transaction', async () => {
    const ds = await engine.open();
    try {
      // Taking a demo username makes the seed fail after organizations, programs and releases went in.
      await ds.query(`INSERT INTO app_user (username, password_hash) VALUES ('mina.manager', 'x')`);
      await expect(seedDemo(ds, { password: PASSWORD, today: TODAY })).rejects.toThrow();
      for (const table of ['organization', 'program', 'workgroup', 'information_release', 'client']) {
        const [{ c }] = await ds.query(`SELECT COUNT(*) AS c FROM ${table}`);
        expect({ table, rows: n(c) }).toEqual({ table, rows: 0 });
      }
    } finally {
      await ds.destroy();
    }
  });
});

describe('demo seed defaults', () => {
  it('anchors dates on the local today when no date is given', async () => {
    const ds = await seedTestEngines('seedtest')[0].open();
    try {
      const ids = await seedDemo(ds, { password: PASSWORD });
      expect(ids.today).toBe(localToday());
      const [release] = await ds.query('SELECT start_date FROM information_release WHERE number = 1001');
      expect(release.start_date).toBe(addDays(localToday(), -365));
    } finally {
      await ds.destroy();
    }
  });
});
