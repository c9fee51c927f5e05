/** Public, read-only facts about the checkpoints. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { checkpointSchema } from "../../domain/checkpoint.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { problems } from "./responses.ts";
import { optionallyKeyed } from "./security.ts";
import { validationHook } from "./validation.ts";

const view = (c: StoredCheckpoint): z.infer<typeof checkpointSchema> => ({
  id: c.id,
  name: c.name,
  names: c.names,
  neighbour: c.neighbour,
  neighbourCheckpoint: c.neighbourCheckpoint,
  config: c.config,
});

export function checkpointApi(deps: AppDeps) {
  // public, as the wait times are: a key, if given, is checked and counted against its own limit
  const common = { tags: ["checkpoints"], ...optionallyKeyed(deps) };
  const listRoute = createRoute({
    ...common,
    method: "get",
    path: "/checkpoints",
    operationId: "listCheckpoints",
    summary: "The checkpoints and their configuration",
    responses: {
      200: {
        description: "All checkpoints",
        content: { "application/json": { schema: z.array(checkpointSchema) } },
      },
      401: problems[401],
      429: problems[429],
    },
  });
  const oneRoute = createRoute({
    ...common,
    method: "get",
    path: "/checkpoints/{id}",
    operationId: "getCheckpoint",
    summary: "One checkpoint and its configuration",
    request: { params: z.object({ id: z.string().max(40) }) },
    responses: {
      200: { description: "The checkpoint", content: { "application/json": { schema: checkpointSchema } } },
      401: problems[401],
      404: problems[404],
      422: problems[422],
      429: problems[429],
    },
  });

  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.openapi(listRoute, (c) => c.json(deps.checkpoints.list().map(view), 200));
  api.openapi(oneRoute, (c) => {
    const cp = deps.checkpoints.get(c.req.valid("param").id);
    return cp ? c.json(view(cp), 200) : problem(c, 404, "Unknown checkpoint", "No checkpoint has that id.");
  });
  return api;
}
