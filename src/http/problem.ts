/** RFC 9457 problem details: every API error says what went wrong and what to do. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldError {
  field: string;
  message: string;
}

export function problem<S extends ContentfulStatusCode, E extends { errors?: FieldError[] } = object>(
  c: Context,
  status: S,
  title: string,
  detail: string,
  extra?: E,
) {
  // c.json keeps a Content-Type given here, so the body is typed for the OpenAPI routes.
  return c.json({ type: "about:blank", title, status: status as number, detail, ...extra }, status, {
    "Content-Type": "application/problem+json",
  });
}
