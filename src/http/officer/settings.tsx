/**
 * The supervisor's shift settings at /officer/:checkpointId/settings. Mounted inside the officers'
 * router, so sign-in, the own-checkpoint rule and CSRF are already checked; this adds the role.
 */
import { type Context, Hono } from "hono";
import { CalendarSection } from "../../../views/officer/forecast-calendar.tsx";
import { RecommendationCard } from "../../../views/officer/recommendation-card.tsx";
import { SettingsPage, type SettingsProps, settingsValues } from "../../../views/officer/settings.tsx";
import type { AuthGuard } from "../../auth/guard.ts";
import { readForm, sessionOf } from "../../auth/guard.ts";
import { changeFromForm, changeSchema, type SupervisorSettings } from "../../domain/supervisor-settings.ts";
import { checkpointSettingsStore } from "../../store/checkpoint-settings.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import { localDate } from "../../store/demand.ts";
import { forecastCalendarStore } from "../../store/forecast-calendar.ts";
import { recommendationStore } from "../../store/recommendations.ts";
import type { AppDeps } from "../deps.ts";
import { recommendationRoutes } from "./recommendation.tsx";

export type SettingsPageExtras = Partial<SettingsProps> & {
  recommendationRefused?: string;
  calendar?: { errors: Record<string, string>; values: Record<string, string> };
};

export function settingsRoutes(deps: AppDeps, guard: AuthGuard) {
  const store = checkpointSettingsStore(deps.db, deps.checkpoints, deps.crossings);
  const app = new Hono();
  const path = "/officer/:checkpointId/settings";
  app.use(path, guard.requireRole("supervisor"));
  app.use(`${path}/*`, guard.requireRole("supervisor"));

  const recs = recommendationStore(deps.db);
  const calendar = forecastCalendarStore(deps.db);
  const recommendationCard = (cp: StoredCheckpoint, csrf: string, refused?: string) => (
    <RecommendationCard
      checkpointId={cp.id}
      timezone={cp.config.timezone}
      csrf={csrf}
      recommendation={recs.latest(cp.id)}
      request={recs.latestRequest(cp.id)}
      refused={refused}
    />
  );
  const page = (
    c: Context,
    cp: StoredCheckpoint,
    { recommendationRefused, calendar: cal, ...extra }: SettingsPageExtras,
  ) => {
    const { user, csrf } = sessionOf(c);
    return (
      <SettingsPage
        checkpoint={{ id: cp.id, name: cp.name, timezone: cp.config.timezone }}
        values={settingsValues(cp.config as SupervisorSettings)}
        csrf={csrf}
        username={user.username}
        history={store.history(cp.id)}
        names={(id) => deps.users.get(id)?.username ?? id}
        recommendation={
          <>
            {recommendationCard(cp, csrf, recommendationRefused)}
            <CalendarSection
              checkpointId={cp.id}
              csrf={csrf}
              upcoming={calendar.upcoming(cp.neighbour, localDate(deps.now(), cp.config.timezone), 60)}
              {...cal}
            />
          </>
        }
        {...extra}
      />
    );
  };

  app.get(path, (c) => {
    const cp = deps.checkpoints.get(c.req.param("checkpointId") ?? "");
    if (!cp) return c.text("No such checkpoint.", 404);
    // a fixed sentence, not one from the link, so nobody can put words on this page with a URL
    const saved =
      c.req.query("saved") === "1" ? "Saved. The change is at the top of the list below." : undefined;
    return c.html(page(c, cp, { saved }));
  });

  app.post(path, async (c) => {
    const cp = deps.checkpoints.get(c.req.param("checkpointId") ?? "");
    if (!cp) return c.text("No such checkpoint.", 404);
    const form = await readForm(c);
    // what the supervisor typed comes back into the form, so a refusal loses nothing
    const typed: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(form))
      if (typeof v === "string" && k !== "_csrf") typed[k] = v.slice(0, 500);
    typed.walkInsAllowed = form.walkInsAllowed === "on";
    typed.unmannedGreenLane = form.unmannedGreenLane === "on";
    typed.requireVin = form.requireVin === "on";
    typed.smartCustomsLane = form.smartCustomsLane === "on";

    const parsed = changeSchema.safeParse(changeFromForm(form));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] === "settings" ? issue.path[1] : issue.path[0]);
        errors[field] ??= issue.message;
      }
      return c.html(page(c, cp, { values: typed, errors }), 400);
    }
    const { user } = sessionOf(c);
    const outcome = store.save(cp, parsed.data, { kind: "supervisor", id: user.id }, deps.now());
    if (!outcome.ok) return c.html(page(c, cp, { values: typed, overLimit: outcome.overLimit }), 409);
    return c.redirect(`/officer/${cp.id}/settings${outcome.changes.length ? "?saved=1" : ""}`, 303);
  });

  // issue 18: the recommendation card's actions, rendering this page when they refuse
  app.route(
    "/",
    recommendationRoutes(
      deps,
      store,
      (c, cp, extra, status) => c.html(page(c, cp, extra), status),
      (c, cp) => c.html(recommendationCard(cp, sessionOf(c).csrf)),
    ),
  );
  return app;
}
