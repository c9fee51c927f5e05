/**
 * The event feed for cargo monitoring: every change of every crossing, in order, resumable from
 * the last `seq` seen. A monitor key reads every crossing without personal data; a carrier key
 * reads its own crossings only.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { feedEventSchema, toFeedEvent } from "../../domain/event-feed.ts";
import { eventFeedStore } from "../../store/event-feed.ts";
import { type ApiKeyEnv, callerOf } from "../api-auth.ts";
import type { AppDeps } from "../deps.ts";
import { keyProblems, problems } from "./responses.ts";
import { keyed } from "./security.ts";
import { validationHook } from "./validation.ts";

export const MAX_PAGE = 1000;

const feedPageSchema = z
  .object({
    events: z.array(feedEventSchema),
    next: z.number().int().describe("Pass as `after` to read on; equal to `after` when nothing is new"),
    hasMore: z.boolean().describe("True when the page was full: read on at once"),
  })
  .meta({ id: "EventPage" });

export function eventsApi(deps: AppDeps) {
  const feed = eventFeedStore(deps.db);
  const route = createRoute({
    method: "get",
    path: "/events",
    operationId: "listEvents",
    tags: ["events"],
    summary: "Crossing events in order, after a cursor",
    description:
      "Every accepted change of state of every crossing, oldest first. Start with after=0, then pass " +
      "`next`. A monitor key sees every crossing without personal data (no plate, no names, no phones, " +
      "no free text); a carrier key sees only the crossings it created, with their plates.",
    ...keyed(deps, "events:read"),
    request: {
      query: z.object({
        after: z.coerce.number().int().min(0).default(0).describe("The last seq you have seen"),
        limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
        checkpoint: z.string().max(40).optional().describe("Only this checkpoint's crossings"),
      }),
    },
    responses: {
      200: { description: "A page of events", content: { "application/json": { schema: feedPageSchema } } },
      ...keyProblems,
      422: problems[422],
    },
  });

  const api = new OpenAPIHono<ApiKeyEnv>({ defaultHook: validationHook });
  api.openapi(route, (c) => {
    const caller = callerOf(c);
    const { after, limit, checkpoint } = c.req.valid("query");
    const carrier = caller?.kind === "carrier";
    const events = feed
      .after({ after, limit, checkpointId: checkpoint, owner: carrier ? caller.keyId : null })
      .map((e) => toFeedEvent(e, carrier ? "carrier" : "monitor"));
    const next = events.at(-1)?.seq ?? after;
    return c.json({ events, next, hasMore: events.length === limit }, 200);
  });
  return api;
}
