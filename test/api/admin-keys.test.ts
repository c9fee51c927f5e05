import { Hono, type MiddlewareHandler } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { adminApiKeyRoutes } from "../../src/http/admin/api-keys.tsx";
import { webhookStore } from "../../src/store/webhooks.ts";
import { freePort } from "../support/server.ts";
import { bearer, declareAndBook, newKey, testRuntime } from "./support.ts";

const rt = testRuntime({
  WEBHOOK_POLL_MS: "20",
  WEBHOOK_ALLOW_PRIVATE_URLS: "on",
  WEBHOOK_RETRY_BASE_MS: "20",
  WEBHOOK_RETRY_MAX_MS: "50",
});
afterAll(() => rt.close());

let signedIn = true;
const adminOnly: MiddlewareHandler = async (c, next) =>
  signedIn ? next() : c.text("Sign in as an admin", 403);
const admin = new Hono().route(
  "/",
  adminApiKeyRoutes(rt.deps, { middleware: [adminOnly], userId: () => "admin-1" }),
);
const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  admin.request(path, { method: "POST", body: new URLSearchParams(fields), headers });

describe("the administrator's API key pages", () => {
  it("creates a key and shows it once; the list shows only its hint", async () => {
    const res = await form("/admin/api-keys", {
      kind: "monitor",
      label: "Cargo Watch LLP",
      rateLimitPerMinute: "",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const secret = /shk_monitor_[A-Za-z0-9_-]{43}/.exec(html)?.[0];
    expect(secret).toBeDefined();
    expect((await rt.app.request("/api/v1/events", { headers: bearer(secret as string) })).status).toBe(200);
    const list = await (await admin.request("/admin/api-keys")).text();
    expect(list).toContain("Cargo Watch LLP");
    expect(list).not.toContain(secret);
    const created = rt.deps.apiKeys.list().find((k) => k.label === "Cargo Watch LLP");
    expect(rt.deps.apiKeys.auditOf(created?.id ?? "")[0]).toMatchObject({
      action: "key.create",
      actor: "user:admin-1",
    });
  });

  it("re-renders the form with the message beside the field and the input kept, 422", async () => {
    const res = await form(
      "/admin/api-keys",
      { kind: "device", label: "Gate camera 3" },
      { "HX-Request": "true" },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html.startsWith("<form")).toBe(true); // the fragment only, for htmx
    expect(html).toContain("A device key belongs to one checkpoint");
    expect(html).toContain('value="Gate camera 3"');
  });

  it("revokes a key, which the API refuses from the next request", async () => {
    const { key, secret } = newKey(rt, { kind: "carrier", label: "Soon gone" });
    expect((await rt.app.request("/api/v1/events", { headers: bearer(secret) })).status).toBe(200);
    const res = await form(`/admin/api-keys/${key.id}/revoke`, {});
    expect(res.status).toBe(303);
    expect((await rt.app.request("/api/v1/events", { headers: bearer(secret) })).status).toBe(401);
    expect(await (await admin.request(`/admin/api-keys/${key.id}`)).text()).toContain("key.revoke");
  });

  it("shows each webhook subscription's backlog and last error", async () => {
    const { key } = newKey(rt, { kind: "monitor", label: "Unreachable subscriber" });
    const closed = `http://127.0.0.1:${await freePort()}/down`; // nothing listens there
    webhookStore(rt.deps.db).subscribe({
      keyId: key.id,
      url: closed,
      secret: "0123456789abcdef",
      at: rt.deps.now(),
    });
    declareAndBook(rt, "801AAA02");
    const deadline = Date.now() + 5_000;
    let html = "";
    while (Date.now() < deadline) {
      html = await (await admin.request("/admin/webhooks")).text();
      if (html.includes("ECONNREFUSED")) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(html).toContain(closed);
    expect(html).toMatch(/<strong>2<\/strong>/); // DECLARE and BOOK still waiting
    expect(html).toContain("ECONNREFUSED");
  });

  it("lets no one but an admin in, for reading or writing", async () => {
    signedIn = false;
    try {
      expect((await admin.request("/admin/api-keys")).status).toBe(403);
      expect((await admin.request("/admin/webhooks")).status).toBe(403);
      expect((await form("/admin/api-keys", { kind: "monitor", label: "x" })).status).toBe(403);
      expect((await form("/admin/api-keys/key_x/revoke", {})).status).toBe(403);
    } finally {
      signedIn = true;
    }
  });
});
