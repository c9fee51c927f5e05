/**
 * /c/:id/phone: the one-time code that confirms the driver's phone before a booking (issue 13).
 * A plain form; the booking form's own fields ride along hidden, so confirming books what was chosen.
 */
import type { Lang, Translate } from "../../src/i18n/index.ts";
import { DriverShell } from "./shell.tsx";

export interface PhoneCheckProps {
  t: Translate;
  lang: Lang;
  crossingId: string;
  /** the masked number the code went to */
  sentTo: string;
  /** the booking form's fields (the chosen slot), carried through */
  carried: Record<string, string>;
  /** a refusal or a problem, as a dictionary key */
  error?: string;
  errorVars?: Record<string, string | number>;
}

export function PhoneCheckPage(p: PhoneCheckProps) {
  const { t } = p;
  const hidden = Object.entries(p.carried).map(([name, value]) => (
    <input type="hidden" name={name} value={value} />
  ));
  const base = `/c/${p.crossingId}/phone`;
  return (
    <DriverShell lang={p.lang} title={t("phone.title")} path={base}>
      <h1>{t("phone.title")}</h1>
      <p>{t("phone.sent", { phone: p.sentTo })}</p>
      {p.error && (
        <p class="notice bad" role="alert" id="phone-error">
          {t(p.error, p.errorVars)}
        </p>
      )}
      <form method="post" action={`${base}?lang=${p.lang}`}>
        {hidden}
        <label>
          {t("phone.code")}
          <input
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 -]*"
            maxlength={12}
            required
            aria-describedby={p.error ? "phone-error" : undefined}
          />
        </label>
        <button type="submit">{t("phone.confirm")}</button>
      </form>
      <form method="post" action={`${base}/send?lang=${p.lang}`} class="row">
        {hidden}
        <button type="submit" class="secondary">
          {t("phone.resend")}
        </button>
      </form>
      <p>
        <a href={`/c/${p.crossingId}?lang=${p.lang}`}>{t("phone.back")}</a>
      </p>
    </DriverShell>
  );
}
