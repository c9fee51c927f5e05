/** Driver-facing strings in four languages; the language comes from ?lang, the cookie, then Accept-Language. */
import { en, type MessageKey } from "./en.ts";
import { kk } from "./kk.ts";
import { ru } from "./ru.ts";
import { zh } from "./zh.ts";

export type { MessageKey };
export const LANGS = ["ru", "kk", "zh", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_NAMES: Record<Lang, string> = { ru: "Русский", kk: "Қазақша", zh: "中文", en: "English" };
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, ru, kk, zh };
export const LANG_COOKIE = "lang";

export const isLang = (s: string | undefined | null): s is Lang =>
  !!s && (LANGS as readonly string[]).includes(s);

/** The first supported language in an Accept-Language header, by its q weights. */
export function fromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.base).find(isLang) ?? null;
}

export function chooseLang(args: { query?: string; cookie?: string; acceptLanguage?: string }): Lang {
  if (isLang(args.query)) return args.query;
  if (isLang(args.cookie)) return args.cookie;
  return fromAcceptLanguage(args.acceptLanguage) ?? "ru";
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Unknown keys (a schema message not in the dictionary) fall back to a generic "not valid". */
export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, vars) => {
    const text = (dict as Record<string, string>)[key] ?? dict["v.invalid"];
    return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? "")) : text;
  };
}
