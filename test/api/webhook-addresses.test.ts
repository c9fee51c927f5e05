import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import {
  guardedLookup,
  isPrivateAddress,
  isPrivateHost,
  postWebhook,
  type Resolve,
} from "../../src/webhooks/send.ts";
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

describe("webhook targets, by ipaddr.js's special-purpose ranges (issue 13, finding 7)", () => {
  const refusedByTheAttackTest = [
    "http://localhost./x",
    "http://LOCALHOST../x",
    "http://api.localhost/x",
    "http://[::127.0.0.1]/x",
    "http://[::ffff:127.0.0.1]/x",
    "http://[64:ff9b::7f00:1]/x",
    "http://[64:ff9b:1::a00:1]/x",
    "http://[2002:7f00:1::]/x",
    "http://[2001::1]/x",
    "http://198.18.0.1/x",
    "http://198.19.255.1/x",
    "http://224.0.0.1/x",
    "http://239.255.255.250/x",
    "http://240.0.0.1/x",
    "http://255.255.255.255/x",
    "http://0.0.0.0/x",
    "http://127.1/x",
    "http://0x7f000001/x",
    "http://192.0.2.1/x",
    "http://100.64.0.1/x",
    "http://[fe80::1]/x",
    "http://[ff02::1]/x",
    "http://[2001:db8::1]/x",
    "http://[100::1]/x",
  ];

  it("refuses every special-purpose form at registration, and takes public addresses", async () => {
    const rt = testRuntime();
    try {
      const monitor = newKey(rt, { kind: "monitor", label: "M" });
      const subscribe = (url: string) =>
        rt.app.request("/api/v1/webhooks", {
          method: "POST",
          headers: { ...bearer(monitor.secret), "Content-Type": "application/json" },
          body: JSON.stringify({ url, secret: "0123456789abcdef" }),
        });
      const answers = [];
      for (const url of refusedByTheAttackTest) answers.push(`${url} ${(await subscribe(url)).status}`);
      expect(answers).toEqual(refusedByTheAttackTest.map((u) => `${u} 422`));
      for (const url of [
        "https://8.8.8.8/hook",
        "https://[2a00:1450::1]/hook",
        "https://hooks.example.org/x",
      ])
        expect((await subscribe(url)).status, url).toBe(201);
      expect(isPrivateAddress("::ffff:8.8.8.8")).toBe(false);
    } finally {
      await rt.close();
    }
  });

  it("refuses to deliver where a name resolves to loopback now (DNS rebinding), on a real connection", async () => {
    let attempts = 0;
    const receiver = createServer((_req, res) => {
      attempts++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      // a name that looked public when it was registered and now answers loopback; no DNS is asked
      const rebound: Resolve = (_host, _options, callback) =>
        callback(null, [{ address: "127.0.0.1", family: 4 }]);
      const url = `http://hooks.rebound.example:${port}/`;
      expect(isPrivateHost(new URL(url))).toBe(false);
      const send = (allowPrivate: boolean) =>
        postWebhook(url, {}, "{}", {
          timeoutMs: 5000,
          signal: new AbortController().signal,
          allowPrivate,
          resolve: rebound,
        });
      await expect(send(false)).rejects.toThrow(/resolves to the private address 127\.0\.0\.1/);
      expect(attempts).toBe(0);
      // the same connection is made when private addresses are allowed: the check, not the network, refused it
      expect(await send(true)).toBe(204);
      expect(attempts).toBe(1);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it("caps one key's subscriptions (20 by default)", async () => {
    const rt = testRuntime({ WEBHOOK_SUBSCRIPTIONS_PER_KEY: "3" });
    try {
      const monitor = newKey(rt, { kind: "monitor", label: "M" });
      const subscribe = (i: number) =>
        rt.app.request("/api/v1/webhooks", {
          method: "POST",
          headers: { ...bearer(monitor.secret), "Content-Type": "application/json" },
          body: JSON.stringify({ url: `https://hooks.example.org/${i}`, secret: "0123456789abcdef" }),
        });
      for (let i = 0; i < 3; i++) expect((await subscribe(i)).status).toBe(201);
      const refused = await subscribe(3);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/3 subscriptions/);
      expect(rt.deps.db.prepare("SELECT count(*) FROM webhook_subscriptions").pluck().get()).toBe(3);
    } finally {
      await rt.close();
    }
    expect(readConfig({}).WEBHOOK_SUBSCRIPTIONS_PER_KEY).toBe(20);
  });
});
