/**
 * The sets of states that others ask about (SQL above all), named once from the machine's own
 * state tags, so a new state joins the right sets where it is defined. test/store/state-sets.test.ts
 * proves that every state list written in SQL equals one of these sets.
 */
import { crossingMachine } from "./crossing.ts";
import { type CrossingState, STATES } from "./types.ts";

export const STATE_TAGS = [
  /** declared or booked: the truck has not reached the waiting area yet */
  "beforeArrival",
  /** not final: the crossing may still change (one open crossing per plate) */
  "open",
  /** booked or further along and not final: what a confirmed phone holds (issue 13's cap) */
  "activeBooking",
  /** counts against its slot's and its day's places, when it has a slot */
  "holdsPlace",
  /** in the waiting area, in the queue to be called */
  "inQueue",
  /** called to a lane or being checked there: the officers' side of the dashboard */
  "inControlZone",
  /** keeps its lane busy: called to it, or at its document check */
  "holdsLane",
  /** released or refused by the checkpoint */
  "processed",
  /** entering it sends the driver a notification */
  "notifiesDriver",
] as const;
export type StateTag = (typeof STATE_TAGS)[number];

/** The states carrying `tag`, in the machine's order. */
export function statesTagged(tag: StateTag): readonly CrossingState[] {
  return STATES.filter((s) => (crossingMachine.states[s]?.tags ?? []).includes(tag));
}

export const STATE_SETS: Readonly<Record<StateTag, readonly CrossingState[]>> = Object.fromEntries(
  STATE_TAGS.map((tag) => [tag, statesTagged(tag)]),
) as Record<StateTag, readonly CrossingState[]>;
