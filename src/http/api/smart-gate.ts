/**
 * The Smart Customs lane's gate (issue 22), with a key of kind `gate`: one request per vehicle it
 * reads. The answer says what the barrier does: open (released through the lane, no person) or
 * closed (the truck goes to a manned lane, with the reason). The machine decides; this route only
 * reads the request and says what the store answered.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { GATE_REASON_CODES, STATES } from "../../../machines/types.ts";
import { smartGateStore } from "../../store/smart-gate.ts";
import { type ApiKeyEnv, actorOf, auditEntryOf, auditedWithChange, callerOf } from "../api-auth.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { keyedWriteProblems } from "./responses.ts";
import { keyed } from "./security.ts";
import { validationHook } from "./validation.ts";

const gateReadSchema = z
  .object({
    readId: z
      .string({ error: "v.required" })
      .trim()
      .min(1, "v.required")
      .max(64, "v.tooLong")
      .regex(/^[A-Za-z0-9._:-]+$/, "v.readId")
      .describe(
        "The gate's own id for this read: the same read sent again (a timeout, a retry) gets the first answer back and changes nothing; the same id with another plate or VIN is refused",
      ),
    plate: z
      .string()
      .trim()
      .min(4, "v.plate")
      .max(20, "v.plate")
      .optional()
      .describe("The plate as the gate read it; compared in canonical form"),
    vin: z
      .string()
      .trim()
      .max(40, "v.vin")
      .optional()
      .describe("The VIN as the gate read it; it finds the truck first, and must match the declared VIN"),
  })
  // a VIN sent empty is a VIN the gate could not read
  .refine((r) => r.plate !== undefined || (r.vin !== undefined && r.vin !== ""), {
    message: "v.plateOrVin",
    path: ["plate"],
  })
  .meta({ id: "GateRead" });

const gateAnswerSchema = z
  .object({
    readId: z.string(),
    crossingId: z.string(),
    plate: z.string(),
    driverless: z.boolean(),
    barrier: z
      .enum(["open", "closed"])
      .describe(
        "open: lift the barrier, the truck leaves through the lane; closed: send it to a manned lane",
      ),
    decision: z.enum(["released", "manned"]),
    reasonCode: z.enum(GATE_REASON_CODES).nullable().describe("Why the truck goes to a manned lane"),
    reason: z.string().nullable().describe("The rule's sentence, for the lane's screen and the officers"),
    state: z.enum(STATES),
    at: z.iso.datetime(),
  })
  .meta({ id: "GateAnswer" });

export function smartGateApi(deps: AppDeps) {
  const gate = smartGateStore(deps.db, deps.crossings, deps.apiKeys);
  const read = createRoute({
    tags: ["devices"],
    ...keyed(deps, "checkpoint:gate"),
    method: "post",
    path: "/gate/reads",
    operationId: "readAtSmartGate",
    summary: "The Smart Customs gate reads a vehicle: lift the barrier or send it to a manned lane",
    description:
      "For the Smart Customs lane's gate (a key of kind gate, at one checkpoint). In one request: finds " +
      "the truck's crossing here by the VIN or the plate read, checks it in if it is not in yet, and asks " +
      "the crossing machine. barrier open: released through the lane with no person (green channel, " +
      "complete declaration, the lane open and within its hours). barrier closed: the truck waits for a " +
      "manned lane, and reasonCode and reason say why. Send each read with its own readId: a read sent " +
      "again gets the first answer (header Shekara-Replayed: true); a readId given before for another " +
      "vehicle is a 409 and opens nothing. 404: no truck with that plate or VIN is expected here; 409: " +
      "the machine refused the read (too early for its slot, already read).",
    request: { body: { required: true, content: { "application/json": { schema: gateReadSchema } } } },
    responses: {
      200: {
        description: "What the barrier does",
        content: { "application/json": { schema: gateAnswerSchema } },
      },
      ...keyedWriteProblems,
    },
  });

  const api = new OpenAPIHono<ApiKeyEnv>({ defaultHook: validationHook });
  api.openapi(read, async (c) => {
    const caller = callerOf(c);
    const cp = caller?.checkpointId ? deps.checkpoints.get(caller.checkpointId) : null;
    if (!caller || !cp) return problem(c, 403, "Gate keys only", "Use the Smart Customs gate's key.");
    const body = c.req.valid("json");
    const at = deps.now();
    const outcome = await gate.read({
      keyId: caller.keyId,
      // an answered read's audit row goes with its change; a refused one is audited as usual
      audit: auditEntryOf(c, caller.keyId, at, 200),
      readId: body.readId,
      checkpoint: cp,
      ...(body.plate ? { plate: body.plate } : {}),
      ...(body.vin ? { vin: body.vin } : {}),
      at,
      actor: actorOf(caller),
    });
    if (!outcome.ok && outcome.status === 404)
      return problem(c, 404, "No truck expected", `At ${cp.id}, ${outcome.reason}: keep the barrier closed.`);
    if (!outcome.ok) return problem(c, 409, "Refused", `${outcome.reason}: keep the barrier closed.`);
    auditedWithChange(c);
    if (outcome.replayed) c.header("Shekara-Replayed", "true");
    return c.json(outcome.answer, 200);
  });
  return api;
}
