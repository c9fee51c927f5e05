/** The public queue board, read on a phone at the waiting area or on a screen above it. */
import type { Lang, Translate } from "../../src/i18n/index.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import { checkpointName } from "./declare.tsx";
import { DriverShell } from "./shell.tsx";

export interface BoardRow {
  position: number;
  plate: string;
  slotStart: number | null;
  state: "called" | "waiting" | "booked";
  lane: number | null;
}

interface LiveProps {
  t: Translate;
  lang: Lang;
  checkpointId: string;
  now: number;
  time: (at: number) => string;
  queue: BoardRow[];
  expected: Omit<BoardRow, "position">[];
}

function Rows(p: {
  t: Translate;
  time: LiveProps["time"];
  rows: (Omit<BoardRow, "position"> & { position?: number })[];
}) {
  const { t } = p;
  return (
    <table>
      <thead>
        <tr>
          <th>{t("b.position")}</th>
          <th>{t("b.plate")}</th>
          <th>{t("b.slot")}</th>
          <th>{t("b.state")}</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr>
            <td>{r.position ?? ""}</td>
            <td class="code">{r.plate}</td>
            <td>{r.slotStart === null ? t("b.noSlot") : p.time(r.slotStart)}</td>
            <td>
              {r.state === "called" ? (
                <strong>{t("b.called", { lane: r.lane ?? "" })}</strong>
              ) : (
                t(r.state === "waiting" ? "b.waiting" : "st.booked")
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The part that refreshes itself every 15 s; without JS the page is current when loaded. */
export function BoardLive(p: LiveProps) {
  const { t } = p;
  return (
    <section
      id="board"
      hx-get={`/board/${p.checkpointId}/live?lang=${p.lang}`}
      hx-trigger="every 15s"
      hx-swap="outerHTML"
    >
      {p.queue.length === 0 ? (
        <p class="notice">{t("b.empty")}</p>
      ) : (
        <Rows t={t} time={p.time} rows={p.queue} />
      )}
      {p.expected.length > 0 && (
        <>
          <h2>{t("b.expected")}</h2>
          <Rows t={t} time={p.time} rows={p.expected} />
        </>
      )}
      <p class="muted">{t("b.updated", { time: p.time(p.now) })}</p>
    </section>
  );
}

export function BoardPage(p: Omit<LiveProps, "checkpointId"> & { checkpoint: StoredCheckpoint }) {
  return (
    <DriverShell lang={p.lang} title={p.t("b.title")} path={`/board/${p.checkpoint.id}`}>
      <h1>
        {p.t("b.title")} · {checkpointName(p.checkpoint, p.lang)}
      </h1>
      <BoardLive {...p} checkpointId={p.checkpoint.id} />
    </DriverShell>
  );
}

/** An unknown checkpoint: a page in the viewer's language that leads back home, not a bare 404. */
export function BoardUnknown(p: { t: Translate; lang: Lang; path: string }) {
  return (
    <DriverShell lang={p.lang} title={p.t("b.title")} path={p.path}>
      <h1>{p.t("b.title")}</h1>
      <p class="notice">
        <a href="/">{p.t("b.unknown")}</a>
      </p>
    </DriverShell>
  );
}
