/**
 * Issue 13, finding 4: where a checkpoint asks for it (verifyPhone), a booking waits for the
 * one-time code sent to the driver's phone through the notification sender; a confirmed phone
 * holds at most activeBookingsPerPhone bookings; one address books at most
 * BOOKINGS_PER_ADDRESS_PER_DAY a day. The sender here keeps what it is handed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import type { Recipient, Sender } from "../../src/notify/sender.ts";
import { createRuntime } from "../../src/runtime.ts";
import type { Notification } from "../../src/store/notifications.ts";
import { DRIVER_PHONE, declaration } from "../api/support.ts";

function runtime(env: Record<string, string> = {}) {
  const kept: [Notification, Recipient][] = [];
  const keeper: Sender = async (n, to) => {
    kept.push([n, to]);
  };
  const rt = createRuntime(
    readConfig({
      DATABASE_PATH: ":memory:",
      SEED_DEMO_TRAFFIC: "off",
      SHEKARA_DEMO_PASSWORD: "test-password-1",
      RATE_LIMIT_PER_MINUTE: "0",
      NOTIFY_POLL_MS: "3600000",
      ...env,
    }),
    () => {},
    keeper,
  );
  const verifyPhone = (on: boolean, perPhone = 3) => {
    const cp = rt.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("no seeded checkpoint");
    rt.deps.checkpoints.updateConfig(
      "nur-zholy",
      { ...cp.config, verifyPhone: on, activeBookingsPerPhone: perPhone },
      rt.deps.now(),
    );
  };
  const json = (method: string, path: string, body?: unknown) =>
    rt.app.request(path, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const declare = async (plate: string, phone = DRIVER_PHONE) => {
    const d = declaration(plate);
    const res = await json("POST", "/api/v1/crossings", { ...d, driver: { ...d.driver, phone } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const codes = (id: string) =>
    kept.filter(([n]) => n.kind === "phone-code" && n.crossingId === id).map(([n]) => n.params.code ?? "");
  return { rt, kept, verifyPhone, json, declare, codes };
}

const state = (t: ReturnType<typeof runtime>, id: string) => t.rt.deps.crossings.get(id)?.row.state;

describe("the phone's one-time code, in the JSON API", () => {
  const t = runtime();
  afterAll(() => t.rt.close());

  it("refuses the booking until the code sent to the phone comes back, then books", async () => {
    t.verifyPhone(true);
    const id = await t.declare("100PHN02");
    const first = await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true });
    expect(first.status).toBe(403);
    expect(((await first.json()) as { detail: string }).detail).toMatch(/phone-code/);
    expect(state(t, id)).toBe("declared");

    const sent = await t.json("POST", `/api/v1/crossings/${id}/phone-code`);
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ verified: false, sentTo: "+7••••••••67" });
    const [code] = t.codes(id);
    expect(code).toMatch(/^\d{6}$/);
    const to = t.kept.find(([n]) => n.crossingId === id)?.[1];
    expect(to?.phone).toBe(DRIVER_PHONE);

    // a second code at once is refused: the phone is not flooded
    const again = await t.json("POST", `/api/v1/crossings/${id}/phone-code`);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);

    const wrong = code === "000000" ? "111111" : "000000";
    const bad = await t.json("POST", `/api/v1/crossings/${id}/phone-verification`, { code: wrong });
    expect(bad.status).toBe(422);
    expect(state(t, id)).toBe("declared");
    const good = await t.json("POST", `/api/v1/crossings/${id}/phone-verification`, { code });
    expect(good.status).toBe(200);
    const booked = await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true });
    expect(booked.status).toBe(201);
    expect(state(t, id)).toBe("booked");
  });

  it("spends a code after five wrong tries", async () => {
    t.verifyPhone(true);
    const id = await t.declare("101PHN02", "+77019990001");
    await t.json("POST", `/api/v1/crossings/${id}/phone-code`);
    const [code] = t.codes(id);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++)
      await t.json("POST", `/api/v1/crossings/${id}/phone-verification`, { code: wrong });
    const late = await t.json("POST", `/api/v1/crossings/${id}/phone-verification`, { code });
    expect(late.status).toBe(422);
    expect(((await late.json()) as { detail: string }).detail).toMatch(/Too many wrong tries/);
  });

  it("lets a confirmed phone hold three bookings, not a fourth", async () => {
    t.verifyPhone(true, 3);
    const phone = "+77015550000";
    for (let i = 0; i < 4; i++) {
      const id = await t.declare(`${200 + i}PHN02`, phone);
      const held = await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true });
      if (i === 3) {
        expect(held.status).toBe(409);
        expect(((await held.json()) as { detail: string }).detail).toMatch(/as many bookings as allowed/);
        expect(t.codes(id)).toEqual([]); // refused before a code was spent on it
        continue;
      }
      expect(held.status).toBe(403);
      await t.json("POST", `/api/v1/crossings/${id}/phone-code`);
      const [code] = t.codes(id);
      expect((await t.json("POST", `/api/v1/crossings/${id}/phone-verification`, { code })).status).toBe(200);
      expect((await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true })).status).toBe(
        201,
      );
    }
  });

  it("asks nothing where the checkpoint's policy is off, as on the seeded checkpoints", async () => {
    t.verifyPhone(false);
    const id = await t.declare("300PHN02");
    expect((await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true })).status).toBe(
      201,
    );
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await t.rt.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/crossings/{id}/phone-code", "/v1/crossings/{id}/phone-verification"]),
    );
    expect(Object.keys(doc.paths["/v1/crossings/{id}/booking"]?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(["403", "429"]),
    );
  });
});

describe("the phone's one-time code, on the driver's pages without JavaScript", () => {
  const t = runtime();
  afterAll(() => t.rt.close());
  const post = (path: string, fields: Record<string, string>) =>
    t.rt.app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });

  it("sends the driver to the code page, and a good code books the slot that was chosen", async () => {
    t.verifyPhone(true);
    const id = await t.declare("400PHN02");
    const asked = await post(`/c/${id}/book?lang=en`, { slotStart: "first" });
    expect(asked.status).toBe(303);
    const where = asked.headers.get("location") ?? "";
    expect(where).toMatch(new RegExp(`^/c/${id}/phone\\?`));
    expect(t.codes(id)).toHaveLength(1);

    const page = await t.rt.app.request(where);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("+7••••••••67");
    expect(html).toContain('name="slotStart" value="first"');
    expect(html).not.toContain(t.codes(id)[0] ?? "no code");

    const wrong = await post(`/c/${id}/phone?lang=en`, { slotStart: "first", code: "12" });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("That is not the code we sent");
    expect(state(t, id)).toBe("declared");

    const fields = { slotStart: "first", code: t.codes(id)[0] ?? "" };
    const good = await post(`/c/${id}/phone?lang=en`, fields);
    expect(good.status).toBe(307); // the booking form again, method and body kept
    const location = good.headers.get("location") ?? "";
    expect(location).toBe(`/c/${id}/book?lang=en`);
    const booked = await post(location, fields);
    expect(booked.status).toBe(303);
    expect(booked.headers.get("location")).toBe(`/c/${id}?lang=en`);
    expect(state(t, id)).toBe("booked");
  });
});

describe("the cap on bookings per address and day", () => {
  it("refuses the booking past the cap with 429 and Retry-After, on the API and the pages", async () => {
    const t = runtime({ RATE_LIMIT_PER_MINUTE: "100000", BOOKINGS_PER_ADDRESS_PER_DAY: "2" });
    try {
      for (const plate of ["500PHN02", "501PHN02"]) {
        const id = await t.declare(plate, "+77015550100");
        expect(
          (await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true })).status,
        ).toBe(201);
      }
      const id = await t.declare("502PHN02", "+77015550100");
      const refused = await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3600);
      const page = await t.rt.app.request(`/c/${id}/book?lang=en`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "slotStart=first",
        redirect: "manual",
      });
      expect(page.headers.get("location")).toContain("msg=book.addressCap");
      expect(state(t, id)).toBe("declared");
    } finally {
      await t.rt.close();
    }
  });

  it("is off when RATE_LIMIT_PER_MINUTE=0, as load tests need", async () => {
    const t = runtime({ RATE_LIMIT_PER_MINUTE: "0", BOOKINGS_PER_ADDRESS_PER_DAY: "1" });
    try {
      for (const plate of ["600PHN02", "601PHN02", "602PHN02"]) {
        const id = await t.declare(plate);
        const res = await t.json("POST", `/api/v1/crossings/${id}/booking`, { firstAvailable: true });
        expect(res.status).toBe(201);
      }
    } finally {
      await t.rt.close();
    }
  });
});
