/**
 * The administrator's accounts at /admin/users: create, change role and checkpoint, set a new
 * password, disable or enable, unlock; each written with its audit row (src/store/user-admin.ts).
 * Sign-in, the admin role and CSRF come from the officers' auth, passed in as `guard`.
 */
import { type Context, Hono } from "hono";
import { type AccountForm, AccountPage, UsersPage } from "../../../views/admin/users.tsx";
import { readForm } from "../../auth/guard.ts";
import { accessSchema, accountFromForm, newUserSchema, passwordSchema } from "../../domain/user-account.ts";
import { hashPassword } from "../../store/passwords.ts";
import { type AdminOutcome, userAdminStore } from "../../store/user-admin.ts";
import type { AppDeps } from "../deps.ts";
import type { AdminGuard } from "./api-keys.tsx";

/** The schema's complaints by field, for the form to show next to each. */
function errorsOf(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const i of issues) errors[String(i.path[0] ?? "form")] ??= i.message;
  return errors;
}

export function adminUserRoutes(deps: AppDeps, guard: AdminGuard) {
  const store = userAdminStore(deps.db, deps.users);
  const app = new Hono();
  app.use("/admin/users", ...guard.middleware);
  app.use("/admin/users/*", ...guard.middleware);

  const checkpoints = () => deps.checkpoints.list().map((c) => ({ id: c.id, name: c.name }));
  const names = (id: string | null) => (id ? (deps.users.get(id)?.username ?? id) : "");
  const empty: AccountForm = { values: { role: "officer" }, errors: {} };

  const list = (c: Context, form = empty, status: 200 | 400 | 409 = 200, notice?: string) =>
    c.html(
      <UsersPage
        accounts={store.list()}
        checkpoints={checkpoints()}
        form={form}
        audit={store.audit.recent(50)}
        names={names}
        csrf={guard.csrfToken?.(c)}
        now={deps.now()}
        notice={notice}
      />,
      status,
    );

  const account = (
    c: Context,
    id: string,
    extra: { form?: AccountForm; notice?: { ok: boolean; text: string } } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const a = store.get(id);
    if (!a) return c.text("No such user.", 404);
    return c.html(
      <AccountPage
        account={a}
        checkpoints={checkpoints()}
        form={extra.form ?? { values: { role: a.role, checkpointId: a.checkpointId ?? "" }, errors: {} }}
        audit={store.audit.ofUser(id)}
        names={names}
        csrf={guard.csrfToken?.(c)}
        now={deps.now()}
        notice={extra.notice}
      />,
      status,
    );
  };

  /** After a change: the account page saying what happened, or why nothing did. */
  const after = (c: Context, id: string, outcome: AdminOutcome, done: string) =>
    outcome.ok
      ? account(c, id, { notice: { ok: true, text: done } })
      : outcome.status === 404
        ? c.text("No such user.", 404)
        : account(c, id, { notice: { ok: false, text: `Not done: ${outcome.reason}.` } }, 409);

  app.get("/admin/users", (c) => list(c));

  app.post("/admin/users", async (c) => {
    const input = accountFromForm(await readForm(c));
    const values = { username: input.username, role: input.role, checkpointId: input.checkpointId ?? "" };
    const parsed = newUserSchema.safeParse(input);
    if (!parsed.success) return list(c, { values, errors: errorsOf(parsed.error.issues) }, 400);
    if (parsed.data.checkpointId && !deps.checkpoints.get(parsed.data.checkpointId))
      return list(c, { values, errors: { checkpointId: "no such checkpoint" } }, 400);
    const outcome = store.create(
      parsed.data,
      await hashPassword(parsed.data.password),
      guard.userId(c),
      deps.now(),
    );
    if (!outcome.ok) return list(c, { values, errors: { username: outcome.reason } }, 409);
    return c.redirect(`/admin/users/${outcome.user.id}`, 303);
  });

  app.get("/admin/users/:id", (c) => account(c, c.req.param("id")));

  app.post("/admin/users/:id/access", async (c) => {
    const id = c.req.param("id");
    const input = accountFromForm(await readForm(c));
    const parsed = accessSchema.safeParse(input);
    const values = { role: input.role, checkpointId: input.checkpointId ?? "" };
    if (!parsed.success)
      return account(c, id, { form: { values, errors: errorsOf(parsed.error.issues) } }, 400);
    if (parsed.data.checkpointId && !deps.checkpoints.get(parsed.data.checkpointId))
      return account(c, id, { form: { values, errors: { checkpointId: "no such checkpoint" } } }, 400);
    return after(
      c,
      id,
      store.setAccess(id, parsed.data, guard.userId(c), deps.now()),
      "Saved; the user was signed out.",
    );
  });

  app.post("/admin/users/:id/password", async (c) => {
    const id = c.req.param("id");
    const parsed = passwordSchema.safeParse(accountFromForm(await readForm(c)).password);
    if (!parsed.success) {
      const a = store.get(id);
      const values = { role: a?.role ?? "", checkpointId: a?.checkpointId ?? "" };
      return account(
        c,
        id,
        { form: { values, errors: { password: parsed.error.issues[0]?.message ?? "" } } },
        400,
      );
    }
    return after(
      c,
      id,
      store.resetPassword(id, await hashPassword(parsed.data), guard.userId(c), deps.now()),
      "New password set; the user was signed out.",
    );
  });

  for (const [action, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const)
    app.post(`/admin/users/:id/${action}`, (c) => {
      const id = c.req.param("id");
      const outcome = store.setDisabled(id, disabled, guard.userId(c), deps.now());
      return after(c, id, outcome, disabled ? "Disabled; the user was signed out." : "Enabled.");
    });

  app.post("/admin/users/:id/unlock", (c) => {
    const id = c.req.param("id");
    return after(c, id, store.unlock(id, guard.userId(c), deps.now()), "Unlocked.");
  });

  return app;
}
