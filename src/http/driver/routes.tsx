/** The drivers' pages. (Placeholder: built by the driver issue.) */
import { Hono } from "hono";
import type { AppDeps } from "../deps.ts";

export function driverRoutes(_deps: AppDeps) {
  const app = new Hono();
  return app;
}
