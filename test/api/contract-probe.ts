/**
 * Calls one operation of the OpenAPI document and checks the answer against it: the status must be
 * one the document lists, the Content-Type one it names, and the body valid against its schema.
 */
import { jsonSchemaValidator, type Schema } from "./json-schema.ts";

type Obj = Record<string, unknown>;
export interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>;
}

export interface Call {
  method: string;
  /** the concrete path under the server URL, e.g. /v1/checkpoints/nur-zholy */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** sent as it is, for malformed bodies */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  /** what does not match the document; empty when the answer keeps the contract */
  violations: string[];
  body: unknown;
}

export function contractChecker(doc: Obj, fetch: (path: string, init: RequestInit) => Promise<Response>) {
  const validator = jsonSchemaValidator(doc);

  const declared = (op: Operation, status: number) =>
    op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;

  return async function call(op: Operation, c: Call): Promise<Answer> {
    const qs = c.query ? `?${new URLSearchParams(c.query)}` : "";
    const res = await fetch(`/api${c.path}${qs}`, {
      method: c.method.toUpperCase(),
      headers: { ...(c.body === undefined ? {} : { "Content-Type": "application/json" }), ...c.headers },
      body: c.rawBody ?? (c.body === undefined ? undefined : JSON.stringify(c.body)),
    });
    const text = await res.text();
    const violations: string[] = [];
    const where = `${c.method.toUpperCase()} ${c.path} -> ${res.status}`;
    const response = declared(op, res.status);
    let body: unknown = text;
    if (!response) {
      violations.push(
        `${where}: status not in the document (${Object.keys(op.responses).join(", ")}): ${text.slice(0, 200)}`,
      );
      return { status: res.status, violations, body };
    }
    const media = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    if (!response.content) {
      if (text.length) violations.push(`${where}: the document declares no body, got ${media}`);
      return { status: res.status, violations, body };
    }
    const declaredMedia = response.content[media];
    if (!declaredMedia) {
      violations.push(
        `${where}: Content-Type ${media} not among ${Object.keys(response.content).join(", ")}`,
      );
      return { status: res.status, violations, body };
    }
    if (media.endsWith("json")) {
      try {
        body = JSON.parse(text);
      } catch {
        violations.push(`${where}: body is not JSON`);
        return { status: res.status, violations, body };
      }
    }
    if (declaredMedia.schema) {
      violations.push(...validator.validate(declaredMedia.schema, body).map((e) => `${where}: ${e}`));
    }
    return { status: res.status, violations, body };
  };
}

/** A value the schema accepts where that is easy to make; for a route no scenario covers yet. */
export function exampleOf(schema: Schema | undefined, doc: Obj, depth = 0): unknown {
  if (!schema || depth > 10) return null;
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop() as string;
    const target = ((doc.components as Obj)?.schemas as Obj)?.[name] as Schema | undefined;
    return exampleOf(target, doc, depth + 1);
  }
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const k of ["anyOf", "oneOf", "allOf"])
    if (Array.isArray(schema[k])) return exampleOf((schema[k] as Schema[])[0], doc, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const out: Obj = {};
      for (const name of (schema.required as string[] | undefined) ?? []) {
        out[name] = exampleOf((schema.properties as Record<string, Schema>)?.[name], doc, depth + 1);
      }
      return out;
    }
    case "array":
      return Array.from({ length: (schema.minItems as number) ?? 0 }, () =>
        exampleOf(schema.items as Schema, doc, depth + 1),
      );
    case "string":
      if (schema.format === "date-time") return new Date().toISOString();
      if (schema.format === "uri") return "http://127.0.0.1:9/";
      return "x".repeat(Math.max(1, (schema.minLength as number) ?? 1));
    case "integer":
    case "number":
      return (schema.minimum as number) ?? 1;
    case "boolean":
      return false;
    default:
      return null;
  }
}
