/**
 * The drivers' JSON API under /api/v1: the same operations as the pages, on the same schema and
 * stores. The crossing id is the capability: whoever holds it may follow and change the crossing.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { STATES } from "../../../machines/types.ts";
import { SEED_RISK_POLICY } from "../../../seed/risk-rules.ts";
import { declarationSchema } from "../../domain/declaration.ts";
import { dayStartOfDate } from "../../domain/slots.ts";
import { fromAcceptLanguage, isLang, translator } from "../../i18n/index.ts";
import { declareNationally } from "../../post-link/declare-nationally.ts";
import { type BookingOutcome, bookingStore } from "../../store/booking.ts";
import { declareRefusal } from "../api/declare-refusal.ts";
import { bodyProblems, problems } from "../api/responses.ts";
import { publicSecurity } from "../api/security.ts";
import { setValidationDescriber, validationHook } from "../api/validation.ts";
import { bodyLimit } from "../body-limit.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { DRIVERLESS_403 } from "./carriers-own.ts";
import { crossingAndCheckpoint, type DriverCrossing, driverCrossingView } from "./crossing-view.ts";
import { gateRefusal } from "./phone-api.ts";
import { phoneGate } from "./phone-gate.ts";

const iso = (ms: number) => new Date(ms).toISOString();

const crossingSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    state: z.enum(STATES),
    checkpointId: z.string(),
    slot: z.object({ start: z.string(), end: z.string() }).nullable(),
    queue: z
      .object({ position: z.number(), ahead: z.number(), estimatedWaitMinutes: z.number().nullable() })
      .nullable(),
    call: z.object({ lane: z.number(), deadline: z.string() }).nullable(),
    history: z.array(z.object({ state: z.enum(STATES), at: z.string() })),
  })
  .meta({ id: "DriverCrossing" });

const slotSchema = z
  .object({
    start: z.string(),
    end: z.string(),
    capacity: z.number(),
    booked: z.number(),
    available: z.number(),
  })
  .meta({ id: "Slot" });

const toJson = (c: DriverCrossing) => ({
  id: c.id,
  code: c.code,
  state: c.state,
  checkpointId: c.checkpointId,
  slot: c.slot ? { start: iso(c.slot.start), end: iso(c.slot.end) } : null,
  queue: c.queue,
  call: c.call ? { lane: c.call.lane, deadline: iso(c.call.deadline) } : null,
  history: c.history.map((h) => ({ state: h.state, at: iso(h.at) })),
});

const idParam = z.object({ id: z.string().min(1).max(40) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
/** The crossing's secret id is the credential: no key, no session. */
const common = { tags: ["drivers"], security: publicSecurity };
/** A change through the drivers' API: limited per address, written to disk. */
const writeProblems = { 429: problems[429], 503: problems[503] };

const declareRoute = createRoute({
  method: "post",
  path: "/crossings",
  ...common,
  operationId: "declareCrossing",
  summary: "Lodge a pre-declaration",
  request: { body: { required: true, ...json(declarationSchema) } },
  responses: {
    201: {
      description: "Declared",
      ...json(
        z.object({ id: z.string(), code: z.string(), state: z.literal("declared"), statusUrl: z.string() }),
      ),
    },
    ...bodyProblems,
    404: problems[404],
    409: problems[409],
    413: problems[413],
    ...writeProblems,
  },
});
const getRoute = createRoute({
  method: "get",
  path: "/crossings/{id}",
  ...common,
  operationId: "getCrossing",
  summary: "A crossing, by its secret id: its state, slot, place in the queue and call",
  request: { params: idParam },
  responses: {
    200: { description: "The crossing", ...json(crossingSchema) },
    404: problems[404],
    422: problems[422],
  },
});
const slotsRoute = createRoute({
  method: "get",
  path: "/checkpoints/{id}/slots",
  ...common,
  operationId: "listSlots",
  summary: "A day's slots with places left",
  request: {
    params: idParam,
    query: z.object({
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
  },
  responses: {
    200: { description: "Slots", ...json(z.array(slotSchema)) },
    404: problems[404],
    422: problems[422],
  },
});
const bookRoute = createRoute({
  method: "post",
  path: "/crossings/{id}/booking",
  ...common,
  operationId: "bookSlot",
  summary: "Book a slot",
  description:
    "Books a declared truck, or moves a booked one in one change (counted against its changes of " +
    "slot). firstAvailable takes the earliest slot with a place left; for a booked truck only one " +
    "earlier than its own, so the same request sent again changes nothing (409: already the first).",
  request: {
    params: idParam,
    body: {
      required: true,
      ...json(
        z.union([
          z.strictObject({ slotStart: z.iso.datetime() }),
          // the earliest slot with a place left, whatever its time
          z.strictObject({ firstAvailable: z.literal(true) }),
        ]),
      ),
    },
  },
  responses: {
    201: { description: "Booked", ...json(crossingSchema) },
    ...bodyProblems,
    // issue 13: the phone's one-time code first (phone-api.ts), and the caps per phone and address
    403: {
      ...problems[403],
      description: `Confirm the driver's phone first (see phone-code); or: ${DRIVERLESS_403}`,
    },
    404: problems[404],
    409: problems[409],
    413: problems[413],
    ...writeProblems,
    429: { ...problems[429], description: "Too many writes, or too many bookings from this address today" },
  },
});
const unbookRoute = createRoute({
  method: "delete",
  path: "/crossings/{id}/booking",
  ...common,
  operationId: "cancelBooking",
  summary: "Give the place back: the crossing is declared again, without a slot",
  request: { params: idParam },
  responses: {
    200: { description: "Declared again", ...json(crossingSchema) },
    403: { ...problems[403], description: DRIVERLESS_403 },
    404: problems[404],
    409: problems[409],
    422: problems[422],
    ...writeProblems,
  },
});
const cancelRoute = createRoute({
  method: "delete",
  path: "/crossings/{id}",
  ...common,
  operationId: "cancelCrossing",
  summary: "Cancel the crossing",
  request: { params: idParam },
  responses: {
    200: { description: "Cancelled", ...json(crossingSchema) },
    403: { ...problems[403], description: DRIVERLESS_403 },
    404: problems[404],
    409: problems[409],
    422: problems[422],
    ...writeProblems,
  },
});

export function driverApi(deps: AppDeps) {
  // field messages in the caller's language (?lang, then Accept-Language), English by default
  setValidationDescriber((key, c) => {
    const q = c.req.query("lang");
    const lang = isLang(q) ? q : (fromAcceptLanguage(c.req.header("accept-language")) ?? "en");
    return translator(lang)(key);
  });
  const booking = bookingStore(deps.db, deps.crossings);
  const view = driverCrossingView(deps.db);
  const en = translator("en");
  const api = new OpenAPIHono({ defaultHook: validationHook });
  // a pre-declaration is a few hundred bytes; a huge body is refused before it is read
  // ("/crossings/*" matches "/crossings" too in Hono: one entry, or a declaration paid twice)
  api.use(
    "/crossings/*",
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => problem(c, 413, "Body too large", "Send at most 64 KB; nothing was saved."),
    }),
  );

  const load = (id: string) => crossingAndCheckpoint(deps, id);
  const gate = phoneGate(deps);
  const notFound = "No crossing has that id; check the link you were given.";

  api.openapi(declareRoute, async (c) => {
    const declaration = c.req.valid("json");
    const cp = deps.checkpoints.get(declaration.checkpointId);
    if (!cp) return problem(c, 404, "Unknown checkpoint", "No checkpoint has that id; nothing was saved.");
    const outcome = await declareNationally(deps.national, deps.crossings, {
      declaration,
      risk: SEED_RISK_POLICY,
      sample: deps.random(),
      at: deps.now(),
      actor: { kind: "driver", id: "api" },
      policy: cp.config,
    });
    if (!outcome.ok && "heldAtPost" in outcome)
      return problem(c, 409, "Already on the way", en("hub.heldElsewhere", { post: outcome.heldAtPost }));
    if (!outcome.ok) return declareRefusal(c, outcome, en);
    const row = outcome.crossing.row;
    return c.json({ id: row.id, code: row.code, state: "declared" as const, statusUrl: `/c/${row.id}` }, 201);
  });

  api.openapi(getRoute, (c) => {
    const found = load(c.req.valid("param").id);
    if (!found) return problem(c, 404, "Not found", notFound);
    return c.json(toJson(view(found.stored, found.cp, deps.now())), 200);
  });

  api.openapi(slotsRoute, (c) => {
    const cp = deps.checkpoints.get(c.req.valid("param").id);
    if (!cp) return problem(c, 404, "Unknown checkpoint", "No checkpoint has that id.");
    const now = deps.now();
    const date = c.req.valid("query").date;
    const from = date ? dayStartOfDate(date, cp.config.timezone) : now;
    if (from === null) return problem(c, 422, "Invalid date", "Give the date as YYYY-MM-DD.");
    const perDay = 1440 / cp.config.slotMinutes;
    const slots = booking
      .slots(cp, from, perDay, now)
      .filter((s) => s.start < from + 86_400_000 || !date)
      .map((s) => ({ ...s, start: iso(s.start), end: iso(s.end) }));
    return c.json(slots, 200);
  });

  /** A refused booking change as a problem a person can act on. */
  const refusal = (c: Parameters<typeof problem>[0], o: Extract<BookingOutcome, { ok: false }>) => {
    const detail = o.reason.startsWith("book.") ? en(o.reason) : `Not possible now: ${o.reason}.`;
    return problem(c, o.status === 404 ? 404 : 409, "Refused", `${detail} Nothing was changed.`);
  };

  api.openapi(bookRoute, async (c) => {
    const id = c.req.valid("param").id;
    const found = load(id);
    if (!found) return problem(c, 404, "Not found", notFound);
    const body = c.req.valid("json");
    const held = gate.beforeBooking(c, found);
    if (!held.ok) return gateRefusal(c, held);
    const driver = { kind: "driver" as const, id };
    const start = "firstAvailable" in body ? "first" : Date.parse(body.slotStart);
    const o = await booking.bookTogether(found.cp, id, start, deps.now(), driver);
    if (!o.ok && o.status === 422)
      return problem(c, 422, "Slot not bookable", `${en(o.reason)} Nothing was changed.`);
    if (!o.ok) return refusal(c, o);
    gate.booked(c);
    return c.json(toJson(view(o.crossing, found.cp, deps.now())), 201);
  });

  api.openapi(unbookRoute, (c) => {
    const id = c.req.valid("param").id;
    const found = load(id);
    if (!found) return problem(c, 404, "Not found", notFound);
    const o = booking.cancelBooking(found.cp, id, deps.now(), { kind: "driver", id });
    if (!o.ok) return refusal(c, o);
    return c.json(toJson(view(o.crossing, found.cp, deps.now())), 200);
  });

  api.openapi(cancelRoute, (c) => {
    const id = c.req.valid("param").id;
    const found = load(id);
    if (!found) return problem(c, 404, "Not found", notFound);
    const o = booking.cancelCrossing(found.cp, id, deps.now(), { kind: "driver", id });
    if (!o.ok) return refusal(c, o);
    return c.json(toJson(view(o.crossing, found.cp, deps.now())), 200);
  });

  return api;
}
