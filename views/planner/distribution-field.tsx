/** A service-time distribution: its kind, then the parameters that kind has, in minutes. */
import { DIST_PARAMS, DISTS } from "../../src/planner/scenario-form.ts";
import { type FormState, Group, Kept, NumberField, SwitchField, TextField } from "./scenario-fields.tsx";

const LABELS: Record<string, string> = {
  value: "Minutes",
  mean: "Mean (min)",
  sd: "Standard deviation (min)",
  min: "Least (min)",
  mode: "Most likely (min)",
  max: "Most (min)",
  shape: "Shape",
  k: "Phases k",
};

export function DistributionField(props: {
  prefix: string;
  legend: string;
  state: FormState;
  refresh: string;
  /** an optional part of the scenario (a hold's minutes) may be left without a distribution */
  optional?: boolean;
}) {
  const { prefix, state } = props;
  const dist = state.fields[`${prefix}.dist`] ?? "";
  const params = dist in DIST_PARAMS ? DIST_PARAMS[dist as keyof typeof DIST_PARAMS] : [];
  const hidden = [...new Set(Object.values(DIST_PARAMS).flat())].filter((p) => !params.includes(p));
  return (
    <Group name={prefix} legend={props.legend} state={state}>
      <div class="row">
        <SwitchField
          name={`${prefix}.dist`}
          label="Distribution"
          options={DISTS}
          state={state}
          refresh={props.refresh}
          blank={props.optional}
        />
        {params.map((p) =>
          p === "samples" ? (
            <TextField
              name={`${prefix}.samples`}
              label="Samples (min)"
              hint="observed minutes, separated by commas"
              state={state}
            />
          ) : (
            <NumberField name={`${prefix}.${p}`} label={LABELS[p] ?? p} state={state} />
          ),
        )}
      </div>
      <Kept state={state} names={hidden.map((p) => `${prefix}.${p}`)} />
    </Group>
  );
}
