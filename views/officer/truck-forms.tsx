/** The officers' forms on a truck of the dashboard: one button per event, and the steps that need a sentence. */

import type { Child } from "hono/jsx";
import type { BoardTruck } from "../../src/http/officer/board.ts";

export function Csrf(props: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={props.csrf} />;
}

/** One button that applies one event to one truck. */
export function Act(props: {
  base: string;
  truck: BoardTruck;
  action: string;
  csrf: string;
  label: string;
  children?: Child;
  kind?: string;
}) {
  return (
    <form method="post" action={`${props.base}/crossings/${props.truck.id}/${props.action}`} class="row">
      <Csrf csrf={props.csrf} />
      {props.children}
      <button type="submit" class={props.kind}>
        {props.label}
      </button>
    </form>
  );
}

export function Reason(props: { id: string; name: string; label: string }) {
  return (
    <label>
      {props.label}
      <input id={props.id} name={props.name} required maxlength={500} />
    </label>
  );
}

/**
 * A step that needs a sentence, folded away. id + hx-preserve: the polling refresh keeps it
 * open and keeps what the officer is typing.
 */
export function Fold(props: { id: string; summary: string; children: Child }) {
  return (
    <details id={props.id} hx-preserve="true">
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}

/** A stage's two results, one button each: the good one first, the bad one quieter. */
export function StageResults(props: {
  base: string;
  truck: BoardTruck;
  csrf: string;
  action: string;
  field: string;
  good: [value: string, label: string];
  bad: [value: string, label: string];
}) {
  const { good, bad, field, ...act } = props;
  return (
    <>
      <Act {...act} label={good[1]}>
        <input type="hidden" name={field} value={good[0]} />
      </Act>
      <Act {...act} label={bad[1]} kind="secondary">
        <input type="hidden" name={field} value={bad[0]} />
      </Act>
    </>
  );
}
