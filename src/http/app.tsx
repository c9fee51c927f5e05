/** Assembles the app from one router per audience, each built from its dependencies. */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { ErrorPage } from "../../views/error.tsx";
import { HomePage } from "../../views/home.tsx";
import { addressRateLimit } from "./address-rate-limit.ts";
import { createApi } from "./api/index.ts";
import { everyBodyLimit } from "./body-limit.ts";
import { compressPages } from "./compress-pages.ts";
import type { AppDeps } from "./deps.ts";
import { driverApi } from "./driver/api.ts";
import { boardRoutes } from "./driver/board.tsx";
import { carriersOwnApi, carriersOwnPages } from "./driver/carriers-own.ts";
import { installRoutes } from "./driver/install.ts";
import { langOf } from "./driver/lang.ts";
import { phoneApi } from "./driver/phone-api.ts";
import { driverRoutes } from "./driver/routes.tsx";
import { officerApi } from "./officer/api.ts";
import { officerRoutes } from "./officer/routes.tsx";
import { officerSettingsApi } from "./officer/settings-api.ts";
import { pageCache } from "./page-cache.ts";
import { plannerRoutes } from "./planner/routes.tsx";
import { problem } from "./problem.ts";
import { refusal, visitorLanguage } from "./refusal.tsx";
import { staticRoutes } from "./static.ts";
import {
  isStorageBusy,
  isStorageUnavailable,
  STORAGE_BUSY_MESSAGE,
  STORAGE_BUSY_RETRY_AFTER_SECONDS,
  STORAGE_RETRY_AFTER_SECONDS,
  STORAGE_UNAVAILABLE_MESSAGE,
} from "./storage-errors.ts";

export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use(compressPages());
  // before any route reads a body; the planners' pages check their larger trace upload themselves
  app.use(everyBodyLimit(["/planner"]));
  app.route("/", staticRoutes());
  app.get("/healthz", (c) => c.json({ status: "ok", time: new Date(deps.now()).toISOString() }));
  const pages = pageCache(deps.db, deps.now);
  app.get("/", async (c) => {
    const { lang, t } = langOf(c);
    const page = await pages(c, `home|${lang}`, () => (
      <HomePage checkpoints={deps.checkpoints.list()} t={t} lang={lang} />
    ));
    return page ?? c.notFound();
  });
  const driverWrites = addressRateLimit(deps.rateLimitPerMinute, deps.now);
  // "/x/*" matches "/x" too in Hono: one entry per path, or a request would pay twice
  for (const path of ["/api/v1/crossings/*", "/drive", "/c/*"]) app.use(path, driverWrites);
  // issue 22: a driver's link changes nothing of a driverless crossing (its carrier's)
  app.use("/api/v1/crossings/:id/*", carriersOwnApi(deps));
  app.use("/c/:id/*", carriersOwnPages(deps));
  app.route("/api", createApi(deps, [driverApi, phoneApi, officerApi, officerSettingsApi]));
  app.route("/", installRoutes(deps));
  app.route("/", driverRoutes(deps));
  app.route("/", boardRoutes(deps));
  app.route("/", officerRoutes(deps));
  app.route("/", plannerRoutes(deps));

  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? problem(c, 404, "Not found", `There is no ${c.req.method} ${c.req.path}.`)
      : refusal(c, 404, "e.notFoundTitle", visitorLanguage(c).t("e.notFound")),
  );
  app.onError((err, c) => {
    // Hono's own refusals (malformed JSON 400, unsupported media type 415) keep their status
    if (err instanceof HTTPException && err.status < 500) {
      return c.req.path.startsWith("/api/")
        ? problem(
            c,
            err.status,
            err.message || "Bad request",
            `${err.message || "The request was refused"}; nothing was changed.`,
          )
        : err.getResponse();
    }
    if (isStorageUnavailable(err)) {
      console.error(`storage unavailable: ${(err as Error).message}`);
      const busy = isStorageBusy(err);
      const message = busy ? STORAGE_BUSY_MESSAGE : STORAGE_UNAVAILABLE_MESSAGE;
      c.header("Retry-After", String(busy ? STORAGE_BUSY_RETRY_AFTER_SECONDS : STORAGE_RETRY_AFTER_SECONDS));
      return c.req.path.startsWith("/api/")
        ? problem(c, 503, "Service unavailable", message)
        : refusal(c, 503, "e.unavailableTitle", visitorLanguage(c).t("e.unavailable"));
    }
    console.error(err);
    return c.req.path.startsWith("/api/")
      ? problem(c, 500, "Internal error", "Something went wrong on our side; nothing was changed.")
      : c.html(
          <ErrorPage
            title={visitorLanguage(c).t("e.unavailableTitle")}
            message={visitorLanguage(c).t("e.error")}
            lang={visitorLanguage(c).lang}
          />,
          500,
        );
  });
  return app;
}
export type App = ReturnType<typeof createApp>;
