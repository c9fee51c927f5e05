/** The supervisor's shift settings: the form, the warning a lowered daily limit needs, and the change log. */
import type { Child } from "hono/jsx";
import { dateFormat } from "../../src/domain/date-format.ts";
import type { DayOverLimit, SupervisorSettings } from "../../src/domain/supervisor-settings.ts";
import { formatCycle } from "../../src/domain/supervisor-settings.ts";
import type { ChangeRecord } from "../../src/store/checkpoint-settings.ts";
import { Layout } from "../layout.tsx";
import { localDateTime } from "../local-time.ts";
import { SignOut } from "./sign-in.tsx";

export interface SettingsProps {
  checkpoint: { id: string; name: string; timezone: string };
  /** what the form shows: the stored settings, or what the supervisor typed when it was refused */
  values: Record<string, string | boolean>;
  csrf: string;
  username: string;
  /** the schema's messages by field */
  errors?: Record<string, string>;
  /** days a lowered daily limit would leave overbooked: shown with a confirmation box */
  overLimit?: DayOverLimit[];
  saved?: string;
  history: ChangeRecord[];
  names: (id: string) => string;
  /** issue 18: the recommendation card (views/officer/recommendation-card.tsx) */
  recommendation?: Child;
}

export const settingsValues = (s: SupervisorSettings): Record<string, string | boolean> => ({
  documentLanes: String(s.documentLanes),
  scanners: String(s.scanners),
  inspectionBays: String(s.inspectionBays),
  slotCapacity: String(s.slotCapacity),
  dailyLimit: String(s.dailyLimit),
  queueCycle: formatCycle(s.queueCycle),
  graceMinutes: String(s.graceMinutes),
  walkInsAllowed: s.walkInsAllowed,
  unmannedGreenLane: s.unmannedGreenLane,
  requireVin: s.requireVin === true,
  declarationLapseHours: String(s.declarationLapseHours ?? ""),
  bookingHorizonDays: String(s.bookingHorizonDays ?? ""),
  earlyArrivalMinutes: String(s.earlyArrivalMinutes ?? ""),
  smartCustomsLane: s.smartCustomsLane === true,
  smartLaneFromHour: String(s.smartLaneFromHour ?? ""),
  smartLaneToHour: String(s.smartLaneToHour ?? ""),
});

const NUMBERS: [keyof SupervisorSettings, string, string][] = [
  ["documentLanes", "Document-check lanes open", "1 to 60"],
  ["scanners", "Scanners in service", "0 to 20"],
  ["inspectionBays", "Inspection bays in service", "0 to 60"],
  ["slotCapacity", "Trucks per slot", "new bookings only; trucks already booked keep their place"],
  ["dailyLimit", "Daily limit", "trucks a day the neighbouring side accepts"],
  ["graceMinutes", "Grace window (minutes)", "how late after its slot a truck may still check in"],
  ["earlyArrivalMinutes", "Early arrival (minutes)", "how long before its slot a booked truck may check in"],
  ["bookingHorizonDays", "Booking horizon (days)", "how many days ahead drivers may book"],
  [
    "declarationLapseHours",
    "Unbooked declaration lapses after (hours)",
    "a plate nobody books is given back",
  ],
  [
    "smartLaneFromHour",
    "Smart Customs lane opens at (hour)",
    "local time, 0 to 23; from 0 to 24 is round the clock, 22 to 6 passes midnight",
  ],
  ["smartLaneToHour", "Smart Customs lane closes at (hour)", "local time, 1 to 24"],
];

const localDay = (at: number, timezone: string) =>
  dateFormat("en-GB", { timeZone: timezone, dateStyle: "full" }).format(at);

function FieldError(props: { errors?: Record<string, string>; name: string }) {
  const message = props.errors?.[props.name];
  return message ? (
    <span class="error" id={`${props.name}-error`}>
      {message}
    </span>
  ) : null;
}

function OverLimitWarning(props: { days: DayOverLimit[]; timezone: string }) {
  const moving = props.days.reduce((n, d) => n + d.move.length, 0);
  return (
    <div class="notice bad" role="alert">
      <p>
        <strong>The new daily limit leaves {props.days.length} day(s) overbooked.</strong> Saving moves the{" "}
        {moving} truck(s) booked last to the next slots with room, and their drivers see the new slot on their
        page. Trucks already at the checkpoint are not moved.
      </p>
      <ul>
        {props.days.map((d) => (
          <li>
            {localDay(d.day, props.timezone)}: {d.held} places held, limit {d.limit}, {d.move.length} to move
          </li>
        ))}
      </ul>
      <label>
        <input type="checkbox" name="confirmMoves" /> Move these {moving} truck(s) and tell their drivers
      </label>
    </div>
  );
}

export function SettingsPage(props: SettingsProps) {
  const base = `/officer/${props.checkpoint.id}`;
  const v = props.values;
  const invalid = (name: string) => (props.errors?.[name] ? "true" : undefined);
  return (
    <Layout
      title={`${props.checkpoint.name} settings`}
      nav={<SignOut csrf={props.csrf} username={props.username} />}
    >
      <p>
        <a href={base}>Back to the dashboard</a>
      </p>
      <h1>Shift settings: {props.checkpoint.name}</h1>
      {props.saved ? (
        <p class="notice ok" role="status">
          {props.saved}
        </p>
      ) : null}
      {props.errors && Object.keys(props.errors).length ? (
        <p class="notice bad" role="alert">
          Not saved: correct the fields marked below. Nothing was changed.
        </p>
      ) : null}
      {props.recommendation}
      <form method="post" action={`${base}/settings`}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.overLimit?.length ? (
          <OverLimitWarning days={props.overLimit} timezone={props.checkpoint.timezone} />
        ) : null}
        <div class="grid">
          {NUMBERS.map(([name, label, hint]) => (
            <label>
              {label}
              <input
                name={name}
                type="number"
                inputmode="numeric"
                value={String(v[name] ?? "")}
                aria-invalid={invalid(name)}
                aria-describedby={`${name}-hint`}
              />
              <span class="muted" id={`${name}-hint`}>
                {hint}
              </span>
              <FieldError errors={props.errors} name={name} />
            </label>
          ))}
        </div>
        <label>
          Queue cycle
          <input name="queueCycle" value={String(v.queueCycle ?? "")} aria-invalid={invalid("queueCycle")} />
          <span class="muted">
            the order priority classes are called in, e.g. "perishableTransit, perishable, transit, 5x
            ordinary"; "ordinary" alone is first come, first served
          </span>
          <FieldError errors={props.errors} name="queueCycle" />
        </label>
        <label>
          <input type="checkbox" name="walkInsAllowed" checked={v.walkInsAllowed === true} /> Walk-ins allowed
          (trucks without a booking may check in)
        </label>
        <label>
          <input type="checkbox" name="requireVin" checked={v.requireVin === true} /> VIN required in the
          pre-declaration (one active crossing per vehicle, checked at the gate)
        </label>
        <label>
          <input type="checkbox" name="unmannedGreenLane" checked={v.unmannedGreenLane === true} /> Unmanned
          green lane open (the lane's camera releases green-channel trucks)
        </label>
        <label>
          <input type="checkbox" name="smartCustomsLane" checked={v.smartCustomsLane === true} /> Smart
          Customs lane open (its gate releases complete green declarations, driverless trucks above all,
          within the hours above; outside them or when closed, every truck goes to a manned lane)
        </label>
        <label>
          Reason for the change (kept in the log)
          <input
            name="reason"
            required
            maxlength={500}
            value={String(v.reason ?? "")}
            aria-invalid={invalid("reason")}
          />
          <FieldError errors={props.errors} name="reason" />
        </label>
        <button type="submit">Save settings</button>
      </form>
      <h2>Changes</h2>
      {props.history.length === 0 ? <p class="muted">No changes yet.</p> : null}
      <table>
        <thead>
          <tr>
            <th>When ({props.checkpoint.timezone})</th>
            <th>Setting</th>
            <th>From → to</th>
            <th>Who</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((h) => (
            <tr>
              <td>{localDateTime(h.at, props.checkpoint.timezone)}</td>
              <td>{h.setting}</td>
              <td>
                {show(h.from)} → {show(h.to)}
                {h.movedBookings ? ` (${h.movedBookings} booking(s) moved)` : ""}
              </td>
              <td>{props.names(h.actorId)}</td>
              <td>{h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

const show = (value: unknown) =>
  Array.isArray(value)
    ? formatCycle(value as string[])
    : typeof value === "boolean"
      ? value
        ? "on"
        : "off"
      : String(value);
