/** The page shell: mobile first, no external fonts or scripts, htmx from our own server. */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";

export const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "(409|422|429|503)", swap: true, error: false },
    { code: "[45]..", swap: false, error: true },
    { code: "...", swap: false },
  ],
});

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
          {/*
            htmx would inject its indicator <style>, which our strict CSP blocks. htmx 2 swaps only 2xx
            answers by default; a refusal (422, 409, 429, 503) must be shown where the person is looking,
            so those are swapped too. The config is read from this tag: no inline script under the CSP.
          */}
          <meta name="htmx-config" content={HTMX_CONFIG} />
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
          <main>
            {/* where a refusal that is not the form's own (too many requests, storage down) is put */}
            <div id="refusal" aria-live="assertive" />
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
