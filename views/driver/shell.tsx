/** The driver pages' shell: the shared layout with the language switch on every page. */
import type { Child } from "hono/jsx";
import type { Lang } from "../../src/i18n/index.ts";
import { LangLinks } from "../lang-links.tsx";
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
      nav={<LangLinks lang={props.lang} path={props.path} />}
    >
      {props.children}
    </Layout>
  );
}
