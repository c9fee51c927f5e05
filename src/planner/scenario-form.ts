/**
 * The editor's fields and a scenario, both ways. A field's name is its path in the scenario schema
 * (`serviceMinutes.scan.mean`, `arrivals.perHour.3`), so the path parseScenario names in an error
 * is the field the error belongs beside. Pure: the route reads the form, the view draws the fields.
 */
import { type Distribution, distributionSchema } from "../sim/distributions.ts";
import { parseScenario, type Scenario } from "../sim/index.ts";

export type Fields = Record<string, string>;
/** schema path -> message, in parseScenario's order */
export type FieldErrors = Map<string, string>;
export type FormResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldErrors };

export const ARRIVAL_KINDS = ["poisson", "profile", "booked", "trace"] as const;
export const SERVICE_STAGES = ["documentCheck", "scan", "physicalInspection"] as const;
export const RESOURCES = ["documentLanes", "scanners", "inspectionBays"] as const;
/** rows of the shift plan the form offers at least, and at most (one per hour of the day) */
export const SHIFT_ROWS = 4;
export const MAX_SHIFT_ROWS = 24;

/** Rows for the shift plan: every row the fields hold, one empty row to add, at least SHIFT_ROWS. */
export function shiftRowCount(f: Fields): number {
  let last = -1;
  for (const key of Object.keys(f)) {
    const m = /^shifts\.(\d+)\./.exec(key);
    if (m && (f[key] ?? "") !== "") last = Math.max(last, Number(m[1]));
  }
  return Math.min(MAX_SHIFT_ROWS, Math.max(SHIFT_ROWS, last + 2));
}
/** Each distribution's parameters in the schema's order, read off the schema rather than listed again. */
export const DIST_PARAMS = {} as Record<Distribution["dist"], readonly string[]>;
for (const option of distributionSchema.options)
  DIST_PARAMS[option.shape.dist.value] = Object.keys(option.shape).filter((k) => k !== "dist");
export const DISTS = Object.keys(DIST_PARAMS) as Distribution["dist"][];

const isDist = (d: string): d is Distribution["dist"] => d in DIST_PARAMS;

/**
 * A number, or the text as typed so that the schema refuses it by name ("expected number"),
 * or undefined for an empty field.
 */
function num(raw: string | undefined): number | string | undefined {
  const text = (raw ?? "").trim();
  if (text === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** "1, 2 3" -> [1, 2, 3]; a bad item stays text so its index is named. */
const list = (raw: string | undefined) =>
  (raw ?? "")
    .split(/[\s,;]+/)
    .filter((x) => x !== "")
    .map((x) => num(x));

const words = (raw: string | undefined) => (raw ?? "").split(/[\s,;]+/).filter((x) => x !== "");

/** Drops the keys whose value is undefined, so an empty optional field is an absent one. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function distribution(f: Fields, prefix: string): Record<string, unknown> {
  const dist = (f[`${prefix}.dist`] ?? "").trim();
  if (!isDist(dist)) return { dist };
  const out: Record<string, unknown> = { dist };
  for (const p of DIST_PARAMS[dist])
    out[p] = p === "samples" ? list(f[`${prefix}.samples`]) : num(f[`${prefix}.${p}`]);
  return out;
}

function arrivals(f: Fields): Record<string, unknown> {
  const kind = (f["arrivals.kind"] ?? "").trim();
  const hours = (key: string, n: number) => Array.from({ length: n }, (_, i) => num(f[`${key}.${i}`]));
  switch (kind) {
    case "poisson":
      return { kind, perHour: num(f["arrivals.perHour"]) };
    case "profile": {
      const factors = hours("arrivals.weekdayFactors", 7);
      return defined({
        kind,
        perHour: hours("arrivals.perHour", 24),
        weekdayFactors: factors.every((x) => x === undefined) ? undefined : factors,
      });
    }
    case "booked":
      return {
        kind,
        ...Object.fromEntries(
          ["slotMinutes", "capacityPerSlot", "fill", "noShowRate", "jitterMinutes"].map((k) => [
            k,
            num(f[`arrivals.${k}`]),
          ]),
        ),
      };
    case "trace":
      return { kind, file: (f["arrivals.file"] ?? "").trim() };
    default:
      return { kind };
  }
}

function shifts(f: Fields): Record<string, unknown>[] | undefined {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < MAX_SHIFT_ROWS; i++) {
    const at = (k: string) => num(f[`shifts.${i}.${k}`]);
    const row = defined({
      fromHour: at("fromHour"),
      toHour: at("toHour"),
      ...Object.fromEntries(RESOURCES.map((r) => [r, at(r)])),
    });
    if (Object.keys(row).length > 0) rows.push(row);
  }
  return rows.length ? rows : undefined;
}

const checked = (raw: string | undefined) => raw === "on" || raw === "true";

/** The scenario's fields the form has inputs for; the others travel whole in the hidden field `more`. */
const FORM_KEYS = new Set([
  "name",
  "seed",
  "hours",
  "warmupHours",
  "neighbourAcceptsPerDay",
  "queueCycle",
  "arrivals",
  "channels",
  "priorityShare",
  "resources",
  "shifts",
  "serviceMinutes",
  "hold",
  "missedCallRate",
  "greenAutoRelease",
  "agvLane",
]);

/** The fields kept aside (a schedule by day, sources...); text that is not an object is refused by name. */
function more(raw: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return Object.fromEntries(Object.entries(parsed).filter(([k]) => !FORM_KEYS.has(k)));
  } catch {
    // falls through: the schema names the field
  }
  return { more: raw };
}

/** The scenario object the fields describe, unchecked: parseScenario judges it. */
export function scenarioObject(f: Fields): Record<string, unknown> {
  const n = (k: string) => num(f[k]);
  const cycle = words(f.queueCycle);
  const hold = n("hold.probability");
  const release = n("greenAutoRelease.share");
  const releaseOn = checked(f["greenAutoRelease.enabled"]);
  const driverless = n("agvLane.driverlessShare");
  const gates = n("agvLane.gates");
  return defined({
    ...more(f.more),
    name: (f.name ?? "").trim(),
    seed: n("seed"),
    hours: n("hours"),
    warmupHours: n("warmupHours"),
    neighbourAcceptsPerDay: n("neighbourAcceptsPerDay"),
    queueCycle: cycle.length ? cycle : undefined,
    arrivals: arrivals(f),
    channels: { green: n("channels.green"), yellow: n("channels.yellow"), red: n("channels.red") },
    priorityShare: n("priorityShare"),
    resources: Object.fromEntries(RESOURCES.map((r) => [r, n(`resources.${r}`)])),
    shifts: shifts(f),
    serviceMinutes: Object.fromEntries(
      SERVICE_STAGES.map((s) => [s, distribution(f, `serviceMinutes.${s}`)]),
    ),
    hold: hold === undefined ? undefined : { probability: hold, minutes: distribution(f, "hold.minutes") },
    missedCallRate: n("missedCallRate"),
    greenAutoRelease:
      release === undefined && !releaseOn
        ? undefined
        : { enabled: releaseOn, share: release, minutes: distribution(f, "greenAutoRelease.minutes") },
    // issue 22: a lane only when the planner gave it a share or gates; the schema names what is missing
    agvLane:
      driverless === undefined && gates === undefined
        ? undefined
        : { driverlessShare: driverless, gates, minutes: distribution(f, "agvLane.minutes") },
  });
}

/** parseScenario's message, one `path: why` a line, as a map from each path to its reasons. */
export function errorsOf(message: string): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const line of message.split("\n")) {
    const cut = line.indexOf(": ");
    const path = cut < 0 ? "(scenario)" : line.slice(0, cut);
    const why = cut < 0 ? line : line.slice(cut + 2);
    errors.set(path, errors.has(path) ? `${errors.get(path)}; ${why}` : why);
  }
  return errors;
}

/** The form's fields as a scenario, judged by the same parseScenario as the command line. */
export function scenarioFromForm(f: Fields): FormResult {
  const parsed = parseScenario(scenarioObject(f));
  return parsed.ok ? parsed : { ok: false, errors: errorsOf(parsed.message) };
}

function distributionFields(d: Distribution | undefined, prefix: string, out: Fields) {
  if (!d) return;
  out[`${prefix}.dist`] = d.dist;
  for (const [k, v] of Object.entries(d)) {
    if (k === "dist") continue;
    out[`${prefix}.${k}`] = Array.isArray(v) ? v.join(", ") : String(v);
  }
}

/** The fields that show a scenario in the form; scenarioFromForm gives the scenario back. */
export function formFromScenario(s: Scenario): Fields {
  const out: Fields = {
    name: s.name,
    seed: String(s.seed),
    hours: String(s.hours),
    warmupHours: String(s.warmupHours),
    "arrivals.kind": s.arrivals.kind,
    priorityShare: String(s.priorityShare),
  };
  const opt = (key: string, v: number | undefined) => {
    if (v !== undefined) out[key] = String(v);
  };
  opt("neighbourAcceptsPerDay", s.neighbourAcceptsPerDay);
  if (s.queueCycle) out.queueCycle = s.queueCycle.join(", ");
  const a = s.arrivals;
  if (a.kind === "poisson") out["arrivals.perHour"] = String(a.perHour);
  if (a.kind === "profile") {
    a.perHour.forEach((v, i) => {
      out[`arrivals.perHour.${i}`] = String(v);
    });
    a.weekdayFactors?.forEach((v, i) => {
      out[`arrivals.weekdayFactors.${i}`] = String(v);
    });
  }
  if (a.kind === "booked")
    for (const k of ["slotMinutes", "capacityPerSlot", "fill", "noShowRate", "jitterMinutes"] as const)
      out[`arrivals.${k}`] = String(a[k]);
  if (a.kind === "trace") out["arrivals.file"] = a.file;
  for (const c of ["green", "yellow", "red"] as const) out[`channels.${c}`] = String(s.channels[c]);
  for (const r of RESOURCES) out[`resources.${r}`] = String(s.resources[r]);
  s.shifts?.slice(0, MAX_SHIFT_ROWS).forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) out[`shifts.${i}.${k}`] = String(v);
  });
  for (const st of SERVICE_STAGES) distributionFields(s.serviceMinutes[st], `serviceMinutes.${st}`, out);
  if (s.hold) {
    out["hold.probability"] = String(s.hold.probability);
    distributionFields(s.hold.minutes, "hold.minutes", out);
  }
  const rest = Object.fromEntries(Object.entries(s).filter(([k]) => !FORM_KEYS.has(k)));
  if (Object.keys(rest).length > 0) out.more = JSON.stringify(rest);
  opt("missedCallRate", s.missedCallRate);
  if (s.greenAutoRelease) {
    if (s.greenAutoRelease.enabled) out["greenAutoRelease.enabled"] = "on";
    out["greenAutoRelease.share"] = String(s.greenAutoRelease.share);
    distributionFields(s.greenAutoRelease.minutes, "greenAutoRelease.minutes", out);
  }
  if (s.agvLane) {
    out["agvLane.driverlessShare"] = String(s.agvLane.driverlessShare);
    out["agvLane.gates"] = String(s.agvLane.gates);
    distributionFields(s.agvLane.minutes, "agvLane.minutes", out);
  }
  return out;
}
