/**
 * Replay recorded traffic: the live system's crossings at a checkpoint over a period, as a trace,
 * against the checkpoint's configuration or changed resources. Saved as a scenario with its trace
 * (so it can be opened, changed and run again) and queued at once.
 */
import { type Context, Hono } from "hono";
import { ReplayForm, ReplayPage, type ReplayProps } from "../../../views/planner/replay.tsx";
import { readForm, sessionOf } from "../../auth/guard.ts";
import { dayStartOfDate } from "../../domain/slots.ts";
import { replayScenario } from "../../planner/from-checkpoint.ts";
import type { RunQueue } from "../../planner/runner.ts";
import { errorsOf, type FieldErrors, type Fields, RESOURCES } from "../../planner/scenario-form.ts";
import { parseScenario, parseTrace } from "../../sim/index.ts";
import { formatTrace } from "../../sim/trace-record.ts";
import type { SimRunStore } from "../../store/sim-runs.ts";
import { recordedTrace } from "../../store/trace-export.ts";
import type { AppDeps } from "../deps.ts";

const DAY_MS = 86_400_000;
// a season at most: a longer trace is a long run and a large row for no planning question we know
const MAX_DAYS = 92;

export function replayRoutes(deps: AppDeps, runs: SimRunStore, queue: RunQueue, engineVersion: string) {
  const app = new Hono();
  const props = (c: Context, fields: Fields, errors: FieldErrors): ReplayProps => ({
    checkpoints: deps.checkpoints.list().map((cp) => ({ id: cp.id, name: cp.name })),
    state: { fields, errors },
    csrf: sessionOf(c).csrf,
  });

  app.get("/planner/replay", (c) => c.html(<ReplayPage {...props(c, { replications: "1" }, new Map())} />));

  app.post("/planner/replay", async (c) => {
    const form = await readForm(c);
    const fields: Fields = {};
    for (const [k, v] of Object.entries(form))
      if (typeof v === "string" && k !== "_csrf") fields[k] = v.slice(0, 100);
    const errors: FieldErrors = new Map();
    const refuse = () =>
      c.req.header("HX-Request") === "true"
        ? c.html(<ReplayForm {...props(c, fields, errors)} />)
        : c.html(<ReplayPage {...props(c, fields, errors)} />, 422);

    const cp = deps.checkpoints.get(fields.checkpointId ?? "");
    if (!cp) errors.set("checkpointId", "choose a checkpoint");
    const zone = cp?.config.timezone ?? "UTC";
    const from = dayStartOfDate(fields.from ?? "", zone);
    const lastDay = dayStartOfDate(fields.to ?? "", zone);
    if (from === null) errors.set("from", "a day, YYYY-MM-DD");
    if (lastDay === null) errors.set("to", "a day, YYYY-MM-DD");
    else if (from !== null && lastDay < from) errors.set("to", "a day not before the first");
    else if (from !== null && lastDay - from >= MAX_DAYS * DAY_MS)
      errors.set("to", `at most ${MAX_DAYS} days`);
    const replications = Number(fields.replications || "1");
    if (!Number.isInteger(replications) || replications < 1 || replications > 20)
      errors.set("replications", "a whole number from 1 to 20");
    if (!cp || from === null || lastDay === null || errors.size) return refuse();

    // the last day is included whole: up to the next day's local midnight (a day may have 23 or 25 h)
    const nextDate = new Date(Date.parse(`${fields.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    const to = dayStartOfDate(nextDate, zone) ?? lastDay + DAY_MS;
    const recorded = recordedTrace(deps.db, cp.id, from, to);
    if (recorded.length === 0) {
      errors.set("from", `no truck reached ${cp.name}'s waiting area in this period`);
      return refuse();
    }
    const csv = formatTrace(recorded);
    const trace = parseTrace(csv);
    if (!trace.ok) throw new Error(`a recorded trace that its own reader refuses: ${trace.message}`);

    const resources = Object.fromEntries(
      RESOURCES.map((r) => {
        const raw = (fields[`resources.${r}`] ?? "").trim();
        return [r, raw === "" ? cp.config[r] : Number.isFinite(Number(raw)) ? Number(raw) : raw];
      }),
    );
    const file = `recorded ${cp.id} ${fields.from}..${fields.to}`;
    const replay = replayScenario(cp, {
      file,
      lastArrivalMinute: trace.rows.reduce((last, r) => Math.max(last, r.arrival), 0),
    });
    // the planner's resources as typed: the schema names a bad one beside its field
    const parsed = parseScenario({ ...replay, resources });
    if (!parsed.ok) {
      for (const [path, why] of errorsOf(parsed.message)) errors.set(path, why);
      return refuse();
    }
    const scenario = parsed.scenario;
    const by = sessionOf(c).user.id;
    const runId = deps.db.transaction(() => {
      const traceId = runs.saveTrace({ file, csv, rowCount: trace.rows.length, by }, deps.now());
      const scenarioId = runs.saveScenario(
        { name: scenario.name, checkpointId: cp.id, body: scenario, traceId, by },
        deps.now(),
      );
      return runs.queueRun(
        { scenarioId, scenario, seed: scenario.seed, replications, engineVersion, traceId, by },
        deps.now(),
      );
    })();
    queue.wake();
    const where = `/planner/runs/${runId}`;
    if (c.req.header("HX-Request") === "true") {
      c.header("HX-Redirect", where);
      return c.body(null, 204);
    }
    return c.redirect(where, 303);
  });

  return app;
}
