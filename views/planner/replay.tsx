/** Replay recorded traffic: a checkpoint, a period of its recorded crossings, and the resources to try. */
import { RESOURCES } from "../../src/planner/scenario-form.ts";
import { Layout } from "../layout.tsx";
import { errorFor, FieldError, type FormState, InputField, idOf, NumberField } from "./scenario-fields.tsx";

export interface ReplayProps {
  checkpoints: { id: string; name: string }[];
  state: FormState;
  csrf: string;
}

const LABELS: Record<(typeof RESOURCES)[number], string> = {
  documentLanes: "Document lanes",
  scanners: "Scanners",
  inspectionBays: "Inspection bays",
};

/** The form alone, for htmx to swap after a refusal. */
export function ReplayForm(props: ReplayProps) {
  const { state } = props;
  const picked = state.fields.checkpointId ?? "";
  const cpError = errorFor(state.errors, "checkpointId");
  return (
    <form
      id="replay"
      method="post"
      action="/planner/replay"
      hx-post="/planner/replay"
      hx-target="this"
      // a refusal's summary is at the form's top, far above the button pressed: show it
      hx-swap="outerHTML show:top"
    >
      <input type="hidden" name="_csrf" value={props.csrf} />
      {state.errors.size ? (
        <p class="notice bad" role="alert">
          The replay was not queued; see the fields marked below. Nothing was saved.
        </p>
      ) : null}
      <label class={cpError ? "field-invalid" : undefined}>
        Checkpoint
        <select id={idOf("checkpointId")} name="checkpointId">
          {props.checkpoints.map((c) => (
            <option value={c.id} selected={c.id === picked}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError name="checkpointId" message={cpError} />
      </label>
      <div class="row">
        <InputField type="date" name="from" label="From (a day, the checkpoint's time)" state={state} />
        <InputField type="date" name="to" label="To (that whole day included)" state={state} />
      </div>
      <fieldset>
        <legend>Resources (empty: as the checkpoint is configured)</legend>
        <div class="row">
          {RESOURCES.map((r) => (
            <NumberField name={`resources.${r}`} label={LABELS[r]} state={state} />
          ))}
        </div>
      </fieldset>
      <NumberField name="replications" label="Replications (1–20)" state={state} />
      <button type="submit">Replay</button>
    </form>
  );
}

export function ReplayPage(props: ReplayProps) {
  return (
    <Layout title="Replay recorded traffic">
      <p>
        <a href="/planner">Scenarios</a>
      </p>
      <h1>Replay recorded traffic</h1>
      <p class="muted">
        The trucks that reached the checkpoint's waiting area in the period, with the minutes each stage took
        them, replayed against the checkpoint's configuration or the resources you set. The replay is saved as
        a scenario you can open, change and run again.
      </p>
      <ReplayForm {...props} />
    </Layout>
  );
}
