/**
 * Commands from the hub, applied once each: the cancel of a crossing whose vehicle the hub found held
 * earlier at another post goes through the machine like any cancel (so the driver is told through the
 * notifications), with the command's id as the actor and the record of it in the same transaction.
 */

import type { HubCommand } from "../hub/wire.ts";
import type { CrossingStore } from "../store/crossings.ts";
import type { DB } from "../store/db.ts";

export function commandApplier(db: DB, crossings: CrossingStore) {
  const done = db.prepare("SELECT outcome FROM hub_commands_applied WHERE id = ?").pluck();
  const record = db.prepare(
    "INSERT INTO hub_commands_applied (id, crossing_id, outcome, applied_at) VALUES (?, ?, ?, ?)",
  );
  return (command: HubCommand, at: number): string => {
    let committed: Parameters<CrossingStore["notifyCommitted"]>[0] | null = null;
    const outcome = db
      .transaction((): string => {
        const before = done.get(command.id) as string | undefined;
        if (before !== undefined) return before; // applied already; the hub did not hear our answer
        const r = crossings.apply(command.crossingId, {
          type: "CANCEL",
          reason: `${command.reason} (hub command ${command.id})`,
          at,
          actor: { kind: "system", id: `hub-command:${command.id}` },
        });
        const text = r.ok ? "cancelled" : `not applied: ${r.reason}`;
        if (r.ok) committed = { crossing: r.crossing, event: r.event, seq: r.seq };
        record.run(command.id, command.crossingId, text, at);
        return text;
      })
      .immediate();
    if (committed) crossings.notifyCommitted(committed);
    return outcome;
  };
}
