/**
 * Three-character organization codes (access model §1): given by the administrator, or
 * generated from the name when left out ("Riverside Youth Services" -> RYS), always unique.
 */
import { randomInt } from 'node:crypto';

const CODE = /^[A-Z0-9]{3}$/;

export function isOrgCode(code: string): boolean {
  return CODE.test(code);
}

/** Candidate codes for a name, most recognisable first. */
function candidates(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['THE', 'OF', 'AND', 'FOR', 'INC', 'LLC'].includes(w));
  const letters = words.join('');
  const out: string[] = [];
  const add = (c: string) => {
    if (c.length === 3 && isOrgCode(c) && !out.includes(c)) out.push(c);
  };
  // Initials of the first three words, then the first word's letters filling in.
  add(
    words
      .map((w) => w[0])
      .join('')
      .slice(0, 3),
  );
  if (words.length)
    add((words.length > 1 ? words[0][0] + words[1].slice(0, 2) : words[0].slice(0, 3)).padEnd(3, 'X'));
  add(letters.slice(0, 3).padEnd(3, 'X'));
  // Keep the first two letters and vary the third.
  const stem = (out[0] ?? letters.padEnd(2, 'X')).slice(0, 2);
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789') add(stem + c);
  return out;
}

/** The first candidate not in `taken`, or a random code when every candidate is taken. */
export function generateOrgCode(name: string, taken: ReadonlySet<string>): string {
  const free = candidates(name).find((c) => !taken.has(c));
  if (free) return free;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  for (;;) {
    const code = Array.from({ length: 3 }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (!taken.has(code)) return code;
  }
}
