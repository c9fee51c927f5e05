/** RFC 9457 problem details: every API error says what went wrong and what to do. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldError {
  field: string;
  message: string;
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  return c.body(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), status, {
    "Content-Type": "application/problem+json",
  });
}
