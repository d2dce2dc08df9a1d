/**
 * The code-list rules of src/hud/validate.ts, one rule per test. Each refusal is BAD_USER_INPUT
 * and names the field at fault.
 */
import type { GraphQLError } from 'graphql';
import {
  checkCocCode,
  checkCode,
  checkLivingSituation,
  checkMilitaryYears,
  checkPriorLiving,
  checkProjectDescriptor,
  checkReferralResult,
  checkRentalSubsidy,
  checkTypeProvided,
} from '../../src/hud/validate';
import { DischargeStatus, ServiceRecordType } from '../../src/hud';

function refusal(run: () => void): { code: unknown; field: unknown; message: string } {
  try {
    run();
  } catch (e) {
    const err = e as GraphQLError;
    return { code: err.extensions.code, field: err.extensions.field, message: err.message };
  }
  throw new Error('expected a refusal');
}

describe('a service type provided comes from the list of its record type', () => {
  test('a bed night is type 200 only', () => {
    expect(() => checkTypeProvided('input.typeProvided', ServiceRecordType.BED_NIGHT, 200)).not.toThrow();
    expect(refusal(() => checkTypeProvided('input.typeProvided', ServiceRecordType.BED_NIGHT, 999))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.typeProvided',
      message: expect.stringContaining('999 is not a service type of record type BED_NIGHT'),
    });
  });

  test('a code of another record type is refused (PATH service 13 does not exist; SSVF 10 does)', () => {
    expect(() => checkTypeProvided('f', ServiceRecordType.SSVF_SERVICE, 10)).not.toThrow();
    expect(refusal(() => checkTypeProvided('f', ServiceRecordType.PATH_SERVICE, 13)).field).toBe('f');
    expect(refusal(() => checkTypeProvided('f', ServiceRecordType.BED_NIGHT, 1)).code).toBe('BAD_USER_INPUT');
  });

  test('an unknown record type is refused', () => {
    expect(refusal(() => checkTypeProvided('f', 999 as ServiceRecordType, 1)).code).toBe('BAD_USER_INPUT');
  });
});

describe('a rental subsidy type goes with living situation 435 only', () => {
  test('435 with a subsidy type is accepted; no subsidy is accepted too', () => {
    expect(() => checkRentalSubsidy('s', 419, 'd', 435)).not.toThrow();
    expect(() => checkRentalSubsidy('s', null, 'd', 435)).not.toThrow();
    expect(() => checkRentalSubsidy('s', undefined, 'd', 116)).not.toThrow();
  });

  test('a subsidy type with any other situation is refused, naming the subsidy field', () => {
    const r = refusal(() => checkRentalSubsidy('input.destinationSubsidyType', 419, 'the destination', 410));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.destinationSubsidyType' });
    expect(r.message).toContain('435');
  });

  test('a code outside list 3.12.A is refused even with 435', () => {
    expect(refusal(() => checkRentalSubsidy('s', 999, 'd', 435)).message).toContain(
      '999 is not a valid rental subsidy type',
    );
  });
});

describe('living situation codes belong to their element', () => {
  test('Deceased (24) is a destination, not a prior living situation', () => {
    expect(() => checkLivingSituation('d', 'destination', 24)).not.toThrow();
    expect(refusal(() => checkLivingSituation('p', 'prior', 24)).field).toBe('p');
  });
  test('Worker unable to determine (37) is a current living situation only', () => {
    expect(() => checkLivingSituation('c', 'current', 37)).not.toThrow();
    expect(refusal(() => checkLivingSituation('d', 'destination', 37)).code).toBe('BAD_USER_INPUT');
  });
});

describe('3.917 prior living situation', () => {
  const base = {
    entryDate: '2026-11-01',
    livingSituation: 435,
    rentalSubsidyType: 420,
    dateToStreetEssh: null,
  };
  test('a complete 435 answer with subsidy is accepted', () => {
    expect(() => checkPriorLiving('input', base)).not.toThrow();
  });
  test('RentalSubsidyType with a prior living situation other than 435 is refused', () => {
    expect(refusal(() => checkPriorLiving('input', { ...base, livingSituation: 116 })).field).toBe(
      'input.rentalSubsidyType',
    );
  });
  test('homelessness cannot start after the project start date', () => {
    expect(
      refusal(() =>
        checkPriorLiving('input', { ...base, rentalSubsidyType: null, dateToStreetEssh: '2026-11-02' }),
      ).field,
    ).toBe('input.dateToStreetEssh');
  });
});

describe('coded values and formats', () => {
  test('a value outside its HUD list is refused (discharge status 3 is unused by HUD)', () => {
    expect(() => checkCode('f', DischargeStatus, 1, 'discharge status')).not.toThrow();
    expect(refusal(() => checkCode('f', DischargeStatus, 3, 'discharge status')).message).toContain(
      '3 is not a valid discharge status code',
    );
  });
  test('a CoC code is two capital letters, a dash and three digits', () => {
    expect(() => checkCocCode('c', 'OR-500')).not.toThrow();
    expect(refusal(() => checkCocCode('c', 'OR500')).field).toBe('c');
    expect(refusal(() => checkCocCode('c', 'or-500')).field).toBe('c');
  });
  test('military years are from 1920 to this year, separation not before entry', () => {
    expect(() => checkMilitaryYears('input', 1990, 1994, '2026-12-01')).not.toThrow();
    expect(refusal(() => checkMilitaryYears('input', 1990, 1989, '2026-12-01')).field).toBe(
      'input.yearSeparated',
    );
    expect(refusal(() => checkMilitaryYears('input', 2027, null, '2026-12-01')).field).toBe(
      'input.yearEnteredService',
    );
  });
});

describe('4.20.D referral result', () => {
  test('goes with a referral to an opening, together with its result date', () => {
    expect(() => checkReferralResult('input', 13, 1, '2026-01-02')).not.toThrow();
    expect(() => checkReferralResult('input', 2, null, null)).not.toThrow();
  });
  test('is refused for another event (2: problem solving)', () => {
    expect(refusal(() => checkReferralResult('input', 2, 1, '2026-01-02')).field).toBe(
      'input.referralResult',
    );
  });
  test('a result without its date, or a date without its result, is refused', () => {
    expect(refusal(() => checkReferralResult('input', 13, 1, null)).field).toBe('input.resultDate');
    expect(refusal(() => checkReferralResult('input', 13, null, '2026-01-02')).field).toBe(
      'input.referralResult',
    );
  });
});

describe('2.02 fields that depend on the project type', () => {
  const rrh = { projectType: 13, rrhSubType: 2, residentialAffiliation: null, housingType: 3 };
  test('RRH with housing has a subtype and a housing type', () => {
    expect(() => checkProjectDescriptor('input', rrh)).not.toThrow();
  });
  test('an RRH subtype on another project type is refused', () => {
    expect(refusal(() => checkProjectDescriptor('input', { ...rrh, projectType: 0 })).field).toBe(
      'input.rrhSubType',
    );
  });
  test('ResidentialAffiliation only for RRH: Services Only', () => {
    expect(() =>
      checkProjectDescriptor('input', {
        projectType: 13,
        rrhSubType: 1,
        residentialAffiliation: 1,
        housingType: null,
      }),
    ).not.toThrow();
    expect(refusal(() => checkProjectDescriptor('input', { ...rrh, residentialAffiliation: 1 })).field).toBe(
      'input.residentialAffiliation',
    );
  });
  test('a housing type for street outreach, or RRH services only, is refused', () => {
    expect(
      refusal(() =>
        checkProjectDescriptor('input', {
          projectType: 4,
          rrhSubType: null,
          residentialAffiliation: null,
          housingType: 1,
        }),
      ).field,
    ).toBe('input.housingType');
    expect(refusal(() => checkProjectDescriptor('input', { ...rrh, rrhSubType: 1 })).field).toBe(
      'input.housingType',
    );
  });
});
