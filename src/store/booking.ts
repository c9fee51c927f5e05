/**
 * Booking a slot: the place count and the day's count are read and the BOOK event written in
 * the one IMMEDIATE transaction of crossingStore.apply, so no two drivers can take the last place.
 */
import type { Actor } from "../../machines/index.ts";
import { canonicalPlate } from "../domain/identity.ts";
import { checkSlotStart, localDayStart, upcomingSlotStarts } from "../domain/slots.ts";
import type { StoredCheckpoint } from "./checkpoints.ts";
import { stateIn } from "./crossing-states.ts";
import type { ApplyOutcome, CrossingStore } from "./crossings.ts";
import type { DB } from "./db.ts";
import { demandStore } from "./demand.ts";
import { groupCommit } from "./group-commit.ts";

const SIXTY_DAYS_MS = 60 * 86_400_000;
// A crossing holds its place from booking until it ends; a cancelled or expired one gives it back.
// Migration 073's triggers keep slot_places by the same rule.
export const HOLDS_PLACE = stateIn("holdsPlace");

export interface SlotView {
  start: number;
  end: number;
  capacity: number;
  booked: number;
  available: number;
}

/** Dictionary keys of the refusals a driver can act on. */
export type BookingRefusal =
  | "book.full"
  | "book.past"
  | "book.horizon"
  | "book.daily"
  | "book.notNow"
  | "book.noPostponements"
  | "book.noCancellations"
  | "book.alreadyFirst";

/** One day of the booking horizon as the picker offers it: its local start and its places left. */
export interface DayView {
  start: number;
  available: number;
}

export type BookingOutcome = ApplyOutcome | { ok: false; status: 409 | 422 | 404; reason: BookingRefusal };

export function bookingStore(db: DB, crossings: CrossingStore) {
  // slot_places is kept by triggers on crossings (migration 073): one row per slot, not a count
  const inSlot = db.prepare(
    "SELECT coalesce(sum(held), 0) FROM slot_places WHERE checkpoint_id = ? AND slot_start = ?",
  );
  const inRange = db.prepare(
    `SELECT slot_start AS start, held AS n FROM slot_places
     WHERE checkpoint_id = ? AND slot_start >= ? AND slot_start < ? AND held > 0`,
  );
  const inDay = db.prepare(
    "SELECT coalesce(sum(held), 0) FROM slot_places WHERE checkpoint_id = ? AND slot_start >= ? AND slot_start < ?",
  );
  // the truck's own changes of mind, across all its crossings at the checkpoint, by canonical plate;
  // a change of slot is a BOOK from `booked` (one move) or, as before, a CANCEL_BOOKING
  const driverEvents = db.prepare(
    `SELECT count(*) FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id
     WHERE c.checkpoint_id = ? AND c.plate_key = ? AND e.actor_kind = 'driver' AND e.at >= ?
       AND (e.type = ? OR (? = 'CANCEL_BOOKING' AND e.type = 'BOOK' AND e.from_state = 'booked'))`,
  );

  const together = groupCommit(db);
  const demand = demandStore(db); // issue 18: refused attempts are demand too
  const count = (stmt: typeof inSlot, ...args: unknown[]) => Number(stmt.pluck().get(...args));

  const used = (cp: StoredCheckpoint, plate: string, type: string, now: number) =>
    count(driverEvents, cp.id, canonicalPlate(plate), now - SIXTY_DAYS_MS, type, type);
  const remaining = (cp: StoredCheckpoint, plate: string, now: number) => ({
    postponements: Math.max(0, cp.config.postponementsPer60Days - used(cp, plate, "CANCEL_BOOKING", now)),
    cancellations: Math.max(0, cp.config.cancellationsPer60Days - used(cp, plate, "CANCEL", now)),
  });

  const dayLength = (cp: StoredCheckpoint, start: number) => {
    const day = localDayStart(start, cp.config.timezone);
    return [day, localDayStart(day + 30 * 3_600_000, cp.config.timezone)] as const;
  };

  return {
    remaining,
    /** Slots from `from`, with places left; `count` of them at most, within the horizon. */
    slots(cp: StoredCheckpoint, from: number, howMany: number, now: number): SlotView[] {
      const starts = upcomingSlotStarts(Math.max(from, now), howMany, now, cp.config);
      if (starts.length === 0) return [];
      const len = cp.config.slotMinutes * 60_000;
      const taken = new Map<number, number>(
        (inRange.all(cp.id, starts[0], (starts.at(-1) ?? 0) + len) as { start: number; n: number }[]).map(
          (r) => [r.start, r.n],
        ),
      );
      const perDay = new Map<number, number>();
      return starts.map((start) => {
        const [day, next] = dayLength(cp, start);
        const dayBooked = perDay.get(day) ?? count(inDay, cp.id, day, next);
        perDay.set(day, dayBooked);
        const booked = taken.get(start) ?? 0;
        const left = Math.min(cp.config.slotCapacity - booked, cp.config.dailyLimit - dayBooked);
        return {
          start,
          end: start + len,
          capacity: cp.config.slotCapacity,
          booked,
          available: Math.max(0, left),
        };
      });
    },

    /** Every day of the booking horizon with its places left: the day picker. */
    days(cp: StoredCheckpoint, now: number): DayView[] {
      const perDay = Math.ceil(1440 / cp.config.slotMinutes);
      const slots = this.slots(cp, now, perDay * cp.config.bookingHorizonDays, now);
      const days = new Map<number, { free: number; dayLeft: number }>();
      for (const s of slots) {
        const [day, next] = dayLength(cp, s.start);
        const d = days.get(day) ?? {
          free: 0,
          dayLeft: cp.config.dailyLimit - count(inDay, cp.id, day, next),
        };
        d.free += Math.max(0, s.capacity - s.booked);
        days.set(day, d);
      }
      return [...days].map(([start, d]) => ({ start, available: Math.max(0, Math.min(d.free, d.dayLeft)) }));
    },

    book(cp: StoredCheckpoint, crossingId: string, start: number, now: number, actor: Actor): BookingOutcome {
      const refusal = checkSlotStart(start, now, cp.config);
      if (refusal === "past") return { ok: false, status: 422, reason: "book.past" };
      if (refusal === "horizon") return { ok: false, status: 422, reason: "book.horizon" };
      if (refusal) return { ok: false, status: 422, reason: "book.notNow" };
      const slot = { start, end: start + cp.config.slotMinutes * 60_000 };
      let why: BookingRefusal | null = null;
      const outcome = crossings.apply(crossingId, { type: "BOOK", slot, at: now, actor }, (c) => {
        // a change of slot (BOOK from booked) is one move: the old place is held until this commits,
        // and it counts against the truck's postponements
        const moving = c.row.state === "booked" && c.row.slot_start !== null;
        const [day, next] = dayLength(cp, start);
        const ownPlaceToday =
          moving && (c.row.slot_start ?? 0) >= day && (c.row.slot_start ?? 0) < next ? 1 : 0;
        if (c.row.checkpoint_id !== cp.id || (moving && c.row.slot_start === start)) why = "book.notNow";
        else if (moving && actor.kind === "driver" && remaining(cp, c.row.plate, now).postponements === 0)
          why = "book.noPostponements";
        else if (count(inSlot, cp.id, start) >= cp.config.slotCapacity) why = "book.full";
        else if (count(inDay, cp.id, day, next) - ownPlaceToday >= cp.config.dailyLimit) why = "book.daily";
        return why;
      });
      if (why) demand.refused(cp.id, crossingId, start, why, now);
      if (!outcome.ok && why) return { ok: false, status: 409, reason: why };
      return outcome;
    },

    /**
     * "First available": the earliest slot with a place left, without choosing a time. The slots
     * are tried in order, so a place another driver takes first sends this one to the next.
     * Why a slot and not a slotless place: a driver pressing it wants to know when to drive up, and
     * a real slot counts against the daily limit the neighbour accepts. Coming with no booking at
     * all is the machine's walk-in (CHECK_IN from `declared`), only where the checkpoint allows it.
     */
    bookFirst(cp: StoredCheckpoint, crossingId: string, now: number, actor: Actor): BookingOutcome {
      const perDay = Math.ceil(1440 / cp.config.slotMinutes);
      // A booked truck asking for the first available wants an earlier slot: a later one is not the
      // first, and the same request sent twice (a weak signal, a client's retry) must not move the
      // truck, and spend a change of slot, each time.
      const own = crossings.get(crossingId)?.row.slot_start ?? null;
      const open = this.slots(cp, now, perDay * cp.config.bookingHorizonDays, now).filter(
        (s) => s.available > 0 && (own === null || s.start < own),
      );
      for (const slot of open) {
        const outcome = this.book(cp, crossingId, slot.start, now, actor);
        if (outcome.ok || (outcome.reason !== "book.full" && outcome.reason !== "book.daily")) return outcome;
      }
      return { ok: false, status: 409, reason: own === null ? "book.full" : "book.alreadyFirst" };
    },

    /**
     * A driver's booking (a slot, or "first" available) in the database's group commit: bookings
     * that arrive together share one flush to disk, and each is answered once it is durable.
     */
    async bookTogether(
      cp: StoredCheckpoint,
      crossingId: string,
      start: number | "first",
      now: number,
      actor: Actor,
    ): Promise<BookingOutcome> {
      const outcome = await together(() =>
        start === "first"
          ? this.bookFirst(cp, crossingId, now, actor)
          : this.book(cp, crossingId, start, now, actor),
      );
      // applied inside the group's transaction, so the store could not tell its listeners itself
      if (outcome.ok) crossings.notifyCommitted(outcome);
      return outcome;
    },

    /** Gives the place back; a postponement, counted against the truck's allowance. */
    cancelBooking(cp: StoredCheckpoint, crossingId: string, now: number, actor: Actor): BookingOutcome {
      let why: BookingRefusal | null = null;
      const outcome = crossings.apply(crossingId, { type: "CANCEL_BOOKING", at: now, actor }, (c) => {
        if (actor.kind === "driver" && remaining(cp, c.row.plate, now).postponements === 0)
          why = "book.noPostponements";
        return why;
      });
      if (!outcome.ok && why) return { ok: false, status: 409, reason: why };
      return outcome;
    },

    cancelCrossing(cp: StoredCheckpoint, crossingId: string, now: number, actor: Actor): BookingOutcome {
      let why: BookingRefusal | null = null;
      const outcome = crossings.apply(
        crossingId,
        { type: "CANCEL", at: now, actor, reason: "driver" },
        (c) => {
          if (actor.kind === "driver" && remaining(cp, c.row.plate, now).cancellations === 0)
            why = "book.noCancellations";
          return why;
        },
      );
      if (!outcome.ok && why) return { ok: false, status: 409, reason: why };
      return outcome;
    },
  };
}
export type BookingStore = ReturnType<typeof bookingStore>;
