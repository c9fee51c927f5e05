/** The sign-in page for officers, supervisors and admins. */
import { Layout } from "../layout.tsx";

export function SignInPage(props: { csrf: string; next: string; error?: string; username?: string }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in</h1>
      {props.error ? (
        <p class="notice bad" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/sign-in">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label>
          Username
          <input name="username" autocomplete="username" required value={props.username ?? ""} />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}

/** The sign-out button, a POST form with its CSRF token (a link could be forged). */
export function SignOut(props: { csrf: string; username: string }) {
  return (
    <form method="post" action="/sign-out" class="row">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <span class="muted">{props.username}</span>
      <button type="submit" class="secondary">
        Sign out
      </button>
    </form>
  );
}
