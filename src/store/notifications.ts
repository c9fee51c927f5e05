/**
 * The drivers' notifications outbox (rows written by a trigger on the event log, and by the
 * slot-warning job). The sender job takes what is due, and marks it sent or tries again later.
 */
import type { DB } from "./db.ts";

export type NotificationKind =
  | "called"
  | "onHold"
  | "released"
  | "refused"
  | "booking-cancelled"
  | "booking-moved"
  | "crossing-cancelled"
  | "slot-expiring"
  | "missed-call"
  | "expired"
  // the one-time code before a booking (issue 13): handed to the sender at once, never in the outbox
  | "phone-code";

export interface Notification {
  id: number;
  crossingId: string;
  kind: NotificationKind;
  params: {
    lane?: number | null;
    deadline?: number | null;
    slotStart?: number | null;
    reason?: string | null;
    /** the one-time code of a "phone-code" message: for the driver's phone only, never for a log */
    code?: string;
  };
  createdAt: number;
  sentAt: number | null;
  attempts: number;
}

/** Who a notification goes to: what a sender needs to reach the driver and name the crossing. */
export interface Recipient {
  phone: string;
  /** the booking code on the pass, which a driver recognises in a text message */
  code: string;
  checkpointId: string;
}

/** After this many failed attempts the sender stops; the driver's page still shows the notice. */
export const MAX_ATTEMPTS = 5;

/** The slot warnings of one checkpoint; through the index of migration 180, not every booked truck. */
export const WARN_SLOTS = `INSERT OR IGNORE INTO notifications (crossing_id, kind, params, created_at)
  SELECT id, 'slot-expiring', json_object('slotStart', slot_start, 'deadline', slot_end + ?), ?
  FROM crossings WHERE checkpoint_id = ? AND state = 'booked' AND slot_end > ? AND slot_end <= ?
    AND driverless = 0`;

interface Row {
  id: number;
  crossing_id: string;
  kind: NotificationKind;
  params: string;
  created_at: number;
  sent_at: number | null;
  attempts: number;
}
const toNotification = (r: Row): Notification => ({
  id: r.id,
  crossingId: r.crossing_id,
  kind: r.kind,
  params: JSON.parse(r.params),
  createdAt: r.created_at,
  sentAt: r.sent_at,
  attempts: r.attempts,
});

export function notificationStore(db: DB) {
  const ofCrossing = db.prepare(
    "SELECT * FROM notifications WHERE crossing_id = ? ORDER BY id DESC LIMIT 20",
  );
  const due = db.prepare(
    "SELECT * FROM notifications WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?",
  );
  const sent = db.prepare("UPDATE notifications SET sent_at = ?, attempts = attempts + 1 WHERE id = ?");
  const failed = db.prepare(
    `UPDATE notifications SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
       given_up_at = CASE WHEN attempts + 1 >= ? THEN ? ELSE NULL END
     WHERE id = ?`,
  );
  const warnSlots = db.prepare(WARN_SLOTS);
  const recipient = db.prepare(
    `SELECT json_extract(declaration, '$.driver.phone') AS phone, code, checkpoint_id AS checkpointId
     FROM crossings WHERE id = ?`,
  );
  return {
    recipient: (crossingId: string) => recipient.get(crossingId) as Recipient | undefined,
    ofCrossing: (crossingId: string): Notification[] =>
      (ofCrossing.all(crossingId) as Row[]).map(toNotification),
    due: (now: number, limit = 100): Notification[] => (due.all(now, limit) as Row[]).map(toNotification),
    markSent: (id: number, at: number) => sent.run(at, id),
    /** Tries again after a wait that doubles with each attempt, and gives up after MAX_ATTEMPTS. */
    markFailed(n: Notification, error: string, now: number) {
      const wait = 2 ** n.attempts * 30_000;
      failed.run(error.slice(0, 500), now + wait, MAX_ATTEMPTS, now, n.id);
    },
    /** Warns booked trucks whose slot (plus grace) ends within the window; each once. */
    warnSlots(
      checkpointId: string,
      graceMs: number,
      window: { endFrom: number; endTo: number },
      now: number,
    ) {
      return warnSlots.run(graceMs, now, checkpointId, window.endFrom, window.endTo).changes;
    },
  };
}
export type NotificationStore = ReturnType<typeof notificationStore>;
