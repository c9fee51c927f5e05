/** Issue 14: one truck, one place. The plate normaliser, the VIN, one active crossing, clean free text. */
import { afterAll, describe, expect, it } from "vitest";
import { canonicalPlate, canonicalVin, isVin } from "../../src/domain/identity.ts";
import { hasControlCharacters } from "../../src/domain/text.ts";
import { bearer, declaration, newKey, testRuntime } from "../api/support.ts";
import { bookedTruck, type Fetch, signIn } from "../officer/support.ts";
import { goodForm } from "./support/forms.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const VIN = "XTA21099043456789";

describe("the plate normaliser", () => {
  it("makes a Cyrillic plate and its Latin twin one truck", () => {
    expect(canonicalPlate("А777АА77")).toBe("A777AA77");
    expect(canonicalPlate("а 777 аа-77")).toBe("A777AA77");
    expect(canonicalPlate("Ａ７７７ＡＡ７７")).toBe("A777AA77"); // full-width, through NFKC
  });
  it("keeps Chinese province characters, so 新A12345 and 粤A12345 are two trucks", () => {
    expect(canonicalPlate("新A12345")).toBe("新A12345");
    expect(canonicalPlate("粤A·12345".replace("·", "-"))).toBe("粤A12345");
    expect(canonicalPlate("新A12345")).not.toBe(canonicalPlate("粤A12345"));
  });
  it("reads VINs by ISO 3779: 17 characters without I, O or Q", () => {
    expect(isVin("xta 21099 043456789")).toBe(true);
    expect(canonicalVin("xta-21099-043456789")).toBe(VIN);
    expect(isVin("XTA2109904345678O")).toBe(false);
    expect(isVin("XTA2109904345678")).toBe(false);
  });
  it("refuses bidi controls and zero-width characters in free text", () => {
    expect(hasControlCharacters("Serik\u202EvokemhkA")).toBe(true);
    expect(hasControlCharacters("Se\u200Brik")).toBe(true);
    expect(hasControlCharacters("Apples\nand pears", true)).toBe(false);
  });
});

describe("checking in the right truck", () => {
  it("the officers' check-in takes 粤A12345 as itself, not as 新A12345, and a Cyrillic plate typed in Latin", async () => {
    const now = rt.deps.now();
    const xinjiang = bookedTruck(rt.deps.crossings, "新A12345", now);
    const guangdong = bookedTruck(rt.deps.crossings, "粤A12345", now);
    const russian = bookedTruck(rt.deps.crossings, "А777АА77", now);
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    expect((await s.post("/officer/nur-zholy/check-in", { code: "粤A 12345" })).status).toBe(303);
    expect(rt.deps.crossings.get(guangdong.row.id)?.row.state).toBe("waitingArea");
    expect(rt.deps.crossings.get(xinjiang.row.id)?.row.state).toBe("booked");
    expect((await s.post("/officer/nur-zholy/check-in", { code: "a777aa-77" })).status).toBe(303);
    expect(rt.deps.crossings.get(russian.row.id)?.row.state).toBe("waitingArea");
    // the plate is kept as typed for display
    expect(rt.deps.crossings.get(russian.row.id)?.row.plate).toBe("А777АА77");
  });

  it("the gate camera does the same", async () => {
    const camera = newKey(rt, { kind: "device", label: "ANPR gate", checkpointId: "nur-zholy" });
    const now = rt.deps.now();
    const xinjiang = bookedTruck(rt.deps.crossings, "新B54321", now);
    const guangdong = bookedTruck(rt.deps.crossings, "粤B54321", now);
    const res = await fetch("/api/v1/device/check-ins", json({ plate: "粤B54321" }, bearer(camera.secret)));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { crossingId: string }).crossingId).toBe(guangdong.row.id);
    expect(rt.deps.crossings.get(xinjiang.row.id)?.row.state).toBe("booked");
    const cyrillic = bookedTruck(rt.deps.crossings, "В123ОР02", now);
    const read = await fetch(
      "/api/v1/device/check-ins",
      json({ plate: "B 123 OP-02" }, bearer(camera.secret)),
    );
    expect(((await read.json()) as { crossingId: string }).crossingId).toBe(cyrillic.row.id);
  });

  it("tells the officer the truth about a code already checked in, and one of another checkpoint", async () => {
    const truck = bookedTruck(rt.deps.crossings, "404TRU02", rt.deps.now());
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    expect((await s.post("/officer/nur-zholy/check-in", { code: truck.row.code })).status).toBe(303);
    const again = await s.post("/officer/nur-zholy/check-in", { code: truck.row.code });
    expect(again.status).toBe(409);
    const text = await again.text();
    expect(text).toContain("already checked in");
    expect(text).not.toContain("no truck");
    const bakhty = await signIn(fetch, "officer.bakhty", "bakhty");
    const other = bookedTruck(rt.deps.crossings, "405TRU02", rt.deps.now());
    const there = await bakhty.post("/officer/bakhty/check-in", { code: other.row.code });
    expect(there.status).toBe(409);
    expect(await there.text()).toContain("another checkpoint");
  });
});

describe("one active crossing per truck", () => {
  it("refuses a second declaration of the plate at any checkpoint, in any script, without the other code", async () => {
    const first = await fetch("/api/v1/crossings", json(declaration("Х500ХХ02")));
    expect(first.status).toBe(201);
    const { code, id } = (await first.json()) as { code: string; id: string };
    const again = await fetch("/api/v1/crossings", json(declaration("x 500 xx-02", "bakhty")));
    expect(again.status).toBe(409);
    const body = await again.text();
    expect(body).not.toContain(code);
    expect(body).not.toContain(id);
    const form = await fetch("/drive?lang=en", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: goodForm("X500XX02").toString(),
    });
    const html = await form.text();
    expect(html).toContain("already has an active crossing");
    expect(html).not.toContain(code);
  });

  it("refuses a second declaration of the same VIN under another plate", async () => {
    const withVin = (plate: string) => {
      const d = declaration(plate);
      return { ...d, vehicle: { ...d.vehicle, vin: VIN } };
    };
    expect((await fetch("/api/v1/crossings", json(withVin("600VIN02")))).status).toBe(201);
    expect((await fetch("/api/v1/crossings", json(withVin("601VIN02")))).status).toBe(409);
  });

  it("refuses a bad VIN by name, and a missing one where the checkpoint requires it", async () => {
    const d = declaration("602VIN02");
    const bad = await fetch(
      "/api/v1/crossings",
      json({ ...d, vehicle: { ...d.vehicle, vin: "XTA2109904345678O" } }),
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("vehicle.vin");
    const cp = rt.deps.checkpoints.get("korday");
    if (!cp) throw new Error("seed has korday");
    rt.deps.checkpoints.updateConfig("korday", { ...cp.config, requireVin: true }, rt.deps.now());
    const missing = await fetch("/api/v1/crossings", json(declaration("603VIN02", "korday")));
    expect(missing.status).toBe(422);
    const problem = (await missing.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors[0]).toMatchObject({ field: "vehicle.vin" });
    expect(problem.errors[0]?.message).toContain("VIN");
  });

  it("refuses a driver's name with a bidi override", async () => {
    const d = declaration("604TXT02");
    const res = await fetch(
      "/api/v1/crossings",
      json({ ...d, driver: { ...d.driver, name: "Serik \u202EvokemhkA" } }),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("driver.name");
  });
});
