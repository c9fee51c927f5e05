/** The drivers' pages: /drive to declare, /c/:id (a capability URL) to book, follow and be called. */
import { Hono } from "hono";
import { SEED_RISK_POLICY } from "../../../seed/risk-rules.ts";
import { CancelConfirmPage, CrossingLive, CrossingPage } from "../../../views/driver/crossing.tsx";
import { DeclareForm, type DeclareFormProps, DeclarePage } from "../../../views/driver/declare.tsx";
import { reroutingAdvice } from "../../domain/rerouting.ts";
import { declareNationally } from "../../post-link/declare-nationally.ts";
import { bookingStore } from "../../store/booking.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import { notificationStore } from "../../store/notifications.ts";
import { bodyLimit } from "../body-limit.ts";
import type { AppDeps } from "../deps.ts";
import { pageCache } from "../page-cache.ts";
import { crossingAndCheckpoint, type DriverCrossing, driverCrossingView } from "./crossing-view.ts";
import { type FormValues, parseDeclarationForm } from "./form.ts";
import { dayFormat, langOf, timeFormat } from "./lang.ts";
import { phoneCheckRoutes, phoneCheckStep } from "./phone-check.tsx";
import { phoneGate } from "./phone-gate.ts";
import { qrDataUrl } from "./qr.ts";

export function driverRoutes(deps: AppDeps) {
  const app = new Hono();
  const booking = bookingStore(deps.db, deps.crossings);
  const notifications = notificationStore(deps.db);
  // the allowances are shown (and counted) only while the machine lets the driver book or cancel
  const allowances = (cp: Parameters<typeof booking.remaining>[0], c: DriverCrossing, now: number) =>
    c.accepts.book || c.accepts.cancel
      ? booking.remaining(cp, c.plate, now)
      : { postponements: 0, cancellations: 0 };
  const view = driverCrossingView(deps.db);
  const pages = pageCache(deps.db, deps.now);
  const gate = phoneGate(deps);
  // the form is a few hundred bytes; a huge body is refused before it is read
  const limit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text("Too large", 413) });
  app.post("/drive", limit);
  app.post("/c/:id/*", limit);

  const formValues = async (c: { req: { parseBody: () => Promise<Record<string, unknown>> } }) => {
    const body = await c.req.parseBody().catch(() => ({}));
    const out: FormValues = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v.slice(0, 1000);
    return out;
  };

  app.get("/drive", (c) => {
    const { lang, t } = langOf(c);
    const checkpoints = deps.checkpoints.list();
    const chosen = c.req.query("checkpoint");
    return c.html(
      <DeclarePage
        t={t}
        lang={lang}
        checkpoints={checkpoints}
        values={{ checkpointId: chosen ?? "", "transitDocument.type": "none" }}
        errors={{}}
      />,
    );
  });

  app.post("/drive", async (c) => {
    const { lang, t } = langOf(c);
    const values = await formValues(c);
    const htmx = c.req.header("hx-request") === "true";
    const props: DeclareFormProps = { t, lang, checkpoints: deps.checkpoints.list(), values, errors: {} };
    // the layout's htmx config swaps 409 and 422 answers, so htmx gets the form with its messages
    // and the true status; without JS, the whole page
    const refuse = (p: DeclareFormProps, status: 409 | 422 = 422) =>
      htmx ? c.html(<DeclareForm {...p} />, status) : c.html(<DeclarePage {...p} />, status);

    const parsed = parseDeclarationForm(values);
    if (!parsed.ok) return refuse({ ...props, errors: parsed.errors });
    const cp = deps.checkpoints.get(parsed.declaration.checkpointId);
    if (!cp) return refuse({ ...props, errors: { checkpointId: "drive.unknownCheckpoint" } });
    const outcome = await declareNationally(deps.national, deps.crossings, {
      declaration: parsed.declaration,
      risk: SEED_RISK_POLICY,
      sample: deps.random(),
      at: deps.now(),
      actor: { kind: "driver", id: "drive-form" },
      policy: cp.config,
    });
    if (!outcome.ok && "heldAtPost" in outcome)
      return refuse({ ...props, notice: t("hub.heldElsewhere", { post: outcome.heldAtPost }) }, 409);
    if (!outcome.ok && outcome.status === 422)
      return refuse({ ...props, errors: { [outcome.field]: outcome.reason } });
    if (!outcome.ok) return refuse({ ...props, notice: t(outcome.reason) }, outcome.status);
    const to = `/c/${outcome.crossing.row.id}?lang=${lang}`;
    if (htmx) {
      c.header("HX-Redirect", to);
      return c.body(null, 204);
    }
    return c.redirect(to, 303);
  });

  /** The crossing and its checkpoint, or null: an unknown id looks the same as no permission. */
  const load = (id: string) => crossingAndCheckpoint(deps, id);

  /** What the whole page and its polled part both show of a crossing, or null for an unknown link. */
  const shown = ({ lang, t }: ReturnType<typeof langOf>, id: string, now: number) => {
    const found = load(id);
    if (!found) return null;
    const crossing = view(found.stored, found.cp, now);
    const tz = found.cp.config.timezone;
    const common = {
      t,
      lang,
      crossing,
      time: timeFormat(lang, tz, false),
      dayTime: timeFormat(lang, tz, true),
      notices: notifications.ofCrossing(crossing.id),
      remaining: allowances(found.cp, crossing, now),
      asOf: now,
      missedCalls: found.stored.crossing.context.missedCalls,
    };
    return { cp: found.cp, common };
  };

  /** issue 17: only with a hub's figures; the free places of the next 24 hours are counted here */
  const reroute = (cp: StoredCheckpoint, now: number) => {
    const national = deps.nationalFigures?.();
    if (!national || national.length === 0) return null;
    const day = booking.slots(cp, now, Math.ceil((24 * 60) / cp.config.slotMinutes), now);
    const free = day.reduce((sum, s) => sum + s.available, 0);
    return reroutingAdvice(
      { checkpointId: cp.id, neighbour: cp.neighbour, freePlacesNext24h: free },
      national,
    );
  };

  app.get("/c/:id", async (c) => {
    const language = langOf(c);
    const { lang } = language;
    const id = c.req.param("id");
    const message = c.req.query("msg")?.startsWith("book.") ? c.req.query("msg") : undefined;
    const askedDay = Number(c.req.query("day"));
    const page = await pages(c, `page|${id}|${lang}|${message ?? ""}|${askedDay || ""}`, async () => {
      const now = deps.now();
      const found = shown(language, id, now);
      if (!found) return null;
      const { crossing } = found.common;
      const cp = found.cp;
      // the day picker: every day of the horizon; the asked day, else the first with places
      const days = crossing.accepts.book ? booking.days(cp, now) : [];
      const chosenDay =
        days.find((d) => d.start === askedDay)?.start ??
        days.find((d) => d.available > 0)?.start ??
        days[0]?.start ??
        null;
      const perDay = Math.ceil(1440 / cp.config.slotMinutes);
      const nextDay =
        days[days.findIndex((d) => d.start === chosenDay) + 1]?.start ?? Number.POSITIVE_INFINITY;
      const slots =
        chosenDay === null ? [] : booking.slots(cp, chosenDay, perDay, now).filter((s) => s.start < nextDay);
      return (
        <CrossingPage
          {...found.common}
          checkpoint={cp}
          day={dayFormat(lang, cp.config.timezone)}
          qrDataUrl={await qrDataUrl(crossing.code)}
          days={days}
          chosenDay={chosenDay}
          slots={slots}
          message={message}
          reroute={crossing.state === "declared" ? reroute(found.cp, now) : null}
        />
      );
    });
    return page ?? c.notFound();
  });

  app.get("/c/:id/live", async (c) => {
    const language = langOf(c);
    const { lang } = language;
    const id = c.req.param("id");
    const page = await pages(c, `live|${id}|${lang}`, () => {
      const found = shown(language, id, deps.now());
      return found && <CrossingLive {...found.common} />;
    });
    return page ?? c.notFound();
  });

  // The actions answer with the crossing's page (303), carrying a refusal as a dictionary key.
  const back = (id: string, lang: string, refusal?: string) =>
    `/c/${id}?lang=${lang}${refusal ? `&msg=${encodeURIComponent(refusal)}` : ""}`;
  const refusalOf = (o: { ok: boolean; reason?: string }) =>
    o.ok ? undefined : o.reason?.startsWith("book.") ? o.reason : "book.notNow";

  app.post("/c/:id/book", async (c) => {
    const { lang } = langOf(c);
    const id = c.req.param("id");
    const found = load(id);
    if (!found) return c.notFound();
    const values = await formValues(c);
    const chosen = values.slotStart;
    // issue 13: the caps per address and per phone, then the phone's one-time code
    const held = gate.beforeBooking(c, found);
    if (!held.ok && held.reason === "phone.required")
      return c.redirect(await phoneCheckStep(gate, found, values, lang), 303);
    if (!held.ok) return c.redirect(back(id, lang, held.reason), 303);
    const start = Number(chosen);
    const driver = { kind: "driver" as const, id };
    const outcome =
      chosen === "first" || Number.isSafeInteger(start)
        ? await booking.bookTogether(found.cp, id, chosen === "first" ? "first" : start, deps.now(), driver)
        : ({ ok: false, reason: "book.notNow" } as const);
    if (outcome.ok) gate.booked(c);
    return c.redirect(back(id, lang, refusalOf(outcome)), 303);
  });

  app.route("/", phoneCheckRoutes(deps));

  app.post("/c/:id/cancel-booking", (c) => {
    const { lang } = langOf(c);
    const id = c.req.param("id");
    const found = load(id);
    if (!found) return c.notFound();
    const outcome = booking.cancelBooking(found.cp, id, deps.now(), { kind: "driver", id });
    return c.redirect(back(id, lang, refusalOf(outcome)), 303);
  });

  // "Cancel the crossing?": the confirmation, a page of its own so it works without JS
  app.get("/c/:id/cancel", (c) => {
    const { lang, t } = langOf(c);
    const id = c.req.param("id");
    const found = load(id);
    if (!found) return c.notFound();
    const now = deps.now();
    const crossing = view(found.stored, found.cp, now);
    if (!crossing.accepts.cancel) return c.redirect(back(id, lang, "book.notNow"), 303);
    const left = booking.remaining(found.cp, crossing.plate, now).cancellations;
    return c.html(<CancelConfirmPage t={t} lang={lang} crossing={crossing} cancellationsLeft={left} />);
  });

  app.post("/c/:id/cancel", async (c) => {
    const { lang } = langOf(c);
    const id = c.req.param("id");
    const found = load(id);
    if (!found) return c.notFound();
    // without the confirmation's own field, ask first: nothing is cancelled by one stray tap
    if ((await formValues(c)).confirm !== "yes") return c.redirect(`/c/${id}/cancel?lang=${lang}`, 303);
    const outcome = booking.cancelCrossing(found.cp, id, deps.now(), { kind: "driver", id });
    return c.redirect(back(id, lang, refusalOf(outcome)), 303);
  });

  return app;
}
