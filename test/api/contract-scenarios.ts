/**
 * How the contract test calls each route of the document: at least one call that succeeds and the
 * refusals worth pinning. Keyed by "METHOD /path" as the document spells it.
 */
import type { Call } from "./contract-probe.ts";
import { declaration } from "./support.ts";

export interface Fixtures {
  /** set by the carrier's declaration scenario, for the reads */
  carrierCrossingId?: string;
  keys: Record<"monitor" | "carrier" | "device" | "bakhtyGate" | "limited" | "revoked", string>;
  /** a booked truck at Nur Zholy, for the camera to check in */
  bookedPlate: string;
  /** a green truck with a complete declaration in Bakhty's waiting area */
  unmannedPlate: string;
  /** set by the scenario that creates a subscription, for the one that deletes it */
  webhookId?: string;
}

export interface Scenario {
  name: string;
  expect: number;
  call: (f: Fixtures) => Omit<Call, "method">;
  /** remember something from the answer for a later scenario */
  after?: (body: unknown, f: Fixtures) => void;
}

const auth = (secret: string) => ({ Authorization: `Bearer ${secret}` });
const carrierDeclaration = (plate: string) => declaration(plate, "korday");

export const SCENARIOS: Record<string, Scenario[]> = {
  "GET /v1/checkpoints": [
    { name: "public list", expect: 200, call: () => ({ path: "/v1/checkpoints" }) },
    {
      name: "with a key",
      expect: 200,
      call: (f) => ({ path: "/v1/checkpoints", headers: auth(f.keys.carrier) }),
    },
    {
      name: "a revoked key is refused, not ignored",
      expect: 401,
      call: (f) => ({ path: "/v1/checkpoints", headers: auth(f.keys.revoked) }),
    },
  ],
  "GET /v1/checkpoints/{id}": [
    { name: "one checkpoint", expect: 200, call: () => ({ path: "/v1/checkpoints/nur-zholy" }) },
    { name: "unknown", expect: 404, call: () => ({ path: "/v1/checkpoints/atlantis" }) },
  ],
  "GET /v1/events": [
    { name: "monitor", expect: 200, call: (f) => ({ path: "/v1/events", headers: auth(f.keys.monitor) }) },
    {
      name: "carrier, own crossings",
      expect: 200,
      call: (f) => ({ path: "/v1/events", query: { after: "0", limit: "5" }, headers: auth(f.keys.carrier) }),
    },
    { name: "no key", expect: 401, call: () => ({ path: "/v1/events" }) },
    {
      name: "revoked key",
      expect: 401,
      call: (f) => ({ path: "/v1/events", headers: auth(f.keys.revoked) }),
    },
    { name: "device key", expect: 403, call: (f) => ({ path: "/v1/events", headers: auth(f.keys.device) }) },
    {
      name: "bad cursor",
      expect: 422,
      call: (f) => ({ path: "/v1/events", query: { after: "-4" }, headers: auth(f.keys.monitor) }),
    },
    {
      name: "within the limit",
      expect: 200,
      call: (f) => ({ path: "/v1/events", headers: auth(f.keys.limited) }),
    },
    {
      name: "over the limit",
      expect: 429,
      call: (f) => ({ path: "/v1/events", headers: auth(f.keys.limited) }),
    },
  ],
  "POST /v1/webhooks": [
    {
      name: "subscribe",
      expect: 201,
      call: (f) => ({
        path: "/v1/webhooks",
        headers: auth(f.keys.monitor),
        body: { url: "http://127.0.0.1:9/hook", secret: "contract-test-secret" },
      }),
      after: (body, f) => {
        f.webhookId = (body as { id: string }).id;
      },
    },
    {
      name: "bad url",
      expect: 422,
      call: (f) => ({
        path: "/v1/webhooks",
        headers: auth(f.keys.monitor),
        body: { url: "nope", secret: "x" },
      }),
    },
    { name: "no key", expect: 401, call: () => ({ path: "/v1/webhooks", body: {} }) },
    {
      name: "malformed JSON",
      expect: 400,
      call: (f) => ({
        path: "/v1/webhooks",
        headers: { ...auth(f.keys.monitor), "Content-Type": "application/json" },
        rawBody: '{"url": ',
      }),
    },
    {
      name: "not JSON",
      expect: 415,
      call: (f) => ({
        path: "/v1/webhooks",
        headers: { ...auth(f.keys.monitor), "Content-Type": "text/plain" },
        rawBody: "url=http://example.org",
      }),
    },
  ],
  "GET /v1/webhooks": [
    { name: "list", expect: 200, call: (f) => ({ path: "/v1/webhooks", headers: auth(f.keys.monitor) }) },
    {
      name: "device key",
      expect: 403,
      call: (f) => ({ path: "/v1/webhooks", headers: auth(f.keys.device) }),
    },
  ],
  "DELETE /v1/webhooks/{id}": [
    {
      name: "unsubscribe",
      expect: 204,
      call: (f) => ({ path: `/v1/webhooks/${f.webhookId}`, headers: auth(f.keys.monitor) }),
    },
    {
      name: "another key's or unknown",
      expect: 404,
      call: (f) => ({ path: `/v1/webhooks/${f.webhookId}`, headers: auth(f.keys.carrier) }),
    },
  ],
  "GET /v1/wait-times": [
    { name: "public", expect: 200, call: () => ({ path: "/v1/wait-times" }) },
    {
      name: "bad key",
      expect: 401,
      call: () => ({ path: "/v1/wait-times", headers: auth("shk_monitor_x") }),
    },
  ],
  "GET /v1/checkpoints/{id}/wait-times": [
    { name: "one", expect: 200, call: () => ({ path: "/v1/checkpoints/bakhty/wait-times" }) },
    { name: "unknown", expect: 404, call: () => ({ path: "/v1/checkpoints/atlantis/wait-times" }) },
  ],
  "POST /v1/carrier/crossings": [
    {
      name: "declare",
      expect: 201,
      call: (f) => ({
        path: "/v1/carrier/crossings",
        headers: auth(f.keys.carrier),
        body: carrierDeclaration("750AAA02"),
      }),
      after: (body, f) => {
        f.carrierCrossingId = (body as { id: string }).id;
      },
    },
    {
      name: "the same truck again",
      expect: 409,
      call: (f) => ({
        path: "/v1/carrier/crossings",
        headers: auth(f.keys.carrier),
        body: carrierDeclaration("750AAA02"),
      }),
    },
    {
      name: "unknown checkpoint",
      expect: 404,
      call: (f) => ({
        path: "/v1/carrier/crossings",
        headers: auth(f.keys.carrier),
        body: { ...carrierDeclaration("751AAA02"), checkpointId: "atlantis" },
      }),
    },
    {
      name: "bad declaration",
      expect: 422,
      call: (f) => ({
        path: "/v1/carrier/crossings",
        headers: auth(f.keys.carrier),
        body: { checkpointId: "korday" },
      }),
    },
    {
      name: "monitor key",
      expect: 403,
      call: (f) => ({
        path: "/v1/carrier/crossings",
        headers: auth(f.keys.monitor),
        body: carrierDeclaration("752AAA02"),
      }),
    },
  ],
  "GET /v1/carrier/crossings": [
    {
      name: "own list",
      expect: 200,
      call: (f) => ({
        path: "/v1/carrier/crossings",
        query: { limit: "1", state: "declared" },
        headers: auth(f.keys.carrier),
      }),
    },
    {
      name: "bad date",
      expect: 422,
      call: (f) => ({
        path: "/v1/carrier/crossings",
        query: { from: "yesterday" },
        headers: auth(f.keys.carrier),
      }),
    },
  ],
  "GET /v1/carrier/crossings/{id}": [
    {
      name: "own crossing",
      expect: 200,
      call: (f) => ({ path: `/v1/carrier/crossings/${f.carrierCrossingId}`, headers: auth(f.keys.carrier) }),
    },
    {
      name: "not a carrier key",
      expect: 403,
      call: (f) => ({ path: `/v1/carrier/crossings/${f.carrierCrossingId}`, headers: auth(f.keys.monitor) }),
    },
    {
      name: "unknown",
      expect: 404,
      call: (f) => ({ path: "/v1/carrier/crossings/nope", headers: auth(f.keys.carrier) }),
    },
  ],
  "POST /v1/device/check-ins": [
    {
      name: "camera reads a booked truck",
      expect: 200,
      call: (f) => ({
        path: "/v1/device/check-ins",
        headers: auth(f.keys.device),
        body: { plate: f.bookedPlate },
      }),
    },
    {
      name: "already in",
      expect: 409,
      call: (f) => ({
        path: "/v1/device/check-ins",
        headers: auth(f.keys.device),
        body: { plate: f.bookedPlate },
      }),
    },
    {
      name: "unknown plate",
      expect: 404,
      call: (f) => ({
        path: "/v1/device/check-ins",
        headers: auth(f.keys.device),
        body: { plate: "ZZZZ999" },
      }),
    },
    {
      name: "no plate",
      expect: 422,
      call: (f) => ({ path: "/v1/device/check-ins", headers: auth(f.keys.device), body: {} }),
    },
    {
      name: "monitor key",
      expect: 403,
      call: (f) => ({
        path: "/v1/device/check-ins",
        headers: auth(f.keys.monitor),
        body: { plate: f.bookedPlate },
      }),
    },
  ],
  "POST /v1/device/unmanned-releases": [
    {
      name: "green truck through the unmanned lane",
      expect: 200,
      call: (f) => ({
        path: "/v1/device/unmanned-releases",
        headers: auth(f.keys.bakhtyGate),
        body: { plate: f.unmannedPlate },
      }),
    },
    {
      // a truck of the checkpoint: whether its lane is in service is the machine's rule (issue 15)
      name: "checkpoint without one",
      expect: 409,
      call: (f) => ({
        path: "/v1/device/unmanned-releases",
        headers: auth(f.keys.device),
        body: { plate: f.bookedPlate },
      }),
    },
  ],
};
