/** The post's side of the wire: signed requests to the hub (fetch is injectable for tests). */
import { gzipSync } from "node:zlib";
import type { CrossingFigures } from "../domain/rerouting.ts";
import {
  type Batch,
  type Claim,
  type Heartbeat,
  type HubCommand,
  parsePostKey,
  signRequest,
} from "../hub/wire.ts";

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class HubRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(`hub answered ${status}: ${String(body.title ?? "")} ${String(body.detail ?? "")}`);
  }
}

export function hubClient(opts: {
  url: string;
  key: string;
  fetch?: Fetch;
  timeoutMs?: number;
  now?: () => number;
}) {
  const key = parsePostKey(opts.key);
  const base = opts.url.replace(/\/+$/, "");
  const doFetch: Fetch = opts.fetch ?? ((u, init) => fetch(u, init));
  const now = opts.now ?? Date.now;
  const send = async (
    method: string,
    path: string,
    body: Uint8Array,
    headers: Record<string, string> = {},
  ) => {
    const res = await doFetch(base + path, {
      method,
      headers: { ...headers, ...signRequest(key, method, path, body, Math.floor(now() / 1000)) },
      body: method === "GET" ? undefined : body,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!res.ok) throw new HubRefusal(res.status, parsed);
    return parsed;
  };
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  return {
    post: key.post,
    /** Gzips and sends a batch; answers the hub's cursor. A gap comes back as a HubRefusal 409 with the cursor. */
    async pushBatch(batch: Batch | Uint8Array): Promise<{ cursor: number }> {
      const zipped = batch instanceof Uint8Array ? batch : gzipBatch(batch);
      const r = await send("POST", "/api/v1/ingest", zipped, {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
      });
      return { cursor: Number(r.cursor) };
    },
    heartbeat: (beat: Heartbeat) =>
      send("POST", "/api/v1/heartbeat", json(beat), { "Content-Type": "application/json" }),
    claim: (claim: Claim) =>
      send("POST", "/api/v1/claims", json(claim), { "Content-Type": "application/json" }),
    async commands(): Promise<HubCommand[]> {
      const r = await send("GET", "/api/v1/commands", new Uint8Array());
      return r as unknown as HubCommand[];
    },
    /** The public national figures (for re-routing advice); no signature needed. */
    async nationalWaitTimes(): Promise<CrossingFigures[]> {
      const res = await doFetch(`${base}/api/v1/national/wait-times`, {
        method: "GET",
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
      if (!res.ok) throw new HubRefusal(res.status, {});
      return (await res.json()) as CrossingFigures[];
    },
    commandDone: (id: string, outcome: string) =>
      send("POST", `/api/v1/commands/${id}/done`, json({ outcome }), { "Content-Type": "application/json" }),
  };
}
export type HubClient = ReturnType<typeof hubClient>;

export const gzipBatch = (batch: Batch) => new Uint8Array(gzipSync(JSON.stringify(batch)));
