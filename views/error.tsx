/** A page for when the server cannot do what was asked: says so plainly and what to do next, in the visitor's language. */
import type { Lang } from "../src/i18n/index.ts";
import { Layout } from "./layout.tsx";

export function ErrorPage(props: { title: string; message: string; lang?: Lang; home?: string }) {
  return (
    <Layout title={props.title} lang={props.lang}>
      <h1>{props.title}</h1>
      <p role="alert">{props.message}</p>
      <p>
        <a href={props.lang ? `/?lang=${props.lang}` : "/"}>{props.home ?? "Back to the start page"}</a>
      </p>
    </Layout>
  );
}
