/** The hub's pages: the national table (htmx refreshes its fragment) and a crossing's per-stage times. */
import { Hono } from "hono";
import { localName, NationalPage, NationalTable, StageTimesPage } from "../../views/hub/national.tsx";
import { dateFormat } from "../domain/date-format.ts";
import { langOf } from "../http/driver/lang.ts";
import { staticRoutes } from "../http/static.ts";
import type { HubDeps } from "./app.ts";
import { nationalWaitTimes, stageTimes } from "./national.ts";

export function nationalPages(deps: HubDeps) {
  const app = new Hono();
  app.route("/", staticRoutes());
  app.get("/", (c) => c.redirect("/national", 302));
  app.get("/national", async (c) => {
    const { lang, t } = langOf(c);
    const rows = await nationalWaitTimes(deps.pool, deps.now());
    const f = dateFormat(lang, {
      timeZone: "Asia/Almaty",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const props = { t, lang, rows, time: (iso: string) => f.format(Date.parse(iso)) };
    c.header("Vary", "HX-Request");
    if (c.req.header("HX-Request") === "true") return c.html(<NationalTable {...props} />);
    return c.html(<NationalPage {...props} />);
  });
  app.get("/national/:post/:checkpointId", async (c) => {
    const { lang, t } = langOf(c);
    const { post, checkpointId } = c.req.param();
    const stages = await stageTimes(deps.pool, post, checkpointId, deps.now());
    if (!stages) return c.notFound();
    const row = (await nationalWaitTimes(deps.pool, deps.now())).find(
      (r) => r.post === post && r.checkpointId === checkpointId,
    );
    const f = dateFormat(lang, {
      timeZone: "Asia/Almaty",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    return c.html(
      <StageTimesPage
        t={t}
        lang={lang}
        time={(iso) => f.format(Date.parse(iso))}
        name={row ? localName(row, lang) : checkpointId}
        post={post}
        checkpointId={checkpointId}
        stages={stages}
      />,
    );
  });
  return app;
}
