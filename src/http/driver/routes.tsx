/** The drivers' pages: /drive to declare, /c/:id (a capability URL) to book, follow and be called. */
import { Hono } from "hono";
import { SEED_RISK_POLICY } from "../../../seed/risk-rules.ts";
import { CrossingLive, CrossingPage } from "../../../views/driver/crossing.tsx";
import { DeclareForm, type DeclareFormProps, DeclarePage } from "../../../views/driver/declare.tsx";
import { reroutingAdvice } from "../../domain/rerouting.ts";
import { declareNationally } from "../../post-link/declare-nationally.ts";
import { bookingStore } from "../../store/booking.ts";
import { carrierCrossingStore } from "../../store/carrier-crossings.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import { notificationStore } from "../../store/notifications.ts";
import { bodyLimit } from "../body-limit.ts";
import type { AppDeps } from "../deps.ts";
import { pageCache } from "../page-cache.ts";
import {
  bookingChangeable,
  crossingAndCheckpoint,
  type DriverCrossing,
  driverCrossingView,
} from "./crossing-view.ts";
import { type FormValues, parseDeclarationForm } from "./form.ts";
import { langOf, timeFormat } from "./lang.ts";
import { qrDataUrl } from "./qr.ts";

/** How many upcoming slots the picker lists: a day of hour slots fits a phone screen. */
const SLOTS_SHOWN = 12;

export function driverRoutes(deps: AppDeps) {
  const app = new Hono();
  const booking = bookingStore(deps.db, deps.crossings);
  const notifications = notificationStore(deps.db);
  // the allowances are shown (and counted) only while the driver can still change the booking
  const allowances = (cp: Parameters<typeof booking.remaining>[0], c: DriverCrossing, now: number) =>
    bookingChangeable(c.state) ? booking.remaining(cp, c.plate, now) : { postponements: 0, cancellations: 0 };
  const view = driverCrossingView(deps.db);
  const pages = pageCache(deps.db, deps.now);
  const active = carrierCrossingStore(deps.db);
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
    // htmx swaps only 2xx answers, so a refusal to htmx is a 200 fragment; without JS, a 422 page
    const refuse = (p: DeclareFormProps) =>
      htmx ? c.html(<DeclareForm {...p} />) : c.html(<DeclarePage {...p} />, 422);

    const parsed = parseDeclarationForm(values);
    if (!parsed.ok) return refuse({ ...props, errors: parsed.errors });
    if (!deps.checkpoints.get(parsed.declaration.checkpointId)) {
      return refuse({ ...props, errors: { checkpointId: "drive.unknownCheckpoint" } });
    }
    const outcome = await declareNationally(deps.national, deps.crossings, {
      declaration: parsed.declaration,
      risk: SEED_RISK_POLICY,
      sample: deps.random(),
      at: deps.now(),
      actor: { kind: "driver", id: "drive-form" },
      activeCodeFor: active.activeCodeFor,
    });
    if (!outcome.ok) {
      const notice =
        "heldAtPost" in outcome
          ? t("hub.heldElsewhere", { post: outcome.heldAtPost })
          : t("drive.active", { code: outcome.activeCrossingCode ?? "" });
      return refuse({ ...props, notice });
    }
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
    const page = await pages(c, `page|${id}|${lang}|${message ?? ""}`, async () => {
      const now = deps.now();
      const found = shown(language, id, now);
      if (!found) return null;
      const { crossing } = found.common;
      return (
        <CrossingPage
          {...found.common}
          checkpoint={found.cp}
          qrDataUrl={await qrDataUrl(crossing.code)}
          slots={crossing.state === "declared" ? booking.slots(found.cp, now, SLOTS_SHOWN, now) : []}
          message={message}
          reroute={crossing.state === "declared" ? reroute(found.cp, now) : null}
        />
      );
    });
    return page ?? c.text("Not found", 404);
  });

  app.get("/c/:id/live", async (c) => {
    const language = langOf(c);
    const { lang } = language;
    const id = c.req.param("id");
    const page = await pages(c, `live|${id}|${lang}`, () => {
      const found = shown(language, id, deps.now());
      return found && <CrossingLive {...found.common} />;
    });
    return page ?? c.text("Not found", 404);
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
    if (!found) return c.text("Not found", 404);
    const chosen = (await formValues(c)).slotStart;
    const start = Number(chosen);
    const driver = { kind: "driver" as const, id };
    const outcome =
      chosen === "first" || Number.isSafeInteger(start)
        ? await booking.bookTogether(found.cp, id, chosen === "first" ? "first" : start, deps.now(), driver)
        : ({ ok: false, reason: "book.notNow" } as const);
    return c.redirect(back(id, lang, refusalOf(outcome)), 303);
  });

  app.post("/c/:id/cancel-booking", (c) => {
    const { lang } = langOf(c);
    const id = c.req.param("id");
    const found = load(id);
    if (!found) return c.text("Not found", 404);
    const outcome = booking.cancelBooking(found.cp, id, deps.now(), { kind: "driver", id });
    return c.redirect(back(id, lang, refusalOf(outcome)), 303);
  });

  app.post("/c/:id/cancel", (c) => {
    const { lang } = langOf(c);
    const id = c.req.param("id");
    const found = load(id);
    if (!found) return c.text("Not found", 404);
    const outcome = booking.cancelCrossing(found.cp, id, deps.now(), { kind: "driver", id });
    return c.redirect(back(id, lang, refusalOf(outcome)), 303);
  });

  return app;
}
