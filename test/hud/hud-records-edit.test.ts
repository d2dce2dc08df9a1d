/**
 * Correcting and deleting the stage records (IncomeBenefits, Disabilities, EmploymentEducation,
 * YouthEducationStatus): the write rules, optimistic locking and audit of every transaction, the
 * code lists checked on the corrected answer set, and a deleted record gone from the enrollment
 * and the HUD CSV export until the recycle bin restores it.
 */
import { addDays } from '../../src/database/sql-time';
import { checkHudCsvZip } from '../hud-csv/independent-checker';
import { checkClientReach } from '../../src/access/reach';
import { CREATE_CLIENT, CREATE_ENROLLMENT, DemoApp, withChange, type Caller } from '../access/helpers';

const demo = new DemoApp('hud_records_edit');
const sam = () => demo.as('sam.shelter');
const mina = () => demo.as('mina.manager');
const alexEs = () => String(demo.ids.enrollments['Alex Rivera/ES']);
/** Within Alex's shelter stay (entered 60 days ago, exited 20 days ago). */
const infoDate = () => addDays(demo.ids.today, -25);
const MISSING = '987654321';

const TYPES = ['IncomeBenefits', 'Disabilities', 'EmploymentEducation', 'YouthEducationStatus'] as const;
type TypeName = (typeof TYPES)[number];
const update = (t: TypeName, selection: string) =>
  `mutation($id: ID!, $input: Update${t}Input!) { update${t}(id: $id, input: $input) { id version ${selection} } }`;
const remove = (t: TypeName) => `mutation($input: DeleteInput!) { delete${t}(input: $input) }`;
const create = (t: TypeName) =>
  `mutation($input: Create${t}Input!) { create${t}(input: $input) { id version } }`;
const version = async (table: string, id: number | string) =>
  Number((await demo.sql(`SELECT version FROM ${table} WHERE id = ?`, [id]))[0].version);

const INCOME = update(
  'IncomeBenefits',
  'earned earnedAmount totalMonthlyIncome snap medicaid informationDate',
);
const DISABILITY = update('Disabilities', 'disabilityType disabilityResponse indefiniteAndImpairs');
const AUDIT = `query($f: AuditEventFilter) { auditEvents(filter: $f, first: 5) {
  edges { node { action operation before after hiddenFields } } } }`;

test('sam.shelter corrects a wrong income amount: only the answers given change, and the version moves on', async () => {
  const id = demo.ids.incomeBenefits['Alex Rivera/ES'];
  const v = await version('income_benefits', id);
  const { updateIncomeBenefits: r } = await (
    await sam()
  ).ok(INCOME, { id: String(id), input: { version: v, earnedAmount: 900, totalMonthlyIncome: 900 } });
  expect(r).toMatchObject({
    version: v + 1,
    earned: 'YES',
    earnedAmount: 900,
    totalMonthlyIncome: 900,
    snap: 'YES',
    medicaid: 'YES',
    informationDate: addDays(demo.ids.today, -60),
  });
  const [row] = await demo.sql('SELECT earned_amount, updated_by_id FROM income_benefits WHERE id = ?', [id]);
  expect([Number(row.earned_amount), row.updated_by_id]).toEqual([900, demo.ids.users['sam.shelter']]);
});

test('a correction made on a stale version is CONFLICT and changes nothing', async () => {
  const id = demo.ids.incomeBenefits['Alex Rivera/ES'];
  const v = await version('income_benefits', id);
  const s = await sam();
  await s.ok(INCOME, { id: String(id), input: { version: v, medicaid: 'NO' } });
  const err = await s.error(INCOME, { id: String(id), input: { version: v, medicaid: 'YES' } });
  expect(err.code).toBe('CONFLICT');
  expect(err.message).toMatch(/^This IncomeBenefits was changed by someone else since you loaded it/);
  expect((await demo.sql('SELECT medicaid FROM income_benefits WHERE id = ?', [id]))[0].medicaid).toBe(0);
});

test('the corrected answer set is checked as a new one: an amount whose source becomes No is refused, naming the field', async () => {
  const id = demo.ids.incomeBenefits['Alex Rivera/ES'];
  const v = await version('income_benefits', id);
  const s = await sam();
  const err = await s.error(INCOME, { id: String(id), input: { version: v, earned: 'NO' } });
  expect(err.code).toBe('BAD_USER_INPUT');
  expect(err.extensions.field).toBe('input.earnedAmount');
  expect(err.message).toMatch(/an amount needs its income source \(earned\) answered Yes/);
  expect(err.message).not.toMatch(/\bat .*\.ts:\d+/);
  // Clearing the amount with the source makes the same answer valid.
  const ok = await s.ok(INCOME, { id: String(id), input: { version: v, earned: 'NO', earnedAmount: null } });
  expect(ok.updateIncomeBenefits).toMatchObject({ earned: 'NO', earnedAmount: null });
});

test('a corrected disability answer follows the list of its type; the stage and date follow the create rules', async () => {
  const [physical] = demo.ids.disabilities['Alex Rivera/ES'];
  const s = await sam();
  const v = await version('disabilities', physical);
  const at = (input: Record<string, unknown>) => ({ id: String(physical), input: { version: v, ...input } });
  const refusals = [
    [{ disabilityResponse: 2 }, 'input.disabilityResponse'],
    [{ viralLoad: 20 }, 'input.viralLoad'],
    [{ dataCollectionStage: 'POST_EXIT' }, 'input.dataCollectionStage'],
    [{ informationDate: addDays(demo.ids.today, -90) }, 'input.informationDate'],
  ] as const;
  for (const [input, field] of refusals) {
    const err = await s.error(DISABILITY, at(input));
    expect([field, err.code, err.extensions.field]).toEqual([field, 'BAD_USER_INPUT', field]);
  }
  expect(await version('disabilities', physical)).toBe(v);
  const { updateDisabilities } = await s.ok(
    DISABILITY,
    at({ disabilityResponse: 1, indefiniteAndImpairs: 'YES', dataCollectionStage: 'UPDATE' }),
  );
  expect(updateDisabilities).toMatchObject({ disabilityResponse: 1, indefiniteAndImpairs: 'YES' });
});

describe("Hope Street cannot correct or delete another organization's record it cannot see: the answer is the one for a missing id", () => {
  const cases: Array<[TypeName, () => number]> = [
    ['IncomeBenefits', () => demo.ids.incomeBenefits['Robin Hayes/ES']],
    ['Disabilities', () => demo.ids.disabilities['Robin Hayes/ES'][0]],
    ['YouthEducationStatus', () => demo.ids.youthEducationStatus['Taylor Brooks/SO']],
  ];
  test.each(cases)('%s', async (type, target) => {
    const m = await mina();
    const both = async (query: string, vars: (id: string) => Record<string, unknown>) => [
      await m.error(query, vars(String(target()))),
      await m.error(query, vars(MISSING)),
    ];
    const [invisible, missing] = await both(update(type, ''), (id) => ({ id, input: { version: 1 } }));
    expect(invisible).toEqual(missing);
    expect([invisible.code, invisible.message]).toEqual(['BAD_USER_INPUT', `id: no ${type} with this id`]);
    const [gone, never] = await both(remove(type), (id) => ({ input: { id, version: 1 } }));
    expect(gone).toEqual(never);
    expect(gone.code).toBe('BAD_USER_INPUT');
  });
});

test('a disability correction is audited; the answers show in the audit only to a reader with health:read', async () => {
  const [, developmental] = demo.ids.disabilities['Alex Rivera/ES'];
  const v = await version('disabilities', developmental);
  await (
    await sam()
  ).ok(DISABILITY, { id: String(developmental), input: { version: v, disabilityResponse: 1 } });
  const filter = { f: { entityType: 'Disabilities', entityId: String(developmental) } };
  const [withHealth] = (await (await mina()).ok(AUDIT, filter)).auditEvents.edges;
  expect(withHealth.node).toMatchObject({
    action: 'UPDATE',
    operation: 'updateDisabilities',
    before: { disabilityResponse: 0, version: v },
    after: { disabilityResponse: 1, version: v + 1 },
  });
  // riley.reserve (no health:read) as an agency lead of Hope Street reads the event, not the answers.
  const rileyId = demo.ids.users['riley.reserve'];
  await withChange(
    () => demo.exec('UPDATE org_assignment SET agency_lead = 1 WHERE user_id = ?', [rileyId]),
    () => demo.exec('UPDATE org_assignment SET agency_lead = 0 WHERE user_id = ?', [rileyId]),
    async () => {
      const riley = await demo.login('riley.reserve');
      const [withoutHealth] = (await riley.ok(AUDIT, filter)).auditEvents.edges;
      expect(withoutHealth.node).toMatchObject({
        operation: 'updateDisabilities',
        before: { disabilityResponse: null, disabilityType: withHealth.node.before.disabilityType },
        after: { disabilityResponse: null },
      });
      expect(withoutHealth.node.hiddenFields).toContain('disabilityResponse');
    },
  );
});

test("a record Hope Street sees through MOU 1001 but may not edit: Northside's income for Sam Carter is FORBIDDEN to correct or delete", async () => {
  const olga = await demo.as('olga.outreach');
  const { createIncomeBenefits: made } = await olga.ok(create('IncomeBenefits'), {
    input: {
      enrollmentId: String(demo.ids.enrollments['Sam Carter/SO']),
      informationDate: addDays(demo.ids.today, -1),
      incomeFromAnySource: 'NO',
    },
  });
  const m = await mina();
  const { enrollment } = await m.ok(
    'query($id: ID!) { enrollment(id: $id) { incomeBenefits { id access { canEdit } } } }',
    { id: String(demo.ids.enrollments['Sam Carter/SO']) },
  );
  expect(enrollment.incomeBenefits).toContainEqual({ id: made.id, access: { canEdit: false } });
  const fix = await m.error(update('IncomeBenefits', ''), {
    id: made.id,
    input: { version: made.version, incomeFromAnySource: 'YES' },
  });
  expect([fix.code, fix.message]).toEqual([
    'FORBIDDEN',
    expect.stringMatching(/belongs to .*your assignment there does not allow editing/),
  ]);
  const del = await m.error(remove('IncomeBenefits'), { input: { id: made.id, version: made.version } });
  expect(del.code).toBe('FORBIDDEN');
  expect(await version('income_benefits', made.id)).toBe(made.version);
});

test("a correction that restricts Hope Street's only shared record of a Northside client keeps the client's reach current", async () => {
  const s = await sam();
  const { createClient: y } = await (
    await demo.as('olga.outreach')
  ).ok(CREATE_CLIENT, { input: { firstName: 'Reach', lastName: 'Stage' } });
  const { createEnrollment: e } = await s.ok(CREATE_ENROLLMENT, {
    input: {
      clientId: y.id,
      programId: String(demo.ids.programs.HSS_ES),
      entryDate: addDays(demo.ids.today, -10),
      restriction: 'RESTRICTED',
    },
  });
  const { createIncomeBenefits: r } = await s.ok(create('IncomeBenefits'), {
    input: { enrollmentId: e.id, informationDate: addDays(demo.ids.today, -5), incomeFromAnySource: 'NO' },
  });
  expect(await checkClientReach(demo.app.db.ds.manager)).toEqual([]);
  const { updateIncomeBenefits } = await s.ok(update('IncomeBenefits', 'restriction'), {
    id: r.id,
    input: { version: r.version, restriction: 'RESTRICTED' },
  });
  expect(updateIncomeBenefits.restriction).toBe('RESTRICTED');
  expect(await checkClientReach(demo.app.db.ds.manager)).toEqual([]);
});

test('riley.reserve (no health:write) may not correct a disability answer; sam.shelter (staff) may not delete', async () => {
  const [physical] = demo.ids.disabilities['Alex Rivera/ES'];
  const v = await version('disabilities', physical);
  const riley = await demo.as('riley.reserve');
  expect((await riley.error(DISABILITY, { id: String(physical), input: { version: v } })).code).toBe(
    'FORBIDDEN',
  );
  const del = await (
    await sam()
  ).error(remove('Disabilities'), { input: { id: String(physical), version: v } });
  expect(del.code).toBe('FORBIDDEN');
  expect(del.message).toMatch(/AGENCY_MANAGER or SYSTEM_ADMINISTRATOR/);
  expect(await version('disabilities', physical)).toBe(v);
});

const NEW: Record<TypeName, Record<string, unknown>> = {
  IncomeBenefits: { incomeFromAnySource: 'NO' },
  Disabilities: { disabilityType: 'PHYSICAL', disabilityResponse: 0 },
  EmploymentEducation: { employed: 'NO', notEmployedReason: 'LOOKING_FOR_WORK' },
  YouthEducationStatus: { currentSchoolAttend: 'NOT_ENROLLED' },
};
const CORRECTION: Record<TypeName, [Record<string, unknown>, string]> = {
  IncomeBenefits: [{ incomeFromAnySource: 'YES' }, 'incomeFromAnySource'],
  Disabilities: [{ disabilityResponse: 1 }, 'disabilityResponse'],
  EmploymentEducation: [
    { employed: 'YES', notEmployedReason: null, employmentType: 'SEASONAL_SPORADIC' },
    'employmentType',
  ],
  YouthEducationStatus: [{ mostRecentEdStatus: 'K12_GED' }, 'mostRecentEdStatus'],
};
const TABLE: Record<TypeName, string> = {
  IncomeBenefits: 'income_benefits',
  Disabilities: 'disabilities',
  EmploymentEducation: 'employment_education',
  YouthEducationStatus: 'youth_education_status',
};
const KEY: Record<TypeName, string> = {
  IncomeBenefits: 'INCOME_BENEFITS',
  Disabilities: 'DISABILITIES',
  EmploymentEducation: 'EMPLOYMENT_EDUCATION',
  YouthEducationStatus: 'YOUTH_EDUCATION_STATUS',
};
const LIST: Record<TypeName, string> = {
  IncomeBenefits: 'incomeBenefits',
  Disabilities: 'disabilities',
  EmploymentEducation: 'employmentEducation',
  YouthEducationStatus: 'youthEducationStatus',
};

async function listed(caller: Caller, type: TypeName): Promise<string[]> {
  const { enrollment } = await caller.ok(`query($id: ID!) { enrollment(id: $id) { ${LIST[type]} { id } } }`, {
    id: alexEs(),
  });
  return enrollment[LIST[type]].map((r: { id: string }) => r.id);
}

async function exported(caller: Caller, type: TypeName): Promise<string[]> {
  const period = `start=${addDays(demo.ids.today, -365)}&end=${demo.ids.today}`;
  const res = await fetch(`${demo.api.url}/exports/hud-csv?${period}`, {
    headers: { authorization: `Bearer ${caller.token}` },
  });
  expect(res.status).toBe(200);
  const { tables } = checkHudCsvZip(Buffer.from(await res.arrayBuffer()));
  return tables[`${type}.csv`].map((r) => r[`${type}ID`]);
}

test.each(TYPES)(
  '%s recorded on the wrong enrollment: corrected by staff, deleted by the manager (gone from the enrollment and the HUD CSV export), restored from the recycle bin',
  async (type) => {
    const s = await sam();
    const m = await mina();
    const { [`create${type}`]: made } = await s.ok(create(type), {
      input: { enrollmentId: alexEs(), informationDate: infoDate(), ...NEW[type] },
    });
    const [change, field] = CORRECTION[type];
    const { [`update${type}`]: fixed } = await s.ok(update(type, field), {
      id: made.id,
      input: { version: made.version, ...change },
    });
    expect(fixed).toMatchObject({ version: made.version + 1, [field]: change[field] });
    expect(await listed(m, type)).toContain(made.id);
    expect(await exported(m, type)).toContain(made.id);

    expect(await m.ok(remove(type), { input: { id: made.id, version: fixed.version } })).toEqual({
      [`delete${type}`]: true,
    });
    expect(await listed(m, type)).not.toContain(made.id);
    expect(await listed(s, type)).not.toContain(made.id);
    expect(await exported(m, type)).not.toContain(made.id);
    const again = await s.error(update(type, ''), { id: made.id, input: { version: fixed.version + 1 } });
    expect(again.message).toBe(`id: no ${type} with this id`);
    const [audit] = await demo.sql(
      "SELECT user_id FROM audit_event WHERE action = 'DELETE' AND operation = ? AND entity_id = ?",
      [`delete${type}`, made.id],
    );
    expect(audit.user_id).toBe(demo.ids.users['mina.manager']);

    const bin = await m.ok(
      `query($t: ExplainRecordType!) { deletedRecords(recordType: $t, first: 100) { edges { node { id } } } }`,
      { t: KEY[type] },
    );
    expect(bin.deletedRecords.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(made.id);
    await m.ok('mutation($t: ExplainRecordType!, $id: ID!) { restoreRecord(recordType: $t, id: $id) }', {
      t: KEY[type],
      id: made.id,
    });
    expect(await listed(s, type)).toContain(made.id);
    expect(await version(TABLE[type], made.id)).toBe(fixed.version + 2);
  },
);
