/** GET /api/docs: the reference page, rendered once from the finished OpenAPI document. */
import { Hono } from "hono";
import { ApiDocsPage } from "../../../views/api/docs.tsx";
import type { OpenApiDocument } from "../../../views/api/openapi.ts";

export function apiDocsRoutes(document: () => object) {
  let html: string | null = null;
  const app = new Hono();
  app.get("/docs", (c) => {
    // the document is complete only once every module is mounted: render on first request
    html ??= String(<ApiDocsPage doc={document() as OpenApiDocument} />);
    return c.html(html);
  });
  return app;
}
