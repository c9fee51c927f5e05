/**
 * Webhook subscriptions, managed by the key that owns them: a carrier's receive its own
 * crossings' events, a monitor's every event without personal data (the same view as the feed).
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { feedEventSchema } from "../../domain/event-feed.ts";
import { type Subscription, webhookStore } from "../../store/webhooks.ts";
import { isPrivateHost } from "../../webhooks/send.ts";
import { type ApiKeyEnv, callerOf } from "../api-auth.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { bodyProblems, keyProblems, problems } from "./responses.ts";
import { keyed, publicSecurity } from "./security.ts";
import { validationHook } from "./validation.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const subscriptionSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    createdAt: z.iso.datetime(),
    backlog: z.number().int().describe("Events waiting to be delivered"),
    oldestWaitingAt: z.iso.datetime().nullable(),
    deliveredCount: z.number().int(),
    lastDeliveredAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "WebhookSubscription" });

const view = (s: Subscription): z.infer<typeof subscriptionSchema> => ({
  id: s.id,
  url: s.url,
  createdAt: new Date(s.createdAt).toISOString(),
  backlog: s.backlog,
  oldestWaitingAt: iso(s.oldestWaitingAt),
  deliveredCount: s.deliveredCount,
  lastDeliveredAt: iso(s.lastDeliveredAt),
  lastError: s.lastError,
  lastErrorAt: iso(s.lastErrorAt),
});

const newSubscriptionSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: "v.webhookUrl" })
      .max(2000, "v.tooLong")
      .describe("Where to POST each event"),
    secret: z
      .string({ error: "v.required" })
      .min(16, "v.webhookSecret")
      .max(200, "v.tooLong")
      .describe("Your secret for the HMAC-SHA256 signature; at least 16 characters, kept by Shekara"),
  })
  .meta({ id: "NewWebhookSubscription" });

const DELIVERY_DOC =
  "Each event is POSTed as JSON `{ subscriptionId, event }` (event as in GET /events) with the header " +
  "`Shekara-Signature: t=<unix seconds>,v1=<hex>`, v1 = HMAC-SHA256(secret, `<t>.<raw body>`), and " +
  "`Shekara-Event-Seq`. Answer 2xx to acknowledge. Anything else, or no answer in 10 s, is retried with " +
  "exponential backoff until it succeeds. Events of one crossing arrive in order; a delivery may repeat " +
  "(deduplicate on seq) but is never skipped.";

export function webhooksApi(deps: AppDeps) {
  const store = webhookStore(deps.db);
  const base = { tags: ["webhooks"], ...keyed(deps, "webhooks:manage") };

  const create = createRoute({
    ...base,
    method: "post",
    path: "/webhooks",
    operationId: "subscribeWebhook",
    summary: "Subscribe a URL to crossing events",
    description: DELIVERY_DOC,
    request: { body: { required: true, content: { "application/json": { schema: newSubscriptionSchema } } } },
    responses: {
      201: { description: "Subscribed", content: { "application/json": { schema: subscriptionSchema } } },
      ...keyProblems,
      ...bodyProblems,
      409: { ...problems[409], description: "The key holds as many subscriptions as it may" },
      503: problems[503],
    },
  });
  const list = createRoute({
    ...base,
    method: "get",
    path: "/webhooks",
    operationId: "listWebhooks",
    summary: "This key's subscriptions, with their backlog and last error",
    responses: {
      200: {
        description: "Subscriptions",
        content: { "application/json": { schema: z.array(subscriptionSchema) } },
      },
      ...keyProblems,
    },
  });
  const remove = createRoute({
    ...base,
    method: "delete",
    path: "/webhooks/{id}",
    operationId: "unsubscribeWebhook",
    summary: "Unsubscribe; events still waiting are dropped",
    request: { params: z.object({ id: z.string().max(40) }) },
    responses: {
      204: { description: "Unsubscribed" },
      ...keyProblems,
      404: problems[404],
      422: problems[422],
      503: problems[503],
    },
  });

  const api = new OpenAPIHono<ApiKeyEnv>({ defaultHook: validationHook });
  // What Shekara sends to a subscriber, described in the document's own `webhooks` section.
  api.openAPIRegistry.registerWebhook({
    method: "post",
    path: "/crossing-event",
    operationId: "receiveCrossingEvent",
    tags: ["webhooks"],
    summary: "One crossing event, POSTed to each subscription's URL",
    description: DELIVERY_DOC,
    // no key: the subscriber checks the Shekara-Signature header against its own secret instead
    security: publicSecurity,
    request: {
      headers: z.object({
        "Shekara-Signature": z.string().describe("t=<unix seconds>,v1=<hex HMAC-SHA256 of `<t>.<body>`>"),
        "Shekara-Event-Seq": z.string().describe("The event's seq: deduplicate repeats on it"),
        "Shekara-Delivery": z.string().describe("This delivery's id in the outbox"),
      }),
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z
              .object({ subscriptionId: z.string(), event: feedEventSchema })
              .meta({ id: "WebhookDelivery" }),
          },
        },
      },
    },
    responses: {
      200: { description: "Any 2xx acknowledges the event; anything else is retried with backoff" },
    },
  });
  api.openapi(create, (c) => {
    const caller = callerOf(c);
    if (!caller) return problem(c, 401, "API key required", "Send your API key.");
    const { url, secret } = c.req.valid("json");
    if (!deps.allowPrivateWebhookUrls && isPrivateHost(new URL(url))) {
      const errors = [
        { field: "url", message: "a private or loopback address; give an address on the internet" },
      ];
      return problem(c, 422, "Invalid request", "Webhooks cannot be delivered to private addresses here.", {
        errors,
      });
    }
    // each subscription multiplies every event's outbox rows: one key may not hold hundreds
    // (counted and written with no await between, so two requests cannot both pass the count)
    const cap = deps.webhookSubscriptionsPerKey;
    if (store.ofKey(caller.keyId).length >= cap)
      return problem(
        c,
        409,
        "Too many subscriptions",
        `This key has ${cap} subscriptions, as many as one key may hold; remove one first. Nothing was changed.`,
      );
    const sub = store.subscribe({ keyId: caller.keyId, url, secret, at: deps.now() });
    return c.json(view(sub), 201);
  });
  api.openapi(list, (c) => {
    const caller = callerOf(c);
    if (!caller) return problem(c, 401, "API key required", "Send your API key.");
    return c.json(store.ofKey(caller.keyId).map(view), 200);
  });
  api.openapi(remove, (c) => {
    const caller = callerOf(c);
    if (!caller) return problem(c, 401, "API key required", "Send your API key.");
    const done = store.unsubscribe(c.req.valid("param").id, caller.keyId, deps.now());
    return done
      ? c.body(null, 204)
      : problem(c, 404, "Unknown subscription", "This key has no subscription with that id.");
  });
  return api;
}
