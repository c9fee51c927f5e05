/** `npm start`: open (and on first start create and seed) the database, then serve. */
import { serve } from "@hono/node-server";
import { readConfig } from "./config.ts";
import { createRuntime } from "./runtime.ts";

const config = readConfig();
const runtime = createRuntime(config);
const server = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(`Shekara is serving on http://${config.HOST}:${info.port} (database ${config.DATABASE_PATH})`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the server and the database`);
  server.close(async () => {
    await runtime.close();
    process.exit(0);
  });
  // Live SSE streams keep connections open; do not wait on them for ever.
  setTimeout(async () => {
    await runtime.close();
    process.exit(0);
  }, 3000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
