/**
 * Reads kept until the database changes. Every driver's page and wait-time request asks the same
 * per-checkpoint questions (the queue's order, the counts behind the estimates), and the answer
 * changes only when something is written: `data_version` moves when another connection commits,
 * `total_changes()` when this one writes (even inside a transaction, so a caller's own write is
 * never answered from before it). Exact, not a time-to-live: no page is ever stale.
 */
import type { DB } from "./db.ts";

const MAX_KEYS = 256;

export function memoUntilWrite(db: DB) {
  // two statements, not one: this check runs on every page, and selecting from the pragma as a
  // table costs half as much again as the pragma itself (total_changes() is nearly free)
  const ownChanges = db.prepare("SELECT total_changes()").pluck();
  const othersCommits = db.prepare("PRAGMA data_version").pluck();
  let own = -1;
  let others = -1;
  const values = new Map<string, unknown>();
  return <T>(key: string, read: () => T): T => {
    const ownNow = ownChanges.get() as number;
    const othersNow = othersCommits.get() as number;
    if (ownNow !== own || othersNow !== others || values.size >= MAX_KEYS) {
      values.clear();
      own = ownNow;
      others = othersNow;
    }
    if (values.has(key)) return values.get(key) as T;
    const value = read();
    values.set(key, value);
    return value;
  };
}
