/** The supervisor's view of the checkpoint's audit trail, newest first, with its filters. */
import { EVENT_TYPES } from "../../machines/types.ts";
import type { AuditEntry } from "../../src/http/officer/audit-log.ts";
import { Layout } from "../layout.tsx";
import { localDateTime } from "../local-time.ts";

export function AuditLogPage(props: {
  checkpoint: { id: string; name: string; timezone: string };
  entries: AuditEntry[];
  filter: { officer?: string; plate?: string; day?: string; action?: string };
  names: (kind: string, id: string) => string;
}) {
  const base = `/officer/${props.checkpoint.id}`;
  const f = props.filter;
  return (
    <Layout title={`${props.checkpoint.name} audit trail`}>
      <p>
        <a href={base}>Back to the dashboard</a>
      </p>
      <h1>Audit trail: {props.checkpoint.name}</h1>
      <form method="get" action={`${base}/audit`} class="row">
        <label>
          Officer (username)
          <input name="officer" value={f.officer ?? ""} maxlength={100} />
        </label>
        <label>
          Plate or code
          <input name="plate" value={f.plate ?? ""} maxlength={20} />
        </label>
        <label>
          Day
          <input name="day" type="date" value={f.day ?? ""} />
        </label>
        <label>
          Action
          <select name="action">
            <option value="">any</option>
            {EVENT_TYPES.map((t) => (
              <option value={t} selected={t === f.action}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      {props.entries.length === 0 ? <p class="muted">Nothing matches.</p> : null}
      <table>
        <thead>
          <tr>
            <th>When ({props.checkpoint.timezone})</th>
            <th>Truck</th>
            <th>Action</th>
            <th>From → to</th>
            <th>Who</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{localDateTime(e.at, props.checkpoint.timezone)}</td>
              <td>
                <a href={`${base}/crossings/${e.crossing_id}`}>{e.plate}</a>
              </td>
              <td>{e.type}</td>
              <td>
                {e.from_state ?? ""} → {e.to_state}
              </td>
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
