/**
 * /api/docs: the OpenAPI document as a page, rendered on the server from the same document as
 * /api/openapi.json, so the two cannot disagree. No script, no CDN.
 */
import { Layout } from "../layout.tsx";
import { ExamplesView } from "./examples.tsx";
import { type MediaContent, type OpenApiDocument, type Operation, operationsOf } from "./openapi.ts";
import { SchemaView, schemaAnchor } from "./schema.tsx";

const operationAnchor = (method: string, path: string) =>
  `op-${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "")}`;

function Content(props: { content?: MediaContent }) {
  const entries = Object.entries(props.content ?? {});
  if (!entries.length) return <span class="muted">no body</span>;
  return (
    <>
      {entries.map(([type, media]) => (
        <div>
          <code>{type}</code>
          {media.schema ? <SchemaView schema={media.schema} /> : null}
        </div>
      ))}
    </>
  );
}

function Access(props: { security?: Operation["security"] }) {
  const s = props.security;
  if (!s?.length) return <p>Public: no key needed.</p>;
  const optional = s.some((r) => Object.keys(r).length === 0);
  return optional ? (
    <p>Public; an API key may be given and is then checked and counted.</p>
  ) : (
    <p>
      Needs an API key: <code>Authorization: Bearer &lt;key&gt;</code>.
    </p>
  );
}

/** `base`: what goes before the path in an example's request line: the server's /api, or a subscriber's URL */
function OperationView(props: { path: string; method: string; op: Operation; base?: string }) {
  const { path, method, op, base = "/api" } = props;
  return (
    <section class="operation" id={operationAnchor(method, path)}>
      <h3>
        <code>
          {method.toUpperCase()} {path}
        </code>
      </h3>
      {op.summary ? <p>{op.summary}</p> : null}
      {op.operationId ? (
        <p class="muted">
          operationId <code>{op.operationId}</code>
        </p>
      ) : null}
      {op.description ? <p class="muted">{op.description}</p> : null}
      <Access security={op.security} />
      {op.parameters?.length ? (
        <>
          <h4>Parameters</h4>
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>In</th>
                <th>Required</th>
                <th>Schema</th>
              </tr>
            </thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{p.in}</td>
                  <td>{p.required ? "yes" : "no"}</td>
                  <td>
                    {p.schema ? <SchemaView schema={p.schema} /> : null}
                    {p.description ? <span class="muted">{p.description}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {op.requestBody ? (
        <>
          <h4>Request body{op.requestBody.required ? " (required)" : ""}</h4>
          <Content content={op.requestBody.content} />
        </>
      ) : null}
      <h4>Responses</h4>
      <dl>
        {Object.entries(op.responses ?? {}).map(([status, r]) => (
          <>
            <dt>
              <strong>{status}</strong> {r.description}
            </dt>
            <dd>
              <Content content={r.content} />
            </dd>
          </>
        ))}
      </dl>
      <ExamplesView method={method} path={path} op={op} base={base} />
    </section>
  );
}

export function ApiDocsPage(props: { doc: OpenApiDocument }) {
  const { doc } = props;
  const ops = operationsOf(doc);
  const webhooks = operationsOf(doc, "webhooks");
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? "other"))];
  return (
    <Layout title={`${doc.info.title} reference`}>
      <h1>
        {doc.info.title} <span class="muted">{doc.info.version}</span>
      </h1>
      {(doc.info.description ?? "").split(/\n\s*\n/).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <p>
        OpenAPI {doc.openapi} document: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are RFC 9457{" "}
        <code>application/problem+json</code>. The server's base URL is <code>/api</code>: the path{" "}
        <code>/v1/events</code> is served at <code>/api/v1/events</code>.
      </p>
      {Object.entries(doc.components?.securitySchemes ?? {}).map(([name, s]) => (
        <p>
          <strong>{name}</strong> ({s.type}
          {s.scheme ? ` ${s.scheme}` : ""}): {s.description}
        </p>
      ))}
      <nav>
        <h2>Routes</h2>
        {tags.map((tag) => (
          <>
            <h3>{tag}</h3>
            <ul>
              {ops
                .filter((o) => (o.op.tags?.[0] ?? "other") === tag)
                .map((o) => (
                  <li>
                    <a href={`#${operationAnchor(o.method, o.path)}`}>
                      <code>
                        {o.method.toUpperCase()} {o.path}
                      </code>
                    </a>{" "}
                    {o.op.summary}
                  </li>
                ))}
            </ul>
          </>
        ))}
      </nav>
      {tags.map((tag) => (
        <>
          <h2>{tag}</h2>
          {ops
            .filter((o) => (o.op.tags?.[0] ?? "other") === tag)
            .map((o) => (
              <OperationView path={o.path} method={o.method} op={o.op} />
            ))}
        </>
      ))}
      {webhooks.length ? (
        <>
          <h2>Webhooks: what Shekara sends you</h2>
          {webhooks.map((o) => (
            <OperationView path={o.path} method={o.method} op={o.op} base="https://your-system.example" />
          ))}
        </>
      ) : null}
      <h2>Schemas</h2>
      {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
        <section id={schemaAnchor(name)}>
          <h3>
            <code>{name}</code>
          </h3>
          <SchemaView schema={schema} />
        </section>
      ))}
    </Layout>
  );
}
