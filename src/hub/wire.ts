/**
 * What travels between a post and the hub: the event batch, the heartbeat, the claim, the command,
 * and the signature on every request. Shared by both ends so they cannot drift.
 *
 * A post's key is an Ed25519 private key (`shk1.<post>.<base64url PKCS#8>`), printed once by
 * `npm run hub -- add-post <name>`; the hub stores only the public key and the key's SHA-256
 * fingerprint, so nothing the hub holds can sign for a post. Each request carries
 * `Shekara-Post: <name>` and `Shekara-Signature: t=<unix seconds>,ed25519=<base64url>` over
 * `<t>.<METHOD>.<path>.<sha-256 of the body as sent>`, like the webhooks' `t=…,v1=…`.
 */

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from "node:crypto";
import { z } from "zod";
import { signatureParts } from "../webhooks/signature.ts";

export const POST_HEADER = "Shekara-Post";
export const SIGNATURE_HEADER = "Shekara-Signature";
export const SIGNATURE_TOLERANCE_S = 300;
/** At most this many events in one batch; the pusher also keeps a batch under MAX_BATCH_BYTES gzipped. */
export const MAX_BATCH_EVENTS = 1000;
export const MAX_BATCH_BYTES = 256 * 1024;

export const postNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits, dashes");

const KEY_PREFIX = "shk1";

export function newPostKey(name: string): { key: string; publicKey: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const der = privateKey.export({ format: "der", type: "pkcs8" });
  const key = `${KEY_PREFIX}.${name}.${der.toString("base64url")}`;
  return {
    key,
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    fingerprint: keyFingerprint(key),
  };
}

export const keyFingerprint = (key: string) => createHash("sha256").update(key).digest("hex");

export function parsePostKey(key: string): { post: string; sign: (text: string) => string } {
  const [prefix, post, der] = key.split(".");
  if (prefix !== KEY_PREFIX || !post || !der)
    throw new Error("HUB_POST_KEY is not a post key (shk1.<post>.<key>)");
  const privateKey = createPrivateKey({ key: Buffer.from(der, "base64url"), format: "der", type: "pkcs8" });
  return { post, sign: (text) => sign(null, Buffer.from(text), privateKey).toString("base64url") };
}

const signedText = (t: number, method: string, path: string, body: Uint8Array) =>
  `${t}.${method.toUpperCase()}.${path}.${createHash("sha256").update(body).digest("hex")}`;

export function signRequest(
  key: ReturnType<typeof parsePostKey>,
  method: string,
  path: string,
  body: Uint8Array,
  unixSeconds: number,
): Record<string, string> {
  return {
    [POST_HEADER]: key.post,
    [SIGNATURE_HEADER]: `t=${unixSeconds},ed25519=${key.sign(signedText(unixSeconds, method, path, body))}`,
  };
}

export function verifyRequest(
  publicKey: string,
  method: string,
  path: string,
  body: Uint8Array,
  header: string | null | undefined,
  nowSeconds: number,
): boolean {
  const parts = signatureParts(header);
  const t = Number(parts.get("t"));
  const given = parts.get("ed25519");
  if (!Number.isInteger(t) || !given || Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_S) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
    return verify(null, Buffer.from(signedText(t, method, path, body)), key, Buffer.from(given, "base64url"));
  } catch {
    return false;
  }
}

/** One row of a post's crossing_events, with the crossing's fixed facts the hub needs beside it. */
export const wireEventSchema = z.object({
  seq: z.number().int().positive(),
  crossingId: z.string().min(1).max(64),
  checkpointId: z.string().min(1).max(64),
  direction: z.string().min(1).max(16),
  n: z.number().int().min(0),
  type: z.string().min(1).max(40),
  payload: z.string().max(64 * 1024),
  fromState: z.string().max(40).nullable(),
  toState: z.string().min(1).max(40),
  at: z.number().int(),
  actorKind: z.string().max(20),
  actorId: z.string().max(200),
  reason: z.string().max(2000).nullable(),
  /** on DECLARE only: the vehicle, for the national one-active-crossing rule */
  vehicle: z.object({ plate: z.string().max(32), vin: z.string().max(17).nullable() }).optional(),
});
export type WireEvent = z.infer<typeof wireEventSchema>;

export const batchSchema = z.object({
  epoch: z.string().regex(/^[0-9a-f]{32}$/),
  events: z.array(wireEventSchema).min(1).max(MAX_BATCH_EVENTS),
});
export type Batch = z.infer<typeof batchSchema>;

export const heartbeatSchema = z.object({
  epoch: z.string().regex(/^[0-9a-f]{32}$/),
  at: z.number().int(),
  /** the post's highest seq: the hub's lag is this minus its cursor */
  lastSeq: z.number().int().min(0),
  checkpoints: z
    .array(
      z.object({
        checkpointId: z.string().max(64),
        name: z.string().max(100),
        /** the checkpoint's name in Russian, Kazakh and Chinese (posts before these send only `name`) */
        names: z
          .object({ ru: z.string().max(100), kk: z.string().max(100), zh: z.string().max(100) })
          .optional(),
        neighbour: z.string().max(2),
        queueLength: z.number().int().min(0),
        lanesOpen: z.number().int().min(0),
        dailyLimit: z.number().int().min(0).nullable(),
        throughputLastHour: z.number().int().min(0),
        /** the post's own estimate for a truck checking in now; null while closed */
        estimatedWaitMinutes: z.number().int().min(0).nullable(),
        /** free booking places in the next 24 hours, per direction (for re-routing advice) */
        freePlacesNext24h: z.number().int().min(0).nullable(),
      }),
    )
    .max(100),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const claimSchema = z.object({
  crossingId: z.string().min(1).max(64),
  plate: z.string().min(1).max(32),
  vin: z.string().max(17).nullable(),
  at: z.number().int(),
});
export type Claim = z.infer<typeof claimSchema>;

export interface HubCommand {
  id: string;
  kind: "cancel-duplicate";
  crossingId: string;
  reason: string;
}

/** The digest the hub compares when an event arrives again: the event as the post sent it. */
export function eventDigest(e: WireEvent): string {
  const canonical = JSON.stringify([
    e.seq,
    e.crossingId,
    e.checkpointId,
    e.direction,
    e.n,
    e.type,
    e.payload,
    e.fromState,
    e.toState,
    e.at,
    e.actorKind,
    e.actorId,
    e.reason,
    e.vehicle?.plate ?? null,
    e.vehicle?.vin ?? null,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
