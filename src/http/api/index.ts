/**
 * The versioned JSON API under /api/v1. Every route is an OpenAPI route built from the same
 * zod schemas as the forms, so /api/openapi.json cannot drift from what the server accepts.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.ts";
import { carriersApi } from "./carriers.ts";
import { checkpointApi } from "./checkpoints.ts";
import { devicesApi } from "./devices.ts";
import { apiDocsRoutes } from "./docs.tsx";
import { eventsApi } from "./events.ts";
import { API_EXAMPLES } from "./examples/index.ts";
import { withExamples } from "./examples.ts";
import { API_GUIDE } from "./guide.ts";
import { registerKeyScheme } from "./security.ts";
import { smartGateApi } from "./smart-gate.ts";
import { validationHook } from "./validation.ts";
import { waitTimesApi } from "./wait-times.ts";
import { webhooksApi } from "./webhooks.ts";

/** Each audience's API module registers here; see driver and officer modules. */
export type ApiModule = (deps: AppDeps) => OpenAPIHono;

export function createApi(deps: AppDeps, modules: ApiModule[] = []) {
  const v1 = new OpenAPIHono({ defaultHook: validationHook });
  registerKeyScheme(v1);
  v1.route("/", checkpointApi(deps));
  // the open interfaces for carriers' platforms, devices and cargo monitors (issue 7)
  v1.route("/", eventsApi(deps));
  v1.route("/", webhooksApi(deps));
  v1.route("/", waitTimesApi(deps));
  v1.route("/", devicesApi(deps));
  v1.route("/", smartGateApi(deps));
  v1.route("/", carriersApi(deps));
  for (const module of modules) v1.route("/", module(deps));

  const api = new OpenAPIHono();
  api.route("/v1", v1);
  const document = {
    openapi: "3.1.0",
    info: {
      title: "Shekara API",
      version: "1.0.0",
      description: API_GUIDE,
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/api", description: "This server" }],
  };
  // complete only once every module is mounted: built on the first request, then kept
  let finished: object | null = null;
  const served = () => {
    finished ??= withExamples(api.getOpenAPI31Document(document), API_EXAMPLES);
    return finished;
  };
  api.get("/openapi.json", (c) => c.json(served()));
  api.route("/", apiDocsRoutes(served));
  return api;
}
