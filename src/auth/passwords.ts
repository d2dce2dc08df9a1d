import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP-recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash so a login for an unknown username costs the same time as
 * a wrong password and cannot be told apart.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash('waypoint-timing-equalizer');
  await verifyPassword(await dummy, password);
}
