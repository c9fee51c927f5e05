/** The driver's language for this request; a ?lang switch is remembered in a cookie for a year. */

import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { dateFormat } from "../../domain/date-format.ts";
import { chooseLang, isLang, LANG_COOKIE, type Lang, type Translate, translator } from "../../i18n/index.ts";

export function langOf(c: Context): { lang: Lang; t: Translate } {
  const query = c.req.query("lang");
  const lang = chooseLang({
    query,
    cookie: getCookie(c, LANG_COOKIE),
    acceptLanguage: c.req.header("accept-language"),
  });
  if (isLang(query)) setCookie(c, LANG_COOKIE, lang, { path: "/", maxAge: 31_536_000, sameSite: "Lax" });
  return { lang, t: translator(lang) };
}

/** Times in the checkpoint's own zone, in the driver's language. */
export function timeFormat(lang: Lang, timezone: string, withDay: boolean) {
  const f = dateFormat(lang, {
    timeZone: timezone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(withDay ? { weekday: "short", day: "numeric", month: "short" } : {}),
  });
  return (at: number) => f.format(at);
}

/** A day as the day picker names it ("Tue, 25 Nov"), in the checkpoint's zone and the driver's language. */
export function dayFormat(lang: Lang, timezone: string) {
  const f = dateFormat(lang, { timeZone: timezone, weekday: "short", day: "numeric", month: "short" });
  return (at: number) => f.format(at);
}
