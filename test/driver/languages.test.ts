/** The whole driver's path over HTTP in each of the four languages, with no word left untranslated. */
import { afterAll, describe, expect, it } from "vitest";
import { DICTIONARIES, LANGS } from "../../src/i18n/index.ts";
import { testRuntime } from "../api/support.ts";
import { goodForm } from "./support/forms.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const post = (path: string, body: URLSearchParams) =>
  rt.app.request(path, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

describe.each(LANGS)("a driver in %s", (lang) => {
  const d = DICTIONARIES[lang];
  it("declares (bad field first), books the first available slot, and reads the pass and the board", async () => {
    const plate = `${lang.toUpperCase()}123KZ`;
    const bad = goodForm(plate);
    bad.set("driver.phone", "12");
    const refused = await post(`/drive?lang=${lang}`, bad);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(d["v.phone"]);

    const declared = await post(`/drive?lang=${lang}`, goodForm(plate));
    const page = declared.headers.get("location") ?? "";
    const id = page.slice(3, 24);
    const choose = await (await rt.app.request(page)).text();
    expect(choose).toContain(d["slots.first"]);
    await post(`/c/${id}/book?lang=${lang}`, new URLSearchParams({ slotStart: "first" }));
    const pass = await (await rt.app.request(`/c/${id}?lang=${lang}`)).text();
    for (const key of ["st.booked", "pass.title", "pass.code", "slots.change"] as const)
      expect(pass).toContain(d[key]);
    // nothing fell back to another language's words
    if (lang !== "en")
      for (const english of ["Slot booked", "Booking pass", "Change the slot"])
        expect(pass).not.toContain(english);

    const board = await (await rt.app.request(`/board/nur-zholy?lang=${lang}`)).text();
    expect(board).toContain(d["b.title"]);
  });
});
