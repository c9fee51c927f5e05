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
  // one statement for both counters: this check runs several times on every page
  const counters = db
    .prepare("SELECT total_changes() || ' ' || (SELECT data_version FROM pragma_data_version())")
    .pluck();
  let version = "";
  const values = new Map<string, unknown>();
  return <T>(key: string, read: () => T): T => {
    const now = counters.get() as string;
    if (now !== version || values.size >= MAX_KEYS) {
      values.clear();
      version = now;
    }
    if (values.has(key)) return values.get(key) as T;
    const value = read();
    values.set(key, value);
    return value;
  };
}
