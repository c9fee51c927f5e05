/**
 * The driver's pages for the one-time phone code (issue 13): the booking route sends the driver
 * here when the checkpoint's `verifyPhone` policy asks for a code; a good code re-posts the booking
 * form as it was (307 keeps the method and the body), so the booking itself stays the booking route's.
 */
import { type Context, Hono } from "hono";
import { PhoneCheckPage } from "../../../views/driver/phone-check.tsx";
import { typedCode } from "../../domain/phone-check.ts";
import type { AppDeps } from "../deps.ts";
import { crossingAndCheckpoint } from "./crossing-view.ts";
import { langOf } from "./lang.ts";
import { type Found, type PhoneGate, phoneGate } from "./phone-gate.ts";

/** Fields of ours, never carried through to the booking form. */
const OWN = new Set(["code", "lang", "e", "s", "_csrf"]);
const SHOWN_ERRORS = new Set(["phone.wait", "phone.tooMany", "phone.sendFailed", "phone.verified"]);

const carriedOf = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([k, v]) => !OWN.has(k) && typeof v === "string")
      .slice(0, 20)
      .map(([k, v]) => [k, String(v).slice(0, 200)]),
  );

const pageUrl = (
  id: string,
  lang: string,
  carried: Record<string, string>,
  error?: { key: string; s?: number },
) =>
  `/c/${id}/phone?${new URLSearchParams({
    ...carried,
    lang,
    ...(error ? { e: error.key, ...(error.s ? { s: String(error.s) } : {}) } : {}),
  })}`;

/** Sends a code (unless one went out a moment ago) and names the page that asks for it. */
export async function phoneCheckStep(
  gate: PhoneGate,
  f: Found,
  values: Record<string, unknown>,
  lang: string,
) {
  const sent = await gate.send(f);
  const carried = carriedOf(values);
  if (sent.ok || sent.reason === "phone.wait") return pageUrl(f.stored.row.id, lang, carried);
  return pageUrl(f.stored.row.id, lang, carried, { key: sent.reason });
}

export function phoneCheckRoutes(deps: AppDeps) {
  const app = new Hono();
  const gate = phoneGate(deps);
  const form = async (c: Context) => {
    const body = await c.req.parseBody().catch(() => ({}));
    return body as Record<string, unknown>;
  };

  const render = (
    c: Context,
    f: Found,
    carried: Record<string, string>,
    status: 200 | 422 | 429,
    error?: string,
    s?: number,
  ) => {
    const { lang, t } = langOf(c);
    c.header("Cache-Control", "no-store");
    return c.html(
      <PhoneCheckPage
        t={t}
        lang={lang}
        crossingId={f.stored.row.id}
        sentTo={gate.sentTo(f)}
        carried={carried}
        error={error}
        errorVars={s ? { seconds: s } : undefined}
      />,
      status,
    );
  };

  app.get("/c/:id/phone", (c) => {
    const f = crossingAndCheckpoint(deps, c.req.param("id"));
    if (!f) return c.text("Not found", 404);
    const { lang } = langOf(c);
    if (!gate.needsCode(f)) return c.redirect(`/c/${f.stored.row.id}?lang=${lang}`, 303);
    const query = c.req.query();
    const error = SHOWN_ERRORS.has(query.e ?? "") ? query.e : undefined;
    const s = Number(query.s);
    return render(c, f, carriedOf(query), 200, error, Number.isSafeInteger(s) && s > 0 ? s : undefined);
  });

  app.post("/c/:id/phone/send", async (c) => {
    const f = crossingAndCheckpoint(deps, c.req.param("id"));
    if (!f) return c.text("Not found", 404);
    const { lang } = langOf(c);
    const values = await form(c);
    const sent = await gate.send(f);
    const carried = carriedOf(values);
    if (sent.ok) return c.redirect(pageUrl(f.stored.row.id, lang, carried), 303);
    const s = "retryAfterSeconds" in sent ? sent.retryAfterSeconds : undefined;
    return c.redirect(pageUrl(f.stored.row.id, lang, carried, { key: sent.reason, s }), 303);
  });

  app.post("/c/:id/phone", async (c) => {
    const f = crossingAndCheckpoint(deps, c.req.param("id"));
    if (!f) return c.text("Not found", 404);
    const { lang } = langOf(c);
    const values = await form(c);
    const typed = typedCode(typeof values.code === "string" ? values.code : "");
    const checked = gate.check(f, typed);
    if (!checked.ok) return render(c, f, carriedOf(values), 422, checked.reason);
    // the booking form as it was: the booking route books it, with the phone now confirmed
    return c.redirect(`/c/${f.stored.row.id}/book?lang=${lang}`, 307);
  });
  return app;
}
