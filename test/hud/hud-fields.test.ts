/**
 * FY2026 columns through GraphQL: V1 veteran's information on a client, the 3.917 and 3.16 fields of
 * an enrollment, the destination's subsidy type, and the code-list rules refusing what HUD does not allow.
 */
import { DemoApp, client } from '../access/helpers';
import { FIELD_RULES } from '../../src/access/permissions';

const demo = new DemoApp('hud-fields');
const sam = () => demo.as('sam.shelter');

const SERVICE = 'mutation($input: CreateServiceInput!) { createService(input: $input) { id typeProvided } }';
const CREATE_ENROLLMENT = `mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) {
  id livingSituation rentalSubsidyType lengthOfStay losUnderThreshold previousStreetEssh dateToStreetEssh
  timesHomelessPastThreeYears monthsHomelessPastThreeYears enrollmentCoc } }`;
const EXIT = `mutation($id: ID!, $input: ExitEnrollmentInput!) { exitEnrollment(id: $id, input: $input) {
  id exit { destination destinationSubsidyType } } }`;

describe('a service type provided must belong to its record type', () => {
  test('createService(recordType: BED_NIGHT, typeProvided: 999) is refused naming input.typeProvided, and nothing is stored', async () => {
    const { ids } = demo;
    const before = await demo.sql('SELECT COUNT(*) AS n FROM service');
    const err = await (
      await sam()
    ).error(SERVICE, {
      input: {
        enrollmentId: String(ids.enrollments['Alex Rivera/ES']),
        dateProvided: ids.today,
        recordType: 'BED_NIGHT',
        typeProvided: 999,
      },
    });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.field).toBe('input.typeProvided');
    expect(err.message).toContain('999');
    expect(await demo.sql('SELECT COUNT(*) AS n FROM service')).toEqual(before);
  });

  test('an SSVF service of type 10 (Healthcare Navigation) is accepted', async () => {
    const { ids } = demo;
    const created = (
      await (
        await sam()
      ).ok(SERVICE, {
        input: {
          enrollmentId: String(ids.enrollments['Alex Rivera/RRH']),
          dateProvided: ids.today,
          recordType: 'SSVF_SERVICE',
          typeProvided: 10,
        },
      })
    ).createService;
    expect(created.typeProvided).toBe(10);
  });
});

describe("V1 veteran's information", () => {
  test('is stored and read back with client.demographics:read, and hidden without it', async () => {
    const { ids } = demo;
    const id = String(ids.clients['Alex Rivera']);
    const caller = await sam();
    const version = (await client(caller, id))!.version;
    const updated = (
      await caller.ok(
        `mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) {
          yearEnteredService yearSeparated vietnamWar desertStorm militaryBranch dischargeStatus } }`,
        {
          id,
          input: {
            version,
            yearEnteredService: 1988,
            yearSeparated: 1992,
            desertStorm: 'YES',
            vietnamWar: 'NO',
            militaryBranch: 'MARINES',
            dischargeStatus: 'HONORABLE',
          },
        },
      )
    ).updateClient;
    expect(updated).toEqual({
      yearEnteredService: 1988,
      yearSeparated: 1992,
      vietnamWar: 'NO',
      desertStorm: 'YES',
      militaryBranch: 'MARINES',
      dischargeStatus: 'HONORABLE',
    });
  });

  test('every V1 column is guarded like veteran status (client.demographics:read), its reads audited', () => {
    for (const field of [
      'yearEnteredService',
      'yearSeparated',
      'worldWarII',
      'koreanWar',
      'vietnamWar',
      'desertStorm',
      'afghanistanOEF',
      'iraqOIF',
      'iraqOND',
      'otherTheater',
      'militaryBranch',
      'dischargeStatus',
    ]) {
      expect([field, FIELD_RULES.Client[field]]).toEqual([field, FIELD_RULES.Client.veteranStatus]);
    }
  });

  test('a year separated before the year entered is refused', async () => {
    const { ids } = demo;
    const id = String(ids.clients['Alex Rivera']);
    const caller = await sam();
    const version = (await client(caller, id))!.version;
    const err = await caller.error(
      'mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id } }',
      { id, input: { version, yearEnteredService: 1990, yearSeparated: 1980 } },
    );
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.yearSeparated']);
    // Alex Rivera entered service in 1988 (first test): separating in 1980 alone is refused too.
    const alone = await caller.error(
      'mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id } }',
      { id, input: { version, yearSeparated: 1980 } },
    );
    expect([alone.code, alone.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.yearSeparated']);
  });
});

describe('3.917 prior living situation and 3.16 client location on an enrollment', () => {
  test('are stored as given', async () => {
    const { ids } = demo;
    const created = (
      await (
        await sam()
      ).ok(CREATE_ENROLLMENT, {
        input: {
          clientId: String(ids.clients['Alex Rivera']),
          programId: String(ids.programs.HSS_ES),
          entryDate: ids.today,
          livingSituation: 'RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY',
          rentalSubsidyType: 'HOUSING_STABILITY_VOUCHER',
          lengthOfStay: 'TWO_TO_SIX_NIGHTS',
          losUnderThreshold: 'YES',
          previousStreetEssh: 'YES',
          dateToStreetEssh: '2026-01-15',
          timesHomelessPastThreeYears: 'TWO_TIMES',
          monthsHomelessPastThreeYears: 'MORE_THAN_12_MONTHS',
          enrollmentCoc: 'OR-500',
        },
      })
    ).createEnrollment;
    expect(created).toMatchObject({
      livingSituation: 'RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY',
      rentalSubsidyType: 'HOUSING_STABILITY_VOUCHER',
      lengthOfStay: 'TWO_TO_SIX_NIGHTS',
      losUnderThreshold: 'YES',
      previousStreetEssh: 'YES',
      dateToStreetEssh: '2026-01-15',
      timesHomelessPastThreeYears: 'TWO_TIMES',
      monthsHomelessPastThreeYears: 'MORE_THAN_12_MONTHS',
      enrollmentCoc: 'OR-500',
    });
    const [row] = await demo.sql(
      'SELECT months_homeless_past_three_years AS m FROM enrollment WHERE id = ?',
      [Number(created.id)],
    );
    expect(Number(row.m)).toBe(113);
  });

  test('a rental subsidy type with a prior living situation other than 435 is refused', async () => {
    const { ids } = demo;
    const err = await (
      await sam()
    ).error(CREATE_ENROLLMENT, {
      input: {
        clientId: String(ids.clients['Alex Rivera']),
        programId: String(ids.programs.HSS_ES),
        entryDate: ids.today,
        livingSituation: 'PLACE_NOT_MEANT_FOR_HABITATION',
        rentalSubsidyType: 'VASH_HOUSING_SUBSIDY',
      },
    });
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.rentalSubsidyType']);
  });

  test('a malformed EnrollmentCoC is refused', async () => {
    const { ids } = demo;
    const err = await (
      await sam()
    ).error(CREATE_ENROLLMENT, {
      input: {
        clientId: String(ids.clients['Alex Rivera']),
        programId: String(ids.programs.HSS_ES),
        entryDate: ids.today,
        enrollmentCoc: 'OR500',
      },
    });
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.enrollmentCoc']);
  });
});

describe("an exit's destination subsidy type", () => {
  test('is refused with a destination other than 435, then stored with 435', async () => {
    const { ids } = demo;
    const id = String(ids.enrollments['Alex Rivera/RRH']);
    const caller = await sam();
    const err = await caller.error(EXIT, {
      id,
      input: {
        exitDate: ids.today,
        destination: 'RENTAL_BY_CLIENT_NO_ONGOING_HOUSING_SUBSIDY',
        destinationSubsidyType: 'RRH_OR_EQUIVALENT_SUBSIDY',
      },
    });
    expect([err.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'input.destinationSubsidyType']);
    const done = (
      await caller.ok(EXIT, {
        id,
        input: {
          exitDate: ids.today,
          destination: 'RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY',
          destinationSubsidyType: 'RRH_OR_EQUIVALENT_SUBSIDY',
        },
      })
    ).exitEnrollment;
    expect(done.exit).toEqual({
      destination: 'RENTAL_BY_CLIENT_WITH_ONGOING_HOUSING_SUBSIDY',
      destinationSubsidyType: 'RRH_OR_EQUIVALENT_SUBSIDY',
    });
  });
});
