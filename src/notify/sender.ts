/**
 * How a notification reaches a driver. The default writes one line to the log; an SMS gateway is
 * another Sender, plugged in where the runtime starts the notify job. It is handed the recipient
 * (the phone from the declaration) so it need not read the database itself.
 */
import type { Notification, Recipient } from "../store/notifications.ts";

export type { Recipient };

/** Resolves when the message has left; throws (or rejects) to have it tried again later. */
export type Sender = (notification: Notification, recipient: Recipient) => Promise<void>;

export const logSender =
  (log: (line: string) => void): Sender =>
  async (n) => {
    // the crossing id only: no phone or name in the log
    log(`notify ${n.kind} crossing ${n.crossingId} ${JSON.stringify(n.params)}`);
  };
