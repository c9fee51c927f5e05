/** Public, read-only facts about the checkpoints. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { checkpointSchema } from "../../domain/checkpoint.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { problems } from "./responses.ts";
import { validationHook } from "./validation.ts";

const view = (c: StoredCheckpoint): z.infer<typeof checkpointSchema> => ({
  id: c.id,
  name: c.name,
  names: c.names,
  neighbour: c.neighbour,
  neighbourCheckpoint: c.neighbourCheckpoint,
  config: c.config,
});

const listRoute = createRoute({
  method: "get",
  path: "/checkpoints",
  tags: ["checkpoints"],
  summary: "The checkpoints and their configuration",
  responses: {
    200: {
      description: "All checkpoints",
      content: { "application/json": { schema: z.array(checkpointSchema) } },
    },
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/checkpoints/{id}",
  tags: ["checkpoints"],
  summary: "One checkpoint and its configuration",
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: {
    200: { description: "The checkpoint", content: { "application/json": { schema: checkpointSchema } } },
    404: problems[404],
  },
});

export function checkpointApi(deps: AppDeps) {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.openapi(listRoute, (c) => c.json(deps.checkpoints.list().map(view), 200));
  api.openapi(oneRoute, (c) => {
    const cp = deps.checkpoints.get(c.req.valid("param").id);
    return cp ? c.json(view(cp), 200) : problem(c, 404, "Unknown checkpoint", "No checkpoint has that id.");
  });
  return api;
}
