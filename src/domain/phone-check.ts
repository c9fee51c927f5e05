/**
 * The one-time code sent to a driver's phone before a booking is confirmed (issue 13): bots have
 * addresses by the thousand but few phones. The rules of sending and checking a code; pure: the
 * store brings the stored code and the clock, the route brings the random digits.
 */

/** A code is good for this long after it is sent. */
export const CODE_MINUTES = 10;
/** Wrong tries before a code is spent and a new one must be sent. */
export const MAX_TRIES = 5;
/** A new code no sooner than this after the last one, so a phone is not flooded. */
export const RESEND_SECONDS = 60;
/** Codes one phone number is sent in an hour, over all its crossings (a victim's number in bots' hands). */
export const CODES_PER_PHONE_PER_HOUR = 5;
export const CODE_DIGITS = 6;

export interface StoredCode {
  sentAt: number;
  expiresAt: number;
  tries: number;
  verifiedAt: number | null;
}

export type SendDecision =
  | { ok: true }
  | { ok: false; reason: "phone.verified" | "phone.wait" | "phone.tooMany"; retryAfterSeconds: number };

/** Whether a new code may be sent for a crossing now. */
export function maySend(code: StoredCode | null, sentToPhoneLastHour: number, now: number): SendDecision {
  if (code?.verifiedAt != null) return { ok: false, reason: "phone.verified", retryAfterSeconds: 0 };
  if (code && now - code.sentAt < RESEND_SECONDS * 1000)
    return {
      ok: false,
      reason: "phone.wait",
      retryAfterSeconds: Math.ceil((code.sentAt + RESEND_SECONDS * 1000 - now) / 1000),
    };
  if (sentToPhoneLastHour >= CODES_PER_PHONE_PER_HOUR)
    return { ok: false, reason: "phone.tooMany", retryAfterSeconds: 3600 };
  return { ok: true };
}

export type CheckDecision =
  | { ok: true }
  | { ok: false; reason: "phone.noCode" | "phone.expired" | "phone.spent" | "phone.wrong" };

/** Whether a typed code confirms the phone; `matches` is the constant-time comparison's answer. */
export function checkCode(code: StoredCode | null, matches: boolean, now: number): CheckDecision {
  if (!code) return { ok: false, reason: "phone.noCode" };
  if (code.verifiedAt !== null) return { ok: true };
  if (code.tries >= MAX_TRIES) return { ok: false, reason: "phone.spent" };
  if (now >= code.expiresAt) return { ok: false, reason: "phone.expired" };
  return matches ? { ok: true } : { ok: false, reason: "phone.wrong" };
}

/** The digits of a code from 0 <= n < 10^CODE_DIGITS, zero-padded. */
export const codeText = (n: number) => String(n).padStart(CODE_DIGITS, "0");

/** What a person types: spaces and dashes dropped; anything else not six digits is no code. */
export function typedCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/** A phone number as logs and pages may show it: the country's first digit and the last two. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 6) return "•••";
  return `+${digits.slice(0, 1)}${"•".repeat(digits.length - 3)}${digits.slice(-2)}`;
}
