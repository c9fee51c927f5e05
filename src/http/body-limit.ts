/**
 * A body too large is refused before it is read. Hono's bodyLimit asks for the request's body
 * stream even when Content-Length already says how big it is, which turns the Node request into
 * a full web Request and every body read into a stream of promises: a small JSON POST went from
 * 19,000 to 4,500 a second with it (measured). The length header is checked first here (Node's
 * parser never reads past it); a body without one (chunked) is counted as it is read, by Hono's.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit as countingBodyLimit } from "hono/body-limit";

const NO_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

export function bodyLimit(options: {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}): MiddlewareHandler {
  const counting = countingBodyLimit(options);
  return (c, next) => {
    if (NO_BODY.has(c.req.method)) return next();
    const length = c.req.header("Content-Length");
    if (length !== undefined && c.req.header("Transfer-Encoding") === undefined) {
      return Number(length) > options.maxSize ? Promise.resolve(options.onError(c)) : next();
    }
    return counting(c, next);
  };
}
