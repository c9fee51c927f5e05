/** Checkpoints and their configuration. */
import { type Checkpoint, type CheckpointConfig, checkpointConfigSchema } from "../domain/checkpoint.ts";
import type { DB } from "./db.ts";
import { memoUntilWrite } from "./memo.ts";

interface CheckpointRow {
  id: string;
  name: string;
  names: string;
  neighbour: string;
  neighbour_checkpoint: string;
  config: string;
  cycle_position: number;
}

export interface StoredCheckpoint extends Checkpoint {
  cyclePosition: number;
}

// Validating a configuration is the costly part of reading a checkpoint, and every page reads them:
// each stored configuration text is validated once and shared, frozen so no reader can change it.
const parsedConfigs = new Map<string, CheckpointConfig>();
function parseConfig(text: string): CheckpointConfig {
  let config = parsedConfigs.get(text);
  if (!config) {
    config = deepFreeze(checkpointConfigSchema.parse(JSON.parse(text)));
    parsedConfigs.set(text, config);
  }
  return config;
}
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const fromRow = (r: CheckpointRow): StoredCheckpoint =>
  deepFreeze({
    id: r.id,
    name: r.name,
    names: JSON.parse(r.names),
    neighbour: r.neighbour,
    neighbourCheckpoint: r.neighbour_checkpoint,
    config: parseConfig(r.config),
    cyclePosition: r.cycle_position,
  });

export function checkpointStore(db: DB) {
  const all = db.prepare("SELECT * FROM checkpoints ORDER BY name");
  const one = db.prepare("SELECT * FROM checkpoints WHERE id = ?");
  const insert = db.prepare(
    `INSERT INTO checkpoints (id, name, names, neighbour, neighbour_checkpoint, config, updated_at)
     VALUES (@id, @name, @names, @neighbour, @neighbourCheckpoint, @config, @at)`,
  );
  const setConfig = db.prepare("UPDATE checkpoints SET config = ?, updated_at = ? WHERE id = ?");
  const setCycle = db.prepare("UPDATE checkpoints SET cycle_position = ? WHERE id = ?");

  // every request reads its checkpoint; the rows change only when a supervisor or the queue writes
  const memo = memoUntilWrite(db);
  return {
    // a fresh array each time (callers may sort it); the checkpoints in it are shared and frozen
    list: (): StoredCheckpoint[] => [...memo("list", () => (all.all() as CheckpointRow[]).map(fromRow))],
    get: (id: string): StoredCheckpoint | null =>
      memo(`one ${id}`, () => {
        const row = one.get(id) as CheckpointRow | undefined;
        return row ? fromRow(row) : null;
      }),
    insert: (c: Checkpoint, at: number) =>
      insert.run({
        ...c,
        names: JSON.stringify(c.names),
        config: JSON.stringify(checkpointConfigSchema.parse(c.config)),
        at,
      }),
    updateConfig: (id: string, config: CheckpointConfig, at: number) =>
      setConfig.run(JSON.stringify(checkpointConfigSchema.parse(config)), at, id),
    setCyclePosition: (id: string, position: number) => setCycle.run(position, id),
  };
}
export type CheckpointStore = ReturnType<typeof checkpointStore>;
