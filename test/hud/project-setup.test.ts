/**
 * Project descriptor setup records (HUD 2.03 ProjectCoC, 2.06 Funder, 2.07 Inventory, 2.02.D Affiliation,
 * 2.08 HMISParticipation, 2.09 CEParticipation): read as fields of a visible program, changed with setup:admin.
 */
import { DemoApp } from '../access/helpers';

const demo = new DemoApp('hud-project-setup');
const admin = () => demo.as('admin');
const sam = () => demo.as('sam.shelter');

const PROGRAM_SETUP = `query($id: ID!) { program(id: $id) { name
  projectCocs { cocCode geocode city state geographyType }
  funders { id funder otherFunder grantId }
  inventories { householdType bedInventory otherBedInventory bedType }
  hmisParticipations { hmisParticipationType hmisParticipationStatusStartDate }
  ceParticipations { accessPoint receivesReferrals }
  affiliations { resProgramId } } }`;

const CREATE_FUNDER = `mutation($programId: ID!, $input: FunderInput!) { createFunder(programId: $programId, input: $input) { id funder otherFunder grantId startDate } }`;
const CREATE_INVENTORY = `mutation($programId: ID!, $input: InventoryInput!) { createInventory(programId: $programId, input: $input) { id bedInventory vetBedInventory otherBedInventory } }`;
const CREATE_CE = `mutation($programId: ID!, $input: CeParticipationInput!) { createCeParticipation(programId: $programId, input: $input) { id accessPoint } }`;

describe('the demo programs carry their HUD project descriptors', () => {
  test('Hope Street Emergency Shelter: 30 beds, HMIS participating, its CoC site; the RRH takes CE referrals', async () => {
    const { ids } = demo;
    const es = (await (await sam()).ok(PROGRAM_SETUP, { id: String(ids.programs.HSS_ES) })).program;
    expect(es.inventories.reduce((n: number, i: { bedInventory: number }) => n + i.bedInventory, 0)).toBe(30);
    expect(es.inventories[0]).toMatchObject({ bedType: 'FACILITY_BASED', otherBedInventory: 30 });
    expect(es.hmisParticipations).toEqual([
      { hmisParticipationType: 'HMIS_PARTICIPATING', hmisParticipationStatusStartDate: '2009-03-01' },
    ]);
    expect(es.projectCocs).toEqual([
      { cocCode: 'XX-500', geocode: '419001', city: 'Riverton', state: 'OR', geographyType: 'URBAN' },
    ]);
    expect(
      es.funders.find((f: { funder: string }) => f.funder === 'LOCAL_OR_OTHER_FUNDING_SOURCE').otherFunder,
    ).toBe('City of Riverton General Fund');
    const rrh = (await (await sam()).ok(PROGRAM_SETUP, { id: String(ids.programs.HSS_RRH) })).program;
    expect(rrh.ceParticipations).toEqual([{ accessPoint: 'NO', receivesReferrals: 'YES' }]);
  });

  test('the victim service provider participates through a comparable database and publishes no site address', async () => {
    const { ids } = demo;
    const [row] = await demo.sql(
      'SELECT h.hmis_participation_type AS t, c.address1 AS a FROM hmis_participation h JOIN project_coc c ON c.program_id = h.program_id WHERE h.program_id = ?',
      [ids.programs.SHD_ES],
    );
    expect([Number(row.t), row.a]).toEqual([2, null]);
  });

  test('a program that is not visible shows none of its setup records (Safe Harbor, as Hope Street)', async () => {
    const { ids } = demo;
    expect((await (await sam()).ok(PROGRAM_SETUP, { id: String(ids.programs.SHD_ES) })).program).toBeNull();
  });
});

describe('administrators manage setup records; others may not', () => {
  test('a case worker without setup:admin is refused with FORBIDDEN and nothing is stored', async () => {
    const { ids } = demo;
    const before = await demo.sql('SELECT COUNT(*) AS n FROM funder');
    const err = await (
      await sam()
    ).error(CREATE_FUNDER, {
      programId: String(ids.programs.HSS_ES),
      input: { funder: 'HUD_COC_RAPID_RE_HOUSING', grantId: 'X', startDate: '2025-01-01' },
    });
    expect(err.code).toBe('FORBIDDEN');
    expect(await demo.sql('SELECT COUNT(*) AS n FROM funder')).toEqual(before);
  });

  test('a local or other funding source (46) needs OtherFunder; other sources refuse it', async () => {
    const { ids } = demo;
    const caller = await admin();
    const programId = String(ids.programs.HSS_RRH);
    const missing = await caller.error(CREATE_FUNDER, {
      programId,
      input: { funder: 'LOCAL_OR_OTHER_FUNDING_SOURCE', grantId: 'G-1', startDate: '2025-01-01' },
    });
    expect([missing.code, missing.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.otherFunder']);
    const extra = await caller.error(CREATE_FUNDER, {
      programId,
      input: {
        funder: 'HUD_COC_RAPID_RE_HOUSING',
        otherFunder: 'County',
        grantId: 'G-1',
        startDate: '2025-01-01',
      },
    });
    expect([extra.code, extra.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.otherFunder']);
    const created = (
      await caller.ok(CREATE_FUNDER, {
        programId,
        input: {
          funder: 'LOCAL_OR_OTHER_FUNDING_SOURCE',
          otherFunder: 'County Housing Trust',
          grantId: 'CHT-7',
          startDate: '2025-01-01',
        },
      })
    ).createFunder;
    expect(created).toMatchObject({ otherFunder: 'County Housing Trust', grantId: 'CHT-7' });
    const updated = (
      await caller.ok(
        `mutation($id: ID!, $input: FunderInput!) { updateFunder(id: $id, input: $input) { id grantId endDate } }`,
        {
          id: created.id,
          input: {
            funder: 'LOCAL_OR_OTHER_FUNDING_SOURCE',
            otherFunder: 'County Housing Trust',
            grantId: 'CHT-8',
            startDate: '2025-01-01',
            endDate: '2025-12-31',
          },
        },
      )
    ).updateFunder;
    expect(updated).toEqual({ id: created.id, grantId: 'CHT-8', endDate: '2025-12-31' });
    expect(
      (await caller.ok('mutation($id: ID!) { deleteFunder(id: $id) }', { id: created.id })).deleteFunder,
    ).toBe(true);
    const funders = (await (await sam()).ok(PROGRAM_SETUP, { id: programId })).program.funders;
    expect(funders.map((f: { id: string }) => f.id)).not.toContain(created.id);
    const audited = await demo.sql(
      "SELECT operation FROM audit_event WHERE entity_type = 'Funder' ORDER BY id",
    );
    expect(audited.map((r) => r.operation)).toEqual(['createFunder', 'updateFunder', 'deleteFunder']);
  });

  test('dedicated and other beds add up to the bed inventory; bed type is for emergency shelters only', async () => {
    const { ids } = demo;
    const caller = await admin();
    const base = {
      cocCode: 'XX-500',
      householdType: 'HOUSEHOLDS_WITHOUT_CHILDREN',
      unitInventory: 10,
      bedInventory: 10,
      inventoryStartDate: '2025-01-01',
    };
    const wrong = await caller.error(CREATE_INVENTORY, {
      programId: String(ids.programs.HSS_RRH),
      input: { ...base, vetBedInventory: 4, otherBedInventory: 4 },
    });
    expect([wrong.code, wrong.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.otherBedInventory']);
    const bedType = await caller.error(CREATE_INVENTORY, {
      programId: String(ids.programs.HSS_RRH),
      input: { ...base, bedType: 'FACILITY_BASED' },
    });
    expect(bedType.extensions.field).toBe('input.bedType');
    const ok = (
      await caller.ok(CREATE_INVENTORY, {
        programId: String(ids.programs.HSS_RRH),
        input: { ...base, vetBedInventory: 4 },
      })
    ).createInventory;
    expect(ok).toMatchObject({ bedInventory: 10, vetBedInventory: 4, otherBedInventory: 6 });
  });

  test('an access point answers the four assessment questions; a program that is not one may not', async () => {
    const { ids } = demo;
    const caller = await admin();
    const notAccessPoint = await caller.error(CREATE_CE, {
      programId: String(ids.programs.NSO_SO),
      input: {
        accessPoint: 'NO',
        crisisAssessment: 'YES',
        receivesReferrals: 'NO',
        ceParticipationStatusStartDate: '2025-01-01',
      },
    });
    expect(notAccessPoint.extensions.field).toBe('input.crisisAssessment');
    const incomplete = await caller.error(CREATE_CE, {
      programId: String(ids.programs.NSO_SO),
      input: { accessPoint: 'YES', receivesReferrals: 'NO', ceParticipationStatusStartDate: '2025-01-01' },
    });
    expect(incomplete.extensions.field).toBe('input.preventionAssessment');
  });

  test('the 2.02 fields that depend on the project type are checked against the stored program on update', async () => {
    const { ids } = demo;
    const caller = await admin();
    const UPDATE = `mutation($id: ID!, $input: ProgramFieldsInput!) { updateProgram(id: $id, input: $input) { rrhSubType housingType targetPopulation } }`;
    const err = await caller.error(UPDATE, {
      id: String(ids.programs.NSO_SO),
      input: { rrhSubType: 'RRH_SERVICES_ONLY' },
    });
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.rrhSubType']);
    const housing = await caller.error(UPDATE, {
      id: String(ids.programs.NSO_SO),
      input: { housingType: 'SITE_BASED_SINGLE_SITE' },
    });
    expect(housing.extensions.field).toBe('input.housingType');
    expect(
      (
        await caller.ok(UPDATE, {
          id: String(ids.programs.HSS_RRH),
          input: { targetPopulation: 'PERSONS_WITH_HIV_AIDS' },
        })
      ).updateProgram,
    ).toEqual({
      rrhSubType: 'RRH_HOUSING_WITH_OR_WITHOUT_SERVICES',
      housingType: 'TENANT_BASED_SCATTERED_SITE',
      targetPopulation: 'PERSONS_WITH_HIV_AIDS',
    });
  });

  test('a CoC code, geocode and ZIP must have HUD formats', async () => {
    const { ids } = demo;
    const err = await (
      await admin()
    ).error(
      `mutation($programId: ID!, $input: ProjectCocInput!) { createProjectCoc(programId: $programId, input: $input) { id } }`,
      { programId: String(ids.programs.NSO_SO), input: { cocCode: 'XX-500', geocode: '41900' } },
    );
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.geocode']);
  });

  test('an affiliation names another existing program', async () => {
    const { ids } = demo;
    const caller = await admin();
    const AFF = `mutation($programId: ID!, $input: AffiliationInput!) { createAffiliation(programId: $programId, input: $input) { resProgramId } }`;
    const self = await caller.error(AFF, {
      programId: String(ids.programs.NSO_SO),
      input: { resProgramId: String(ids.programs.NSO_SO) },
    });
    expect(self.extensions.field).toBe('input.resProgramId');
    const ok = (
      await caller.ok(AFF, {
        programId: String(ids.programs.NSO_SO),
        input: { resProgramId: String(ids.programs.HSS_ES) },
      })
    ).createAffiliation;
    expect(ok).toEqual({ resProgramId: String(ids.programs.HSS_ES) });
    await caller.ok(AFF, {
      programId: String(ids.programs.NSO_SO),
      input: { resProgramId: String(ids.programs.SHD_ES) },
    });
    // Northside sees its outreach program's affiliation with Hope Street's shelter (shared through
    // release 1001), never the id of Safe Harbor's confidential shelter.
    const seen = (
      await (await demo.as('olga.outreach')).ok(PROGRAM_SETUP, { id: String(ids.programs.NSO_SO) })
    ).program;
    expect(seen.affiliations).toEqual([{ resProgramId: String(ids.programs.HSS_ES) }]);
  });
});
