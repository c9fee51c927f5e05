/**
 * Who may do what through the open API: the kinds of API key and the scopes each may hold.
 * Pure data and one schema, shared by the admin form, the store and the middleware.
 */
import { z } from "zod";
import { hasControlCharacters } from "./text.ts";

export const API_KEY_KINDS = ["carrier", "device", "monitor", "gate"] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

export const API_SCOPES = [
  "crossings:read",
  "crossings:write",
  "events:read",
  "webhooks:manage",
  "checkpoint:check-in",
  "checkpoint:lane",
  "wait-times:read",
  "checkpoint:gate",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What each kind may be given; a key holds these or fewer. */
export const SCOPES_OF_KIND: Record<ApiKeyKind, readonly ApiScope[]> = {
  // a carrier's platform: its own crossings only, and their events
  carrier: ["crossings:read", "crossings:write", "events:read", "webhooks:manage"],
  // an ANPR camera or an unmanned lane's gate at one checkpoint
  device: ["checkpoint:check-in", "checkpoint:lane"],
  // a cargo-monitoring service: every crossing's events without personal data, and the wait times
  monitor: ["events:read", "webhooks:manage", "wait-times:read"],
  // the Smart Customs lane's gate at one checkpoint (issue 22): reads a vehicle, lifts the barrier or not
  gate: ["checkpoint:gate"],
};

/** Kinds that belong to one checkpoint: what they do happens there and nowhere else. */
export const KINDS_AT_A_CHECKPOINT: readonly ApiKeyKind[] = ["device", "gate"];

export const DEFAULT_RATE_LIMIT_PER_MINUTE: Record<ApiKeyKind, number> = {
  carrier: 120,
  // a camera reads every passing truck
  device: 600,
  monitor: 120,
  // every truck of the Smart Customs lane, read once or twice
  gate: 600,
};

export const newApiKeySchema = z
  .object({
    kind: z.enum(API_KEY_KINDS, { error: "v.keyKind" }),
    label: z
      .string({ error: "v.required" })
      .trim()
      .min(1, "v.required")
      .max(100, "v.tooLong")
      .refine((s) => !hasControlCharacters(s), "v.controlCharacters"),
    checkpointId: z.string().trim().max(40).optional(),
    scopes: z.array(z.enum(API_SCOPES)).optional(),
    rateLimitPerMinute: z.coerce.number().int().min(1, "v.rateLimit").max(100_000, "v.rateLimit").optional(),
  })
  .superRefine((k, ctx) => {
    const atCheckpoint = KINDS_AT_A_CHECKPOINT.includes(k.kind);
    if (atCheckpoint && !k.checkpointId) {
      ctx.addIssue({ code: "custom", path: ["checkpointId"], message: "v.deviceCheckpoint" });
    }
    if (!atCheckpoint && k.checkpointId) {
      ctx.addIssue({ code: "custom", path: ["checkpointId"], message: "v.onlyDevicesHaveCheckpoint" });
    }
    const allowed = SCOPES_OF_KIND[k.kind];
    for (const s of k.scopes ?? []) {
      if (!allowed.includes(s)) ctx.addIssue({ code: "custom", path: ["scopes"], message: "v.scopeForKind" });
    }
  });
export type NewApiKey = z.infer<typeof newApiKeySchema>;
