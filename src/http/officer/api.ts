/**
 * The officers' JSON API under /api/v1: the same actions as the dashboard, each one machine event,
 * for officers' own tools and browser tests. Signed in by the dashboard's session cookie.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { STATES } from "../../../machines/types.ts";
import { sessionStore } from "../../auth/sessions.ts";
import { callNextStore } from "../../store/call-next.ts";
import type { ApplyOutcome } from "../../store/crossings.ts";
import { officerApplyStore } from "../../store/officer-apply.ts";
import { problems } from "../api/responses.ts";
import { validationHook } from "../api/validation.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { ACTIONS, eventFor } from "./actions.ts";
import { officerActor, officerSession } from "./api-session.ts";

const SESSION_SCHEME = "officerSession";
const security = [{ [SESSION_SCHEME]: [] }];

const outcomeSchema = z
  .object({
    crossingId: z.string(),
    code: z.string(),
    plate: z.string(),
    state: z.enum(STATES),
    lane: z.number().int().nullable(),
  })
  .meta({ id: "OfficerOutcome" });

const actionSchema = z
  .object({
    action: z.enum(ACTIONS, { error: "v.required" }),
    passed: z.boolean().optional().describe("document-check: did the documents pass"),
    result: z
      .enum(["clear", "suspicious", "passed", "failed"])
      .optional()
      .describe("scan or inspection result"),
    documents: z.string().max(500).optional().describe("hold: the documents requested"),
    reason: z.string().max(500).optional().describe("refuse: the reason code; prioritise: the reason"),
    note: z.string().max(500).optional(),
  })
  .meta({ id: "OfficerAction" });

const checkpointParam = z.object({ checkpointId: z.string().max(40) });
/** What an officers' route may answer instead of doing it. */
export const refusals = {
  400: problems[400],
  401: problems[401],
  403: problems[403],
  404: problems[404],
  409: problems[409],
  415: problems[415],
  422: problems[422],
  503: problems[503],
};
const done = { description: "Done", content: { "application/json": { schema: outcomeSchema } } };

export function officerApi(deps: AppDeps) {
  const sessions = sessionStore(deps.db, deps.users);
  const caller = callNextStore(deps.db, deps.crossings, deps.checkpoints);
  const officer = officerApplyStore(deps.db, deps.crossings, deps.checkpoints);
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.openAPIRegistry.registerComponent("securitySchemes", SESSION_SCHEME, {
    type: "apiKey",
    in: "cookie",
    name: "shekara_session",
    description:
      "An officer's or supervisor's signed-in session (sign in at /sign-in); writes also need the session's CSRF token in X-CSRF-Token.",
  });
  const signedIn = officerSession(sessions, deps.now);

  const answer = (c: Context, outcome: ApplyOutcome) => {
    if (!outcome.ok) return problem(c, outcome.status, "Refused", `${outcome.reason}; nothing was changed.`);
    const r = outcome.crossing.row;
    return c.json({ crossingId: r.id, code: r.code, plate: r.plate, state: r.state, lane: r.lane }, 200);
  };

  const callNext = createRoute({
    method: "post",
    path: "/officer/checkpoints/{checkpointId}/call-next",
    operationId: "callNextTruck",
    tags: ["officers"],
    summary: "Call the next truck to a free lane; the queue discipline picks it",
    security,
    middleware: [signedIn],
    request: { params: checkpointParam },
    responses: { 200: done, ...refusals },
  });
  api.openapi(callNext, (c) =>
    answer(c, caller.callNext(c.req.valid("param").checkpointId, deps.now(), officerActor(c))),
  );

  const act = createRoute({
    method: "post",
    path: "/officer/checkpoints/{checkpointId}/crossings/{crossingId}/actions",
    operationId: "recordCrossingAction",
    tags: ["officers"],
    summary:
      "Take a truck one step: arrive, document check, scan, inspection, hold, resume, release, refuse, prioritise",
    description: "One machine event. 409 says why the machine refuses it in the truck's current state.",
    security,
    middleware: [signedIn],
    request: {
      params: checkpointParam.extend({ crossingId: z.string().max(40) }),
      body: { required: true, content: { "application/json": { schema: actionSchema } } },
    },
    responses: { 200: done, ...refusals },
  });
  api.openapi(act, (c) => {
    const { checkpointId, crossingId } = c.req.valid("param");
    const crossing = deps.crossings.get(crossingId);
    // a crossing of another checkpoint is as good as absent here
    if (!crossing || crossing.row.checkpoint_id !== checkpointId) {
      return problem(c, 404, "No such truck", "No such truck at this checkpoint.");
    }
    const body = c.req.valid("json");
    const form = { ...body, passed: body.passed === undefined ? undefined : body.passed ? "yes" : "no" };
    const made = eventFor(body.action, form, deps.now(), officerActor(c));
    if (!made.ok) return problem(c, 400, "Incomplete action", `${made.reason}; nothing was changed.`);
    return answer(c, officer.apply(crossing.row.id, made.event));
  });
  return api;
}
