/**
 * A small JSON Schema (2020-12) validator for the schemas in our OpenAPI document: the keywords
 * zod emits and nothing more. A keyword it does not know is an error, not a silent pass, so the
 * contract test cannot validate less than it claims to.
 */
export type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set([
  "description",
  "title",
  "default",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$schema",
  "$id",
  "id",
  "$comment",
]);
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const FORMATS: Record<string, (s: string) => boolean> = {
  "date-time": (s) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
    !Number.isNaN(Date.parse(s)),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  uri: (s) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  },
  email: (s) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s),
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
};

const typeOf = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number" && Number.isInteger(v)
        ? "integer"
        : typeof v;

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** ECMA-262 regular expressions, as JSON Schema says; unicode mode where the pattern allows it. */
const regex = (pattern: string) => {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return new RegExp(pattern);
  }
};

export interface Validator {
  /** Problems with `value` against `schema`, each with its JSON path; empty when valid. */
  validate(schema: Schema, value: unknown, path?: string): string[];
  /** Problems with the schema itself: unknown keywords, bad types, unresolved $refs. */
  check(schema: Schema, path?: string): string[];
}

export function jsonSchemaValidator(root: Record<string, unknown>): Validator {
  const resolve = (ref: string): Schema | undefined => {
    if (!ref.startsWith("#/")) return undefined;
    let node: unknown = root;
    for (const part of ref.slice(2).split("/")) {
      node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    return node as Schema | undefined;
  };

  function validate(schema: Schema, value: unknown, path = "$"): string[] {
    const errors: string[] = [];
    const fail = (msg: string) => errors.push(`${path}: ${msg}`);
    for (const [keyword, arg] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword)) continue;
      switch (keyword) {
        case "$ref": {
          const target = resolve(arg as string);
          if (!target) fail(`unresolved $ref ${String(arg)}`);
          else errors.push(...validate(target, value, path));
          break;
        }
        case "type": {
          const allowed = Array.isArray(arg) ? arg : [arg];
          const t = typeOf(value);
          if (!allowed.includes(t) && !(t === "integer" && allowed.includes("number"))) {
            fail(`expected ${allowed.join(" or ")}, got ${t}`);
          }
          break;
        }
        case "enum":
          if (!(arg as unknown[]).some((e) => equal(e, value))) fail(`not one of ${JSON.stringify(arg)}`);
          break;
        case "const":
          if (!equal(arg, value)) fail(`not ${JSON.stringify(arg)}`);
          break;
        case "format":
          if (typeof value === "string" && FORMATS[arg as string] && !FORMATS[arg as string]?.(value)) {
            fail(`not a ${String(arg)}: ${JSON.stringify(value)}`);
          }
          break;
        case "pattern":
          if (typeof value === "string" && !regex(arg as string).test(value))
            fail(`does not match /${String(arg)}/`);
          break;
        case "minLength":
          if (typeof value === "string" && [...value].length < (arg as number))
            fail(`shorter than ${String(arg)}`);
          break;
        case "maxLength":
          if (typeof value === "string" && [...value].length > (arg as number))
            fail(`longer than ${String(arg)}`);
          break;
        case "minimum":
          if (typeof value === "number" && value < (arg as number)) fail(`below ${String(arg)}`);
          break;
        case "maximum":
          if (typeof value === "number" && value > (arg as number)) fail(`above ${String(arg)}`);
          break;
        case "exclusiveMinimum":
          if (typeof value === "number" && value <= (arg as number)) fail(`not above ${String(arg)}`);
          break;
        case "exclusiveMaximum":
          if (typeof value === "number" && value >= (arg as number)) fail(`not below ${String(arg)}`);
          break;
        case "multipleOf":
          if (typeof value === "number" && value % (arg as number) !== 0)
            fail(`not a multiple of ${String(arg)}`);
          break;
        case "minItems":
          if (Array.isArray(value) && value.length < (arg as number)) fail(`fewer than ${String(arg)} items`);
          break;
        case "maxItems":
          if (Array.isArray(value) && value.length > (arg as number)) fail(`more than ${String(arg)} items`);
          break;
        case "items":
          if (Array.isArray(value)) {
            const from = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
            value.slice(from).forEach((v, i) => {
              errors.push(...validate(arg as Schema, v, `${path}[${i + from}]`));
            });
          }
          break;
        case "prefixItems":
          if (Array.isArray(value)) {
            (arg as Schema[]).forEach((s, i) => {
              if (i < value.length) errors.push(...validate(s, value[i], `${path}[${i}]`));
            });
          }
          break;
        case "required":
          if (typeOf(value) === "object") {
            for (const name of arg as string[]) if (!(name in (value as object))) fail(`missing ${name}`);
          }
          break;
        case "properties":
          if (typeOf(value) === "object") {
            for (const [name, s] of Object.entries(arg as Record<string, Schema>)) {
              const v = (value as Record<string, unknown>)[name];
              if (v !== undefined) errors.push(...validate(s, v, `${path}.${name}`));
            }
          }
          break;
        case "additionalProperties":
          if (typeOf(value) === "object") {
            const known = new Set(Object.keys((schema.properties as object) ?? {}));
            for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
              if (known.has(name)) continue;
              if (arg === false) fail(`unexpected property ${name}`);
              else if (typeof arg === "object") errors.push(...validate(arg as Schema, v, `${path}.${name}`));
            }
          }
          break;
        case "propertyNames":
          if (typeOf(value) === "object") {
            for (const name of Object.keys(value as object))
              errors.push(...validate(arg as Schema, name, `${path}{${name}}`));
          }
          break;
        case "anyOf":
          if (!(arg as Schema[]).some((s) => validate(s, value, path).length === 0))
            fail("matches none of anyOf");
          break;
        case "oneOf": {
          const n = (arg as Schema[]).filter((s) => validate(s, value, path).length === 0).length;
          if (n !== 1) fail(`matches ${n} of oneOf, not exactly 1`);
          break;
        }
        case "allOf":
          for (const s of arg as Schema[]) errors.push(...validate(s, value, path));
          break;
        case "not":
          if (validate(arg as Schema, value, path).length === 0) fail("matches a schema it must not");
          break;
        default:
          fail(`the validator does not know the keyword ${keyword}`);
      }
    }
    return errors;
  }

  function check(schema: Schema, path = "#"): string[] {
    if (typeof schema !== "object" || schema === null || Array.isArray(schema))
      return [`${path}: not a schema object`];
    const errors: string[] = [];
    const sub = (s: unknown, p: string) => errors.push(...check(s as Schema, p));
    for (const [keyword, arg] of Object.entries(schema)) {
      const at = `${path}/${keyword}`;
      if (ANNOTATIONS.has(keyword)) continue;
      switch (keyword) {
        case "$ref":
          if (typeof arg !== "string" || !resolve(arg)) errors.push(`${at}: unresolved ${String(arg)}`);
          break;
        case "type":
          for (const t of Array.isArray(arg) ? arg : [arg])
            if (!TYPES.has(t as string)) errors.push(`${at}: bad type ${String(t)}`);
          break;
        case "enum":
          if (!Array.isArray(arg) || arg.length === 0) errors.push(`${at}: must be a non-empty array`);
          break;
        case "required":
          if (!Array.isArray(arg) || arg.some((r) => typeof r !== "string"))
            errors.push(`${at}: must list names`);
          break;
        case "properties":
          for (const [name, s] of Object.entries(arg as object)) sub(s, `${at}/${name}`);
          break;
        case "items":
        case "not":
        case "propertyNames":
          sub(arg, at);
          break;
        case "additionalProperties":
          if (typeof arg !== "boolean") sub(arg, at);
          break;
        case "anyOf":
        case "oneOf":
        case "allOf":
        case "prefixItems":
          if (!Array.isArray(arg) || arg.length === 0) errors.push(`${at}: must be a non-empty array`);
          else
            arg.forEach((s, i) => {
              sub(s, `${at}/${i}`);
            });
          break;
        case "pattern":
          try {
            regex(arg as string);
          } catch {
            errors.push(`${at}: not a regular expression`);
          }
          break;
        case "const":
        case "format":
          break;
        case "minLength":
        case "maxLength":
        case "minItems":
        case "maxItems":
        case "minimum":
        case "maximum":
        case "exclusiveMinimum":
        case "exclusiveMaximum":
        case "multipleOf":
          if (typeof arg !== "number") errors.push(`${at}: must be a number`);
          break;
        default:
          errors.push(`${at}: unknown keyword`);
      }
    }
    return errors;
  }

  return { validate, check };
}
