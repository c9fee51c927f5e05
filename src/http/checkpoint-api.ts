/** Public, read-only facts about the checkpoints. */
import { Hono } from "hono";
import type { AppDeps } from "./deps.ts";
import { problem } from "./problem.ts";

export function checkpointApi(deps: AppDeps) {
  const api = new Hono();
  const view = (c: NonNullable<ReturnType<AppDeps["checkpoints"]["get"]>>) => ({
    id: c.id,
    name: c.name,
    names: c.names,
    neighbour: c.neighbour,
    neighbourCheckpoint: c.neighbourCheckpoint,
    config: c.config,
  });
  api.get("/checkpoints", (c) => c.json(deps.checkpoints.list().map(view)));
  api.get("/checkpoints/:id", (c) => {
    const cp = deps.checkpoints.get(c.req.param("id"));
    return cp ? c.json(view(cp)) : problem(c, 404, "Unknown checkpoint", "No checkpoint has that id.");
  });
  return api;
}
