/**
 * Issue 13, finding 5: a full driver flow on a real server process (declare, the phone's one-time
 * code, book, checked in and called by an officer, the notifications sent by the log sender), then
 * the server's whole output is scanned for the crossing id, the booking code, the one-time code,
 * the phone number and the driver's name. The log says what was sent, to a masked number.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIVER_NAME, DRIVER_PHONE, declaration } from "../api/support.ts";
import { signIn } from "../officer/support.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off", NOTIFY_POLL_MS: "200" } });
});
afterAll(() => server.stop());

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The code as only the phone has it: found from its stored hash, as anyone holding the file could. */
function codeFromHash(db: Database.Database, id: string): string {
  const hash = db
    .prepare("SELECT code_hash FROM phone_codes WHERE crossing_id = ?")
    .pluck()
    .get(id) as string;
  for (let n = 0; n < 1_000_000; n++) {
    const code = String(n).padStart(6, "0");
    if (createHash("sha256").update(`${id}:${code}`).digest("hex") === hash) return code;
  }
  throw new Error("no code matches the stored hash");
}

async function outputContains(text: string) {
  for (let i = 0; i < 300 && !server.output().includes(text); i++)
    await new Promise((r) => setTimeout(r, 100));
  return server.output().includes(text);
}

describe("the server's log during a full driver flow", () => {
  it("records what was sent to a masked number, and no id, code, phone or name", async () => {
    const db = new Database(server.dbPath);
    db.prepare(
      "UPDATE checkpoints SET config = json_set(config, '$.verifyPhone', json('true')) WHERE id = ?",
    ).run("nur-zholy");
    const declared = (await (await api("POST", "/api/v1/crossings", declaration("777LOG02"))).json()) as {
      id: string;
      code: string;
    };
    const { id, code: bookingCode } = declared;
    expect((await api("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true })).status).toBe(403);
    expect((await api("POST", `/api/v1/crossings/${id}/phone-code`)).status).toBe(202);
    const oneTime = codeFromHash(db, id);
    expect((await api("POST", `/api/v1/crossings/${id}/phone-verification`, { code: oneTime })).status).toBe(
      200,
    );
    expect((await api("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true })).status).toBe(201);

    const officer = await signIn((p, i) => fetch(`${server.url}${p}`, i), "officer.nurzholy", "nur-zholy");
    expect((await officer.post("/officer/nur-zholy/check-in", { code: bookingCode })).status).toBe(303);
    expect((await officer.post("/officer/nur-zholy/call-next")).status).toBe(303);
    db.close();

    expect(await outputContains("notify phone-code to +7••••••••67")).toBe(true);
    expect(await outputContains("notify called to +7••••••••67")).toBe(true);
    const out = server.output();
    const digits = DRIVER_PHONE.replace(/\D/g, "");
    for (const secret of [id, bookingCode, oneTime, DRIVER_PHONE, digits, digits.slice(1), DRIVER_NAME])
      expect(out, `the log holds ${secret}`).not.toContain(secret);
  }, 120_000);
});
