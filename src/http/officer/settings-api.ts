/**
 * The supervisor's shift settings in the JSON API, beside the form: the same schema and the same
 * store, so a checkpoint's own systems (the neighbour's announced acceptance for the day, say) can
 * set the daily limit without a person retyping it. Signed in as the dashboard is; supervisors only.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { localDateTime } from "../../../views/local-time.ts";
import { sessionStore } from "../../auth/sessions.ts";
import { changeSchema, type SupervisorSettings, settingsSchema } from "../../domain/supervisor-settings.ts";
import { checkpointSettingsStore } from "../../store/checkpoint-settings.ts";
import { problems } from "../api/responses.ts";
import { validationHook } from "../api/validation.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { refusals } from "./api.ts";
import { officerActor, officerSession } from "./api-session.ts";

const security = [{ officerSession: [] }];
const params = z.object({ checkpointId: z.string().max(40) });
const settings = settingsSchema.meta({ id: "ShiftSettings" });
const saved = z
  .object({
    changed: z.array(z.string()).describe("the settings that changed"),
    movedBookings: z.number().int().describe("bookings moved to later slots by a lowered daily limit"),
  })
  .meta({ id: "ShiftSettingsSaved" });

export function officerSettingsApi(deps: AppDeps) {
  const store = checkpointSettingsStore(deps.db, deps.checkpoints, deps.crossings);
  const signedIn = officerSession(sessionStore(deps.db, deps.users), deps.now);
  const api = new OpenAPIHono({ defaultHook: validationHook });

  const read = createRoute({
    method: "get",
    path: "/officer/checkpoints/{checkpointId}/settings",
    operationId: "getShiftSettings",
    tags: ["officers"],
    summary:
      "The shift settings in force: lanes, scanners, bays, slots, daily limit, queue cycle, grace, walk-ins, unmanned lane",
    security,
    middleware: [signedIn],
    request: { params },
    responses: {
      200: { description: "In force", content: { "application/json": { schema: settings } } },
      // a read: no body to refuse, nothing for the rules to refuse
      401: problems[401],
      403: problems[403],
      404: problems[404],
    },
  });
  api.openapi(read, (c) => {
    const cp = deps.checkpoints.get(c.req.valid("param").checkpointId);
    if (!cp) return problem(c, 404, "Not found", "No such checkpoint.");
    return c.json(settingsSchema.parse(cp.config) as SupervisorSettings, 200);
  });

  const write = createRoute({
    method: "put",
    path: "/officer/checkpoints/{checkpointId}/settings",
    operationId: "changeShiftSettings",
    tags: ["officers"],
    summary: "Change the shift settings, with a reason for the log (supervisors only)",
    description:
      "Takes effect at once. Lowering the daily limit below a day's bookings answers 409 with the days " +
      "over the limit until the same request is sent with confirmMoves: true; then the last-booked trucks " +
      "move to the next slots with room and their drivers are told.",
    security,
    middleware: [signedIn],
    request: { params, body: { required: true, content: { "application/json": { schema: changeSchema } } } },
    responses: {
      200: { description: "Saved", content: { "application/json": { schema: saved } } },
      ...refusals,
    },
  });
  api.openapi(write, (c) => {
    const actor = officerActor(c);
    if (actor.kind !== "supervisor")
      return problem(c, 403, "Supervisors only", "Only the checkpoint's supervisor changes its settings.");
    const cp = deps.checkpoints.get(c.req.valid("param").checkpointId);
    if (!cp) return problem(c, 404, "Not found", "No such checkpoint.");
    const outcome = store.save(cp, c.req.valid("json"), actor, deps.now());
    if (!outcome.ok) {
      const days = outcome.overLimit
        .map(
          (d) =>
            `${localDateTime(d.day, cp.config.timezone).slice(0, 10)}: ${d.held} held, ${d.move.length} to move`,
        )
        .join("; ");
      const detail = `Not saved: ${outcome.reason} (${days}). Send again with confirmMoves: true.`;
      return problem(c, 409, "Confirm the moves", detail);
    }
    return c.json(
      { changed: outcome.changes.map((ch) => ch.setting), movedBookings: outcome.moved.length },
      200,
    );
  });
  return api;
}
