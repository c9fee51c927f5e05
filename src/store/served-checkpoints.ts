/**
 * `CHECKPOINTS=<id>,<id>`: the seeded checkpoints this post serves (issue 17). Two posts on one machine
 * (tests, demos) each serve their own; a checkpoint the post does not serve is not found here.
 */
import type { CheckpointStore } from "./checkpoints.ts";

/** Parses the setting: empty or absent means every checkpoint (null). */
export function parseServedCheckpoints(value: string | undefined): string[] | null {
  const ids = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return ids.length > 0 ? ids : null;
}

export function servedCheckpoints(store: CheckpointStore, ids: readonly string[] | null): CheckpointStore {
  if (!ids) return store;
  const served = new Set(ids);
  const unknown = ids.filter((id) => !store.get(id));
  if (unknown.length > 0) {
    const known = store
      .list()
      .map((c) => c.id)
      .join(", ");
    throw new Error(
      `CHECKPOINTS names checkpoints that are not seeded: ${unknown.join(", ")} (known: ${known})`,
    );
  }
  return {
    ...store,
    list: () => store.list().filter((c) => served.has(c.id)),
    get: (id) => (served.has(id) ? store.get(id) : null),
  };
}
