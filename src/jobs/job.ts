/** A job the shell runs beside the server (deadline timers, outbox senders); stopped on shutdown. */
export interface BackgroundJob {
  name: string;
  stop(): void | Promise<void>;
}
