/**
 * The scenario editor: start from a stored scenario (an example or a copy) or from a checkpoint's
 * configuration, change the fields or the JSON, upload a trace; the simulator's own parseScenario
 * judges the result. A refusal redraws the form with each error beside its field and saves nothing.
 */
import { type Context, Hono } from "hono";
import { EditorForm, type EditorProps, ScenarioEditorPage } from "../../../views/planner/editor.tsx";
import { readForm, sessionOf } from "../../auth/guard.ts";
import { stripControl } from "../../domain/text.ts";
import { scenarioFromCheckpoint } from "../../planner/from-checkpoint.ts";
import {
  type FieldErrors,
  type Fields,
  formFromScenario,
  scenarioFromForm,
} from "../../planner/scenario-form.ts";
import { parseScenario, parseTrace, type Scenario } from "../../sim/index.ts";
import type { SimRunStore } from "../../store/sim-runs.ts";
import { numericFields } from "../../sweep/index.ts";
import type { AppDeps } from "../deps.ts";

export const MAX_TRACE_BYTES = 2 * 1024 * 1024;
// a scenario is a few kilobytes; anything far larger is a mistake or an attack
const MAX_SCENARIO_CHARS = 200_000;
// the scenarios table's own limit, said before the database refuses it
const MAX_NAME = 120;
const LONG_NAME = `at most ${MAX_NAME} characters`;

/** Where a new scenario comes from: a stored one (copied) or a checkpoint (its configuration). */
type Origin = { kind: "scenario"; id: string } | { kind: "checkpoint"; id: string };

interface Start {
  action: string;
  title: string;
  example: boolean;
  checkpointId: string | null;
  traceId: string | null;
  scenario: Scenario;
}

export function editorRoutes(deps: AppDeps, runs: SimRunStore) {
  const app = new Hono();

  function start(origin: Origin): Start | null {
    if (origin.kind === "scenario") {
      const s = runs.scenario(origin.id);
      if (!s) return null;
      const parsed = parseScenario(JSON.parse(s.body));
      if (!parsed.ok) return null;
      const example = s.example === 1;
      return {
        action: `/planner/scenarios/${s.id}`,
        title: s.name,
        example,
        checkpointId: s.checkpoint_id,
        traceId: s.trace_id,
        scenario: example ? { ...parsed.scenario, name: `${s.name} (copy)` } : parsed.scenario,
      };
    }
    const cp = deps.checkpoints.get(origin.id);
    if (!cp) return null;
    return {
      action: `/planner/checkpoints/${cp.id}/scenario`,
      title: `New scenario from ${cp.name}`,
      example: false,
      checkpointId: cp.id,
      traceId: null,
      scenario: scenarioFromCheckpoint(cp),
    };
  }

  const props = (c: Context, s: Start, fields: Fields, errors: FieldErrors, json?: string): EditorProps => ({
    title: s.title,
    action: s.action,
    example: s.example,
    state: { fields, errors },
    json: json ?? JSON.stringify(s.scenario, null, 2),
    csrf: sessionOf(c).csrf,
    maxTraceBytes: MAX_TRACE_BYTES,
  });

  const show = (c: Context, origin: Origin) => {
    const s = start(origin);
    if (!s) return c.text("No such scenario or checkpoint.", 404);
    const runAction = origin.kind === "scenario" ? `/planner/scenarios/${origin.id}/runs` : undefined;
    const sweep =
      origin.kind === "scenario"
        ? {
            action: `/planner/scenarios/${origin.id}/sweeps`,
            csrf: sessionOf(c).csrf,
            choices: numericFields(s.scenario),
            fields: {},
          }
        : undefined;
    return c.html(
      <ScenarioEditorPage
        {...props(c, s, formFromScenario(s.scenario), new Map())}
        runAction={runAction}
        sweep={sweep}
      />,
    );
  };

  /** A refusal: the form fragment for htmx (which swaps only 2xx answers), else the page with 422. */
  const refuse = (c: Context, p: EditorProps) =>
    c.req.header("HX-Request") === "true"
      ? c.html(<EditorForm {...p} />)
      : c.html(<ScenarioEditorPage {...p} />, 422);

  async function save(c: Context, origin: Origin) {
    const s = start(origin);
    if (!s) return c.text("No such scenario or checkpoint.", 404);
    const form = await readForm(c);
    const fields: Fields = {};
    for (const [k, v] of Object.entries(form))
      if (typeof v === "string" && k !== "_csrf") fields[k] = v.slice(0, MAX_SCENARIO_CHARS);
    const by = sessionOf(c).user.id;

    let scenario: Scenario;
    let traceId = s.traceId;
    let upload: { file: string; csv: string; rowCount: number } | null = null;
    if (typeof form.body === "string") {
      // the advanced editor: the JSON as the command line reads it; a name field, if sent, wins
      const text = form.body;
      const again = (message: string) =>
        refuse(c, { ...props(c, s, formFromScenario(s.scenario), new Map(), text), jsonError: message });
      if (text.length > MAX_SCENARIO_CHARS) return again("The scenario is too large (over 200 kB).");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        return again(`The scenario is not valid JSON: ${(err as Error).message}.`);
      }
      const name = fields.name?.trim();
      const parsed = parseScenario(name && json && typeof json === "object" ? { ...json, name } : json);
      if (!parsed.ok) return again(`The scenario has a bad field: ${parsed.message}.`);
      if (parsed.scenario.name.length > MAX_NAME) return again(`name: ${LONG_NAME}.`);
      scenario = parsed.scenario;
    } else {
      const errors: FieldErrors = new Map();
      const file = form.traceFile;
      if (fields["arrivals.kind"] === "trace" && file instanceof File && file.size > 0) {
        if (file.size > MAX_TRACE_BYTES)
          errors.set("arrivals.file", `the trace is over ${MAX_TRACE_BYTES / 1024 / 1024} MB`);
        else {
          const csv = await file.text();
          const trace = parseTrace(csv);
          if (!trace.ok) errors.set("arrivals.file", `${file.name}: ${trace.message}`);
          else {
            upload = {
              file: stripControl(file.name).slice(0, 200) || "trace.csv",
              csv,
              rowCount: trace.rows.length,
            };
          }
        }
      }
      if (fields._action === "refresh" && errors.size === 0)
        return c.req.header("HX-Request") === "true"
          ? c.html(<EditorForm {...props(c, s, fields, errors)} />)
          : c.html(<ScenarioEditorPage {...props(c, s, fields, errors)} />);
      const result = scenarioFromForm(upload ? { ...fields, "arrivals.file": upload.file } : fields);
      if (!result.ok) for (const [path, why] of result.errors) if (!errors.has(path)) errors.set(path, why);
      if (result.ok && result.scenario.name.length > MAX_NAME) errors.set("name", LONG_NAME);
      // a refused form keeps no upload (a file input cannot be filled back in): say so beside it
      if (upload && errors.size > 0 && !errors.has("arrivals.file"))
        errors.set("arrivals.file", `choose ${upload.file} again: nothing was kept`);
      if (errors.size > 0 || !result.ok) return refuse(c, props(c, s, fields, errors));
      scenario = result.scenario;
    }
    if (scenario.arrivals.kind === "trace" && !upload && !traceId)
      return refuse(
        c,
        props(c, s, formFromScenario(scenario), new Map([["arrivals.file", "upload a trace CSV to replay"]])),
      );
    const id = deps.db.transaction(() => {
      if (upload) traceId = runs.saveTrace({ ...upload, by }, deps.now());
      return runs.saveScenario(
        {
          name: scenario.name,
          checkpointId: s.checkpointId,
          body: scenario,
          traceId: scenario.arrivals.kind === "trace" ? traceId : null,
          by,
        },
        deps.now(),
      );
    })();
    const to = `/planner/scenarios/${id}`;
    if (c.req.header("HX-Request") === "true") {
      c.header("HX-Redirect", to);
      return c.body(null, 204);
    }
    return c.redirect(to, 303);
  }

  app.get("/planner/scenarios/:id", (c) => show(c, { kind: "scenario", id: c.req.param("id") }));
  // saving an example makes a copy; saving a planner's own scenario also makes a new version (a
  // copy), so runs already made keep meaning what they meant
  app.post("/planner/scenarios/:id", (c) => save(c, { kind: "scenario", id: c.req.param("id") }));
  app.get("/planner/checkpoints/:id/scenario", (c) => show(c, { kind: "checkpoint", id: c.req.param("id") }));
  app.post("/planner/checkpoints/:id/scenario", (c) =>
    save(c, { kind: "checkpoint", id: c.req.param("id") }),
  );
  return app;
}
