/** A signed-in planner for the planners' HTTP tests, and a wait for a run to end. */
import type { DB } from "../../src/store/db.ts";
import { csrfIn, type Fetch, form, trySignIn } from "../officer/support.ts";

export async function plannerSession(fetch: Fetch) {
  const { cookie } = await trySignIn(fetch, "planner");
  const get = (path: string) => fetch(path, { headers: { Cookie: cookie }, redirect: "manual" });
  const csrf = csrfIn(await (await get("/planner")).text());
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const f = form({ _csrf: csrf, ...fields });
    return fetch(path, { ...f, headers: { ...f.headers, Cookie: cookie, ...headers }, redirect: "manual" });
  };
  /** A multipart post, as the editor's form sends with a file. */
  const upload = (
    path: string,
    fields: Record<string, string>,
    file?: { name: string; text: string },
    headers: Record<string, string> = {},
  ) => {
    const body = new FormData();
    body.set("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    if (file) body.set("traceFile", new File([file.text], file.name, { type: "text/csv" }));
    return fetch(path, { method: "POST", body, headers: { Cookie: cookie, ...headers }, redirect: "manual" });
  };
  return { get, post, upload };
}

export const idIn = (location: string | null) => location?.split("/").pop() ?? "";

/** The run's row once the worker thread has finished it (done, failed or cancelled). */
export async function finishedRun(db: DB, id: string, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const row = db.prepare("SELECT status, result, error FROM sim_runs WHERE id = ?").get(id) as
      | { status: string; result: string | null; error: string | null }
      | undefined;
    if (row && row.status !== "queued" && row.status !== "running") return row;
    if (Date.now() > end) throw new Error(`run ${id} did not finish`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
