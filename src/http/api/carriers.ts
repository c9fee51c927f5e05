/**
 * A carrier's platform with a carrier key: lodges pre-declarations for its trucks and reads its
 * own crossings, never another carrier's. The crossing's id it gets back is the same secret link a
 * driver gets, so the carrier can pass it on to its driver.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { type CrossingContext, GATE_REASON_CODES, STATES } from "../../../machines/types.ts";
import { SEED_RISK_POLICY } from "../../../seed/risk-rules.ts";
import { declarationSchema } from "../../domain/declaration.ts";
import { translator } from "../../i18n/index.ts";
import { declareNationally } from "../../post-link/declare-nationally.ts";
import { bookingStore } from "../../store/booking.ts";
import { carrierCrossingStore } from "../../store/carrier-crossings.ts";
import type { CrossingRow, StoredCrossing } from "../../store/crossings.ts";
import { type ApiKeyEnv, actorOf, callerOf } from "../api-auth.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { declareRefusal } from "./declare-refusal.ts";
import { bodyProblems, keyedWriteProblems, keyProblems, problems } from "./responses.ts";
import { keyed } from "./security.ts";
import { validationHook } from "./validation.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** No channel and no risk reasons: those are customs' own. */
export const carrierCrossingSchema = z
  .object({
    id: z.string().describe("The crossing's id: also the driver's secret link; keep it private"),
    code: z.string().describe("The 8-character booking code on the pass"),
    checkpointId: z.string(),
    plate: z.string(),
    direction: z.enum(["export", "import", "transit"]),
    state: z.enum(STATES),
    priority: z.string(),
    slot: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }).nullable(),
    checkedInAt: z.iso.datetime().nullable(),
    lane: z.number().int().nullable(),
    callDeadline: z.iso.datetime().nullable(),
    declaration: declarationSchema,
    driverless: z
      .boolean()
      .describe("No driver: this carrier's system is told everything, no phone anything"),
    gate: z
      .object({
        barrier: z.enum(["open", "closed"]),
        reasonCode: z.enum(GATE_REASON_CODES).nullable(),
        at: z.iso.datetime(),
      })
      .nullable()
      .describe("What the Smart Customs gate decided when it read the truck; null before"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "CarrierCrossing" });
type CarrierCrossing = z.infer<typeof carrierCrossingSchema>;

const gateOf = (row: CrossingRow): CarrierCrossing["gate"] => {
  const gate = (JSON.parse(row.snapshot) as CrossingContext).gate;
  if (!gate) return null;
  const barrier = gate.decision === "released" ? ("open" as const) : ("closed" as const);
  return { barrier, reasonCode: gate.reasonCode, at: new Date(gate.at).toISOString() };
};

const view = (row: CrossingRow): CarrierCrossing => ({
  id: row.id,
  code: row.code,
  checkpointId: row.checkpoint_id,
  plate: row.plate,
  direction: row.direction as CarrierCrossing["direction"],
  state: row.state,
  priority: row.priority,
  slot:
    row.slot_start !== null && row.slot_end !== null
      ? { start: new Date(row.slot_start).toISOString(), end: new Date(row.slot_end).toISOString() }
      : null,
  checkedInAt: iso(row.checked_in_at),
  lane: row.lane,
  callDeadline: iso(row.call_deadline),
  declaration: JSON.parse(row.declaration),
  driverless: row.driverless === 1,
  gate: gateOf(row),
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

const pageSchema = z
  .object({
    crossings: z.array(carrierCrossingSchema),
    next: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  })
  .meta({ id: "CarrierCrossingPage" });

export function carriersApi(deps: AppDeps) {
  const own = carrierCrossingStore(deps.db);
  const booking = bookingStore(deps.db, deps.crossings);
  const base = (scope: "crossings:read" | "crossings:write") => ({
    tags: ["carriers"],
    ...keyed(deps, scope),
  });

  const declare = createRoute({
    ...base("crossings:write"),
    method: "post",
    path: "/carrier/crossings",
    operationId: "declareCarrierCrossing",
    summary: "Lodge a truck's pre-declaration for this carrier",
    description:
      "The same pre-declaration a driver lodges; customs' risk rules pick the channel (not shown). The " +
      "crossing belongs to this key: only it reads the crossing through the carrier routes.",
    request: { body: { required: true, content: { "application/json": { schema: declarationSchema } } } },
    responses: {
      201: { description: "Declared", content: { "application/json": { schema: carrierCrossingSchema } } },
      ...keyProblems,
      ...bodyProblems,
      404: problems[404],
      409: problems[409],
      503: problems[503],
    },
  });
  const list = createRoute({
    ...base("crossings:read"),
    method: "get",
    path: "/carrier/crossings",
    operationId: "listCarrierCrossings",
    summary: "This carrier's crossings, newest first",
    request: {
      query: z.object({
        checkpoint: z.string().max(40).optional(),
        state: z.enum(STATES).optional(),
        from: z.iso.datetime({ offset: true }).optional().describe("Declared at or after"),
        to: z.iso.datetime({ offset: true }).optional().describe("Declared before"),
        cursor: z
          .string()
          .regex(/^\d{1,15}$/)
          .optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: {
      200: { description: "A page of crossings", content: { "application/json": { schema: pageSchema } } },
      ...keyProblems,
      422: problems[422],
    },
  });
  const one = createRoute({
    ...base("crossings:read"),
    method: "get",
    path: "/carrier/crossings/{id}",
    operationId: "getCarrierCrossing",
    summary: "One of this carrier's crossings",
    request: { params: z.object({ id: z.string().max(40) }) },
    responses: {
      200: {
        description: "The crossing",
        content: { "application/json": { schema: carrierCrossingSchema } },
      },
      ...keyProblems,
      404: problems[404],
      422: problems[422],
    },
  });

  const book = createRoute({
    ...base("crossings:write"),
    method: "post",
    path: "/carrier/crossings/{id}/booking",
    operationId: "bookCarrierCrossing",
    summary: "Book an arrival slot for one of this carrier's crossings",
    description:
      "How a carrier's system books its trucks, a driverless one above all (issue 22): the key is the " +
      "carrier's identity, so no driver's phone is asked for. A booked slot can be changed by booking " +
      "again; firstAvailable moves a booked truck only to an earlier slot, so a retry changes nothing. " +
      "409 says why not (a full slot, the daily limit, already the first available).",
    request: {
      params: z.object({ id: z.string().max(40) }),
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.union([
              z.strictObject({ slotStart: z.iso.datetime() }),
              z.strictObject({ firstAvailable: z.literal(true) }),
            ]),
          },
        },
      },
    },
    responses: {
      201: { description: "Booked", content: { "application/json": { schema: carrierCrossingSchema } } },
      ...keyedWriteProblems,
    },
  });

  const api = new OpenAPIHono<ApiKeyEnv>({ defaultHook: validationHook });
  const en = translator("en");
  api.openapi(declare, async (c) => {
    const caller = callerOf(c);
    if (!caller) return problem(c, 401, "API key required", "Send your API key.");
    const declaration = c.req.valid("json");
    const cp = deps.checkpoints.get(declaration.checkpointId);
    if (!cp) return problem(c, 404, "Unknown checkpoint", "No checkpoint has that id.");
    const outcome = await declareNationally(deps.national, deps.crossings, {
      declaration,
      risk: SEED_RISK_POLICY,
      sample: deps.random(),
      at: deps.now(),
      actor: actorOf(caller),
      owner: caller.keyId,
      policy: cp.config,
    });
    if (!outcome.ok && "heldAtPost" in outcome)
      return problem(
        c,
        409,
        "Already on the way",
        "This truck already has an active crossing at another border post.",
      );
    if (!outcome.ok) return declareRefusal(c, outcome, en);
    return c.json(view(outcome.crossing.row), 201);
  });
  api.openapi(list, (c) => {
    const caller = callerOf(c);
    if (!caller) return problem(c, 401, "API key required", "Send your API key.");
    const q = c.req.valid("query");
    const rows = own.list({
      owner: caller.keyId,
      checkpointId: q.checkpoint,
      state: q.state,
      from: q.from ? Date.parse(q.from) : undefined,
      to: q.to ? Date.parse(q.to) : undefined,
      before: q.cursor ? Number(q.cursor) : undefined,
      limit: q.limit,
    });
    const last = rows.at(-1);
    return c.json(
      { crossings: rows.map(view), next: rows.length === q.limit && last ? String(last.cursor) : null },
      200,
    );
  });
  api.openapi(book, async (c) => {
    const caller = callerOf(c);
    const found = deps.crossings.get(c.req.valid("param").id);
    const cp = found ? deps.checkpoints.get(found.row.checkpoint_id) : null;
    if (!caller || !found || !cp || found.row.owner !== caller.keyId) {
      return problem(c, 404, "Unknown crossing", "This key has no crossing with that id.");
    }
    const body = c.req.valid("json");
    const start = "firstAvailable" in body ? "first" : Date.parse(body.slotStart);
    const o = await booking.bookTogether(cp, found.row.id, start, deps.now(), actorOf(caller));
    if (!o.ok && o.status === 422)
      return problem(c, 422, "Slot not bookable", `${en(o.reason)} Nothing was changed.`);
    if (!o.ok && o.status === 404)
      return problem(c, 404, "Unknown crossing", "This key has no crossing with that id.");
    if (!o.ok) {
      const detail = o.reason.startsWith("book.") ? en(o.reason) : `Not possible now: ${o.reason}.`;
      return problem(c, 409, "Refused", `${detail} Nothing was changed.`);
    }
    return c.json(view(o.crossing.row), 201);
  });
  api.openapi(one, (c) => {
    const caller = callerOf(c);
    const found: StoredCrossing | null = deps.crossings.get(c.req.valid("param").id);
    // another carrier's crossing is answered exactly like a missing one: its existence is not ours to tell
    if (!caller || !found || found.row.owner !== caller.keyId) {
      return problem(c, 404, "Unknown crossing", "This key has no crossing with that id.");
    }
    return c.json(view(found.row), 200);
  });
  return api;
}
