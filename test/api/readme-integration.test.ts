/** The README's "Integrate with Shekara" code does what it says, on a delivery Shekara signs. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { signWebhook } from "../../src/webhooks/signature.ts";
import { GENERATED_DIR, typeCheck } from "./typed-client/generate.ts";

type FromShekara = (secret: string, rawBody: string, header: string, now?: number) => boolean;

/** The section's TypeScript block, as a reader would copy it. */
function readmeVerifier(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("## Integrate with Shekara")[1]?.split("\n## ")[0] ?? "";
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("no TypeScript block in the README's Integrate with Shekara section");
  return code;
}

describe("the README's webhook signature check", () => {
  it("compiles under the strict tsconfig, accepts what Shekara signed, and refuses a changed body, another secret and an old delivery", {
    timeout: 120_000,
  }, async () => {
    mkdirSync(GENERATED_DIR, { recursive: true });
    const file = join(GENERATED_DIR, "readme-webhook.ts");
    writeFileSync(file, readmeVerifier());
    expect(await typeCheck([file])).toEqual({ ok: true, output: "" });
    const { fromShekara } = (await import(file)) as { fromShekara: FromShekara };

    const secret = "the-carrier-secret-1";
    const body = JSON.stringify({ subscriptionId: "whk_1", event: { seq: 7, to: "booked" } });
    const now = 1_763_888_400;
    const header = signWebhook(secret, body, now);
    expect(fromShekara(secret, body, header, now + 10)).toBe(true);
    expect(fromShekara(secret, body.replace("booked", "released"), header, now)).toBe(false);
    expect(fromShekara("another-secret-123", body, header, now)).toBe(false);
    expect(fromShekara(secret, body, header, now + 301)).toBe(false);
    expect(fromShekara(secret, body, "v1=abc", now)).toBe(false);
  });
});
