/** A scenario file: the field names of issue 5, so scenarios stay portable. */
import { z } from "zod";
import { PRIORITY_CLASSES } from "../../machines/types.ts";
import { distributionSchema } from "./distributions.ts";

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

export const arrivalsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("poisson"), perHour: z.number().positive() }),
  z.object({
    kind: z.literal("profile"),
    perHour: z.array(z.number().nonnegative()).length(24),
    weekdayFactors: z.array(z.number().nonnegative()).length(7).optional(),
  }),
  z.object({
    kind: z.literal("booked"),
    slotMinutes: z.number().positive(),
    capacityPerSlot: count,
    fill: share,
    noShowRate: share,
    jitterMinutes: z.number().nonnegative(),
  }),
  z.object({ kind: z.literal("trace"), file: z.string().min(1) }),
]);

export const scenarioSchema = z.object({
  name: z.string().min(1),
  seed: z.number().int(),
  hours: z.number().positive(),
  warmupHours: z.number().nonnegative(),
  neighbourAcceptsPerDay: z.number().positive().optional(),
  queueCycle: z.array(z.enum(PRIORITY_CLASSES)).min(1).optional(),
  arrivals: arrivalsSchema,
  channels: z
    .object({ green: share, yellow: share, red: share })
    .refine((c) => Math.abs(c.green + c.yellow + c.red - 1) < 1e-9, "green + yellow + red must be 1"),
  priorityShare: share,
  resources: z.object({ documentLanes: count.min(1), scanners: count, inspectionBays: count }),
  shifts: z
    .array(
      z.object({
        fromHour: z.number().int().min(0).max(23),
        toHour: z.number().int().min(1).max(24),
        documentLanes: count.optional(),
        scanners: count.optional(),
        inspectionBays: count.optional(),
      }),
    )
    .optional(),
  serviceMinutes: z.object({
    documentCheck: distributionSchema,
    scan: distributionSchema,
    physicalInspection: distributionSchema,
  }),
  hold: z.object({ probability: share, minutes: distributionSchema }).optional(),
  missedCallRate: share.optional(),
  greenAutoRelease: z.object({ enabled: z.boolean(), share, minutes: distributionSchema }).optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Names the bad field and what was expected, e.g. `arrivals.perHour: expected number`. */
export function parseScenario(json: unknown): ParseResult {
  const result = scenarioSchema.safeParse(json);
  if (result.success) return { ok: true, scenario: result.data };
  const message = result.error.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "(scenario)"}: ${i.message}`)
    .join("\n");
  return { ok: false, message };
}
