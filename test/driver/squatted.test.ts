/** Issue 14: squatted plates lapse, a supervisor can void them, and the gate compares the VIN. */
import { afterAll, describe, expect, it } from "vitest";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { expireUnbookedDeclarations } from "../../src/jobs/call-deadlines.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { bearer, declaration, newKey, testRuntime } from "../api/support.ts";
import { type Fetch, signIn } from "../officer/support.ts";
import { seededDb } from "../store/helpers.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const HOUR = 3_600_000;
const VIN = "LZZ5BLSJ8KW123456";

function declared(plate: string, vin?: string) {
  const d = declaration(plate);
  const out = declareTruck(rt.deps.crossings, {
    declaration: declarationSchema.parse({ ...d, vehicle: { ...d.vehicle, ...(vin ? { vin } : {}) } }),
    risk: SEED_RISK_POLICY,
    sample: 0.99,
    at: rt.deps.now(),
    actor: { kind: "driver", id: "test" },
    policy: { requireVin: false },
  });
  if (!out.ok) throw new Error(out.reason);
  return out.crossing.row;
}

describe("a squatted plate", () => {
  it("lapses when nobody books it within the checkpoint's hours, and the real driver can declare", () => {
    const row = declared("700SQT02");
    expireUnbookedDeclarations(rt.deps, rt.deps.now() + 23 * HOUR);
    expect(rt.deps.crossings.get(row.id)?.row.state).toBe("declared");
    expireUnbookedDeclarations(rt.deps, rt.deps.now() + 24 * HOUR + 1);
    expect(rt.deps.crossings.get(row.id)?.row.state).toBe("expired");
    expect(rt.deps.crossings.events(row.id).at(-1)).toMatchObject({ type: "EXPIRE", actor_id: "timer" });
    expect(declared("700 SQT 02").state).toBe("declared");
  });

  it("can be voided by a supervisor with a reason, audited, and the squatter's page says so", async () => {
    const row = declared("701SQT02");
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const refused = await officer.post(`/officer/nur-zholy/crossings/${row.id}/void`, { reason: "squatted" });
    expect(refused.status).toBe(409);
    const supervisor = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const fragment = await supervisor.get(`/officer/nur-zholy/crossings/${row.id}/declaration`);
    expect(await fragment.text()).toContain(`/crossings/${row.id}/void`);
    const res = await supervisor.post(`/officer/nur-zholy/crossings/${row.id}/void`, {
      reason: "the owner showed the registration; someone else declared this plate",
    });
    expect(res.status).toBe(303);
    expect(rt.deps.crossings.get(row.id)?.row.state).toBe("cancelled");
    expect(rt.deps.crossings.events(row.id).at(-1)).toMatchObject({
      type: "VOID",
      actor_kind: "supervisor",
      reason: "the owner showed the registration; someone else declared this plate",
    });
    const page = await (await fetch(`/c/${row.id}?lang=ru`)).text();
    expect(page).toContain("аннулировал этот проезд");
    expect(page).toContain("someone else declared this plate");
  });

  it("is not checked in by the gate camera when the VIN read is another vehicle's", async () => {
    const camera = newKey(rt, { kind: "device", label: "ANPR gate", checkpointId: "nur-zholy" });
    const row = declared("702SQT02", VIN);
    const now = rt.deps.now();
    const start = Math.floor(now / HOUR) * HOUR;
    rt.deps.crossings.apply(row.id, {
      type: "BOOK",
      slot: { start, end: start + HOUR },
      at: now,
      actor: { kind: "driver", id: row.id },
    });
    const post = (vin: string) =>
      fetch("/api/v1/device/check-ins", {
        method: "POST",
        headers: { "Content-Type": "application/json", ...bearer(camera.secret) },
        body: JSON.stringify({ plate: "702SQT02", vin }),
      });
    const wrong = await post("XTC65115012345678");
    expect(wrong.status).toBe(409);
    expect(((await wrong.json()) as { detail: string }).detail).toMatch(/VIN .* does not match/);
    expect((await post(VIN)).status).toBe(200);
  });
});

describe("officers see the declaration", () => {
  it("one click from the dashboard: a fragment with cargo, HS codes, weight, driver and the transit document", async () => {
    const row = declared("703SQT02");
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const res = await fetch(`/officer/nur-zholy/crossings/${row.id}/declaration`, {
      headers: { Cookie: officer.cookie, "HX-Request": "true", "Accept-Language": "en" },
    });
    const html = await res.text();
    expect(html.startsWith("<section")).toBe(true);
    for (const text of ["Apples", "080810", "20000", "Serik Akhmetov", "+77011234567", "Transit document"])
      expect(html).toContain(text);
    expect(html).not.toContain("/void"); // an officer may not void
    const ru = await fetch(`/officer/nur-zholy/crossings/${row.id}/declaration?lang=ru`, {
      headers: { Cookie: officer.cookie },
    });
    expect(await ru.text()).toContain("Предварительная декларация");
  });
});

describe("the seeded demo", () => {
  it("gives its trucks VINs", () => {
    const db = seededDb(":memory:", true);
    const { n, withVin } = db.prepare("SELECT count(*) AS n, count(vin) AS withVin FROM crossings").get() as {
      n: number;
      withVin: number;
    };
    expect(n).toBeGreaterThan(0);
    expect(withVin).toBe(n);
    db.close();
  });
});
