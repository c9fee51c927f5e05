/** The driver's messages on the crossing page: what the outbox sent, in the driver's language. */
import { reasonText } from "../../src/domain/reason-codes.ts";
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
      // a reason code or the system's reason in the driver's language; an officer's own words labelled
      // (a hold's reason is the documents the officer asks for: their words, in the sentence already)
      reason: !n.params.reason
        ? ""
        : n.kind === "onHold"
          ? n.params.reason
          : ((r) => t(r.key, r.vars))(reasonText(n.params.reason)),
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
