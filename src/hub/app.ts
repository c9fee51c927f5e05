/** The hub's HTTP app: the posts' signed ingest, heartbeat, claims and commands, and the national reads. */
import { gunzipSync } from "node:zlib";
import { type Context, Hono } from "hono";
import type pg from "pg";
import { z } from "zod";
import { problem } from "../http/problem.ts";
import { reserveVehicle } from "./claims.ts";
import { ingestBatch } from "./ingest.ts";
import { nationalPosts, nationalWaitTimes, stageTimes } from "./national.ts";
import { hubOpenApiDocument } from "./openapi.ts";
import { nationalPages } from "./pages.tsx";
import type { PostStore } from "./posts.ts";
import { type SignedEnv, signedByPost } from "./signed.ts";
import { batchSchema, claimSchema, heartbeatSchema, postNameSchema } from "./wire.ts";

export interface HubDeps {
  pool: pg.Pool;
  posts: PostStore;
  now: () => number;
  log?: (line: string) => void;
}

const commandDoneSchema = z.object({ outcome: z.string().min(1).max(500) });

// a batch of 1,000 events is a few hundred KB of JSON; more than this unzipped is not a batch
const MAX_UNZIPPED = 16 * 1024 * 1024;

export function createHubApp(deps: HubDeps) {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  app.get("/api/openapi.json", (c) => c.json(hubOpenApiDocument));

  const signed = new Hono<SignedEnv>();
  // only the posts' own routes: the national reads under /api/v1/national are public
  const bySignature = signedByPost(deps.posts, deps.now);
  for (const path of ["/ingest", "/heartbeat", "/claims", "/commands", "/commands/*"])
    signed.use(path, bySignature);
  const json = <S extends z.ZodType>(c: { var: { body: Uint8Array } }, schema: S, gzipped = false) => {
    try {
      const bytes = gzipped ? gunzipSync(c.var.body, { maxOutputLength: MAX_UNZIPPED }) : c.var.body;
      return schema.safeParse(JSON.parse(Buffer.from(bytes).toString("utf8")));
    } catch {
      return null;
    }
  };

  signed.post("/ingest", async (c) => {
    const gzipped = c.req.header("Content-Encoding") === "gzip";
    const parsed = json(c, batchSchema, gzipped);
    if (!parsed?.success)
      return problem(c, 422, "Not a batch", "A batch is {epoch, events[1..1000]} as JSON, gzipped.");
    const outcome = await ingestBatch(deps.pool, c.var.post.id, parsed.data);
    if (!outcome.ok) {
      return problem<409, { cursor: number; errors?: never }>(
        c,
        409,
        outcome.reason === "gap" ? "Gap before this batch" : "Batch not contiguous",
        "Resend from the event after the cursor.",
        { cursor: outcome.cursor },
      );
    }
    if (outcome.quarantined > 0)
      deps.log?.(
        `post ${c.var.post.name}: ${outcome.quarantined} event(s) arrived again with other content; quarantined`,
      );
    return c.json(outcome);
  });

  signed.post("/heartbeat", async (c) => {
    const parsed = json(c, heartbeatSchema);
    if (!parsed?.success)
      return problem(c, 422, "Not a heartbeat", "See HeartbeatRequest in /api/openapi.json.");
    await deps.posts.heartbeat(c.var.post.id, parsed.data);
    return c.body(null, 204);
  });

  signed.post("/claims", async (c) => {
    const parsed = json(c, claimSchema);
    if (!parsed?.success) return problem(c, 422, "Not a claim", "A claim is {crossingId, plate, vin, at}.");
    const outcome = await reserveVehicle(deps.pool, c.var.post.id, parsed.data);
    if (!outcome.ok)
      return problem<409, { post: string; errors?: never }>(
        c,
        409,
        "Vehicle has an active crossing",
        `It is held at ${outcome.holder.post}.`,
        {
          post: outcome.holder.post,
        },
      );
    return c.json({ claimed: true }, 201);
  });

  signed.get("/commands", async (c) => {
    const { rows } = await deps.pool.query(
      "SELECT id, kind, crossing_id, reason FROM commands WHERE post_id = $1 AND done_at IS NULL ORDER BY created_at LIMIT 100",
      [c.var.post.id],
    );
    return c.json(rows.map((r) => ({ id: r.id, kind: r.kind, crossingId: r.crossing_id, reason: r.reason })));
  });

  signed.post("/commands/:id/done", async (c) => {
    const id = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/.test(id)) return problem(c, 404, "No such command", "Command ids are UUIDs.");
    const parsed = json(c, commandDoneSchema);
    if (!parsed?.success) return problem(c, 422, "Not an outcome", "Send {outcome} as JSON.");
    const r = await deps.pool.query(
      "UPDATE commands SET done_at = coalesce(done_at, now()), outcome = coalesce(outcome, $3) WHERE id = $1 AND post_id = $2",
      [id, c.var.post.id, parsed.data.outcome],
    );
    if (r.rowCount === 0) return problem(c, 404, "No such command", "This post has no command with that id.");
    return c.body(null, 204);
  });

  app.route("/api/v1", signed);

  /** ?post=<name>: only that post's rows; anything else there is a 400 */
  const postFilter = (c: Context) => {
    const post = c.req.query("post");
    if (post === undefined) return { ok: true as const, keep: () => true };
    const parsed = postNameSchema.safeParse(post);
    return parsed.success
      ? { ok: true as const, keep: (name: string) => name === parsed.data }
      : { ok: false as const };
  };
  app.get("/api/v1/national/wait-times", async (c) => {
    const filter = postFilter(c);
    if (!filter.ok)
      return problem(c, 400, "Not a post name", "post is lower-case letters, digits and dashes.");
    const rows = (await nationalWaitTimes(deps.pool, deps.now())).filter((r) => filter.keep(r.post));
    return c.json(rows, 200, { "Cache-Control": "public, max-age=5" });
  });
  app.get("/api/v1/national/posts", async (c) => {
    const filter = postFilter(c);
    if (!filter.ok)
      return problem(c, 400, "Not a post name", "post is lower-case letters, digits and dashes.");
    return c.json((await nationalPosts(deps.pool)).filter((p) => filter.keep(p.name)));
  });
  app.get("/api/v1/national/posts/:post/checkpoints/:checkpointId/stage-times", async (c) => {
    const rows = await stageTimes(deps.pool, c.req.param("post"), c.req.param("checkpointId"), deps.now());
    if (!rows) return problem(c, 404, "Unknown post", "No post is registered under that name.");
    return c.json(rows);
  });
  app.route("/", nationalPages(deps));
  app.notFound((c) => problem(c, 404, "Not found", "See /api/openapi.json for the hub's routes."));
  app.onError((err, c) => {
    if (process.env.HUB_DEBUG) console.error(err);
    deps.log?.(`hub error: ${err.stack ?? err}`);
    // the database gone (restarting, link down): the post retries; never a 500 for that
    return problem(c, 503, "Hub database unavailable", "Try again shortly.", {}) as Response;
  });
  return app;
}
