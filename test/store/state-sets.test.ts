import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STATE_SETS, STATE_TAGS, statesTagged } from "../../machines/state-sets.ts";
import { type CrossingState, FINAL_STATES, STATES } from "../../machines/types.ts";
import { stateIn } from "../../src/store/crossing-states.ts";
import { openDatabase } from "../../src/store/db.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.(ts|tsx|sql)$/.test(f.name))
    .map((f) => join(f.parentPath, f.name));
}

/** Every `IN ('a', 'b')` / `NOT IN (...)` of state names written in the code and the migrations. */
function stateLists() {
  const found: { file: string; not: boolean; states: string[] }[] = [];
  for (const file of sources("src")) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(NOT\s+)?IN\s*\(\s*('[A-Za-z]+'(?:\s*,\s*'[A-Za-z]+')*)\s*\)/g)) {
      const states = (m[2] as string).split(",").map((s) => s.trim().slice(1, -1));
      if (states.every((s) => (STATES as readonly string[]).includes(s)))
        found.push({ file: file.slice(ROOT.length), not: Boolean(m[1]), states });
    }
  }
  return found;
}

// 081 drops the notification trigger of 080 and creates it with one state more
const SUPERSEDED = ["src/store/migrations/080_notifications.sql"];

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("the state sets SQL needs, named once from the machine's tags", () => {
  it("names every set the code and the migrations write in SQL", () => {
    const lists = stateLists();
    // the migrations' lists are frozen history; they must still be the machine's sets
    expect(lists.length).toBeGreaterThan(5);
    // every state: the CHECK on the state column
    const named = [...STATE_TAGS.map((tag) => sorted(STATE_SETS[tag]).join(",")), sorted(STATES).join(",")];
    for (const list of lists.filter((l) => !SUPERSEDED.includes(l.file))) {
      const set = list.not ? STATES.filter((s) => !list.states.includes(s)) : list.states;
      expect(named, `${list.file}: ${list.not ? "NOT " : ""}IN (${list.states.join(", ")})`).toContain(
        sorted(set).join(","),
      );
    }
  });

  it("keeps the sets the rules depend on", () => {
    expect(STATES.filter((s) => !statesTagged("open").includes(s))).toEqual([...FINAL_STATES]);
    expect(statesTagged("holdsPlace")).not.toContain<CrossingState>("declared");
    expect(statesTagged("holdsLane")).toEqual(["called", "documentCheck"]);
    expect(statesTagged("inQueue")).toEqual(["waitingArea"]);
  });

  it("writes SQL that selects exactly the tagged states", () => {
    const db = openDatabase(":memory:");
    const rows = STATES.map((s) => `SELECT '${s}' AS state`).join(" UNION ALL ");
    for (const tag of STATE_TAGS) {
      const got = db
        .prepare(`SELECT state FROM (${rows}) WHERE ${stateIn(tag)}`)
        .pluck()
        .all();
      expect(sorted(got as string[]), tag).toEqual(sorted(STATE_SETS[tag]));
    }
    db.close();
  });
});
