/** The start page, in the visitor's language (drivers choose theirs; officers read the same words). */
import type { Lang, Translate } from "../src/i18n/index.ts";
import type { StoredCheckpoint } from "../src/store/checkpoints.ts";
import { checkpointName } from "./driver/declare.tsx";
import { DriverShell } from "./driver/shell.tsx";

export function HomePage(props: { checkpoints: StoredCheckpoint[]; t: Translate; lang: Lang }) {
  const { t, lang } = props;
  return (
    <DriverShell lang={lang} title={t("h.title")} path="/">
      <h1>Shekara</h1>
      <p>{t("h.intro")}</p>
      <nav class="ways">
        <a class="button" href={`/drive?lang=${lang}`}>
          {t("h.drive")}
        </a>
        <a class="button secondary" href="/officer">
          {t("h.officers")}
        </a>
        <a class="button secondary" href="/planner">
          {t("h.planners")}
        </a>
      </nav>
      <h2>{t("h.checkpoints")}</h2>
      <ul class="checkpoints">
        {props.checkpoints.map((c) => (
          <li>
            <strong>{checkpointName(c, lang)}</strong>{" "}
            <span class="muted">{t("h.to", { name: c.neighbourCheckpoint })}</span> ·{" "}
            <a href={`/board/${c.id}?lang=${lang}`}>{t("h.board")}</a>
            <br />
            <span class="muted">
              {t("h.figures", {
                lanes: c.config.documentLanes,
                scanners: c.config.scanners,
                limit: c.config.dailyLimit,
              })}
            </span>
          </li>
        ))}
      </ul>
    </DriverShell>
  );
}
