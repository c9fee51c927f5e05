/**
 * Issue 14: no English reaches a driver who chose Russian, Kazakh or Chinese. Every driver page and
 * every notice is rendered in each language and searched for any sentence of the English dictionary
 * (the parts between its placeholders) that the language translates differently.
 */
import { afterAll, describe, expect, it } from "vitest";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { DICTIONARIES, type Lang } from "../../src/i18n/index.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { declaration, testRuntime } from "../api/support.ts";
import { goodForm } from "./support/forms.ts";

const rt = testRuntime();
const limited = testRuntime({ RATE_LIMIT_PER_MINUTE: "1" });
afterAll(() => {
  rt.close();
  limited.close();
});
const HOUR = 3_600_000;
const officer = { kind: "officer", id: "o" } as const;
const supervisor = { kind: "supervisor", id: "s" } as const;
let plates = 0;

function truck(steps: ((id: string, at: number) => unknown)[] = []) {
  const at = rt.deps.now();
  const out = declareTruck(rt.deps.crossings, {
    declaration: declarationSchema.parse(declaration(`${900 + ++plates}ENG02`)),
    risk: SEED_RISK_POLICY,
    sample: 0.99,
    at,
    actor: { kind: "driver", id: "t" },
    policy: { requireVin: false },
  });
  if (!out.ok) throw new Error(out.reason);
  const id = out.crossing.row.id;
  for (const step of steps) step(id, at);
  return id;
}
const apply = (event: object) => (id: string, at: number) => {
  const r = rt.deps.crossings.apply(id, { at, actor: officer, ...event } as never);
  if (!r.ok) throw new Error(r.reason);
};
const slot = (at: number) => ({
  start: Math.floor(at / HOUR) * HOUR,
  end: Math.floor(at / HOUR) * HOUR + HOUR,
});
const book = (id: string, at: number) => apply({ type: "BOOK", slot: slot(at) })(id, at);
const checkIn = apply({ type: "CHECK_IN", policy: { walkInsAllowed: true, graceMinutes: 60 } });
const call = (id: string, at: number) => apply({ type: "CALL", lane: 2, deadline: at + HOUR })(id, at);

/** Every state a driver's page can show, and every kind of notice with the reasons that come with them. */
function crossings(): string[] {
  return [
    truck(),
    truck([book]),
    truck([book, checkIn]),
    truck([book, checkIn, call]),
    truck([
      book,
      checkIn,
      call,
      apply({ type: "ARRIVE_AT_LANE" }),
      apply({ type: "HOLD", documents: "CMR" }),
    ]),
    truck([
      book,
      checkIn,
      call,
      apply({ type: "ARRIVE_AT_LANE" }),
      apply({ type: "REFUSE", reasonCode: "DOCS-INVALID" }),
    ]),
    truck([
      book,
      checkIn,
      call,
      apply({ type: "ARRIVE_AT_LANE" }),
      apply({ type: "REFUSE", reasonCode: "seal broken" }),
    ]),
    truck([
      book,
      checkIn,
      call,
      apply({ type: "ARRIVE_AT_LANE" }),
      apply({ type: "RECORD_DOCUMENT_CHECK", passed: true }),
      apply({ type: "RELEASE" }),
    ]),
    truck([book, apply({ type: "CANCEL_BOOKING", reason: "daily limit lowered to 40", actor: supervisor })]),
    truck([book, apply({ type: "CANCEL", reason: "road closed", actor: supervisor })]),
    truck([book, apply({ type: "VOID", reason: "squatted plate", actor: supervisor })]),
    // the national hub's cancel of a duplicate (issue 17), as the post applies the hub's command
    truck([
      apply({
        type: "CANCEL",
        reason:
          "the vehicle was declared earlier at korday-post (hub command 0b9e6c1e-51a4-4d4c-9a55-1c1f9a3f1a11)",
        actor: { kind: "system", id: "hub-command:0b9e6c1e-51a4-4d4c-9a55-1c1f9a3f1a11" },
      }),
    ]),
    truck([
      (id, at) =>
        apply({
          type: "EXPIRE",
          at: at + 25 * HOUR,
          policy: { graceMinutes: 60, declarationLapseHours: 24 },
        })(id, at),
    ]),
  ];
}

/** The English dictionary's sentences that `lang` words differently, cut at the placeholders. */
function englishSentences(lang: Lang): string[] {
  const en = DICTIONARIES.en as Record<string, string>;
  const other = DICTIONARIES[lang] as Record<string, string>;
  return Object.keys(en)
    .filter((k) => en[k] !== other[k])
    .flatMap((k) => (en[k] ?? "").split(/\{\w+\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.includes(" "));
}

describe("a driver who chose another language", () => {
  const ids = crossings();
  for (const lang of ["ru", "kk", "zh"] as const) {
    it(`reads no English in ${lang}: home, form, refusals, every state, notices, confirmation, board, 404, 429`, async () => {
      const get = async (path: string) => (await rt.app.request(path)).text();
      const form = (app: typeof rt.app, body: URLSearchParams) =>
        app.request(`/drive?lang=${lang}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: body.toString(),
        });
      const bad = goodForm("ENG001");
      bad.set("driver.phone", "12");
      const pages: [string, string][] = [
        ["home", await get(`/?lang=${lang}`)],
        ["form", await get(`/drive?lang=${lang}`)],
        ["refused form", await (await form(rt.app, bad)).text()],
        ["404", await get(`/no-such-page?lang=${lang}`)],
        ["unknown crossing", await get(`/c/nobody?lang=${lang}`)],
        ["board", await get(`/board/nur-zholy?lang=${lang}`)],
      ];
      const dup = goodForm(`${lang}DUP02`);
      await form(rt.app, dup);
      pages.push(["duplicate", await (await form(rt.app, dup)).text()]);
      for (const id of ids) {
        pages.push([`crossing ${rt.deps.crossings.get(id)?.row.state}`, await get(`/c/${id}?lang=${lang}`)]);
        pages.push(["live part", await get(`/c/${id}/live?lang=${lang}`)]);
      }
      pages.push(["cancel confirmation", await get(`/c/${ids[1]}/cancel?lang=${lang}`)]);
      for (const msg of ["book.full", "book.noPostponements"])
        pages.push([msg, await get(`/c/${ids[1]}?lang=${lang}&msg=${msg}`)]);
      await form(limited.app, goodForm(`${lang}LIM01`));
      const tooMany = await form(limited.app, goodForm(`${lang}LIM02`));
      expect(tooMany.status).toBe(429);
      pages.push(["429", await tooMany.text()]);

      // and the English the server wrote itself before issue 14: raw reasons and bare error texts
      const english = [
        ...englishSentences(lang),
        "daily limit lowered",
        "declared earlier",
        "hub command",
        "Not found",
        "Too many changes",
        "Something went wrong",
      ];
      expect(english.length).toBeGreaterThan(50);
      // the search is not vacuous: the same pages in English do contain these sentences
      const inEnglish = await get(`/c/${ids[8]}?lang=en`);
      expect(englishSentences(lang).filter((s) => inEnglish.includes(s)).length).toBeGreaterThan(3);
      for (const [name, html] of pages)
        for (const sentence of english) expect(html, `${name} in ${lang}`).not.toContain(sentence);
    });
  }
});
