/** The driver pages' shell: the shared layout with the language switch on every page. */
import type { Child } from "hono/jsx";
import { LANG_NAMES, LANGS, type Lang } from "../../src/i18n/index.ts";
import { Layout } from "../layout.tsx";

export function DriverShell(props: {
  lang: Lang;
  title: string;
  path: string;
  children: Child;
  head?: Child;
}) {
  return (
    <Layout
      title={props.title}
      lang={props.lang}
      head={props.head}
      nav={
        <nav class="lang">
          {LANGS.filter((l) => l !== props.lang).map((l) => (
            <a href={`${props.path}?lang=${l}`} lang={l} hreflang={l}>
              {LANG_NAMES[l]}
            </a>
          ))}
        </nav>
      }
    >
      {props.children}
    </Layout>
  );
}
