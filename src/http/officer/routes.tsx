/** The officers' pages. (Placeholder: built by the officer issue.) */
import { Hono } from "hono";
import type { AppDeps } from "../deps.ts";

export function officerRoutes(_deps: AppDeps) {
  const app = new Hono();
  return app;
}
