/** The duplicate matcher (access model §11): what a data steward would call the same person. */
import {
  dobKey,
  formalName,
  LIKELY_DUPLICATE_SCORE,
  matchKeys,
  normalizeName,
  phoneticKey,
  sameGivenName,
  scoreMatch,
  usableSsn,
} from '../../src/modules/stewardship/matcher';

describe('duplicate matcher', () => {
  test('names are compared without case, accents, hyphens, apostrophes or spaces', () => {
    expect(normalizeName('  José-Luis ')).toBe('joseluis');
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(normalizeName('ÁLEX')).toBe('alex');
    expect(normalizeName(null)).toBe('');
  });

  test('nicknames map to their formal name both ways (Alex / Alexander, Bill / William, Liz / Elizabeth)', () => {
    expect(formalName('alex')).toBe('alexander');
    expect(sameGivenName('alex', 'alexander')).toBe(true);
    expect(sameGivenName('bill', 'william')).toBe(true);
    expect(sameGivenName('liz', 'elizabeth')).toBe(true);
    expect(sameGivenName('bill', 'robert')).toBe(false);
  });

  test('names that sound alike share a phonetic key; different names do not', () => {
    expect(phoneticKey('rivera')).toBe(phoneticKey('riviera'));
    expect(phoneticKey('hayes')).toBe(phoneticKey('hays'));
    expect(phoneticKey('smith')).toBe(phoneticKey('smyth'));
    expect(phoneticKey('catherine')).toBe(phoneticKey('kathryn'));
    expect(phoneticKey('robin')).toBe(phoneticKey('robyn'));
    expect(phoneticKey('rivera')).not.toBe(phoneticKey('carter'));
  });

  test('a date of birth with day and month swapped files under the same key', () => {
    expect(dobKey('1983-09-05')).toBe(dobKey('1983-05-09'));
    expect(dobKey('1983-09-05')).not.toBe(dobKey('1984-09-05'));
    expect(dobKey(null)).toBeNull();
  });

  test('placeholder SSNs never match (all one digit, 123456789, 000 prefix)', () => {
    expect(usableSsn('111111111')).toBeNull();
    expect(usableSsn('123456789')).toBeNull();
    expect(usableSsn('000123456')).toBeNull();
    expect(usableSsn('412-55-8291')).toBe('412558291');
  });

  test('Alex and Alexander Rivera with the same DOB and SSN share every blocking key and score as a likely duplicate', () => {
    const a = { firstName: 'Alex', lastName: 'Rivera', dob: '1987-03-14', ssn: '412558291' };
    const b = { firstName: 'Alexander', lastName: 'Rivera', dob: '1987-03-14', ssn: '412558291' };
    expect(matchKeys(a)).toEqual(matchKeys(b));
    const r = scoreMatch(a, b);
    expect(r.reasons).toEqual(['SSN_EXACT', 'DOB_EXACT', 'LAST_NAME_EXACT', 'FIRST_NAME_NICKNAME']);
    expect(r.score).toBe(100);
  });

  test('last four of the SSN with a transposed DOB is still found, a shared last name alone is not a likely duplicate', () => {
    const a = { firstName: 'Jamie', lastName: 'Fox', dob: '1983-09-05', ssn: '602148837' };
    const b = { firstName: 'Jaime', lastName: 'Fox', dob: '1983-05-09', ssn: '999148837' };
    const keys = new Set(matchKeys(a).map((k) => `${k.kind}:${k.value}`));
    expect(matchKeys(b).some((k) => keys.has(`${k.kind}:${k.value}`))).toBe(true);
    expect(scoreMatch(a, b).reasons).toEqual(
      expect.arrayContaining(['SSN_LAST_FOUR', 'DOB_DAY_MONTH_TRANSPOSED', 'LAST_NAME_EXACT']),
    );
    expect(scoreMatch(a, b).score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE_SCORE);
    expect(scoreMatch(a, { firstName: 'Morgan', lastName: 'Fox', dob: null, ssn: null }).score).toBeLessThan(
      LIKELY_DUPLICATE_SCORE,
    );
  });
});
