/** The driver's messages on the crossing page: what the outbox sent, in the driver's language. */
import type { Translate } from "../../src/i18n/index.ts";
import type { Notification } from "../../src/store/notifications.ts";

export function Notices(p: {
  t: Translate;
  notices: readonly Notification[];
  time: (at: number) => string;
  dayTime: (at: number) => string;
}) {
  if (p.notices.length === 0) return null;
  const { t } = p;
  const text = (n: Notification) =>
    t(`n.${n.kind}`, {
      lane: n.params.lane ?? "",
      time: n.params.deadline ? p.time(n.params.deadline) : "",
      slot: n.params.slotStart ? p.dayTime(n.params.slotStart) : "",
      reason: n.params.reason ?? "",
    });
  return (
    <section class="card" id="notices">
      <h2>{t("n.title")}</h2>
      <ul>
        {p.notices.map((n) => (
          <li>
            <span class="muted">{p.dayTime(n.createdAt)}</span> {text(n)}
          </li>
        ))}
      </ul>
    </section>
  );
}
