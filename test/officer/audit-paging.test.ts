/** Issue 14: the audit trail pages through all of its rows, newest first, and downloads as CSV. */
import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";
import { bookedTruck, type Fetch, signIn } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);

describe("the checkpoint's audit trail", () => {
  it("pages through every row by cursor, newest first, and the CSV holds them all", async () => {
    const now = rt.deps.now();
    for (let i = 0; i < 180; i++) bookedTruck(rt.deps.crossings, `${String(i).padStart(3, "0")}AUD02`, now);
    const total = Number(
      rt.deps.db
        .prepare(
          "SELECT count(*) FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id WHERE c.checkpoint_id = 'nur-zholy'",
        )
        .pluck()
        .get(),
    );
    expect(total).toBeGreaterThan(300); // more than the old page's silent cut
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const seqs: number[] = [];
    let path: string | null = "/officer/nur-zholy/audit";
    while (path) {
      const html: string = await (await sup.get(path)).text();
      seqs.push(...[...html.matchAll(/data-seq="(\d+)"/g)].map((m) => Number(m[1])));
      const next: string | undefined = /href="([^"]+)" rel="next"/.exec(html)?.[1];
      path = next ? next.replaceAll("&amp;", "&") : null;
    }
    expect(seqs).toHaveLength(total);
    expect(new Set(seqs).size).toBe(total);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs); // newest first, across pages

    const csv = await sup.get("/officer/nur-zholy/audit.csv?action=BOOK");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("seq,at,plate,code,action,from,to,actor_kind,actor,reason");
    expect(lines.length - 1).toBe(180);
    expect(lines.slice(1).every((l) => l.includes(",BOOK,declared,booked,"))).toBe(true);
  });
});
