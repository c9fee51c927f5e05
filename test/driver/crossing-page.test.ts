import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";
import { goodForm } from "./support/forms.ts";

const runtime = testRuntime();
afterAll(() => runtime.close());
const { app, deps } = runtime;
const officer = { kind: "officer" as const, id: "test" };

describe("the crossing page", () => {
  it("shows the queue while waiting and the call to a lane, in the fragment htmx polls", async () => {
    const res = await app.request("/drive?lang=en", {
      method: "POST",
      body: goodForm("888QQQ02"),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const id = (res.headers.get("location") ?? "").slice(3, 24);
    const cp = deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("seeded checkpoint missing");
    const policy = { walkInsAllowed: true, graceMinutes: cp.config.graceMinutes };
    expect(deps.crossings.apply(id, { type: "CHECK_IN", policy, at: deps.now(), actor: officer }).ok).toBe(
      true,
    );

    const page = await (await app.request(`/c/${id}?lang=en`)).text();
    expect(page).toContain('hx-trigger="every 15s, retry"');
    expect(page).toMatch(/Position in queue: \d+/);
    expect(page).toMatch(/Estimated wait: about \d+ min|no estimate/);

    const deadline = deps.now() + 20 * 60_000;
    expect(
      deps.crossings.apply(id, { type: "CALL", lane: 4, deadline, at: deps.now(), actor: officer }).ok,
    ).toBe(true);
    const live = await (await app.request(`/c/${id}/live?lang=en`)).text();
    expect(live.startsWith("<section")).toBe(true);
    expect(live).toMatch(/Proceed to lane 4 before \d\d:\d\d/);
    const api = (await (await app.request(`/api/v1/crossings/${id}`)).json()) as { call: { lane: number } };
    expect(api.call.lane).toBe(4);
  });
});
