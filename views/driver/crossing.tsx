/**
 * /c/:id, the crossing's own page: state in plain words, the pass, the slot picker, the queue
 * and the call. The live part polls itself every 15 s; without JS the page is current when loaded.
 */

import { FINAL_STATES } from "../../machines/types.ts";
import { adviceName, type ReroutingAdvice } from "../../src/domain/rerouting.ts";
import type { DriverCrossing } from "../../src/http/driver/crossing-view.ts";
import type { Lang, Translate } from "../../src/i18n/index.ts";
import type { DayView, SlotView } from "../../src/store/booking.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import type { Notification } from "../../src/store/notifications.ts";
import { checkpointName } from "./declare.tsx";
import { Notices } from "./notices.tsx";
import { AsOf, CallMissedHint, OfflineBanner, OfflineHead } from "./offline.tsx";
import { DriverShell } from "./shell.tsx";

export interface CrossingPageProps {
  t: Translate;
  lang: Lang;
  crossing: DriverCrossing;
  checkpoint: StoredCheckpoint;
  time: (at: number) => string;
  dayTime: (at: number) => string;
  /** a day as the day picker names it, in the driver's language */
  day: (at: number) => string;
  qrDataUrl: string;
  /** the booking horizon's days, and the chosen day's slots (empty when no booking can be made) */
  days: DayView[];
  chosenDay: number | null;
  slots: SlotView[];
  remaining: { postponements: number; cancellations: number };
  /** a refusal to show, as a dictionary key */
  message?: string;
  /** what the checkpoint told the driver, newest first */
  notices: readonly Notification[];
  /** when this was read: a copy kept for a phone with no signal shows its age */
  asOf: number;
  /** calls already missed: what the driver is told once a call's deadline passes */
  missedCalls: number;
  /** issue 17: another crossing on the same border with places when this one has none for 24 hours */
  reroute?: ReroutingAdvice | null;
}

/** What the driver may still do, as the machine accepts it; in the live part, so it follows the state. */
function Actions(p: Pick<CrossingPageProps, "t" | "lang" | "crossing" | "remaining">) {
  const { t, crossing: c } = p;
  if (!c.accepts.cancel && !c.accepts.book) return null;
  return (
    <>
      {c.accepts.cancel && (
        // a link to the confirmation, so a slip of the thumb cancels nothing (and it works without JS)
        <p class="row">
          <a class="button secondary" href={`/c/${c.id}/cancel?lang=${p.lang}`}>
            {t("crossing.cancel")}
          </a>
        </p>
      )}
      <p class="muted">
        {t("slots.postponements", { n: p.remaining.postponements })} ·{" "}
        {t("slots.cancellations", { n: p.remaining.cancellations })}
      </p>
    </>
  );
}

export function CrossingLive(
  p: Pick<
    CrossingPageProps,
    "t" | "lang" | "crossing" | "time" | "dayTime" | "notices" | "remaining" | "asOf" | "missedCalls"
  >,
) {
  const { t, crossing: c } = p;
  return (
    <section
      id="live"
      hx-get={`/c/${c.id}/live?lang=${p.lang}`}
      hx-trigger="every 15s, retry"
      hx-swap="outerHTML"
      aria-live="polite"
      data-source="network"
    >
      {c.call && (
        <p class="call" role="alert">
          {t("c.call", { lane: c.call.lane, time: p.time(c.call.deadline) })}
        </p>
      )}
      {c.call && <CallMissedHint t={t} deadline={c.call.deadline} missedCalls={p.missedCalls} />}
      <p class="notice">
        {t(c.driverless && c.state === "declared" ? "st.declaredDriverless" : `st.${c.state}`)}
      </p>
      {c.voidedReason !== null && (
        <p class="notice bad" role="alert">
          {t("c.voided", { reason: c.voidedReason })}
        </p>
      )}
      {c.queue && (
        <ul class="card">
          <li>{t("c.position", { n: c.queue.position })}</li>
          <li>{t("c.ahead", { n: c.queue.ahead })}</li>
          <li>
            {c.queue.estimatedWaitMinutes === null
              ? t("c.etaClosed")
              : t("c.eta", { n: c.queue.estimatedWaitMinutes })}
          </li>
        </ul>
      )}
      {c.arrivalWindow && (
        <p class="card" id="arrival-window">
          {t("c.window", { from: p.dayTime(c.arrivalWindow.from), to: p.dayTime(c.arrivalWindow.to) })}
        </p>
      )}
      <Notices t={t} notices={p.notices} time={p.time} dayTime={p.dayTime} />
      <AsOf t={t} time={p.time} at={p.asOf} />
      <Actions {...p} />
    </section>
  );
}

function Pass(p: CrossingPageProps) {
  const { t, crossing: c } = p;
  return (
    <section class="card">
      <h2>{t("pass.title")}</h2>
      <p>
        {t("pass.code")}: <span class="code">{c.code}</span>
      </p>
      <img src={p.qrDataUrl} alt={c.code} width="160" height="160" />
      {c.slot && (
        <p>
          {t("c.slot")}: {p.dayTime(c.slot.start)}–{p.time(c.slot.end)}
        </p>
      )}
      <AsOf t={t} time={p.time} at={p.asOf} />
      <p class="muted">{t("pass.link")}</p>
      <p>
        <a href={`/c/${c.id}`}>/c/{c.id}</a>
      </p>
    </section>
  );
}

/** Before a slot is booked: no pass yet, and what to do next. */
function NextStep(p: CrossingPageProps) {
  const { t, crossing: c } = p;
  return (
    <section class="card" id="next-step">
      <p>
        {t(
          c.driverless
            ? "pass.driverless"
            : p.checkpoint.config.walkInsAllowed
              ? "pass.notYetWalkIn"
              : "pass.notYet",
        )}
      </p>
      <p class="muted">{t("pass.link")}</p>
      <p>
        <a href={`/c/${c.id}`}>/c/{c.id}</a>
      </p>
    </section>
  );
}

/**
 * The days of the booking horizon with their free places (links, so it works without JS), the
 * chosen day's slots, and "First available", which searches the whole horizon and is always offered.
 * For a booked truck the same picker changes the slot in one move, while changes are left.
 */
function SlotPicker(p: CrossingPageProps) {
  const { t, crossing: c } = p;
  const changing = c.state === "booked";
  if (changing && p.remaining.postponements === 0) return null;
  return (
    <section id="slot-picker">
      <h2>{t(changing ? "slots.change" : "slots.title")}</h2>
      {!changing && p.checkpoint.config.walkInsAllowed && <p class="muted">{t("slots.liveQueue")}</p>}
      <form method="post" action={`/c/${c.id}/book?lang=${p.lang}`} class="row">
        <input type="hidden" name="slotStart" value="first" />
        <button type="submit">{t("slots.first")}</button>
      </form>
      <nav class="days" aria-label={t("slots.days")}>
        {p.days.map((d) => (
          <a
            href={`/c/${c.id}?lang=${p.lang}&day=${d.start}#slot-picker`}
            class={d.start === p.chosenDay ? "day chosen" : "day"}
            aria-current={d.start === p.chosenDay ? "date" : undefined}
          >
            <span>{p.day(d.start)}</span>
            <span class="muted">
              {d.available > 0 ? t("slots.left", { n: d.available }) : t("slots.full")}
            </span>
          </a>
        ))}
      </nav>
      {p.slots.length === 0 && <p>{t("slots.none")}</p>}
      {p.reroute && (
        <p class="notice">
          {t("hub.reroute", { checkpoint: adviceName(p.reroute, p.lang), places: p.reroute.places })}
        </p>
      )}
      <ul class="grid">
        {p.slots.map((s) => (
          <li>
            <form method="post" action={`/c/${c.id}/book?lang=${p.lang}`} class="row">
              <input type="hidden" name="slotStart" value={String(s.start)} />
              <span>{p.dayTime(s.start)}</span>
              <span class="muted">
                {s.available > 0 ? t("slots.left", { n: s.available }) : t("slots.full")}
              </span>
              <button type="submit" disabled={s.available === 0 || s.start === c.slot?.start}>
                {t("slots.book")}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CrossingPage(p: CrossingPageProps) {
  const { t, crossing: c } = p;
  const open = !FINAL_STATES.includes(c.state);
  return (
    <DriverShell
      lang={p.lang}
      title={t("c.title")}
      path={`/c/${c.id}`}
      head={<OfflineHead id={c.id} lang={p.lang} />}
    >
      <OfflineBanner t={t} />
      <h1>
        {t("c.title")} · {c.plate}
      </h1>
      <p class="muted">{checkpointName(p.checkpoint, p.lang)}</p>
      {p.message && (
        <p class="notice bad" role="alert">
          {t(p.message)}
        </p>
      )}
      <CrossingLive {...p} />
      {open && c.state !== "declared" && <Pass {...p} />}
      {c.state === "declared" && <NextStep {...p} />}
      {c.accepts.book && <SlotPicker {...p} />}
    </DriverShell>
  );
}

/** "Cancel the crossing?": a page of its own, so cancelling takes two deliberate steps, with or without JS. */
export function CancelConfirmPage(p: {
  t: Translate;
  lang: Lang;
  crossing: DriverCrossing;
  cancellationsLeft: number;
}) {
  const { t, crossing: c } = p;
  return (
    <DriverShell lang={p.lang} title={t("cancel.title")} path={`/c/${c.id}/cancel`}>
      <h1>{t("cancel.title")}</h1>
      <p>{t("cancel.explain", { plate: c.plate })}</p>
      <p class="muted">{t("slots.cancellations", { n: p.cancellationsLeft })}</p>
      <form method="post" action={`/c/${c.id}/cancel?lang=${p.lang}`} class="row">
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          {t("cancel.yes")}
        </button>
        <a class="button secondary" href={`/c/${c.id}?lang=${p.lang}`}>
          {t("cancel.no")}
        </a>
      </form>
    </DriverShell>
  );
}
