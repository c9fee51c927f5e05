/** The holidays and closures ahead that the forecast knows, and the form to add or withdraw one. */
import type { CalendarEntry } from "../../src/store/forecast-calendar.ts";

export interface CalendarSectionProps {
  checkpointId: string;
  csrf: string;
  upcoming: CalendarEntry[];
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

const KIND_NAMES: Record<string, string> = {
  holidayKz: "Kazakh public holiday",
  holidayCn: "Chinese public holiday",
  closure: "closure (announced)",
};

export function CalendarSection(props: CalendarSectionProps) {
  const action = `/officer/${props.checkpointId}/settings/calendar`;
  const v = props.values ?? {};
  const error = (name: string) =>
    props.errors?.[name] ? (
      <span class="error" id={`calendar-${name}-error`}>
        {props.errors[name]}
      </span>
    ) : null;
  return (
    <section class="card" id="calendar" aria-labelledby="calendar-title">
      <h2 id="calendar-title">Holidays and closures the forecast knows</h2>
      <p class="muted">
        The next 60 days. Changes are kept in an append-only log with who made them and why; a closure applies
        to every checkpoint on the same border.
      </p>
      {/* a list, not a table: the settings page's one table is the change log */}
      <ul class="calendar-days">
        {props.upcoming.map((d) => (
          <li>
            <strong>{d.date}</strong> {KIND_NAMES[d.kind] ?? d.kind}: {d.name}{" "}
            <span class="muted">({d.source})</span>{" "}
            <form method="post" action={action} class="inline">
              <input type="hidden" name="_csrf" value={props.csrf} />
              <input type="hidden" name="calendarAction" value="withdraw" />
              <input type="hidden" name="calendarDate" value={d.date} />
              <input type="hidden" name="calendarKind" value={d.kind} />
              <input type="hidden" name="calendarName" value={d.name} />
              <input type="hidden" name="calendarSource" value={d.source} />
              <input type="hidden" name="calendarReason" value="withdrawn by the supervisor" />
              <button type="submit" class="secondary">
                Withdraw
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={action}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="calendarAction" value="add" />
        <div class="grid">
          <label>
            Date
            <input name="calendarDate" type="date" value={v.date ?? ""} />
            {error("date")}
          </label>
          <label>
            Kind
            <select name="calendarKind">
              {Object.entries(KIND_NAMES).map(([k, label]) => (
                <option value={k} selected={v.kind === k}>
                  {label}
                </option>
              ))}
            </select>
            {error("kind")}
          </label>
          <label>
            Name
            <input name="calendarName" maxlength={200} value={v.name ?? ""} />
            {error("name")}
          </label>
          <label>
            Source (who announced it)
            <input name="calendarSource" maxlength={500} value={v.source ?? ""} />
            {error("source")}
          </label>
          <label>
            Reason (kept in the log)
            <input name="calendarReason" maxlength={500} value={v.reason ?? ""} />
            {error("reason")}
          </label>
        </div>
        <button type="submit">Add to the calendar</button>
      </form>
    </section>
  );
}
