/**
 * Structural checks of an OpenAPI 3.1 document: the rules a client generator relies on. Not the
 * whole specification, but every rule here is one of its MUSTs.
 */
import { jsonSchemaValidator, type Schema } from "./json-schema.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PATH_ITEM_KEYS = new Set([...METHODS, "summary", "description", "servers", "parameters", "$ref"]);
const OPERATION_KEYS = new Set([
  "tags",
  "summary",
  "description",
  "externalDocs",
  "operationId",
  "parameters",
  "requestBody",
  "responses",
  "callbacks",
  "deprecated",
  "security",
  "servers",
]);
const PARAMETER_IN = new Set(["query", "header", "path", "cookie"]);
const STATUS = /^([1-5]XX|[1-5]\d\d|default)$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function openApiStructureErrors(doc: Obj): string[] {
  const errors: string[] = [];
  const schemas = jsonSchemaValidator(doc);
  const err = (where: string, msg: string) => errors.push(`${where}: ${msg}`);

  if (typeof doc.openapi !== "string" || !/^3\.1\.\d+$/.test(doc.openapi)) err("openapi", "must be 3.1.x");
  const info = doc.info as Obj | undefined;
  if (!isObj(info) || typeof info.title !== "string" || typeof info.version !== "string") {
    err("info", "needs a title and a version");
  }
  if (!isObj(doc.paths) && !isObj(doc.webhooks) && !isObj(doc.components)) {
    err("(root)", "needs paths, webhooks or components");
  }
  const schemes = (
    isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {}
  ) as Obj;
  for (const [name, scheme] of Object.entries(schemes)) {
    const s = scheme as Obj;
    if (!["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"].includes(s.type as string)) {
      err(`securitySchemes.${name}`, "bad type");
    }
    if (s.type === "http" && typeof s.scheme !== "string")
      err(`securitySchemes.${name}`, "http needs a scheme");
  }
  const componentSchemas = (
    isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {}
  ) as Obj;
  for (const [name, schema] of Object.entries(componentSchemas)) {
    errors.push(...schemas.check(schema as Schema, `#/components/schemas/${name}`));
  }

  const content = (where: string, c: unknown) => {
    if (!isObj(c)) return err(where, "content must be an object");
    for (const [type, media] of Object.entries(c)) {
      if (!/^[\w.+-]+\/[\w.+*-]+$/.test(type)) err(where, `bad media type ${type}`);
      if (isObj(media) && media.schema !== undefined)
        errors.push(...schemas.check(media.schema as Schema, `${where}/${type}`));
    }
  };

  const operationIds = new Set<string>();
  const checkOperation = (where: string, op: Obj, templateParams: string[], inherited: Obj[]) => {
    for (const key of Object.keys(op))
      if (!OPERATION_KEYS.has(key) && !key.startsWith("x-")) err(where, `unknown field ${key}`);
    if (op.operationId !== undefined) {
      if (operationIds.has(op.operationId as string))
        err(where, `duplicate operationId ${String(op.operationId)}`);
      operationIds.add(op.operationId as string);
    }
    const params = [...inherited, ...((op.parameters as Obj[] | undefined) ?? [])];
    const seen = new Set<string>();
    for (const p of params) {
      const id = `${String(p.in)}:${String(p.name)}`;
      if (seen.has(id)) err(where, `parameter ${id} twice`);
      seen.add(id);
      if (typeof p.name !== "string" || !PARAMETER_IN.has(p.in as string)) err(where, `bad parameter ${id}`);
      if (p.in === "path" && p.required !== true)
        err(where, `path parameter ${String(p.name)} must be required`);
      if (p.in === "path" && !templateParams.includes(p.name as string))
        err(where, `path parameter ${String(p.name)} not in the path`);
      if ((p.schema === undefined) === (p.content === undefined))
        err(where, `parameter ${id} needs schema or content`);
      if (p.schema !== undefined)
        errors.push(...schemas.check(p.schema as Schema, `${where}/parameters/${id}`));
    }
    for (const name of templateParams)
      if (!seen.has(`path:${name}`)) err(where, `{${name}} has no path parameter`);
    if (op.requestBody !== undefined) content(`${where}/requestBody`, (op.requestBody as Obj).content);
    const responses = op.responses;
    if (!isObj(responses) || Object.keys(responses).length === 0) err(where, "needs at least one response");
    for (const [status, r] of Object.entries(isObj(responses) ? responses : {})) {
      if (!STATUS.test(status)) err(where, `bad response key ${status}`);
      if (!isObj(r) || typeof r.description !== "string") err(`${where}/${status}`, "needs a description");
      else if (r.content !== undefined) content(`${where}/${status}`, r.content);
    }
    for (const req of (op.security as Obj[] | undefined) ?? []) {
      for (const name of Object.keys(req))
        if (!(name in schemes)) err(where, `security scheme ${name} is not declared`);
    }
  };

  const checkItems = (section: "paths" | "webhooks") => {
    const items = doc[section];
    if (items === undefined) return;
    if (!isObj(items)) return err(section, "must be an object");
    for (const [path, item] of Object.entries(items)) {
      if (section === "paths" && !path.startsWith("/")) err(`paths.${path}`, "must start with /");
      if (!isObj(item)) continue;
      for (const key of Object.keys(item))
        if (!PATH_ITEM_KEYS.has(key) && !key.startsWith("x-"))
          err(`${section}.${path}`, `unknown field ${key}`);
      const template =
        section === "paths" ? [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string) : [];
      for (const method of METHODS) {
        if (isObj(item[method])) {
          checkOperation(
            `${section}.${path}.${method}`,
            item[method] as Obj,
            template,
            (item.parameters as Obj[]) ?? [],
          );
        }
      }
    }
  };
  checkItems("paths");
  checkItems("webhooks");

  // every $ref anywhere must resolve
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node))
      node.forEach((n, i) => {
        walk(n, `${where}/${i}`);
      });
    else if (isObj(node)) {
      if (typeof node.$ref === "string" && schemas.check({ $ref: node.$ref }).length)
        err(where, `unresolved ${node.$ref}`);
      for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
    }
  };
  walk(doc, "#");
  return errors;
}
