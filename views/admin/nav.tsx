/** The links between the administrator's pages. */
export function AdminNav() {
  return (
    <span>
      <a href="/admin/users">Users</a> · <a href="/admin/api-keys">API keys</a> ·{" "}
      <a href="/admin/webhooks">Webhooks</a>
    </span>
  );
}
