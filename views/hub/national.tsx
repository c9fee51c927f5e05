/** The national page: every crossing's queue, wait, throughput today, daily limit and trend; stale posts marked. */

import type { NationalWaitTime, StageTime } from "../../src/hub/national.ts";
import type { Lang, Translate } from "../../src/i18n/index.ts";
import { LangLinks } from "../lang-links.tsx";
import { Layout } from "../layout.tsx";

interface Common {
  t: Translate;
  lang: Lang;
  time: (iso: string) => string;
}

/** The checkpoint's name in the reader's language, when its post sent one (older posts send English). */
export const localName = (r: Pick<NationalWaitTime, "name" | "names">, lang: Lang) =>
  lang === "en" ? r.name : (r.names?.[lang] ?? r.name);

export function NationalTable(p: Common & { rows: NationalWaitTime[] }) {
  const { t } = p;
  // no estimate: closed when the post said no lane is open, unknown when it never said
  const wait = (r: NationalWaitTime) =>
    r.estimatedWaitMinutes !== null
      ? t("hub.minutes", { n: r.estimatedWaitMinutes })
      : r.lanesOpen === null
        ? "—"
        : t("hub.closed");
  return (
    <div id="national" hx-get={`/national?lang=${p.lang}`} hx-trigger="every 15s" hx-swap="outerHTML">
      {p.rows.length === 0 ? (
        <p>{t("hub.none")}</p>
      ) : (
        <table class="wide">
          <thead>
            <tr>
              <th>{t("hub.checkpoint")}</th>
              <th>{t("hub.waiting")}</th>
              <th>{t("hub.wait")}</th>
              <th>{t("hub.throughput")}</th>
              <th>{t("hub.limit")}</th>
              <th>{t("hub.trend")}</th>
              <th>{t("hub.post")}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr class={r.stale ? "stale" : undefined}>
                <td>
                  <a href={`/national/${r.post}/${r.checkpointId}?lang=${p.lang}`}>{localName(r, p.lang)}</a>
                  {r.stale ? (
                    <small>
                      {" "}
                      ⚠ {t("hub.stale")}
                      {r.asOf ? `, ${t("hub.asOf", { time: p.time(r.asOf) })}` : ""}
                    </small>
                  ) : null}
                </td>
                <td>{r.waiting}</td>
                <td>{wait(r)}</td>
                <td>{r.throughputToday}</td>
                <td>{r.dailyLimit ?? "—"}</td>
                <td>{r.trend ? t(`hub.trend.${r.trend}`) : "—"}</td>
                <td>{r.post}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function NationalPage(p: Common & { rows: NationalWaitTime[] }) {
  return (
    <Layout title={p.t("hub.title")} lang={p.lang} nav={<LangLinks lang={p.lang} path="/national" />}>
      <h1>{p.t("hub.title")}</h1>
      <p>{p.t("hub.intro")}</p>
      <NationalTable {...p} />
    </Layout>
  );
}

export function StageTimesPage(
  p: Common & { name: string; post: string; checkpointId: string; stages: StageTime[] },
) {
  const { t } = p;
  return (
    <Layout
      title={`${p.name} · ${t("hub.stages")}`}
      lang={p.lang}
      nav={<LangLinks lang={p.lang} path={`/national/${p.post}/${p.checkpointId}`} />}
    >
      <p>
        <a href={`/national?lang=${p.lang}`}>← {t("hub.back")}</a>
      </p>
      <h1>
        {p.name}: {t("hub.stages")}
      </h1>
      <p>{t("hub.stagesIntro", { checkpoint: p.name })}</p>
      <table>
        <thead>
          <tr>
            <th>{t("hub.stage")}</th>
            <th>{t("hub.crossings")}</th>
            <th>{t("hub.average")}</th>
          </tr>
        </thead>
        <tbody>
          {p.stages.map((s) => (
            <tr>
              <td>{t(`hub.stage.${s.stage}`)}</td>
              <td>{s.crossings}</td>
              <td>{t("hub.minutes", { n: s.averageMinutes })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
