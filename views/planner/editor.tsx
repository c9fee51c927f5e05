/**
 * The scenario editor: a form with the scenario schema's fields, and the JSON beside it for what
 * the form does not offer. One view draws the whole page and the fragment htmx swaps.
 */
import { RESOURCES, SERVICE_STAGES, shiftRowCount } from "../../src/planner/scenario-form.ts";
import { Layout } from "../layout.tsx";
import { ArrivalsField } from "./arrivals-field.tsx";
import { DistributionField } from "./distribution-field.tsx";
import { type FormState, Group, idOf, NumberField, TextField } from "./scenario-fields.tsx";
import { SweepForm, type SweepFormProps } from "./sweep.tsx";

export interface EditorProps {
  title: string;
  /** where the form posts: the scenario it starts from, or a new one from a checkpoint */
  action: string;
  /** an example is read-only: saving makes a copy */
  example: boolean;
  state: FormState;
  /** the scenario as JSON, for the advanced editor */
  json: string;
  csrf: string;
  maxTraceBytes: number;
  /** a refusal of the JSON editor, shown beside it */
  jsonError?: string;
  /** a stored scenario can be run from its page */
  runAction?: string;
  /** and swept: every combination of the fields the planner varies (issue 19) */
  sweep?: SweepFormProps;
}

const Csrf = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />;

const STAGE_LABELS: Record<(typeof SERVICE_STAGES)[number], string> = {
  documentCheck: "Document check, minutes",
  scan: "Scan, minutes",
  physicalInspection: "Physical inspection, minutes",
};
const RESOURCE_LABELS: Record<(typeof RESOURCES)[number], string> = {
  documentLanes: "Document lanes",
  scanners: "Scanners",
  inspectionBays: "Inspection bays",
};

function Shifts(props: { state: FormState }) {
  const { state } = props;
  return (
    <Group
      name="shifts"
      legend="Shift plan (a row from hour to hour; an empty count keeps the resources above; a new row appears after saving)"
      state={state}
    >
      {Array.from({ length: shiftRowCount(state.fields) }, (_, i) => (
        <div class="row">
          <NumberField name={`shifts.${i}.fromHour`} label="From hour" state={state} />
          <NumberField name={`shifts.${i}.toHour`} label="To hour" state={state} />
          {RESOURCES.map((r) => (
            <NumberField name={`shifts.${i}.${r}`} label={RESOURCE_LABELS[r]} state={state} />
          ))}
        </div>
      ))}
    </Group>
  );
}

/** The form alone: what htmx swaps after a change of kind or a refused save. */
export function EditorForm(props: EditorProps) {
  const { state } = props;
  const refresh = props.action;
  const errors = [...state.errors];
  return (
    <form
      id="editor"
      method="post"
      action={props.action}
      enctype="multipart/form-data"
      hx-post={props.action}
      hx-target="this"
      // a refusal's summary is at the form's top, far above the button pressed: show it
      hx-swap="outerHTML show:top"
    >
      <Csrf token={props.csrf} />
      {/* the scenario's fields this form has no inputs for (a schedule by day, its sources): kept as they were */}
      {state.fields.more ? <input type="hidden" name="more" value={state.fields.more} /> : null}
      {errors.length ? (
        <div class="notice bad" role="alert">
          <p>The scenario has {errors.length === 1 ? "a bad field" : "bad fields"}; nothing was saved.</p>
          <ul>
            {errors.map(([path, why]) => (
              <li>
                <a href={`#${idOf(path)}`}>{path}</a>: {why}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Group name="(scenario)" legend="Scenario" state={state}>
        <TextField name="name" label="Name" state={state} />
        <div class="row">
          <NumberField name="seed" label="Seed" state={state} />
          <NumberField name="hours" label="Hours simulated" state={state} />
          <NumberField name="warmupHours" label="Warm-up hours (not counted)" state={state} />
          <NumberField
            name="neighbourAcceptsPerDay"
            label="Neighbour accepts a day"
            hint="empty: no limit"
            state={state}
          />
        </div>
        <TextField
          name="queueCycle"
          label="Queue cycle"
          hint="classes in order, e.g. perishableTransit, perishable, transit, ordinary; empty: eCherha's"
          state={state}
        />
      </Group>
      <ArrivalsField state={state} refresh={refresh} maxTraceBytes={props.maxTraceBytes} />
      <Group name="channels" legend="Channels (shares adding up to 1)" state={state}>
        <div class="row">
          <NumberField name="channels.green" label="Green" state={state} />
          <NumberField name="channels.yellow" label="Yellow" state={state} />
          <NumberField name="channels.red" label="Red" state={state} />
          <NumberField name="priorityShare" label="Priority share" state={state} />
        </div>
      </Group>
      <Group name="resources" legend="Resources" state={state}>
        <div class="row">
          {RESOURCES.map((r) => (
            <NumberField name={`resources.${r}`} label={RESOURCE_LABELS[r]} state={state} />
          ))}
        </div>
      </Group>
      <Shifts state={state} />
      {SERVICE_STAGES.map((s) => (
        <DistributionField
          prefix={`serviceMinutes.${s}`}
          legend={STAGE_LABELS[s]}
          state={state}
          refresh={refresh}
        />
      ))}
      <Group name="hold" legend="Holds (empty probability: none)" state={state}>
        <NumberField name="hold.probability" label="Probability (0–1)" state={state} />
        <DistributionField
          prefix="hold.minutes"
          legend="Hold, minutes"
          state={state}
          refresh={refresh}
          optional
        />
      </Group>
      <Group name="missedCallRate" legend="Missed calls" state={state}>
        <NumberField
          name="missedCallRate"
          label="Share of calls missed (0–1)"
          hint="empty: none"
          state={state}
        />
      </Group>
      <Group name="greenAutoRelease" legend="Unmanned green lane" state={state}>
        <label>
          <input
            type="checkbox"
            name="greenAutoRelease.enabled"
            checked={state.fields["greenAutoRelease.enabled"] === "on"}
          />
          Enabled
        </label>
        <NumberField name="greenAutoRelease.share" label="Share of green trucks (0–1)" state={state} />
        <DistributionField
          prefix="greenAutoRelease.minutes"
          legend="Release, minutes"
          state={state}
          refresh={refresh}
          optional
        />
      </Group>
      <Group name="agvLane" legend="Smart Customs lane for driverless trucks (empty: none)" state={state}>
        <NumberField
          name="agvLane.driverlessShare"
          label="Share of trucks that are driverless (0–1)"
          hint="they go through the lane's gates; one that must stop is handed to the manned lanes"
          state={state}
        />
        <NumberField name="agvLane.gates" label="Gates" state={state} />
        <DistributionField
          prefix="agvLane.minutes"
          legend="At a gate, minutes"
          state={state}
          refresh={refresh}
          // a scenario without the lane leaves it blank, not the first distribution with no parameters
          optional
        />
      </Group>
      <div class="row">
        <button type="submit">{props.example ? "Save a copy" : "Save"}</button>
        <button type="submit" name="_action" value="refresh" class="secondary">
          Show the fields for the chosen kinds
        </button>
      </div>
    </form>
  );
}

export function ScenarioEditorPage(props: EditorProps) {
  return (
    <Layout title={props.title}>
      <p>
        <a href="/planner">Scenarios</a>
      </p>
      <h1>{props.title}</h1>
      <p class="muted">
        {props.example
          ? "An example: saving makes your own copy. "
          : "Saving makes a new version; runs keep theirs. "}
        The simulator's own schema checks every field; a bad one is named beside it and nothing is saved.
      </p>
      {props.runAction ? (
        <form method="post" action={props.runAction} class="row">
          <Csrf token={props.csrf} />
          <input type="hidden" name="replications" value="5" />
          <button type="submit">Run this scenario ×5</button>
        </form>
      ) : null}
      {props.sweep ? (
        <details id="sweep-details">
          <summary>Sweep: vary resources over ranges, every combination</summary>
          <SweepForm {...props.sweep} />
        </details>
      ) : null}
      <EditorForm {...props} />
      <details open={props.jsonError ? true : undefined}>
        <summary>Advanced: the scenario as JSON</summary>
        <form method="post" action={props.action}>
          <Csrf token={props.csrf} />
          <input type="hidden" name="name" value={props.state.fields.name ?? ""} />
          {props.jsonError ? (
            <p class="notice bad" role="alert">
              {props.jsonError} Nothing was saved.
            </p>
          ) : null}
          <label>
            Scenario (JSON, the same fields as the command line's scenario files)
            <textarea name="body" rows={24} spellcheck={false}>
              {props.json}
            </textarea>
          </label>
          <button type="submit">{props.example ? "Save a copy" : "Save"}</button>
        </form>
      </details>
    </Layout>
  );
}
