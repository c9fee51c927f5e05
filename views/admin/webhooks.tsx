/** Every webhook subscription with its backlog and last error: where a subscriber is falling behind. */
import type { ApiKey, AuditEntry } from "../../src/store/api-keys.ts";
import type { Subscription } from "../../src/store/webhooks.ts";
import { Layout } from "../layout.tsx";
import { AdminNav } from "./nav.tsx";

const when = (ms: number | null) =>
  ms === null ? "never" : new Date(ms).toISOString().replace("T", " ").slice(0, 19);

export function SubscriptionTable(props: { subscriptions: Subscription[]; keys: Map<string, ApiKey> }) {
  if (!props.subscriptions.length) return <p class="muted">No webhook subscriptions.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>URL</th>
          <th>Key</th>
          <th>Backlog</th>
          <th>Delivered</th>
          <th>Last error</th>
        </tr>
      </thead>
      <tbody>
        {props.subscriptions.map((s) => {
          const key = props.keys.get(s.keyId);
          return (
            <tr id={`subscription-${s.id}`}>
              <td>
                <code>{s.url}</code>
              </td>
              <td>
                <a href={`/admin/api-keys/${s.keyId}`}>{key?.label ?? s.keyId}</a>
                {key?.revokedAt ? <span class="badge red"> revoked: paused</span> : null}
              </td>
              <td>
                <strong>{s.backlog}</strong>
                {s.oldestWaitingAt !== null ? (
                  <span class="muted"> oldest from {when(s.oldestWaitingAt)}</span>
                ) : null}
              </td>
              <td>
                {s.deliveredCount}
                <span class="muted"> last {when(s.lastDeliveredAt)}</span>
              </td>
              <td>
                {s.lastError ? (
                  <>
                    <span class="error">{s.lastError}</span>
                    <span class="muted"> {when(s.lastErrorAt)}</span>
                  </>
                ) : (
                  <span class="muted">none</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function WebhooksPage(props: { subscriptions: Subscription[]; keys: Map<string, ApiKey> }) {
  return (
    <Layout title="Webhooks" nav={<AdminNav />}>
      <h1>Webhook subscriptions</h1>
      <p class="muted">
        Subscribers register their URL with their own key. Events wait in the outbox until the subscriber
        answers 2xx; failures are retried with backoff for ever, so a growing backlog means a subscriber is
        down.
      </p>
      <div id="subscriptions" hx-get="/admin/webhooks" hx-trigger="every 15s" hx-swap="outerHTML">
        <SubscriptionTable subscriptions={props.subscriptions} keys={props.keys} />
      </div>
    </Layout>
  );
}

export function ApiKeyPage(props: { apiKey: ApiKey; audit: AuditEntry[]; subscriptions: Subscription[] }) {
  const k = props.apiKey;
  return (
    <Layout title={`API key ${k.label}`} nav={<AdminNav />}>
      <h1>{k.label}</h1>
      <p>
        {k.kind} key <code>{k.id}</code> ({k.hint}){k.checkpointId ? ` at ${k.checkpointId}` : ""}; scopes{" "}
        {k.scopes.join(", ")}; {k.rateLimitPerMinute} requests a minute; created {when(k.createdAt)}
        {k.revokedAt !== null ? `; revoked ${when(k.revokedAt)}` : ""}.
      </p>
      <h2>Webhooks</h2>
      <SubscriptionTable subscriptions={props.subscriptions} keys={new Map([[k.id, k]])} />
      <h2>Audit trail</h2>
      <p class="muted">
        Every request with this key that could change something, and every change to the key.
      </p>
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {props.audit.map((a) => (
            <tr>
              <td>{when(a.at)}</td>
              <td>{a.actor}</td>
              <td>
                <code>{a.action}</code> {a.detail}
              </td>
              <td>{a.status ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
