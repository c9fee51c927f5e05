/**
 * The crossing page's parts for a phone with no signal (issue 21): the links that make it
 * installable and readable offline, the "no connection" banner, the age of what is shown, and what
 * to do once a call's deadline has passed. views/static/crossing-offline.js shows or hides them.
 */
import type { Lang, Translate } from "../../src/i18n/index.ts";

/** The manifest (in the driver's language) and the script that registers the service worker. */
export function OfflineHead(p: { id: string; lang: Lang }) {
  return (
    <>
      <link rel="manifest" href={`/c/${p.id}/manifest.webmanifest?lang=${p.lang}`} />
      <meta name="theme-color" content="#0a5bd3" />
      <script src="/static/crossing-offline.js" defer />
    </>
  );
}

/** Hidden until what is shown is the phone's last copy, or the checkpoint cannot be reached. */
export function OfflineBanner(p: { t: Translate }) {
  return (
    <p id="offline-banner" class="notice bad" role="status" hidden>
      {p.t("offline.banner")}
    </p>
  );
}

export function AsOf(p: { t: Translate; time: (at: number) => string; at: number }) {
  return <p class="muted as-of">{p.t("offline.asOf", { time: p.time(p.at) })}</p>;
}

/**
 * Shown by the page's script once the call's deadline has passed, so a driver who was offline
 * knows the missed-call rules: the first miss puts the truck back in the queue, the second ends it.
 */
export function CallMissedHint(p: { t: Translate; deadline: number; missedCalls: number }) {
  return (
    <p class="notice bad" data-after-deadline={String(p.deadline)} hidden>
      {p.t(p.missedCalls === 0 ? "offline.callMissedFirst" : "offline.callMissedAgain")}
    </p>
  );
}
