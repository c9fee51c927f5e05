/**
 * How a notification reaches a driver. The default writes one line to the log; an SMS gateway is
 * another Sender, plugged in where the runtime starts the notify job. It is handed the recipient
 * (the phone from the declaration) so it need not read the database itself.
 */
import { maskPhone } from "../domain/phone-check.ts";
import type { Notification, Recipient } from "../store/notifications.ts";

export type { Recipient };

/** Resolves when the message has left; throws (or rejects) to have it tried again later. */
export type Sender = (notification: Notification, recipient: Recipient) => Promise<void>;

/**
 * A log is read by more people than the driver: it gets what was sent and to a masked number,
 * never the crossing id (the driver's secret link), the booking code, a one-time code or the
 * message's details (issue 13, finding 5).
 */
export const logSender =
  (log: (line: string) => void): Sender =>
  async (n, to) => {
    log(`notify ${n.kind} to ${maskPhone(to.phone)}`);
  };
