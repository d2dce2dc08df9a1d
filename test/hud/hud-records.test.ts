/**
 * Issue 12 phase 2: IncomeBenefits (4.02-4.04), Disabilities (4.05-4.10), EmploymentEducation (R4-R6)
 * and YouthEducationStatus (C3) recorded at a data collection stage, their code lists (including the
 * dependent ones), and the field guard on health answers and amounts.
 */
import { addDays } from '../../src/database/sql-time';
import { FIELD_RULES } from '../../src/access/permissions';
import { ROW_MAPPERS } from '../../src/modules/hud-csv/row-mappers';
import { DemoApp } from '../access/helpers';

const demo = new DemoApp('hud_records');
const sam = () => demo.as('sam.shelter');
const riley = () => demo.as('riley.reserve');
const alexEs = () => String(demo.ids.enrollments['Alex Rivera/ES']);
/** Within Alex's shelter stay (entered 60 days ago, exited 20 days ago). */
const infoDate = () => addDays(demo.ids.today, -25);

const INCOME = `mutation($input: CreateIncomeBenefitsInput!) { createIncomeBenefits(input: $input) {
  id dataCollectionStage incomeFromAnySource earned earnedAmount totalMonthlyIncome organization { code } } }`;
const DISABILITY = `mutation($input: CreateDisabilitiesInput!) { createDisabilities(input: $input) {
  id disabilityType disabilityResponse indefiniteAndImpairs } }`;
const EMPLOYMENT = `mutation($input: CreateEmploymentEducationInput!) { createEmploymentEducation(input: $input) {
  id employed employmentType notEmployedReason } }`;
const YOUTH = `mutation($input: CreateYouthEducationStatusInput!) { createYouthEducationStatus(input: $input) {
  id currentSchoolAttend currentEdStatus } }`;
const READ = `query($id: ID!) { enrollment(id: $id) {
  incomeBenefits { id incomeFromAnySource earned earnedAmount totalMonthlyIncome access { hiddenFields } }
  disabilities { id disabilityType disabilityResponse access { hiddenFields } }
  employmentEducation { id employed employmentType }
} }`;

const count = async (table: string) => Number((await demo.sql(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

test('income at annual assessment is stored with its stage, owned by the enrollment organization', async () => {
  const { createIncomeBenefits: r } = await (
    await sam()
  ).ok(INCOME, {
    input: {
      enrollmentId: alexEs(),
      informationDate: infoDate(),
      dataCollectionStage: 'ANNUAL_ASSESSMENT',
      incomeFromAnySource: 'YES',
      earned: 'YES',
      earnedAmount: 1200.5,
      totalMonthlyIncome: 1200.5,
    },
  });
  expect(r).toMatchObject({
    dataCollectionStage: 'ANNUAL_ASSESSMENT',
    earned: 'YES',
    earnedAmount: 1200.5,
    organization: { code: 'HSS' },
  });
});

test('an amount without its source answered Yes is refused naming the field, and nothing is stored', async () => {
  const before = await count('income_benefits');
  const err = await (
    await sam()
  ).error(INCOME, {
    input: { enrollmentId: alexEs(), informationDate: infoDate(), earned: 'NO', earnedAmount: 10 },
  });
  expect(err.code).toBe('BAD_USER_INPUT');
  expect(err.extensions.field).toBe('input.earnedAmount');
  expect(await count('income_benefits')).toBe(before);
});

test('a negative amount and post-exit income are refused', async () => {
  const s = await sam();
  const negative = await s.error(INCOME, {
    input: { enrollmentId: alexEs(), informationDate: infoDate(), earned: 'YES', earnedAmount: -1 },
  });
  expect(negative.extensions.field).toBe('input.earnedAmount');
  const postExit = await s.error(INCOME, {
    input: { enrollmentId: alexEs(), informationDate: infoDate(), dataCollectionStage: 'POST_EXIT' },
  });
  expect(postExit.extensions.field).toBe('input.dataCollectionStage');
});

test('a disability response follows the list of its type: 2 (drug use) only for substance use disorder', async () => {
  const s = await sam();
  const base = { enrollmentId: alexEs(), informationDate: infoDate(), dataCollectionStage: 'UPDATE' };
  const err = await s.error(DISABILITY, {
    input: { ...base, disabilityType: 'PHYSICAL', disabilityResponse: 2 },
  });
  expect(err.code).toBe('BAD_USER_INPUT');
  expect(err.extensions.field).toBe('input.disabilityResponse');
  const ok = await s.ok(DISABILITY, {
    input: {
      ...base,
      disabilityType: 'SUBSTANCE_USE_DISORDER',
      disabilityResponse: 2,
      indefiniteAndImpairs: 'YES',
    },
  });
  expect(ok.createDisabilities).toMatchObject({
    disabilityType: 'SUBSTANCE_USE_DISORDER',
    disabilityResponse: 2,
  });
  const hivOnly = await s.error(DISABILITY, {
    input: { ...base, disabilityType: 'PHYSICAL', disabilityResponse: 0, viralLoad: 20 },
  });
  expect(hivOnly.extensions.field).toBe('input.viralLoad');
});

test('the type of employment needs employed Yes; why not employed needs employed No', async () => {
  const s = await sam();
  const base = { enrollmentId: alexEs(), informationDate: infoDate() };
  expect(
    (await s.error(EMPLOYMENT, { input: { ...base, employed: 'NO', employmentType: 'FULL_TIME' } }))
      .extensions.field,
  ).toBe('input.employmentType');
  expect(
    (await s.ok(EMPLOYMENT, { input: { ...base, employed: 'NO', notEmployedReason: 'LOOKING_FOR_WORK' } }))
      .createEmploymentEducation,
  ).toMatchObject({ employed: 'NO', notEmployedReason: 'LOOKING_FOR_WORK' });
});

test('a current educational status needs current enrollment in school (C3.B)', async () => {
  const s = await sam();
  const base = { enrollmentId: alexEs(), informationDate: infoDate() };
  expect(
    (
      await s.error(YOUTH, {
        input: { ...base, currentSchoolAttend: 'NOT_ENROLLED', currentEdStatus: 'PURSUING_BACHELORS' },
      })
    ).extensions.field,
  ).toBe('input.currentEdStatus');
  expect(
    (
      await s.ok(YOUTH, {
        input: { ...base, currentSchoolAttend: 'ENROLLED_ATTENDING', currentEdStatus: 'PURSUING_BACHELORS' },
      })
    ).createYouthEducationStatus,
  ).toMatchObject({ currentEdStatus: 'PURSUING_BACHELORS' });
});

test('riley.reserve (no health:read) sees that income and disabilities were answered, not the amounts or answers', async () => {
  const { enrollment } = await (await riley()).ok(READ, { id: alexEs() });
  const seeded = enrollment.incomeBenefits.find(
    (r: { id: string }) => r.id === String(demo.ids.incomeBenefits['Alex Rivera/ES']),
  );
  expect(seeded).toMatchObject({
    incomeFromAnySource: 'YES',
    earned: 'YES',
    earnedAmount: null,
    totalMonthlyIncome: null,
  });
  expect(seeded.access.hiddenFields).toEqual(
    expect.arrayContaining(['earnedAmount', 'totalMonthlyIncome', 'ssi']),
  );
  expect(enrollment.disabilities.length).toBeGreaterThanOrEqual(6);
  for (const d of enrollment.disabilities) expect(d.disabilityResponse).toBeNull();
  const full = (await (await sam()).ok(READ, { id: alexEs() })).enrollment;
  expect(
    full.incomeBenefits.find(
      (r: { id: string }) => r.id === String(demo.ids.incomeBenefits['Alex Rivera/ES']),
    ),
  ).toMatchObject({ earnedAmount: 850, totalMonthlyIncome: 850 });
});

test("Safe Harbor's income and disability answers for Robin Hayes are invisible to Hope Street", async () => {
  const res = await (await sam()).post(READ, { id: String(demo.ids.enrollments['Robin Hayes/ES']) });
  expect(res.data?.enrollment ?? null).toBeNull();
});

test('deleting an enrollment soft-deletes its income, disability and employment records (registry cascade)', async () => {
  const id = demo.ids.enrollments['Alex Rivera/ES'];
  const live = async (table: string) =>
    Number(
      (
        await demo.sql(
          `SELECT COUNT(*) AS n FROM ${table} WHERE enrollment_id = ? AND date_deleted IS NULL`,
          [id],
        )
      )[0].n,
    );
  for (const table of ['income_benefits', 'disabilities', 'employment_education', 'youth_education_status'])
    expect([table, await live(table)]).toEqual([table, expect.any(Number)]);
  expect(await live('disabilities')).toBeGreaterThanOrEqual(6);
  const mina = await demo.as('mina.manager');
  const { enrollment } = await mina.ok('query($id: ID!) { enrollment(id: $id) { version } }', {
    id: String(id),
  });
  await mina.ok('mutation($input: DeleteInput!) { deleteEnrollment(input: $input) }', {
    input: { id: String(id), version: enrollment.version },
  });
  for (const table of ['income_benefits', 'disabilities', 'employment_education', 'youth_education_status'])
    expect([table, await live(table)]).toEqual([table, 0]);
});

test.each([
  ['IncomeBenefits.csv', 'IncomeBenefits'],
  ['Disabilities.csv', 'Disabilities'],
  ['EmploymentEducation.csv', 'EmploymentEducation'],
  ['YouthEducationStatus.csv', 'YouthEducationStatus'],
] as const)(
  'every guarded field of %s has its HUD column in the row mapper, so the export withholds it',
  (file, type) => {
    const sources = Object.values(ROW_MAPPERS[file].sources as Record<string, string>).sort();
    expect(sources).toEqual(Object.keys(FIELD_RULES[type] ?? {}).sort());
  },
);
