/**
 * The hub's OpenAPI 3.1 document, served at /api/openapi.json. The posts' request bodies come from the
 * same zod schemas the hub validates with (wire.ts), so the document and the checks cannot drift.
 */
import { z } from "zod";
import { batchSchema, claimSchema, heartbeatSchema } from "./wire.ts";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12" }) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const jsonResponse = (description: string, s: unknown) => ({
  description,
  content: { "application/json": { schema: s } },
});
const postFilter = {
  name: "post",
  in: "query",
  required: false,
  description: "Only this post's rows",
  schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,39}$" },
};
const postSigned = [{ postSignature: [] as string[] }];
const isPublic: Record<string, string[]>[] = [];
const signedErrors = {
  "401": problemResponse("Not signed by a registered post, or the signature is older than 5 minutes"),
  "413": problemResponse("Body larger than 1 MB"),
  "422": problemResponse("Body not of the expected shape"),
  "503": problemResponse("The hub's database is unavailable; retry later"),
};

export const hubOpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Shekara national hub",
    version: "1.0.0",
    description:
      "Every border post's event log in one place. Posts push (they are behind weak links and NAT; the hub " +
      "never pulls): batches of events, a heartbeat every minute, vehicle claims before a declaration, and a " +
      "GET for the hub's commands. The national reads are public and carry no personal data.",
    license: { name: "MIT", identifier: "MIT" },
  },
  servers: [{ url: "/" }],
  tags: [
    { name: "posts", description: "Signed requests from border posts" },
    { name: "national", description: "The national picture, public" },
  ],
  security: isPublic,
  paths: {
    "/api/v1/ingest": {
      post: {
        operationId: "ingestBatch",
        summary: "Push a batch of a post's events",
        description:
          "At most 1,000 events, contiguous in seq, gzipped (Content-Encoding: gzip) to at most 256 KB. " +
          "Idempotent on (post, epoch, seq): events already held are skipped (or quarantined if their content " +
          "differs). A batch that starts after a gap is refused with the hub's cursor; resend from cursor + 1.",
        tags: ["posts"],
        security: postSigned,
        parameters: [{ $ref: "#/components/parameters/ContentEncoding" }],
        requestBody: { required: true, content: { "application/json": { schema: ref("Batch") } } },
        responses: {
          "200": jsonResponse(
            "Held; cursor is the highest contiguous seq the hub holds",
            ref("IngestResult"),
          ),
          "409": problemResponse(
            "A gap before the batch, or a batch not contiguous; the body has the cursor",
          ),
          ...signedErrors,
        },
      },
    },
    "/api/v1/heartbeat": {
      post: {
        operationId: "postHeartbeat",
        summary: "A post's status, every minute",
        tags: ["posts"],
        security: postSigned,
        requestBody: { required: true, content: { "application/json": { schema: ref("Heartbeat") } } },
        responses: { "204": { description: "Kept" }, ...signedErrors },
      },
    },
    "/api/v1/claims": {
      post: {
        operationId: "claimVehicle",
        summary: "Claim a vehicle before accepting its declaration",
        description: "One active crossing per vehicle (canonical plate and VIN) across all posts.",
        tags: ["posts"],
        security: postSigned,
        requestBody: { required: true, content: { "application/json": { schema: ref("Claim") } } },
        responses: {
          "201": jsonResponse("Claimed for this crossing", {
            type: "object",
            properties: { claimed: { const: true } },
            required: ["claimed"],
          }),
          "409": problemResponse("The vehicle has an active crossing at another post (named in `post`)"),
          ...signedErrors,
        },
      },
    },
    "/api/v1/commands": {
      get: {
        operationId: "listCommands",
        summary: "The hub's pending commands for this post",
        tags: ["posts"],
        security: postSigned,
        responses: {
          "200": jsonResponse("Pending commands, oldest first", { type: "array", items: ref("Command") }),
          "401": signedErrors["401"],
          "503": signedErrors["503"],
        },
      },
    },
    "/api/v1/commands/{id}/done": {
      post: {
        operationId: "commandDone",
        summary: "Report a command applied (or refused by the machine)",
        tags: ["posts"],
        security: postSigned,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { outcome: { type: "string", maxLength: 500 } },
                required: ["outcome"],
              },
            },
          },
        },
        responses: {
          "204": { description: "Recorded (the first outcome is kept)" },
          "404": problemResponse("This post has no command with that id"),
          ...signedErrors,
        },
      },
    },
    "/api/v1/national/wait-times": {
      get: {
        operationId: "nationalWaitTimes",
        summary: "Wait times at every checkpoint of every post",
        tags: ["national"],
        security: isPublic,
        parameters: [postFilter],
        responses: {
          "200": jsonResponse("One row per checkpoint of every post", {
            type: "array",
            items: ref("NationalWaitTime"),
          }),
          "400": problemResponse("The post filter is not a post name"),
          "503": signedErrors["503"],
        },
      },
    },
    "/api/v1/national/posts": {
      get: {
        operationId: "nationalPosts",
        summary: "Each post's ingest figures",
        tags: ["national"],
        security: isPublic,
        parameters: [postFilter],
        responses: {
          "200": jsonResponse("One row per registered post", { type: "array", items: ref("NationalPost") }),
          "400": problemResponse("The post filter is not a post name"),
          "503": signedErrors["503"],
        },
      },
    },
    "/api/v1/national/posts/{post}/checkpoints/{checkpointId}/stage-times": {
      get: {
        operationId: "stageTimes",
        summary: "A checkpoint's time per stage over the last 7 days (Time Release Study)",
        tags: ["national"],
        security: isPublic,
        parameters: [
          { name: "post", in: "path", required: true, schema: { type: "string", maxLength: 40 } },
          { name: "checkpointId", in: "path", required: true, schema: { type: "string", maxLength: 64 } },
        ],
        responses: {
          "200": jsonResponse("One row per stage", { type: "array", items: ref("StageTime") }),
          "404": problemResponse("No post of that name"),
          "503": signedErrors["503"],
        },
      },
    },
  },
  components: {
    securitySchemes: {
      postSignature: {
        type: "apiKey",
        in: "header",
        name: "Shekara-Signature",
        description:
          "With Shekara-Post: <name>. t=<unix seconds>,ed25519=<base64url signature over " +
          "`<t>.<METHOD>.<path>.<sha-256 hex of the body as sent>`> with the post's key from add-post.",
      },
    },
    parameters: {
      ContentEncoding: {
        name: "Content-Encoding",
        in: "header",
        required: false,
        schema: { type: "string", enum: ["gzip"] },
      },
    },
    schemas: {
      Batch: schema(batchSchema),
      Heartbeat: schema(heartbeatSchema),
      Claim: schema(claimSchema),
      Problem: {
        type: "object",
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          cursor: { type: "integer", description: "On a refused batch: the highest contiguous seq held" },
          post: { type: "string", description: "On a refused claim: the post holding the vehicle" },
        },
        required: ["type", "title", "status", "detail"],
      },
      IngestResult: {
        type: "object",
        properties: {
          ok: { const: true },
          cursor: { type: "integer" },
          inserted: { type: "integer" },
          duplicates: { type: "integer" },
          quarantined: { type: "integer" },
          commands: { type: "integer" },
        },
        required: ["ok", "cursor", "inserted", "duplicates", "quarantined", "commands"],
      },
      Command: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          kind: { const: "cancel-duplicate" },
          crossingId: { type: "string" },
          reason: { type: "string" },
        },
        required: ["id", "kind", "crossingId", "reason"],
      },
      NationalWaitTime: {
        type: "object",
        properties: {
          checkpointId: { type: "string" },
          name: { type: "string", description: "The checkpoint's name in English" },
          names: {
            description: "The name in Russian, Kazakh and Chinese; null when the post sent only English",
            oneOf: [
              {
                type: "object",
                properties: { ru: { type: "string" }, kk: { type: "string" }, zh: { type: "string" } },
                required: ["ru", "kk", "zh"],
              },
              { type: "null" },
            ],
          },
          neighbour: { type: ["string", "null"] },
          post: { type: "string" },
          asOf: {
            type: ["string", "null"],
            format: "date-time",
            description: "When the post was last heard from",
          },
          stale: { type: "boolean", description: "No heartbeat for 5 minutes" },
          waiting: { type: "integer", description: "Trucks in the waiting area" },
          estimatedWaitMinutes: { type: ["integer", "null"] },
          throughputToday: { type: "integer", description: "Released or refused today (UTC+5)" },
          lanesOpen: { type: ["integer", "null"] },
          dailyLimit: { type: ["integer", "null"] },
          trend: { enum: ["up", "down", "flat", null] },
          freePlacesNext24h: { type: ["integer", "null"] },
        },
        required: [
          "checkpointId",
          "name",
          "post",
          "asOf",
          "stale",
          "waiting",
          "estimatedWaitMinutes",
          "throughputToday",
        ],
      },
      NationalPost: {
        type: "object",
        properties: {
          name: { type: "string" },
          eventsIngested: { type: "integer" },
          lastSeq: { type: "integer", description: "The hub's cursor for the post's current database epoch" },
          lastSeenAt: { type: ["string", "null"], format: "date-time" },
          lag: {
            type: ["object", "null"],
            description:
              "Events the post has written that the hub does not hold yet, and how old the first of them is",
            properties: { events: { type: "integer" }, seconds: { type: "integer" } },
          },
          quarantined: { type: "integer" },
        },
        required: ["name", "eventsIngested", "lastSeq", "lastSeenAt", "lag"],
      },
      StageTime: {
        type: "object",
        properties: {
          stage: { type: "string" },
          crossings: { type: "integer" },
          averageMinutes: { type: "integer" },
        },
        required: ["stage", "crossings", "averageMinutes"],
      },
    },
  },
};
