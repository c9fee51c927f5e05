/** An operation's examples as the HTTP exchanges they are: the request as sent, the answer as received. */
import { type Exchange, exchangesOf, type Operation } from "./openapi.ts";

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The request line and headers of one example, with its parameters in place (`base` + the path). */
function requestText(method: string, path: string, op: Operation, e: Exchange, base: string): string {
  let target = path;
  const query = new URLSearchParams();
  const headers: string[] = [];
  for (const p of op.parameters ?? []) {
    if (!(p.name in e.params)) continue;
    const value = String(e.params[p.name]);
    if (p.in === "path") target = target.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p.in === "query") query.set(p.name, value);
    else if (p.in === "header") headers.push(`${p.name}: ${value}`);
  }
  if (op.security?.length && !op.security.some((r) => Object.keys(r).length === 0)) {
    headers.push(
      "officerSession" in (op.security[0] ?? {})
        ? "Cookie: shekara_session=...; X-CSRF-Token: ..."
        : "Authorization: Bearer shk_...",
    );
  }
  if (e.body !== undefined) headers.push("Content-Type: application/json");
  const line = `${method.toUpperCase()} ${base}${target}${query.size ? `?${query}` : ""}`;
  return [line, ...headers].join("\n") + (e.body === undefined ? "" : `\n\n${json(e.body)}`);
}

export function ExamplesView(props: { method: string; path: string; op: Operation; base: string }) {
  const { method, path, op, base } = props;
  const exchanges = exchangesOf(op);
  if (!exchanges.length) return null;
  return (
    <>
      <h4>Examples</h4>
      {exchanges.map((e) => (
        <details class="example" open={e === exchanges[0]}>
          <summary>
            <code>{e.name}</code>: {e.summary}
          </summary>
          <pre>{requestText(method, path, op, e, base)}</pre>
          <p>
            Answer: <strong>{e.status}</strong> {e.answer ? <code>{e.answer.media}</code> : "no body"}
          </p>
          {e.answer ? <pre>{json(e.answer.value)}</pre> : null}
        </details>
      ))}
    </>
  );
}
