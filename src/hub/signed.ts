/** Checks a post's signed request and hands the route the post and the body bytes it signed. */
import type { Context, MiddlewareHandler } from "hono";
import { problem } from "../http/problem.ts";
import type { PostStore, RegisteredPost } from "./posts.ts";
import { POST_HEADER, SIGNATURE_HEADER, verifyRequest } from "./wire.ts";

export type SignedEnv = { Variables: { post: RegisteredPost; body: Uint8Array } };

/** The largest body a post may send (a batch is at most 256 KB gzipped; this leaves room). */
export const MAX_SIGNED_BODY = 1024 * 1024;

export function signedByPost(posts: PostStore, now: () => number): MiddlewareHandler<SignedEnv> {
  return async (c, next) => {
    const declared = Number(c.req.header("Content-Length") ?? 0);
    if (declared > MAX_SIGNED_BODY) return tooLarge(c);
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (body.byteLength > MAX_SIGNED_BODY) return tooLarge(c);
    const name = c.req.header(POST_HEADER) ?? "";
    const post = name ? await posts.byName(name) : null;
    const path = new URL(c.req.url).pathname;
    if (
      !post ||
      !verifyRequest(
        post.publicKey,
        c.req.method,
        path,
        body,
        c.req.header(SIGNATURE_HEADER),
        Math.floor(now() / 1000),
      )
    ) {
      return problem(
        c,
        401,
        "Not signed by a registered post",
        `Sign with the key from add-post (${SIGNATURE_HEADER}).`,
      );
    }
    c.set("post", post);
    c.set("body", body);
    await next();
  };
}

const tooLarge = (c: Context) =>
  problem(c, 413, "Body too large", `At most ${MAX_SIGNED_BODY} bytes; send smaller batches.`);
