/**
 * The password policy (access model §2; issue 4): at least 12 characters, not the username,
 * not a common password. Applied wherever a password is set: createUser, resetUserPassword
 * and changePassword. Length beats composition rules (NIST SP 800-63B §5.1.1.2), so there is
 * no "one digit, one symbol" rule to frustrate users into "Password1!".
 */
import { randomInt } from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but login refuses longer input before hashing (see auth.service). */
export const PASSWORD_MAX_LENGTH = 256;

let common: ReadonlySet<string> | undefined;

/**
 * The ~49,000 most common passwords of the zxcvbn-ts project (from leaked password corpora),
 * loaded on first use so a server that never sets a password never pays for the list.
 */
function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load of a large JSON list
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  }
  return common;
}

/**
 * Whether a password is, or is a common password dressed up with digits and symbols at either
 * end ("Sunshine2024!", "123password", "1234567890123"): attackers try exactly these first.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const decoration = /^[0-9\W_]*$/;
  for (let i = 4; i <= lower.length; i++) {
    if (list.has(lower.slice(0, i)) && decoration.test(lower.slice(i))) return true;
    if (list.has(lower.slice(lower.length - i)) && decoration.test(lower.slice(0, lower.length - i)))
      return true;
  }
  const core = lower.replace(/^[0-9\W_]+/, '').replace(/[0-9\W_]+$/, '');
  return core.length >= 4 && list.has(core);
}

/** Why `password` is not acceptable for `username`, or null when it is. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (password.trim() !== password) return 'must not start or end with spaces';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'must not contain the username';
  if (isCommonPassword(password))
    return 'is too common: it is, or is built on, a password from lists of leaked passwords that attackers try first';
  if (new Set(password).size < 4) return 'must use more than three different characters';
  return null;
}

// No 0/O, 1/l/I: temporary passwords are read aloud over the phone by a help desk.
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random temporary password (16 characters, about 93 bits), shown once to the administrator. */
export function temporaryPassword(): string {
  let text = '';
  for (let i = 0; i < 16; i++) text += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
  // Groups of four are easier to read out and type.
  return text.match(/.{4}/g)!.join('-');
}
