/**
 * The crossing machine compiled into a lookup table at start-up: for each state and event
 * type, the machine's own candidate transitions (target, guard, and the assignments its actions
 * run), read from its definition. XState's transition() is too slow for a million trucks
 * (issue 5); the table is the same machine, running the same rules (machines/rules.ts) and the
 * same assignments (machines/assignments.ts), and test/sim/machine-table.test.ts proves that
 * the state and the whole context agree with XState's after every step.
 */
import { type Assignment, assignments, historyAfterEntry } from "./assignments.ts";
import { crossingMachine } from "./crossing.ts";
import { type RuleName, rules } from "./rules.ts";
import {
  type CrossingContext,
  type CrossingEvent,
  type CrossingEventType,
  type CrossingState,
  EVENT_TYPES,
  STATES,
} from "./types.ts";

export interface Candidate {
  /** null: a self-transition that only runs actions */
  target: CrossingState | null;
  guard: RuleName | null;
  /** the transition's assignments, in the machine's order */
  actions: readonly Assignment[];
}

export type TransitionTable = Readonly<
  Record<CrossingState, Readonly<Record<CrossingEventType, readonly Candidate[]>>>
>;

/** An action or guard as the machine's definition holds it: a name, or an object with a type. */
const nameOf = (x: unknown): string | undefined =>
  typeof x === "string" ? x : (x as { type?: string } | undefined)?.type;

function assignmentOf(action: unknown): Assignment {
  const name = nameOf(action);
  if (name === undefined || !(name in assignments)) throw new Error(`unknown action ${String(name)}`);
  return assignments[name as keyof typeof assignments];
}

/** Every state's entry must be the one the table runs on entering: its own history entry. */
function checkEntry(state: CrossingState): void {
  const entry = crossingMachine.states[state]?.entry ?? [];
  const params = (entry[0] as { params?: { state?: string } } | undefined)?.params;
  if (entry.length !== 1 || nameOf(entry[0]) !== "recordEntry" || params?.state !== state)
    throw new Error(`state ${state}: the table knows only recordEntry({ state }) on entry`);
}

export function compileMachine(): TransitionTable {
  const table = {} as Record<CrossingState, Record<CrossingEventType, Candidate[]>>;
  for (const state of STATES) {
    checkEntry(state);
    const node = crossingMachine.states[state];
    const byEvent = {} as Record<CrossingEventType, Candidate[]>;
    for (const type of EVENT_TYPES) {
      byEvent[type] = (node?.transitions.get(type) ?? []).map((c) => {
        const name = nameOf(c.guard);
        if (name !== undefined && !(name in rules)) throw new Error(`unknown guard ${name}`);
        return {
          target: (c.target?.[0]?.key as CrossingState | undefined) ?? null,
          guard: (name as RuleName) ?? null,
          actions: c.actions.map(assignmentOf),
        };
      });
    }
    table[state] = byEvent;
  }
  return table;
}

/**
 * One step of the machine on a context the caller owns: the state after `event`, with the
 * context changed in place as XState's assignments would change it, or undefined (and the
 * context untouched) when the machine refuses. Guards run the same rules as the live machine.
 */
export function execute(
  table: TransitionTable,
  state: CrossingState,
  context: CrossingContext,
  event: CrossingEvent,
): CrossingState | undefined {
  const candidates = table[state][event.type];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (c.guard !== null && rules[c.guard](context, event) !== null) continue;
    for (let a = 0; a < c.actions.length; a++) (c.actions[a] as Assignment)(context, context, event);
    if (c.target === null) return state;
    context.history = historyAfterEntry(context, event, c.target);
    return c.target;
  }
  return undefined;
}
