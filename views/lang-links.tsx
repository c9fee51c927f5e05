/** The other languages as links, for a page's header (the drivers' pages, the planners' forecasts). */
import { LANG_NAMES, LANGS, type Lang } from "../src/i18n/index.ts";

export function LangLinks(props: { lang: Lang; path: string }) {
  return (
    <nav class="lang">
      {LANGS.filter((l) => l !== props.lang).map((l) => (
        <a href={`${props.path}?lang=${l}`} lang={l} hreflang={l}>
          {LANG_NAMES[l]}
        </a>
      ))}
    </nav>
  );
}
