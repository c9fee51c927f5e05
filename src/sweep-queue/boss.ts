/**
 * pg-boss as sweeps use it: its own schema, our queue, expired jobs looked for every few seconds
 * (its default is two minutes) so a replication whose worker died is retried soon.
 */
import PgBoss from "pg-boss";
import { QUEUE, SCHEMA } from "./tables.ts";

export const MAINTENANCE_SECONDS = 5;

export async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
    max: 4,
  });
  boss.on("error", (error) => process.stderr.write(`sweep queue: ${error.message}\n`));
  await boss.start();
  // idempotent: pg-boss inserts the queue with ON CONFLICT DO NOTHING
  await boss.createQueue(QUEUE);
  return boss;
}

/** What each replication's job carries: enough to run it without asking anyone. */
export interface ReplicationJobData {
  sweep: string;
  scenarioHash: string;
  replication: number;
  seed: number;
  /** the combination's whole scenario, as the sweep command checked it */
  scenario: unknown;
  /** the trace is read from sweep_sweeps when the scenario replays one */
  trace: boolean;
}
