/** How API routes declare the key they need, in the OpenAPI document and at run time. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiScope } from "../../domain/api-access.ts";
import { apiKeyAuth, requireScope } from "../api-auth.ts";
import type { AppDeps } from "../deps.ts";

export const API_KEY_SCHEME = "apiKey";

/** `security` of a route anyone may call: no key, no session (OpenAPI's explicit "public"). */
export const publicSecurity: Record<string, string[]>[] = [];
/**
 * `security` of a route that needs an API key holding `scope`. OpenAPI 3.1 lets a non-OAuth
 * requirement list the roles it needs, so a generated client's reader sees which key to use.
 */
export const keySecurity = (scope: ApiScope): Record<string, string[]>[] => [{ [API_KEY_SCHEME]: [scope] }];
/** `security` of a public route that also takes a key (checked, and counted against its limit). */
const optionalKeySecurity: Record<string, string[]>[] = [{}, { [API_KEY_SCHEME]: [] }];

export function registerKeyScheme(api: OpenAPIHono) {
  api.openAPIRegistry.registerComponent("securitySchemes", API_KEY_SCHEME, {
    type: "http",
    scheme: "bearer",
    description:
      "An API key from Shekara's administrator, as 'Authorization: Bearer shk_...'. Kinds: carrier " +
      "(its own crossings), device (one checkpoint's camera or unmanned lane), gate (one checkpoint's " +
      "Smart Customs gate), monitor (the event feed without personal data, the wait times). Each route names the scope its key must hold. Each key " +
      "has its own rate limit; 429 says when to retry.",
  });
}

/** Middleware for a route: the key, then the scope. */
export const needsKey = (deps: AppDeps, scope: ApiScope) => [
  apiKeyAuth({ keys: deps.apiKeys, limiter: deps.keyLimiter, now: deps.now }),
  requireScope(scope),
];

/** A public read's `security` and `middleware`: a key, if given, is checked and counted against its limit. */
export const optionallyKeyed = (deps: AppDeps) => ({
  security: optionalKeySecurity,
  middleware: [
    apiKeyAuth({ keys: deps.apiKeys, limiter: deps.keyLimiter, now: deps.now }, { optional: true }),
  ],
});

/** A keyed route's `security` and `middleware`, from the one scope it needs. */
export const keyed = (deps: AppDeps, scope: ApiScope) => ({
  security: keySecurity(scope),
  middleware: needsKey(deps, scope),
});
