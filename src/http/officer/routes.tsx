/**
 * The officers' pages: sign-in, the checkpoint dashboard, its actions (each one machine event
 * through crossingStore.apply) and a crossing's audit trail. Also mounts the admin pages
 * behind the same sign-in, since they share its sessions and CSRF.
 */
import { type Context, Hono } from "hono";
import { describeState, restore } from "../../../machines/apply.ts";
import type { Actor } from "../../../machines/types.ts";
import { AuditPage } from "../../../views/officer/audit.tsx";
import { AuditLogPage } from "../../../views/officer/audit-log.tsx";
import { BoardView, DashboardPage, type DashboardProps } from "../../../views/officer/dashboard.tsx";
import { DeclarationPage, DeclarationView } from "../../../views/officer/declaration.tsx";
import { authGuard, readForm, sessionOf } from "../../auth/guard.ts";
import { authRoutes } from "../../auth/routes.tsx";
import { sessionStore } from "../../auth/sessions.ts";
import { checkInPolicy } from "../../domain/checkpoint.ts";
import { callNextStore } from "../../store/call-next.ts";
import { checkInLookup } from "../../store/check-in.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import type { ApplyOutcome } from "../../store/crossings.ts";
import { officerApplyStore } from "../../store/officer-apply.ts";
import { adminApiKeyRoutes } from "../admin/api-keys.tsx";
import { adminUserRoutes } from "../admin/users.tsx";
import type { AppDeps } from "../deps.ts";
import { langOf } from "../driver/lang.ts";
import { pageCache } from "../page-cache.ts";
import { eventFor, isAction } from "./actions.ts";
import { auditCsv } from "./audit-csv.ts";
import { AUDIT_PAGE, auditLog, cleanCursor, cleanFilter } from "./audit-log.ts";
import { boardReader } from "./board.ts";
import { settingsRoutes } from "./settings.tsx";

type Status = 200 | 400 | 403 | 404 | 409;

export function officerRoutes(deps: AppDeps) {
  const sessions = sessionStore(deps.db, deps.users);
  const guard = authGuard(sessions, deps.now);
  const board = boardReader(deps.db);
  const pages = pageCache(deps.db, deps.now);
  const audit = auditLog(deps.db);
  const caller = callNextStore(deps.db, deps.crossings, deps.checkpoints);
  const officer = officerApplyStore(deps.db, deps.crossings, deps.checkpoints);
  const checkIns = checkInLookup(deps.db, deps.crossings);

  const app = new Hono();
  app.route("/", authRoutes(sessions, deps.now));
  app.route("/", adminApiKeyRoutes(deps, guard.adminGuard));
  app.route("/", adminUserRoutes(deps, guard.adminGuard));

  const area = "/officer/:checkpointId";
  for (const path of [area, `${area}/*`]) {
    app.use(
      path,
      guard.requireSignIn,
      guard.requireRole("officer", "supervisor"),
      guard.requireOwnCheckpoint,
    );
  }

  app.route("/", settingsRoutes(deps, guard));

  const checkpointOf = (c: Context): StoredCheckpoint | null =>
    deps.checkpoints.get(c.req.param("checkpointId") ?? "");
  const actorOf = (c: Context): Actor => {
    const { user } = sessionOf(c);
    return { kind: user.role === "supervisor" ? "supervisor" : "officer", id: user.id };
  };
  const props = (
    c: Context,
    checkpoint: StoredCheckpoint,
    extra: Partial<DashboardProps> = {},
  ): DashboardProps => {
    const { user, csrf } = sessionOf(c);
    const now = deps.now();
    return {
      checkpoint: { id: checkpoint.id, name: checkpoint.name, config: checkpoint.config },
      board: board.read(checkpoint, now),
      csrf,
      username: user.username,
      supervisor: user.role === "supervisor",
      now,
      driverlessMark: langOf(c).t("driverless.mark"),
      ...extra,
    };
  };
  /** After an action: back to the dashboard, or the dashboard with the reason it was refused. */
  const answer = (
    c: Context,
    checkpoint: StoredCheckpoint,
    outcome: ApplyOutcome | { ok: false; status: Status; reason: string },
  ) =>
    outcome.ok
      ? c.redirect(`/officer/${checkpoint.id}`, 303)
      : c.html(
          <DashboardPage {...props(c, checkpoint, { error: sentence(outcome.reason) })} />,
          outcome.status,
        );

  app.get(area, (c) => {
    const checkpoint = checkpointOf(c);
    if (!checkpoint) return c.text("No such checkpoint.", 404);
    return c.html(<DashboardPage {...props(c, checkpoint)} />);
  });

  // the polled part of the dashboard
  // (kept per session: its forms carry the session's token)
  app.get(`${area}/board`, async (c) => {
    const checkpoint = checkpointOf(c);
    if (!checkpoint) return c.text("No such checkpoint.", 404);
    const { csrf } = sessionOf(c);
    // per language too: the driverless mark is in the officer's language
    const page = await pages(c, `board|${checkpoint.id}|${csrf}|${langOf(c).lang}`, () => (
      <BoardView {...props(c, checkpoint)} />
    ));
    return page ?? c.notFound();
  });

  app.post(`${area}/check-in`, async (c) => {
    const checkpoint = checkpointOf(c);
    if (!checkpoint) return c.text("No such checkpoint.", 404);
    const body = await readForm(c);
    const typed = typeof body.code === "string" ? body.code.slice(0, 40).trim() : "";
    if (!typed)
      return answer(c, checkpoint, { ok: false, status: 400, reason: "type a booking code or a plate" });
    const target = checkIns.find(checkpoint.id, typed);
    if (target.found === "none")
      return answer(c, checkpoint, {
        ok: false,
        status: 404,
        reason: `no truck with an active crossing has the code or plate ${typed}`,
      });
    const { row } = target;
    if (target.found === "elsewhere")
      return answer(c, checkpoint, {
        ok: false,
        status: 409,
        reason: `${row.plate} (code ${row.code}) is declared for another checkpoint, ${deps.checkpoints.get(row.checkpoint_id)?.name ?? row.checkpoint_id}`,
      });
    if (target.found === "past")
      return answer(c, checkpoint, {
        ok: false,
        status: 409,
        reason: `${row.plate} (code ${row.code}) is already checked in: ${describeState(row.state)}`,
      });
    const vin = typeof body.vin === "string" && body.vin.trim() ? body.vin.slice(0, 40) : undefined;
    return answer(
      c,
      checkpoint,
      deps.crossings.apply(row.id, {
        type: "CHECK_IN",
        policy: checkInPolicy(checkpoint.config),
        ...(vin ? { vin } : {}),
        at: deps.now(),
        actor: actorOf(c),
      }),
    );
  });

  // the queue discipline picks the truck; the form names none, so nobody can call out of order
  app.post(`${area}/call-next`, (c) => {
    const checkpoint = checkpointOf(c);
    if (!checkpoint) return c.text("No such checkpoint.", 404);
    return answer(c, checkpoint, caller.callNext(checkpoint.id, deps.now(), actorOf(c)));
  });

  app.post(`${area}/crossings/:id/:action`, async (c) => {
    const checkpoint = checkpointOf(c);
    if (!checkpoint) return c.text("No such checkpoint.", 404);
    const action = c.req.param("action");
    const crossing = deps.crossings.get(c.req.param("id"));
    // a crossing of another checkpoint is as good as absent here
    if (!crossing || crossing.row.checkpoint_id !== checkpoint.id)
      return answer(c, checkpoint, { ok: false, status: 404, reason: "no such truck at this checkpoint" });
    if (!isAction(action)) return answer(c, checkpoint, { ok: false, status: 404, reason: "no such action" });
    const made = eventFor(action, await readForm(c), deps.now(), actorOf(c));
    if (!made.ok) return answer(c, checkpoint, { ok: false, status: 400, reason: made.reason });
    return answer(c, checkpoint, officer.apply(crossing.row.id, made.event));
  });

  const names = (kind: string, id: string) =>
    kind === "officer" || kind === "supervisor" ? (deps.users.get(id)?.username ?? id) : id;

  // supervisors browse the whole checkpoint's trail; officers see one truck's at a time
  app.get(`${area}/audit`, guard.requireRole("supervisor"), (c) => {
    const checkpoint = checkpointOf(c);
    if (!checkpoint) return c.text("No such checkpoint.", 404);
    const filter = cleanFilter(c.req.query());
    // an unknown username matches nobody rather than everybody
    const actorId = filter.officer ? (deps.users.credentials(filter.officer)?.id ?? "-") : undefined;
    const before = cleanCursor(c.req.query("before"));
    const entries = audit.search(checkpoint.id, { ...filter, actorId }, checkpoint.config.timezone, {
      before,
      limit: AUDIT_PAGE,
    });
    return c.html(
      <AuditLogPage
        checkpoint={{ id: checkpoint.id, name: checkpoint.name, timezone: checkpoint.config.timezone }}
        entries={entries}
        filter={filter}
        names={names}
        older={entries.length === AUDIT_PAGE ? entries.at(-1)?.seq : undefined}
        paged={before !== undefined}
      />,
    );
  });

  // the whole trail (filters applied) as CSV, written as it is read
  app.get(`${area}/audit.csv`, guard.requireRole("supervisor"), (c) => {
    const checkpoint = checkpointOf(c);
    if (!checkpoint) return c.text("No such checkpoint.", 404);
    const filter = cleanFilter(c.req.query());
    const actorId = filter.officer ? (deps.users.credentials(filter.officer)?.id ?? "-") : undefined;
    const rows = auditCsv(audit, checkpoint.id, { ...filter, actorId }, checkpoint.config.timezone, names);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = rows.next();
        if (next.done) controller.close();
        else controller.enqueue(new TextEncoder().encode(next.value));
      },
    });
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="audit-${checkpoint.id}.csv"`);
    return c.body(body);
  });

  // the truck's pre-declaration, one click from the dashboard: a fragment for htmx, a page without JS
  app.get(`${area}/crossings/:id/declaration`, (c) => {
    const checkpoint = checkpointOf(c);
    const crossing = deps.crossings.get(c.req.param("id"));
    if (!checkpoint || !crossing || crossing.row.checkpoint_id !== checkpoint.id)
      return c.text("No such truck at this checkpoint.", 404);
    const { user, csrf } = sessionOf(c);
    const ctx = crossing.crossing.context;
    const voidProbe = { type: "VOID", reason: "probe", at: deps.now(), actor: actorOf(c) } as const;
    const props = {
      ...langOf(c),
      base: `/officer/${checkpoint.id}`,
      csrf,
      timezone: checkpoint.config.timezone,
      crossing: {
        id: crossing.row.id,
        code: crossing.row.code,
        plate: crossing.row.plate,
        vin: crossing.row.vin,
        state: crossing.row.state,
        channel: crossing.row.channel,
        riskReasons: ctx.riskReasons,
        slot: ctx.slot,
      },
      declaration: crossing.declaration,
      canVoid: user.role === "supervisor" && restore(crossing.crossing).can(voidProbe),
    };
    c.header("Vary", "HX-Request");
    return c.req.header("hx-request") === "true"
      ? c.html(<DeclarationView {...props} />)
      : c.html(<DeclarationPage {...props} />);
  });

  app.get(`${area}/crossings/:id`, (c) => {
    const checkpoint = checkpointOf(c);
    const crossing = deps.crossings.get(c.req.param("id"));
    if (!checkpoint || !crossing || crossing.row.checkpoint_id !== checkpoint.id)
      return c.text("No such truck at this checkpoint.", 404);
    return c.html(
      <AuditPage
        checkpointId={checkpoint.id}
        timezone={checkpoint.config.timezone}
        crossing={{
          plate: crossing.row.plate,
          code: crossing.row.code,
          state: crossing.row.state,
          channel: crossing.row.channel,
        }}
        events={deps.crossings.events(crossing.row.id)}
        names={names}
      />,
    );
  });

  return app;
}

const sentence = (reason: string) => `Not done: ${reason}. Nothing was changed.`;
