/** The checkpoint dashboard: the queue in call order, the trucks at each stage, outcomes and figures. */

import { describeState } from "../../machines/apply.ts";
import type { CheckpointConfig } from "../../src/domain/checkpoint.ts";
import { dateFormat } from "../../src/domain/date-format.ts";
import type { Action } from "../../src/http/officer/actions.ts";
import type { Board, BoardTruck } from "../../src/http/officer/board.ts";
import { Layout } from "../layout.tsx";
import { SignOut } from "./sign-in.tsx";
import { Act, Csrf, Fold, Reason, StageResults } from "./truck-forms.tsx";

export interface DashboardProps {
  checkpoint: { id: string; name: string; config: CheckpointConfig };
  board: Board;
  csrf: string;
  username: string;
  supervisor: boolean;
  now: number;
  /** the machine's sentence when an action was refused */
  error?: string;
  /** "Driverless" in the officer's language (issue 22): the mark beside a truck with no driver */
  driverlessMark: string;
  done?: string;
}

const minutesSince = (since: number, now: number) => `${Math.max(0, Math.round((now - since) / 60_000))} min`;
const PRIORITY_WORDS: Record<string, string> = {
  perishableTransit: "perishable, AEO/TIR",
  perishable: "perishable",
  transit: "AEO/TIR",
  humanitarian: "humanitarian",
  dangerous: "dangerous goods",
  ordinary: "ordinary",
};

const STAGE_GROUPS: [string, string[]][] = [
  ["Lanes", ["called", "documentCheck"]],
  ["Scanners", ["scan"]],
  ["Inspection bays", ["physicalInspection"]],
  ["On hold", ["onHold"]],
];
/** HH:MM in the checkpoint's own zone, the time on the officers' watches */
const clock = (at: number, timezone: string) =>
  dateFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit" }).format(at);

/** One click to the truck's pre-declaration: htmx puts it in the panel above the board; without JS, a page. */
function DeclarationLink(props: { base: string; truck: BoardTruck }) {
  const href = `${props.base}/crossings/${props.truck.id}/declaration`;
  return (
    <a href={href} hx-get={href} hx-target="#declaration" hx-swap="innerHTML" class="declaration-link">
      declaration
    </a>
  );
}

function Channel(props: { truck: BoardTruck }) {
  return (
    <>
      <span class={`badge ${props.truck.channel}`}>{props.truck.channel}</span>
      {props.truck.riskReasons.length ? (
        <span class="muted"> {props.truck.riskReasons.join("; ")}</span>
      ) : null}
    </>
  );
}

function ActiveActions(props: { base: string; truck: BoardTruck; csrf: string }) {
  const { base, truck: t, csrf } = props;
  const p = { base, truck: t, csrf };
  // the rarer steps that need a sentence fold away, so a tablet shows more trucks at once
  const hold = (
    <Fold id={`hold-${t.id}`} summary="Hold for documents">
      <Act {...p} action="hold" label="Hold" kind="secondary">
        <Reason id={`hold-${t.id}`} name="documents" label="Documents requested" />
      </Act>
    </Fold>
  );
  const refuse = (
    <Fold id={`refuse-${t.id}`} summary="Refuse">
      <Act {...p} action="refuse" label="Refuse" kind="danger">
        <Reason id={`refuse-${t.id}`} name="reason" label="Reason for refusal" />
      </Act>
    </Fold>
  );
  // the machine draws the buttons: each shows when the machine accepts its event now
  const can = (action: Action) => t.offers.includes(action);
  return (
    <>
      {can("arrive") ? <Act {...p} action="arrive" label="Start document check" /> : null}
      {can("document-check") ? (
        <StageResults
          {...p}
          action="document-check"
          field="passed"
          good={["yes", "Documents in order"]}
          bad={["no", "Documents not in order"]}
        />
      ) : null}
      {can("scan-result") ? (
        <StageResults
          {...p}
          action="scan-result"
          field="result"
          good={["clear", "Scan clear"]}
          bad={["suspicious", "Scan suspicious"]}
        />
      ) : null}
      {can("inspection-result") ? (
        <StageResults
          {...p}
          action="inspection-result"
          field="result"
          good={["passed", "Inspection passed"]}
          bad={["failed", "Inspection failed"]}
        />
      ) : null}
      {can("send-to-scan") ? <Act {...p} action="send-to-scan" label="Send to scan" /> : null}
      {can("send-to-inspection") ? (
        <Act {...p} action="send-to-inspection" label="Send to inspection" />
      ) : null}
      {can("release") ? <Act {...p} action="release" label="Release" /> : null}
      {can("resume") ? <Act {...p} action="resume" label="Resume" /> : null}
      {t.waitsForLane ? (
        <p class="muted">Every lane is busy: Resume comes back here when a lane is free.</p>
      ) : null}
      {can("hold") ? hold : null}
      {can("refuse") ? refuse : null}
    </>
  );
}

function Results(props: { truck: BoardTruck }) {
  const t = props.truck;
  const parts = [
    t.documentCheckPassed ? "documents passed" : null,
    t.scanResult ? `scan ${t.scanResult}` : null,
    t.inspectionResult ? `inspection ${t.inspectionResult}` : null,
    t.holdDocuments ? `waiting for: ${t.holdDocuments}` : null,
  ].filter(Boolean);
  return parts.length ? <p class="muted">{parts.join(" · ")}</p> : null;
}

/** A truck with no driver: nobody to speak to at the lane, its carrier's system is told (issue 22). */
function Driverless(props: { truck: BoardTruck; mark: string }) {
  return props.truck.driverless ? (
    <>
      <span class="badge driverless">{props.mark}</span>{" "}
    </>
  ) : null;
}

/** What a list of trucks that left needs beside them: the links' base, the time zone, the driverless mark. */
type OutcomeLinks = { base: string; timezone: string; mark: string };

/** Trucks released without an officer, listed apart from the officers' work; nothing when none. */
function ReleasedApart(props: { title: string; note: string; trucks: BoardTruck[]; outcomes: OutcomeLinks }) {
  if (!props.trucks.length) return null;
  return (
    <section>
      <h2>
        {props.title} ({props.trucks.length})
      </h2>
      <p class="muted">{props.note}</p>
      <Outcomes trucks={props.trucks} {...props.outcomes} />
    </section>
  );
}

/** Trucks that left: the time, the plate (to its trail), and how they left unless it was a release. */
function Outcomes(props: { trucks: BoardTruck[] } & OutcomeLinks) {
  return (
    <ul>
      {props.trucks.map((t) => (
        <li>
          {clock(t.since, props.timezone)}{" "}
          <a href={`${props.base}/crossings/${t.id}`}>
            <strong>{t.plate}</strong>
          </a>{" "}
          <Driverless truck={t} mark={props.mark} />
          {t.unmanned ? "" : t.state}
          {t.reasonCode ? `: ${t.reasonCode}` : ""}
        </li>
      ))}
    </ul>
  );
}

export function BoardView(props: DashboardProps) {
  const { board, csrf, now } = props;
  const base = `/officer/${props.checkpoint.id}`;
  const outcomes = { base, timezone: props.checkpoint.config.timezone, mark: props.driverlessMark };
  return (
    <div id="board" hx-get={`${base}/board`} hx-trigger="every 10s" hx-swap="outerHTML">
      <section>
        <h2>Waiting area ({board.waiting.length})</h2>
        <form method="post" action={`${base}/call-next`} class="row">
          <Csrf csrf={csrf} />
          <button type="submit" disabled={board.waiting.length === 0}>
            Call next truck
          </button>
        </form>
        {board.waiting.length === 0 ? <p class="muted">Nobody is waiting.</p> : null}
        <ol class="queue">
          {board.waiting.map((t) => (
            <li>
              <a href={`${base}/crossings/${t.id}`}>
                <strong>{t.plate}</strong>
              </a>{" "}
              <span class="muted">{t.code}</span> <Driverless truck={t} mark={props.driverlessMark} />
              {PRIORITY_WORDS[t.priority] ?? t.priority}{" "}
              {t.slot
                ? `booked ${clock(t.slot.start, props.checkpoint.config.timezone)}–${clock(t.slot.end, props.checkpoint.config.timezone)}`
                : "walk-in"}
              , waiting {minutesSince(t.since, now)} <Channel truck={t} />{" "}
              <DeclarationLink base={base} truck={t} />
              {t.promotionReason ? <span class="muted"> moved forward: {t.promotionReason}</span> : null}
              {t.gateReason ? <span class="muted"> Smart Customs gate: {t.gateReason}</span> : null}
              {props.supervisor && t.offers.includes("prioritise") ? (
                <Fold id={`prioritise-${t.id}`} summary="Move forward">
                  <Act
                    base={base}
                    truck={t}
                    action="prioritise"
                    label="Move forward"
                    csrf={csrf}
                    kind="secondary"
                  >
                    <Reason id={`prioritise-reason-${t.id}`} name="reason" label="Reason" />
                  </Act>
                </Fold>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {STAGE_GROUPS.map(([title, states]) => {
        const trucks = board.active.filter((t) => states.includes(t.state));
        return (
          <section>
            <h2>
              {title} ({trucks.length})
            </h2>
            <div class="grid">
              {trucks.map((t) => (
                <div class="card">
                  <p>
                    <a href={`${base}/crossings/${t.id}`}>
                      <strong>{t.plate}</strong>
                    </a>{" "}
                    <Driverless truck={t} mark={props.driverlessMark} />
                    {t.lane ? `lane ${t.lane} · ` : ""}
                    {describeState(t.state)} for {minutesSince(t.since, now)} <Channel truck={t} />{" "}
                    <DeclarationLink base={base} truck={t} />
                  </p>
                  <Results truck={t} />
                  <ActiveActions base={base} truck={t} csrf={csrf} />
                </div>
              ))}
            </div>
          </section>
        );
      })}
      <section>
        <h2>Today</h2>
        <p>
          Processed: <strong>{board.processedToday}</strong> · in the last hour:{" "}
          <strong>{board.processedLastHour}</strong> · released through the unmanned green lane:{" "}
          <strong>
            {board.unmannedToday} of {board.releasedToday}
            {share(board.unmannedToday, board.releasedToday)}
          </strong>
          {props.checkpoint.config.smartCustomsLane || board.atGateToday ? (
            <>
              {" "}
              · by the Smart Customs gate:{" "}
              <strong>
                {board.atGateToday} of {board.releasedToday}
                {share(board.atGateToday, board.releasedToday)}
              </strong>
            </>
          ) : null}
        </p>
        <table>
          <thead>
            <tr>
              <th>Stage</th>
              <th>Trucks</th>
              <th>Mean (min)</th>
              <th>p90 (min)</th>
            </tr>
          </thead>
          <tbody>
            {board.stages.map((s) => (
              <tr>
                <td>{s.stage}</td>
                <td>{s.count}</td>
                <td>{s.meanMinutes ?? "–"}</td>
                <td>{s.p90Minutes ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ReleasedApart
        title="Unmanned green lane, last hours"
        note="Released by the lane's camera without an officer; each is in the audit trail."
        trucks={board.recentUnmanned}
        outcomes={outcomes}
      />
      <ReleasedApart
        title="Smart Customs gate, last hours"
        note="Driverless trucks the gate released without an officer; each is in the audit trail."
        trucks={board.recentAtGate}
        outcomes={outcomes}
      />
      <section>
        <h2>Released and refused by officers, last hours</h2>
        <Outcomes trucks={board.recent} {...outcomes} />
      </section>
    </div>
  );
}

/** " (40%)" of a part of today's releases; nothing while none is released. */
const share = (part: number, whole: number) => (whole ? ` (${Math.round((part / whole) * 100)}%)` : "");

/** The shift's settings in force, so an officer knows what the queue is working with. */
function InService(props: { config: CheckpointConfig }) {
  const c = props.config;
  return (
    <p class="muted" id="in-service">
      In service: {c.documentLanes} lanes, {c.scanners} scanners, {c.inspectionBays} inspection bays ·
      unmanned green lane {c.unmannedGreenLane ? "on" : "off"} · Smart Customs lane{" "}
      {c.smartCustomsLane ? `open ${c.smartLaneFromHour}–${c.smartLaneToHour} h` : "closed"} · walk-ins{" "}
      {c.walkInsAllowed ? "allowed" : "not allowed"} · daily limit {c.dailyLimit}
    </p>
  );
}

export function DashboardPage(props: DashboardProps) {
  const base = `/officer/${props.checkpoint.id}`;
  return (
    <Layout title={props.checkpoint.name} nav={<SignOut csrf={props.csrf} username={props.username} />}>
      <h1>{props.checkpoint.name}</h1>
      {props.error ? (
        <p class="notice bad" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.done ? (
        <p class="notice ok" role="status">
          {props.done}
        </p>
      ) : null}
      {props.supervisor ? (
        <p>
          <a href={`${base}/audit`}>Audit trail of the checkpoint</a> ·{" "}
          <a href={`${base}/settings`}>Shift settings</a>
        </p>
      ) : null}
      <form method="post" action={`${base}/check-in`} class="row">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label>
          Booking code or plate
          <input id="check-in-code" name="code" required maxlength={20} autocomplete="off" />
        </label>
        <label>
          VIN (if read)
          <input id="check-in-vin" name="vin" maxlength={20} autocomplete="off" />
        </label>
        <button type="submit">Check in</button>
      </form>
      <InService config={props.checkpoint.config} />
      {/* where the declaration fragment lands; outside the polled board, so a refresh keeps it */}
      <div id="declaration" aria-live="polite" />
      <BoardView {...props} />
    </Layout>
  );
}
