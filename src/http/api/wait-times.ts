/**
 * The public wait-time feed: no key needed, no personal data. Computed for all checkpoints at
 * once and kept for a few seconds, so a thousand pollers cost two queries every few seconds.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import { z } from "zod";
import { estimateWaitMinutes, isOpen, localHour } from "../../domain/wait-times.ts";
import { waitTimeStore } from "../../store/wait-times.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { problems } from "./responses.ts";
import { optionallyKeyed } from "./security.ts";
import { validationHook } from "./validation.ts";

export const WAIT_TIMES_TTL_MS = 5_000;
const HOUR = 3_600_000;

const waitTimeSchema = z
  .object({
    checkpointId: z.string(),
    name: z.string(),
    neighbour: z.string().describe("ISO 3166 alpha-2 of the neighbouring country"),
    open: z.boolean(),
    trucksWaiting: z.number().int().describe("Trucks checked in at the waiting area, not yet called"),
    estimatedWaitMinutes: z
      .number()
      .int()
      .nullable()
      .describe("For a truck checking in now, until it is called; null while the checkpoint is closed"),
    lanesOpen: z.number().int(),
    throughputLastHour: z.number().int().describe("Trucks released or refused in the last hour"),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "WaitTime" });
type WaitTime = z.infer<typeof waitTimeSchema>;

export function waitTimesApi(deps: AppDeps) {
  const store = waitTimeStore(deps.db);
  const compute = (): WaitTime[] => {
    const at = deps.now();
    const counts = store.counts(at - HOUR);
    const updatedAt = new Date(at).toISOString();
    return deps.checkpoints.list().map((cp) => {
      const open = isOpen(cp.config, localHour(at, cp.config.timezone));
      const c = counts.get(cp.id) ?? { trucksWaiting: 0, throughput: 0 };
      const lanesOpen = open ? cp.config.documentLanes : 0;
      return {
        checkpointId: cp.id,
        name: cp.name,
        neighbour: cp.neighbour,
        open,
        trucksWaiting: c.trucksWaiting,
        estimatedWaitMinutes: estimateWaitMinutes({
          trucksWaiting: c.trucksWaiting,
          lanesOpen,
          throughputLastHour: c.throughput,
          dailyLimit: cp.config.dailyLimit,
        }),
        lanesOpen,
        throughputLastHour: c.throughput,
        updatedAt,
      };
    });
  };
  // kept as the JSON text too: serialising it again for every poller cost a tenth of the feed
  let cached: { at: number; all: string; one: Map<string, string> } | null = null;
  const current = () => {
    if (!cached || deps.now() - cached.at >= WAIT_TIMES_TTL_MS) {
      const list = compute();
      cached = {
        at: deps.now(),
        all: JSON.stringify(list),
        one: new Map(list.map((w) => [w.checkpointId, JSON.stringify(w)])),
      };
    }
    return cached;
  };

  // public; a key, if given, is checked and counted against its own rate limit
  const common = { tags: ["wait times"], ...optionallyKeyed(deps) };
  const all = createRoute({
    ...common,
    method: "get",
    path: "/wait-times",
    operationId: "listWaitTimes",
    summary: "Wait times at every checkpoint",
    description: `Public. Recomputed at most every ${WAIT_TIMES_TTL_MS / 1000} s; poll no faster than that.`,
    responses: {
      200: {
        description: "One entry per checkpoint",
        content: { "application/json": { schema: z.array(waitTimeSchema) } },
      },
      401: problems[401],
      429: problems[429],
    },
  });
  const one = createRoute({
    ...common,
    method: "get",
    path: "/checkpoints/{id}/wait-times",
    operationId: "getCheckpointWaitTimes",
    summary: "Wait times at one checkpoint",
    description: `Public. Recomputed at most every ${WAIT_TIMES_TTL_MS / 1000} s.`,
    request: { params: z.object({ id: z.string().max(40) }) },
    responses: {
      200: {
        description: "The checkpoint's wait times",
        content: { "application/json": { schema: waitTimeSchema } },
      },
      401: problems[401],
      404: problems[404],
      422: problems[422],
      429: problems[429],
    },
  });

  const api = new OpenAPIHono({ defaultHook: validationHook });
  const cacheFor = `public, max-age=${WAIT_TIMES_TTL_MS / 1000}`;
  const headers = { "Content-Type": "application/json", "Cache-Control": cacheFor };
  // Text already serialised from values typed by the schema (compute() returns WaitTime[]), sent
  // as is; typed as the JSON it is, since c.json would serialise it a second time.
  const serialised = <T>(c: Context, text: string) =>
    c.body(text, 200, headers) as unknown as Response & TypedResponse<T, 200, "json">;
  api.openapi(all, (c) => serialised<WaitTime[]>(c, current().all));
  api.openapi(one, (c) => {
    const found = current().one.get(c.req.valid("param").id);
    if (!found) return problem(c, 404, "Unknown checkpoint", "No checkpoint has that id.");
    return serialised<WaitTime>(c, found);
  });
  return api;
}
