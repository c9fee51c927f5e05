/**
 * The one-time phone codes (migration 100) and the count of a phone's active bookings. A code is
 * kept only as a hash; the rules of sending and checking are in src/domain/phone-check.ts.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { CODE_MINUTES, type StoredCode } from "../domain/phone-check.ts";
import { stateIn } from "./crossing-states.ts";
import type { DB } from "./db.ts";

const hashOf = (crossingId: string, code: string) =>
  createHash("sha256").update(`${crossingId}:${code}`).digest("hex");

// a booking a driver still holds: booked or on its way through the checkpoint
const ACTIVE_BOOKING = stateIn("activeBooking", "c.state");

export function phoneCodeStore(db: DB) {
  const get = db.prepare(
    "SELECT sent_at, expires_at, tries, verified_at, code_hash FROM phone_codes WHERE crossing_id = ?",
  );
  const put = db.prepare(
    `INSERT INTO phone_codes (crossing_id, phone, code_hash, sent_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (crossing_id) DO UPDATE SET phone = excluded.phone, code_hash = excluded.code_hash,
       sent_at = excluded.sent_at, expires_at = excluded.expires_at, tries = 0`,
  );
  const tried = db.prepare("UPDATE phone_codes SET tries = tries + 1 WHERE crossing_id = ?");
  const verified = db.prepare("UPDATE phone_codes SET verified_at = ? WHERE crossing_id = ?");
  const sentToPhone = db.prepare("SELECT count(*) FROM phone_codes WHERE phone = ? AND sent_at > ?").pluck();
  // only confirmed phones count: a number anyone may type would let a stranger use up a driver's cap
  const activeOfPhone = db
    .prepare(
      `SELECT count(*) FROM phone_codes p JOIN crossings c ON c.id = p.crossing_id
       WHERE p.phone = ? AND p.verified_at IS NOT NULL AND ${ACTIVE_BOOKING}`,
    )
    .pluck();

  type Row = {
    sent_at: number;
    expires_at: number;
    tries: number;
    verified_at: number | null;
    code_hash: string;
  };
  const stored = (crossingId: string): (StoredCode & { hash: string }) | null => {
    const r = get.get(crossingId) as Row | undefined;
    return r
      ? {
          sentAt: r.sent_at,
          expiresAt: r.expires_at,
          tries: r.tries,
          verifiedAt: r.verified_at,
          hash: r.code_hash,
        }
      : null;
  };

  return {
    stored,
    isVerified: (crossingId: string) => stored(crossingId)?.verifiedAt != null,
    /** Codes sent to this phone since `since`, over all its crossings. */
    sentToPhone: (phone: string, since: number) => Number(sentToPhone.get(phone, since)),
    /** Bookings this confirmed phone holds now, at every checkpoint. */
    activeBookings: (phone: string) => Number(activeOfPhone.get(phone)),
    /** A new code replaces the last one (its tries start again). */
    save: (crossingId: string, phone: string, code: string, now: number) =>
      put.run(crossingId, phone, hashOf(crossingId, code), now, now + CODE_MINUTES * 60_000),
    /** Whether `code` is the crossing's code, compared in constant time. */
    matches(crossingId: string, code: string): boolean {
      const s = stored(crossingId);
      if (!s) return false;
      return timingSafeEqual(Buffer.from(s.hash, "hex"), Buffer.from(hashOf(crossingId, code), "hex"));
    },
    recordTry: (crossingId: string) => tried.run(crossingId),
    markVerified: (crossingId: string, now: number) => verified.run(now, crossingId),
  };
}
export type PhoneCodeStore = ReturnType<typeof phoneCodeStore>;
