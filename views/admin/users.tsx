/** The administrator's accounts: the list with the form for a new one, and one account's page. */
import type { Account, UserAuditEntry } from "../../src/store/user-admin.ts";
import { ROLES } from "../../src/store/users.ts";
import { Layout } from "../layout.tsx";
import { CsrfField } from "./api-keys.tsx";
import { AdminNav } from "./nav.tsx";

export interface AccountForm {
  values: Record<string, string>;
  errors: Record<string, string>;
}
type Checkpoints = { id: string; name: string }[];

const when = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 16);

function FieldError(props: { form: AccountForm; name: string }) {
  const message = props.form.errors[props.name];
  return message ? (
    <span class="error" id={`${props.name}-error`}>
      {message}
    </span>
  ) : null;
}

/** Role and checkpoint: the two fields the new-account form and the account page share. */
function AccessFields(props: { form: AccountForm; checkpoints: Checkpoints }) {
  const v = props.form.values;
  return (
    <>
      <label>
        Role
        <select name="role">
          {ROLES.map((r) => (
            <option value={r} selected={v.role === r}>
              {r}
            </option>
          ))}
        </select>
        <FieldError form={props.form} name="role" />
      </label>
      <label>
        Checkpoint (officers and supervisors only)
        <select name="checkpointId">
          <option value="">none</option>
          {props.checkpoints.map((c) => (
            <option value={c.id} selected={v.checkpointId === c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError form={props.form} name="checkpointId" />
      </label>
    </>
  );
}

function PasswordField(props: { form: AccountForm; label: string }) {
  return (
    <label>
      {props.label}
      <input
        name="password"
        type="password"
        autocomplete="new-password"
        minlength={12}
        maxlength={200}
        required
      />
      <span class="muted">at least 12 characters; tell the person in person, not by e-mail</span>
      <FieldError form={props.form} name="password" />
    </label>
  );
}

function AuditTable(props: { entries: UserAuditEntry[]; names: (id: string | null) => string }) {
  return (
    <table>
      <thead>
        <tr>
          <th>When (UTC)</th>
          <th>Account</th>
          <th>What</th>
          <th>By</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((e) => (
          <tr>
            <td>{when(e.at)}</td>
            <td>{e.username}</td>
            <td>{e.action}</td>
            <td>{props.names(e.actorId)}</td>
            <td>{e.detail ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const status = (a: Account, now: number) =>
  a.disabled
    ? "disabled"
    : a.lockedUntil && a.lockedUntil > now
      ? `locked until ${when(a.lockedUntil)}`
      : "active";

export function UsersPage(props: {
  accounts: Account[];
  checkpoints: Checkpoints;
  form: AccountForm;
  audit: UserAuditEntry[];
  names: (id: string | null) => string;
  csrf?: string;
  now: number;
  notice?: string;
}) {
  const cpName = (id: string | null) => props.checkpoints.find((c) => c.id === id)?.name ?? "";
  return (
    <Layout title="Users" nav={<AdminNav />}>
      <h1>Users</h1>
      {props.notice ? (
        <p class="notice bad" role="alert">
          {props.notice}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Username</th>
            <th>Role</th>
            <th>Checkpoint</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map((a) => (
            <tr>
              <td>
                <a href={`/admin/users/${a.id}`}>{a.username}</a>
              </td>
              <td>{a.role}</td>
              <td>{cpName(a.checkpointId)}</td>
              <td>{status(a, props.now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New account</h2>
      <form method="post" action="/admin/users" id="new-user">
        <CsrfField token={props.csrf} />
        <label>
          Username
          <input
            name="username"
            value={props.form.values.username ?? ""}
            maxlength={40}
            required
            autocomplete="off"
          />
          <FieldError form={props.form} name="username" />
        </label>
        <AccessFields form={props.form} checkpoints={props.checkpoints} />
        <PasswordField form={props.form} label="First password" />
        <button type="submit">Create account</button>
      </form>
      <h2>Recent sign-ins and changes</h2>
      <AuditTable entries={props.audit} names={props.names} />
    </Layout>
  );
}

export function AccountPage(props: {
  account: Account;
  checkpoints: Checkpoints;
  form: AccountForm;
  audit: UserAuditEntry[];
  names: (id: string | null) => string;
  csrf?: string;
  now: number;
  notice?: { ok: boolean; text: string };
}) {
  const a = props.account;
  const base = `/admin/users/${a.id}`;
  const button = (action: string, label: string, kind?: string) => (
    <form method="post" action={`${base}/${action}`} class="row">
      <CsrfField token={props.csrf} />
      <button type="submit" class={kind}>
        {label}
      </button>
    </form>
  );
  return (
    <Layout title={a.username} nav={<AdminNav />}>
      <p>
        <a href="/admin/users">All users</a>
      </p>
      <h1>{a.username}</h1>
      <p>
        {a.role} · {status(a, props.now)} · since {when(a.createdAt)}
      </p>
      {props.notice ? (
        <p class={`notice ${props.notice.ok ? "ok" : "bad"}`} role="status">
          {props.notice.text}
        </p>
      ) : null}
      <h2>Role and checkpoint</h2>
      <form method="post" action={`${base}/access`}>
        <CsrfField token={props.csrf} />
        <AccessFields form={props.form} checkpoints={props.checkpoints} />
        <p class="muted">Saving signs the person out everywhere, so the new rights apply at once.</p>
        <button type="submit">Save</button>
      </form>
      <h2>Password</h2>
      <form method="post" action={`${base}/password`}>
        <CsrfField token={props.csrf} />
        <PasswordField form={props.form} label="New password" />
        <button type="submit" class="secondary">
          Set the password
        </button>
      </form>
      <h2>Access</h2>
      {a.lockedUntil && a.lockedUntil > props.now ? button("unlock", "Unlock now", "secondary") : null}
      {a.disabled
        ? button("enable", "Enable the account")
        : button("disable", "Disable the account", "danger")}
      <h2>History</h2>
      <AuditTable entries={props.audit} names={props.names} />
    </Layout>
  );
}
