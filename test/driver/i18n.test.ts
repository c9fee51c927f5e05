import { describe, expect, it } from "vitest";
import { chooseLang, DICTIONARIES, LANGS, translator } from "../../src/i18n/index.ts";

describe("driver dictionaries", () => {
  it("has every key, non-empty, in every language", () => {
    const keys = Object.keys(DICTIONARIES.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(DICTIONARIES[lang]).sort()).toEqual(keys);
      for (const k of keys) expect((DICTIONARIES[lang] as Record<string, string>)[k]).not.toBe("");
    }
  });

  it("chooses ?lang, then the cookie, then Accept-Language, then Russian", () => {
    expect(chooseLang({ query: "zh", cookie: "kk", acceptLanguage: "en" })).toBe("zh");
    expect(chooseLang({ query: "xx", cookie: "kk", acceptLanguage: "en" })).toBe("kk");
    expect(chooseLang({ acceptLanguage: "de-DE, en;q=0.5, kk;q=0.9" })).toBe("kk");
    expect(chooseLang({})).toBe("ru");
  });

  it("fills placeholders and falls back on unknown keys", () => {
    expect(translator("en")("c.call", { lane: 3, time: "14:05" })).toBe("Proceed to lane 3 before 14:05");
    expect(translator("en")("v.nope")).toBe("Not valid");
  });
});
