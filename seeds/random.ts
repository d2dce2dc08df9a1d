/**
 * Deterministic randomness for the seeds: a small seeded PRNG and realistic-looking values.
 * Nothing here calls Math.random, so the same seed always gives the same data.
 */
import { RaceEthnicity, Sex } from '../src/hud';

export type Rng = () => number;

/** mulberry32: a fast 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream per purpose: mixes a label into the seed (FNV-1a). */
export function streamRng(seed: number, label: string): Rng {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return mulberry32(h >>> 0);
}

/** Integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** A plausible SSN: area 001-899 except 666, group 01-99, serial 0001-9999. */
export function randomSsn(rng: Rng): string {
  let area = intBetween(rng, 1, 898);
  if (area === 666) area = 667;
  const group = intBetween(rng, 1, 99);
  const serial = intBetween(rng, 1, 9999);
  return `${String(area).padStart(3, '0')}${String(group).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

/** HUD 3.04.1 race and ethnicity, one or two of codes 1-7, weighted roughly like a US CoC. */
export function randomRaceEthnicity(rng: Rng): RaceEthnicity[] {
  const r = rng();
  const first =
    r < 0.38
      ? RaceEthnicity.WHITE
      : r < 0.66
        ? RaceEthnicity.BLACK_AFRICAN_AMERICAN_OR_AFRICAN
        : r < 0.82
          ? RaceEthnicity.HISPANIC_LATINA_E_O
          : r < 0.88
            ? RaceEthnicity.AMERICAN_INDIAN_ALASKA_NATIVE_OR_INDIGENOUS
            : r < 0.93
              ? RaceEthnicity.ASIAN_OR_ASIAN_AMERICAN
              : r < 0.96
                ? RaceEthnicity.NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER
                : RaceEthnicity.MIDDLE_EASTERN_OR_NORTH_AFRICAN;
  if (rng() < 0.8) return [first];
  const second =
    first === RaceEthnicity.HISPANIC_LATINA_E_O ? RaceEthnicity.WHITE : RaceEthnicity.HISPANIC_LATINA_E_O;
  return [first, second].sort((a, b) => a - b);
}

export const FEMALE_FIRST_NAMES = [
  'Maria',
  'Angela',
  'Denise',
  'Keisha',
  'Rosa',
  'Linda',
  'Tanya',
  'Crystal',
  'Brenda',
  'Aaliyah',
  'Monique',
  'Sandra',
  'Jasmine',
  'Carmen',
  'Heather',
  'Latoya',
  'Priya',
  'Ana',
  'Shannon',
  'Gloria',
] as const;

export const MALE_FIRST_NAMES = [
  'James',
  'Marcus',
  'Luis',
  'Darnell',
  'Robert',
  'Kevin',
  'Andre',
  'Michael',
  'Jose',
  'Terrence',
  'William',
  'Anthony',
  'Curtis',
  'Raymond',
  'Victor',
  'Dwayne',
  'Tomas',
  'Eric',
  'Gregory',
  'Omar',
] as const;

/** Last names; none of them is a demo scenario client's, so filler never shadows a named client. */
export const LAST_NAMES = [
  'Johnson',
  'Williams',
  'Garcia',
  'Martinez',
  'Robinson',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Allen',
  'Young',
  'Hernandez',
  'King',
  'Wright',
  'Lopez',
  'Hill',
  'Scott',
  'Green',
  'Adams',
  'Baker',
  'Gonzalez',
  'Nelson',
  'Mitchell',
  'Perez',
  'Roberts',
  'Turner',
  'Phillips',
  'Campbell',
  'Parker',
  'Evans',
  'Edwards',
  'Collins',
  'Stewart',
  'Sanchez',
  'Morris',
  'Rogers',
  'Reed',
  'Cook',
  'Bell',
  'Murphy',
  'Bailey',
  'Cooper',
  'Richardson',
  'Cox',
  'Howard',
  'Ward',
  'Torres',
  'Peterson',
  'Gray',
  'Ramirez',
  'James',
  'Watson',
  'Kim',
  'Nguyen',
  'Begay',
  'Yazzie',
  'Kaleo',
  'Haddad',
  'Castillo',
  'Romero',
] as const;

/** A person: sex, a first name that goes with it, a last name. */
export function randomPerson(rng: Rng): { firstName: string; lastName: string; sex: Sex } {
  const female = rng() < 0.42;
  return {
    sex: female ? Sex.FEMALE : Sex.MALE,
    firstName: pick(rng, female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    lastName: pick(rng, LAST_NAMES),
  };
}
