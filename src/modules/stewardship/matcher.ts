/**
 * The duplicate matcher (access model §11): how two sets of identifying data elements (HUD 3.01
 * name, 3.02 SSN, 3.03 date of birth) are compared, and the blocking keys under which a client
 * is filed so that a check looks up a handful of candidates by index instead of scanning.
 *
 * Pure functions, no database: the blocking keys are stored per client (client_match_key, kept
 * by match-keys.ts) and the score is computed in TypeScript for the few candidates they find.
 */

/**
 * Nicknames and their formal names. A curated table (no package is installed for it): the
 * common English given-name diminutives used by US HMIS duplicate reports, drawn from the
 * Carlton Northern "names" nickname list (Apache-2.0, github.com/carltonnorthern/nicknames).
 * Each line: formal name, then its nicknames. Extend it here; tests read it.
 */
const NICKNAME_LINES = `
alexander alex al alec sandy xander lex
alexandra alex alexa sandra sandy lexi
andrew andy drew
anthony tony
benjamin ben benny
catherine cathy kate katie cat kathy
christopher chris kit topher
christina chris tina chrissy
daniel dan danny
david dave davey
deborah deb debbie
donald don donny
dorothy dot dottie
edward ed eddie ted ned
elizabeth liz beth betty eliza lisa libby
eugene gene
frederick fred freddie
gabriel gabe
gregory greg
harold hal harry
henry hank harry
isabella bella izzy
jacob jake
james jim jimmy jamie
jennifer jen jenny
jessica jess jessie
john jack johnny
jonathan jon jonny
joseph joe joey
joshua josh
katherine kate katie kathy kat
kenneth ken kenny
lawrence larry
leonard leo len lenny
margaret maggie meg peggy marge
matthew matt
michael mike mikey mick
nicholas nick nicky
patricia pat patty trish
patrick pat paddy
peter pete
rebecca becky becca
richard rich rick dick richie
robert rob bob bobby robbie bert
roberta robin bobbie
ronald ron ronnie
samuel sam sammy
samantha sam sammy
stephen steve stevie
steven steve stevie
susan sue susie
theodore ted teddy theo
thomas tom tommy
timothy tim timmy
victoria vicky tori
william will bill billy willie liam
zachary zach zack
`;

const NICKNAMES = new Map<string, string>();
for (const line of NICKNAME_LINES.trim().split('\n')) {
  const [formal, ...nicks] = line.trim().split(/\s+/);
  if (!NICKNAMES.has(formal)) NICKNAMES.set(formal, formal);
  // A nickname shared by two formal names (sam, pat) keeps the first one listed: the
  // phonetic key of the formal name is only a blocking key, the score compares both ways.
  for (const nick of nicks) if (!NICKNAMES.has(nick)) NICKNAMES.set(nick, formal);
}

/** Lower case, accents removed, only letters (hyphens, apostrophes and spaces dropped). */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The formal form of a normalized first name ("alex" -> "alexander"); itself when not a nickname. */
export function formalName(normalized: string): string {
  return NICKNAMES.get(normalized) ?? normalized;
}

/** Whether two normalized first names are the same name or nickname and formal name of each other. */
export function sameGivenName(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b || formalName(a) === formalName(b)) return true;
  return NICKNAMES.get(a) === b || NICKNAMES.get(b) === a;
}

/**
 * A phonetic key in the spirit of Metaphone (a compact subset of Lawrence Philips's rules, not
 * the full Double Metaphone): names that sound alike in English get the same key ("Rivera" /
 * "Riviera", "Hayes" / "Hays", "Smith" / "Smyth", "Catherine" / "Kathryn"). At most 6 letters.
 */
export function phoneticKey(normalized: string): string {
  let w = normalized;
  if (!w) return '';
  w = w
    .replace(/^(kn|gn|pn|wr|ae)/, (m) => m.slice(1))
    .replace(/^x/, 's')
    .replace(/^wh/, 'w')
    .replace(/mb$/, 'm')
    .replace(/ph/g, 'f')
    .replace(/sch/g, 'sk')
    .replace(/(c|s|t)h/g, (_m, c: string) => (c === 't' ? '0' : 'x'))
    .replace(/c(?=[iey])/g, 's')
    .replace(/ck/g, 'k')
    .replace(/[cq]/g, 'k')
    .replace(/dg(?=[iey])/g, 'j')
    .replace(/gh(?![aeiou])/g, '')
    .replace(/g(?=[iey])/g, 'j')
    .replace(/z/g, 's')
    .replace(/v/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/y/g, 'i');
  const first = w[0];
  // Keep the first letter (vowel or not), then drop vowels, h and w, then collapse repeats.
  let rest = w.slice(1).replace(/[aeiouhw]/g, '');
  rest = rest.replace(/(.)\1+/g, '$1');
  const key = (/[aeiou]/.test(first) ? 'a' : first) + rest;
  return key
    .replace(/(.)\1+/g, '$1')
    .slice(0, 6)
    .toUpperCase();
}

/** The date of birth with month and day in order, so a transposed day/month files alike. */
export function dobKey(dob: string | null | undefined): string | null {
  if (!dob || !/^\d{4}-\d{2}-\d{2}$/.test(dob)) return null;
  const [y, m, d] = dob.split('-');
  return m <= d ? `${y}-${m}-${d}` : `${y}-${d}-${m}`;
}

/** A usable SSN: nine digits, not all the same, not a known placeholder (HUD 3.02 data quality). */
export function usableSsn(ssn: string | null | undefined): string | null {
  if (!ssn) return null;
  const digits = ssn.replace(/-/g, '');
  if (!/^\d{9}$/.test(digits)) return null;
  if (/^(\d)\1{8}$/.test(digits) || digits === '123456789' || digits.startsWith('000')) return null;
  return digits;
}

export interface Identity {
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  ssn: string | null;
}

export type MatchKeyKind = 'SSN' | 'SSN4DOB' | 'NAMEDOB' | 'NAME';

export interface MatchKey {
  kind: MatchKeyKind;
  value: string;
}

/**
 * The blocking keys of an identity. Two clients that share no key are never compared:
 * - SSN: the full SSN;
 * - SSN4DOB: the last four digits with the (order-free) date of birth;
 * - NAMEDOB: the last name's phonetic key with the date of birth (a first-name typo or nickname);
 * - NAME: the phonetic keys of the formal first name and of the last name (a wrong date).
 */
export function matchKeys(identity: Identity): MatchKey[] {
  const keys: MatchKey[] = [];
  const ssn = usableSsn(identity.ssn);
  const dob = dobKey(identity.dob);
  const first = normalizeName(identity.firstName);
  const last = normalizeName(identity.lastName);
  if (ssn) keys.push({ kind: 'SSN', value: ssn });
  if (ssn && dob) keys.push({ kind: 'SSN4DOB', value: `${ssn.slice(5)}|${dob}` });
  if (last && dob) keys.push({ kind: 'NAMEDOB', value: `${phoneticKey(last)}|${dob}` });
  if (first && last)
    keys.push({ kind: 'NAME', value: `${phoneticKey(formalName(first))}|${phoneticKey(last)}` });
  return keys;
}

/** Why a candidate matched; each reason adds its points to the score. */
export type MatchReason =
  | 'SSN_EXACT'
  | 'SSN_LAST_FOUR'
  | 'DOB_EXACT'
  | 'DOB_DAY_MONTH_TRANSPOSED'
  | 'LAST_NAME_EXACT'
  | 'LAST_NAME_SOUNDS_ALIKE'
  | 'FIRST_NAME_EXACT'
  | 'FIRST_NAME_NICKNAME'
  | 'FIRST_NAME_SOUNDS_ALIKE';

export const REASON_POINTS: Record<MatchReason, number> = {
  SSN_EXACT: 50,
  SSN_LAST_FOUR: 15,
  DOB_EXACT: 25,
  DOB_DAY_MONTH_TRANSPOSED: 15,
  LAST_NAME_EXACT: 20,
  LAST_NAME_SOUNDS_ALIKE: 12,
  FIRST_NAME_EXACT: 20,
  FIRST_NAME_NICKNAME: 15,
  FIRST_NAME_SOUNDS_ALIKE: 8,
};

/** A candidate scoring at least this is a likely duplicate (reported); below it, it is left out. */
export const LIKELY_DUPLICATE_SCORE = 40;

export interface MatchResult {
  /** 0-100. */
  score: number;
  reasons: MatchReason[];
}

/** Scores a candidate against the identity checked. */
export function scoreMatch(a: Identity, b: Identity): MatchResult {
  const reasons: MatchReason[] = [];
  const ssnA = usableSsn(a.ssn);
  const ssnB = usableSsn(b.ssn);
  if (ssnA && ssnB) {
    if (ssnA === ssnB) reasons.push('SSN_EXACT');
    else if (ssnA.slice(5) === ssnB.slice(5)) reasons.push('SSN_LAST_FOUR');
  }
  if (a.dob && b.dob) {
    if (a.dob === b.dob) reasons.push('DOB_EXACT');
    else if (dobKey(a.dob) === dobKey(b.dob)) reasons.push('DOB_DAY_MONTH_TRANSPOSED');
  }
  const lastA = normalizeName(a.lastName);
  const lastB = normalizeName(b.lastName);
  if (lastA && lastB) {
    if (lastA === lastB) reasons.push('LAST_NAME_EXACT');
    else if (phoneticKey(lastA) === phoneticKey(lastB)) reasons.push('LAST_NAME_SOUNDS_ALIKE');
  }
  const firstA = normalizeName(a.firstName);
  const firstB = normalizeName(b.firstName);
  if (firstA && firstB) {
    if (firstA === firstB) reasons.push('FIRST_NAME_EXACT');
    else if (sameGivenName(firstA, firstB)) reasons.push('FIRST_NAME_NICKNAME');
    else if (phoneticKey(firstA) === phoneticKey(firstB)) reasons.push('FIRST_NAME_SOUNDS_ALIKE');
  }
  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + REASON_POINTS[r], 0),
  );
  return { score, reasons };
}
