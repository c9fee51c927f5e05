import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";
import { goodForm } from "./support/forms.ts";

const runtime = testRuntime();
afterAll(() => runtime.close());
const app = runtime.app;
const count = () => Number(runtime.deps.db.prepare("SELECT count(*) FROM crossings").pluck().get());

const post = (path: string, body: URLSearchParams, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });

describe("/drive", () => {
  it("shows the form in the language asked for, and remembers it", async () => {
    const res = await app.request("/drive?lang=kk");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Шекарадан өту");
    expect(res.headers.get("set-cookie")).toContain("lang=kk");
    const zh = await app.request("/drive", { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(await zh.text()).toContain("提交预申报");
  });

  it("refuses bad fields inline, in the driver's language, and writes nothing", async () => {
    const before = count();
    const form = goodForm("123ABC02");
    form.set("driver.phone", "12");
    form.set("cargo.grossWeightKg", "90000");
    form.set("transitDocument.type", "TIR");
    const res = await post("/drive?lang=en", form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("International format");
    expect(html).toContain("Whole kilograms");
    expect(html).toContain("TIR carnet: 2 letters and 8 digits");
    const htmx = await post("/drive?lang=ru", form, { "hx-request": "true" });
    expect(htmx.status).toBe(422); // swapped all the same: the layout's htmx responseHandling
    const fragment = await htmx.text();
    expect(fragment.startsWith("<form")).toBe(true);
    expect(fragment).toContain("Международный формат");
    expect(count()).toBe(before);
  });

  it("declares, books a slot, shows the pass, and refuses a second crossing for the truck", async () => {
    const res = await post("/drive?lang=en", goodForm("777XYZ02"));
    expect(res.status).toBe(303);
    const page = res.headers.get("location") ?? "";
    expect(page).toMatch(/^\/c\/[\w-]{21}\?lang=en$/);
    const html = await (await app.request(page)).text();
    expect(html).toContain("Choose a slot");
    // the pass (code and QR) only once a slot is booked (issue 14)
    expect(html).not.toContain("data:image/svg+xml;base64,");
    expect(html).not.toMatch(/green|yellow|red/i);
    const slotStart = /name="slotStart" value="(\d+)"/.exec(html)?.[1] ?? "";
    const id = page.slice(3, 24);
    const booked = await post(`/c/${id}/book?lang=en`, new URLSearchParams({ slotStart }));
    expect(booked.headers.get("location")).toBe(`/c/${id}?lang=en`);
    expect(await (await app.request(`/c/${id}?lang=en`)).text()).toContain("Slot booked");

    const again = await post("/drive?lang=en", goodForm("777 XYZ 02"));
    expect(again.status).toBe(409);
    const code = runtime.deps.crossings.get(id)?.row.code ?? "";
    // never the other crossing's code: it is whoever declared it's capability (issue 14)
    const refusal = await again.text();
    expect(refusal).toContain("already has an active crossing");
    expect(refusal).not.toContain(code);
  });

  it("answers an unknown crossing and garbage slot with no 500", async () => {
    expect((await app.request("/c/nope")).status).toBe(404);
    const res = await post("/drive", new URLSearchParams({ "cargo.grossWeightKg": "abc" }));
    expect(res.status).toBe(422);
  });
});
