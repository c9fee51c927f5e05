/**
 * The supervisor's recommendation at /officer/:checkpointId/settings/recommendation: compute one
 * on the worker thread (the page answers at once, "computing", and the card's fragment polls until
 * it is stored as shown), draw its forecast, accept it. Accepting goes through the settings store's
 * save, the one audited path, with the reason "recommendation N"; a lowered limit that would move
 * booked trucks comes back as the settings form, filled in, asking to confirm as every change does.
 * Mounted by settingsRoutes, behind its supervisor guard.
 */
import { type Context, Hono } from "hono";
import { settingsValues } from "../../../views/officer/settings.tsx";
import { readForm, sessionOf } from "../../auth/guard.ts";
import { forecastChart } from "../../charts/forecast-charts.ts";
import { calendarChangeSchema } from "../../domain/calendar-change.ts";
import { changeSchema, type SupervisorSettings, settingsSchema } from "../../domain/supervisor-settings.ts";
import { forecastPool } from "../../forecast-pool.ts";
import type { CheckpointSettingsStore } from "../../store/checkpoint-settings.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import { forecastCalendarStore } from "../../store/forecast-calendar.ts";
import { bodyOf, recommendationStore } from "../../store/recommendations.ts";
import type { AppDeps } from "../deps.ts";
import type { SettingsPageExtras } from "./settings.tsx";

export function recommendationRoutes(
  deps: AppDeps,
  settings: CheckpointSettingsStore,
  render: (
    c: Context,
    cp: StoredCheckpoint,
    extra: SettingsPageExtras,
    status: 409 | 422,
  ) => Response | Promise<Response>,
  card: (c: Context, cp: StoredCheckpoint) => Response | Promise<Response>,
) {
  const recs = recommendationStore(deps.db);
  const calendar = forecastCalendarStore(deps.db);
  const app = new Hono();
  const base = "/officer/:checkpointId/settings/recommendation";
  const checkpointOf = (c: Context) => deps.checkpoints.get(c.req.param("checkpointId") ?? "");
  const idOf = (c: Context) => Number(c.req.param("id"));

  // an app built without a runtime (tests of other parts) still computes off the request thread
  const pool = deps.forecastPool ?? forecastPool({ threads: 1 });

  app.post(base, async (c) => {
    const cp = checkpointOf(c);
    if (!cp) return c.text("No such checkpoint.", 404);
    await readForm(c);
    const prepared = recs.prepare(cp, deps.now());
    if (!prepared.ok) return render(c, cp, { recommendationRefused: prepared.reason }, 422);
    const actor = sessionOf(c).user.id;
    const requestId = recs.request(cp.id, actor, deps.now());
    // null: one is computing already; the page shows it
    if (requestId !== null)
      pool
        .run(prepared.job)
        .then((result) => {
          recs.complete(requestId, bodyOf(prepared.context, result), actor, deps.now());
        })
        .catch((error: Error) => {
          console.log(`recommendation for ${cp.id} failed: ${error.message}`);
          try {
            recs.fail(requestId, error.message, deps.now());
          } catch (e) {
            // the database closed first (the server stopping): the next start marks it failed
            console.log(`recommendation request ${requestId} left computing: ${(e as Error).message}`);
          }
        });
    return c.redirect(`/officer/${cp.id}/settings#recommendation`, 303);
  });

  // the card alone: what the computing card polls until its recommendation is stored
  app.get(`${base}-card`, (c) => {
    const cp = checkpointOf(c);
    if (!cp) return c.text("No such checkpoint.", 404);
    return card(c, cp);
  });

  app.get(`${base}/:id/forecast.svg`, (c) => {
    const cp = checkpointOf(c);
    const rec = cp ? recs.get(cp.id, idOf(c)) : null;
    if (!rec) return c.text("No such recommendation.", 404);
    return c.body(forecastChart(rec.history, rec.forecast.forecast), 200, {
      "Content-Type": "image/svg+xml",
      // a stored recommendation never changes: its chart may be kept
      "Cache-Control": "private, max-age=86400, immutable",
    });
  });

  app.post(`${base}/:id/accept`, async (c) => {
    const cp = checkpointOf(c);
    if (!cp) return c.text("No such checkpoint.", 404);
    const form = await readForm(c);
    const rec = recs.get(cp.id, idOf(c));
    if (!rec) return c.text("No such recommendation.", 404);
    const r = rec.recommendation;
    const current = settingsSchema.parse(cp.config) as SupervisorSettings;
    const proposed: SupervisorSettings = {
      ...current,
      dailyLimit: r.dailyLimit,
      slotCapacity: r.slotCapacity,
      documentLanes: r.documentLanes,
    };
    const reason = `recommendation ${rec.id}`;
    const parsed = changeSchema.safeParse({
      settings: proposed,
      reason,
      confirmMoves: form.confirmMoves === "on",
    });
    const values = { ...settingsValues(proposed), reason };
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path.at(-1))] ??= issue.message;
      return render(c, cp, { values, errors }, 422);
    }
    const { user } = sessionOf(c);
    const outcome = settings.save(cp, parsed.data, { kind: "supervisor", id: user.id }, deps.now());
    if (!outcome.ok) return render(c, cp, { values, overLimit: outcome.overLimit }, 409);
    return c.redirect(`/officer/${cp.id}/settings?saved=1`, 303);
  });

  // the holiday and closure calendar: an addition or a withdrawal, each logged with who and why
  app.post("/officer/:checkpointId/settings/calendar", async (c) => {
    const cp = checkpointOf(c);
    if (!cp) return c.text("No such checkpoint.", 404);
    const form = await readForm(c);
    const values: Record<string, string> = {};
    // the fields are named calendarDate, calendarReason...: the settings form on the same page has its own reason
    for (const k of ["action", "date", "kind", "name", "source", "reason"]) {
      const v = form[`calendar${k[0]?.toUpperCase()}${k.slice(1)}`];
      values[k] = typeof v === "string" ? v.slice(0, 500) : "";
    }
    const parsed = calendarChangeSchema.safeParse(values);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return render(c, cp, { calendar: { errors, values } }, 422);
    }
    const change = parsed.data;
    // a closure is the neighbour's: it applies to every checkpoint on that border
    const neighbour = change.kind === "closure" ? cp.neighbour : null;
    calendar.change({ ...change, neighbour }, sessionOf(c).user.id, deps.now());
    return c.redirect(`/officer/${cp.id}/settings#calendar`, 303);
  });

  return app;
}
