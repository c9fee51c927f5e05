/**
 * The crossing machine's versions. Every stored snapshot and every logged event carries the
 * version of the machine that wrote it, so a changed machine still replays old logs: each event
 * is replayed under the rules of the version that accepted it, and an old snapshot is brought
 * to the present context's shape by the migrations below, one version at a time.
 *
 * Version 1: everything written before the versions were stored (migration 120).
 * Version 2: a truck is promoted once; a call names a lane within the lanes open that is not
 *   already busy (what the checkpoint knows comes in on the event); a booked truck checks in within
 *   its arrival window and a declared VIN must match the one read at the gate; an unbooked
 *   declaration lapses (EXPIRE from declared); a supervisor may VOID a crossing; a booked slot may
 *   be changed in one move. The context gains `voided`, optional, so old snapshots keep their shape.
 *   Issue 22 added the GATE_READ event (the Smart Customs gate) and the optional `driverless` and `gate`
 *   fields without a new version: no guard of an existing event changed, and no old log holds the
 *   new event, so every old event replays under the same rules. Likewise RESUME to the document check
 *   asks for an open, free lane only when the event says which lanes are busy (fields no older log has).
 * Version 3: a driverless crossing is its carrier's: no driver books it, cancels its booking or
 *   cancels it (the routes refused a driver's link before; now the machine does, and the driver's page
 *   draws no such button from it). The context's shape is unchanged.
 */
import type { AnyStateMachine } from "xstate";
import { crossingMachine } from "./crossing.ts";
import { type RuleName, rules } from "./rules.ts";
import type { CrossingContext, CrossingEvent, CrossingState } from "./types.ts";

export const MACHINE_VERSION = 3;

/**
 * Guards whose rule changed, by the version that changed it, with the rule they had before.
 * The call's lane checks need no entry: they read fields that version 1's events do not carry.
 */
const RULES_BEFORE: Record<number, Partial<Record<RuleName, RuleName>>> = {
  2: {
    promotable: "supervisorWithReason",
    bookedArrival: "bookedCheckInInTime",
    walkInArrival: "walkInAllowed",
  },
  3: {
    bookable: "slotNotPast",
    carriersOwn: "noObjection",
  },
};

const machines = new Map<number, AnyStateMachine>([[MACHINE_VERSION, crossingMachine]]);

/** The machine as it was at `version`: today's definition with the rules added since switched off. */
export function machineAt(version: number): typeof crossingMachine {
  if (!Number.isInteger(version) || version < 1 || version > MACHINE_VERSION)
    throw new Error(`unknown machine version ${version}`);
  let machine = machines.get(version);
  if (!machine) {
    const guards: Record<string, (a: { context: CrossingContext; event: CrossingEvent }) => boolean> = {};
    // from the newest change down, so the oldest rule a guard had wins
    for (const [changed, before] of Object.entries(RULES_BEFORE).sort(([a], [b]) => Number(b) - Number(a))) {
      if (Number(changed) <= version) continue;
      for (const [guard, rule] of Object.entries(before))
        guards[guard] = ({ context, event }) => rules[rule as RuleName](context, event) === null;
    }
    machine = crossingMachine.provide({ guards });
    machines.set(version, machine);
  }
  return machine as typeof crossingMachine;
}

/**
 * What turns a snapshot of version v into one of version v + 1 (index v). Versions 2 and 3 changed
 * only rules, not the context's shape, so their steps are the identity; a machine that adds or renames a
 * context field adds its step here, and test/store/verify-log.test.ts shows old files still load.
 */
const SNAPSHOT_STEPS: Record<number, (s: { state: CrossingState; context: CrossingContext }) => typeof s> = {
  1: (s) => s,
  2: (s) => s,
};

export function migrateSnapshot(
  crossing: { state: CrossingState; context: CrossingContext },
  fromVersion: number,
): { state: CrossingState; context: CrossingContext } {
  let s = crossing;
  for (let v = fromVersion; v < MACHINE_VERSION; v++) {
    const step = SNAPSHOT_STEPS[v];
    if (!step) throw new Error(`no migration from machine version ${v}`);
    s = step(s);
  }
  return s;
}
