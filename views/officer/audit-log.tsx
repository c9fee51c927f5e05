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
  /** the cursor of the next, older, page; absent on the last page */
  older?: number;
  /** whether this is a page after the newest */
  paged?: boolean;
}) {
  const base = `/officer/${props.checkpoint.id}`;
  const f = props.filter;
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...Object.fromEntries(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === "string")),
      ...extra,
    }).toString();
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
      <p class="row">
        <a href={`${base}/audit.csv?${query({})}`} download>
          Download all of it as CSV
        </a>
        {props.paged ? <a href={`${base}/audit?${query({})}`}>Newest</a> : null}
      </p>
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
            <tr data-seq={String(e.seq)}>
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
      {props.older !== undefined ? (
        <p>
          <a href={`${base}/audit?${query({ before: String(props.older) })}`} rel="next">
            Older entries
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
