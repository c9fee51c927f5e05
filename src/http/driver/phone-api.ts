/**
 * The one-time phone code in the drivers' JSON API (issue 13). Where a checkpoint's `verifyPhone`
 * policy is on, POST /crossings/{id}/booking answers 403 until the driver's phone is confirmed:
 * ask for a code here, then send it back; the booking is then made as usual.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { CODE_MINUTES, MAX_TRIES, RESEND_SECONDS, typedCode } from "../../domain/phone-check.ts";
import { translator } from "../../i18n/index.ts";
import { bodyProblems, problems } from "../api/responses.ts";
import { publicSecurity } from "../api/security.ts";
import { validationHook } from "../api/validation.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { DRIVERLESS_403 } from "./carriers-own.ts";
import { crossingAndCheckpoint } from "./crossing-view.ts";
import { type GateOutcome, phoneGate } from "./phone-gate.ts";

const idParam = z.object({ id: z.string().min(1).max(40) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

const PHONE_DOC =
  `Where the checkpoint's verifyPhone policy is on, a booking needs the driver's phone confirmed first: ` +
  `POST /crossings/{id}/phone-code sends a ${CODE_MINUTES}-minute, 6-digit code to the phone in the ` +
  `declaration (a new one at most every ${RESEND_SECONDS} s), and POST /crossings/{id}/phone-verification ` +
  `with { "code": "123456" } confirms it (${MAX_TRIES} tries per code). Until then ` +
  `POST /crossings/{id}/booking answers 403.`;

const phoneStatus = z
  .object({
    verified: z.boolean(),
    sentTo: z.string().describe("The number the code went to, masked"),
  })
  .meta({ id: "PhoneCheck" });

const sendRoute = createRoute({
  method: "post",
  path: "/crossings/{id}/phone-code",
  tags: ["drivers"],
  security: publicSecurity,
  operationId: "sendPhoneCode",
  summary: "Send a one-time code to the driver's phone",
  description: PHONE_DOC,
  request: { params: idParam },
  responses: {
    202: { description: "Sent", ...json(phoneStatus) },
    200: { description: "The phone is confirmed already; nothing was sent", ...json(phoneStatus) },
    403: { ...problems[403], description: DRIVERLESS_403 },
    404: problems[404],
    422: problems[422],
    429: problems[429],
    503: { ...problems[503], description: "The code could not be sent just now" },
  },
});
const checkRoute = createRoute({
  method: "post",
  path: "/crossings/{id}/phone-verification",
  tags: ["drivers"],
  security: publicSecurity,
  operationId: "verifyPhone",
  summary: "Confirm the driver's phone with the code it was sent",
  description: PHONE_DOC,
  request: {
    params: idParam,
    body: { required: true, ...json(z.strictObject({ code: z.string().max(20) })) },
  },
  responses: {
    200: { description: "Confirmed: the crossing may be booked", ...json(phoneStatus) },
    ...bodyProblems,
    403: { ...problems[403], description: DRIVERLESS_403 },
    404: problems[404],
    413: problems[413],
  },
});

/** A booking held back by the gate, as a problem the caller can act on. Nothing was changed. */
export function gateRefusal(c: Context, held: Extract<GateOutcome, { ok: false }>) {
  const en = translator("en");
  if (held.reason === "phone.required")
    return problem(c, 403, "Phone not confirmed", `${en("phone.required")} ${PHONE_DOC}`);
  if (held.reason === "book.phoneCap")
    return problem(c, 409, "Refused", `${en(held.reason, { n: held.limit })} Nothing was changed.`);
  c.header("Retry-After", String(held.retryAfterSeconds));
  return problem(c, 429, "Too many bookings", `${en(held.reason)} Nothing was changed.`);
}

export function phoneApi(deps: AppDeps) {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const gate = phoneGate(deps);
  const en = translator("en");
  const notFound = "No crossing has that id; check the link you were given.";

  api.openapi(sendRoute, async (c) => {
    const f = crossingAndCheckpoint(deps, c.req.valid("param").id);
    if (!f) return problem(c, 404, "Not found", notFound);
    const sent = await gate.send(f);
    if (sent.ok) return c.json({ verified: false, sentTo: sent.sentTo }, 202);
    if (sent.reason === "phone.verified") return c.json({ verified: true, sentTo: sent.sentTo }, 200);
    if (sent.reason === "phone.sendFailed")
      return problem(c, 503, "Not sent", `${en(sent.reason)} Nothing was changed.`);
    c.header("Retry-After", String(sent.retryAfterSeconds));
    return problem(c, 429, "Too many codes", en(sent.reason, { seconds: sent.retryAfterSeconds }));
  });

  api.openapi(checkRoute, (c) => {
    const f = crossingAndCheckpoint(deps, c.req.valid("param").id);
    if (!f) return problem(c, 404, "Not found", notFound);
    const checked = gate.check(f, typedCode(c.req.valid("json").code));
    if (!checked.ok)
      return problem(c, 422, "Code not accepted", en(checked.reason), {
        errors: [{ field: "code", message: en(checked.reason) }],
      });
    return c.json({ verified: true, sentTo: gate.sentTo(f) }, 200);
  });
  return api;
}
