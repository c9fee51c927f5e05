/**
 * The administrator's pages for the open API: create, list and revoke API keys (the key is shown
 * once), each key's audit trail, and every webhook subscription's backlog and last error.
 * Sign-in, the admin role and CSRF come from the officers' auth, passed in as `guard`.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { ApiKeysPage, KeyCreated, type KeyForm, NewKeyForm } from "../../../views/admin/api-keys.tsx";
import { ApiKeyPage, SubscriptionTable, WebhooksPage } from "../../../views/admin/webhooks.tsx";
import { newApiKeySchema } from "../../domain/api-access.ts";
import { webhookStore } from "../../store/webhooks.ts";
import type { AppDeps } from "../deps.ts";

export interface AdminGuard {
  /** refuses anyone but a signed-in admin, and checks CSRF on writes */
  middleware: MiddlewareHandler[];
  /** the signed-in admin's user id, for the audit trail */
  userId: (c: Context) => string;
  /** the token forms must send back, if the CSRF check needs one */
  csrfToken?: (c: Context) => string | undefined;
}

/** The admin pages are in English; these are the schema's message keys in words. */
const MESSAGES: Record<string, string> = {
  "v.required": "Required.",
  "v.tooLong": "Too long.",
  "v.controlCharacters": "No control characters.",
  "v.keyKind": "Choose carrier, device, monitor or gate.",
  "v.deviceCheckpoint": "A device key belongs to one checkpoint (a gate key too): choose it.",
  "v.onlyDevicesHaveCheckpoint": "Only device and gate keys belong to a checkpoint.",
  "v.scopeForKind": "That scope is not for this kind of key.",
  "v.rateLimit": "A whole number from 1 to 100000.",
};

export function adminApiKeyRoutes(deps: AppDeps, guard: AdminGuard) {
  const webhooks = webhookStore(deps.db);
  const app = new Hono();
  app.use("/admin/api-keys", ...guard.middleware);
  app.use("/admin/api-keys/*", ...guard.middleware);
  app.use("/admin/webhooks", ...guard.middleware);

  const checkpoints = () => deps.checkpoints.list().map((c) => ({ id: c.id, name: c.name }));
  const keysById = () => new Map(deps.apiKeys.list().map((k) => [k.id, k]));
  const fragment = (c: Context) => c.req.header("HX-Request") === "true";
  // a page with a key on it, or a list of who holds keys, is not for shared caches or back buttons
  const noStore = (c: Context) => c.header("Cache-Control", "no-store");

  app.get("/admin/api-keys", (c) => {
    noStore(c);
    return c.html(
      <ApiKeysPage keys={deps.apiKeys.list()} checkpoints={checkpoints()} csrf={guard.csrfToken?.(c)} />,
    );
  });

  app.post("/admin/api-keys", async (c) => {
    noStore(c);
    const raw = await c.req.parseBody();
    const values = Object.fromEntries(
      ["kind", "label", "checkpointId", "rateLimitPerMinute"].map((k) => [k, String(raw[k] ?? "").trim()]),
    );
    const parsed = newApiKeySchema.safeParse({
      kind: values.kind,
      label: values.label,
      checkpointId: values.checkpointId || undefined,
      rateLimitPerMinute: values.rateLimitPerMinute || undefined,
    });
    const errors: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors[String(issue.path[0] ?? "_form")] ??= MESSAGES[issue.message] ?? issue.message;
      }
    } else if (parsed.data.checkpointId && !deps.checkpoints.get(parsed.data.checkpointId)) {
      errors.checkpointId = "Unknown checkpoint.";
    }
    const csrf = guard.csrfToken?.(c);
    if (!parsed.success || Object.keys(errors).length) {
      const form: KeyForm = { values, errors };
      return fragment(c)
        ? c.html(<NewKeyForm form={form} checkpoints={checkpoints()} csrf={csrf} />, 422)
        : c.html(
            <ApiKeysPage keys={deps.apiKeys.list()} checkpoints={checkpoints()} form={form} csrf={csrf} />,
            422,
          );
    }
    const created = deps.apiKeys.create(parsed.data, { userId: guard.userId(c) }, deps.now());
    return fragment(c)
      ? c.html(<KeyCreated apiKey={created.key} secret={created.secret} />, 201)
      : c.html(
          <ApiKeysPage
            keys={deps.apiKeys.list()}
            checkpoints={checkpoints()}
            created={created}
            csrf={csrf}
          />,
          201,
        );
  });

  app.post("/admin/api-keys/:id/revoke", (c) => {
    const id = c.req.param("id");
    if (!deps.apiKeys.get(id)) return c.text("No such API key.", 404);
    deps.apiKeys.revoke(id, { userId: guard.userId(c) }, deps.now());
    return c.redirect("/admin/api-keys", 303);
  });

  app.get("/admin/api-keys/:id", (c) => {
    noStore(c);
    const key = deps.apiKeys.get(c.req.param("id"));
    if (!key) return c.text("No such API key.", 404);
    return c.html(
      <ApiKeyPage
        apiKey={key}
        audit={deps.apiKeys.auditOf(key.id, 200)}
        subscriptions={webhooks.ofKey(key.id)}
      />,
    );
  });

  app.get("/admin/webhooks", (c) => {
    noStore(c);
    const subscriptions = webhooks.list();
    return fragment(c)
      ? c.html(
          <div id="subscriptions" hx-get="/admin/webhooks" hx-trigger="every 15s" hx-swap="outerHTML">
            <SubscriptionTable subscriptions={subscriptions} keys={keysById()} />
          </div>,
        )
      : c.html(<WebhooksPage subscriptions={subscriptions} keys={keysById()} />);
  });
  return app;
}
