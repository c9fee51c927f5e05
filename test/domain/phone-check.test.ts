/** The rules of the phone's one-time code (issue 13): pure, the clock comes in. */
import { describe, expect, it } from "vitest";
import {
  CODE_MINUTES,
  CODES_PER_PHONE_PER_HOUR,
  checkCode,
  maskPhone,
  maySend,
  RESEND_SECONDS,
  typedCode,
} from "../../src/domain/phone-check.ts";

const sent = (at: number, tries = 0, verifiedAt: number | null = null) => ({
  sentAt: at,
  expiresAt: at + CODE_MINUTES * 60_000,
  tries,
  verifiedAt,
});

describe("sending a code", () => {
  it("sends the first, waits RESEND_SECONDS for the next, and caps a phone's codes an hour", () => {
    expect(maySend(null, 0, 0)).toEqual({ ok: true });
    expect(maySend(sent(0), 1, 10_000)).toMatchObject({
      ok: false,
      reason: "phone.wait",
      retryAfterSeconds: 50,
    });
    expect(maySend(sent(0), 1, RESEND_SECONDS * 1000)).toEqual({ ok: true });
    expect(maySend(null, CODES_PER_PHONE_PER_HOUR, 0)).toMatchObject({ ok: false, reason: "phone.tooMany" });
    expect(maySend(sent(0, 0, 5), 1, 999_999)).toMatchObject({ ok: false, reason: "phone.verified" });
  });
});

describe("checking a code", () => {
  it("takes the right code in time, refuses a wrong, late or spent one", () => {
    expect(checkCode(null, true, 0)).toEqual({ ok: false, reason: "phone.noCode" });
    expect(checkCode(sent(0), true, 1000)).toEqual({ ok: true });
    expect(checkCode(sent(0), false, 1000)).toEqual({ ok: false, reason: "phone.wrong" });
    expect(checkCode(sent(0), true, CODE_MINUTES * 60_000)).toEqual({ ok: false, reason: "phone.expired" });
    expect(checkCode(sent(0, 5), true, 1000)).toEqual({ ok: false, reason: "phone.spent" });
  });

  it("reads what a person types, and masks a number for logs and pages", () => {
    expect(typedCode(" 123 456 ")).toBe("123456");
    expect(typedCode("123-456")).toBe("123456");
    expect(typedCode("12345")).toBeNull();
    expect(typedCode("12345a")).toBeNull();
    expect(maskPhone("+77011234567")).toBe("+7••••••••67");
    expect(maskPhone("+8613912345678")).toBe("+8••••••••••78");
  });
});
