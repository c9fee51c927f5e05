/** A webhook subscriber on loopback that can be told to fail, and checks every signature. */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../../src/webhooks/signature.ts";

export interface Received {
  seq: number;
  crossingId: string;
  n: number;
  type: string;
  signatureOk: boolean;
  body: string;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });

export async function startReceiver(secret: string, failFirst = 0, delayMs = 0) {
  const received: Received[] = [];
  let failuresLeft = failFirst;
  let attempts = 0;
  const server = createServer(async (req, res) => {
    attempts++;
    const body = await read(req);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (failuresLeft > 0) {
      failuresLeft--;
      // every other failure is a dropped connection rather than an error status
      if (failuresLeft % 2 === 0) req.socket.destroy();
      else res.writeHead(503).end("not now");
      return;
    }
    const parsed = JSON.parse(body) as {
      event: { seq: number; crossingId: string; n: number; type: string };
    };
    received.push({
      ...parsed.event,
      signatureOk: verifyWebhook(secret, body, req.headers["shekara-signature"] as string, Date.now() / 1000),
      body,
    });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/shekara`,
    received,
    attempts: () => attempts,
    failNext(n: number) {
      failuresLeft = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Each crossing's deliveries in order: each one is the last one again (a repeat) or the next. */
export function outOfOrder(received: Received[]): string[] {
  const last = new Map<string, number>();
  const problems: string[] = [];
  for (const r of received) {
    const prev = last.get(r.crossingId) ?? -1;
    if (r.n !== prev && r.n !== prev + 1) problems.push(`${r.crossingId}: event ${r.n} after ${prev}`);
    last.set(r.crossingId, Math.max(prev, r.n));
  }
  return problems;
}
