/**
 * A supervisor's change to the shift's settings: in one IMMEDIATE transaction the configuration
 * is written, each setting's old and new value appended to checkpoint_changes, and, when a
 * lowered daily limit leaves a day overbooked, its last-booked trucks moved to the next places
 * with room (CANCEL_BOOKING then BOOK, both through crossingStore.apply, so the driver's page
 * and trail show it). Everything reads the configuration afresh, so the change takes effect at once.
 */
import { nanoid } from "nanoid";
import type { Actor } from "../../machines/index.ts";
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import { localDayStart } from "../domain/slots.ts";
import {
  type DayOverLimit,
  daysOverLimit,
  diffSettings,
  type MovableBooking,
  type SettingDiff,
  type SettingsChange,
  withSettings,
} from "../domain/supervisor-settings.ts";
import { bookingStore, HOLDS_PLACE } from "./booking.ts";
import type { CheckpointStore, StoredCheckpoint } from "./checkpoints.ts";
import type { CrossingStore } from "./crossings.ts";
import type { DB } from "./db.ts";

export interface ChangeRecord {
  seq: number;
  changeId: string;
  setting: string;
  from: unknown;
  to: unknown;
  reason: string;
  movedBookings: number;
  actorId: string;
  at: number;
}

export interface MovedBooking {
  crossingId: string;
  from: number;
  /** the new slot's start, or null when no place was left within the booking horizon */
  to: number | null;
}

export type SettingsOutcome =
  | { ok: true; changes: SettingDiff[]; moved: MovedBooking[] }
  | { ok: false; status: 409; reason: string; overLimit: DayOverLimit[] };

const DAY_MS = 86_400_000;

export function checkpointSettingsStore(db: DB, checkpoints: CheckpointStore, crossings: CrossingStore) {
  const bookings = bookingStore(db, crossings);
  const heldFrom = db.prepare(
    `SELECT slot_start AS start FROM crossings WHERE checkpoint_id = ? AND slot_start >= ? AND ${HOLDS_PLACE}`,
  );
  const movable = db.prepare(
    `SELECT c.id, c.slot_start AS start,
       (SELECT max(at) FROM crossing_events e WHERE e.crossing_id = c.id AND e.type = 'BOOK') AS bookedAt
     FROM crossings c WHERE c.checkpoint_id = ? AND c.state = 'booked' AND c.slot_start > ?`,
  );
  const insertChange = db.prepare(
    `INSERT INTO checkpoint_changes (checkpoint_id, change_id, setting, old_value, new_value, reason,
       moved_bookings, actor_id, at)
     VALUES (@checkpointId, @changeId, @setting, @from, @to, @reason, @moved, @actorId, @at)`,
  );
  const history = db.prepare(
    "SELECT * FROM checkpoint_changes WHERE checkpoint_id = ? ORDER BY seq DESC LIMIT ?",
  );

  /** Days from today whose places held exceed `config`'s daily limit, and who would move. */
  function overLimit(cp: StoredCheckpoint, config: CheckpointConfig, now: number): DayOverLimit[] {
    const zone = config.timezone;
    const today = localDayStart(now, zone);
    const held = new Map<number, number>();
    for (const { start } of heldFrom.all(cp.id, today) as { start: number }[]) {
      const day = localDayStart(start, zone);
      held.set(day, (held.get(day) ?? 0) + 1);
    }
    const candidates = (movable.all(cp.id, now) as { id: string; start: number; bookedAt: number }[]).map(
      (r): MovableBooking => ({ id: r.id, day: localDayStart(r.start, zone), bookedAt: r.bookedAt }),
    );
    return daysOverLimit(held, candidates, config.dailyLimit);
  }

  /** The next slot after the moved one's day with room under the new limits, or null. */
  function nextPlace(cp: StoredCheckpoint, after: number, now: number): number | null {
    const from = localDayStart(after, cp.config.timezone) + DAY_MS + 3_600_000;
    const perDay = Math.ceil(1440 / cp.config.slotMinutes);
    const open = bookings
      .slots(cp, localDayStart(from, cp.config.timezone), perDay * cp.config.bookingHorizonDays, now)
      .find((s) => s.available > 0);
    return open?.start ?? null;
  }

  const save = db.transaction(
    (cp: StoredCheckpoint, change: SettingsChange, actor: Actor, now: number): SettingsOutcome => {
      const config: CheckpointConfig = withSettings(cp.config, change.settings);
      const changes = diffSettings(cp.config, change.settings);
      const days = config.dailyLimit < cp.config.dailyLimit ? overLimit(cp, config, now) : [];
      const toMove = days.flatMap((d) => d.move);
      if (toMove.length > 0 && !change.confirmMoves)
        return {
          ok: false,
          status: 409,
          reason: `lowering the daily limit to ${config.dailyLimit} moves ${toMove.length} booked truck(s) to later slots; confirm to go ahead`,
          overLimit: days,
        };
      if (changes.length === 0) return { ok: true, changes, moved: [] };

      checkpoints.updateConfig(cp.id, config, now);
      // a shorter cycle may no longer have the place the queue stood at
      if (changes.some((c) => c.setting === "queueCycle")) checkpoints.setCyclePosition(cp.id, 0);
      const updated: StoredCheckpoint = { ...cp, config };
      const moved: MovedBooking[] = [];
      for (const id of toMove) {
        const from = crossings.get(id)?.row.slot_start ?? now;
        const reason = `daily limit lowered to ${config.dailyLimit}`;
        const dropped = crossings.apply(id, { type: "CANCEL_BOOKING", at: now, actor, reason });
        if (!dropped.ok) throw new Error(`could not move booking ${id}: ${dropped.reason}`);
        const to = nextPlace(updated, from, now);
        if (to !== null) {
          const booked = bookings.book(updated, id, to, now, actor);
          if (!booked.ok) throw new Error(`could not rebook ${id}: ${booked.reason}`);
        }
        moved.push({ crossingId: id, from, to });
      }
      const changeId = nanoid(10);
      for (const c of changes)
        insertChange.run({
          checkpointId: cp.id,
          changeId,
          setting: c.setting,
          from: JSON.stringify(c.from),
          to: JSON.stringify(c.to),
          reason: change.reason,
          moved: c.setting === "dailyLimit" ? moved.length : 0,
          actorId: actor.id,
          at: now,
        });
      return { ok: true, changes, moved };
    },
  );

  return {
    /** What saving would do, without writing: the changes and the days over a lowered limit. */
    preview(cp: StoredCheckpoint, change: SettingsChange, now: number) {
      const config = withSettings(cp.config, change.settings);
      return {
        changes: diffSettings(cp.config, change.settings),
        overLimit: config.dailyLimit < cp.config.dailyLimit ? overLimit(cp, config, now) : [],
      };
    },
    save(cp: StoredCheckpoint, change: SettingsChange, actor: Actor, now: number): SettingsOutcome {
      const outcome = save.immediate(cp, change, actor, now);
      // the moved crossings' live pages learn of it once the whole change has committed
      if (outcome.ok)
        for (const m of outcome.moved) {
          const crossing = crossings.get(m.crossingId);
          const last = crossing && crossings.events(m.crossingId).at(-1);
          if (crossing && last)
            crossings.notifyCommitted({ crossing, event: JSON.parse(last.payload), seq: last.seq });
        }
      return outcome;
    },
    history(checkpointId: string, limit = 100): ChangeRecord[] {
      return (history.all(checkpointId, limit) as Record<string, string | number>[]).map((r) => ({
        seq: Number(r.seq),
        changeId: String(r.change_id),
        setting: String(r.setting),
        from: JSON.parse(String(r.old_value)),
        to: JSON.parse(String(r.new_value)),
        reason: String(r.reason),
        movedBookings: Number(r.moved_bookings),
        actorId: String(r.actor_id),
        at: Number(r.at),
      }));
    },
  };
}
export type CheckpointSettingsStore = ReturnType<typeof checkpointSettingsStore>;
