/** The page shell: mobile first, no external fonts or scripts, htmx from our own server. */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";

export function Layout(props: { title: string; lang?: string; children: Child; head?: Child; nav?: Child }) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={props.lang ?? "en"}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · Shekara`}</title>
          <link rel="stylesheet" href="/static/app.css" />
          {/* no favicon request: one request less on a weak signal, and no 404 in the log */}
          <link rel="icon" href="data:," />
          {/* htmx would inject its indicator <style>, which our strict CSP blocks */}
          <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
          <script src="/static/htmx.min.js" defer />
          {props.head}
        </head>
        <body>
          <header class="top">
            <a href="/" class="brand">
              Shekara
            </a>
            {props.nav}
          </header>
          <main>{props.children}</main>
        </body>
      </html>
    </>
  );
}
