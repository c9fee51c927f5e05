/** How API routes declare the key they need, in the OpenAPI document and at run time. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiScope } from "../../domain/api-access.ts";
import { apiKeyAuth, requireScope } from "../api-auth.ts";
import type { AppDeps } from "../deps.ts";

export const API_KEY_SCHEME = "apiKey";

/** `security` of a route that needs an API key. */
export const keySecurity: Record<string, string[]>[] = [{ [API_KEY_SCHEME]: [] }];
/** `security` of a public route that also takes a key (checked, and counted against its limit). */
export const optionalKeySecurity: Record<string, string[]>[] = [{}, { [API_KEY_SCHEME]: [] }];

export function registerKeyScheme(api: OpenAPIHono) {
  api.openAPIRegistry.registerComponent("securitySchemes", API_KEY_SCHEME, {
    type: "http",
    scheme: "bearer",
    description:
      "An API key from Shekara's administrator, as 'Authorization: Bearer shk_...'. Kinds: carrier " +
      "(its own crossings), device (one checkpoint's camera or unmanned lane), monitor (the event feed " +
      "without personal data, the wait times). Each key has its own rate limit; 429 says when to retry.",
  });
}

/** Middleware for a route: the key, then the scope. */
export const needsKey = (deps: AppDeps, scope: ApiScope) => [
  apiKeyAuth({ keys: deps.apiKeys, limiter: deps.keyLimiter, now: deps.now }),
  requireScope(scope),
];
