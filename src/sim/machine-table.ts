/**
 * The crossing machine compiled into a lookup table at start-up: for each state and event
 * type, the machine's own candidate transitions (target and guard), read from its definition.
 * XState's transition() is too slow for a million trucks (issue 5); the table is the same
 * machine, and test/sim/machine-table.test.ts proves it agrees with applyEvent.
 */
import { crossingMachine } from "../../machines/crossing.ts";
import { type RuleName, rules } from "../../machines/rules.ts";
import {
  type CrossingContext,
  type CrossingEvent,
  type CrossingEventType,
  type CrossingState,
  EVENT_TYPES,
  STATES,
} from "../../machines/types.ts";

export interface Candidate {
  /** null: a self-transition that only runs actions */
  target: CrossingState | null;
  guard: RuleName | null;
}

export type TransitionTable = ReadonlyMap<
  CrossingState,
  ReadonlyMap<CrossingEventType, readonly Candidate[]>
>;

export function compileMachine(): TransitionTable {
  const table = new Map<CrossingState, Map<CrossingEventType, Candidate[]>>();
  for (const state of STATES) {
    const node = crossingMachine.states[state];
    const byEvent = new Map<CrossingEventType, Candidate[]>();
    for (const type of EVENT_TYPES) {
      const candidates = node?.transitions.get(type) ?? [];
      byEvent.set(
        type,
        candidates.map((c) => {
          const g = c.guard;
          const name = typeof g === "string" ? g : (g as { type?: string } | undefined)?.type;
          if (name !== undefined && !(name in rules)) throw new Error(`unknown guard ${name}`);
          return {
            target: (c.target?.[0]?.key as CrossingState | undefined) ?? null,
            guard: (name as RuleName) ?? null,
          };
        }),
      );
    }
    table.set(state, byEvent);
  }
  return table;
}

/**
 * The machine's decision: the state after `event`, or undefined when it refuses. Guards run
 * the same rules as the live machine, on the context the caller keeps.
 */
export function decide(
  table: TransitionTable,
  state: CrossingState,
  context: CrossingContext,
  event: CrossingEvent,
): CrossingState | undefined {
  const candidates = table.get(state)?.get(event.type);
  if (!candidates) return undefined;
  for (const c of candidates) {
    if (c.guard === null || rules[c.guard](context, event) === null) return c.target ?? state;
  }
  return undefined;
}
