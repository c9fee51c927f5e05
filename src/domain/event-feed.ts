/**
 * One crossing event as the outside world sees it: the event feed and the webhooks send this.
 * Built from an allow-list per event type, so a field added to an event later stays private
 * until someone decides otherwise. No one outside customs sees the channel or the risk reasons;
 * a monitor sees no personal data at all: no plate, no actor, no free text (a hold's list of
 * documents or a cancellation reason may name a person), and not the crossing's id either: that
 * id is the driver's secret link to the crossing's page, so a monitor gets a stable pseudonym.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { EVENT_TYPES, GATE_REASON_CODES, STATES } from "../../machines/types.ts";

/** monitor: every crossing, anonymised; carrier: its own crossings, with their plate and reasons */
export type FeedAudience = "monitor" | "carrier";

export interface StoredEvent {
  seq: number;
  crossingId: string;
  checkpointId: string;
  plate: string;
  n: number;
  type: string;
  payload: Record<string, unknown>;
  fromState: string | null;
  toState: string;
  at: number;
  actorKind: string;
  /** GATE_READ only: why the gate sent the truck to a manned lane (issue 22) */
  gateReasonCode?: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const FEED_EVENT_TYPES = ["DECLARE", ...EVENT_TYPES] as [string, ...string[]];

export const feedEventSchema = z
  .object({
    seq: z.number().int().describe("Global order of events; resume the feed after the last one you saw"),
    crossingId: z
      .string()
      .describe(
        "The crossing's id for a carrier; for a monitor a stable pseudonym (the same for each event)",
      ),
    checkpointId: z.string(),
    n: z.number().int().describe("0 is the declaration, then 1, 2, ... per crossing"),
    type: z.enum(FEED_EVENT_TYPES).describe("DECLARE starts a crossing; the others are the machine's events"),
    from: z.enum(STATES).nullable(),
    to: z.enum(STATES),
    at: z.iso.datetime(),
    actorKind: z.enum(["driver", "officer", "supervisor", "device", "system", "carrier"]),
    plate: z.string().optional().describe("Only in a carrier's feed of its own crossings"),
    details: z.object({
      priority: z.string().optional(),
      slot: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }).optional(),
      lane: z.number().int().optional(),
      deadline: z.iso.datetime().optional(),
      documentCheckPassed: z.boolean().optional(),
      reasonCode: z.string().optional().describe("Carrier only: why the truck was refused"),
      documents: z.string().optional().describe("Carrier only: the documents a hold asks for"),
      barrier: z
        .enum(["open", "closed"])
        .optional()
        .describe("GATE_READ: open, released through the Smart Customs lane; closed, sent to a manned lane"),
      gateReasonCode: z
        .enum(GATE_REASON_CODES)
        .optional()
        .describe("Carrier only, GATE_READ: why the truck was sent to a manned lane"),
    }),
  })
  .meta({ id: "CrossingEvent" });
export type FeedEvent = z.infer<typeof feedEventSchema>;

const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

function detailsOf(e: StoredEvent, audience: FeedAudience): FeedEvent["details"] {
  const p = e.payload;
  const d: FeedEvent["details"] = {};
  switch (e.type) {
    case "DECLARE":
      d.priority = str(p.priority);
      break;
    case "BOOK": {
      const slot = p.slot as { start?: unknown; end?: unknown } | undefined;
      const start = num(slot?.start);
      const end = num(slot?.end);
      if (start !== undefined && end !== undefined) d.slot = { start: iso(start), end: iso(end) };
      break;
    }
    case "CALL": {
      d.lane = num(p.lane);
      const deadline = num(p.deadline);
      if (deadline !== undefined) d.deadline = iso(deadline);
      break;
    }
    case "RECORD_DOCUMENT_CHECK":
      d.documentCheckPassed = typeof p.passed === "boolean" ? p.passed : undefined;
      break;
    case "REFUSE":
      if (audience === "carrier") d.reasonCode = str(p.reasonCode);
      break;
    case "HOLD":
      if (audience === "carrier") d.documents = str(p.documents);
      break;
    case "GATE_READ":
      d.barrier = e.toState === "released" ? "open" : "closed";
      if (audience === "carrier" && e.gateReasonCode)
        d.gateReasonCode = e.gateReasonCode as FeedEvent["details"]["gateReasonCode"];
      break;
  }
  for (const k of Object.keys(d) as (keyof typeof d)[]) if (d[k] === undefined) delete d[k];
  return d;
}

/** One-way: the id is 126 random bits, so its hash cannot be walked back to it. */
export const crossingPseudonym = (crossingId: string) =>
  `p_${createHash("sha256").update(crossingId).digest("base64url").slice(0, 22)}`;

export function toFeedEvent(e: StoredEvent, audience: FeedAudience): FeedEvent {
  return {
    seq: e.seq,
    crossingId: audience === "carrier" ? e.crossingId : crossingPseudonym(e.crossingId),
    checkpointId: e.checkpointId,
    n: e.n,
    type: e.type,
    from: e.fromState as FeedEvent["from"],
    to: e.toState as FeedEvent["to"],
    at: iso(e.at),
    actorKind: e.actorKind as FeedEvent["actorKind"],
    ...(audience === "carrier" ? { plate: e.plate } : {}),
    details: detailsOf(e, audience),
  };
}
