/** The parts of an OpenAPI 3.1 document the docs page reads; the rest is passed through unread. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

/** OpenAPI's Example Objects by name: the same name across parameters, body and answer is one exchange */
export type Examples = Record<string, { summary?: string; value: unknown }>;

export interface Parameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  examples?: Examples;
}

export interface MediaContent {
  [mediaType: string]: { schema?: JsonSchema; examples?: Examples };
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: MediaContent };
  responses?: Record<string, { description?: string; content?: MediaContent }>;
  security?: Record<string, string[]>[];
}

export const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
export type Method = (typeof METHODS)[number];

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Partial<Record<Method, Operation>>>;
  /** what the server sends to subscribers (OpenAPI 3.1) */
  webhooks?: Record<string, Partial<Record<Method, Operation>>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, { type: string; scheme?: string; description?: string }>;
  };
}

/** Every operation with its path and method, in the document's order. */
export function operationsOf(doc: OpenApiDocument, section: "paths" | "webhooks" = "paths") {
  return Object.entries(doc[section] ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ path, method, op }] : [];
    }),
  );
}

/** One example exchange of an operation: what is sent and what comes back, under one name. */
export interface Exchange {
  name: string;
  summary?: string;
  /** parameter values by name */
  params: Record<string, unknown>;
  body?: unknown;
  /** the answer's status; undefined when no response carries the name and none is implied */
  status?: string;
  answer?: { media: string; schema?: JsonSchema; value: unknown };
}

/**
 * The operation's examples paired by name. An exchange whose answer has no body is answered by
 * the operation's one success without a body (a 204), since nothing there can carry a name.
 */
export function exchangesOf(op: Operation): Exchange[] {
  const byName = new Map<string, Exchange>();
  const named = (name: string, summary?: string) => {
    const found = byName.get(name) ?? { name, summary, params: {} };
    found.summary ??= summary;
    byName.set(name, found);
    return found;
  };
  for (const p of op.parameters ?? [])
    for (const [name, ex] of Object.entries(p.examples ?? {}))
      named(name, ex.summary).params[p.name] = ex.value;
  for (const [name, ex] of Object.entries(op.requestBody?.content?.["application/json"]?.examples ?? {}))
    named(name, ex.summary).body = ex.value;
  for (const [status, r] of Object.entries(op.responses ?? {}))
    for (const [media, m] of Object.entries(r.content ?? {}))
      for (const [name, ex] of Object.entries(m.examples ?? {})) {
        const e = named(name, ex.summary);
        e.status = status;
        e.answer = { media, schema: m.schema, value: ex.value };
      }
  const bodiless = Object.entries(op.responses ?? {}).filter(([s, r]) => s.startsWith("2") && !r.content);
  for (const e of byName.values()) if (!e.status && bodiless.length === 1) e.status = bodiless[0]?.[0];
  return [...byName.values()];
}
