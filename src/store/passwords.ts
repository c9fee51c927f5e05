/**
 * Password hashing with scrypt from node:crypto (no native add-on to build), asynchronous so a
 * sign-in never stops the server: scrypt runs on libuv's thread pool while other requests are
 * answered. Parameters are OWASP's Password Storage Cheat Sheet's for scrypt: N=2^17, r=8, p=1
 * (128 MiB per hash). A stored hash names its N; one made with a smaller N (Shekara's old 2^15)
 * still verifies and is replaced at the next good sign-in (`needsRehash`).
 */
import { randomBytes, type ScryptOptions, scrypt, scryptSync, timingSafeEqual } from "node:crypto";

export const SCRYPT_N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
// scrypt needs 128 * N * r bytes; Node refuses past maxmem (32 MiB by default), so room is made
const options = (n: number): ScryptOptions => ({ N: n, r: R, p: P, maxmem: 2 * 128 * n * R });

// At most this many hashes at once (128 MiB each): a burst of sign-ins from many addresses waits
// its turn instead of taking the thread pool and the memory from everything else.
const AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function scryptAsync(password: string, salt: Buffer, n: number): Promise<Buffer> {
  if (running >= AT_ONCE) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password, salt, KEY_BYTES, options(n), (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const encode = (n: number, salt: Buffer, hash: Buffer) =>
  `scrypt$${n}$${salt.toString("base64")}$${hash.toString("base64")}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(SCRYPT_N, salt, await scryptAsync(password, salt, SCRYPT_N));
}

// the seed's hash of a demo password, kept for the process: tests build many runtimes with one password
const startupHashes = new Map<string, string>();

/** Start-up only (the seed's demo users, before the server listens): blocks while it hashes. */
export function hashPasswordAtStartup(password: string): string {
  let hash = startupHashes.get(password);
  if (!hash) {
    const salt = randomBytes(16);
    hash = encode(SCRYPT_N, salt, scryptSync(password, salt, KEY_BYTES, options(SCRYPT_N)));
    startupHashes.set(password, hash);
  }
  return hash;
}

function parse(stored: string) {
  const [kind, n, salt, hash] = stored.split("$");
  const cost = Number(n);
  // a cost outside what we ever wrote is not a hash of ours (and must not make scrypt allocate gigabytes)
  if (kind !== "scrypt" || !salt || !hash || !Number.isInteger(cost) || cost < 2 ** 10 || cost > 2 ** 20)
    return null;
  return { cost, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}

/** Whether the password matches the stored hash; the same work whether it does or not. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length !== KEY_BYTES) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.cost);
  return timingSafeEqual(actual, parsed.hash);
}

/** A hash made with weaker parameters than today's: re-hash it once the password is known good. */
export const needsRehash = (stored: string) => parse(stored)?.cost !== SCRYPT_N;
