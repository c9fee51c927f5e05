/**
 * /c/:id, the crossing's own page: state in plain words, the pass, the slot picker, the queue
 * and the call. The live part polls itself every 15 s; without JS the page is current when loaded.
 */

import { FINAL_STATES } from "../../machines/types.ts";
import type { ReroutingAdvice } from "../../src/domain/rerouting.ts";
import { bookingChangeable, type DriverCrossing } from "../../src/http/driver/crossing-view.ts";
import type { Lang, Translate } from "../../src/i18n/index.ts";
import type { SlotView } from "../../src/store/booking.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import type { Notification } from "../../src/store/notifications.ts";
import { checkpointName } from "./declare.tsx";
import { Notices } from "./notices.tsx";
import { DriverShell } from "./shell.tsx";

export interface CrossingPageProps {
  t: Translate;
  lang: Lang;
  crossing: DriverCrossing;
  checkpoint: StoredCheckpoint;
  time: (at: number) => string;
  dayTime: (at: number) => string;
  qrDataUrl: string;
  slots: SlotView[];
  remaining: { postponements: number; cancellations: number };
  /** a refusal to show, as a dictionary key */
  message?: string;
  /** what the checkpoint told the driver, newest first */
  notices: readonly Notification[];
  /** issue 17: another crossing on the same border with places when this one has none for 24 hours */
  reroute?: ReroutingAdvice | null;
}

/** The part that changes on its own: state, queue, call. Small, so polling is cheap on a weak signal. */
/** What the driver may still do; in the live part, so it follows the state (no cancelling once called). */
function Actions(p: Pick<CrossingPageProps, "t" | "lang" | "crossing" | "remaining">) {
  const { t, crossing: c } = p;
  const canChange = bookingChangeable(c.state);
  return (
    <>
      {canChange && (
        <section class="row">
          {c.state === "booked" && (
            <form method="post" action={`/c/${c.id}/cancel-booking?lang=${p.lang}`}>
              <button type="submit" class="secondary">
                {t("book.cancel")}
              </button>
            </form>
          )}
          {canChange && (
            <form method="post" action={`/c/${c.id}/cancel?lang=${p.lang}`}>
              <button type="submit" class="secondary">
                {t("crossing.cancel")}
              </button>
            </form>
          )}
        </section>
      )}
      {canChange && (
        <p class="muted">
          {t("slots.postponements", { n: p.remaining.postponements })} ·{" "}
          {t("slots.cancellations", { n: p.remaining.cancellations })}
        </p>
      )}
    </>
  );
}

export function CrossingLive(
  p: Pick<CrossingPageProps, "t" | "lang" | "crossing" | "time" | "dayTime" | "notices" | "remaining">,
) {
  const { t, crossing: c } = p;
  return (
    <section
      id="live"
      hx-get={`/c/${c.id}/live?lang=${p.lang}`}
      hx-trigger="every 15s"
      hx-swap="outerHTML"
      aria-live="polite"
    >
      {c.call && (
        <p class="call" role="alert">
          {t("c.call", { lane: c.call.lane, time: p.time(c.call.deadline) })}
        </p>
      )}
      <p class="notice">{t(`st.${c.state}`)}</p>
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
      <Notices t={t} notices={p.notices} time={p.time} dayTime={p.dayTime} />
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
      <p class="muted">{t("pass.link")}</p>
      <p>
        <a href={`/c/${c.id}`}>/c/{c.id}</a>
      </p>
    </section>
  );
}

function SlotPicker(p: CrossingPageProps) {
  const { t, crossing: c } = p;
  return (
    <section>
      <h2>{t("slots.title")}</h2>
      {p.slots.length === 0 && <p>{t("slots.none")}</p>}
      {p.reroute && <p class="notice">{t("hub.reroute", { ...p.reroute })}</p>}
      {p.checkpoint.config.walkInsAllowed && <p class="muted">{t("slots.liveQueue")}</p>}
      {p.slots.some((s) => s.available > 0) && (
        <form method="post" action={`/c/${c.id}/book?lang=${p.lang}`} class="row">
          <input type="hidden" name="slotStart" value="first" />
          <button type="submit">{t("slots.first")}</button>
        </form>
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
              <button type="submit" disabled={s.available === 0}>
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
    <DriverShell lang={p.lang} title={t("c.title")} path={`/c/${c.id}`}>
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
      {open && <Pass {...p} />}
      {c.state === "declared" && <SlotPicker {...p} />}
    </DriverShell>
  );
}
