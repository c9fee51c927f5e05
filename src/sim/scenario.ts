/** A scenario file: the field names of issue 5, so scenarios stay portable. */
import { z } from "zod";
import { PRIORITY_CLASSES, type PriorityClass } from "../../machines/types.ts";
import { hasControlCharacters } from "../domain/text.ts";
import { agvLaneSchema } from "./agv-lane.ts";
import { distributionSchema } from "./distributions.ts";

const share = z.number().min(0).max(1);
// no checkpoint has a thousand lanes; the bound keeps a typo from allocating one
const count = z.number().int().nonnegative().max(1000);
/** A run's size: about 40 s of one core; a longer period is several runs (or a faster machine). */
export const MAX_TRUCKS_PER_RUN = 20_000_000;

export const arrivalsSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("poisson"), perHour: z.number().positive() }),
  z.strictObject({
    kind: z.literal("profile"),
    perHour: z.array(z.number().nonnegative()).length(24),
    weekdayFactors: z.array(z.number().nonnegative()).length(7).optional(),
  }),
  z.strictObject({
    kind: z.literal("booked"),
    slotMinutes: z.number().min(5),
    capacityPerSlot: count,
    fill: share,
    noShowRate: share,
    jitterMinutes: z.number().nonnegative(),
  }),
  z.strictObject({ kind: z.literal("trace"), file: z.string().min(1) }),
]);

/** A hold: the share of trucks held for documents at a stage, and for how long (they park meanwhile). */
const holdSchema = z.strictObject({ probability: share, minutes: distributionSchema });
// a day's rate; 0 closes the crossing that day (a holiday closure of the neighbour's side)
const perDay = z.number().nonnegative().max(1_000_000);

/** From day `fromDay` of the run (day 0 is its first 24 hours) on, until a later entry changes it. */
const scheduleEntry = z.strictObject({
  fromDay: z.number().int().nonnegative(),
  neighbourAcceptsPerDay: perDay.optional(),
  dailyLimit: perDay.optional(),
  /** multiplies the arrival process's rate (poisson, profile, booked) */
  arrivalFactor: z.number().nonnegative().max(100).optional(),
});
export type ScheduleEntry = z.infer<typeof scheduleEntry>;

/** Priority classes other than ordinary, each with the share of trucks in it. */
const classShares = z.strictObject(
  Object.fromEntries(
    PRIORITY_CLASSES.filter((c) => c !== "ordinary").map((c) => [c, share.optional()]),
  ) as Record<Exclude<PriorityClass, "ordinary">, z.ZodOptional<typeof share>>,
);

export const scenarioSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .refine((s) => !hasControlCharacters(s), "no control characters"),
    /** what the scenario is and where its numbers come from, for the reader of the file */
    description: z.string().max(10_000).optional(),
    /** a field's path -> its source, or "estimate: why" */
    sources: z.record(z.string().max(200), z.string().max(2_000)).optional(),
    seed: z.number().int(),
    // ten years: a planner's question, not a typo's
    hours: z.number().positive().max(87_600),
    warmupHours: z.number().nonnegative(),
    /** the neighbour's side takes this many trucks a day: the gate lets them in at that pace */
    neighbourAcceptsPerDay: z.number().positive().optional(),
    /** the e-queue lets this many trucks a day come to the border; the rest wait in it (the virtual queue) */
    dailyLimit: z.number().positive().optional(),
    /** changes by day number: the neighbour's acceptance, the e-queue's limit, the arrival level */
    schedule: z
      .array(scheduleEntry)
      .max(10_000)
      .refine((rows) => rows.every((r, i) => i === 0 || r.fromDay > (rows[i - 1] as ScheduleEntry).fromDay), {
        message: "expected fromDay in increasing order",
      })
      .optional(),
    /** trucks already waiting when the run starts: before the gate, and in the e-queue */
    initialBacklog: z
      .strictObject({
        gateQueue: z.number().int().nonnegative().max(1_000_000).optional(),
        virtualQueue: z.number().int().nonnegative().max(1_000_000).optional(),
      })
      .optional(),
    queueCycle: z.array(z.enum(PRIORITY_CLASSES)).min(1).optional(),
    /** call the highest class waiting first (PRIORITY_CLASSES order) instead of walking the cycle */
    strictPriority: z.boolean().optional(),
    arrivals: arrivalsSchema,
    channels: z
      .strictObject({ green: share, yellow: share, red: share })
      .refine((c) => Math.abs(c.green + c.yellow + c.red - 1) < 1e-9, "green + yellow + red must be 1"),
    /** the share of transit trucks (AEO, TIR, T1) */
    priorityShare: share,
    /** the shares of the other priority classes; what is left is ordinary */
    priorityShares: classShares.optional(),
    resources: z.strictObject({ documentLanes: count.min(1), scanners: count, inspectionBays: count }),
    shifts: z
      .array(
        z
          .strictObject({
            fromHour: z.number().int().min(0).max(23),
            toHour: z.number().int().min(1).max(24),
            documentLanes: count.optional(),
            scanners: count.optional(),
            inspectionBays: count.optional(),
          })
          // 22 to 6 is a night shift across midnight; equal hours would be no shift at all
          .refine((s) => s.fromHour !== s.toHour % 24, {
            path: ["toHour"],
            message: "expected toHour different from fromHour",
          }),
      )
      .optional(),
    serviceMinutes: z.strictObject({
      documentCheck: distributionSchema,
      scan: distributionSchema,
      physicalInspection: distributionSchema,
    }),
    /** held at the document check; the lane takes the next truck while the documents come */
    hold: holdSchema.optional(),
    holdAtScan: holdSchema.optional(),
    holdAtInspection: holdSchema.optional(),
    /** the share of scans that find something: the truck goes on to a bay */
    scanEscalation: share.optional(),
    /** the share of trucks refused at the document check, and of physical inspections that fail */
    refusals: z
      .strictObject({ documentCheck: share.optional(), physicalInspection: share.optional() })
      .optional(),
    missedCallRate: share.optional(),
    // how long a called truck has to reach its lane, and how late after its slot a booked truck may
    // still check in (the checkpoint settings of the same names); 15 min and 24 h when absent
    callDeadlineMinutes: z.number().positive().max(1440).optional(),
    graceHours: z.number().nonnegative().max(720).optional(),
    greenAutoRelease: z.strictObject({ enabled: z.boolean(), share, minutes: distributionSchema }).optional(),
    /** issue 22: the Smart Customs AGV lane and the share of driverless trucks (agv-lane.ts) */
    agvLane: agvLaneSchema.optional(),
  })
  .refine((s) => s.warmupHours < s.hours, {
    path: ["warmupHours"],
    message: "expected fewer than hours (nothing would be measured)",
  })
  .refine((s) => classTotal(s) <= 1 + 1e-9, {
    path: ["priorityShares"],
    message: "priorityShare and priorityShares add up to more than 1",
  })
  .refine((s) => !(s.priorityShares?.transit !== undefined && s.priorityShare > 0), {
    path: ["priorityShares", "transit"],
    message: "transit's share is priorityShare already: give it once",
  })
  .refine((s) => !(s.channels.yellow > 0 && neverOpen(s, "scanners")), {
    path: ["resources", "scanners"],
    message: "yellow trucks need a scanner: none is open at any hour",
  })
  .refine(
    (s) =>
      !(
        (s.channels.red > 0 || (s.channels.yellow > 0 && (s.scanEscalation ?? 0) > 0)) &&
        neverOpen(s, "inspectionBays")
      ),
    {
      path: ["resources", "inspectionBays"],
      message: "red trucks (and scans that find something) need an inspection bay: none is open at any hour",
    },
  )
  .refine((s) => !(s.arrivals.kind === "trace" && s.schedule?.some((r) => r.arrivalFactor !== undefined)), {
    path: ["schedule"],
    message: "a trace's arrivals are given: arrivalFactor does not apply",
  })
  .refine((s) => expectedTrucks(s) <= MAX_TRUCKS_PER_RUN, {
    path: ["arrivals"],
    message: `more than ${MAX_TRUCKS_PER_RUN.toLocaleString("en")} trucks expected over the hours: split the period or lower the rate`,
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** About how many trucks a scenario's arrivals bring over its hours (a trace brings its rows). */
function expectedTrucks(s: {
  hours: number;
  arrivals: z.infer<typeof arrivalsSchema>;
  schedule?: ScheduleEntry[] | undefined;
  initialBacklog?: { gateQueue?: number | undefined; virtualQueue?: number | undefined } | undefined;
}): number {
  const a = s.arrivals;
  const factor = Math.max(1, ...(s.schedule ?? []).map((r) => r.arrivalFactor ?? 0));
  const backlog = (s.initialBacklog?.gateQueue ?? 0) + (s.initialBacklog?.virtualQueue ?? 0);
  switch (a.kind) {
    case "poisson":
      return a.perHour * s.hours * factor + backlog;
    case "profile":
      return Math.max(...a.perHour) * Math.max(1, ...(a.weekdayFactors ?? [1])) * s.hours * factor + backlog;
    case "booked":
      return a.capacityPerSlot * ((s.hours * 60) / a.slotMinutes) * factor + backlog;
    case "trace":
      return backlog;
  }
}

function classTotal(s: {
  priorityShare: number;
  priorityShares?: Partial<Record<PriorityClass, number>> | undefined;
}) {
  return s.priorityShare + Object.values(s.priorityShares ?? {}).reduce((a: number, b) => a + (b ?? 0), 0);
}

type Resource = "documentLanes" | "scanners" | "inspectionBays";
/** No hour of the day has one of this resource open (the base count and every shift give none). */
function neverOpen(
  s: { resources: Record<Resource, number>; shifts?: Partial<Record<Resource, number>>[] | undefined },
  r: Resource,
): boolean {
  return s.resources[r] === 0 && !(s.shifts ?? []).some((row) => (row[r] ?? 0) > 0);
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
