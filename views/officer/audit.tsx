/** One crossing's audit trail, read from its append-only event log. */
import type { EventRow } from "../../src/store/crossings.ts";
import { Layout } from "../layout.tsx";
import { localDateTime } from "../local-time.ts";

export function AuditPage(props: {
  checkpointId: string;
  timezone: string;
  crossing: { plate: string; code: string; state: string; channel: string };
  events: EventRow[];
  /** user id -> username; devices and the system keep their id */
  names: (kind: string, id: string) => string;
}) {
  const c = props.crossing;
  return (
    <Layout title={`${c.plate} audit trail`}>
      <p>
        <a href={`/officer/${props.checkpointId}`}>Back to the dashboard</a>
      </p>
      <h1>
        {c.plate} <span class="code">{c.code}</span>
      </h1>
      <p>
        Now: {c.state} · channel <span class={`badge ${c.channel}`}>{c.channel}</span>
      </p>
      <table>
        <thead>
          <tr>
            <th>When ({props.timezone})</th>
            <th>Action</th>
            <th>From</th>
            <th>To</th>
            <th>Who</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((e) => (
            <tr>
              <td>{localDateTime(e.at, props.timezone)}</td>
              <td>{e.type}</td>
              <td>{e.from_state ?? ""}</td>
              <td>{e.to_state}</td>
              <td>
                {e.actor_kind} {props.names(e.actor_kind, e.actor_id)}
              </td>
              <td>{e.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
