/** The officers' JSON API under /api/v1. (Placeholder: built by the officer issue.) */
import { OpenAPIHono } from "@hono/zod-openapi";
import { validationHook } from "../api/validation.ts";
import type { AppDeps } from "../deps.ts";

export function officerApi(_deps: AppDeps) {
  return new OpenAPIHono({ defaultHook: validationHook });
}
