/** A scenario file: the field names of issue 5, so scenarios stay portable. */
import { z } from "zod";
import { PRIORITY_CLASSES } from "../../machines/types.ts";
import { hasControlCharacters } from "../domain/text.ts";
import { distributionSchema } from "./distributions.ts";

const share = z.number().min(0).max(1);
// no checkpoint has a thousand lanes; the bound keeps a typo from allocating one
const count = z.number().int().nonnegative().max(1000);
/** A run's size: about 40 s of one core; a longer period is several runs (or a faster machine). */
export const MAX_TRUCKS_PER_RUN = 20_000_000;

export const arrivalsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("poisson"), perHour: z.number().positive() }),
  z.object({
    kind: z.literal("profile"),
    perHour: z.array(z.number().nonnegative()).length(24),
    weekdayFactors: z.array(z.number().nonnegative()).length(7).optional(),
  }),
  z.object({
    kind: z.literal("booked"),
    slotMinutes: z.number().min(5),
    capacityPerSlot: count,
    fill: share,
    noShowRate: share,
    jitterMinutes: z.number().nonnegative(),
  }),
  z.object({ kind: z.literal("trace"), file: z.string().min(1) }),
]);

export const scenarioSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .refine((s) => !hasControlCharacters(s), "no control characters"),
    seed: z.number().int(),
    // ten years: a planner's question, not a typo's
    hours: z.number().positive().max(87_600),
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
    // how long a called truck has to reach its lane, and how late after its slot a booked truck may
    // still check in (the checkpoint settings of the same names); 15 min and 24 h when absent
    callDeadlineMinutes: z.number().positive().max(1440).optional(),
    graceHours: z.number().nonnegative().max(720).optional(),
    greenAutoRelease: z.object({ enabled: z.boolean(), share, minutes: distributionSchema }).optional(),
  })
  .refine((s) => expectedTrucks(s) <= MAX_TRUCKS_PER_RUN, {
    path: ["arrivals"],
    message: `more than ${MAX_TRUCKS_PER_RUN.toLocaleString("en")} trucks expected over the hours: split the period or lower the rate`,
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** About how many trucks a scenario's arrivals bring over its hours (a trace brings its rows). */
function expectedTrucks(s: { hours: number; arrivals: z.infer<typeof arrivalsSchema> }): number {
  const a = s.arrivals;
  switch (a.kind) {
    case "poisson":
      return a.perHour * s.hours;
    case "profile":
      return Math.max(...a.perHour) * Math.max(1, ...(a.weekdayFactors ?? [1])) * s.hours;
    case "booked":
      return a.capacityPerSlot * ((s.hours * 60) / a.slotMinutes);
    case "trace":
      return 0;
  }
}

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
