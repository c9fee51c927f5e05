import { afterAll, describe, expect, it } from "vitest";
import { maskPlate } from "../../src/domain/board.ts";
import { DRIVER_NAME, DRIVER_PHONE, declareAndBook, testRuntime } from "../api/support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const OFFICER = { kind: "officer" as const, id: "o-1" };

describe("the public queue board", () => {
  it("masks plates as border boards do", () => {
    expect(maskPlate("01ABC123KZ")).toBe("01***KZ");
    expect(maskPlate("777 KZA 02")).toBe("77***02");
    expect(maskPlate("AB12")).toBe("A***2");
    expect(maskPlate("AB")).toBe("***");
  });

  it("lists the called and waiting trucks in call order, with nothing personal or confidential", async () => {
    const now = rt.deps.now();
    const ids = ["BRD001KZ", "BRD002KZ", "BRD003KZ"].map((plate) => {
      const id = declareAndBook(rt, plate);
      rt.deps.crossings.apply(id, {
        type: "CHECK_IN",
        policy: { walkInsAllowed: false, graceMinutes: 60 },
        at: now,
        actor: OFFICER,
      });
      return id;
    });
    rt.deps.crossings.apply(ids[0] as string, {
      type: "CALL",
      lane: 2,
      deadline: now + 1_200_000,
      at: now,
      actor: OFFICER,
    });

    const res = await rt.app.request("/board/nur-zholy?lang=en");
    expect(res.status).toBe(200);
    const html = await res.text();
    // the called truck first, then the waiting area in the discipline's order
    const order = [...html.matchAll(/<td class="code">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(["BR***KZ", "BR***KZ", "BR***KZ"]);
    expect(html).toContain("to lane 2");
    for (const secret of [
      "BRD001KZ",
      DRIVER_NAME,
      DRIVER_PHONE,
      "Apples",
      "080810",
      "green",
      "yellow",
      "red",
      ...ids,
    ])
      expect(html, secret).not.toContain(secret);

    const live = await (await rt.app.request("/board/nur-zholy/live?lang=ru")).text();
    expect(live).toContain("на полосу 2");
    expect((await rt.app.request("/board/nowhere")).status).toBe(404);
  });
});

describe("the board's edges", () => {
  it("answers an unknown checkpoint with a 404 page in the viewer's language, and JSON with a problem", async () => {
    const page = await rt.app.request("/board/nowhere?lang=ru");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Пункта пропуска с таким адресом нет");
    const json = await rt.app.request("/board/nowhere.json");
    expect(json.status).toBe(404);
    expect(json.headers.get("content-type")).toContain("application/problem+json");
  });

  it("serves the same masked rows as JSON, with nothing personal", async () => {
    const now = rt.deps.now();
    const id = declareAndBook(rt, "JSN001KZ");
    rt.deps.crossings.apply(id, {
      type: "CHECK_IN",
      policy: { walkInsAllowed: false, graceMinutes: 60 },
      at: now,
      actor: OFFICER,
    });
    const res = await rt.app.request("/board/nur-zholy.json");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queue: { position: number; plate: string; state: string }[] };
    expect(body.queue.map((r) => r.plate)).toContain("JS***KZ");
    expect(body.queue.every((r, i) => r.position === i + 1)).toBe(true);
    const text = JSON.stringify(body);
    for (const secret of ["JSN001KZ", DRIVER_NAME, DRIVER_PHONE, "Apples", id])
      expect(text).not.toContain(secret);
  });
});
