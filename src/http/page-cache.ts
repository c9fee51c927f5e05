/**
 * Rendered pages kept until the database changes or the clock's minute turns. A page is a pure
 * function of what is stored, its key (the crossing, the language, the session's form token) and
 * the time; the times it shows are to the minute. Polling phones and officers' screens ask for the
 * same page far more often than anything changes at a checkpoint, and rendering costs ten times
 * more than answering from here (bench/http.ts, README "Performance").
 *
 * Kept as UTF-8 bytes, so a 25 kB dashboard is not encoded again for every poll, and gzipped once
 * for the first client that takes gzip (every browser does), not streamed through a compressor
 * on every request.
 */
import { gzipSync } from "node:zlib";
import type { Context } from "hono";
import type { HtmlEscapedString } from "hono/utils/html";
import type { DB } from "../store/db.ts";
import { memoUntilWrite } from "../store/memo.ts";

const MINUTE = 60_000;
const HTML = { "Content-Type": "text/html; charset=UTF-8" };
const GZIPPED_HTML = { ...HTML, "Content-Encoding": "gzip" };
// gzip, unless refused with q=0 (or 0.0, 0.00, 0.000); q=0.5 takes it
const TAKES_GZIP = /\bgzip\b(?!\s*;\s*q=0(?:\.0{0,3})?(?![\d.]))/i;
const utf8 = new TextEncoder();

/** A page, or null for "there is no such thing" (kept too, so unknown links cost no rendering). */
type Rendered = HtmlEscapedString | null;

interface KeptPage {
  plain: Uint8Array<ArrayBuffer>;
  gzipped?: Uint8Array<ArrayBuffer>;
}

export function pageCache(db: DB, now: () => number) {
  const memo = memoUntilWrite(db);
  const rendered = (key: string, render: () => Rendered | Promise<Rendered>): Promise<KeptPage | null> =>
    memo(`${Math.floor(now() / MINUTE)}|${key}`, async () => {
      const out = await render();
      // Hono types toString() as string, but a tree with an async component gives a promise
      return out === null
        ? null
        : { plain: utf8.encode(String(await (out.toString() as string | Promise<string>))) };
    });
  /** The page as a 200 answer, or null where render() said there is no such page. */
  return async (
    c: Context,
    key: string,
    render: () => Rendered | Promise<Rendered>,
  ): Promise<Response | null> => {
    const page = await rendered(key, render);
    if (!page) return null;
    if (!TAKES_GZIP.test(c.req.header("Accept-Encoding") ?? "")) return c.body(page.plain, 200, HTML);
    page.gzipped ??= new Uint8Array(gzipSync(page.plain));
    return c.body(page.gzipped, 200, GZIPPED_HTML);
  };
}
export type PageCache = ReturnType<typeof pageCache>;
