/** A JSON Schema as nested lists a person can read: names, types, constraints, descriptions. */
import type { JsonSchema } from "./openapi.ts";

const REF_PREFIX = "#/components/schemas/";
export const schemaAnchor = (name: string) => `schema-${name}`;

const typeWords = (s: JsonSchema): string => {
  if (s.const !== undefined) return `= ${JSON.stringify(s.const)}`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const base = types.map((t) =>
    t === "array" ? `array of ${s.items ? typeWords(s.items) : "anything"}` : t,
  );
  if (s.$ref) base.push(s.$ref.replace(REF_PREFIX, ""));
  return base.join(" or ") || (s.anyOf || s.oneOf ? "one of" : "any");
};

function constraints(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.format) out.push(`format ${s.format}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems} items`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
  if (s.pattern) out.push(`matches /${s.pattern}/`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

function TypeLabel(props: { schema: JsonSchema }) {
  const s = props.schema;
  const ref = s.$ref ?? s.items?.$ref;
  const name = ref?.replace(REF_PREFIX, "");
  return (
    <code>
      {name ? (
        <>
          {s.items ? "array of " : ""}
          <a href={`#${schemaAnchor(name)}`}>{name}</a>
        </>
      ) : (
        typeWords(s)
      )}
    </code>
  );
}

/** The schema's own line (type, constraints, enum, description) and its children. */
export function SchemaView(props: { schema: JsonSchema; depth?: number }) {
  const s = props.schema;
  const depth = props.depth ?? 0;
  const enumValues = s.enum?.filter((v) => v !== null);
  const children = s.type === "array" || (Array.isArray(s.type) && s.type.includes("array")) ? s.items : s;
  const fields = children?.properties;
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
  return (
    <div class="schema">
      <TypeLabel schema={s} /> {constraints(s).join(", ")}
      {enumValues?.length ? (
        <>
          {" "}
          one of{" "}
          {enumValues.map((v, i) => (
            <>
              {i ? ", " : ""}
              <code>{JSON.stringify(v)}</code>
            </>
          ))}
        </>
      ) : null}
      {s.description ? <p class="muted">{s.description}</p> : null}
      {fields && depth < 8 ? (
        <ul>
          {Object.entries(fields).map(([name, child]) => (
            <li>
              <code>{name}</code>
              {children?.required?.includes(name) ? (
                <strong> required</strong>
              ) : (
                <span class="muted"> optional</span>
              )}
              : <SchemaView schema={child} depth={depth + 1} />
            </li>
          ))}
        </ul>
      ) : null}
      {alternatives && depth < 8 ? (
        <ul>
          {alternatives.map((alt) => (
            <li>
              <SchemaView schema={alt} depth={depth + 1} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
