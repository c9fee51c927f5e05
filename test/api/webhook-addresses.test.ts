import { describe, expect, it } from "vitest";
import { guardedLookup, isPrivateAddress, isPrivateHost, postWebhook } from "../../src/webhooks/send.ts";
import { bearer, newKey, testRuntime } from "./support.ts";

describe("webhook addresses, with private addresses not allowed (the default)", () => {
  it("knows the private, loopback and link-local ranges", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "2a00:1450::1", "example.org"])
      expect(isPrivateAddress(a), a).toBe(false);
    expect(isPrivateHost(new URL("http://localhost:8080/x"))).toBe(true);
    expect(isPrivateHost(new URL("http://[::1]/x"))).toBe(true);
  });

  it("refuses a subscription to a private address, field by field", async () => {
    const rt = testRuntime();
    try {
      const monitor = newKey(rt, { kind: "monitor", label: "M" });
      const res = await rt.app.request("/api/v1/webhooks", {
        method: "POST",
        headers: { ...bearer(monitor.secret), "Content-Type": "application/json" },
        body: JSON.stringify({ url: "http://169.254.169.254/latest/meta-data", secret: "0123456789abcdef" }),
      });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("url");
    } finally {
      await rt.close();
    }
  });

  it("refuses to connect where a name resolves to a private address, and to a literal one", async () => {
    const err = await new Promise<Error | null>((resolve) =>
      guardedLookup("localhost", {}, (e) => resolve(e)),
    );
    expect(err?.message).toContain("private address");
    const send = postWebhook("http://127.0.0.1:1/", {}, "{}", {
      timeoutMs: 1000,
      signal: new AbortController().signal,
      allowPrivate: false,
    });
    await expect(send).rejects.toThrow(/private address/);
  });
});
