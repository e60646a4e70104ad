// Passwords are hashed with argon2id (OWASP's first choice) and never stored, logged or audited.
import { hash, verify } from '@node-rs/argon2';

// OWASP password storage cheat sheet (2024): argon2id, m=19 MiB, t=2, p=1 as the minimum.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const passwordMinLength = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular: verified against when the user does not exist, so a wrong e-mail
 * takes as long as a wrong password and logins do not reveal who has an account. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-that-matches-nothing');
  return decoyHash;
}
