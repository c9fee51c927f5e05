/**
 * The signature on every webhook delivery: `Shekara-Signature: t=<unix seconds>,v1=<hex>`, where
 * v1 is HMAC-SHA256 with the subscription's secret over `<t>.<body>`. The time inside the signed
 * text lets a subscriber refuse a replayed old delivery.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Shekara-Signature";

export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`, "utf8").digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/** A `t=…,name=…` signature header as its parts; the hub's post signatures share the shape. */
export function signatureParts(header: string | null | undefined): Map<string, string> {
  return new Map(
    (header ?? "").split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
}

/** What a subscriber runs; exported for the docs and the tests. */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string | null | undefined,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = signatureParts(header);
  const t = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(t) || !given || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signWebhook(secret, body, t).split("v1=")[1] ?? "";
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
