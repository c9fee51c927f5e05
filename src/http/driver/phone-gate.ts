/**
 * What stands before a driver's booking (issue 13, finding 4), shared by the pages and the API:
 * the per-address cap on bookings a day and, where the checkpoint's `verifyPhone` policy asks for
 * it, the cap on a confirmed phone's active bookings and a one-time code sent to the driver's
 * phone through the notification sender. The booking routes call `beforeBooking` and `booked`.
 */
import { randomInt } from "node:crypto";
import type { Context } from "hono";
import {
  type CheckDecision,
  CODE_DIGITS,
  checkCode,
  codeText,
  maskPhone,
  maySend,
  type SendDecision,
} from "../../domain/phone-check.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import type { StoredCrossing } from "../../store/crossings.ts";
import { notificationStore } from "../../store/notifications.ts";
import { phoneCodeStore } from "../../store/phone-codes.ts";
import { addressOf } from "../address-rate-limit.ts";
import type { AppDeps } from "../deps.ts";
import { dailyAddressCap } from "./daily-address-cap.ts";

export interface Found {
  stored: StoredCrossing;
  cp: StoredCheckpoint;
}

export type GateOutcome =
  | { ok: true }
  | { ok: false; reason: "phone.required" }
  | { ok: false; reason: "book.phoneCap"; limit: number }
  | { ok: false; reason: "book.addressCap"; retryAfterSeconds: number };

export type SendOutcome =
  | (SendDecision & { sentTo: string })
  | { ok: false; reason: "phone.sendFailed"; sentTo: string };

const HOUR_MS = 3_600_000;

// one gate per app: the pages and the API count an address's bookings together
const gates = new WeakMap<AppDeps, ReturnType<typeof createGate>>();
export function phoneGate(deps: AppDeps) {
  let gate = gates.get(deps);
  if (!gate) {
    gate = createGate(deps);
    gates.set(deps, gate);
  }
  return gate;
}

function createGate(deps: AppDeps) {
  const codes = phoneCodeStore(deps.db);
  const recipients = notificationStore(deps.db);
  // both per-address limits are off together, as load tests need (RATE_LIMIT_PER_MINUTE=0)
  const perAddress = dailyAddressCap(
    deps.rateLimitPerMinute === 0 ? 0 : deps.bookingsPerAddressPerDay,
    deps.now,
  );
  // a driverless truck (issue 22) has no phone: its carrier's key is who booked it
  const phoneOf = (f: Found) => f.stored.declaration.driver?.phone ?? null;

  return {
    sentTo: (f: Found) => maskPhone(phoneOf(f) ?? ""),
    needsCode: (f: Found) =>
      f.cp.config.verifyPhone && phoneOf(f) !== null && !codes.isVerified(f.stored.row.id),

    /** The caps first (they need no phone), then the code. Writes nothing. */
    beforeBooking(c: Context, f: Found): GateOutcome {
      const wait = perAddress.waitSeconds(addressOf(c));
      if (wait > 0) return { ok: false, reason: "book.addressCap", retryAfterSeconds: wait };
      // the cap counts confirmed phones only, so it holds where the code is asked for; checked
      // before a code is sent. A change of slot keeps the booking it has: only a new one counts.
      const phone = phoneOf(f);
      if (!f.cp.config.verifyPhone || phone === null) return { ok: true };
      const limit = f.cp.config.activeBookingsPerPhone;
      if (f.stored.row.state === "declared" && codes.activeBookings(phone) >= limit)
        return { ok: false, reason: "book.phoneCap", limit };
      if (!codes.isVerified(f.stored.row.id)) return { ok: false, reason: "phone.required" };
      return { ok: true };
    },

    /** A booking was made from this request's address. */
    booked: (c: Context) => perAddress.booked(addressOf(c)),

    /** A new code to the driver's phone through the sender; the code itself goes nowhere else. */
    async send(f: Found): Promise<SendOutcome> {
      const now = deps.now();
      const id = f.stored.row.id;
      const phone = phoneOf(f);
      if (phone === null) return { ok: false, reason: "phone.sendFailed", sentTo: "" };
      const sentTo = maskPhone(phone);
      const decision = maySend(codes.stored(id), codes.sentToPhone(phone, now - HOUR_MS), now);
      if (!decision.ok) return { ...decision, sentTo };
      const to = recipients.recipient(id);
      if (!to) return { ok: false, reason: "phone.sendFailed", sentTo };
      const code = codeText(randomInt(0, 10 ** CODE_DIGITS));
      try {
        await deps.sender(
          {
            id: 0,
            crossingId: id,
            kind: "phone-code",
            params: { code },
            createdAt: now,
            sentAt: null,
            attempts: 0,
          },
          to,
        );
      } catch {
        return { ok: false, reason: "phone.sendFailed", sentTo };
      }
      codes.save(id, phone, code, now);
      return { ok: true, sentTo };
    },

    /** Checks a typed code; a wrong one uses up a try. */
    check(f: Found, typed: string | null): CheckDecision {
      const id = f.stored.row.id;
      const now = deps.now();
      const decision = checkCode(codes.stored(id), typed !== null && codes.matches(id, typed), now);
      if (decision.ok) codes.markVerified(id, now);
      else if (decision.reason === "phone.wrong") codes.recordTry(id);
      return decision;
    },
  };
}
export type PhoneGate = ReturnType<typeof createGate>;
