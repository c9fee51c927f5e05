/**
 * What a checkpoint's devices do with a device key: the waiting area's ANPR camera checks a truck
 * in by its plate, and the unmanned green lane's camera releases a truck whose plate it reads.
 * The checkpoint is the key's own; the actor in the event log is the key.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { CrossingEvent } from "../../../machines/index.ts";
import { STATES } from "../../../machines/types.ts";
import { checkInPolicy } from "../../domain/checkpoint.ts";
import { activeCrossingStore } from "../../store/active-crossing.ts";
import { type ApiKeyEnv, actorOf, callerOf } from "../api-auth.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { bodyProblems, keyProblems, problems } from "./responses.ts";
import { keyed } from "./security.ts";
import { validationHook } from "./validation.ts";

const plateReadSchema = z
  .object({
    plate: z
      .string({ error: "v.required" })
      .trim()
      .min(4, "v.plate")
      .max(20, "v.plate")
      .describe(
        "The plate as the camera read it; compared in canonical form (spaces and dashes ignored, Cyrillic look-alikes read as Latin)",
      ),
    vin: z
      .string()
      .trim()
      .max(40)
      .optional()
      .describe("The VIN the gate read, if it reads one: a mismatch with the declared VIN is refused"),
  })
  .meta({ id: "PlateRead" });

const deviceOutcomeSchema = z
  .object({
    crossingId: z.string(),
    state: z.enum(STATES),
    lane: z.number().int().nullable().describe("The lane the truck was called to, if any"),
  })
  .meta({ id: "DeviceOutcome" });

export function devicesApi(deps: AppDeps) {
  const active = activeCrossingStore(deps.db);
  const common = (scope: "checkpoint:check-in" | "checkpoint:lane") => ({
    tags: ["devices"],
    ...keyed(deps, scope),
    request: {
      body: { required: true, content: { "application/json": { schema: plateReadSchema } } },
    },
    responses: {
      200: { description: "Done", content: { "application/json": { schema: deviceOutcomeSchema } } },
      ...keyProblems,
      ...bodyProblems,
      404: problems[404],
      409: problems[409],
      503: problems[503],
    },
  });
  const checkIn = createRoute({
    ...common("checkpoint:check-in"),
    method: "post",
    path: "/device/check-ins",
    operationId: "checkInByPlate",
    summary: "Check a truck in at the waiting area by its plate (ANPR camera)",
    description:
      "Finds the truck's active crossing at the key's checkpoint and checks it in: a booked truck within " +
      "its slot and grace window, or a walk-in where the checkpoint takes them. 409 says why not.",
  });
  const unmanned = createRoute({
    ...common("checkpoint:lane"),
    method: "post",
    path: "/device/unmanned-releases",
    operationId: "releaseThroughUnmannedLane",
    summary: "Release a truck through the unmanned green lane by its plate",
    description:
      "For the lane's camera: releases the truck in the waiting area if it is in the green channel with " +
      "a complete pre-declaration and the checkpoint runs an unmanned lane. 409: keep the gate closed.",
  });

  const api = new OpenAPIHono<ApiKeyEnv>({ defaultHook: validationHook });
  /** The one active crossing with that plate at the device's checkpoint, and the event applied to it. */
  const run = (c: Context, checkpointId: string, plate: string, make: (at: number) => CrossingEvent) => {
    const id = active.idByPlate(checkpointId, plate);
    if (!id) {
      return problem(
        c,
        404,
        "No active crossing",
        `No truck with that plate has an active crossing at ${checkpointId}.`,
      );
    }
    const outcome = deps.crossings.apply(id, make(deps.now()));
    if (!outcome.ok) return problem(c, outcome.status, "Refused", outcome.reason);
    const row = outcome.crossing.row;
    return c.json({ crossingId: row.id, state: row.state, lane: row.lane }, 200);
  };
  api.openapi(checkIn, (c) => {
    const caller = callerOf(c);
    const cp = caller?.checkpointId ? deps.checkpoints.get(caller.checkpointId) : null;
    if (!caller || !cp) return problem(c, 403, "Device keys only", "Use a checkpoint device's key.");
    const { plate, vin } = c.req.valid("json");
    return run(c, cp.id, plate, (at) => ({
      type: "CHECK_IN",
      at,
      actor: actorOf(caller),
      policy: checkInPolicy(cp.config),
      ...(vin ? { vin } : {}),
    }));
  });
  api.openapi(unmanned, (c) => {
    const caller = callerOf(c);
    const cp = caller?.checkpointId ? deps.checkpoints.get(caller.checkpointId) : null;
    if (!caller || !cp) return problem(c, 403, "Device keys only", "Use a checkpoint device's key.");
    const plate = c.req.valid("json").plate;
    // whether the lane is in service is the machine's rule too: it comes in on the event
    return run(c, cp.id, plate, (at) => ({
      type: "UNMANNED_RELEASE",
      at,
      actor: actorOf(caller),
      plateRead: plate,
      laneInService: cp.config.unmannedGreenLane,
    }));
  });
  return api;
}
