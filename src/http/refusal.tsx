/**
 * Refusals that are not a form's own (too many requests, storage down, not found), shown where the
 * person is looking: to htmx, a fragment retargeted into the page's #refusal box (the layout has one
 * on every page); without JS, a page of its own. In the visitor's language.
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ErrorPage } from "../../views/error.tsx";
import { chooseLang, LANG_COOKIE, translator } from "../i18n/index.ts";

export function visitorLanguage(c: Context) {
  const lang = chooseLang({
    query: c.req.query("lang"),
    cookie: getCookie(c, LANG_COOKIE),
    acceptLanguage: c.req.header("accept-language"),
  });
  return { lang, t: translator(lang) };
}

export function refusal(c: Context, status: ContentfulStatusCode, titleKey: string, message: string) {
  const { lang, t } = visitorLanguage(c);
  if (c.req.header("hx-request") === "true") {
    c.header("HX-Retarget", "#refusal");
    c.header("HX-Reswap", "innerHTML");
    return c.html(
      <p class="notice bad" role="alert">
        {message}
      </p>,
      status,
    );
  }
  return c.html(<ErrorPage title={t(titleKey)} message={message} lang={lang} home={t("e.home")} />, status);
}
