/**
 * /board/:checkpointId, the public queue board: the trucks called to a lane, the waiting area in
 * the order the discipline calls it, and the bookings expected in the next hours. Masked plates,
 * slots and states only: no names, phones, cargo, risk channel or crossing links.
 * `/board/:checkpointId.json` answers the same rows for screens and apps that draw their own.
 */
import { Hono } from "hono";
import { BoardLive, BoardPage, type BoardRow, BoardUnknown } from "../../../views/driver/board.tsx";
import { maskPlate } from "../../domain/board.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import { queueStore } from "../../store/queue.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { langOf, timeFormat } from "./lang.ts";

const EXPECTED_HOURS = 3;

export function boardRoutes(deps: AppDeps) {
  const queue = queueStore(deps.db);
  const called = deps.db.prepare(
    "SELECT plate, slot_start, lane FROM crossings WHERE checkpoint_id = ? AND state = 'called' ORDER BY lane",
  );
  const plateOf = deps.db.prepare("SELECT plate, slot_start FROM crossings WHERE id = ?");
  const expected = deps.db.prepare(
    `SELECT plate, slot_start FROM crossings WHERE checkpoint_id = ? AND state = 'booked'
     AND slot_start < ? AND slot_end > ? ORDER BY slot_start, created_at LIMIT 200`,
  );

  function rows(cp: StoredCheckpoint, now: number) {
    type Row = { plate: string; slot_start: number | null; lane?: number | null };
    const show = (r: Row, state: BoardRow["state"]): Omit<BoardRow, "position"> => ({
      plate: maskPlate(r.plate),
      slotStart: r.slot_start,
      state,
      lane: r.lane ?? null,
    });
    const calledRows = (called.all(cp.id) as Row[]).map((r) => show(r, "called"));
    const waiting = queue.ordered(cp).map((t) => show(plateOf.get(t.id) as Row, "waiting"));
    const queueRows = [...calledRows, ...waiting].map((r, i) => ({ ...r, position: i + 1 }));
    const soon = (expected.all(cp.id, now + EXPECTED_HOURS * 3_600_000, now) as Row[]).map((r) =>
      show(r, "booked"),
    );
    return { queue: queueRows, expected: soon };
  }

  const app = new Hono();
  const load = (id: string) => deps.checkpoints.get(id);

  app.get("/board/:checkpointId", (c) => {
    const { lang, t } = langOf(c);
    const param = c.req.param("checkpointId");
    const asJson = param.endsWith(".json");
    const cp = load(asJson ? param.slice(0, -".json".length) : param);
    if (!cp) {
      if (asJson) return problem(c, 404, "Not found", "No checkpoint has that id; see the home page's list.");
      return c.html(<BoardUnknown t={t} lang={lang} path={c.req.path} />, 404);
    }
    const now = deps.now();
    if (asJson) return c.json(boardJson(cp.id, now, rows(cp, now)));
    const tz = cp.config.timezone;
    return c.html(
      <BoardPage
        t={t}
        lang={lang}
        checkpoint={cp}
        now={now}
        time={timeFormat(lang, tz, false)}
        {...rows(cp, now)}
      />,
    );
  });

  app.get("/board/:checkpointId/live", (c) => {
    const { lang, t } = langOf(c);
    const cp = load(c.req.param("checkpointId"));
    if (!cp) return c.html(<BoardUnknown t={t} lang={lang} path={c.req.path} />, 404);
    const now = deps.now();
    return c.html(
      <BoardLive
        t={t}
        lang={lang}
        checkpointId={cp.id}
        now={now}
        time={timeFormat(lang, cp.config.timezone, false)}
        {...rows(cp, now)}
      />,
    );
  });
  return app;
}

/** The board as JSON: the same masked rows, times in ISO-8601, states as the machine names them. */
function boardJson(
  checkpointId: string,
  now: number,
  board: { queue: BoardRow[]; expected: Omit<BoardRow, "position">[] },
) {
  const row = (r: Omit<BoardRow, "position"> & { position?: number }) => ({
    ...(r.position === undefined ? {} : { position: r.position }),
    plate: r.plate,
    slotStart: r.slotStart === null ? null : new Date(r.slotStart).toISOString(),
    state: r.state,
    lane: r.lane,
  });
  return {
    checkpointId,
    at: new Date(now).toISOString(),
    queue: board.queue.map(row),
    expected: board.expected.map(row),
  };
}
