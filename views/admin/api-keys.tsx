/** The administrator's API keys: the list, the form to create one, and the key shown once. */
import type { Child } from "hono/jsx";
import { API_KEY_KINDS, SCOPES_OF_KIND } from "../../src/domain/api-access.ts";
import type { ApiKey } from "../../src/store/api-keys.ts";
import { Layout } from "../layout.tsx";
import { AdminNav } from "./nav.tsx";

export interface KeyForm {
  values: Record<string, string>;
  errors: Record<string, string>;
}

const when = (ms: number | null) =>
  ms === null ? "never" : new Date(ms).toISOString().replace("T", " ").slice(0, 16);

export function CsrfField(props: { token?: string }) {
  return props.token ? <input type="hidden" name="_csrf" value={props.token} /> : null;
}

function Field(props: { name: string; label: string; error?: string; children: Child }) {
  return (
    <div class={props.error ? "field-invalid" : undefined}>
      <label for={props.name}>{props.label}</label>
      {props.children}
      {props.error ? (
        <p class="error" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function NewKeyForm(props: {
  form: KeyForm;
  checkpoints: { id: string; name: string }[];
  csrf?: string;
}) {
  const { values, errors } = props.form;
  return (
    <form
      method="post"
      action="/admin/api-keys"
      id="new-key"
      hx-post="/admin/api-keys"
      hx-target="#new-key"
      hx-swap="outerHTML"
    >
      <CsrfField token={props.csrf} />
      <fieldset>
        <legend>New API key</legend>
        <Field name="kind" label="Kind" error={errors.kind}>
          <select id="kind" name="kind" aria-invalid={errors.kind ? "true" : undefined}>
            {API_KEY_KINDS.map((k) => (
              <option value={k} selected={values.kind === k}>
                {k}: {SCOPES_OF_KIND[k].join(", ")}
              </option>
            ))}
          </select>
        </Field>
        <Field name="label" label="Who holds it (company, device)" error={errors.label}>
          <input
            id="label"
            name="label"
            value={values.label ?? ""}
            maxlength={100}
            required
            aria-invalid={errors.label ? "true" : undefined}
          />
        </Field>
        <Field name="checkpointId" label="Checkpoint (device and gate keys only)" error={errors.checkpointId}>
          <select
            id="checkpointId"
            name="checkpointId"
            aria-invalid={errors.checkpointId ? "true" : undefined}
          >
            <option value="">none</option>
            {props.checkpoints.map((c) => (
              <option value={c.id} selected={values.checkpointId === c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="rateLimitPerMinute"
          label="Requests a minute (empty: the kind's default)"
          error={errors.rateLimitPerMinute}
        >
          <input
            id="rateLimitPerMinute"
            name="rateLimitPerMinute"
            inputmode="numeric"
            value={values.rateLimitPerMinute ?? ""}
            aria-invalid={errors.rateLimitPerMinute ? "true" : undefined}
          />
        </Field>
        {errors._form ? <p class="error">{errors._form}</p> : null}
        <p>
          <button type="submit">Create the key</button>
        </p>
      </fieldset>
    </form>
  );
}

/** Shown in place of the form, once: the key is not stored and cannot be shown again. */
export function KeyCreated(props: { apiKey: ApiKey; secret: string }) {
  return (
    <div class="notice ok" id="new-key">
      <p>
        <strong>
          {props.apiKey.kind} key for {props.apiKey.label}
        </strong>{" "}
        ({props.apiKey.id}). Copy it now: it is shown only this once.
      </p>
      <p>
        <code class="secret">{props.secret}</code>
      </p>
      <p>
        <a href="/admin/api-keys">Done</a>
      </p>
    </div>
  );
}

function KeyRow(props: { k: ApiKey; csrf?: string }) {
  const { k } = props;
  return (
    <tr id={`key-${k.id}`}>
      <td>
        <a href={`/admin/api-keys/${k.id}`}>{k.label}</a>
        <br />
        <code class="muted">{k.hint}</code>
      </td>
      <td>
        {k.kind}
        {k.checkpointId ? ` at ${k.checkpointId}` : ""}
      </td>
      <td>{k.scopes.join(", ")}</td>
      <td>{k.rateLimitPerMinute}/min</td>
      <td>{when(k.lastUsedAt)}</td>
      <td>
        {k.revokedAt !== null ? (
          <span class="badge red">revoked {when(k.revokedAt)}</span>
        ) : (
          <form method="post" action={`/admin/api-keys/${k.id}/revoke`}>
            <CsrfField token={props.csrf} />
            <button type="submit" class="danger">
              Revoke
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function ApiKeysPage(props: {
  keys: ApiKey[];
  checkpoints: { id: string; name: string }[];
  form?: KeyForm;
  created?: { key: ApiKey; secret: string };
  csrf?: string;
}) {
  return (
    <Layout title="API keys" nav={<AdminNav />}>
      <h1>API keys</h1>
      <p class="muted">
        Keys for carriers' platforms, checkpoint devices and cargo monitors. A revoked key is refused from its
        next request. The reference for integrators is at <a href="/api/docs">/api/docs</a>.
      </p>
      {props.created ? (
        <KeyCreated apiKey={props.created.key} secret={props.created.secret} />
      ) : (
        <NewKeyForm
          form={props.form ?? { values: {}, errors: {} }}
          checkpoints={props.checkpoints}
          csrf={props.csrf}
        />
      )}
      <table>
        <thead>
          <tr>
            <th>Holder</th>
            <th>Kind</th>
            <th>Scopes</th>
            <th>Limit</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.keys.map((k) => (
            <KeyRow k={k} csrf={props.csrf} />
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
