/** How trucks arrive: at a rate, by a daily profile, by booked slots, or as an uploaded trace. */
import { ARRIVAL_KINDS } from "../../src/planner/scenario-form.ts";
import {
  errorFor,
  FieldError,
  type FormState,
  Group,
  idOf,
  Kept,
  NumberField,
  SwitchField,
} from "./scenario-fields.tsx";

const BOOKED = ["slotMinutes", "capacityPerSlot", "fill", "noShowRate", "jitterMinutes"].map(
  (k) => `arrivals.${k}`,
);
const PROFILE = [
  ...Array.from({ length: 24 }, (_, h) => `arrivals.perHour.${h}`),
  ...Array.from({ length: 7 }, (_, d) => `arrivals.weekdayFactors.${d}`),
];
/** Each kind's fields, so the others' values are kept while one kind is shown. */
const KIND_FIELDS: Record<string, readonly string[]> = {
  poisson: ["arrivals.perHour"],
  profile: PROFILE,
  booked: BOOKED,
};

const WEEKDAYS = ["day 1", "day 2", "day 3", "day 4", "day 5", "day 6", "day 7"];

function Profile(props: { state: FormState }) {
  const { state } = props;
  return (
    <>
      <Group name="arrivals.perHour" legend="Trucks an hour, hour by hour (0–23)" state={state}>
        <div class="row">
          {Array.from({ length: 24 }, (_, h) => (
            <NumberField name={`arrivals.perHour.${h}`} label={`${h}:00`} state={state} />
          ))}
        </div>
      </Group>
      <Group
        name="arrivals.weekdayFactors"
        legend="Weekday factors (the run's first day is day 1; leave all empty for none)"
        state={state}
      >
        <div class="row">
          {WEEKDAYS.map((d, i) => (
            <NumberField name={`arrivals.weekdayFactors.${i}`} label={d} state={state} />
          ))}
        </div>
      </Group>
    </>
  );
}

function Booked(props: { state: FormState }) {
  const { state } = props;
  return (
    <div class="row">
      <NumberField name="arrivals.slotMinutes" label="Slot length (min)" state={state} />
      <NumberField name="arrivals.capacityPerSlot" label="Places a slot" state={state} />
      <NumberField name="arrivals.fill" label="Share of places booked (0–1)" state={state} />
      <NumberField name="arrivals.noShowRate" label="No-show rate (0–1)" state={state} />
      <NumberField name="arrivals.jitterMinutes" label="Lateness spread (min)" state={state} />
    </div>
  );
}

/** The uploaded CSV: the scenario keeps the last one until another replaces it. */
function Trace(props: { state: FormState; maxBytes: number }) {
  const { state } = props;
  const current = state.fields["arrivals.file"] ?? "";
  const error = errorFor(state.errors, "arrivals.file");
  return (
    <div class={error ? "field-invalid" : undefined}>
      <input type="hidden" name="arrivals.file" value={current} />
      <p class="muted">
        {current ? `Replays ${current}. Upload another to replace it.` : "No trace yet: upload one."} A
        header, then <code>arrival</code> (ISO-8601 or minutes), <code>plate</code>, <code>channel</code>, and
        optional <code>priority</code>, <code>documentCheckMinutes</code>, <code>scanMinutes</code>,{" "}
        <code>physicalInspectionMinutes</code>; <code>npm run export-trace</code> writes one.
      </p>
      <label>
        Trace CSV (at most {Math.round(props.maxBytes / 1024 / 1024)} MB)
        <input
          id={idOf("arrivals.file")}
          name="traceFile"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${idOf("arrivals.file")}-error` : undefined}
        />
      </label>
      <FieldError name="arrivals.file" message={error} />
      <span class="error" id="upload-refusal" role="alert" />
    </div>
  );
}

export function ArrivalsField(props: { state: FormState; refresh: string; maxTraceBytes: number }) {
  const { state } = props;
  const kind = state.fields["arrivals.kind"] ?? "";
  return (
    <Group name="arrivals" legend="Arrivals" state={state}>
      <SwitchField
        name="arrivals.kind"
        label="Kind"
        options={ARRIVAL_KINDS}
        state={state}
        refresh={props.refresh}
      />
      {kind === "poisson" ? (
        <NumberField name="arrivals.perHour" label="Trucks an hour" state={state} />
      ) : null}
      {kind === "profile" ? <Profile state={state} /> : null}
      {kind === "booked" ? <Booked state={state} /> : null}
      {kind === "trace" ? (
        <Trace state={state} maxBytes={props.maxTraceBytes} />
      ) : (
        <input type="hidden" name="arrivals.file" value={state.fields["arrivals.file"] ?? ""} />
      )}
      <Kept
        state={state}
        names={Object.entries(KIND_FIELDS).flatMap(([k, names]) => (k === kind ? [] : names))}
      />
    </Group>
  );
}
