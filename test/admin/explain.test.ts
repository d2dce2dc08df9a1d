/**
 * explainAccess (access model §6; issue 4 §5): the decision for a record or an action and the
 * rule behind it, in words a help desk can read to a user, never revealing a record the caller
 * may not see.
 */
import { refused, startTestApp, type TestApp } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('admin_explain');
});
afterAll(() => app?.close());

const EXPLAIN = `query($type: ExplainRecordType, $id: ID, $action: ExplainActionInput) {
  explainAccess(recordType: $type, id: $id, action: $action) { question allowed rule explanation facts advice }
}`;

async function explain(token: string, variables: Record<string, unknown>) {
  return (await app.api.ok(EXPLAIN, variables, token)).explainAccess;
}

async function morganAt(org: 'HSS' | 'NSO') {
  return app.api.loginAs('morgan.multi', { workgroup: 'HMIS Users', org });
}

describe('creating an enrollment in a program', () => {
  test('a program of another organization where the user can log in: "select it"', async () => {
    const morgan = await morganAt('NSO');
    const e = await explain(morgan, {
      action: { createEnrollmentInProgram: String(app.ids.programs.HSS_ES) },
    });
    expect(e).toMatchObject({ allowed: false, rule: 'PROGRAM_OF_OTHER_ORGANIZATION' });
    expect(e.explanation).toBe(
      'The active organization is Northside Outreach; program Hope Street Emergency Shelter belongs to Hope Street Shelter; you can log in there: select it.',
    );
    expect(e.advice).toContain('selectContext');
  });

  test('a program of another organization where the user cannot log in names whom to ask', async () => {
    const olga = await app.api.login('olga.outreach');
    const e = await explain(olga, { action: { createEnrollmentInProgram: String(app.ids.programs.HSS_ES) } });
    expect(e.rule).toBe('PROGRAM_OF_OTHER_ORGANIZATION');
    expect(e.explanation).toContain('you cannot log in as Hope Street Shelter');
    expect(e.advice).toContain('Ask a user of Hope Street Shelter');
  });

  test("a program of the active organization is allowed, with the new enrollment's restriction", async () => {
    const olga = await app.api.login('olga.outreach');
    const e = await explain(olga, { action: { createEnrollmentInProgram: String(app.ids.programs.NSO_SO) } });
    expect(e).toMatchObject({ allowed: true, rule: 'PROGRAM_OF_ACTIVE_ORGANIZATION' });
    expect(e.explanation).toContain('UNRESTRICTED');
  });

  test('a program the caller cannot see answers as one that does not exist', async () => {
    const olga = await app.api.login('olga.outreach');
    const hidden = await explain(olga, {
      action: { createEnrollmentInProgram: String(app.ids.programs.SHD_ES) },
    });
    const missing = await explain(olga, { action: { createEnrollmentInProgram: '999999' } });
    expect(hidden.rule).toBe('NOT_VISIBLE');
    expect(hidden.explanation.replace(String(app.ids.programs.SHD_ES), 'N')).toBe(
      missing.explanation.replace('999999', 'N'),
    );
    expect(JSON.stringify(hidden)).not.toContain('Safe Harbor');
  });
});

describe('seeing a record', () => {
  test('a record of the active organization is visible because the organization owns it', async () => {
    const sam = await app.api.login('sam.shelter');
    const e = await explain(sam, { type: 'ENROLLMENT', id: String(app.ids.enrollments['Alex Rivera/ES']) });
    expect(e).toMatchObject({ allowed: true, rule: 'OWNED_BY_ACTIVE_ORGANIZATION' });
    expect(e.facts).toEqual(
      expect.arrayContaining([
        'this enrollment belongs to Hope Street Shelter',
        'your assignment to Hope Street Shelter allows editing, so you can edit it',
      ]),
    );
  });

  test('a shared record names the information release that shares it', async () => {
    const olga = await app.api.login('olga.outreach');
    const e = await explain(olga, { type: 'ENROLLMENT', id: String(app.ids.enrollments['Alex Rivera/ES']) });
    expect(e).toMatchObject({ allowed: true, rule: 'SHARED_BY_INFORMATION_RELEASE' });
    expect(e.explanation).toContain('information release 1001 "Hope–Northside Data Sharing"');
    expect(e.explanation).toContain('UNRESTRICTED');
  });

  test('a client released by a release exception says until when', async () => {
    const casey = await app.api.login('casey.assessor');
    const e = await explain(casey, { type: 'CLIENT', id: String(app.ids.clients['Jamie Fox']) });
    expect(e.allowed).toBe(true);
    expect(e.facts.join(' ')).toMatch(
      /release exception releases this client to County Coordinated Entry through \d{4}-\d{2}-\d{2}/,
    );
  });

  test('a restricted record of another organization gets the same answer as a record that does not exist', async () => {
    const olga = await app.api.login('olga.outreach');
    const hidden = await explain(olga, {
      type: 'ENROLLMENT',
      id: String(app.ids.enrollments['Jordan Lee/ES']),
    });
    const missing = await explain(olga, { type: 'ENROLLMENT', id: '999999' });
    expect(hidden).toMatchObject({ allowed: false, rule: 'NOT_VISIBLE' });
    const strip = (x: Record<string, unknown>, id: string) => JSON.stringify(x).split(id).join('N');
    expect(strip(hidden, String(app.ids.enrollments['Jordan Lee/ES']))).toBe(strip(missing, '999999'));
  });

  test('a victim service provider’s client is never explained to another organization', async () => {
    const olga = await app.api.login('olga.outreach');
    const e = await explain(olga, { type: 'CLIENT', id: String(app.ids.clients['Robin Hayes']) });
    expect(e.rule).toBe('NOT_VISIBLE');
    expect(JSON.stringify(e)).not.toContain('Safe Harbor');
  });

  test('a missing capability is named before any record is looked at', async () => {
    const olga = await app.api.login('olga.outreach');
    const e = await explain(olga, { action: { editRecord: { type: 'ASSESSMENT', id: '999999' } } });
    expect(e).toMatchObject({ allowed: false, rule: 'CAPABILITY_MISSING' });
    expect(e.explanation).toContain('HMIS Users does not grant ce.assessment:write');
  });

  test('a capability removed by the training-pending ceiling says which training is missing', async () => {
    const tara = await app.api.login('tara.trainee');
    const e = await explain(tara, {
      action: { editRecord: { type: 'ASSESSMENT', id: String(app.ids.assessments['Casey Morgan/CE']) } },
    });
    expect(e).toMatchObject({ allowed: false, rule: 'ROLE_CEILING' });
    expect(e.explanation).toContain('VI-SPDAT');
  });
});

describe('editing and deleting', () => {
  test('a visible record of an organization the user may not edit', async () => {
    const morgan = await morganAt('NSO');
    const e = await explain(morgan, {
      action: { editRecord: { type: 'ENROLLMENT', id: String(app.ids.enrollments['Sam Carter/SO']) } },
    });
    expect(e).toMatchObject({ allowed: false, rule: 'NO_EDIT_ASSIGNMENT' });
    expect(e.explanation).toContain('your assignment to Northside Outreach does not allow editing');
  });

  test('deleting needs the manager role', async () => {
    const sam = await app.api.login('sam.shelter');
    const e = await explain(sam, {
      action: { deleteRecord: { type: 'ENROLLMENT', id: String(app.ids.enrollments['Alex Rivera/ES']) } },
    });
    expect(e).toMatchObject({ allowed: false, rule: 'DELETE_NEEDS_MANAGER_ROLE' });
    const mina = await app.api.login('mina.manager');
    expect(
      await explain(mina, {
        action: { deleteRecord: { type: 'ENROLLMENT', id: String(app.ids.enrollments['Alex Rivera/ES']) } },
      }),
    ).toMatchObject({ allowed: true });
  });
});

describe('the question itself', () => {
  test('before a context is selected, explainAccess answers like everything else: select one first', async () => {
    const morgan = await app.api.login('morgan.multi');
    expect(await app.api.codes(EXPLAIN, { action: { createClient: true } }, morgan)).toEqual([
      'CONTEXT_REQUIRED',
    ]);
  });

  test('a record and an action at once, or two actions, are refused', async () => {
    const sam = await app.api.login('sam.shelter');
    await refused(
      app,
      EXPLAIN,
      { type: 'CLIENT', id: '1', action: { createClient: true } },
      sam,
      'BAD_USER_INPUT',
    );
    await refused(
      app,
      EXPLAIN,
      { action: { createClient: true, createEnrollmentInProgram: '1' } },
      sam,
      'BAD_USER_INPUT',
    );
    await refused(app, EXPLAIN, { type: 'CLIENT' }, sam, 'BAD_USER_INPUT');
  });
});

describe('sharing rules in explanations', () => {
  test("an explanation never names a victim service provider's release as a reason to see its records", async () => {
    // Hope Street shares with Northside through release 1001. Were Hope Street a victim service
    // provider, that share would not count (§3): Alex Rivera is then visible to Northside only
    // through a release exception, and the explanation must say so and nothing else.
    const ds = app.db.ds;
    const alex = app.ids.clients['Alex Rivera'];
    const hss = app.ids.orgs.HSS;
    const nso = app.ids.orgs.NSO;
    await ds.query('UPDATE organization SET victim_service_provider = 1 WHERE id = ?', [hss]);
    await ds.query(
      'INSERT INTO release_exception (client_id, organization_id, valid_through) VALUES (?, ?, ?)',
      [alex, nso, '9999-12-31'],
    );
    try {
      const olga = await app.api.login('olga.outreach');
      const e = await explain(olga, { type: 'CLIENT', id: String(alex) });
      expect(e).toMatchObject({ allowed: true, rule: 'RELEASE_EXCEPTION' });
      expect(e.explanation).not.toContain('1001');
      expect(e.explanation).not.toContain('shares with');
    } finally {
      await ds.query('DELETE FROM release_exception WHERE client_id = ? AND organization_id = ?', [
        alex,
        nso,
      ]);
      await ds.query('UPDATE organization SET victim_service_provider = 0 WHERE id = ?', [hss]);
    }
  });
});
