/** `npm start`: open (and on first start create and seed) the database, then serve. */
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { readConfig } from "./config.ts";
import { withSecurityHeaders } from "./http/security-headers.ts";
import { createRuntime, type Runtime } from "./runtime.ts";
import { openFailure } from "./store/db.ts";

const config = readConfig();
let runtime: Runtime;
try {
  runtime = createRuntime(config);
} catch (err) {
  // a database that cannot be opened is the operator's to fix: one line, not a stack trace
  const line = openFailure(err, config.DATABASE_PATH);
  if (!line) throw err;
  console.error(line);
  process.exit(1);
}
// the server's own security headers go on every answer before the app writes it (security-headers.ts)
const listener = getRequestListener(runtime.app.fetch, { hostname: config.HOST });
const server = createServer(withSecurityHeaders(listener));
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  console.log(`Shekara is serving on http://${config.HOST}:${port} (database ${config.DATABASE_PATH})`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the server and the database`);
  server.close(async () => process.exit(await closeOnce()));
  // Live SSE streams keep connections open; do not wait on them for ever.
  setTimeout(async () => process.exit(await closeOnce()), 3000).unref();
}
/** The exit code: 1 when closing failed (VERIFY_LOG_ON_CLOSE found a difference). */
let closing: Promise<number> | undefined;
function closeOnce(): Promise<number> {
  closing ??= runtime.close().then(
    () => 0,
    (error: Error) => {
      console.error(error.message);
      return 1;
    },
  );
  return closing;
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
