/**
 * The OpenAPI document's examples, read back from the document and sent to a server: each example
 * is one exchange (parameters, body and answer filed under one name), and the server must answer
 * it as documented: the same status, a body valid against the schema, and the example's shape and
 * states. An operation without a complete example is reported, so a new route cannot go undocumented.
 */
import {
  type Exchange,
  exchangesOf,
  type OpenApiDocument,
  type Operation,
  operationsOf,
} from "../../views/api/openapi.ts";
import { jsonSchemaValidator, type Schema } from "./json-schema.ts";

type Obj = Record<string, unknown>;
export type DocOperation = Operation;

export interface ExampleCase extends Exchange {
  operationId: string;
  method: string;
  /** the path template, e.g. /v1/crossings/{id} */
  template: string;
  op: DocOperation;
  status: string;
}

/** Every example of every operation under `paths`, and what keeps an operation from having one. */
export function examplesOf(doc: Obj): { cases: ExampleCase[]; missing: string[] } {
  const cases: ExampleCase[] = [];
  const missing: string[] = [];
  for (const { path, method, op } of operationsOf(doc as unknown as OpenApiDocument)) {
    const id = op.operationId ?? `${method.toUpperCase()} ${path}`;
    const exchanges = exchangesOf(op);
    if (!exchanges.length) missing.push(`${id}: no example`);
    for (const e of exchanges) {
      const where = `${id}.${e.name}`;
      for (const p of op.parameters ?? [])
        if (p.required && !(p.name in e.params))
          missing.push(`${where}: no value for the required parameter ${p.name}`);
      if (op.requestBody?.required && e.body === undefined) missing.push(`${where}: no request body`);
      if (e.status === undefined) missing.push(`${where}: no answer documented`);
      else cases.push({ ...e, status: e.status, operationId: id, method, template: path, op });
    }
  }
  return { cases, missing };
}

/** Fields whose value the example promises exactly; the rest vary with time, ids and counts. */
const PROMISED = new Set(["state", "status", "title", "type", "checkpointId"]);

/**
 * Where `live` does not have the documented example's shape (keys, types, non-empty lists, states).
 * A list's example shows some of its items, not which: inside one, only the shape is compared.
 */
export function shapeDifferences(example: unknown, live: unknown, path = "$", promised = true): string[] {
  if (example === null || live === null) return [];
  if (Array.isArray(example)) {
    if (!Array.isArray(live)) return [`${path}: a list was documented, got ${typeof live}`];
    if (example.length && !live.length) return [`${path}: documented with items, got none`];
    return example.length && live.length ? shapeDifferences(example[0], live[0], `${path}[0]`, false) : [];
  }
  if (typeof example === "object") {
    if (typeof live !== "object" || Array.isArray(live)) return [`${path}: an object was documented`];
    const e = example as Obj;
    const l = live as Obj;
    const out: string[] = [];
    for (const k of new Set([...Object.keys(e), ...Object.keys(l)])) {
      if (!(k in l)) out.push(`${path}.${k}: documented, not answered`);
      else if (!(k in e)) out.push(`${path}.${k}: answered, not in the example`);
      else if (promised && PROMISED.has(k) && typeof e[k] !== "object" && e[k] !== l[k])
        out.push(`${path}.${k}: documented ${JSON.stringify(e[k])}, answered ${JSON.stringify(l[k])}`);
      else out.push(...shapeDifferences(e[k], l[k], `${path}.${k}`, promised));
    }
    return out;
  }
  return typeof example === typeof live
    ? []
    : [`${path}: documented a ${typeof example}, got ${typeof live}`];
}

/** Replaces every string that is an example's stand-in id with the live value it stands for. */
const substitute = (value: unknown, ids: Map<string, string>): unknown => {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => substitute(v, ids));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, ids)]));
  return value;
};

export interface ExampleTarget {
  /** the server's base URL, with the document's server path (e.g. http://127.0.0.1:3000/api) */
  base: string;
  /** the headers that satisfy the operation's security (a key with its scope, a session) */
  credentials: Record<string, string>;
  ids: Map<string, string>;
}

/** Sends one example and lists how the answer differs from the document; empty when it keeps it. */
export async function runExample(doc: Obj, c: ExampleCase, target: ExampleTarget): Promise<string[]> {
  const where = `${c.operationId}.${c.name}`;
  const validator = jsonSchemaValidator(doc);
  let path = c.template;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { ...target.credentials };
  for (const p of c.op.parameters ?? []) {
    if (!(p.name in c.params)) continue;
    const value = String(substitute(c.params[p.name], target.ids));
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p.in === "query") query.set(p.name, value);
    else if (p.in === "header") headers[p.name] = value;
  }
  if (c.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${target.base}${path}${query.size ? `?${query}` : ""}`, {
    method: c.method.toUpperCase(),
    headers,
    body: c.body === undefined ? undefined : JSON.stringify(substitute(c.body, target.ids)),
  });
  const text = await res.text();
  if (String(res.status) !== c.status)
    return [`${where}: answered ${res.status}, documented ${c.status}: ${text}`];
  if (!c.answer) return text ? [`${where}: documented without a body, answered ${text.slice(0, 200)}`] : [];
  const media = (res.headers.get("content-type") ?? "").split(";")[0]?.trim();
  if (media !== c.answer.media) return [`${where}: answered ${media}, documented ${c.answer.media}`];
  const live = JSON.parse(text) as unknown;
  const schema = (c.answer.schema ?? {}) as Schema;
  return [
    ...validator.validate(schema, c.answer.value, "example").map((e) => `${where}: ${e}`),
    ...validator.validate(schema, live, "answer").map((e) => `${where}: ${e}`),
    ...shapeDifferences(c.answer.value, live).map((e) => `${where}: ${e}`),
  ];
}
