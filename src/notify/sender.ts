/**
 * How a notification reaches a driver. The default writes one line to the log; an SMS gateway is
 * another Sender (it gets the crossing's phone number from the declaration and the text in the
 * driver's language), plugged in where the runtime starts the notify job.
 */
import type { Notification } from "../store/notifications.ts";

/** Resolves when the message has left; throws (or rejects) to have it tried again later. */
export type Sender = (notification: Notification) => Promise<void>;

export const logSender =
  (log: (line: string) => void): Sender =>
  async (n) => {
    // the crossing id only: no phone or name in the log
    log(`notify ${n.kind} crossing ${n.crossingId} ${JSON.stringify(n.params)}`);
  };
