/**
 * The pre-declaration of the truck in front of the officer: cargo, HS codes, weight, value, flags,
 * driver, transit document, VIN and the risk reasons, in the officer's language. One view for the
 * fragment htmx puts beside the dashboard and the page a plain link opens. A supervisor may void a
 * crossing from here (a plate squatted by someone else), with a reason for the audit trail.
 */
import type { Declaration } from "../../src/domain/declaration.ts";
import type { Lang, Translate } from "../../src/i18n/index.ts";
import { Layout } from "../layout.tsx";
import { localDateTime } from "../local-time.ts";

export interface DeclarationViewProps {
  t: Translate;
  lang: Lang;
  base: string;
  csrf: string;
  timezone: string;
  crossing: {
    id: string;
    code: string;
    plate: string;
    vin: string | null;
    state: string;
    channel: string;
    riskReasons: string[];
    slot: { start: number; end: number } | null;
  };
  declaration: Declaration;
  /** shown when the machine would accept a supervisor's VOID now */
  canVoid: boolean;
}

function Row(props: { label: string; value: string | number | undefined | null }) {
  if (props.value === undefined || props.value === null || props.value === "") return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </>
  );
}

export function DeclarationView(p: DeclarationViewProps) {
  const { t, declaration: d, crossing: c } = p;
  const flags = [
    d.cargo.perishable ? t("f.perishable") : null,
    d.cargo.humanitarian ? t("f.humanitarian") : null,
    d.cargo.dangerousGoodsClass ? `${t("f.adr")}: ${d.cargo.dangerousGoodsClass}` : null,
  ].filter((f): f is string => f !== null);
  const transit =
    d.transitDocument.type === "none"
      ? t("f.transitNone")
      : `${d.transitDocument.type} ${d.transitDocument.number ?? ""}`;
  return (
    <section class="card declaration" id={`declaration-${c.id}`} lang={p.lang}>
      <h2>
        {t("o.declaration")}: {c.plate} <span class="code">{c.code}</span>
      </h2>
      <p>
        {t("o.channel")}: <span class={`badge ${c.channel}`}>{c.channel}</span>
        {c.slot ? ` · ${t("c.slot")}: ${localDateTime(c.slot.start, p.timezone)}` : ""}
      </p>
      {c.riskReasons.length > 0 && (
        <>
          <h3>{t("o.riskReasons")}</h3>
          <ul>
            {c.riskReasons.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      )}
      <dl>
        <Row label={t("f.vin")} value={c.vin} />
        <Row label={t("f.country")} value={d.vehicle.country} />
        <Row label={t("f.trailerPlate")} value={d.vehicle.trailerPlate} />
        {d.driver ? (
          <>
            <Row label={t("f.driverName")} value={d.driver.name} />
            <Row label={t("f.phone")} value={d.driver.phone} />
          </>
        ) : (
          <Row label={t("f.driverName")} value={t("driverless.mark")} />
        )}
        <Row label={t("f.description")} value={d.cargo.description} />
        <Row label={t("f.hsCodes")} value={d.cargo.hsCodes.join(", ")} />
        <Row label={t("f.weight")} value={d.cargo.grossWeightKg} />
        <Row label={t("f.value")} value={d.cargo.valueUsd} />
        <Row label={t("o.flags")} value={flags.join(", ")} />
        <Row label={t("f.transitType")} value={transit} />
      </dl>
      {p.canVoid && (
        <details>
          <summary>{t("o.void")}</summary>
          <form method="post" action={`${p.base}/crossings/${c.id}/void`} class="row">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <label>
              {t("o.voidReason")}
              <input name="reason" required maxlength={500} />
            </label>
            <button type="submit" class="danger">
              {t("o.void")}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}

export function DeclarationPage(p: DeclarationViewProps) {
  return (
    <Layout title={`${p.crossing.plate} · ${p.t("o.declaration")}`} lang={p.lang}>
      <p>
        <a href={p.base}>{p.t("o.back")}</a>
      </p>
      <DeclarationView {...p} />
    </Layout>
  );
}
