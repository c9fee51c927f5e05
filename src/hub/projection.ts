/**
 * The hub's projections as a pure fold over one post's events in seq order: each crossing's current
 * state, the crossings per checkpoint and state, the daily counts per checkpoint, direction, channel and
 * state entered, and the time spent per stage (a national Time Release Study). Ingest folds each batch
 * onto the rows it already holds; a rebuild folds every event from nothing. Both use this one function,
 * and a test checks that they agree on a real database.
 */
import { FINAL_STATES } from "../../machines/index.ts";

export interface ProjectedEvent {
  crossingId: string;
  checkpointId: string;
  direction: string;
  type: string;
  payload: string;
  fromState: string | null;
  toState: string;
  at: number;
}

export interface CrossingProjection {
  checkpointId: string;
  direction: string;
  channel: string;
  state: string;
  enteredAt: number;
  declaredAt: number;
  events: number;
}

export interface ProjectionDelta {
  /** the crossings this fold touched, as they now stand */
  crossings: Map<string, CrossingProjection>;
  /** checkpoint \0 state -> change in the number of crossings */
  checkpointStates: Map<string, number>;
  /** checkpoint \0 day \0 direction \0 channel \0 state -> crossings that entered the state */
  daily: Map<string, number>;
  /** checkpoint \0 day \0 stage -> crossings that left the stage, and their time in it */
  stages: Map<string, { crossings: number; totalMs: number }>;
}

export const KEY_SEPARATOR = "\u0000";
const key = (...parts: string[]) => parts.join(KEY_SEPARATOR);

// Kazakhstan keeps one time zone, UTC+5, since 1 March 2024: the national day is that day.
const KZ_OFFSET_MS = 5 * 3_600_000;
export const nationalDay = (at: number): string => new Date(at + KZ_OFFSET_MS).toISOString().slice(0, 10);

export const isFinalState = (state: string) => (FINAL_STATES as readonly string[]).includes(state);

const channelOf = (payload: string): string => {
  try {
    const channel = (JSON.parse(payload) as { channel?: unknown }).channel;
    return typeof channel === "string" ? channel : "unknown";
  } catch {
    return "unknown";
  }
};

const bump = (m: Map<string, number>, k: string, by: number) => m.set(k, (m.get(k) ?? 0) + by);

export function emptyDelta(): ProjectionDelta {
  return { crossings: new Map(), checkpointStates: new Map(), daily: new Map(), stages: new Map() };
}

/** Folds events onto what is known of their crossings (known() is asked once per crossing). */
export function project(
  events: readonly ProjectedEvent[],
  known: (crossingId: string) => CrossingProjection | undefined,
  into: ProjectionDelta = emptyDelta(),
): ProjectionDelta {
  for (const e of events) {
    let c = into.crossings.get(e.crossingId) ?? known(e.crossingId);
    const day = nationalDay(e.at);
    if (!c) {
      // a crossing starts with its DECLARE; anything else first seen is kept as best known
      c = {
        checkpointId: e.checkpointId,
        direction: e.direction,
        channel: e.type === "DECLARE" ? channelOf(e.payload) : "unknown",
        state: e.toState,
        enteredAt: e.at,
        declaredAt: e.at,
        events: 1,
      };
      bump(into.checkpointStates, key(c.checkpointId, c.state), 1);
      bump(into.daily, key(c.checkpointId, day, c.direction, c.channel, c.state), 1);
      into.crossings.set(e.crossingId, c);
      continue;
    }
    c = { ...c, events: c.events + 1 };
    if (e.toState !== c.state) {
      const stage = key(c.checkpointId, day, c.state);
      const s = into.stages.get(stage) ?? { crossings: 0, totalMs: 0 };
      into.stages.set(stage, {
        crossings: s.crossings + 1,
        totalMs: s.totalMs + Math.max(0, e.at - c.enteredAt),
      });
      bump(into.checkpointStates, key(c.checkpointId, c.state), -1);
      bump(into.checkpointStates, key(c.checkpointId, e.toState), 1);
      bump(into.daily, key(c.checkpointId, day, c.direction, c.channel, e.toState), 1);
      c = { ...c, state: e.toState, enteredAt: e.at };
    }
    into.crossings.set(e.crossingId, c);
  }
  return into;
}

export const splitKey = (k: string) => k.split(KEY_SEPARATOR);
